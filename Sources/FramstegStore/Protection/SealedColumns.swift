import FramstegCore
import SQLKit

/// How a repository seals the personal columns of one table: every value bound to its table,
/// column and row key (`FieldBinding`), so it opens only where it was written.
///
/// The row key must exist when the value is sealed. A row whose id the database assigns is
/// inserted with empty placeholders and given its sealed values by `fill` right after, in the same
/// transaction; a row whose key is known beforehand (an answer: measurement and item) is sealed as
/// it is inserted.
struct SealedColumns: Sendable {
    let keyring: FieldKeyring
    let table: String

    init(_ keyring: FieldKeyring, table: String) {
        self.keyring = keyring
        self.table = table
    }

    func binding(_ column: String, row: String) -> FieldBinding { FieldBinding(table: table, column: column, row: row) }

    func seal(_ value: String, _ column: String, row: String) throws -> String {
        try keyring.seal(value, binding: binding(column, row: row))
    }

    func open(_ stored: String, _ column: String, row: String) throws -> String {
        try keyring.open(stored: stored, binding: binding(column, row: row))
    }

    /// The column's value in `row` opened, nil where it is NULL; the row key is read from `id`.
    func open(_ column: String, in row: any SQLRow, id idColumn: String = "id") throws -> String? {
        let key = try row.decode(column: idColumn, as: Int64.self)
        return try row.decode(column: column, as: String?.self).map { try open($0, column, row: String(key)) }
    }

    /// Seals the values into the row with this id (just inserted, or changed); nil stays NULL.
    func fill(_ db: any SQLDatabase, id: Int64, _ values: [(column: String, value: String?)]) async throws {
        guard !values.isEmpty else { return }
        let update = db.update(table)
        for (column, value) in values {
            update.set(column, to: SQLBind(try value.map { try seal($0, column, row: String(id)) }))
        }
        try await update.where("id", .equal, id).run()
    }
}
