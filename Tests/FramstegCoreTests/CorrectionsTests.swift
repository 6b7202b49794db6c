import Foundation
import FramstegCore
import Testing

private func day(_ text: String) -> Day { Day(text)! }

@Suite("Corrections of an intervention, and eligibility assessed as met or not met")
struct CorrectionsTests {
    static let counsellor = UserID(7)
    static let running = Intervention(
        id: InterventionID(1),
        participantID: ParticipantID(1),
        type: .health,
        provider: .region,
        title: "Fysioterapi",
        employerName: nil,
        start: day("2026-10-01"),
        end: nil
    )

    @Test("an intervention is withdrawn with a reason, trimmed; an end is taken back only where there is one")
    func interventionChanges() throws {
        #expect(
            try InterventionChange.validated(.withdrawn, of: Self.running, reason: "  Fel deltagare ", participantIsActive: true)
                == "Fel deltagare"
        )
        #expect(throws: ValidationFailure(problems: ["reason": .interventionNotEnded])) {
            try InterventionChange.validated(.endTakenBack, of: Self.running, reason: "Fel dag", participantIsActive: true)
        }
        var ended = Self.running
        ended.end = day("2026-11-01")
        #expect(try InterventionChange.validated(.endTakenBack, of: ended, reason: "Fel dag", participantIsActive: true) == "Fel dag")
        #expect(throws: ValidationFailure(problems: ["reason": .required])) {
            try InterventionChange.validated(.withdrawn, of: ended, reason: "   ", participantIsActive: true)
        }
        #expect(throws: ValidationFailure(problems: ["reason": .tooLong(maximum: 500)])) {
            try InterventionChange.validated(.withdrawn, of: ended, reason: String(repeating: "x", count: 501), participantIsActive: true)
        }
        #expect(throws: ValidationFailure(problems: ["reason": .notEnrolled])) {
            try InterventionChange.validated(.withdrawn, of: ended, reason: "Fel", participantIsActive: false)
        }
    }

    @Test("a withdrawn intervention is changed no more, and is named so")
    func withdrawnStays() throws {
        var withdrawn = Self.running
        withdrawn.changes = [InterventionChange(kind: .withdrawn, previousEnd: nil, reason: "Fel", by: Self.counsellor, at: Date())]
        #expect(withdrawn.withdrawal?.reason == "Fel")
        #expect(Self.running.withdrawal == nil)
        #expect(throws: ValidationFailure(problems: ["reason": .interventionWithdrawn])) {
            try InterventionChange.validated(.withdrawn, of: withdrawn, reason: "Igen", participantIsActive: true)
        }
    }

    @Test("the change is chosen on the form: nothing chosen is required, anything else unknown")
    func chosenKind() throws {
        #expect(try InterventionChange.Kind.chosen("withdrawn") == .withdrawn)
        #expect(try InterventionChange.Kind.chosen("end-taken-back") == .endTakenBack)
        #expect(throws: ValidationFailure(problems: ["change": .required])) { try InterventionChange.Kind.chosen("") }
        #expect(throws: ValidationFailure(problems: ["change": .unknownChoice])) { try InterventionChange.Kind.chosen("deleted") }
    }

    @Test("a criterion is met, or not met with a note; one not assessed keeps what it had")
    func eligibilityDraft() throws {
        let criteria = EligibilityRules.standard.active
        let verdicts = try EligibilityDraft(
            answers: ["unemployed": "met", "voluntary": "not-met", "goal": ""],
            notes: ["voluntary": "  Vill tänka över det ", "unemployed": "ignoreras inte men sparas inte"]
        ).validated(criteria)
        let byKey = Dictionary(uniqueKeysWithValues: verdicts.map { ($0.key.key, $0.value) })
        #expect(byKey == ["unemployed": .met, "voluntary": .notMet(note: "Vill tänka över det")])
        #expect(throws: ValidationFailure(problems: ["note-voluntary": .eligibilityNoteRequired])) {
            try EligibilityDraft(answers: ["voluntary": "not-met"], notes: ["voluntary": "  "]).validated(criteria)
        }
        #expect(throws: ValidationFailure(problems: ["note-goal": .tooLong(maximum: 500)])) {
            try EligibilityDraft(answers: ["goal": "not-met"], notes: ["goal": String(repeating: "x", count: 501)]).validated(criteria)
        }
        #expect(throws: ValidationFailure(problems: ["answer-goal": .unknownChoice])) {
            try EligibilityDraft(answers: ["goal": "kanske"], notes: [:]).validated(criteria)
        }
        // A key the rules do not ask is not saved.
        #expect(try EligibilityDraft(answers: ["retired-key": "met"], notes: [:]).validated(criteria).isEmpty)
    }
}
