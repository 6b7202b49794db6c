import Foundation
import FramstegCore
import Testing

@Suite("Journey state machine")
struct JourneyTests {
    static let states: [JourneyState] = [.registered, .informed, .introduction, .block(1), .block(2), .exited, .declined, .withdrawn]
    static let events: [JourneyEvent] = [
        .informationConversation, .start, .multiPartyMeeting, .checkIn, .exit(.studies), .decline(reason: "Bor utanför förbundet"),
        .withdraw(reason: "Flyttat"),
    ]

    /// Every allowed step, written out; everything else must be refused.
    static let allowed: [JourneyState: [JourneyEventKind: JourneyState]] = [
        .registered: [.informationConversation: .informed, .decline: .declined, .withdraw: .withdrawn],
        .informed: [.start: .introduction, .decline: .declined, .withdraw: .withdrawn],
        .introduction: [.multiPartyMeeting: .block(1), .exit: .exited, .withdraw: .withdrawn],
        .block(1): [.checkIn: .block(2), .exit: .exited, .withdraw: .withdrawn],
        .block(2): [.checkIn: .block(3), .exit: .exited, .withdraw: .withdrawn],
    ]

    @Test("every state against every event: allowed steps lead where the table says, the rest are refused", arguments: states)
    func table(_ state: JourneyState) {
        for event in Self.events {
            let expected = Self.allowed[state]?[event.kind]
            let result = Result { () throws(JourneyProblem) in try Journey.next(after: state, event) }
            switch (expected, result) {
            case (let target?, .success(let reached)):
                #expect(reached == target, "\(state) + \(event)")
            case (nil, .failure(let problem)):
                #expect(problem == (state.isFinal ? .alreadyEnded(state) : .notAllowed(from: state)), "\(state) + \(event)")
            default:
                Issue.record("\(state) + \(event): expected \(String(describing: expected)), got \(result)")
            }
        }
    }

    @Test("the buttons offered are exactly the allowed events")
    func possibleEvents() {
        #expect(Journey.possibleEvents(after: .registered) == [.informationConversation, .decline, .withdraw])
        #expect(Journey.possibleEvents(after: .block(3)) == [.checkIn, .exit, .withdraw])
        #expect(Journey.possibleEvents(after: .exited).isEmpty)
    }

    @Test("declining and withdrawing need a reason")
    func reasons() {
        #expect(throws: JourneyProblem.reasonRequired) { try Journey.next(after: .registered, .decline(reason: "  ")) }
        #expect(throws: JourneyProblem.reasonRequired) { try Journey.next(after: .block(1), .withdraw(reason: "")) }
    }

    @Test("a step cannot be dated before the previous one or after today; the same day is fine")
    func dates() throws {
        let today = Day("2026-11-23")!
        let previous = Day("2026-10-01")!
        #expect(throws: JourneyProblem.beforePreviousStep(previous: previous)) {
            try Journey.transition(from: .informed, .start, on: Day("2026-09-30")!, previousDay: previous, today: today, by: UserID(1))
        }
        #expect(throws: JourneyProblem.inTheFuture) {
            try Journey.transition(from: .informed, .start, on: Day("2026-11-24")!, previousDay: previous, today: today, by: UserID(1))
        }
        let step = try Journey.transition(from: .informed, .start, on: previous, previousDay: previous, today: today, by: UserID(7))
        #expect(step.to == .introduction)
        #expect(step.recordedBy == UserID(7))
    }

    @Test(
        "days parse strictly and count across a daylight-saving change",
        arguments: ["2026-02-30", "2026-13-01", "26-01-01", "2026-1-01", ""]
    )
    func invalidDays(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test("day arithmetic")
    func dayArithmetic() {
        #expect(Day("2026-03-28")!.days(until: Day("2026-03-30")!) == 2)
        #expect(Day("2026-12-31")!.adding(days: 1) == Day("2027-01-01"))
        #expect(JourneyState(storageValue: JourneyState.block(12).storageValue) == .block(12))
        #expect(JourneyState(storageValue: "block:0") == nil)
    }

    @Test("day numbers, weekdays and leap days agree with the Swedish calendar, 1899 to 2101")
    func dayNumbersAgreeWithTheCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let epoch = try #require(calendar.date(from: DateComponents(year: 1970, month: 1, day: 1)))
        var day = try #require(Day(year: 1899, month: 1, day: 1))
        var number = day.dayNumber
        #expect(number == -25_932)
        #expect(Day(dayNumber: 0) == Day("1970-01-01"))
        #expect(Day("2026-12-03")!.dayNumber == 20_790)
        while day.year <= 2101 {
            let next = day.adding(days: 1)
            let expected = calendar.dateComponents(
                [.year, .month, .day],
                from: calendar.date(byAdding: .day, value: number + 1, to: epoch)!
            )
            #expect([next.year, next.month, next.day] == [expected.year, expected.month, expected.day], "after \(day)")
            #expect(next.dayNumber == number + 1)
            #expect(Day(dayNumber: number + 1) == next)
            number += 1
            day = next
        }
        // 1970-01-01 was a Thursday; 2026-12-03 is one too.
        #expect(Day("1970-01-01")!.daysSinceMonday == 3)
        #expect(Day("2026-12-03")!.daysSinceMonday == 3)
        #expect(Week(containing: Day("2026-12-06")!).monday == Day("2026-11-30"))
        #expect(Day("1899-12-31")!.daysSinceMonday == 6)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2100, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day("2026-04-31") == nil)
        #expect(Day("2026-03-01")!.days(until: Day("2026-02-27")!) == -2)
        #expect(Day(year: 987, month: 6, day: 5)?.description == "0987-06-05")
    }
}

