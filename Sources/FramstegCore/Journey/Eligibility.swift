import Foundation

/// One criterion of an association's eligibility checklist (seed 000's "Kriterier"), confirmed by
/// a counsellor. Its key is what answers are stored under; its wording can be changed and it can
/// be retired, while every answer keeps the wording it was given under.
public struct EligibilityCriterion: Hashable, Sendable {
    public let key: String
    public let wording: LocalizedText
    public let isRetired: Bool

    public init(key: String, wording: LocalizedText, isRetired: Bool = false) {
        self.key = key
        self.wording = wording
        self.isRetired = isRetired
    }
}

/// An association's eligibility rules: the age range (computed from the personal identity number)
/// and the criteria a counsellor confirms, in the checklist's order. Each association has its own
/// (seed 000: 16–66 years; seed 003: 18–61; seed 004: 19–67).
public struct EligibilityRules: Sendable, Equatable {
    public let ages: ClosedRange<Int>
    /// Every criterion, retired ones too, in the checklist's order.
    public let criteria: [EligibilityCriterion]

    public init(ages: ClosedRange<Int>, criteria: [EligibilityCriterion]) {
        self.ages = ages
        self.criteria = criteria
    }

    /// The criteria asked now.
    public var active: [EligibilityCriterion] { criteria.filter { !$0.isRetired } }

    public func criterion(_ key: String) -> EligibilityCriterion? { criteria.first { $0.key == key } }

    /// The criteria asked now that a counsellor has not confirmed as met, in the checklist's order.
    public func unconfirmed(met: Set<String>) -> [EligibilityCriterion] {
        active.filter { !met.contains($0.key) }
    }

    /// Starting needs every criterion asked now confirmed as met, or a reason for starting anyway
    /// (an exception), which is kept with the step.
    public func checkStart(met: Set<String>, exceptionReason: String) throws(JourneyProblem) {
        let missing = unconfirmed(met: met)
        guard missing.isEmpty || !exceptionReason.trimmed.isEmpty else { throw .eligibilityUnconfirmed(count: missing.count) }
    }

    /// Within the age range on the day checked.
    public func isOfEligibleAge(_ number: PersonalIdentityNumber, on date: Date) -> Bool {
        ages.contains(number.age(on: date))
    }

    /// The rules of seed 000 (Insjöriket), which every association had before rules were data:
    /// 16–66 years and eight criteria. New associations start from them.
    public static let standard = EligibilityRules(
        ages: 16...66,
        criteria: [
            (
                "unemployed", "Arbetslös, eller anställd med uttömda rehabiliteringsmöjligheter",
                "Unemployed, or employed with rehabilitation options exhausted"
            ),
            ("several-authorities", "Behöver stöd från flera myndigheter", "Needs support from several authorities"),
            ("goal", "Långsiktigt mål är arbete eller studier", "The long-term goal is work or studies"),
            (
                "language", "Tillräcklig språkförståelse eller kompenserande stöd",
                "Sufficient language understanding or compensating support"
            ),
            (
                "reachable", "Kan delta i möten och nås via telefon, sms eller e-post",
                "Can attend meetings and be reached by phone, text or e-mail"
            ),
            ("care-contacts", "Nödvändiga vårdkontakter etablerade där det går", "Needed care contacts established where possible"),
            ("no-substance-abuse", "Inget aktivt missbruk som påverkar processen", "No active substance abuse affecting the process"),
            ("voluntary", "Deltar frivilligt", "Takes part voluntarily"),
        ].map { EligibilityCriterion(key: $0.0, wording: LocalizedText(swedish: $0.1, english: $0.2)) }
    )
}

public enum Eligibility {
    /// The checklist is answered before the journey starts; after that it is a record of what was known.
    public static func isOpen(in state: JourneyState) -> Bool {
        state == .registered || state == .informed
    }
}

/// The age range typed into the rules form.
public struct EligibilityAgesDraft: Sendable, Equatable {
    public var minimum: String
    public var maximum: String

    public static let limits = 0...120

    public init(minimum: String, maximum: String) {
        self.minimum = minimum
        self.maximum = maximum
    }

    public func validated() throws(ValidationFailure) -> ClosedRange<Int> {
        var failure = ValidationFailure()
        let low = failure.wholeNumber(minimum, field: "minimumAge", in: Self.limits)
        let high = failure.wholeNumber(maximum, field: "maximumAge", in: Self.limits)
        if let low, let high, high < low { failure.add("maximumAge", .emptyAgeRange) }
        try failure.throwIfAny()
        return low!...high!
    }
}

/// A criterion's wording as typed: Swedish required, English optional (it falls back to Swedish).
public struct CriterionDraft: Sendable, Equatable {
    public var swedish: String
    public var english: String

    public static let maximumLength = 300

    public init(swedish: String, english: String) {
        self.swedish = swedish
        self.english = english
    }

    public func validated(prefix: String = "") throws(ValidationFailure) -> LocalizedText {
        var failure = ValidationFailure()
        let swedish = self.swedish.trimmed
        let english = self.english.trimmed
        if swedish.isEmpty { failure.add(prefix + "swedish", .required) }
        if swedish.count > Self.maximumLength { failure.add(prefix + "swedish", .tooLong(maximum: Self.maximumLength)) }
        if english.count > Self.maximumLength { failure.add(prefix + "english", .tooLong(maximum: Self.maximumLength)) }
        try failure.throwIfAny()
        return LocalizedText(swedish: swedish, english: english)
    }
}

/// One criterion as the counsellor assessed it: met, or not met with a note that says why.
public enum EligibilityVerdict: Hashable, Sendable {
    case met
    case notMet(note: String)

    public var isMet: Bool { self == .met }
}

/// The checklist as sent: per criterion "met", "not-met" or nothing (not assessed this time, so
/// an earlier answer stands), and the note beside it. Fields are `answer-<key>` and `note-<key>`.
public struct EligibilityDraft: Sendable, Equatable {
    public static let met = "met"
    public static let notMet = "not-met"
    public static let noteMaximum = 500

    public var answers: [String: String]
    public var notes: [String: String]

    public init(answers: [String: String], notes: [String: String]) {
        self.answers = answers
        self.notes = notes
    }

    /// The verdicts on `criteria` (the ones asked now) that were given; a "not met" needs its note.
    public func validated(_ criteria: [EligibilityCriterion]) throws(ValidationFailure) -> [EligibilityCriterion: EligibilityVerdict] {
        var failure = ValidationFailure()
        var verdicts: [EligibilityCriterion: EligibilityVerdict] = [:]
        for criterion in criteria {
            let note = (notes[criterion.key] ?? "").trimmed
            switch answers[criterion.key] ?? "" {
            case "": continue
            case Self.met: verdicts[criterion] = .met
            case Self.notMet:
                if note.isEmpty { failure.add("note-" + criterion.key, .eligibilityNoteRequired) }
                if note.count > Self.noteMaximum { failure.add("note-" + criterion.key, .tooLong(maximum: Self.noteMaximum)) }
                verdicts[criterion] = .notMet(note: note)
            default: failure.add("answer-" + criterion.key, .unknownChoice)
            }
        }
        try failure.throwIfAny()
        return verdicts
    }
}
