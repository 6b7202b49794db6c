import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

@Suite("Activity repository: interventions, meetings, hours")
struct ActivityRepositoryTests {
    static let today = ParticipantRepositoryTests.today
    static let now = ParticipantRepositoryTests.now

    @Test("interventions come back in start order; exit ends what still runs, earlier ends stay", arguments: TestDatabase.available)
    func interventions(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, id) = try await ParticipantRepositoryTests.seed(store)
            let started = Day("2026-08-01")!
            let placement = try InterventionDraft(
                type: "job",
                provider: "employer",
                title: "Praktik",
                isPlacement: true,
                employerName: "Lager AB",
                start: "2026-09-01",
                end: ""
            ).validated(started: started, today: Self.today)
            let health = try InterventionDraft(
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
                _ = try await activities.addIntervention(placement, to: id, by: user, now: Self.now)
                _ = try await activities.addIntervention(health, to: id, by: user, now: Self.now)
            }
            let before = try await store.read { db in try await ActivityRepository(db, keyring: TestKeys.keyring).interventions(of: id) }
            #expect(before.map(\.title) == ["Fysioterapi", "Praktik"])
            #expect(before[1].employerName == "Lager AB")
            #expect(before[1].isPlacement)
            #expect(before[1].end == nil)
            #expect(before.types(runningOn: Day("2026-09-15")!) == [.health, .jobFocused])

            // Walk the journey to exit through the repository, as the pages do.
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
            let after = try await store.read { db in try await ActivityRepository(db, keyring: TestKeys.keyring).interventions(of: id) }
            #expect(after.map(\.end) == [Day("2026-10-01")!, Self.today])
        }
    }

    @Test("meeting notes and decisions are sealed at rest and opened only for the record", arguments: TestDatabase.available)
    func meetings(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, id) = try await ParticipantRepositoryTests.seed(store)
            let held = try MeetingDraft(
                kind: "individual",
                day: "2026-11-23",
                attendees: ["participant", "counsellor"],
                notes: "Berättade om sömnproblem",
                decisions: "Kontakt med vårdcentral"
            ).validated(registeredOn: Self.today, today: Self.today)
            let planned = try MeetingDraft(
                kind: "check-in",
                day: "2026-11-26",
                attendees: ["participant", "referrer"],
                notes: "",
                decisions: ""
            )
            .validated(registeredOn: Self.today, today: Self.today)
            try await store.write { db in
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                _ = try await activities.addMeeting(planned, to: id, by: user, now: Self.now)
                _ = try await activities.addMeeting(held, to: id, by: user, now: Self.now)
            }
            let raw = try await store.read { db in
                try await db.select().columns("notes_sealed", "decisions_sealed").from("meetings").all()
                    .map {
                        "\(try $0.decode(column: "notes_sealed", as: String?.self) ?? "")|\(try $0.decode(column: "decisions_sealed", as: String?.self) ?? "")"
                    }
                    .joined(separator: "\n")
            }
            #expect(!raw.contains("sömn") && !raw.contains("vårdcentral"))
            let (opened, calendar) = try await store.read { db in
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                return (
                    try await activities.meetings(of: id),
                    try await activities.meetings(of: [id], from: Day("2026-11-24")!, through: Day("2026-11-29")!)
                )
            }
            #expect(opened.map(\.kind) == [.individual, .checkIn])
            #expect(opened[0].notes == "Berättade om sömnproblem")
            #expect(opened[0].decisions == "Kontakt med vårdcentral")
            #expect(opened[0].attendees == [.participant, .counsellor])
            #expect(calendar.map(\.kind) == [.checkIn], "only the days asked for")
            #expect(calendar[0].notes.isEmpty && calendar[0].attendees.isEmpty, "the calendar opens neither notes nor attendees")
        }
    }

    @Test("a goal or a week's attendance recorded again replaces the earlier figure", arguments: TestDatabase.available)
    func hours(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, id) = try await ParticipantRepositoryTests.seed(store)
            let week = Week("2026-W45")!
            try await store.write { db in
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                try await activities.setGoal(HoursGoal(from: week, hoursPerWeek: 4), for: id, by: user, now: Self.now)
                try await activities.setGoal(HoursGoal(from: week.adding(weeks: 2), hoursPerWeek: 8), for: id, by: user, now: Self.now)
                try await activities.setGoal(HoursGoal(from: week, hoursPerWeek: 5), for: id, by: user, now: Self.now)
                try await activities.recordAttendance(AttendedHours(week: week, hours: 3.5), for: id, by: user, now: Self.now)
                try await activities.recordAttendance(AttendedHours(week: week, hours: 4.5), for: id, by: user, now: Self.now)
                try await activities.recordAttendance(
                    AttendedHours(week: week.adding(weeks: 1), hours: 0),
                    for: id,
                    by: user,
                    now: Self.now
                )
            }
            let (goals, attended) = try await store.read { db in
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                return (try await activities.goals(of: id), try await activities.attendance(of: id))
            }
            #expect(goals == [HoursGoal(from: week, hoursPerWeek: 5), HoursGoal(from: week.adding(weeks: 2), hoursPerWeek: 8)])
            #expect(attended == [AttendedHours(week: week, hours: 4.5), AttendedHours(week: week.adding(weeks: 1), hours: 0)])
        }
    }

    @Test("the day each participant entered their state is the day of their latest step", arguments: TestDatabase.available)
    func stateSince(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, id) = try await ParticipantRepositoryTests.seed(store)
            let later = Self.today.adding(days: 3)
            try await store.write { db in
                let transition = try Journey.transition(
                    from: .registered,
                    .informationConversation,
                    on: later,
                    previousDay: Self.today,
                    today: later,
                    by: user
                )
                try await ParticipantRepository(db, keyring: TestKeys.keyring).record(transition, participant: id, now: Self.now)
            }
            let since = try await store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).stateSince([id, ParticipantID(999)])
            }
            #expect(since == [id: later])
        }
    }
}
