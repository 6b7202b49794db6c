/// Participants who look the same to every follow-up figure of one period, and how many they are:
/// the database groups its rows into these (`FollowUpRepository.groups`), so a dashboard reads a
/// few hundred groups instead of every participant. `grouping(_:period:)` builds the same groups
/// from facts, which is how the SQL is checked.
public struct FactGroup: Hashable, Sendable {
    public struct Key: Hashable, Sendable {
        public let unitID: UnitID
        public let municipalityID: MunicipalityID
        public let gender: Gender
        public let ageBand: AgeBand
        /// Registered in the period.
        public let referred: Bool
        /// Started in the period.
        public let started: Bool
        /// Enrolled at some time in the period.
        public let active: Bool
        /// Ended (after a start) in the period, and how.
        public let ended: Bool
        public let outcome: ExitOutcome?
        /// For those ended: 0 is 0–12 months from start, 1 is 13–24, 2 is longer.
        public let timeBand: Int?
        /// For those started: whether within the waiting-time goal.
        public let withinWaitingGoal: Bool?
        public let changedCounsellor: Bool
        /// A completed BIP by the period's end.
        public let measured: Bool

        public init(
            unitID: UnitID,
            municipalityID: MunicipalityID,
            gender: Gender,
            ageBand: AgeBand,
            referred: Bool,
            started: Bool,
            active: Bool,
            ended: Bool,
            outcome: ExitOutcome?,
            timeBand: Int?,
            withinWaitingGoal: Bool?,
            changedCounsellor: Bool,
            measured: Bool
        ) {
            self.unitID = unitID
            self.municipalityID = municipalityID
            self.gender = gender
            self.ageBand = ageBand
            self.referred = referred
            self.started = started
            self.active = active
            self.ended = ended
            self.outcome = outcome
            self.timeBand = timeBand
            self.withinWaitingGoal = withinWaitingGoal
            self.changedCounsellor = changedCounsellor
            self.measured = measured
        }
    }

    public let key: Key
    public var count: Int
    /// The group's record keys summed modulo 2³² (its part of any cell's key, `Tally`).
    public var keySum: UInt32
    /// Days from start to end, summed over the group (those ended in the period).
    public var daysInProgramme: Int
    /// Days from registration to start, summed over the group (those started in the period).
    public var waitingDays: Int

    public init(key: Key, count: Int, keySum: UInt32, daysInProgramme: Int, waitingDays: Int) {
        self.key = key
        self.count = count
        self.keySum = keySum
        self.daysInProgramme = daysInProgramme
        self.waitingDays = waitingDays
    }

    /// 0–12 months is up to 365 days, 13–24 up to 730.
    public static func timeBand(days: Int) -> Int { days <= 365 ? 0 : days <= 730 ? 1 : 2 }

    /// Only participants the period concerns (registered by its end and not ended before it) are
    /// grouped: nobody else is referred, started, active or ended in it.
    public static func grouping(
        _ facts: [ParticipantFacts],
        period: ReportingPeriod,
        waitingDays: Int = WaitingTime.goalDays
    ) -> [FactGroup] {
        var groups: [Key: FactGroup] = [:]
        for fact in facts where fact.registeredOn <= period.last && (fact.endedOn.map { $0 >= period.first } ?? true) {
            let started = fact.startedOn.map(period.contains) == true
            let ended = fact.startedOn != nil && fact.endedOn.map(period.contains) == true
            let days = ended ? fact.startedOn!.days(until: fact.endedOn!) : 0
            let wait = started ? fact.registeredOn.days(until: fact.startedOn!) : 0
            let key = Key(
                unitID: fact.unitID,
                municipalityID: fact.municipalityID,
                gender: fact.gender,
                ageBand: fact.ageBand,
                referred: period.contains(fact.registeredOn),
                started: started,
                active: fact.isActive(in: period),
                ended: ended,
                outcome: ended ? (fact.outcome ?? .other) : nil,
                timeBand: ended ? timeBand(days: days) : nil,
                withinWaitingGoal: started ? wait <= waitingDays : nil,
                changedCounsellor: fact.counsellors > 1,
                measured: fact.firstMeasuredOn.map { $0 <= period.last } == true
            )
            groups[key, default: FactGroup(key: key, count: 0, keySum: 0, daysInProgramme: 0, waitingDays: 0)].count += 1
            groups[key]!.keySum &+= fact.recordKey.raw
            groups[key]!.daysInProgramme += days
            groups[key]!.waitingDays += wait
        }
        return Array(groups.values)
    }
}
