import Foundation

/// Where a participant is on the journey from interest registration to exit.
public enum JourneyState: Hashable, Sendable, Codable {
    /// Intresseanmälan received, nothing done yet.
    case registered
    /// Informationssamtal held; eligibility being checked.
    case informed
    /// Inskriven: the introduction period, ending with a multi-party meeting.
    case introduction
    /// Insatsblock number n, ending with a check-in meeting (avstämningsmöte).
    case block(Int)
    /// Avslutad, with an outcome.
    case exited
    /// Not started: declined after registration or information.
    case declined
    /// Left before exit (avbrott), at the participant's or the unit's initiative.
    case withdrawn

    public var isFinal: Bool { self == .exited || self == .declined || self == .withdrawn }
    /// Started and not yet ended: counts as an active participant.
    public var isActive: Bool {
        switch self {
        case .introduction, .block: true
        default: false
        }
    }

    /// The place along the journey, for sorting: waiting first, then the programme block by
    /// block, then the ways out.
    public var journeyOrder: Int {
        switch self {
        case .registered: 0
        case .informed: 1
        case .introduction: 2
        case .block(let number): 2 + number
        case .exited: 1_000
        case .withdrawn: 1_001
        case .declined: 1_002
        }
    }

    /// Stored as text: `block:3` for blocks.
    public var storageValue: String {
        switch self {
        case .registered: "registered"
        case .informed: "informed"
        case .introduction: "introduction"
        case .block(let number): "block:\(number)"
        case .exited: "exited"
        case .declined: "declined"
        case .withdrawn: "withdrawn"
        }
    }

    public init?(storageValue: String) {
        switch storageValue {
        case "registered": self = .registered
        case "informed": self = .informed
        case "introduction": self = .introduction
        case "exited": self = .exited
        case "declined": self = .declined
        case "withdrawn": self = .withdrawn
        default:
            guard storageValue.hasPrefix("block:"), let number = Int(storageValue.dropFirst(6)), number > 0 else { return nil }
            self = .block(number)
        }
    }
}

/// Utfall at exit, the categories the association reports (seed 003).
public enum ExitOutcome: String, CaseIterable, Sendable, Codable, Hashable {
    case unsubsidisedWork = "work"
    case subsidisedWork = "subsidised-work"
    case studies
    case jobSeekerAfterWork = "job-seeker-after-work"
    case furtherRehabilitation = "further-rehabilitation"
    case other
}

/// Something that moves a participant along, with the day it happened.
public enum JourneyEvent: Hashable, Sendable {
    case informationConversation
    case start
    /// The multi-party meeting that ends the introduction and continues into block 1.
    /// A meeting that ends participation is recorded as `exit`.
    case multiPartyMeeting
    /// The check-in that ends a block and continues into the next. Ending is recorded as `exit`.
    case checkIn
    case exit(ExitOutcome)
    case decline(reason: String)
    case withdraw(reason: String)
}

/// One step of the journey as it is kept: from, to, the day, and who recorded it.
public struct JourneyTransition: Hashable, Sendable {
    public let from: JourneyState
    public let to: JourneyState
    public let event: JourneyEvent
    /// The day it happened, in Swedish time, as `YYYY-MM-DD`.
    public let day: Day
    public let recordedBy: UserID

    public init(from: JourneyState, to: JourneyState, event: JourneyEvent, day: Day, recordedBy: UserID) {
        self.from = from
        self.to = to
        self.event = event
        self.day = day
        self.recordedBy = recordedBy
    }
}
