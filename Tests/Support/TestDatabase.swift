import Foundation
import FramstegStore
import Logging
import SQLKit

/// The databases a storage test runs on: SQLite always, PostgreSQL when `FRAMSTEG_TEST_POSTGRES_URL`
/// names a server where the user may create databases. In CI the PostgreSQL run is never skipped.
public enum TestDatabase: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["FRAMSTEG_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The databases to run on here: PostgreSQL is included when configured, and always in CI
    /// (where a missing URL then fails the test instead of passing silently).
    public static var available: [TestDatabase] {
        postgresURL != nil || isCI ? [.sqlite, .postgres] : [.sqlite]
    }

    public static let logger: Logger = {
        var logger = Logger(label: "framsteg.test")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` on a new, empty database that is removed afterwards.
    public func withFreshStore<T: Sendable>(
        migrated: Bool = true,
        auditKey: AuditKey = TestKeys.keyring.auditKey,
        logger: Logger = TestDatabase.logger,
        _ body: @Sendable (Store) async throws -> T
    ) async throws -> T {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("framsteg-test-\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            return try await Store.withStore(at: .sqlite(path: path), auditKey: auditKey, logger: logger) { store in
                if migrated { try await Self.prepare(store) }
                return try await body(store)
            }
        case .postgres:
            guard let adminURL = Self.postgresURL else { throw TestDatabaseError.postgresNotConfigured }
            let name = Self.freshName()
            try await Self.admin(adminURL) { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            do {
                let location = DatabaseLocation.postgres(url: Self.url(adminURL, database: name))
                let value = try await Store.withStore(at: location, auditKey: auditKey, logger: logger) { store in
                    if migrated { try await Self.prepare(store) }
                    return try await body(store)
                }
                try await Self.admin(adminURL) { db in try await db.raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run() }
                return value
            } catch {
                try? await Self.admin(adminURL) { db in try await db.raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run() }
                throw error
            }
        }
    }

    /// Runs `body` with the location of a new, empty PostgreSQL database that is dropped afterwards
    /// (a target to restore into).
    public static func withEmptyPostgresDatabase<T: Sendable>(_ body: @Sendable (DatabaseLocation) async throws -> T) async throws -> T {
        guard let adminURL = postgresURL else { throw TestDatabaseError.postgresNotConfigured }
        let name = Self.freshName()
        try await admin(adminURL) { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
        do {
            let value = try await body(.postgres(url: url(adminURL, database: name)))
            try await admin(adminURL) { db in try await db.raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run() }
            return value
        } catch {
            try? await admin(adminURL) { db in try await db.raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run() }
            throw error
        }
    }

    /// A new database's name: `FRAMSTEG_TEST_DATABASE_PREFIX` (default `framsteg_test_`, so
    /// several people testing on one server can keep apart) and eight random hex digits.
    static func freshName() -> String {
        let prefix =
            ProcessInfo.processInfo.environment["FRAMSTEG_TEST_DATABASE_PREFIX"].flatMap { $0.isEmpty ? nil : $0 } ?? "framsteg_test_"
        precondition(
            prefix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") },
            "a database prefix of letters, digits and _"
        )
        return prefix + UUID().uuidString.prefix(8).lowercased()
    }

    /// What `serve` does on opening: the migrations, then the keyed step that seals what is left in the clear.
    static func prepare(_ store: Store) async throws {
        try await Migrator().migrate(store)
        try await PlaintextSealing(keyring: TestKeys.keyring).run(store)
    }

    private static func admin(_ url: String, _ body: @Sendable (any SQLDatabase) async throws -> Void) async throws {
        try await Store.withStore(at: .postgres(url: url), logger: logger) { store in try await store.read(body) }
    }

    /// The admin URL with its database replaced.
    static func url(_ adminURL: String, database: String) -> String {
        guard var components = URLComponents(string: adminURL) else { return adminURL }
        components.path = "/" + database
        return components.string ?? adminURL
    }
}

public enum TestDatabaseError: Error, CustomStringConvertible {
    case postgresNotConfigured

    public var description: String {
        "CI=true but FRAMSTEG_TEST_POSTGRES_URL is not set: the PostgreSQL run may not be skipped in CI"
    }
}

/// Keeps every log line and its metadata, at every level, so a test can look for what must never be logged.
public final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    public init() {}

    public var text: String { lock.withLock { lines.joined(separator: "\n") } }

    public var logger: Logger {
        var logger = Logger(label: "framsteg.captured") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            log.append("\(event.level) \(event.message) \(all)")
        }
    }
}
