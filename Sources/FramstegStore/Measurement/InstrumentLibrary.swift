import Foundation
import FramstegCore
import SQLKit

/// The instruments an installation knows: the shipped definitions, for everyone, and the versions
/// each association's admin added since. A stored definition that no longer loads is left out and
/// named in `problems` (by association; nil for a definition of no association).
public struct InstrumentLibrary: Sendable {
    public let shipped: [Instrument]
    public let added: [AssociationID: [Instrument]]
    public let problems: [AssociationID?: [String]]

    /// Shipped definitions must load (a test guards them); stored ones may fail and are named.
    public static func load(_ db: any SQLDatabase) async throws -> InstrumentLibrary {
        var shippedCatalog = InstrumentCatalog()
        let shipped = try ShippedInstruments.load()
        for instrument in shipped { try shippedCatalog.add(instrument) }
        var added: [AssociationID: [Instrument]] = [:]
        var problems: [AssociationID?: [String]] = [:]
        for (file, text, association) in try await InstrumentDefinitionRepository(db).definitions() {
            do {
                let instrument = try Instrument(definition: Data(text.utf8), file: file)
                var catalog = InstrumentCatalog(shipped + (association.flatMap { added[$0] } ?? []))
                try catalog.add(instrument)
                if let association { added[association, default: []].append(instrument) }
            } catch let problem as InstrumentDefinitionProblem {
                problems[association, default: []].append(problem.description)
            } catch let problem as InstrumentCatalog.Problem {
                problems[association, default: []].append("\(file): \(problem)")
            }
        }
        return InstrumentLibrary(shipped: shipped, added: added, problems: problems)
    }

    /// What an association measures with: the shipped instruments and its own versions.
    public func catalog(for association: AssociationID) -> InstrumentCatalog {
        InstrumentCatalog(shipped + (added[association] ?? []))
    }
}
