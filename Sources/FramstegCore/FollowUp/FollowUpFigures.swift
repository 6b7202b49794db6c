/// What follow-up needs to know of one participant: no name, no number, nothing sealed.
public struct ParticipantFacts: Hashable, Sendable {
    public let id: ParticipantID
    public let unitID: UnitID
    public let municipalityID: MunicipalityID
    public let gender: Gender
    public let birthYear: Int
    public let registeredOn: Day
    public let startedOn: Day?
    /// The day participation ended after a start (exit or withdrawal).
    public let endedOn: Day?
    /// The exit's outcome; a withdrawal after the start counts as "other".
    public let outcome: ExitOutcome?
    /// How many counsellors the participant has had.
    public let counsellors: Int
    /// The day of the first completed progression measurement (BIP), if any.
    public let firstMeasuredOn: Day?

    public init(
        id: ParticipantID, unitID: UnitID, municipalityID: MunicipalityID, gender: Gender, birthYear: Int, registeredOn: Day,
        startedOn: Day?, endedOn: Day?, outcome: ExitOutcome?, counsellors: Int, firstMeasuredOn: Day?
    ) {
        self.id = id
        self.unitID = unitID
        self.municipalityID = municipalityID
        self.gender = gender
        self.birthYear = birthYear
        self.registeredOn = registeredOn
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.outcome = outcome
        self.counsellors = counsellors
        self.firstMeasuredOn = firstMeasuredOn
    }

    /// Under 30 or 30 and over, by age reached in the year of registration.
    public var ageBand: AgeBand { registeredOn.year - birthYear < 30 ? .under30 : .thirtyAndOver }

    /// Whether the participant was enrolled at some time in the period.
    public func isActive(in period: ReportingPeriod) -> Bool {
        guard let startedOn else { return false }
        return period.overlaps(from: startedOn, until: endedOn)
    }
}

public enum AgeBand: String, CaseIterable, Sendable {
    case under30 = "under-30"
    case thirtyAndOver = "30-and-over"
}

/// The association's goals (seed 000) by year: at least this share of budgeted places used, and of
/// participants with a progression measurement. Years between take the latest goal set before them.
public enum AssociationGoals {
    public static let placesUsed: [Int: Double] = [2024: 0.75, 2026: 1.0]
    public static let measurementCoverage: [Int: Double] = [2024: 0.5, 2026: 0.8]
    /// Days from registration to start that the waiting-time goal allows (seed 004).
    public static let waitingDays = 14

    public static func goal(_ goals: [Int: Double], year: Int) -> Double? {
        goals.filter { $0.key <= year }.max { $0.key < $1.key }?.value
    }
}

/// The follow-up figures for a group of participants in a period, each split by gender and
/// protected; computed from the facts as they are now (no stored aggregates).
public struct FollowUpFigures: Sendable {
    public enum Flow: String, CaseIterable, Sendable {
        case referrals, started, active, ended
    }

    public let period: ReportingPeriod
    /// Referrals received, cases started, active, ended: one row each, by gender.
    public let flow: CrossTable
    /// Active participants by age band and gender.
    public let byAge: CrossTable
    /// Active participants by municipality (ids as row keys) and gender.
    public let byMunicipality: CrossTable
    /// Ended in the period, by outcome and gender.
    public let outcomes: CrossTable
    /// Active participants with and without a progression measurement (up to the period's end), by gender.
    public let coverage: CrossTable
    /// The coverage goal of the period's last year.
    public let coverageGoal: Double?
    /// Ended in the period by time from start: 0–12 months, 13–24 months, longer; by gender.
    public let timeInProgramme: CrossTable
    /// Mean days from start to end of those ended, by gender and for everyone.
    public let meanDaysInProgramme: [Gender?: Double]
    /// Started in the period, within the waiting-time goal or not, by gender.
    public let waiting: CrossTable
    /// Mean days from registration to start of those started, by gender and for everyone.
    public let meanWaitingDays: [Gender?: Double]
    /// Active participants who changed counsellor or not, by gender.
    public let continuity: CrossTable

    /// Figures from participants' facts (tests, small groups): grouped first, as the database does.
    public init(_ facts: [ParticipantFacts], period: ReportingPeriod, municipalities: [MunicipalityID]) {
        self.init(groups: FactGroup.grouping(facts, period: period), period: period, municipalities: municipalities)
    }

    public init(groups: [FactGroup], period: ReportingPeriod, municipalities: [MunicipalityID]) {
        self.period = period
        func byGender(_ include: (FactGroup.Key) -> Bool) -> [Gender: Int] {
            var counts: [Gender: Int] = [:]
            for group in groups where include(group.key) { counts[group.key.gender, default: 0] += group.count }
            return counts
        }
        flow = CrossTable(rows: Flow.allCases.map(\.rawValue), byGender: [byGender(\.referred), byGender(\.started), byGender(\.active), byGender(\.ended)])
        byAge = CrossTable(rows: AgeBand.allCases.map(\.rawValue), byGender: AgeBand.allCases.map { band in byGender { $0.active && $0.ageBand == band } })
        byMunicipality = CrossTable(rows: municipalities.map(\.description),
                                    byGender: municipalities.map { id in byGender { $0.active && $0.municipalityID == id } })
        outcomes = CrossTable(rows: ExitOutcome.allCases.map(\.rawValue), byGender: ExitOutcome.allCases.map { outcome in byGender { $0.ended && $0.outcome == outcome } })
        coverage = CrossTable(rows: ["measured", "not-measured"], byGender: [byGender { $0.active && $0.measured }, byGender { $0.active && !$0.measured }])
        coverageGoal = AssociationGoals.goal(AssociationGoals.measurementCoverage, year: period.last.year)
        timeInProgramme = CrossTable(rows: ["0-12", "13-24", "over-24"], byGender: (0..<3).map { band in byGender { $0.ended && $0.timeBand == band } })
        meanDaysInProgramme = Self.means(groups.filter(\.key.ended).map { ($0.key.gender, $0.daysInProgramme, $0.count) })
        waiting = CrossTable(rows: ["within-goal", "beyond-goal"], byGender: [byGender { $0.withinWaitingGoal == true }, byGender { $0.withinWaitingGoal == false }])
        meanWaitingDays = Self.means(groups.filter(\.key.started).map { ($0.key.gender, $0.waitingDays, $0.count) })
        continuity = CrossTable(rows: ["changed", "same"], byGender: [byGender { $0.active && $0.changedCounsellor }, byGender { $0.active && !$0.changedCounsellor }])
    }

    /// Means by gender and for everyone (nil key) from sums and counts, each only for five or more.
    static func means(_ sums: [(Gender, Int, Int)]) -> [Gender?: Double] {
        var result: [Gender?: Double] = [:]
        for gender in Gender.allCases { result[gender] = ProtectedMean.of(sums.filter { $0.0 == gender }) }
        result[nil] = ProtectedMean.of(sums)
        return result
    }
}
