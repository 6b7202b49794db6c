import FramstegCore
import Testing

private func day(_ text: String) -> Day { Day(text)! }

@Suite("Interventions, meetings and activity hours")
struct ActivitiesTests {
    // MARK: Weeks

    @Test("a week is Monday to Sunday and is named as ISO 8601 names it")
    func weeks() {
        let week = Week(containing: day("2026-11-18"))  // a Wednesday
        #expect(week.monday == day("2026-11-16"))
        #expect(week.sunday == day("2026-11-22"))
        #expect(week.description == "2026-W47")
        #expect(Week(containing: day("2026-11-22")) == week)  // Sunday belongs to the same week
        #expect(Week("2026-W47") == week)
        #expect(Week("2026-11-16") == week)
        // 2021-01-01 is a Friday in 2020's week 53.
        #expect(Week(containing: day("2021-01-01")).description == "2020-W53")
        #expect(Week("2020-W53")?.monday == day("2020-12-28"))
        #expect(Week("2026-W53") != nil, "2026 begins on a Thursday: 53 weeks")
        #expect(Week("2027-W53") == nil, "2027 has 52 weeks")
        #expect(Week("2026-W00") == nil)
        #expect(Week("vecka 47") == nil)
        #expect(week.adding(weeks: 7).description == "2027-W01")
        #expect(week.adding(weeks: 6).description == "2026-W53")
    }

    // MARK: Hours

    @Test("hours are read with a comma or a point; anything else is not a number")
    func parsingHours() {
        #expect(ActivityHours.parseHours("12,5") == 12.5)
        #expect(ActivityHours.parseHours(" 8 ") == 8)
        #expect(ActivityHours.parseHours("12.5") == 12.5)
        #expect(ActivityHours.parseHours("tolv") == nil)
        #expect(ActivityHours.parseHours("-3") == nil)
        #expect(ActivityHours.parseHours("") == nil)
        #expect(ActivityHours.format(12.5, decimalSeparator: ",") == "12,5")
        #expect(ActivityHours.format(8, decimalSeparator: ",") == "8")
    }

