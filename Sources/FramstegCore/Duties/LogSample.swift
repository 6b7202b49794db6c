/// Which reads of personal data a log review checks (loggkontroll): every read of a person on the
/// watch list (protected identity, staff's relatives, people of particular interest), and of the
/// others a random sample of a chosen size, so that nobody can count on their reads going unseen.
public enum LogSample {
    /// One read in the log: its row and whose data it was.
    public struct Read: Hashable, Sendable {
        public let sequence: Int64
        public let participant: ParticipantID

        public init(sequence: Int64, participant: ParticipantID) {
            self.sequence = sequence
            self.participant = participant
        }
    }

    /// How many reads a review samples unless the reviewer asks for another number.
    public static let standardSize = 20
    public static let sizeRange = 1...500

    /// The rows to check, in log order: all reads of watched people, then `size` others drawn at random.
    public static func choose(
        from reads: [Read],
        watched: Set<ParticipantID>,
        size: Int,
        using generator: inout some RandomNumberGenerator
    ) -> [Read] {
        let always = reads.filter { watched.contains($0.participant) }
        let drawn = reads.filter { !watched.contains($0.participant) }.shuffled(using: &generator).prefix(max(0, size))
        return (always + drawn).sorted { $0.sequence < $1.sequence }
    }
}

/// What the log review searches for: each criterion optional, the period in Swedish days.
public struct AuditFilter: Hashable, Sendable {
    public var userID: UserID?
    public var participantID: ParticipantID?
    /// An event name or the beginning of one (`participant.` finds every event about a record).
    public var action: String?
    public var unitID: UnitID?
    public var from: Day?
    public var through: Day?

    public init(
        userID: UserID? = nil,
        participantID: ParticipantID? = nil,
        action: String? = nil,
        unitID: UnitID? = nil,
        from: Day? = nil,
        through: Day? = nil
    ) {
        self.userID = userID
        self.participantID = participantID
        self.action = action
        self.unitID = unitID
        self.from = from
        self.through = through
    }
}
