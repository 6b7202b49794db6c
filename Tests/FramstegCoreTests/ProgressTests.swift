import Foundation
import FramstegCore
import Testing

/// Indicators for charts and goals, screens of participant mode, the measurement schedule, and the
/// action plan's drafts.
@Suite("Progress: indicators, screens, schedule, action plan")
struct ProgressTests {
    static func instrument(_ json: String) throws -> Instrument {
        try Instrument(definition: Data(json.utf8), file: "test.json")
    }

    static let threeSubscales = """
        {"id": "soc", "version": 1, "title": {"sv": "SOC"}, "scales": {"s": {"min": 1, "max": 7}},
         "items": [
           {"id": "a", "respondent": "participant", "scale": "s", "text": {"sv": "A"}},
           {"id": "b", "respondent": "participant", "scale": "s", "text": {"sv": "B"}, "reverse": true},
           {"id": "c", "respondent": "participant", "scale": "s", "text": {"sv": "C"}},
           {"id": "d", "respondent": "participant", "scale": "s", "text": {"sv": "D"}}],
         "subscales": [
           {"id": "x", "title": {"sv": "X"}, "items": ["a", "b"], "method": "sum"},
           {"id": "y", "title": {"sv": "Y"}, "items": ["c"], "method": "sum"},
           {"id": "z", "title": {"sv": "Z"}, "items": ["d"], "method": "sum"}]}
        """

    @Test("an instrument's first subscale of 3–12 items on one scale gives the axes, with short labels")
    func itemIndicators() throws {
        let json = """
            {"id": "r", "version": 1, "title": {"sv": "R"}, "scales": {"ten": {"min": 1, "max": 10}},
             "items": [
               {"id": "a", "respondent": "participant", "scale": "ten", "text": {"sv": "Hur mår du i dag?"}, "short": {"sv": "Mående"}},
               {"id": "b", "respondent": "participant", "scale": "ten", "text": {"sv": "B?"}},
               {"id": "c", "respondent": "participant", "scale": "ten", "text": {"sv": "C?"}},
               {"id": "d", "respondent": "counsellor", "scale": "ten", "text": {"sv": "D?"}}],
             "subscales": [{"id": "mine", "title": {"sv": "Mine"}, "items": ["a", "b", "c"], "method": "mean"}]}
            """
        let instrument = try Self.instrument(json)
        let set = try #require(instrument.indicatorSet)
        #expect(set.indicators.map(\.id) == ["a", "b", "c"])
        #expect(set.indicators[0].label.swedish == "Mående")
        #expect(set.indicators[1].label.swedish == "B?", "without a short label the text is used")
        #expect(set.scale == 1...10)
        #expect(instrument.indicatorValues(["a": .number(7), "c": .number(3)]) == [7, nil, 3])
    }

    @Test("with too many items, the subscales are the axes, as a mean per item with reverse scoring")
    func subscaleIndicators() throws {
        let instrument = try Self.instrument(Self.threeSubscales)
        let set = try #require(instrument.indicatorSet)
        #expect(set.indicators.map(\.id) == ["x", "y", "z"])
        #expect(set.scale == 1...7)
        // a = 6, b = 2 reversed to 6: x = 6; y = 3; z unanswered.
        #expect(instrument.indicatorValues(["a": .number(6), "b": .number(2), "c": .number(3)]) == [6, 3, nil])
    }

    @Test("screens hold at most three items of one respondent, in order")
    func screens() throws {
        let instrument = try Self.instrument(Self.threeSubscales)
        #expect(instrument.screens(for: .participant).map { $0.map(\.id) } == [["a", "b", "c"], ["d"]])
        #expect(instrument.screens(for: .participant, perScreen: 1).count == 4)
        #expect(instrument.screens(for: .counsellor).isEmpty)
        #expect(!instrument.isComplete(["a": .number(1), "b": .number(1), "c": .number(1)]))
        #expect(instrument.isComplete(["a": .number(1), "b": .number(1), "c": .number(1), "d": .notAnswered]))
    }