@Suite("Starting by exception, under the association's own rules")
struct StartExceptionTests {
    @Test("a start with every criterion asked now confirmed needs no reason; with any unconfirmed it needs one, and says how many")
    func start() throws {
        let rules = EligibilityRules.standard
        let all = Set(rules.criteria.map(\.key))
        try rules.checkStart(met: all, exceptionReason: "")
        #expect(throws: JourneyProblem.eligibilityUnconfirmed(count: 2)) {
            try rules.checkStart(met: all.subtracting(["voluntary", "goal"]), exceptionReason: "  ")
        }
        #expect(throws: JourneyProblem.eligibilityUnconfirmed(count: rules.criteria.count)) {
            try rules.checkStart(met: [], exceptionReason: "")
        }
        try rules.checkStart(met: [], exceptionReason: "Kontakt med vården pågår")
        #expect(rules.unconfirmed(met: all.subtracting(["voluntary"])).map(\.key) == ["voluntary"])

        // A retired criterion is no longer asked: confirming the rest is enough.
        let retired = EligibilityRules(
            ages: 18...61,
            criteria: rules.criteria.map {
                $0.key == "voluntary" ? EligibilityCriterion(key: $0.key, wording: $0.wording, isRetired: true) : $0
            }
        )
        try retired.checkStart(met: all.subtracting(["voluntary"]), exceptionReason: "")
        #expect(retired.active.count == 7 && retired.criteria.count == 8)
        #expect(Eligibility.isOpen(in: .informed) && !Eligibility.isOpen(in: .introduction))
    }

    @Test("an age range that is empty, a criterion without Swedish wording or with too long a one, are refused field by field")
    func drafts() throws {
        #expect(try EligibilityAgesDraft(minimum: "18", maximum: "61").validated() == 18...61)
        #expect(throws: ValidationFailure(problems: ["maximumAge": .emptyAgeRange])) {
            try EligibilityAgesDraft(minimum: "40", maximum: "30").validated()
        }
        #expect(throws: ValidationFailure(problems: ["minimumAge": .notAWholeNumber, "maximumAge": .required])) {
            try EligibilityAgesDraft(minimum: "arton", maximum: " ").validated()
        }
        #expect(try CriterionDraft(swedish: " Har fyllt 18 ", english: "").validated().text(.english) == "Har fyllt 18")
        #expect(throws: ValidationFailure(problems: ["c1-swedish": .required])) {
            try CriterionDraft(swedish: " ", english: "x").validated(prefix: "c1-")
        }
        #expect(throws: ValidationFailure(problems: ["new-english": .tooLong(maximum: 300)])) {
            try CriterionDraft(swedish: "Ja", english: String(repeating: "a", count: 301)).validated(prefix: "new-")
        }
    }
}
