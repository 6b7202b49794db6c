import FramstegCore
import FramstegStore
import Foundation
import Logging
import Synchronization

/// The instruments the running server knows: the shipped definitions and every version an admin
/// added since. A stored definition that no longer loads is named in the log and on the admin's
/// page, and left out; the server keeps running.
public final class InstrumentShelf: Sendable {
    private let state: Mutex<(catalog: InstrumentCatalog, problems: [String])>

    init(catalog: InstrumentCatalog, problems: [String]) {
        state = Mutex((catalog, problems))
    }

    var catalog: InstrumentCatalog { state.withLock { $0.catalog } }
    /// Stored definitions refused at start-up, as "file: path reason".
    var problems: [String] { state.withLock { $0.problems } }

    func instrument(_ id: String, version: Int) -> Instrument? { catalog.instrument(id, version: version) }

    /// Adds a version checked and stored by the caller.
    func add(_ instrument: Instrument) throws(InstrumentCatalog.Problem) {
        try state.withLock { state throws(InstrumentCatalog.Problem) in try state.catalog.add(instrument) }
    }

    /// Shipped definitions must load (a test guards them); stored ones may fail and are named.
    static func load(store: Store, logger: Logger) async throws -> InstrumentShelf {
        var catalog = InstrumentCatalog()
        for instrument in try ShippedInstruments.load() { try catalog.add(instrument) }
        var problems: [String] = []
        let stored = try await store.read { db in try await MeasurementRepository(db).definitions() }
        for (file, text) in stored {
            do {
                try catalog.add(try Instrument(definition: Data(text.utf8), file: file))
            } catch let problem as InstrumentDefinitionProblem {
                problems.append(problem.description)
            } catch let problem as InstrumentCatalog.Problem {
                problems.append("\(file): \(problem)")
            }
        }
        for problem in problems {
            logger.error("stored instrument definition left out", metadata: ["problem": "\(problem)"])
        }
        return InstrumentShelf(catalog: catalog, problems: problems)
    }
}
