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

/// A meeting, held or planned. Notes and decisions are personal data and are encrypted at rest.
public struct Meeting: Hashable, Sendable {
    public let id: MeetingID
    public let participantID: ParticipantID
    public var kind: MeetingKind
    public var day: Day
    public var attendees: Set<MeetingAttendee>
    public var notes: String
    public var decisions: String
    public let recordedBy: UserID

    public init(
        id: MeetingID,
        participantID: ParticipantID,
        kind: MeetingKind,
        day: Day,
        attendees: Set<MeetingAttendee>,
        notes: String,
        decisions: String,
        recordedBy: UserID
    ) {
        self.id = id
        self.participantID = participantID
        self.kind = kind
        self.day = day
        self.attendees = attendees
        self.notes = notes
        self.decisions = decisions
        self.recordedBy = recordedBy
    }

    /// A meeting after today is planned, not held.
    public func isPlanned(today: Day) -> Bool { day > today }
}

/// What was typed to record or plan a meeting.
public struct MeetingDraft: Sendable, Equatable {
    public var kind: String
    public var day: String
    public var attendees: [String]
    public var notes: String
    public var decisions: String

    public init(kind: String, day: String, attendees: [String], notes: String, decisions: String) {
        self.kind = kind
        self.day = day
        self.attendees = attendees
        self.notes = notes
        self.decisions = decisions
    }

    public struct Valid: Sendable, Equatable {
        public let kind: MeetingKind
        public let day: Day
        public let attendees: Set<MeetingAttendee>
        public let notes: String
        public let decisions: String
    }

    /// A meeting can be planned up to a year ahead, and is never before the registration.
    public func validated(registeredOn: Day, today: Day) throws(ValidationFailure) -> Valid {
        var failure = ValidationFailure()
        let kind = MeetingKind(rawValue: self.kind)
        if kind == nil { failure.add("kind", self.kind.isEmpty ? .required : .unknownChoice) }
        let day = Day(self.day)
        if let day {
            if day < registeredOn { failure.add("day", .beforeStart(registeredOn)) }
            if day > today.adding(days: 366) { failure.add("day", .tooFarAhead) }
        } else {
            failure.add("day", self.day.trimmed.isEmpty ? .required : .invalidDay)
        }
        let attendees = Set(self.attendees.compactMap(MeetingAttendee.init(rawValue:)))
        if attendees.count != Set(self.attendees).count { failure.add("attendees", .unknownChoice) }
        let notes = self.notes.trimmed
        if notes.count > 8000 { failure.add("notes", .tooLong(maximum: 8000)) }
        let decisions = self.decisions.trimmed
        if decisions.count > 4000 { failure.add("decisions", .tooLong(maximum: 4000)) }
        try failure.throwIfAny()
        return Valid(kind: kind!, day: day!, attendees: attendees, notes: notes, decisions: decisions)
    }
}
