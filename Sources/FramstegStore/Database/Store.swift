import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit

/// The one handle to the database. Every repository runs its SQL through `read` or `write`,
/// so the same code serves SQLite and PostgreSQL.
public final class Store: Sendable {
    public enum Dialect: String, Sendable { case sqlite, postgres }

    enum Backend: Sendable {
        /// One serialised connection for writing: SQLite allows one writer, and transactions must
        /// not interleave. Reads go to connections of their own beside it (nil for `:memory:`,
        /// which cannot be shared: reads then queue behind the writer).
        case sqlite(SQLiteConnection, AsyncLock, SQLiteReaders?)
        case postgres(PostgresClient)
    }

    public let dialect: Dialect
    public let location: DatabaseLocation
    /// The key the audit chain is written and verified with; nil for commands that write no audit rows.
    public let auditKey: AuditKey?
    let backend: Backend
    let logger: Logger
    /// The audit rows of reads, committed in groups (`audit(_:)`).
    let auditGroup = AuditGroupCommit()

    init(backend: Backend, location: DatabaseLocation, auditKey: AuditKey?, logger: Logger) {
        self.backend = backend
        self.location = location
        self.auditKey = auditKey
        self.logger = logger
        switch backend {
        case .sqlite: self.dialect = .sqlite
        case .postgres: self.dialect = .postgres
        }
    }

    /// Runs `body` with a database for queries that change nothing.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let connection, let lock, let readers):
            guard let readers else { return try await lock.withLock { try await body(handOut(Self.unlogged(connection))) } }
            // In a read transaction of its own: the body's queries see one committed state (WAL),
            // while the writer goes on.
            return try await readers.withReader { reader in
                try await Self.transaction(on: handOut(Self.unlogged(reader)), begin: "BEGIN", body)
            }
        case .postgres(let client):
            return try await client.withConnection { connection in try await body(handOut(Self.unlogged(connection))) }
        }
    }

    /// Runs `body` on the connection that writes, outside any transaction, with nothing else on it
    /// meanwhile: for statements that may not run in a transaction (`VACUUM INTO`) and for the
    /// writing connection's own settings. PostgreSQL: a connection of the pool, as `read`.
    public func exclusively<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let connection, let lock, _):
            return try await lock.withLock { try await body(handOut(Self.unlogged(connection))) }
        case .postgres(let client):
            return try await client.withConnection { connection in try await body(handOut(Self.unlogged(connection))) }
        }
    }

    /// Runs `body` in one transaction: everything it writes is committed together or not at all.
    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let connection, let lock, _):
            return try await lock.withLock {
                try await Self.transaction(on: handOut(Self.unlogged(connection)), begin: "BEGIN IMMEDIATE", body)
            }
        case .postgres(let client):
            return try await client.withConnection { connection in
                try await Self.transaction(on: handOut(Self.unlogged(connection)), begin: "BEGIN", body)
            }
        }
    }

    /// Like `write`, for a migration that rebuilds a table others reference. SQLite runs it with
    /// foreign keys off (they cannot be switched inside a transaction, and a rebuilt table must not
    /// take its children's references with it) and checks every foreign key before committing.
    func migrationTransaction<T: Sendable>(
        rebuildingReferencedTables: Bool,
        _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        guard rebuildingReferencedTables, case .sqlite(let connection, let lock, _) = backend else { return try await write(body) }
        return try await lock.withLock {
            let db = handOut(Self.unlogged(connection))
            try await db.raw("PRAGMA foreign_keys = OFF").run()
            do {
                let value = try await Self.transaction(on: db, begin: "BEGIN IMMEDIATE") { db in
                    let value = try await body(db)
                    if let broken = try await db.raw("PRAGMA foreign_key_check").first() {
                        throw StoreError.corrupt("a foreign key no longer holds after the rebuild: \(broken.allColumns)")
                    }
                    return value
                }
                try await db.raw("PRAGMA foreign_keys = ON").run()
                return value
            } catch {
                try? await db.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
        }
    }

    /// Folds the WAL into the database file and truncates it (SQLite), so the log keeps no earlier
    /// state of what was just rewritten. PostgreSQL manages its own WAL; there this does nothing.
    public func checkpoint() async throws {
        guard case .sqlite(let connection, let lock, _) = backend else { return }
        try await lock.withLock { _ = try await Self.unlogged(connection).raw("PRAGMA wal_checkpoint(TRUNCATE)").all() }
    }

    /// The connection as `read` and `write` hand it out: carrying the audit key, so `AuditLog(db)`
    /// chains with it without every service passing the key along.
    private func handOut(_ db: any SQLDatabase) -> any SQLDatabase {
        StoreDatabase(base: db, auditKey: auditKey)
    }

    /// Queries are never logged, at any level: their binds hold personal data, sealed values and
    /// anonymous answers, and a debug log must not become a copy of the database.
    static func unlogged(_ connection: SQLiteConnection) -> any SQLDatabase {
        connection.sql(encoder: .init(), decoder: .init(), queryLogLevel: nil)
    }

    static func unlogged(_ connection: PostgresConnection) -> any SQLDatabase {
        connection.sql(queryLogLevel: nil)
    }

    /// The drivers' own logger: what they say below `info` (the messages they exchange with the
    /// server) is left out whatever the application's level.
    static func driverLogger(_ logger: Logger) -> Logger {
        var logger = logger
        logger.logLevel = max(logger.logLevel, .info)
        return logger
    }

    private static func transaction<T: Sendable>(
        on db: any SQLDatabase,
        begin: String,
        _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let value = try await body(db)
            try await db.raw("COMMIT").run()
            return value
        } catch {
            try? await rollBack(db)
            throw error
        }
    }

    /// Ends the open transaction without its changes, also when the task that opened it was
    /// cancelled (a request whose deadline passed, a client gone): SQLite's thread pool refuses
    /// work for a cancelled task, and a ROLLBACK left unsent kept the connection inside the
    /// transaction, so every later `BEGIN` on it failed ("cannot start a transaction within a
    /// transaction") until restart. The statement runs in a task of its own, which no
    /// cancellation reaches.
    static func rollBack(_ db: any SQLDatabase) async throws {
        try await Task { try await db.raw("ROLLBACK").run() }.value
    }
}

