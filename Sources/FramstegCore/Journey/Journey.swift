/// Why a step on the journey was refused, with what the user needs to correct it.
public enum JourneyProblem: Error, Hashable, Sendable {
    /// This step cannot follow the current state (e.g. a check-in before the start).
    case notAllowed(from: JourneyState)
    /// The journey has ended; nothing more can be recorded.
    case alreadyEnded(JourneyState)
    /// The day is before the previous step's day.
    case beforePreviousStep(previous: Day)
    /// The day is after today.
    case inTheFuture
    /// Declining and withdrawing need a reason.
    case reasonRequired
    /// Starting with criteria not confirmed as met needs the reason for the exception.
    case eligibilityUnconfirmed(count: Int)
}

/// The journey as a state machine: which step may follow which, on which days.
public enum Journey {
    /// The state an event leads to from `state`, or why it may not happen.
    public static func next(after state: JourneyState, _ event: JourneyEvent) throws(JourneyProblem) -> JourneyState {
        if state.isFinal { throw .alreadyEnded(state) }
        switch (state, event) {
        case (.registered, .informationConversation): return .informed
        case (.informed, .start): return .introduction
        case (.introduction, .multiPartyMeeting): return .block(1)
        case (.block(let number), .checkIn): return .block(number + 1)
        case (.introduction, .exit), (.block, .exit): return .exited
        case (.registered, .decline(let reason)), (.informed, .decline(let reason)):
            guard !reason.trimmed.isEmpty else { throw .reasonRequired }
            return .declined
        case (_, .withdraw(let reason)):
            guard !reason.trimmed.isEmpty else { throw .reasonRequired }
            return .withdrawn
        default:
            throw .notAllowed(from: state)
        }
    }

    /// Checks the step and its day against the previous step and today, and records who made it.
    public static func transition(
        from state: JourneyState,
        _ event: JourneyEvent,
        on day: Day,
        previousDay: Day,
        today: Day,
        by user: UserID
    ) throws(JourneyProblem) -> JourneyTransition {
        let target = try next(after: state, event)
        if day > today { throw .inTheFuture }
        if day < previousDay { throw .beforePreviousStep(previous: previousDay) }
        return JourneyTransition(from: state, to: target, event: event, day: day, recordedBy: user)
    }

    /// The events that may follow `state`, for offering the right buttons.
    public static func possibleEvents(after state: JourneyState) -> [JourneyEventKind] {
        JourneyEventKind.allCases.filter { kind in (try? next(after: state, kind.example)) != nil }
    }
}

/// The kinds of event, without their details: what the record page offers.
public enum JourneyEventKind: String, CaseIterable, Sendable {
    case informationConversation = "information"
    case start
    case multiPartyMeeting = "multi-party-meeting"
    case checkIn = "check-in"
    case exit
    case decline
    case withdraw

    var example: JourneyEvent {
        switch self {
        case .informationConversation: .informationConversation
        case .start: .start
        case .multiPartyMeeting: .multiPartyMeeting
        case .checkIn: .checkIn
        case .exit: .exit(.other)
        case .decline: .decline(reason: "x")
        case .withdraw: .withdraw(reason: "x")
        }
    }
}

extension JourneyEvent {
    public var kind: JourneyEventKind {
        switch self {
        case .informationConversation: .informationConversation
        case .start: .start
        case .multiPartyMeeting: .multiPartyMeeting
        case .checkIn: .checkIn
        case .exit: .exit
        case .decline: .decline
        case .withdraw: .withdraw
        }
    }
}
