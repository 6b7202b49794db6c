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

@Suite("Planned meetings in the store: moved, held, cancelled, each change kept")
struct PlannedMeetingRepositoryTests {
    static let today = ParticipantRepositoryTests.today
    static let now = ParticipantRepositoryTests.now

    @Test("a meeting planned, moved and held keeps both changes; a cancelled one leaves the calendar", arguments: TestDatabase.available)
    func changes(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, id) = try await ParticipantRepositoryTests.seed(store)
            let plan = { @Sendable (day: Day, time: String, place: String) in
                try MeetingDraft(
                    status: "planned",
                    kind: "check-in",
                    day: day.description,
                    time: time,
                    place: place,
                    attendees: [],
                    notes: "",
                    decisions: ""
                ).validated(registeredOn: Self.today, today: Self.today)
            }
            let (first, second) = try await store.write { db in
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                return (
                    try await activities.addMeeting(
                        try plan(Self.today.adding(days: 2), "10:00", "Rum 2"),
                        to: id,
                        by: user,
                        now: Self.now
                    ),
                    try await activities.addMeeting(try plan(Self.today.adding(days: 5), "14:30", ""), to: id, by: user, now: Self.now)
                )
            }
            try await store.write { db in
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                let meeting = try #require(try await activities.meeting(first, of: id))
                #expect(meeting.place == "Rum 2" && meeting.time == ClockTime(hour: 10, minute: 0) && meeting.isPlanned)
                let move = try MeetingMoveDraft(day: Self.today.adding(days: 3).description, time: "11:00", place: "Video", reason: "Sjuk")
                    .validated(meeting, today: Self.today)
                try await activities.move(meeting, to: move, by: user, now: Self.now)
                let moved = try #require(try await activities.meeting(first, of: id))
                let outcome = try MeetingOutcomeDraft(
                    day: Self.today.description,
                    attendees: ["participant"],
                    notes: "Bra möte",
                    decisions: ""
                )
                .validated(moved, registeredOn: Self.today, today: Self.today)
                try await activities.markHeld(moved, as: outcome, by: user, now: Self.now)
                let other = try #require(try await activities.meeting(second, of: id))
                try await activities.cancel(other, reason: "Handläggaren slutar", by: user, now: Self.now)
            }
            let meetings = try await store.read { db in try await ActivityRepository(db, keyring: TestKeys.keyring).meetings(of: id) }
            let held = try #require(meetings.first { $0.id == first })
            #expect(held.status == .held && held.day == Self.today && held.notes == "Bra möte" && held.place == "Video")
            #expect(held.changes.map(\.kind) == [.moved, .held])
            #expect(held.changes[0].previousDay == Self.today.adding(days: 2))
            #expect(held.changes[0].previousTime == ClockTime(hour: 10, minute: 0))
            #expect(held.changes[0].previousPlace == "Rum 2" && held.changes[0].reason == "Sjuk")
            #expect(held.changes[1].previousDay == Self.today.adding(days: 3))
            let cancelled = try #require(meetings.first { $0.id == second })
            #expect(cancelled.status == .cancelled && cancelled.changes.map(\.reason) == ["Handläggaren slutar"])
            let calendar = try await store.read { db in
                try await ActivityRepository(db, keyring: TestKeys.keyring).meetings(
                    of: [id],
                    from: Self.today,
                    through: Self.today.adding(days: 30)
                )
            }
            #expect(calendar.map(\.id) == [first], "the cancelled one is not in the calendar")
            // Sealed at rest: neither the place nor the reason reads from the row.
            let raw = try await store.read { db in
                try await db.select().columns("previous_place_sealed", "reason_sealed").from("meeting_changes").all().map {
                    (try $0.decode(column: "previous_place_sealed", as: String?.self) ?? "")
                        + (try $0.decode(column: "reason_sealed", as: String?.self) ?? "")
                }.joined()
            }
            #expect(!raw.contains("Rum 2") && !raw.contains("Sjuk") && !raw.contains("slutar"))
        }
    }

    @Test("a planned meeting whose day passed without an outcome is found for the work list", arguments: TestDatabase.available)
    func awaitingOutcome(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, id) = try await ParticipantRepositoryTests.seed(store)
            let meeting = try await store.write { db in
                try await ActivityRepository(db, keyring: TestKeys.keyring).addMeeting(
                    try MeetingDraft(
                        status: "planned",
                        kind: "individual",
                        day: Self.today.description,
                        time: "09:00",
                        attendees: [],
                        notes: "",
                        decisions: ""
                    )
                    .validated(registeredOn: Self.today, today: Self.today),
                    to: id,
                    by: user,
                    now: Self.now
                )
            }
            let read = { (today: Day) in
                try await store.read { db in
                    try await ActivityRepository(db, keyring: TestKeys.keyring).meetingsAwaitingOutcome(of: [id], before: today)
                }
            }
            #expect(try await read(Self.today).isEmpty, "its own day it is not late yet")
            #expect(try await read(Self.today.adding(days: 1)).map(\.id) == [meeting])
        }
    }

    @Test("migration 33: a meeting stored for a day ahead becomes planned, every other held", arguments: TestDatabase.available)
    func migration(_ database: TestDatabase) async throws {
        try await database.withFreshStore(migrated: false) { store throws in
            try await Migrator(migrations: Migrations.all.filter { $0.version < 33 }).migrate(store)
            let (_, user, id) = try await ParticipantRepositoryTests.seed(store)
            let today = Day(Date())
            try await store.write { db in
                for (index, day) in [today.adding(days: -3), today, today.adding(days: 4)].enumerated() {
                    try await db.insert(into: "meetings").columns(
                        "id",
                        "participant_id",
                        "kind",
                        "day",
                        "attendees",
                        "recorded_by",
                        "recorded_at"
                    )
                    .values(
                        SQLBind(Int64(index + 1)),
                        SQLBind(id.rawValue),
                        SQLBind("individual"),
                        SQLBind(day.description),
                        SQLBind(""),
                        SQLBind(user.rawValue),
                        SQLBind(Int64(0))
                    ).run()
                }
            }
            #expect(try await Migrator().migrate(store) == Migrations.all.map(\.version).filter { $0 >= 33 })
            let statuses = try await store.read { db in
                try await db.select().columns("status").from("meetings").orderBy("id").all().map {
                    try $0.decode(column: "status", as: String.self)
                }
            }
            #expect(statuses == ["held", "held", "planned"])
        }
    }
}
