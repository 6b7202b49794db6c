import Foundation
import SQLKit

extension Store {
    /// Proves the database takes a write without changing anything: for SQLite the file and its
    /// folder (where the WAL lives) are writable, and the newest row of `schema_migrations` is
    /// rewritten with its own value in a transaction that is rolled back. Throws the database's
    /// error, or `StoreError.readOnly`, when it does not.
    public func checkWritable() async throws {
        // A read-only file opened by the first process of a writable folder takes commits into its
        // WAL for a while, so the rolled-back write alone does not notice it.
        if case .sqlite(let path) = location, let reason = Self.readOnlyReason(path) { throw StoreError.readOnly(reason) }
        do {
            // `-> Void`: inferred as `Never` (the body always throws), the body was never run, on either database.
            try await write { db -> Void in
                if dialect == .postgres {
                    let mode = try await db.raw("SHOW transaction_read_only").first()?.decode(
                        column: "transaction_read_only",
                        as: String.self
                    )
                    // A standby, or a database set to default_transaction_read_only.
                    if mode == "on" { throw StoreError.readOnly("the server runs transactions read-only") }
                }
                try await db.raw("UPDATE schema_migrations SET name = name WHERE version = (SELECT MAX(version) FROM schema_migrations)")
                    .run()
                throw RolledBack()
            }
        } catch is RolledBack {}
    }

    /// Why SQLite cannot write at `path` (the file, or the folder where its WAL lives), nil if it can.
    static func readOnlyReason(_ path: String) -> String? {
        guard path != ":memory:" else { return nil }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        for (what, target) in [("file", path), ("folder", folder)] where access(target, F_OK) == 0 && access(target, W_OK) != 0 {
            return "\(what) \(target) is not writable (\(String(cString: strerror(errno))))"
        }
        return nil
    }

    /// Thrown out of the probe's transaction so `write` rolls it back.
    private struct RolledBack: Error {}
}

extension Migrator {
    /// The versions this program knows that the database has not applied: empty when it is current.
    public func pendingVersions(_ store: Store) async throws -> [Int] {
        let applied = Set(try await appliedVersions(store))
        return migrations.map(\.version).filter { !applied.contains($0) }
    }
}
