import Foundation

/// What the participant went on to after the exit (seed 004: "Gemensam kartläggning" within 14 days).
public enum NextStepKind: String, CaseIterable, Sendable, Hashable {
    case jointAssessment = "joint-assessment"
    case otherIntervention = "other-intervention"
    case employmentService = "employment-service"
    case healthcare
    case none
}

/// The participant's situation at a follow-up after the exit (seed 003 follows up "som längst efter 3 månader").
public enum FollowUpSituation: String, CaseIterable, Sendable, Hashable {
    case work
    case subsidisedWork = "subsidised-work"
    case studies
    case jobSeeking = "job-seeking"
    case rehabilitation
    case other
    /// Asked for but not reached.
    case notReached = "not-reached"
}

/// What happened, and what happened next, recorded once on the record: work or studies during
/// participation (seed 003: "79 % har haft anställning eller studerat inom ramen för projektet"),
/// the next step after the exit with its day, and the situation 3 and 6 months after the exit.
public struct AfterExit: Hashable, Sendable {
    public var workedOrStudied: Bool?
    public var nextStep: NextStepKind?
    public var nextStepOn: Day?
    public var situationAfter3Months: FollowUpSituation?
    public var situationAfter6Months: FollowUpSituation?

    /// Days from the exit a next step counts as prompt (seed 004's goal: within two weeks).
    public static let promptDays = 14

    public init(
        workedOrStudied: Bool? = nil,
        nextStep: NextStepKind? = nil,
        nextStepOn: Day? = nil,
        situationAfter3Months: FollowUpSituation? = nil,
        situationAfter6Months: FollowUpSituation? = nil
    ) {
        self.workedOrStudied = workedOrStudied
        self.nextStep = nextStep
        self.nextStepOn = nextStepOn
        self.situationAfter3Months = situationAfter3Months
        self.situationAfter6Months = situationAfter6Months
    }

    /// Whether the next step began within `promptDays` of the exit on `exitOn`.
    public func isPrompt(exitOn: Day) -> Bool? {
        guard let nextStep, nextStep != .none, let nextStepOn else { return nil }
        return exitOn.days(until: nextStepOn) <= Self.promptDays
    }

    /// The first day a follow-up `months` after the exit can be recorded.
    public static func followUpDay(months: Int, exitOn: Day) -> Day {
        Day(Calendar.swedish.date(byAdding: .month, value: months, to: exitOn.date)!)
    }
}

/// The after-exit form as typed: "yes"/"no" or empty, choices by raw value or empty, a day.
public struct AfterExitDraft: Sendable, Equatable {
    public var workedOrStudied: String
    public var nextStep: String
    public var nextStepOn: String
    public var situationAfter3Months: String
    public var situationAfter6Months: String

    public init(workedOrStudied: String, nextStep: String, nextStepOn: String, situationAfter3Months: String, situationAfter6Months: String)
    {
        self.workedOrStudied = workedOrStudied
        self.nextStep = nextStep
        self.nextStepOn = nextStepOn
        self.situationAfter3Months = situationAfter3Months
        self.situationAfter6Months = situationAfter6Months
    }

    /// Checked against the exit day and today: a next step has a day between the exit and today
    /// (none needs no day), and each follow-up waits until its months have passed.
    public func validated(exitOn: Day, today: Day) throws(ValidationFailure) -> AfterExit {
        var failure = ValidationFailure()
        var result = AfterExit()
        switch workedOrStudied.trimmed {
        case "": break
        case "yes": result.workedOrStudied = true
        case "no": result.workedOrStudied = false
        default: failure.add("workedOrStudied", .unknownChoice)
        }
        let step = nextStep.trimmed
        if !step.isEmpty {
            if let kind = NextStepKind(rawValue: step) { result.nextStep = kind } else { failure.add("nextStep", .unknownChoice) }
        }
        let typedDay = nextStepOn.trimmed
        if let kind = result.nextStep, kind != .none {
            if typedDay.isEmpty {
                failure.add("nextStepOn", .required)
            } else if let day = Day(typedDay) {
                if day < exitOn { failure.add("nextStepOn", .beforeStart(exitOn)) }
                if day > today { failure.add("nextStepOn", .inTheFuture) }
                result.nextStepOn = day
            } else {
                failure.add("nextStepOn", .invalidDay)
            }
        } else if !typedDay.isEmpty, Day(typedDay) == nil {
            failure.add("nextStepOn", .invalidDay)
        }
        func situation(_ text: String, months: Int, field: String) -> FollowUpSituation? {
            let typed = text.trimmed
            guard !typed.isEmpty else { return nil }
            guard let situation = FollowUpSituation(rawValue: typed) else {
                failure.add(field, .unknownChoice)
                return nil
            }
            let from = AfterExit.followUpDay(months: months, exitOn: exitOn)
            if today < from { failure.add(field, .availableFrom(from)) }
            return situation
        }
        result.situationAfter3Months = situation(situationAfter3Months, months: 3, field: "situationAfter3Months")
        result.situationAfter6Months = situation(situationAfter6Months, months: 6, field: "situationAfter6Months")
        try failure.throwIfAny()
        return result
    }
}
