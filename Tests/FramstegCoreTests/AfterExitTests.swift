import FramstegCore
import Testing

@Suite("What happened, and what happened next")
struct AfterExitTests {
    static let exit = Day("2026-03-31")!

    static func draft(
        _ worked: String = "",
        step: String = "",
        on day: String = "",
        three: String = "",
        six: String = ""
    ) -> AfterExitDraft {
        AfterExitDraft(workedOrStudied: worked, nextStep: step, nextStepOn: day, situationAfter3Months: three, situationAfter6Months: six)
    }

    @Test("a next step needs its day between the exit and today; each follow-up waits for its months")
    func validation() throws {
        let today = Day("2026-08-15")!
        let facts = try Self.draft("yes", step: "joint-assessment", on: "2026-04-10", three: "work").validated(
            exitOn: Self.exit,
            today: today
        )
        #expect(facts.workedOrStudied == true && facts.nextStep == .jointAssessment && facts.situationAfter3Months == .work)
        #expect(facts.isPrompt(exitOn: Self.exit) == true, "ten days after the exit")
        #expect(AfterExit.followUpDay(months: 3, exitOn: Self.exit).description == "2026-06-30", "three months after the last of March")
        #expect(try Self.draft(step: "none").validated(exitOn: Self.exit, today: today).nextStepOn == nil, "no next step needs no day")

        #expect(throws: ValidationFailure(problems: ["nextStepOn": .required])) {
            try Self.draft(step: "healthcare").validated(exitOn: Self.exit, today: today)
        }
        #expect(throws: ValidationFailure(problems: ["nextStepOn": .beforeStart(Self.exit)])) {
            try Self.draft(step: "healthcare", on: "2026-03-01").validated(exitOn: Self.exit, today: today)
        }
        #expect(throws: ValidationFailure(problems: ["situationAfter6Months": .availableFrom(Day("2026-09-30")!)])) {
            try Self.draft(six: "studies").validated(exitOn: Self.exit, today: today)
        }
        #expect(throws: ValidationFailure(problems: ["workedOrStudied": .unknownChoice, "nextStep": .unknownChoice])) {
            try Self.draft("kanske", step: "vet-ej").validated(exitOn: Self.exit, today: today)
        }
    }

    @Test("the figures count everyone who ended, by gender, with what was not recorded as a row of its own")
    func figures() {
        func group(_ gender: Gender, _ facts: AfterExit, prompt: Bool?, _ count: Int) -> AfterExitGroup {
            AfterExitGroup(gender: gender, facts: facts, isPrompt: prompt, count: count, keySum: UInt32(count) &* 2_654_435_761)
        }
        let groups = [
            group(.woman, AfterExit(workedOrStudied: true, nextStep: .jointAssessment, situationAfter3Months: .work), prompt: true, 5),
            group(.woman, AfterExit(workedOrStudied: false, nextStep: .jointAssessment), prompt: false, 2),
            group(.man, AfterExit(workedOrStudied: true, nextStep: .employmentService), prompt: true, 4),
            group(.man, AfterExit(), prompt: nil, 3),
        ]
        let figures = AfterExitFigures(groups, publication: .exact)
        #expect(figures.during.rows == ["yes", "no", "not-recorded"])
        #expect(figures.during.counts == [[5, 4, 0], [2, 0, 0], [0, 3, 0]])
        #expect(figures.during.share(ofRow: 0, column: nil) == 9.0 / 14.0)
        #expect(
            figures.nextStep.counts[0] == [7, 0, 0] && figures.nextStep.counts[2] == [0, 4, 0] && figures.nextStep.counts.last == [0, 3, 0]
        )
        #expect(figures.prompt.counts == [[5, 4, 0], [2, 0, 0]])
        #expect(figures.after3Months.counts[0] == [5, 0, 0] && figures.after3Months.counts.last == [2, 7, 0])
        #expect(figures.after6Months.total == 14, "every table adds up to everyone who ended")
    }
}
