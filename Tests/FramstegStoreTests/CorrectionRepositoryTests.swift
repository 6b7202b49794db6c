import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

@Suite("Corrections at rest: interventions withdrawn or reopened, eligibility notes")
struct CorrectionRepositoryTests {
    static let today = ParticipantRepositoryTests.today
    static let now = ParticipantRepositoryTests.now

    @Test(
        "a withdrawn intervention leaves every read but the record's, an end taken back runs again; reasons sealed",
        arguments: TestDatabase.available
    )
    func interventionCorrections(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, id) = try await ParticipantRepositoryTests.seed(store)
            let started = Day("2026-08-01")!
            let wrong = try InterventionDraft(
                type: "job",
                provider: "unit",
                title: "Praktik",
                isPlacement: false,
                employerName: "",
                start: "2026-09-01",
                end: ""
            ).validated(started: started, today: Self.today)
            let ended = try InterventionDraft(
                type: "health",
                provider: "region",
                title: "Fysioterapi",
                isPlacement: false,
                employerName: "",
                start: "2026-08-10",
                end: "2026-10-01"
            ).validated(started: started, today: Self.today)
            try await store.write { db in
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                _ = try await activities.addIntervention(wrong, to: id, by: user, now: Self.now)
                _ = try await activities.addIntervention(ended, to: id, by: user, now: Self.now)
            }
            let before = try await store.read { db in try await ActivityRepository(db, keyring: TestKeys.keyring).interventions(of: id) }
            let health = try #require(before.first { $0.type == .health })
            let job = try #require(before.first { $0.type == .jobFocused })
            try await store.write { db in
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                try await activities.correct(health, .endTakenBack, reason: "Fel dag för avslutet", by: user, now: Self.now)
                try await activities.correct(job, .withdrawn, reason: "Registrerad på fel deltagare", by: user, now: Self.now)
            }
            let standing = try await store.read { db in try await ActivityRepository(db, keyring: TestKeys.keyring).interventions(of: id) }
            #expect(standing.map(\.title) == ["Fysioterapi"], "the withdrawn one is off every figure's read")
            #expect(standing[0].end == nil, "the end taken back: it runs again")
            #expect(standing[0].changes.map(\.kind) == [.endTakenBack])
            #expect(standing[0].changes.first?.previousEnd == Day("2026-10-01"))
            #expect(standing[0].changes.first?.reason == "Fel dag för avslutet")

            let all = try await store.read { db in
                try await ActivityRepository(db, keyring: TestKeys.keyring).interventions(of: id, includingWithdrawn: true)
            }
            #expect(all.count == 2)
            #expect(all.first { $0.type == .jobFocused }?.withdrawal?.reason == "Registrerad på fel deltagare")
            #expect(all.first { $0.type == .jobFocused }?.withdrawal?.by == user)

            // The reasons are sealed at rest.
            let stored = try await store.read { db in
                try await db.select().column("reason_sealed").from("intervention_changes").all().map {
                    try $0.decode(column: "reason_sealed", as: String.self)
                }
            }
            #expect(stored.count == 2 && !stored.contains { $0.contains("Fel") || $0.contains("deltagare") })

            // An exit ends what still runs, but not the withdrawn one.
            try await store.write { db in
                let participants = ParticipantRepository(db, keyring: TestKeys.keyring)
                var state = JourneyState.registered
                for event in [JourneyEvent.informationConversation, .start, .exit(.studies)] {
                    let transition = try Journey.transition(
                        from: state,
                        event,
                        on: Self.today,
                        previousDay: Self.today,
                        today: Self.today,
                        by: user
                    )
                    try await participants.record(transition, participant: id, now: Self.now)
                    state = transition.to
                }
            }
            let after = try await store.read { db in
                try await ActivityRepository(db, keyring: TestKeys.keyring).interventions(of: id, includingWithdrawn: true)
            }
            #expect(after.first { $0.type == .health }?.end == Self.today)
            #expect(after.first { $0.type == .jobFocused }?.end == nil)
        }
    }

    @Test("a criterion not met keeps its note sealed; an unchanged answer keeps who and when", arguments: TestDatabase.available)
    func eligibilityNotes(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, id) = try await ParticipantRepositoryTests.seed(store)
            let rules = EligibilityRules.standard
            let voluntary = try #require(rules.criterion("voluntary"))
            let goal = try #require(rules.criterion("goal"))
            try await store.write { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).saveEligibility(
                    [voluntary: .notMet(note: "Vill tänka över det"), goal: .met],
                    for: id,
                    by: user,
                    now: Self.now
                )
            }
            let later = Self.now.addingTimeInterval(3600)
            try await store.write { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).saveEligibility(
                    [voluntary: .notMet(note: "Vill tänka över det"), goal: .notMet(note: "Vill först bli frisk")],
                    for: id,
                    by: user,
                    now: later
                )
            }
            let answers = try await store.read { db in try await ParticipantRepository(db, keyring: TestKeys.keyring).eligibility(of: id) }
            #expect(answers["voluntary"]?.isMet == false)
            #expect(answers["voluntary"]?.note == "Vill tänka över det")
            #expect(answers["voluntary"]?.checkedAt == Self.now, "unchanged: the first who-and-when stands")
            #expect(answers["goal"]?.note == "Vill först bli frisk")
            #expect(answers["goal"]?.checkedAt == later)
            #expect(answers.met.isEmpty)
            let stored = try await store.read { db in
                try await db.select().column("note_sealed").from("eligibility_checks").all().compactMap {
                    try $0.decode(column: "note_sealed", as: String?.self)
                }
            }
            #expect(stored.count == 2 && !stored.contains { $0.contains("tänka") || $0.contains("frisk") })
        }
    }
}
