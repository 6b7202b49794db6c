import ArgumentParser
import Foundation
import FramstegStore
import Logging

/// `--database`, shared by every subcommand; falls back to FRAMSTEG_DATABASE, then ./framsteg.sqlite.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "An SQLite file path or a postgres:// URL (env: FRAMSTEG_DATABASE; default ./framsteg.sqlite).")
    var database: String?

    @Option(
        name: .customLong("sqlite-synchronous"),
        help:
            "SQLite only: full (every commit survives a power loss) or normal (faster commits; a power loss may lose the last ones) (env: FRAMSTEG_SQLITE_SYNCHRONOUS; default full)."
    )
    var synchronous: SQLiteSynchronous =
        ProcessInfo.processInfo.environment["FRAMSTEG_SQLITE_SYNCHRONOUS"].flatMap {
            SQLiteSynchronous(rawValue: $0.lowercased())
        } ?? .full

    var location: DatabaseLocation {
        if let database { return DatabaseLocation(parsing: database) }
        if let environment = ProcessInfo.processInfo.environment["FRAMSTEG_DATABASE"], !environment.isEmpty {
            return DatabaseLocation(parsing: environment)
        }
        return .defaultSQLite
    }

    /// Opens the store (with the audit key when the command writes or checks audit rows); a database
    /// that cannot be reached ends the program with one clear line.
    func withStore<T: Sendable>(logger: Logger, auditKey: AuditKey? = nil, _ body: @Sendable (Store) async throws -> T) async throws -> T {
        do {
            return try await Store.withStore(at: location, auditKey: auditKey, synchronous: synchronous, logger: logger, body)
        } catch let error as StoreError {
            throw CommandFailure(message: error.description)
        }
    }
}

extension SQLiteSynchronous: ExpressibleByArgument {}

/// A failure reported as one line on standard error and a non-zero exit code, without a stack trace.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension Logger {
    /// Structured logs on standard error at the level from FRAMSTEG_LOG_LEVEL (default info).
    static func framsteg(_ label: String = "framsteg") -> Logger {
        var logger = Logger(label: label)
        let level = ProcessInfo.processInfo.environment["FRAMSTEG_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .info
        return logger
    }
}
