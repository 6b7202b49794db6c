import Logging
import NIOCore
import SQLKit

/// A connection handed out by `Store.read` and `Store.write`, with the store's audit key beside it.
/// Everything else is the connection's own.
struct StoreDatabase: SQLDatabase {
    let base: any SQLDatabase
    let auditKey: AuditKey?

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await base.execute(sql: query, onRow)
    }
}

extension SQLDatabase {
    /// The audit key of the store this connection came from.
    var auditKey: AuditKey? { (self as? StoreDatabase)?.auditKey }
}
