/// What the counsellor's working view puts first: what is due, overdue items at the top.
public struct DueItem: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A registration waiting for a decision; due when the two-week goal runs out.
        case registrationWaiting
        /// The multi-party meeting that ends the introduction.
        case multiPartyMeeting
        /// The check-in that ends block `n`.
        case checkIn(block: Int)
        /// A planned meeting, with its place.
        case meeting(MeetingID, MeetingKind, place: String)
        /// A planned meeting whose day has passed with neither held nor cancelled recorded.
        case meetingOutcome(MeetingID, MeetingKind)
        /// The progression measurement of the schedule.
        case measurement(MeasurementOccasion)
        /// A step of the action plan that is not done.
        case planStep(String)
    }

    public let kind: Kind
    public let participantID: ParticipantID
    public let participantName: String
    public let due: Day
    /// The time of day, for meetings.
    public let time: ClockTime?
    public let isOverdue: Bool

    public init(kind: Kind, participantID: ParticipantID, participantName: String, due: Day, time: ClockTime? = nil, isOverdue: Bool) {
        self.kind = kind
        self.participantID = participantID
        self.participantName = participantName
        self.due = due
        self.time = time
        self.isOverdue = isOverdue
    }

    /// Where the work list puts an item: today, this week, overdue, later (in that order on the page).
    public enum Group: String, CaseIterable, Sendable {
        case today
        case thisWeek
        case overdue
        case later
    }

    public func group(today: Day) -> Group {
        if isOverdue { return .overdue }
        if due <= today { return .today }
        if Week(containing: today).contains(due) { return .thisWeek }
        return .later
    }
}

/// The rhythm of the journey, used to say when the next meeting is due.
public enum DueItems {
    /// The introduction lasts about six weeks before the multi-party meeting.
    public static let introductionDays = 42
    /// Each block runs about eight weeks before its check-in.
    public static let blockDays = 56
    /// Steps due this far ahead are shown; later ones are not yet news.
    public static let horizonDays = 14

    /// One participant in progress and the day they entered their current state.
    public struct InProgress: Sendable {
        public let id: ParticipantID
        public let name: String
        public let state: JourneyState
        public let since: Day
        public init(id: ParticipantID, name: String, state: JourneyState, since: Day) {
            self.id = id
            self.name = name
            self.state = state
            self.since = since
        }
    }

    /// The day the step that ends the current state is due, or nil when none is.
    public static func nextStepDue(for state: JourneyState, since: Day) -> (kind: DueItem.Kind, day: Day)? {
        switch state {
        case .introduction: (.multiPartyMeeting, since.adding(days: introductionDays))
        case .block(let number): (.checkIn(block: number), since.adding(days: blockDays))
        default: nil
        }
    }

    /// Overdue items first (oldest first), then the rest by due day and time. Planned meetings
    /// within the horizon are listed; one whose day passed without an outcome is overdue.
    public static func items(
        inProgress: [InProgress],
        waiting: [(id: ParticipantID, name: String, registeredOn: Day)],
        meetings: [(meeting: Meeting, participantName: String)],
        measurements: [(id: ParticipantID, name: String, occasion: MeasurementOccasion, due: Day)] = [],
        planSteps: [(id: ParticipantID, name: String, step: PlanStep)] = [],
        waitingDays: Int = WaitingTime.goalDays,
        today: Day
    ) -> [DueItem] {
        var items: [DueItem] = []
        for participant in inProgress {
            guard let (kind, due) = nextStepDue(for: participant.state, since: participant.since),
                today.days(until: due) <= horizonDays
            else { continue }
            items.append(
                DueItem(kind: kind, participantID: participant.id, participantName: participant.name, due: due, isOverdue: due < today)
            )
        }
        for registration in waiting {
            let due = registration.registeredOn.adding(days: waitingDays)
            items.append(
                DueItem(
                    kind: .registrationWaiting,
                    participantID: registration.id,
                    participantName: registration.name,
                    due: due,
                    isOverdue: due < today
                )
            )
        }
        for measurement in measurements where today.days(until: measurement.due) <= horizonDays {
            items.append(
                DueItem(
                    kind: .measurement(measurement.occasion),
                    participantID: measurement.id,
                    participantName: measurement.name,
                    due: measurement.due,
                    isOverdue: measurement.due < today
                )
            )
        }
        for (id, name, step) in planSteps where step.status.isOpen && today.days(until: step.due) <= horizonDays {
            items.append(
                DueItem(kind: .planStep(step.text), participantID: id, participantName: name, due: step.due, isOverdue: step.due < today)
            )
        }
        for (meeting, name) in meetings where meeting.isPlanned && today.days(until: meeting.day) <= horizonDays {
            let awaiting = meeting.isAwaitingOutcome(today: today)
            items.append(
                DueItem(
                    kind: awaiting ? .meetingOutcome(meeting.id, meeting.kind) : .meeting(meeting.id, meeting.kind, place: meeting.place),
                    participantID: meeting.participantID,
                    participantName: name,
                    due: meeting.day,
                    time: meeting.time,
                    isOverdue: awaiting
                )
            )
        }
        return items.sorted { lhs, rhs in
            if lhs.isOverdue != rhs.isOverdue { return lhs.isOverdue }
            return (lhs.due, lhs.time?.minutes ?? -1, lhs.participantName) < (rhs.due, rhs.time?.minutes ?? -1, rhs.participantName)
        }
    }
}
