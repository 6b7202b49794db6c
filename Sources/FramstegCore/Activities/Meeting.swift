import Foundation

/// The kinds of meeting on the journey.
public enum MeetingKind: String, CaseIterable, Sendable, Codable, Hashable {
    case information
    case individual
    case multiParty = "multi-party"
    case checkIn = "check-in"
    case exit
}

/// Who took part in a meeting.
public enum MeetingAttendee: String, CaseIterable, Sendable, Codable, Hashable {
    case participant
    case counsellor
    case referrer
    case otherAuthorities = "authorities"
}

/// Where a meeting stands: planned for a day (and a time), held, or cancelled. A planned meeting
/// becomes held or cancelled once; a held one recorded by mistake is withdrawn, never deleted. The
/// changes on the way are kept (`MeetingChange`).
public enum MeetingStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case planned
    case held
    case cancelled
    case withdrawn
}

/// A time of day, minutes since midnight, written "HH:MM" (24 hours).
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    /// "9:05", "09:05" and "09.05" (the Swedish way of writing it) all read as 09:05.
    public init?(_ text: String) {
        let parts = text.trimmed.split(omittingEmptySubsequences: false) { $0 == ":" || $0 == "." }
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}

/// One change to a planned meeting, kept with what it was before: moved (day, time or place),
/// held, or cancelled. The reason is personal data ("sick") and sealed at rest.
public struct MeetingChange: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case moved
        case held
        case cancelled
        /// A held meeting recorded by mistake, taken back.
        case withdrawn
    }

    public let kind: Kind
    public let previousDay: Day
    public let previousTime: ClockTime?
    public let previousPlace: String
    public let reason: String
    public let by: UserID
    public let at: Date

    public init(kind: Kind, previousDay: Day, previousTime: ClockTime?, previousPlace: String, reason: String, by: UserID, at: Date) {
        self.kind = kind
        self.previousDay = previousDay
        self.previousTime = previousTime
        self.previousPlace = previousPlace
        self.reason = reason
        self.by = by
        self.at = at
    }
}

/// A meeting, held, planned or cancelled. Place, notes and decisions are personal data and are
/// encrypted at rest.
public struct Meeting: Hashable, Sendable {
    public let id: MeetingID
    public let participantID: ParticipantID
    public var kind: MeetingKind
    public var status: MeetingStatus
    public var day: Day
    public var time: ClockTime?
    public var place: String
    public var attendees: Set<MeetingAttendee>
    public var notes: String
    public var decisions: String
    public let recordedBy: UserID
    /// Earliest first.
    public var changes: [MeetingChange]

    public init(
        id: MeetingID,
        participantID: ParticipantID,
        kind: MeetingKind,
        status: MeetingStatus = .held,
        day: Day,
        time: ClockTime? = nil,
        place: String = "",
        attendees: Set<MeetingAttendee>,
        notes: String,
        decisions: String,
        recordedBy: UserID,
        changes: [MeetingChange] = []
    ) {
        self.id = id
        self.participantID = participantID
        self.kind = kind
        self.status = status
        self.day = day
        self.time = time
        self.place = place
        self.attendees = attendees
        self.notes = notes
        self.decisions = decisions
        self.recordedBy = recordedBy
        self.changes = changes
    }

    public var isPlanned: Bool { status == .planned }
    public var isHeld: Bool { status == .held }

    /// A planned meeting whose day has passed without being recorded as held or cancelled.
    public func isAwaitingOutcome(today: Day) -> Bool { status == .planned && day < today }

    /// Soonest first: day, then time (a meeting without a time before those with one), then id.
    public static func soonestFirst(_ lhs: Meeting, _ rhs: Meeting) -> Bool {
        if lhs.day != rhs.day { return lhs.day < rhs.day }
        if lhs.time != rhs.time { return (lhs.time?.minutes ?? -1) < (rhs.time?.minutes ?? -1) }
        return lhs.id.rawValue < rhs.id.rawValue
    }
}

