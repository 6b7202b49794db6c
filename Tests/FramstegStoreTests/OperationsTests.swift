import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

@Suite("Operations: durability, the write probe and the key canary")
struct OperationsTests {
    static let otherKeyring: FieldKeyring = try! FieldKeyring(text: FieldKeyring.generateText(keyID: "2026-01-01"))

    static func synchronous(_ store: Store) async throws -> Int {
        try await store.exclusively { db in
            try await db.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self) ?? -1
        }
    }

    @Test("SQLite syncs every commit (synchronous = FULL) unless the operator chooses NORMAL")
    func synchronousSetting() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("framsteg-sync-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let full = try await Store.withStore(at: .sqlite(path: path), logger: TestDatabase.logger) { store in
            try await Self.synchronous(store)
        }
        let normal = try await Store.withStore(at: .sqlite(path: path), synchronous: .normal, logger: TestDatabase.logger) { store in
            try await Self.synchronous(store)
        }
        #expect(full == 2)
        #expect(normal == 1)
    }

    @Test("the write probe changes nothing on a writable database and fails on a read-only one", arguments: TestDatabase.available)
    func writeProbe(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store in
            let before = try await Migrator().appliedVersions(store)
            try await store.checkWritable()
            #expect(try await Migrator().appliedVersions(store) == before)
            #expect(try await Migrator().pendingVersions(store) == [])
            switch store.dialect {
            case .sqlite:
                // The store's one connection, made read-only as a read-only file or mount makes it.
                try await store.exclusively { db in try await db.raw("PRAGMA query_only = ON").run() }
                await #expect(throws: (any Error).self) { try await store.checkWritable() }
            case .postgres:
                guard case .postgres(let url) = store.location, let name = URLComponents(string: url)?.path.dropFirst() else { return }
                try await store.read { db in
                    try await db.raw("ALTER DATABASE \(unsafeRaw: String(name)) SET default_transaction_read_only = on").run()
                }
                try await Store.withStore(at: store.location, logger: TestDatabase.logger) { readOnly in
                    await #expect(throws: (any Error).self) { try await readOnly.checkWritable() }
                }
            }
        }
    }

    @Test(
        "the write probe really rewrites a row: a trigger refusing updates of schema_migrations fails it",
        arguments: TestDatabase.available
    )
    func writeProbeWrites(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store in
            try await store.write { db in
                switch store.dialect {
                case .sqlite:
                    try await db.raw(
                        "CREATE TRIGGER refuse_update BEFORE UPDATE ON schema_migrations BEGIN SELECT RAISE(ABORT, 'refused'); END"
                    )
                    .run()
                case .postgres:
                    try await db.raw(
                        "CREATE FUNCTION refuse_update() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql"
                    )
                    .run()
                    try await db.raw(
                        "CREATE TRIGGER refuse_update BEFORE UPDATE ON schema_migrations FOR EACH ROW EXECUTE FUNCTION refuse_update()"
                    )
                    .run()
                }
            }
            await #expect(throws: (any Error).self) { try await store.checkWritable() }
        }
    }

    @Test("a pending migration is named by the migrator", arguments: TestDatabase.available)
    func pendingMigrations(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store in
            let newest = try #require(try await Migrator().appliedVersions(store).last)
            try await store.write { db in try await db.delete(from: "schema_migrations").where("version", .equal, newest).run() }
            #expect(try await Migrator().pendingVersions(store) == [newest])
        }
    }

    @Test("the key canary passes with the database's key file and names what a wrong one cannot open", arguments: TestDatabase.available)
    func keyCanary(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store in
            // An empty database: only the fresh value is proved, so any key file passes.
            try await store.read { db in try await KeyCanary(keyring: Self.otherKeyring).check(db) }
            _ = try await ParticipantRepositoryTests.seed(store)
            try await store.read { db in try await KeyCanary(keyring: TestKeys.keyring).check(db) }
            let failure = try await store.read { db in
                do {
                    try await KeyCanary(keyring: Self.otherKeyring).check(db)
                    return nil as KeyCanary.Failure?
                } catch let failure as KeyCanary.Failure { return failure }
            }
            guard case .storedValue(let table, _, let reason) = failure else {
                Issue.record("expected a stored value that does not open, got \(String(describing: failure))")
                return
            }
            #expect(table == "participants")
            #expect(reason.contains("not in the key file"))
        }
    }

    @Test("with no sealed value yet, a wrong key file is still caught by the newest audit row", arguments: TestDatabase.available)
    func keyCanaryAuditRow(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store in
            try await AuditLogTests.appendRows(store, count: 2)
            try await store.read { db in try await KeyCanary(keyring: TestKeys.keyring).check(db) }
            await #expect(throws: KeyCanary.Failure.auditRow(sequence: 2)) {
                try await store.read { db in try await KeyCanary(keyring: Self.otherKeyring).check(db) }
            }
        }
    }
}
