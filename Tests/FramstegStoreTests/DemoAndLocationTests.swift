import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import Logging
import Testing

@Suite("Demo data and database location")
struct DemoAndLocationTests {
    @Test(
        "the demo holds Insjöriket's five units with 475 places a year and one user per role, the office with both deliveries, its personal data sealed",
        arguments: TestDatabase.available
    )
    func demo(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let context = try await DemoData(hashPassword: { "hash:" + $0 }, keyring: TestKeys.keyring, today: Day(now)).seed(
                store,
                now: now
            )
            let association = try #require(context.association)
            try await store.read { db throws in
                let organisation = OrganisationRepository(db)
                #expect(
                    try await organisation.units(of: association.id).map(\.name).sorted() == [
                        "ACTivera Alingsås", "ACTivera Härryda", "ACTivera Lerum", "ACTivera Mölndal", "ACTivera Partille",
                    ]
                )
                let places = try await organisation.places(inAssociation: association.id)
                for year in [2024, 2025, 2026] {
                    #expect(places.filter { $0.year == year }.reduce(0) { $0 + $1.places } == 475)
                }
                let users = try await UserRepository(db).users(of: association.id)
                #expect(Set(users.map(\.role)) == Set(Role.allCases))
                // The demo's office makes both national deliveries, exact.
                #expect(users.filter { $0.role == .office }.map(\.principal.deliveries) == [Set(NationalDelivery.allCases)])
                #expect(try await AuditLog(db).verify() == .intact(rows: 1))
                let participants = try await ParticipantRepository(db, keyring: TestKeys.keyring).participants(
                    inAssociation: association.id
                )
                #expect(participants.count == 600)
                let women = participants.filter { $0.gender == .woman }.count
                #expect((300...400).contains(women), "about 60 % women, got \(women)")
                let states = Set(participants.map { $0.state.isFinal ? $0.state.storageValue : ($0.state.isActive ? "active" : "waiting") })
                #expect(states == ["exited", "declined", "withdrawn", "active", "waiting"])
                let ages = participants.map { Day(now).year - $0.birthYear }
                #expect(ages.min()! >= 16 && ages.max()! <= 69)
                // Started journeys carry activities: interventions of every type, often combined,
                // meetings, and goals that never pass half time.
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                var types = Set<InterventionType>()
                var combined = 0
                var meetings = 0
                var placements = 0
                for participant in participants where participant.state.isActive || participant.state == .exited {
                    let interventions = try await activities.interventions(of: participant.id)
                    types.formUnion(interventions.map(\.type))
                    placements += interventions.filter(\.isPlacement).count
                    if interventions.combinedDays(until: Day(now)) > 0 { combined += 1 }
                    meetings += try await activities.meetings(of: participant.id).count
                    #expect(try await activities.goals(of: participant.id).allSatisfy { $0.hoursPerWeek <= ActivityHours.halfTime })
                }
                #expect(types == Set(InterventionType.allCases))
                #expect(combined > 100, "combined interventions are common, got \(combined)")
                #expect(placements > 50)
                #expect(meetings > 1000)
            }
            #expect(try await store.hasData())
            // Here rather than in a test of its own: the demo takes a while to write.
            try await SealingTests.expectNothingInTheClear(store)
            #expect(context.signIns.allSatisfy { PasswordPolicy.problem(with: $0.password, userEmail: $0.email) == nil })
        }
    }

    @Test("a file path is SQLite, a postgres URL is PostgreSQL, and its password is never printed")
    func location() {
        #expect(DatabaseLocation(parsing: "./data/framsteg.sqlite") == .sqlite(path: "./data/framsteg.sqlite"))
        #expect(DatabaseLocation(parsing: "postgresql://u:p@h/db") == .postgres(url: "postgresql://u:p@h/db"))
        #expect(
            DatabaseLocation(parsing: "postgres://framsteg:hemligt@db.local:5432/framsteg").description
                == "postgres://framsteg:***@db.local:5432/framsteg"
        )
    }

    @Test("an unreachable PostgreSQL server gives one clear error naming the setting")
    func unreachable() async throws {
        let location = DatabaseLocation.postgres(url: "postgres://framsteg:secret@127.0.0.1:1/framsteg?sslmode=disable")
        do {
            try await Store.withStore(at: location, logger: Logger(label: "test")) { _ in }
            Issue.record("opening an unreachable database succeeded")
        } catch let error as StoreError {
            guard case .unreachable(let shown, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(shown == "postgres://framsteg:***@127.0.0.1:1/framsteg?sslmode=disable")
            #expect(error.description.contains("FRAMSTEG_DATABASE"))
        }
    }

    @Test("an SQLite file in a missing folder gives the same kind of error")
    func missingFolder() async throws {
        await #expect(throws: StoreError.self) {
            try await Store.withStore(at: .sqlite(path: "/nonexistent-folder/x/framsteg.sqlite"), logger: Logger(label: "test")) { _ in }
        }
    }
}