/// What was typed to record a held meeting or to plan one. Planning asks for a day from today on
/// and a time; recording a held meeting asks for a day up to today, and takes attendees, notes and
/// decisions. An empty `status` (the API before meetings were planned) means planned for a day
/// ahead, held otherwise.
public struct MeetingDraft: Sendable, Equatable {
    public var status: String
    public var kind: String
    public var day: String
    public var time: String
    public var place: String
    public var attendees: [String]
    public var notes: String
    public var decisions: String

    public init(
        status: String = "",
        kind: String,
        day: String,
        time: String = "",
        place: String = "",
        attendees: [String],
        notes: String,
        decisions: String
    ) {
        self.status = status
        self.kind = kind
        self.day = day
        self.time = time
        self.place = place
        self.attendees = attendees
        self.notes = notes
        self.decisions = decisions
    }

    public struct Valid: Sendable, Equatable {
        public let status: MeetingStatus
        public let kind: MeetingKind
        public let day: Day
        public let time: ClockTime?
        public let place: String
        public let attendees: Set<MeetingAttendee>
        public let notes: String
        public let decisions: String
    }

    public static let placeMaximum = 200

    /// A meeting can be planned up to a year ahead, and is never before the registration.
    public func validated(registeredOn: Day, today: Day) throws(ValidationFailure) -> Valid {
        var failure = ValidationFailure()
        let kind = MeetingKind(rawValue: self.kind)
        if kind == nil { failure.add("kind", self.kind.isEmpty ? .required : .unknownChoice) }
        let day = Day(self.day)
        var status: MeetingStatus? = .held
        switch self.status {
        case "": status = day.map { $0 > today ? .planned : .held }
        case MeetingStatus.planned.rawValue: status = .planned
        case MeetingStatus.held.rawValue: status = .held
        default: failure.add("status", .unknownChoice)
        }
        if let day {
            if day < registeredOn { failure.add("day", .beforeStart(registeredOn)) }
            if day > today.adding(days: 366) { failure.add("day", .tooFarAhead) }
            if status == .planned && day < today { failure.add("day", .inThePast) }
            if status == .held && day > today { failure.add("day", .inTheFuture) }
        } else {
            failure.add("day", self.day.trimmed.isEmpty ? .required : .invalidDay)
        }
        let time = Self.time(self.time, required: status == .planned && !self.status.isEmpty, into: &failure)
        let place = self.place.trimmed
        if place.count > Self.placeMaximum { failure.add("place", .tooLong(maximum: Self.placeMaximum)) }
        let attendees = Set(self.attendees.compactMap(MeetingAttendee.init(rawValue:)))
        if attendees.count != Set(self.attendees).count { failure.add("attendees", .unknownChoice) }
        let notes = self.notes.trimmed
        if notes.count > 8000 { failure.add("notes", .tooLong(maximum: 8000)) }
        let decisions = self.decisions.trimmed
        if decisions.count > 4000 { failure.add("decisions", .tooLong(maximum: 4000)) }
        try failure.throwIfAny()
        return Valid(
            status: status!,
            kind: kind!,
            day: day!,
            time: time,
            place: place,
            attendees: attendees,
            notes: notes,
            decisions: decisions
        )
    }

    /// The time typed, nil when none was; a time that does not read is a problem of `field`.
    static func time(_ text: String, required: Bool, field: String = "time", into failure: inout ValidationFailure) -> ClockTime? {
        guard !text.trimmed.isEmpty else {
            if required { failure.add(field, .required) }
            return nil
        }
        guard let time = ClockTime(text) else {
            failure.add(field, .invalidTime)
            return nil
        }
        return time
    }
}

/// What was typed to move a planned meeting to another day, time or place.
public struct MeetingMoveDraft: Sendable, Equatable {
    public var day: String
    public var time: String
    public var place: String
    public var reason: String

    public init(day: String, time: String, place: String, reason: String) {
        self.day = day
        self.time = time
        self.place = place
        self.reason = reason
    }

