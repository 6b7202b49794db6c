import Foundation
import FramstegCore
import FramstegStore
import Hummingbird
import Logging

/// Everything a route needs, handed in once when the application is built: no globals, no singletons.
public struct Site: Sendable {
    public let store: Store
    /// Seals and opens personal data at rest.
    public let keyring: FieldKeyring
    public let configuration: WebConfiguration
    let renderer: Renderer
    /// The current time; tests pass a clock they can move.
    public let now: @Sendable () -> Date
    let logger: Logger
    /// The measurement instruments, shipped and added.
    let instruments: InstrumentShelf
    /// Seals half-answered anonymous surveys into the participant's browser (nothing kept here).
    let surveyDrafts: SurveyDrafts
    /// Every change goes through these.
    let services: Services

    public init(
        store: Store,
        keyring: FieldKeyring,
        configuration: WebConfiguration,
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) async throws {
        self.store = store
        self.keyring = keyring
        self.configuration = configuration
        self.renderer = try await Renderer.load()
        self.now = now
        self.logger = logger
        self.instruments = try await InstrumentShelf.load(store: store, logger: logger)
        self.surveyDrafts = SurveyDrafts(keyring: keyring, lifetime: configuration.sessionLifetime.idleTimeout)
        self.services = Services(
            store: store,
            keyring: keyring,
            instruments: instruments,
            surveyDrafts: surveyDrafts,
            passwords: Passwords(cost: configuration.bcryptCost),
            configuration: configuration,
            // Checked against when an account does not exist, so a failed sign-in takes the same time either way.
            dummyPasswordHash: try await Passwords(cost: configuration.bcryptCost).hash(Tokens.random()),
            now: now
        )
    }

    /// Writes one audit row in its own transaction (for events that change nothing else).
    func audit(_ entry: AuditEntry) async throws {
        try await store.audit(entry)
    }
}
