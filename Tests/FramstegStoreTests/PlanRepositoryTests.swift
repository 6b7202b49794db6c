import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

@Suite("Action plan and participant mode storage")
struct PlanRepositoryTests {
    @Test("goals and steps are stored sealed, read back opened, and open steps are found by due day", arguments: TestDatabase.available)
    func plan(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, participant) = try await ParticipantRepositoryTests.seed(store)
            let today = ParticipantRepositoryTests.today
            let now = ParticipantRepositoryTests.now
            let keyring = TestKeys.keyring
            let (goal, late, later) = try await store.write { db in
                let plans = PlanRepository(db, keyring: keyring)
                let goal = try await plans.addGoal(
                    text: "Arbetsträna hos Ica Maxi",
                    indicators: [IndicatorKey("bip/everyday")!, IndicatorKey("bip/belief")!],
                    for: participant,
                    on: today,
                    by: user
                )
                let late = try await plans.addStep(
                    text: "Ringa handläggaren på FK",
                    owner: .authority(.socialInsurance),
                    due: today.adding(days: -3),
                    to: goal.id,
                    by: user,
                    now: now
                )
                let later = try await plans.addStep(
                    text: "Besöka arbetsplatsen",
                    owner: .participant,
                    due: today.adding(days: 30),
                    to: goal.id,
                    by: user,
                    now: now
                )
                return (goal, late, later)
            }
            let plan = try await store.read { db in try await PlanRepository(db, keyring: keyring).plan(of: participant) }
            #expect(plan.count == 1)
            #expect(plan[0].goal.text == "Arbetsträna hos Ica Maxi")
            #expect(plan[0].goal.indicators.map(\.description) == ["bip/everyday", "bip/belief"], "kept in the order given")
            #expect(plan[0].steps.map(\.id) == [late.id, later.id])
            #expect(plan[0].steps[0].owner == .authority(.socialInsurance))
            #expect(plan[0].steps[0].isOverdue(today: today))

            // The texts are sealed at rest.
            let stored = try await store.read { db in
                try await db.select().column("text_sealed").from("plan_steps").all().map {
                    try $0.decode(column: "text_sealed", as: String.self)
                }
                    + db.select().column("text_sealed").from("plan_goals").all().map {
                        try $0.decode(column: "text_sealed", as: String.self)
                    }
            }
            #expect(
                stored.count == 3
                    && !stored.contains {
                        $0.contains("Ringa handläggaren på FK") || $0.contains("Ica Maxi") || $0.contains("Besöka arbetsplatsen")
                    },
                "no text in the clear (whole phrases: two letters like FK turn up in base64 by chance)"
            )

            let due = try await store.read { db in
                try await PlanRepository(db, keyring: keyring).openSteps(of: [participant], dueThrough: today.adding(days: 14))
            }
            #expect(due.map(\.step.text) == ["Ringa handläggaren på FK"])
            let changed = try await store.write { db in
                try await PlanRepository(db, keyring: keyring).setStatus(.done, of: late.id, participant: participant, by: user, now: now)
            }
            #expect(changed)
            #expect(
                try await store.read { db in
                    try await PlanRepository(db, keyring: keyring).openSteps(of: [participant], dueThrough: today.adding(days: 14))
                }.isEmpty
            )
            // A step can only be changed through its own participant.
            let foreign = try await store.write { db in
                try await PlanRepository(db, keyring: keyring).setStatus(
                    .done,
                    of: later.id,
                    participant: ParticipantID(participant.rawValue + 99),
                    by: user,
                    now: now
                )
            }
            #expect(!foreign)
            #expect(try await store.read { db in try await PlanRepository(db, keyring: keyring).isGoal(goal.id, of: participant) })
            #expect(
                !(try await store.read { db in
                    try await PlanRepository(db, keyring: keyring).isGoal(goal.id, of: ParticipantID(participant.rawValue + 99))
                })
            )
        }
    }

    @Test("a session is handed over with a PIN hash and language, counts failures, and is taken back", arguments: TestDatabase.available)
    func handover(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, _) = try await ParticipantRepositoryTests.seed(store)
            let now = ParticipantRepositoryTests.now
            try await store.write { db in
                let sessions = SessionRepository(db)
                try await sessions.create(tokenHash: "h", userID: user, csrfToken: "c", now: now)
                try await sessions.handOver(tokenHash: "h", .measurement(MeasurementID(42)), pinHash: "bcrypt", language: .english)
                try await sessions.recordHandoverFailure(tokenHash: "h")
            }
            let handed = try await store.read { db in try await SessionRepository(db).session(tokenHash: "h")?.handover }
            #expect(handed == Handover(target: .measurement(MeasurementID(42)), pinHash: "bcrypt", language: .english, failures: 1))
            try await store.write { db in try await SessionRepository(db).takeBack(tokenHash: "h") }
            let session = try await store.read { db in try await SessionRepository(db).session(tokenHash: "h") }
            #expect(session != nil && session?.handover == nil)
        }
    }

    @Test("each unit has a measurement interval, 12 weeks unless changed", arguments: TestDatabase.available)
    func interval(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, _, _) = try await ParticipantRepositoryTests.seed(store)
            #expect(try await store.read { db in try await OrganisationRepository(db).measurementInterval(of: unit.id) } == 12)
            try await store.write { db in try await OrganisationRepository(db).setMeasurementInterval(8, of: unit.id) }
            #expect(try await store.read { db in try await OrganisationRepository(db).measurementInterval(of: unit.id) } == 8)
        }
    }
}
