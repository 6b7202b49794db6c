import SQLKit

/// One numbered change to the schema. Migrations never lose data: a table is rebuilt (where SQLite
/// cannot change a key or constraint in place) only by copying every row into its new form.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// Rebuilds a table others reference: on SQLite it runs with foreign keys off, as SQLite's
    /// documented procedure requires, and every foreign key is checked before it commits.
    let rebuildsReferencedTable: Bool
    let apply: @Sendable (any SQLDatabase, Store.Dialect) async throws -> Void

    public init(
        version: Int,
        name: String,
        rebuildsReferencedTable: Bool = false,
        apply: @escaping @Sendable (any SQLDatabase, Store.Dialect) async throws -> Void
    ) {
        self.version = version
        self.name = name
        self.rebuildsReferencedTable = rebuildsReferencedTable
        self.apply = apply
    }
}