    public struct Valid: Sendable, Equatable {
        public let day: Day
        public let time: ClockTime
        public let place: String
        public let reason: String
    }

    public func validated(_ meeting: Meeting, today: Day) throws(ValidationFailure) -> Valid {
        var failure = ValidationFailure()
        if !meeting.isPlanned { failure.add("day", .meetingNotPlanned) }
        let day = Day(self.day)
        if let day {
            if day < today { failure.add("day", .inThePast) }
            if day > today.adding(days: 366) { failure.add("day", .tooFarAhead) }
        } else {
            failure.add("day", self.day.trimmed.isEmpty ? .required : .invalidDay)
        }
        let time = MeetingDraft.time(self.time, required: true, into: &failure)
        let place = self.place.trimmed
        if place.count > MeetingDraft.placeMaximum { failure.add("place", .tooLong(maximum: MeetingDraft.placeMaximum)) }
        let reason = self.reason.trimmed
        if reason.count > MeetingChangeReason.maximum { failure.add("reason", .tooLong(maximum: MeetingChangeReason.maximum)) }
        if let day, let time, day == meeting.day, time == meeting.time, place == meeting.place {
            failure.add("day", .unchanged)
        }
        try failure.throwIfAny()
        return Valid(day: day!, time: time!, place: place, reason: reason)
    }
}

/// What was typed when a planned meeting took place: the day it was held (its planned day unless
/// changed), who came, notes and decisions.
public struct MeetingOutcomeDraft: Sendable, Equatable {
    public var day: String
    public var attendees: [String]
    public var notes: String
    public var decisions: String

    public init(day: String, attendees: [String], notes: String, decisions: String) {
        self.day = day
        self.attendees = attendees
        self.notes = notes
        self.decisions = decisions
    }

    public func validated(_ meeting: Meeting, registeredOn: Day, today: Day) throws(ValidationFailure) -> MeetingDraft.Valid {
        var failure = ValidationFailure()
        if !meeting.isPlanned { failure.add("day", .meetingNotPlanned) }
        let valid: MeetingDraft.Valid
        do {
            valid = try MeetingDraft(
                status: MeetingStatus.held.rawValue,
                kind: meeting.kind.rawValue,
                day: day,
                time: meeting.time?.description ?? "",
                place: meeting.place,
                attendees: attendees,
                notes: notes,
                decisions: decisions
            ).validated(registeredOn: registeredOn, today: today)
        } catch {
            for (field, problem) in error.problems { failure.add(field, problem) }
            throw failure
        }
        try failure.throwIfAny()
        return valid
    }
}

/// Why a planned meeting was cancelled (or moved): kept with the change, sealed.
public enum MeetingChangeReason {
    public static let maximum = 500

    /// A cancellation needs its reason; it is what the record shows in place of the meeting.
    public static func validatedCancellation(_ meeting: Meeting, reason: String) throws(ValidationFailure) -> String {
        try validated(reason, for: meeting, mustBe: .planned, else: .meetingNotPlanned)
    }

    /// A held meeting recorded by mistake (the wrong participant, twice) is taken back with its
    /// reason; it stays on the record as withdrawn and counts nowhere.
    public static func validatedWithdrawal(_ meeting: Meeting, reason: String) throws(ValidationFailure) -> String {
        try validated(reason, for: meeting, mustBe: .held, else: .meetingNotHeld)
    }

    /// The reason, required and bounded, for a change only a meeting in `status` can take.
    private static func validated(
        _ reason: String,
        for meeting: Meeting,
        mustBe status: MeetingStatus,
        else problem: FieldProblem
    ) throws(ValidationFailure) -> String {
        var failure = ValidationFailure()
        if meeting.status != status { failure.add("reason", problem) }
        let reason = reason.trimmed
        if reason.isEmpty { failure.add("reason", .required) }
        if reason.count > maximum { failure.add("reason", .tooLong(maximum: maximum)) }
        try failure.throwIfAny()
        return reason
    }
}