extension Store {
    /// Opens the database, runs `body`, and closes it again, also when `body` throws.
    ///
    /// For PostgreSQL the connection pool runs as a child task for exactly as long as `body`.
    public static func withStore<T: Sendable>(
        at location: DatabaseLocation,
        auditKey: AuditKey? = nil,
        synchronous: SQLiteSynchronous = .full,
        logger: Logger,
        _ body: @Sendable (Store) async throws -> T
    ) async throws -> T {
        switch location {
        case .sqlite(let path):
            // One thread for the one connection: every SQLite call happens on the same thread, in order.
            let thread = NIOThreadPool(numberOfThreads: 1)
            thread.start()
            defer { thread.shutdownGracefully { _ in } }
            let connection = try await openSQLite(path: path, thread: thread, synchronous: synchronous, logger: driverLogger(logger))
            let readers: SQLiteReaders?
            do {
                let count = SQLiteReaders.configuredCount
                readers =
                    path == ":memory:" || count == 0
                    ? nil : try await SQLiteReaders.open(path: path, count: count, logger: driverLogger(logger))
            } catch {
                try? await connection.close()
                throw error
            }
            let store = Store(backend: .sqlite(connection, AsyncLock(), readers), location: location, auditKey: auditKey, logger: logger)
            do {
                let value = try await body(store)
                await readers?.close()
                try? await connection.close()
                return value
            } catch {
                await readers?.close()
                try? await connection.close()
                throw error
            }
        case .postgres(let url):
            let configuration = try postgresConfiguration(url: url, location: location)
            try await checkPostgresReachable(configuration, location: location, logger: driverLogger(logger))
            let client = PostgresClient(configuration: PostgresClient.Configuration(configuration), backgroundLogger: driverLogger(logger))
            let store = Store(backend: .postgres(client), location: location, auditKey: auditKey, logger: logger)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                return try await body(store)
            }
        }
    }

    static func openSQLite(
        path: String,
        thread: NIOThreadPool,
        synchronous: SQLiteSynchronous = .full,
        logger: Logger
    ) async throws -> SQLiteConnection {
        let storage: SQLiteConnection.Storage = path == ":memory:" ? .memory : .file(path: path)
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: storage,
                threadPool: thread,
                logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.any()
            )
        } catch {
            throw StoreError.unreachable(location: path, reason: readOnlyReason(path) ?? "\(error)")
        }
        do {
            try await configure(unlogged(connection), synchronous: synchronous)
            return connection
        } catch {
            // An open connection must be closed, also when the file refuses the settings (a read-only directory).
            try? await connection.close()
            throw StoreError.unreachable(location: path, reason: readOnlyReason(path) ?? "\(error)")
        }
    }

    private static func configure(_ db: any SQLDatabase, synchronous: SQLiteSynchronous) async throws {
        // WAL: readers do not block the writer.
        try await db.raw("PRAGMA journal_mode = WAL").run()
        // FULL syncs the WAL at every commit, so an acknowledged write survives a power loss too.
        try await db.raw(SQLQueryString("PRAGMA synchronous = \(synchronous.rawValue.uppercased())")).run()
        try await db.raw("PRAGMA foreign_keys = ON").run()
        // What is deleted is overwritten, not left in free pages: anonymous responses are
        // rewritten at every release, and an earlier state must not stay readable in the file.
        try await db.raw("PRAGMA secure_delete = ON").run()
        // A 64 MiB page cache (the default is 2 MiB): the dashboards scan whole tables.
        try await db.raw("PRAGMA cache_size = -65536").run()
        // Another process (e.g. `framsteg user add` beside `serve`) may hold the write lock briefly.
        try await db.raw("PRAGMA busy_timeout = 5000").run()
    }

    static func postgresConfiguration(url: String, location: DatabaseLocation) throws -> PostgresConnection.Configuration {
        do {
            return try SQLPostgresConfiguration(url: url).coreConfiguration
        } catch {
            throw StoreError.unreachable(location: location.description, reason: "not a valid postgres:// URL")
        }
    }

    /// Connects once before starting the pool: the pool would otherwise retry silently forever.
    static func checkPostgresReachable(
        _ configuration: PostgresConnection.Configuration,
        location: DatabaseLocation,
        logger: Logger
    ) async throws {
        do {
            let connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(),
                configuration: configuration,
                id: 0,
                logger: logger
            ).get()
            try? await connection.close()
        } catch let error as PSQLError {
            let reason = error.serverInfo?[.message] ?? String(describing: error.code)
            let underlying = error.underlying.map { " (\($0))" } ?? ""
            throw StoreError.unreachable(location: location.description, reason: reason + underlying)
        } catch {
            throw StoreError.unreachable(location: location.description, reason: "\(error)")
        }
    }
}

extension PostgresClient.Configuration {
    /// Translates a URL-based connection configuration into the pool's (which takes no URL).
    init(_ configuration: PostgresConnection.Configuration) {
        let tls: PostgresClient.Configuration.TLS =
            if configuration.tls.isEnforced { .require(.makeClientConfiguration()) } else if configuration.tls.isAllowed {
                .prefer(.makeClientConfiguration())
            } else { .disable }
        if let socket = configuration.unixSocketPath {
            self.init(
                unixSocketPath: socket,
                username: configuration.username,
                password: configuration.password,
                database: configuration.database
            )
        } else {
            self.init(
                host: configuration.host ?? "localhost",
                port: configuration.port ?? 5432,
                username: configuration.username,
                password: configuration.password,
                database: configuration.database,
                tls: tls
            )
        }
        self.options.maximumConnections = 10
    }
}
