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

    public init(_ facts: [ParticipantFacts], period: ReportingPeriod, municipalities: [MunicipalityID]) {
        self.period = period
        func byGender(_ group: [ParticipantFacts]) -> [Gender: Int] { Dictionary(grouping: group, by: \.gender).mapValues(\.count) }
        let active = facts.filter { $0.isActive(in: period) }
        let ended = facts.filter { fact in fact.startedOn != nil && fact.endedOn.map(period.contains) == true }
        let started = facts.filter { $0.startedOn.map(period.contains) == true }
        let referrals = facts.filter { period.contains($0.registeredOn) }

        flow = CrossTable(rows: Flow.allCases.map(\.rawValue), byGender: [referrals, started, active, ended].map(byGender))
        byAge = CrossTable(rows: AgeBand.allCases.map(\.rawValue), byGender: AgeBand.allCases.map { band in byGender(active.filter { $0.ageBand == band }) })
        byMunicipality = CrossTable(rows: municipalities.map(\.description),
                                    byGender: municipalities.map { id in byGender(active.filter { $0.municipalityID == id }) })
        outcomes = CrossTable(rows: ExitOutcome.allCases.map(\.rawValue),
                              byGender: ExitOutcome.allCases.map { outcome in byGender(ended.filter { ($0.outcome ?? .other) == outcome }) })
        let measured = active.filter { fact in fact.firstMeasuredOn.map { $0 <= period.last } == true }
        coverage = CrossTable(rows: ["measured", "not-measured"], byGender: [byGender(measured), byGender(active.filter { !measured.contains($0) })])
        coverageGoal = AssociationGoals.goal(AssociationGoals.measurementCoverage, year: period.last.year)

        let days = ended.map { ($0.gender, $0.startedOn!.days(until: $0.endedOn!)) }
        let bands: [(String, ClosedRange<Int>)] = [("0-12", 0...365), ("13-24", 366...730), ("over-24", 731...Int.max)]
        timeInProgramme = CrossTable(rows: bands.map(\.0), byGender: bands.map { _, range in
            Dictionary(grouping: days.filter { range.contains($0.1) }, by: \.0).mapValues(\.count)
        })
        meanDaysInProgramme = Self.means(days)

        let waits = started.map { ($0.gender, $0.registeredOn.days(until: $0.startedOn!)) }
        waiting = CrossTable(rows: ["within-goal", "beyond-goal"], byGender: [
            Dictionary(grouping: waits.filter { $0.1 <= AssociationGoals.waitingDays }, by: \.0).mapValues(\.count),
            Dictionary(grouping: waits.filter { $0.1 > AssociationGoals.waitingDays }, by: \.0).mapValues(\.count),
        ])
        meanWaitingDays = Self.means(waits)
        continuity = CrossTable(rows: ["changed", "same"], byGender: [byGender(active.filter { $0.counsellors > 1 }), byGender(active.filter { $0.counsellors <= 1 })])
    }

    /// Means by gender and for everyone (nil key), each only for five or more.
    static func means(_ values: [(Gender, Int)]) -> [Gender?: Double] {
        var result: [Gender?: Double] = [:]
        for gender in Gender.allCases { result[gender] = ProtectedMean.of(values.filter { $0.0 == gender }.map(\.1)) }
        result[nil] = ProtectedMean.of(values.map(\.1))
        return result
    }
}
