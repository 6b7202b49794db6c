import FramstegCore
import SQLKit

/// Proves that the key file belongs to this database: a fresh value seals and opens, the newest
/// stored sealed value opens, and the newest audit row verifies under the audit key. A wrong key
/// file fails at least one of them (the first two when the database holds no sealed values yet).
public struct KeyCanary: Sendable {
    public let keyring: FieldKeyring

    public init(keyring: FieldKeyring) {
        self.keyring = keyring
    }

    /// What did not open, in one line for a person.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case freshValue
        case storedValue(table: String, column: String, reason: String)
        case auditRow(sequence: Int64)

        public var description: String {
            switch self {
            case .freshValue: "a fresh value did not seal and open again"
            case .storedValue(let table, let column, let reason): "a stored value (\(table).\(column)) does not open: \(reason)"
            case .auditRow(let sequence): "the audit log's row \(sequence) does not verify under the key file's audit key"
            }
        }
    }

    /// Throws `Failure` when a check fails, the database's error when it cannot be read.
    public func check(_ db: any SQLDatabase) async throws {
        let binding = FieldBinding(table: "canary", column: "value", row: "0")
        guard (try? keyring.open(stored: keyring.seal("canary", binding: binding), binding: binding)) == "canary" else {
            throw Failure.freshValue
        }
        try await openOneStoredValue(db)
        if case .broken(let sequence, _) = try await AuditLog(db, key: keyring.auditKey).verifyRecent(rows: 1) {
            throw Failure.auditRow(sequence: sequence)
        }
    }

    /// Opens the newest bound value of the first sealed column that holds one (none: nothing to prove).
    private func openOneStoredValue(_ db: any SQLDatabase) async throws {
        for table in PlaintextSealing.tables {
            for column in table.columns {
                var query = db.select().column(column.name).from(table.name)
                    .where(SQLColumn(column.name), .like, SQLBind(FieldKeyring.boundPrefix + "%"))
                for key in table.key { query = query.column(key.column).orderBy(key.column, .descending) }
                guard let row = try await query.limit(1).first() else { continue }
                let rowKey = try table.key.map { key in
                    key.isInteger
                        ? String(try row.decode(column: key.column, as: Int64.self)) : try row.decode(column: key.column, as: String.self)
                }
                let stored = try row.decode(column: column.name, as: String.self)
                do {
                    _ = try keyring.open(
                        stored: stored,
                        binding: FieldBinding(table: table.name, column: column.name, row: rowKey.joined(separator: "/"))
                    )
                } catch {
                    throw Failure.storedValue(table: table.name, column: column.name, reason: "\(error)")
                }
                return
            }
        }
    }
}
