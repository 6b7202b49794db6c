import SQLKit

/// One numbered change to the schema. Migrations only add: none drops a table or column with data.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    let apply: @Sendable (any SQLDatabase, Store.Dialect) async throws -> Void

    public init(version: Int, name: String, apply: @escaping @Sendable (any SQLDatabase, Store.Dialect) async throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}
