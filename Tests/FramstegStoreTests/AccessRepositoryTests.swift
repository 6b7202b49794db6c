import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import Testing

@Suite("Users, sessions and sign-in failures")
struct AccessRepositoryTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func seed(_ store: Store) async throws -> (association: Association, units: [OrganisationUnit]) {
        try await store.write { db throws in
            let organisation = OrganisationRepository(db)
            let association = try await organisation.createAssociation(name: "Insjöriket", now: now)
            let municipality = try await organisation.createMunicipality(in: association.id, name: "Partille")
            let units = [
                try await organisation.createUnit(in: association.id, municipalityID: municipality.id, name: "A"),
                try await organisation.createUnit(in: association.id, municipalityID: municipality.id, name: "B"),
            ]
            return (association, units)
        }
    }

    @Test("a user keeps role, units and settings; e-mail is unique without case", arguments: TestDatabase.available)
    func users(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (association, units) = try await Self.seed(store)
            let user = try await store.write { db throws in
                try await UserRepository(db).create(
                    in: association.id,
                    email: "hassan@insjoriket.se",
                    name: "Hassan",
                    role: .counsellor,
                    unitIDs: [units[0].id, units[1].id],
                    passwordHash: "$2b$hash",
                    now: Self.now
                )
            }
            try await store.write { db throws in
                let repository = UserRepository(db)
                try await repository.update(user.id, name: "Hassan A", role: .manager, unitIDs: [units[1].id])
                try await repository.setLanguage(user.id, .english)
                try await repository.setDisabled(user.id, true)
            }
            try await store.read { db throws in
                let repository = UserRepository(db)
                let loaded = try #require(try await repository.user(user.id))
                #expect(loaded.name == "Hassan A")
                #expect(loaded.role == .manager)
                #expect(loaded.unitIDs == [units[1].id])
                #expect(loaded.language == .english)
                #expect(loaded.isDisabled)
                #expect(try await repository.isEmailTaken("HASSAN@insjoriket.se", in: association.id))
                #expect(try await !repository.isEmailTaken("hassan@insjoriket.se", in: association.id, excluding: user.id))
                #expect(try await repository.credentials(email: " Hassan@Insjoriket.se").map(\.passwordHash) == ["$2b$hash"])
                #expect(try await repository.users(of: association.id).map(\.unitIDs) == [[units[1].id]])
            }
        }
    }

    @Test(
        "an office user's national deliveries are stored, withdrawn and read back, and only the office's count",
        arguments: TestDatabase.available
    )
    func deliveries(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (association, units) = try await Self.seed(store)
            let (office, counsellor) = try await store.write { db throws in
                let users = UserRepository(db)
                let office = try await users.create(
                    in: association.id,
                    email: "kansli@insjoriket.se",
                    name: "Kim",
                    role: .office,
                    unitIDs: [],
                    passwordHash: "$2b$hash",
                    now: Self.now
                )
                let counsellor = try await users.create(
                    in: association.id,
                    email: "hassan@insjoriket.se",
                    name: "Hassan",
                    role: .counsellor,
                    unitIDs: [units[0].id],
                    passwordHash: "$2b$hash",
                    now: Self.now
                )
                return (office, counsellor)
            }
            #expect(office.deliveries.isEmpty)
            let load = { @Sendable (id: UserID) async throws -> User? in
                try await store.read { db in try await UserRepository(db).user(id) }
            }
            #expect(try await load(office.id)?.deliveries == [])
            try await store.write { db in try await UserRepository(db).setDeliveries(office.id, [.violenceScreening, .finsam]) }
            let granted = try #require(try await load(office.id))
            #expect(granted.deliveries == [.finsam, .violenceScreening])
            #expect(granted.principal.deliveries == [.finsam, .violenceScreening])
            try await store.write { db in try await UserRepository(db).setDeliveries(office.id, [.violenceScreening]) }
            #expect(try await load(office.id)?.principal.deliveries == [.violenceScreening])
            #expect(
                try await store.read { db in try await UserRepository(db).users(of: association.id) }.map(\.deliveries) == [
                    [], [.violenceScreening],
                ]
            )
            // Stored for someone outside the office, a delivery is no right of theirs.
            try await store.write { db in try await UserRepository(db).setDeliveries(counsellor.id, [.finsam]) }
            let other = try #require(try await load(counsellor.id))
            #expect(other.deliveries == [.finsam] && other.principal.deliveries.isEmpty)
        }
    }

    @Test("sessions are found by token hash, touched, expired and ended per user", arguments: TestDatabase.available)
    func sessions(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (association, _) = try await Self.seed(store)
            let lifetime = SessionLifetime()
            try await store.write { db throws in
                let user = try await UserRepository(db).create(
                    in: association.id,
                    email: "a@b.se",
                    name: "A",
                    role: .office,
                    unitIDs: [],
                    passwordHash: "x",
                    now: Self.now
                )
                let sessions = SessionRepository(db)
                try await sessions.create(tokenHash: "old", userID: user.id, csrfToken: "c1", now: Self.now)
                try await sessions.create(tokenHash: "fresh", userID: user.id, csrfToken: "c2", now: Self.now)
                try await sessions.touch(tokenHash: "fresh", now: Self.now + 25 * 60)
                try await sessions.deleteExpired(lifetime: lifetime, now: Self.now + 31 * 60)
                #expect(try await sessions.session(tokenHash: "old") == nil)
                let fresh = try #require(try await sessions.session(tokenHash: "fresh"))
                #expect(fresh.csrfToken == "c2")
                #expect(fresh.lastSeenAt == Self.now + 25 * 60)
                try await sessions.deleteAll(of: user.id)
                #expect(try await sessions.count(of: user.id) == 0)
            }
        }
    }

    @Test("failures are counted per account and per address inside the window", arguments: TestDatabase.available)
    func failures(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await store.write { db throws in
                let failures = SignInFailureRepository(db)
                try await failures.record(accountKey: "a@b.se", address: "10.0.0.1", now: Self.now - 20 * 60)
                try await failures.record(accountKey: "a@b.se", address: "10.0.0.1", now: Self.now - 60)
                try await failures.record(accountKey: "a@b.se", address: "10.0.0.2", now: Self.now - 30)
                try await failures.record(accountKey: "c@d.se", address: "10.0.0.1", now: Self.now - 10)
                let counts = try await failures.counts(accountKey: "a@b.se", address: "10.0.0.1", since: Self.now - 15 * 60)
                #expect(counts.account == 2)
                #expect(counts.address == 2)
                try await failures.clear(accountKey: "a@b.se")
                #expect(try await failures.counts(accountKey: "a@b.se", address: "10.0.0.9", since: Self.now - 3600).account == 0)
            }
        }
    }
}
