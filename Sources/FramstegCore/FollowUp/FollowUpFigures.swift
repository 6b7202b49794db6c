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
    /// The participant's key for the cell key method, drawn at registration and never shown.
    public let recordKey: RecordKey

    public init(
        id: ParticipantID,
        unitID: UnitID,
        municipalityID: MunicipalityID,
        gender: Gender,
        birthYear: Int,
        registeredOn: Day,
        startedOn: Day?,
        endedOn: Day?,
        outcome: ExitOutcome?,
        counsellors: Int,
        firstMeasuredOn: Day?,
        recordKey: RecordKey
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
        self.recordKey = recordKey
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

/// The follow-up figures for a group of participants in a period, each split by gender and
/// published as `publication` says (`FigureAudience`); computed from the facts as they are now
/// (no stored aggregates).
///
/// Every count is a `Tally` of its contributors, so under the cell key method the same people give
/// the same published value in this view and any other: split by age band or home municipality,
/// a municipality's part of the association, a unit's Uppföljning Finsam counts, another period.
public struct FollowUpFigures: Sendable {
    public enum Flow: String, CaseIterable, Sendable {
        case referrals, started, active, ended
    }

    /// A way to split every count table: by age band, or by the participant's home municipality.
    public enum SplitKind: String, CaseIterable, Sendable {
        case age, municipality
    }

    public enum Split: Hashable, Sendable {
        case age(AgeBand)
        case municipality(MunicipalityID)
    }

    /// Whose participants a view counts: everyone in the groups, those of the units in one
    /// municipality (the office's municipality choice), or one unit's (Uppföljning Finsam).
    public enum Scope: Hashable, Sendable {
        case all
        case area(MunicipalityID)
        case unit(UnitID)
    }

    /// The count tables of one view.
    public struct Tables: Sendable {
        /// Referrals received, cases started, active, ended: one row each, by gender (rows overlap: no column totals).
        public let flow: CrossTable
        /// Ended in the period, by outcome and gender.
        public let outcomes: CrossTable
        /// Active participants with and without a progression measurement (up to the period's end), by gender.
        public let coverage: CrossTable
        /// Ended in the period by time from start: 0–12 months, 13–24 months, longer; by gender.
        public let timeInProgramme: CrossTable
        /// Started in the period, within the waiting-time goal or not, by gender.
        public let waiting: CrossTable
        /// Active participants who changed counsellor or not, by gender.
        public let continuity: CrossTable
    }

    public let period: ReportingPeriod
    /// How every count here is published.
    public let publication: Publication
    /// The tables of the view shown, not split.
    public let tables: Tables
    public var flow: CrossTable { tables.flow }
    public var outcomes: CrossTable { tables.outcomes }
    public var coverage: CrossTable { tables.coverage }
    public var timeInProgramme: CrossTable { tables.timeInProgramme }
    public var waiting: CrossTable { tables.waiting }
    public var continuity: CrossTable { tables.continuity }
    /// Active participants by age band and gender.
    public let byAge: CrossTable
    /// Active participants by home municipality (ids as row keys, those with anyone in the view) and gender.
    public let byMunicipality: CrossTable
    /// The view's tables split each way: one `Tables` per age band, or per home municipality.
    public let splits: [SplitKind: [Split: Tables]]
    /// The order of each split's parts: age bands, then municipalities as given.
    public let splitOrder: [SplitKind: [Split]]
    /// Referrals, started and active by gender per unit (Uppföljning Finsam), when asked for.
    public let unitFlows: [UnitID: CrossTable]
    /// The association's coverage goal of the period's last year, if it has one.
    public let coverageGoal: Double?
    /// Mean days from start to end of those ended, by gender and for everyone.
    public let meanDaysInProgramme: [Gender?: Double]
    /// Mean days from registration to start of those started, by gender and for everyone.
    public let meanWaitingDays: [Gender?: Double]

    /// Figures from participants' facts (tests, small groups): grouped first, as the database does.
    public init(
        _ facts: [ParticipantFacts],
        period: ReportingPeriod,
        municipalities: [MunicipalityID],
        waitingDays: Int = WaitingTime.goalDays,
        publication: Publication
    ) {
        self.init(
            groups: FactGroup.grouping(facts, period: period, waitingDays: waitingDays),
            period: period,
            municipalities: municipalities,
            publication: publication
        )
    }

    /// - `municipalities`: the order in which home municipalities are listed;
    /// - `areas`: the units in each municipality, for a view of one municipality's part;
    /// - `shown`: the view the tables are of;
    /// - `unitFlows`: also each unit's referrals and started (Uppföljning Finsam);
    /// - `coverageGoal`: the association's measurement coverage goal for the period's last year.
    public init(
        groups: [FactGroup],
        period: ReportingPeriod,
        municipalities: [MunicipalityID],
        areas: [MunicipalityID: Set<UnitID>] = [:],
        shown: Scope = .all,
        unitFlows withUnitFlows: Bool = false,
        coverageGoal: Double? = nil,
        publication: Publication
    ) {
        self.period = period
        self.publication = publication
        let area = Dictionary(areas.flatMap { municipality, units in units.map { ($0, municipality) } }, uniquingKeysWith: min)
        func isShown(_ key: FactGroup.Key) -> Bool {
            switch shown {
            case .all: true
            case .area(let municipality): area[key.unitID] == municipality
            case .unit(let unit): key.unitID == unit
            }
        }
        var tallies: [CountKey: Tally] = [:]
        var present: Set<MunicipalityID> = []
        for group in groups {
            let key = group.key
            let tally = Tally(count: group.count, key: group.keySum)
            var scopes: [Scope] = []
            if isShown(key) {
                scopes.append(shown)
                present.insert(key.municipalityID)
            }
            if withUnitFlows { scopes.append(.unit(key.unitID)) }
            for population in Self.populations(key) {
                for scope in scopes {
                    for split in [nil, Split.age(key.ageBand), .municipality(key.municipalityID)] {
                        tallies[CountKey(scope: scope, population: population, gender: key.gender, split: split), default: .zero] += tally
                    }
                }
            }
        }
        let order = municipalities + Set(groups.map(\.key.municipalityID)).subtracting(municipalities).sorted { $0.rawValue < $1.rawValue }
        func splitParts(_ kind: SplitKind) -> [Split] {
            switch kind {
            case .age: AgeBand.allCases.map(Split.age)
            case .municipality: order.filter(present.contains).map(Split.municipality)
            }
        }
        func table(_ rows: [String], populations: [String], scope: Scope, split: Split?, withColumnTotals: Bool) -> CrossTable {
            CrossTable(
                rows: rows,
                columns: Gender.allCases.map(\.rawValue),
                cells: populations.map { population in
                    Gender.allCases.map { tallies[CountKey(scope: scope, population: population, gender: $0, split: split)] ?? .zero }
                },
                withColumnTotals: withColumnTotals,
                publication: publication
            )
        }
        func view(_ split: Split?) -> Tables {
            let layouts = Self.specs.map { spec in
                table(
                    spec.rows,
                    populations: spec.rows.map { spec.prefix + $0 },
                    scope: shown,
                    split: split,
                    withColumnTotals: spec.union != nil
                )
            }
            return Tables(
                flow: layouts[0],
                outcomes: layouts[1],
                coverage: layouts[2],
                timeInProgramme: layouts[3],
                waiting: layouts[4],
                continuity: layouts[5]
            )
        }
        tables = view(nil)
        var splits: [SplitKind: [Split: Tables]] = [:]
        var splitOrder: [SplitKind: [Split]] = [:]
        for kind in SplitKind.allCases {
            splitOrder[kind] = splitParts(kind)
            for split in splitParts(kind) { splits[kind, default: [:]][split] = view(split) }
        }
        self.splits = splits
        self.splitOrder = splitOrder
        func active(by parts: [Split]) -> CrossTable {
            CrossTable(
                rows: parts.map(\.rowKey),
                columns: Gender.allCases.map(\.rawValue),
                cells: parts.map { part in
                    Gender.allCases.map {
                        tallies[CountKey(scope: shown, population: Flow.active.rawValue, gender: $0, split: part)] ?? .zero
                    }
                },
                publication: publication
            )
        }
        byAge = active(by: splitParts(.age))
        byMunicipality = active(by: splitParts(.municipality))
        let flows = [Flow.referrals.rawValue, Flow.started.rawValue, Flow.active.rawValue]
        unitFlows =
            withUnitFlows
            ? Dictionary(
                uniqueKeysWithValues: Set(groups.map(\.key.unitID)).map { unit in
                    (unit, table(flows, populations: flows, scope: .unit(unit), split: nil, withColumnTotals: false))
                }
            ) : [:]

        let inView = groups.filter { isShown($0.key) }
        self.coverageGoal = coverageGoal
        meanDaysInProgramme = Self.means(inView.filter(\.key.ended).map { ($0.key.gender, $0.daysInProgramme, $0.count) }, publication)
        meanWaitingDays = Self.means(inView.filter(\.key.started).map { ($0.key.gender, $0.waitingDays, $0.count) }, publication)
    }

    /// One published count: of whom (scope), which population, which gender (nil: everyone), which part of a split.
    struct CountKey: Hashable, Sendable {
        let scope: Scope
        let population: String
        let gender: Gender?
        let split: Split?
    }

    /// Each table: its rows, the population each row counts and the population its columns sum to
    /// (nil: rows overlap, no column totals).
    static let specs: [(rows: [String], prefix: String, union: String?)] = [
        (Flow.allCases.map(\.rawValue), "", nil),
        (ExitOutcome.allCases.map(\.rawValue), "outcome:", Flow.ended.rawValue),
        (["measured", "not-measured"], "coverage:", Flow.active.rawValue),
        (["0-12", "13-24", "over-24"], "time:", Flow.ended.rawValue),
        (["within-goal", "beyond-goal"], "waiting:", Flow.started.rawValue),
        (["changed", "same"], "continuity:", Flow.active.rawValue),
    ]

    static let allPopulations = specs.flatMap { spec in spec.rows.map { spec.prefix + $0 } }

    /// The populations a group belongs to, in the names of `specs`.
    static func populations(_ key: FactGroup.Key) -> [String] {
        var populations: [String] = []
        if key.referred { populations.append(Flow.referrals.rawValue) }
        if key.started { populations.append(Flow.started.rawValue) }
        if key.active {
            populations += [
                Flow.active.rawValue, "coverage:" + (key.measured ? "measured" : "not-measured"),
                "continuity:" + (key.changedCounsellor ? "changed" : "same"),
            ]
        }
        if key.ended {
            populations += [
                Flow.ended.rawValue, "outcome:" + (key.outcome ?? .other).rawValue,
                "time:" + ["0-12", "13-24", "over-24"][min(key.timeBand ?? 0, 2)],
            ]
        }
        if let within = key.withinWaitingGoal { populations.append("waiting:" + (within ? "within-goal" : "beyond-goal")) }
        return populations
    }

    /// Means by gender and for everyone (nil key) from sums and counts (`ProtectedMean`).
    static func means(_ sums: [(Gender, Int, Int)], _ publication: Publication) -> [Gender?: Double] {
        var result: [Gender?: Double] = [:]
        for gender in Gender.allCases { result[gender] = ProtectedMean.of(sums.filter { $0.0 == gender }, publication: publication) }
        result[nil] = ProtectedMean.of(sums, publication: publication)
        return result
    }
}

extension FollowUpFigures.Split {
    /// The row key of a split's part: an age band's name or a municipality's id.
    public var rowKey: String {
        switch self {
        case .age(let band): band.rawValue
        case .municipality(let id): id.description
        }
    }
}
