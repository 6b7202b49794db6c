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

    public func isRunning(on day: Day) -> Bool { start <= day && (end.map { day <= $0 } ?? true) }
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