    @Test("the schedule: at start, then every N weeks after the latest, and before a planned exit meeting")
    func schedule() {
        let start = Day(year: 2026, month: 1, day: 12)!
        let schedule = MeasurementSchedule()
        #expect(schedule.nextDue(started: start, taken: []) == (.start, start))
        let first = start.adding(days: 2)
        #expect(schedule.nextDue(started: start, taken: [first]) == (.periodic, first.adding(days: 84)))
        #expect(MeasurementSchedule(intervalWeeks: 8).nextDue(started: start, taken: [first]) == (.periodic, first.adding(days: 56)))
        #expect(MeasurementSchedule(intervalWeeks: 0).intervalWeeks == 12, "a nonsense interval falls back to 12")
        // A measurement before an earlier journey's start does not count.
        #expect(schedule.nextDue(started: start, taken: [start.adding(days: -100)]) == (.start, start))
        // An exit meeting before the next periodic measurement asks for the exit measurement.
        let exit = first.adding(days: 40)
        #expect(schedule.nextDue(started: start, taken: [first], exitMeeting: exit) == (.exit, exit))
        // Measured within two weeks before it: the exit is covered, the periodic one follows.
        let recent = exit.adding(days: -5)
        #expect(schedule.nextDue(started: start, taken: [first, recent], exitMeeting: exit) == (.periodic, recent.adding(days: 84)))
        // Read from the meetings: the earliest exit meeting from today on; other kinds and past ones do not count.
        func meeting(_ kind: MeetingKind, _ day: Day) -> Meeting {
            Meeting(
                id: MeetingID(1),
                participantID: ParticipantID(1),
                kind: kind,
                day: day,
                attendees: [],
                notes: "",
                decisions: "",
                recordedBy: UserID(1)
            )
        }
        let today = first.adding(days: 10)
        let meetings = [
            meeting(.checkIn, first.adding(days: 20)), meeting(.exit, first.adding(days: 5)), meeting(.exit, exit.adding(days: 9)),
            meeting(.exit, exit),
        ]
        #expect(schedule.nextDue(started: start, taken: [first], meetings: meetings, today: today) == (.exit, exit))
        #expect(
            schedule.nextDue(started: start, taken: [first], meetings: Array(meetings.prefix(2)), today: today) == (
                .periodic, first.adding(days: 84)
            )
        )
    }

    @Test("a goal needs a text and known indicators; a step a text, an owner and a day")
    func planDrafts() throws {
        let available: Set<IndicatorKey> = [IndicatorKey("bip/health")!, IndicatorKey("bip/everyday")!]
        let valid = try PlanGoalDraft(text: "  Må bättre  ", indicators: ["bip/health", "bip/health"]).validated(available: available)
        #expect(valid.text == "Må bättre" && valid.indicators == [IndicatorKey("bip/health")!])
        #expect(throws: ValidationFailure(problems: ["text": .required, "indicators": .required])) {
            try PlanGoalDraft(text: " ", indicators: []).validated(available: available)
        }
        #expect(throws: ValidationFailure(problems: ["indicators": .unknownChoice])) {
            try PlanGoalDraft(text: "Mål", indicators: ["bip/nothing"]).validated(available: available)
        }
        let today = Day(year: 2026, month: 11, day: 23)!
        let step = try PlanStepDraft(text: "Ring AF", owner: "authority:af", due: "2026-12-01").validated(today: today)
        #expect(step.owner == .authority(.employmentService) && step.due == Day(year: 2026, month: 12, day: 1)!)
        #expect(throws: ValidationFailure(problems: ["text": .required, "owner": .unknownChoice, "due": .invalidDay])) {
            try PlanStepDraft(text: "", owner: "boss", due: "1 december").validated(today: today)
        }
        #expect(throws: ValidationFailure(problems: ["due": .tooFarAhead])) {
            try PlanStepDraft(text: "x", owner: "participant", due: "2030-01-01").validated(today: today)
        }
        for owner in PlanStepOwner.allCases { #expect(PlanStepOwner(storageValue: owner.storageValue) == owner) }
    }

    @Test("open plan steps and due measurements enter the working view; done steps and far-off ones do not")
    func dueItems() throws {
        let today = Day(year: 2026, month: 11, day: 23)!
        let id = ParticipantID(1)
        let late = PlanStep(
            id: PlanStepID(1),
            goalID: PlanGoalID(1),
            text: "Ring FK",
            owner: .counsellor,
            due: today.adding(days: -2),
            status: .started
        )
        let done = PlanStep(
            id: PlanStepID(2),
            goalID: PlanGoalID(1),
            text: "Klart",
            owner: .counsellor,
            due: today.adding(days: -9),
            status: .done
        )
        let far = PlanStep(
            id: PlanStepID(3),
            goalID: PlanGoalID(1),
            text: "Sen",
            owner: .participant,
            due: today.adding(days: 60),
            status: .planned
        )
        let items = DueItems.items(
            inProgress: [],
            waiting: [],
            meetings: [],
            measurements: [(id, "Sara", .periodic, today.adding(days: 3)), (id, "Sara", .periodic, today.adding(days: 40))],
            planSteps: [(id, "Sara", late), (id, "Sara", done), (id, "Sara", far)],
            today: today
        )
        #expect(items.map(\.kind) == [.planStep("Ring FK"), .measurement(.periodic)])
        #expect(items.map(\.isOverdue) == [true, false])
    }
}
