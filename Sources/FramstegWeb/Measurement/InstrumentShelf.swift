import Foundation
import FramstegCore
import FramstegStore
import Logging
import Synchronization

/// The instruments the running server knows: the shipped definitions, for everyone, and the
/// versions each association's admin added since, for that association only. A stored definition
/// that no longer loads is named in the log and on the admin's page, and left out; the server
/// keeps running.
public final class InstrumentShelf: Sendable {
    struct State {
        var shipped: [Instrument]
        var added: [AssociationID: [Instrument]]
        var problems: [AssociationID?: [String]]
    }

    private let state: Mutex<State>

    init(shipped: [Instrument], added: [AssociationID: [Instrument]] = [:], problems: [AssociationID?: [String]] = [:]) {
        state = Mutex(State(shipped: shipped, added: added, problems: problems))
    }

    /// What an association measures with: the shipped instruments and its own versions.
    func catalog(for association: AssociationID) -> InstrumentCatalog {
        state.withLock { InstrumentCatalog($0.shipped + ($0.added[association] ?? [])) }
    }

    /// Stored definitions of this association refused at start-up, as "file: path reason".
    func problems(for association: AssociationID) -> [String] {
        state.withLock { ($0.problems[association] ?? []) + ($0.problems[nil] ?? []) }
    }

    /// Checks that a new version fits the association's catalogue (an existing id and version is
    /// refused, and so is new wording for a read-only instrument), without adding it.
    func check(_ instrument: Instrument, for association: AssociationID) throws(InstrumentCatalog.Problem) {
        var catalog = catalog(for: association)
        if catalog.instrument(instrument.id, version: instrument.version) != nil {
            throw .versionExists(id: instrument.id, version: instrument.version)
        }
        try catalog.add(instrument)
    }

    /// Adds a version checked and stored by the caller.
    func add(_ instrument: Instrument, for association: AssociationID) {
        state.withLock { $0.added[association, default: []].append(instrument) }
    }

    /// Shipped definitions must load (a test guards them); stored ones may fail and are named.
    static func load(store: Store, logger: Logger) async throws -> InstrumentShelf {
        let library = try await store.read { db in try await InstrumentLibrary.load(db) }
        for problem in library.problems.values.flatMap({ $0 }) {
            logger.error("stored instrument definition left out", metadata: ["problem": "\(problem)"])
        }
        return InstrumentShelf(shipped: library.shipped, added: library.added, problems: library.problems)
    }
}
