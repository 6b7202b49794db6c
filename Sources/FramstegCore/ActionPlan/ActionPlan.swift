/// An indicator of an instrument as a goal names it: `bip/health`, `kasam/meaningfulness`.
public struct IndicatorKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let instrumentID: String
    public let indicatorID: String

    public init(instrumentID: String, indicatorID: String) {
        self.instrumentID = instrumentID
        self.indicatorID = indicatorID
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(instrumentID: String(parts[0]), indicatorID: String(parts[1]))
    }

    public var description: String { instrumentID + "/" + indicatorID }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
}

/// Who carries out a step of the action plan.
public enum PlanStepOwner: Hashable, Sendable, CaseIterable {
    case participant
    case counsellor
    case authority(Authority)

    public static let allCases: [PlanStepOwner] = [.participant, .counsellor] + Authority.allCases.map(PlanStepOwner.authority)

    public var storageValue: String {
        switch self {
        case .participant: "participant"
        case .counsellor: "counsellor"
        case .authority(let authority): "authority:" + authority.rawValue
        }
    }

    public init?(storageValue: String) {
        switch storageValue {
        case "participant": self = .participant
        case "counsellor": self = .counsellor
        default:
            guard storageValue.hasPrefix("authority:"), let authority = Authority(rawValue: String(storageValue.dropFirst(10))) else {
                return nil
            }
            self = .authority(authority)
        }
    }
}

public enum PlanStepStatus: String, CaseIterable, Sendable, Hashable {
    case planned
    case started
    case done
    case cancelled

    /// Still to be done: counted as overdue after its day.
    public var isOpen: Bool { self == .planned || self == .started }
}

/// Handlingsplan: a goal the participant works towards, following one or more indicators.
public struct PlanGoal: Hashable, Sendable {
    public let id: PlanGoalID
    public let participantID: ParticipantID
    public let text: String
    public let indicators: [IndicatorKey]
    public let createdOn: Day

    public init(id: PlanGoalID, participantID: ParticipantID, text: String, indicators: [IndicatorKey], createdOn: Day) {
        self.id = id
        self.participantID = participantID
        self.text = text
        self.indicators = indicators
        self.createdOn = createdOn
    }
}

/// One step towards a goal: what, who, by when, and how far it has come.
public struct PlanStep: Hashable, Sendable {
    public let id: PlanStepID
    public let goalID: PlanGoalID
    public let text: String
    public let owner: PlanStepOwner
    public let due: Day
    public var status: PlanStepStatus

    public init(id: PlanStepID, goalID: PlanGoalID, text: String, owner: PlanStepOwner, due: Day, status: PlanStepStatus) {
        self.id = id
        self.goalID = goalID
        self.text = text
        self.owner = owner
        self.due = due
        self.status = status
    }

    public func isOverdue(today: Day) -> Bool { status.isOpen && due < today }
}

/// What was typed to add a goal.
public struct PlanGoalDraft: Sendable, Equatable {
    public var text: String
    public var indicators: [String]

    public init(text: String, indicators: [String]) {
        self.text = text
        self.indicators = indicators
    }

    public static let maximumLength = 500

    /// A goal follows at least one indicator among those the participant's instruments offer.
    public func validated(available: Set<IndicatorKey>) throws(ValidationFailure) -> (text: String, indicators: [IndicatorKey]) {
        var failure = ValidationFailure()
        let text = self.text.trimmed
        if text.isEmpty { failure.add("text", .required) }
        if text.count > Self.maximumLength { failure.add("text", .tooLong(maximum: Self.maximumLength)) }
        let keys = indicators.compactMap(IndicatorKey.init)
        if indicators.isEmpty { failure.add("indicators", .required) }
        if keys.count != indicators.count || !keys.allSatisfy(available.contains) { failure.add("indicators", .unknownChoice) }
        try failure.throwIfAny()
        return (text, Array(Set(keys)).sorted())
    }
}

/// What was typed to add a step to a goal.
public struct PlanStepDraft: Sendable, Equatable {
    public var text: String
    public var owner: String
    public var due: String

    public init(text: String, owner: String, due: String) {
        self.text = text
        self.owner = owner
        self.due = due
    }

    /// A step is due within two years; a day in the past is allowed (a plan written afterwards).
    public func validated(today: Day) throws(ValidationFailure) -> (text: String, owner: PlanStepOwner, due: Day) {
        var failure = ValidationFailure()
        let text = self.text.trimmed
        if text.isEmpty { failure.add("text", .required) }
        if text.count > PlanGoalDraft.maximumLength { failure.add("text", .tooLong(maximum: PlanGoalDraft.maximumLength)) }
        let owner = PlanStepOwner(storageValue: self.owner)
        if owner == nil { failure.add("owner", self.owner.isEmpty ? .required : .unknownChoice) }
        let due = Day(self.due)
        if let due {
            if due > today.adding(days: 731) { failure.add("due", .tooFarAhead) }
        } else {
            failure.add("due", self.due.trimmed.isEmpty ? .required : .invalidDay)
        }
        try failure.throwIfAny()
        return (text, owner!, due!)
    }
}
