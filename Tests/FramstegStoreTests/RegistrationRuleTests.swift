import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

@Suite("The one duplicate rule of registration")
struct RegistrationRuleTests {
    static func valid(_ number: String, in store: Store, unit: OrganisationUnit) async throws -> ParticipantDraft.Valid {
        let municipalities = try await store.read { db in try await OrganisationRepository(db).municipalities(of: unit.associationID) }
        var draft = ParticipantRepositoryTests.draft(number)
        draft.municipalityID = unit.municipalityID.description
        return try draft.validated(municipalities: municipalities, today: ParticipantRepositoryTests.now)
    }

    @Test("a person under way is not registered again; once their journey has ended they may be", arguments: TestDatabase.available)
    func underWayThenEnded(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, user, existing) = try await ParticipantRepositoryTests.seed(store)
            let sara = try await Self.valid("19811218-9876", in: store, unit: unit)
            let today = ParticipantRepositoryTests.today
            let now = ParticipantRepositoryTests.now
            let again = try await store.write { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).registerUnlessUnderWay(
                    sara,
                    unit: unit,
                    on: today,
                    by: nil,
                    now: now
                )
            }
            #expect(again == .alreadyUnderWay(existing))
            try await store.write { db in
                let declined = try Journey.transition(
                    from: .registered,
                    .decline(reason: "Vill inte just nu"),
                    on: today,
                    previousDay: today,
                    today: today,
                    by: user
                )
                try await ParticipantRepository(db, keyring: TestKeys.keyring).record(declined, participant: existing, now: now)
            }
            let afterEnd = try await store.write { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).registerUnlessUnderWay(
                    sara,
                    unit: unit,
                    on: today,
                    by: nil,
                    now: now
                )
            }
            guard case .registered(let second) = afterEnd else {
                Issue.record("expected a new registration after the journey ended, got \(afterEnd)")
                return
            }
            #expect(second != existing)
        }
    }

    @Test("registrations of the same person at the same moment make one participant", arguments: TestDatabase.available)
    func atOnce(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, _, _) = try await ParticipantRepositoryTests.seed(store)
            let nils = try await Self.valid("19900101-0017", in: store, unit: unit)
            let outcomes = try await withThrowingTaskGroup(of: Registration.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await store.write { db in
                            let registration = try await ParticipantRepository(db, keyring: TestKeys.keyring).registerUnlessUnderWay(
                                nils,
                                unit: unit,
                                on: ParticipantRepositoryTests.today,
                                by: nil,
                                now: ParticipantRepositoryTests.now
                            )
                            // Hold the transaction a moment, as a slower request would.
                            try await Task.sleep(for: .milliseconds(50))
                            return registration
                        }
                    }
                }
                return try await group.reduce(into: [Registration]()) { $0.append($1) }
            }
            let registered = outcomes.compactMap { if case .registered(let id) = $0 { id } else { nil } }
            #expect(registered.count == 1)
            let first = try #require(registered.first)
            #expect(outcomes.filter { $0 == .alreadyUnderWay(first) }.count == 3)
        }
    }
}