    @Test("a goal is at most half time and never before the start")
    func goals() throws {
        let started = day("2026-09-01")
        let goal = try HoursDraft(week: "2026-W37", hours: "6").validatedGoal(started: started)
        #expect(goal == HoursGoal(from: Week("2026-W37")!, hoursPerWeek: 6))
        #expect(throws: ValidationFailure(problems: ["hours": .hoursOutOfRange(minimum: 0.5, maximum: 20)])) {
            try HoursDraft(week: "2026-W37", hours: "25").validatedGoal(started: started)
        }
        #expect(throws: ValidationFailure(problems: ["week": .beforeStart(started), "hours": .notANumber])) {
            try HoursDraft(week: "2026-W30", hours: "många").validatedGoal(started: started)
        }
        #expect(throws: ValidationFailure(problems: ["week": .required, "hours": .required])) {
            try HoursDraft(week: "", hours: " ").validatedGoal(started: started)
        }
    }

    @Test("the goal in force in a week is the latest set from that week or before, not one set for a later week")
    func goalInForce() {
        let goals = [
            HoursGoal(from: Week("2026-W50")!, hoursPerWeek: 10), HoursGoal(from: Week("2026-W46")!, hoursPerWeek: 6),
            HoursGoal(from: Week("2026-W48")!, hoursPerWeek: 8),
        ]
        #expect(ActivityHours.goal(inForce: goals, in: Week("2026-W45")!) == nil)
        #expect(ActivityHours.goal(inForce: goals, in: Week("2026-W47")!)?.hoursPerWeek == 6)
        #expect(ActivityHours.goal(inForce: goals, in: Week("2026-W49")!)?.hoursPerWeek == 8, "week 50's goal is not current yet")
        #expect(ActivityHours.goal(inForce: goals, in: Week("2026-W52")!)?.hoursPerWeek == 10)
    }

    @Test("attendance is for a week that has begun, 0–60 hours")
    func attendance() throws {
        let started = day("2026-09-01")
        let today = day("2026-11-18")
        #expect(try HoursDraft(week: "2026-W47", hours: "0").validatedAttendance(started: started, today: today).hours == 0)
        #expect(throws: ValidationFailure(problems: ["week": .tooFarAhead])) {
            try HoursDraft(week: "2026-W48", hours: "4").validatedAttendance(started: started, today: today)
        }
        #expect(throws: ValidationFailure(problems: ["hours": .hoursOutOfRange(minimum: 0, maximum: 60)])) {
            try HoursDraft(week: "2026-W40", hours: "61").validatedAttendance(started: started, today: today)
        }
        #expect(throws: ValidationFailure(problems: ["week": .invalidWeek])) {
            try HoursDraft(week: "2026-W99", hours: "4").validatedAttendance(started: started, today: today)
        }
    }

    @Test("the chart's rows: every week from the first entry, with the goal in force and gaps left empty")
    func rows() {
        let goals = [HoursGoal(from: Week("2026-W38")!, hoursPerWeek: 8), HoursGoal(from: Week("2026-W36")!, hoursPerWeek: 4)]
        let attended = [AttendedHours(week: Week("2026-W36")!, hours: 3), AttendedHours(week: Week("2026-W38")!, hours: 7.5)]
        let rows = ActivityHours.rows(goals: goals, attended: attended, through: Week("2026-W39")!)
        #expect(rows.map(\.week.description) == ["2026-W36", "2026-W37", "2026-W38", "2026-W39"])
        #expect(rows.map(\.goal) == [4, 4, 8, 8])
        #expect(rows.map(\.attended) == [3, nil, 7.5, nil])
        #expect(ActivityHours.rows(goals: [], attended: [], through: Week("2026-W39")!).isEmpty)
    }

    // MARK: Interventions

    static let started = day("2026-09-01")
    static let today = day("2026-11-18")

    @Test("an intervention needs a type, a provider, a title and a start; a placement names its employer")
    func interventionValidation() throws {
        let valid = try InterventionDraft(
            type: "job",
            provider: "employer",
            title: "Praktik i lager",
            isPlacement: true,
            employerName: "  Lagerbolaget AB ",
            start: "2026-10-01",
            end: ""
        ).validated(started: Self.started, today: Self.today)
        #expect(valid.employerName == "Lagerbolaget AB")
        #expect(valid.end == nil)
        let health = try InterventionDraft(
            type: "health",
            provider: "region",
            title: "Fysioterapi",
            isPlacement: false,
            employerName: "ignored",
            start: "2026-10-01",
            end: "2026-12-01"
        ).validated(started: Self.started, today: Self.today)
        #expect(health.employerName == nil)
        #expect(
            throws: ValidationFailure(problems: [
                "type": .required, "provider": .unknownChoice, "title": .required, "start": .beforeStart(Self.started),
                "end": .endBeforeStart,
            ])
        ) {
            try InterventionDraft(
                type: "",
                provider: "nasa",
                title: " ",
                isPlacement: false,
                employerName: "",
                start: "2026-08-01",
                end: "2026-07-01"
            )
            .validated(started: Self.started, today: Self.today)
        }
        #expect(throws: ValidationFailure(problems: ["employerName": .required, "start": .invalidDay, "end": .invalidDay])) {
            try InterventionDraft(
                type: "job",
                provider: "unit",
                title: "Praktik",
                isPlacement: true,
                employerName: "",
                start: "2026-02-30",
                end: "snart"
            )
            .validated(started: Self.started, today: Self.today)
        }
        #expect(throws: ValidationFailure(problems: ["start": .tooFarAhead])) {
            try InterventionDraft(
                type: "job",
                provider: "unit",
                title: "Jobbsök",
                isPlacement: false,
                employerName: "",
                start: "2028-01-01",
                end: ""
            )
            .validated(started: Self.started, today: Self.today)
        }
    }

    private func intervention(_ type: InterventionType, _ start: String, _ end: String?) -> Intervention {
        Intervention(
            id: InterventionID(1),
            participantID: ParticipantID(1),
            type: type,
            provider: .unit,
            title: "x",
            employerName: nil,
            start: day(start),
            end: end.map(day)
        )
    }

    @Test("which types run together, and BIP's name for the mix")
    func runningTogether() {
        let list = [
            intervention(.health, "2026-09-01", "2026-09-30"), intervention(.jobFocused, "2026-09-20", nil),
            intervention(.social, "2026-10-15", "2026-10-20"),
        ]
        #expect(list.types(runningOn: day("2026-09-10")) == [.health])
        #expect(list.types(runningOn: day("2026-09-30")) == [.health, .jobFocused], "the end day is inclusive")
        #expect(list.types(runningOn: day("2026-10-01")) == [.jobFocused])
        #expect(InterventionMix(list.types(runningOn: day("2026-09-10"))) == .onlySupportive)
        #expect(InterventionMix(list.types(runningOn: day("2026-09-25"))) == .combined)
        #expect(InterventionMix(list.types(runningOn: day("2026-10-01"))) == .onlyJobFocused)
        #expect(InterventionMix([]) == .none)
        // 20–30 September (11 days) and 15–20 October (6 days).
        #expect(list.combinedDays(until: day("2026-11-18")) == 17)
        #expect([Intervention]().combinedDays(until: Self.today) == 0)
    }

    // MARK: Meetings

    @Test("a meeting can be planned up to a year ahead, not before the registration; notes have a limit")
    func meetingValidation() throws {
        let registered = day("2026-08-20")
        let planned = try MeetingDraft(
            kind: "check-in",
            day: "2026-12-01",
            attendees: ["participant", "referrer"],
            notes: " Agenda ",
            decisions: ""
        )
        .validated(registeredOn: registered, today: Self.today)
        #expect(planned.attendees == [.participant, .referrer])
        #expect(planned.notes == "Agenda")
        // Without a status (the API before meetings were planned) a day ahead means planned, and no time is asked for.
        #expect(planned.status == .planned)
        #expect(planned.time == nil)
        #expect(
            throws: ValidationFailure(problems: [
                "kind": .unknownChoice, "day": .beforeStart(registered), "attendees": .unknownChoice,
                "notes": .tooLong(maximum: 8000),
            ])
        ) {
            try MeetingDraft(
                kind: "fika",
                day: "2026-08-01",
                attendees: ["participant", "cat"],
                notes: String(repeating: "a", count: 8001),
                decisions: ""
            )
            .validated(registeredOn: registered, today: Self.today)
        }
        #expect(throws: ValidationFailure(problems: ["kind": .required, "day": .required])) {
            try MeetingDraft(kind: "", day: "", attendees: [], notes: "", decisions: "").validated(
                registeredOn: registered,
                today: Self.today
            )
        }
    }

    // MARK: Due items

    @Test("due items: overdue first, the next step due from the day the state began, planned meetings with their time")
    func dueItems() {
        let today = day("2026-11-18")  // Wednesday of week 47
        let inProgress: [DueItems.InProgress] = [
            .init(id: ParticipantID(1), name: "Anna", state: .introduction, since: day("2026-10-01")),  // due 11-12: overdue
            .init(id: ParticipantID(2), name: "Bo", state: .block(2), since: day("2026-09-28")),  // due 11-23: soon
            .init(id: ParticipantID(3), name: "Cia", state: .block(1), since: day("2026-11-10")),  // due 2027-01-05: not yet news
        ]
        let waiting = [
            (id: ParticipantID(4), name: "Dan", registeredOn: day("2026-11-01")),  // goal 11-15: overdue
            (id: ParticipantID(5), name: "Eva", registeredOn: day("2026-11-17")),
        ]
        func meeting(_ id: Int64, _ text: String, _ status: MeetingStatus = .planned, at time: String? = nil) -> Meeting {
            Meeting(
                id: MeetingID(id),
                participantID: ParticipantID(3),
                kind: .individual,
                status: status,
                day: day(text),
                time: time.flatMap(ClockTime.init),
                place: id == 1 ? "Rum 2" : "",
                attendees: [],
                notes: "",
                decisions: "",
                recordedBy: UserID(1)
            )
        }
        let meetings = [
            meeting(1, "2026-11-20", at: "13:30"), meeting(2, "2026-11-24"), meeting(7, "2026-11-18", at: "08:15"),
            // Its day has passed and nothing is recorded: overdue, the oldest item.
            meeting(3, "2026-11-10", at: "09:00"),
            // Held, cancelled, or more than two weeks ahead: nothing to do.
            meeting(4, "2026-11-19", .held), meeting(5, "2026-11-19", .cancelled), meeting(6, "2026-12-14"),
        ].map { (meeting: $0, participantName: "Cia") }
        let items = DueItems.items(inProgress: inProgress, waiting: waiting, meetings: meetings, today: today)
        #expect(items.map(\.participantName) == ["Cia", "Anna", "Dan", "Cia", "Cia", "Bo", "Cia", "Eva"])
        #expect(items.map(\.isOverdue) == [true, true, true, false, false, false, false, false])
        #expect(items[0].kind == .meetingOutcome(MeetingID(3), .individual))
        #expect(items[1].kind == .multiPartyMeeting)
        #expect(items[1].due == day("2026-11-12"))
        #expect(items[3].kind == .meeting(MeetingID(7), .individual, place: ""))
        #expect(items[4].kind == .meeting(MeetingID(1), .individual, place: "Rum 2"))
        #expect(items[4].time == ClockTime(hour: 13, minute: 30))
        #expect(items[5].kind == .checkIn(block: 2))
        #expect(items[6].kind == .meeting(MeetingID(2), .individual, place: ""))
        #expect(items[7].due == day("2026-12-01"))
        // The work list's order: today, this week, overdue, later.
        #expect(items.map { $0.group(today: today) } == [.overdue, .overdue, .overdue, .today, .thisWeek, .later, .later, .later])
        #expect(DueItems.nextStepDue(for: .informed, since: today) == nil)
    }
}
