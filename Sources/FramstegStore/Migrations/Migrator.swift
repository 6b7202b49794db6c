import Foundation
import SQLKit

/// Applies the migrations a database has not seen yet, each in its own transaction, in order.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration] = Migrations.all) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Returns the versions it applied; an up-to-date database gives an empty list.
    @discardableResult
    public func migrate(_ store: Store, now: Date = Date()) async throws -> [Int] {
        try await store.write { db in
            try await db.create(table: "schema_migrations").ifNotExists()
                .column("version", type: .bigint, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                .column("applied_at", type: .bigint, .notNull)
                .run()
        }
        var applied: [Int] = []
        for migration in migrations {
            let didApply = try await store.migrationTransaction(rebuildingReferencedTables: migration.rebuildsReferencedTable) { db in
                // Two app nodes starting together must not both apply the same migration.
                if store.dialect == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(7311001)").run() }
                let existing = try await db.select().column("version").from("schema_migrations")
                    .where("version", .equal, migration.version).first()
                if existing != nil { return false }
                try await migration.apply(db, store.dialect)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Int64(now.timeIntervalSince1970)))
                    .run()
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }

    /// The versions recorded as applied.
    public func appliedVersions(_ store: Store) async throws -> [Int] {
        try await store.read { db in
            try await db.select().column("version").from("schema_migrations").orderBy("version").all()
                .map { try $0.decode(column: "version", as: Int.self) }
        }
    }
}
