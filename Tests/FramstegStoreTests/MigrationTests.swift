import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("apply every version once; running again changes nothing", arguments: TestDatabase.available)
    func idempotent(_ database: TestDatabase) async throws {
        try await database.withFreshStore(migrated: false) { store throws in
            let migrator = Migrator()
            let versions = Migrations.all.map(\.version).sorted()
            #expect(versions == Array(1...40), "numbered without gaps")
            #expect(Set(versions).count == versions.count, "each version once")
            #expect(try await migrator.migrate(store) == versions)
            #expect(try await migrator.migrate(store) == [])
            #expect(try await migrator.appliedVersions(store) == versions)
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

    @Test(
        "rebuilding users (migration 24) keeps every account, unit and session, and their foreign keys hold",
        arguments: TestDatabase.available
    )
    func usersRebuilt(_ database: TestDatabase) async throws {
        try await database.withFreshStore(migrated: false) { store throws in
            let before = Migrator(migrations: Migrations.all.filter { $0.version < 24 })
            try await before.migrate(store)
            let (association, user, unit) = try await store.write { db in
                let organisation = OrganisationRepository(db)
                let association = try await organisation.createAssociation(name: "Insjöriket", now: .init())
                let municipality = try await organisation.createMunicipality(in: association.id, name: "Partille")
                let unit = try await organisation.createUnit(in: association.id, municipalityID: municipality.id, name: "A")
                let user = try await UserRepository(db).create(
                    in: association.id,
                    email: "hassan@insjoriket.se",
                    name: "Hassan",
                    role: .counsellor,
                    unitIDs: [unit.id],
                    passwordHash: "$2b$hash",
                    now: .init()
                )
                try await SessionRepository(db).create(tokenHash: "abc", userID: user.id, csrfToken: "csrf", now: .init())
                return (association, user, unit)
            }
            #expect(try await Migrator().migrate(store) == Migrations.all.map(\.version).filter { $0 >= 24 }.sorted())
            try await store.read { db in
                let kept = try await UserRepository(db).user(user.id)
                #expect(kept?.email == "hassan@insjoriket.se" && kept?.unitIDs == [unit.id])
                #expect(try await SessionRepository(db).count(of: user.id) == 1)
                #expect(try await UserRepository(db).isEmailTaken("hassan@insjoriket.se", in: association.id))
            }
            // The children still point at users: a session of no account is refused.
            await #expect(throws: (any Error).self) {
                try await store.write { db in
                    try await SessionRepository(db).create(tokenHash: "orphan", userID: UserID(999), csrfToken: "x", now: .init())
                }
            }
            // The address is unique within the association still.
            await #expect(throws: (any Error).self) {
                try await store.write { db in
                    _ = try await UserRepository(db).create(
                        in: association.id,
                        email: "hassan@insjoriket.se",
                        name: "Hassan igen",
                        role: .office,
                        unitIDs: [],
                        passwordHash: "$2b$hash",
                        now: .init()
                    )
                }
            }
        }
    }

    @Test("PostgreSQL is configured whenever CI runs")
    func postgresInCI() {
        if TestDatabase.isCI { #expect(TestDatabase.postgresURL != nil, "set FRAMSTEG_TEST_POSTGRES_URL in CI") }
    }
}
