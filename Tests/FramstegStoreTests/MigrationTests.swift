import FramstegStore
import FramstegTestSupport
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("apply every version once; running again changes nothing", arguments: TestDatabase.available)
    func idempotent(_ database: TestDatabase) async throws {
        try await database.withFreshStore(migrated: false) { store throws in
            let migrator = Migrator()
            #expect(try await migrator.migrate(store) == Array(1...18) + [20])
            #expect(try await migrator.migrate(store) == [])
            #expect(try await migrator.appliedVersions(store) == Array(1...18) + [20])
        }
    }

    @Test("data survives a second migration run", arguments: TestDatabase.available)
    func keepsData(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            _ = try await store.write { db in try await OrganisationRepository(db).createAssociation(name: "Insjöriket", now: .init()) }
            try await Migrator().migrate(store)
            let names = try await store.read { db in try await OrganisationRepository(db).associations().map(\.name) }
            #expect(names == ["Insjöriket"])
        }
    }

    @Test("PostgreSQL is configured whenever CI runs")
    func postgresInCI() {
        if TestDatabase.isCI { #expect(TestDatabase.postgresURL != nil, "set FRAMSTEG_TEST_POSTGRES_URL in CI") }
    }
}
