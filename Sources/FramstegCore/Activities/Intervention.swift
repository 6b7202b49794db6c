import Foundation

/// The four kinds of insats the association counts (seed 000). They run in parallel, not as a staircase.
public enum InterventionType: String, CaseIterable, Sendable, Codable, Hashable {
    case jobFocused = "job"
    case competence
    case health
    case social
}

/// Who provides an intervention.
public enum InterventionProvider: String, CaseIterable, Sendable, Codable, Hashable {
    case unit
    case employmentService = "af"
    case socialInsurance = "fk"
    case region
    case municipality
    case employer
}

/// Insats: one intervention over a period, possibly a placement (praktik) at an employer.
public struct Intervention: Hashable, Sendable {
    public let id: InterventionID
    public let participantID: ParticipantID
    public var type: InterventionType
    public var provider: InterventionProvider
    public var title: String
    /// A placement (praktik) always names its employer.
    public var employerName: String?
    public var start: Day
    /// The last day, inclusive; nil while it runs.
    public var end: Day?
    /// Its corrections, oldest first (`InterventionChange`); a withdrawn one is off the record's figures.
    public var changes: [InterventionChange] = []

    public init(
        id: InterventionID,
        participantID: ParticipantID,
        type: InterventionType,
        provider: InterventionProvider,
        title: String,
        employerName: String?,
        start: Day,
        end: Day?
    ) {
        self.id = id
        self.participantID = participantID
        self.type = type
        self.provider = provider
        self.title = title
        self.employerName = employerName
        self.start = start
        self.end = end
    }

    public var isPlacement: Bool { employerName != nil }

    /// Taken off the record as recorded by mistake: shown as withdrawn, counted nowhere.
    public var withdrawal: InterventionChange? { changes.last { $0.kind == .withdrawn } }

    public func isRunning(on day: Day) -> Bool { start <= day && (end.map { day <= $0 } ?? true) }
}

/// A correction of an intervention recorded by mistake: never silent, always with who, when and
/// why. An intervention that should not be there is withdrawn (it stays on the record as such);
/// an end recorded by mistake is taken back, and the intervention runs again until it is ended on
/// the right day.
public struct InterventionChange: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case withdrawn
        case endTakenBack = "end-taken-back"

        /// The change chosen on the form (its field is "change").
        public static func chosen(_ text: String) throws(ValidationFailure) -> Kind {
            guard let kind = Kind(rawValue: text) else {
                throw ValidationFailure(problems: ["change": text.isEmpty ? .required : .unknownChoice])
            }
            return kind
        }
    }

    public let kind: Kind
    /// The end it had before the change (nil when it was running).
    public let previousEnd: Day?
    public let reason: String
    public let by: UserID
    public let at: Date

    public init(kind: Kind, previousEnd: Day?, reason: String, by: UserID, at: Date) {
        self.kind = kind
        self.previousEnd = previousEnd
        self.reason = reason
        self.by = by
        self.at = at
    }

    public static let reasonMaximum = 500

    /// The reason, trimmed, when `intervention` may be changed so; the problems otherwise. Only a
    /// participant still on the journey has interventions corrected: after an exit, the exit is
    /// taken back first.
    public static func validated(
        _ kind: Kind,
        of intervention: Intervention,
        reason: String,
        participantIsActive: Bool
    ) throws(ValidationFailure) -> String {
        var failure = ValidationFailure()
        if !participantIsActive { failure.add("reason", .notEnrolled) }
        if intervention.withdrawal != nil {
            failure.add("reason", .interventionWithdrawn)
        } else if kind == .endTakenBack, intervention.end == nil {
            failure.add("reason", .interventionNotEnded)
        }
        let reason = reason.trimmed
        if reason.isEmpty { failure.add("reason", .required) }
        if reason.count > reasonMaximum { failure.add("reason", .tooLong(maximum: reasonMaximum)) }
        try failure.throwIfAny()
        return reason
    }
}

/// How the interventions running at one time combine, in BIP's terms: combined, coordinated
/// interventions are the ones that move people towards work.
public enum InterventionMix: String, CaseIterable, Sendable, Hashable {
    case none
    case onlySupportive = "supportive"
    case onlyJobFocused = "job-only"
    case combined

    public init(_ types: Set<InterventionType>) {
        if types.isEmpty {
            self = .none
        } else if types == [.jobFocused] {
            self = .onlyJobFocused
        } else if types.contains(.jobFocused) {
            self = .combined
        } else {
            self = .onlySupportive
        }
    }
}

extension Collection<Intervention> {
    /// The types running on `day`.
    public func types(runningOn day: Day) -> Set<InterventionType> {
        Set(filter { $0.isRunning(on: day) }.map(\.type))
    }

    /// The days on which a job-focused intervention ran together with another type: when the
    /// participant had combined support. Counted from the first start to `until` (inclusive).
    public func combinedDays(until last: Day) -> Int {
        guard let first = map(\.start).min(), first <= last else { return 0 }
        var count = 0
        var day = first
        while day <= last {
            if InterventionMix(types(runningOn: day)) == .combined { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}

/// What was typed to add an intervention.
public struct InterventionDraft: Sendable, Equatable {
    public var type: String
    public var provider: String
    public var title: String
    public var isPlacement: Bool
    public var employerName: String
    public var start: String
    public var end: String

    public init(type: String, provider: String, title: String, isPlacement: Bool, employerName: String, start: String, end: String) {
        self.type = type
        self.provider = provider
        self.title = title
        self.isPlacement = isPlacement
        self.employerName = employerName
        self.start = start
        self.end = end
    }

    public struct Valid: Sendable, Equatable {
        public let type: InterventionType
        public let provider: InterventionProvider
        public let title: String
        public let employerName: String?
        public let start: Day
        public let end: Day?
    }

    /// `started` is the day the participant started: nothing can begin before it.
    public func validated(started: Day, today: Day) throws(ValidationFailure) -> Valid {
        var failure = ValidationFailure()
        let type = InterventionType(rawValue: self.type)
        if type == nil { failure.add("type", self.type.isEmpty ? .required : .unknownChoice) }
        let provider = InterventionProvider(rawValue: self.provider)
        if provider == nil { failure.add("provider", self.provider.isEmpty ? .required : .unknownChoice) }
        let title = self.title.trimmed
        if title.isEmpty { failure.add("title", .required) } else if title.count > 200 { failure.add("title", .tooLong(maximum: 200)) }
        let employer = employerName.trimmed
        if isPlacement || provider == .employer {
            if employer.isEmpty {
                failure.add("employerName", .required)
            } else if employer.count > 200 {
                failure.add("employerName", .tooLong(maximum: 200))
            }
        }
        let start = Day(self.start)
        if let start {
            if start < started { failure.add("start", .beforeStart(started)) }
            if start > today.adding(days: 366) { failure.add("start", .tooFarAhead) }
        } else {
            failure.add("start", self.start.trimmed.isEmpty ? .required : .invalidDay)
        }
        var end: Day?
        if !self.end.trimmed.isEmpty {
            end = Day(self.end)
            if end == nil { failure.add("end", .invalidDay) } else if let start, end! < start { failure.add("end", .endBeforeStart) }
        }
        try failure.throwIfAny()
        return Valid(
            type: type!,
            provider: provider!,
            title: title,
            employerName: isPlacement || provider == .employer ? employer : nil,
            start: start!,
            end: end
        )
    }
}
