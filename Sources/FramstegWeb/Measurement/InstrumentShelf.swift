import Foundation
import FramstegCore
import FramstegStore
import Logging
import Synchronization

/// The instruments the running server knows: the shipped definitions, for everyone, and the
/// versions each association's admin added since, for that association only. A stored definition
/// that no longer loads is named in the log and on the admin's page, and left out; the server
/// keeps running. With several nodes over one database, each reloads the stored definitions when
/// the database's generation counter says another node changed them (`refresh`).
public final class InstrumentShelf: Sendable {
    struct State {
        var shipped: [Instrument]
        var added: [AssociationID: [Instrument]]
        var problems: [AssociationID?: [String]]
        /// The stored definitions' generation this shelf holds (see `InstrumentDefinitionRepository.generation`).
        var generation: Int64 = 0
        /// When the generation was last read; nil: never since start.
        var checkedAt: Date?
    }

    /// How often at most a node asks the database whether another node changed the instruments.
    static let checkInterval: TimeInterval = 3

    private let state: Mutex<State>
    private let logger: Logger

    init(
        shipped: [Instrument],
        added: [AssociationID: [Instrument]] = [:],
        problems: [AssociationID?: [String]] = [:],
        generation: Int64 = 0,
        logger: Logger = Logger(label: "framsteg.instruments")
    ) {
        state = Mutex(State(shipped: shipped, added: added, problems: problems, generation: generation))
        self.logger = logger
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

    /// Adds a version checked and stored by the caller (the next `refresh` reloads it with
    /// the generation its store bumped).
    func add(_ instrument: Instrument, for association: AssociationID) {
        state.withLock { state in
            if !(state.added[association] ?? []).contains(where: { $0.id == instrument.id && $0.version == instrument.version }) {
                state.added[association, default: []].append(instrument)
            }
        }
    }

    /// Shipped definitions must load (a test guards them); stored ones may fail and are named.
    static func load(store: Store, logger: Logger) async throws -> InstrumentShelf {
        let (library, generation) = try await Self.read(store, logger: logger)
        return InstrumentShelf(
            shipped: library.shipped,
            added: library.added,
            problems: library.problems,
            generation: generation,
            logger: logger
        )
    }

    /// The stored definitions and the generation they are of, read together.
    private static func read(_ store: Store, logger: Logger) async throws -> (InstrumentLibrary, Int64) {
        let (library, generation) = try await store.read { db in
            (try await InstrumentLibrary.load(db), try await InstrumentDefinitionRepository(db).generation())
        }
        for problem in library.problems.values.flatMap({ $0 }) {
            logger.error("stored instrument definition left out", metadata: ["problem": "\(problem)"])
        }
        return (library, generation)
    }

    /// Catches up with changes another node made: reads the generation when the last read is
    /// `checkInterval` old (or at once with `force`, when a look-up missed), and reloads the
    /// stored definitions only when it moved. Returns whether the shelf changed.
    @discardableResult
    func refresh(store: Store, now: Date, force: Bool = false) async throws -> Bool {
        let isDue = state.withLock { state in
            guard force || state.checkedAt.map({ abs(now.timeIntervalSince($0)) >= Self.checkInterval }) ?? true else { return false }
            state.checkedAt = now
            return true
        }
        guard isDue else { return false }
        let stored = try await store.read { db in try await InstrumentDefinitionRepository(db).generation() }
        guard stored != state.withLock({ $0.generation }) else { return false }
        let (library, generation) = try await Self.read(store, logger: logger)
        return state.withLock { state in
            // Two refreshes at once: the newer reading stands.
            guard generation > state.generation else { return false }
            state.added = library.added
            state.problems = library.problems
            state.generation = generation
            return true
        }
    }

    /// The association's catalogue, caught up first when `has` says it lacks what was asked for
    /// (an instrument another node has just added).
    func catalog(
        for association: AssociationID,
        store: Store,
        now: Date,
        having has: (InstrumentCatalog) -> Bool
    ) async throws -> InstrumentCatalog {
        let catalog = catalog(for: association)
        if has(catalog) { return catalog }
        return try await refresh(store: store, now: now, force: true) ? self.catalog(for: association) : catalog
    }
}
