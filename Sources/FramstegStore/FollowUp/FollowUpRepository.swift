import Foundation
import FramstegCore
import SQLKit

/// Reads what follow-up counts from the participants' own rows, whose follow-up columns change in
/// the same transaction as the events behind them (migration 12): no copies, no nightly tables, so
/// a figure includes what was entered a moment ago. Nothing sealed is read.
public struct FollowUpRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    static let columns = [
        "id", "unit_id", "municipality_id", "gender", "birth_year", "registered_on", "started_on", "ended_on", "outcome",
        "counsellor_count", "first_measured_on", "record_key",
    ]

    /// Every participant of the units, one row each (for checks and small groups; the dashboards use `groups`).
    public func facts(units: [UnitID]) async throws -> [ParticipantFacts] {
        guard !units.isEmpty else { return [] }
        return try await db.select().columns(Self.columns).from("participants").where("unit_id", .in, SQLBind.group(units.map(\.rawValue)))
            .all().map { row in
                let started = try row.decode(column: "started_on", as: String?.self).flatMap(Day.init)
                return ParticipantFacts(
                    id: try row.id("id"),
                    unitID: try row.id("unit_id"),
                    municipalityID: try row.id("municipality_id"),
                    gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated,
                    birthYear: try row.decode(column: "birth_year", as: Int.self),
                    registeredOn: Day(try row.decode(column: "registered_on", as: String.self))!,
                    startedOn: started,
                    endedOn: started == nil ? nil : try row.decode(column: "ended_on", as: String?.self).flatMap(Day.init),
                    outcome: try row.decode(column: "outcome", as: String?.self).flatMap(ExitOutcome.init(rawValue:)),
                    counsellors: try row.decode(column: "counsellor_count", as: Int.self),
                    firstMeasuredOn: try row.decode(column: "first_measured_on", as: String?.self).flatMap(Day.init),
                    recordKey: try row.recordKey()
                )
            }
    }

    public func firstRegistration(units: [UnitID]) async throws -> Day? {
        guard !units.isEmpty else { return nil }
        return try await db.select().column(SQLFunction("MIN", args: SQLColumn("registered_on")), as: "first").from("participants")
            .where("unit_id", .in, SQLBind.group(units.map(\.rawValue))).first()?.decode(column: "first", as: String?.self).flatMap(
                Day.init
            )
    }

    /// How `groups` packs a participant's yes/no facts and bands into one integer, so the database
    /// groups by five keys instead of thirteen (which roughly halves the scan on SQLite).
    enum Flag: Int, CaseIterable {
        case young = 1
        case referred = 2
        case started = 4
        case withinWaitingGoal = 8
        case active = 16
        case ended = 32
        case
            secondYear = 64
        case longer = 128
        case changedCounsellor = 256
        case measured = 512
    }

    /// The participants of the units grouped the way every figure of the period needs them
    /// (`FactGroup`), counted and summed by the database: one scan of a covering index
    /// (migration 16), about a thousand rows back for the whole association.
    /// `waitingDays`: the waiting goal's days, which split those started into within and beyond it.
    public func groups(units: [UnitID], period: ReportingPeriod, waitingDays: Int = WaitingTime.goalDays) async throws -> [FactGroup] {
        guard !units.isEmpty else { return [] }
        // Days and ids are validated values, written as literals so the plan sees them.
        let first = "'\(period.first)'"
        let last = "'\(period.last)'"
        let ids = units.map { String($0.rawValue) }.joined(separator: ", ")
        func days(_ from: String, _ to: String) -> String { db.daysBetween(from, to) }
        func flag(_ flag: Flag, when condition: String, plus more: String = "0") -> String {
            "(CASE WHEN \(condition) THEN \(flag.rawValue) + \(more) ELSE 0 END)"
        }
        // Everyone read is registered by the period's end and not ended before its start, so
        // "registered from its start" is referred, "started by its end" active, "ended by its end" ended.
        let startedIn = "started_on BETWEEN \(first) AND \(last)"
        let endedIn = "ended_on <= \(last)"
        let inProgramme = days("started_on", "ended_on")
        let waited = days("registered_on", "started_on")
        let flags = [
            flag(.young, when: "CAST(substr(registered_on, 1, 4) AS INTEGER) - birth_year < 30"),
            flag(.referred, when: "registered_on >= \(first)"),
            flag(.started, when: startedIn, plus: flag(.withinWaitingGoal, when: "\(waited) <= \(waitingDays)")),
            flag(.active, when: "started_on <= \(last)"),
            flag(
                .ended,
                when: endedIn,
                plus:
                    "(CASE WHEN \(inProgramme) <= 365 THEN 0 WHEN \(inProgramme) <= 730 THEN \(Flag.secondYear.rawValue) ELSE \(Flag.longer.rawValue) END)"
            ),
            flag(.changedCounsellor, when: "counsellor_count > 1"),
            flag(.measured, when: "first_measured_on <= \(last)"),
        ].joined(separator: "\n  + ")
        let sql = """
            SELECT unit_id, municipality_id, gender,
              \(flags) AS flags,
              CASE WHEN \(endedIn) THEN outcome END AS ended_outcome,
              COUNT(*) AS n,
              CAST(SUM(record_key) AS BIGINT) AS key_sum,
              SUM(CASE WHEN \(endedIn) THEN \(inProgramme) ELSE 0 END) AS days_in,
              SUM(CASE WHEN \(startedIn) THEN \(waited) ELSE 0 END) AS days_wait
            FROM participants WHERE unit_id IN (\(ids)) AND registered_on <= \(last) AND (ended_on IS NULL OR ended_on >= \(first))
            GROUP BY unit_id, municipality_id, gender, flags, ended_outcome
            """
        return try await db.raw(SQLQueryString(sql)).all().map { row in
            let flags = try row.decode(column: "flags", as: Int.self)
            func has(_ flag: Flag) -> Bool { flags & flag.rawValue != 0 }
            let key = FactGroup.Key(
                unitID: try row.id("unit_id"),
                municipalityID: try row.id("municipality_id"),
                gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated,
                ageBand: has(.young) ? .under30 : .thirtyAndOver,
                referred: has(.referred),
                started: has(.started),
                active: has(.active),
                ended: has(.ended),
                outcome: has(.ended)
                    ? ExitOutcome(rawValue: try row.decode(column: "ended_outcome", as: String?.self) ?? "") ?? .other : nil,
                timeBand: has(.ended) ? (has(.longer) ? 2 : has(.secondYear) ? 1 : 0) : nil,
                withinWaitingGoal: has(.started) ? has(.withinWaitingGoal) : nil,
                changedCounsellor: has(.changedCounsellor),
                measured: has(.measured)
            )
            return FactGroup(
                key: key,
                count: try row.decode(column: "n", as: Int.self),
                keySum: try row.keySum(),
                daysInProgramme: try row.decode(column: "days_in", as: Int.self),
                waitingDays: try row.decode(column: "days_wait", as: Int.self)
            )
        }
    }

    /// Participants enrolled some time in each calendar year the period touches (for places): the
    /// period's own groups serve when it is a whole year.
    func activeByYear(units: [UnitID], period: ReportingPeriod, groups: [FactGroup], waitingDays: Int) async throws -> [Int: Tally] {
        var active: [Int: Tally] = [:]
        for year in period.years {
            let whole = ReportingPeriod(kind: .year, year: year)!
            let yearly = whole == period ? groups : try await self.groups(units: units, period: whole, waitingDays: waitingDays)
            active[year] = yearly.filter(\.key.active).reduce(.zero) { $0 + Tally(count: $1.count, key: $1.keySum) }
        }
        return active
    }

    /// Everything a dashboard sums for its units and period: the groups of the period, participants
    /// enrolled in each calendar year it touches, distance travelled for each instrument in
    /// `distance` (with which way each indicator moved for those in `directions`), scores by occasion for each in `byOccasion`, and outcome by belief at start.
    ///
    /// The parts are independent reads, so they run at the same time, each on a connection of its
    /// own where the database has several (PostgreSQL's pool); SQLite's one connection takes them
    /// in turn. Each part is consistent in itself; parts may see a write that lands between them.
    /// The first registration is looked up only when nothing happened in the period, to explain
    /// the empty page.
    public static func dashboard(
        in store: Store,
        units: [UnitID],
        period: ReportingPeriod,
        distance: [String],
        directions: Set<String> = [],
        byOccasion: [String],
        waitingDays: Int = WaitingTime.goalDays,
        beliefs withBeliefs: Bool = true
    ) async throws -> DashboardSums {
        enum Part: Sendable {
            case counts([FactGroup], activeByYear: [Int: Tally])
            case progression(String, [IndicatorChangeGroup], [ImprovementGroup])
            case occasions(String, [OccasionScoreGroup])
            case beliefs([BeliefOutcomeGroup])
            case afterExit([AfterExitGroup])
        }
        var groups: [FactGroup] = []
        var activeByYear: [Int: Tally] = [:]
        var beliefs: [BeliefOutcomeGroup] = []
        var afterExit: [AfterExitGroup] = []
        var progressions: [String: ([IndicatorChangeGroup], [ImprovementGroup])] = [:]
        var occasions: [String: [OccasionScoreGroup]] = [:]
        try await withThrowingTaskGroup(of: Part.self) { parts in
            parts.addTask {
                try await store.read { db in
                    let counts = FollowUpRepository(db)
                    let groups = try await counts.groups(units: units, period: period, waitingDays: waitingDays)
                    let active = try await counts.activeByYear(units: units, period: period, groups: groups, waitingDays: waitingDays)
                    return .counts(groups, activeByYear: active)
                }
            }
            for instrument in distance {
                parts.addTask {
                    let (changes, improvement) = try await store.read { db in
                        try await ProgressSummaryRepository(db).progression(
                            of: instrument,
                            units: units,
                            period: period,
                            directions: directions.contains(instrument)
                        )
                    }
                    return .progression(instrument, changes, improvement)
                }
            }
            for instrument in byOccasion {
                parts.addTask {
                    .occasions(
                        instrument,
                        try await store.read { db in
                            try await ProgressSummaryRepository(db).occasionScores(of: instrument, units: units, period: period)
                        }
                    )
                }
            }
            if withBeliefs {
                parts.addTask {
                    .beliefs(
                        try await store.read { db in try await ProgressSummaryRepository(db).beliefOutcomes(units: units, period: period) }
                    )
                }
            }
            if withBeliefs {
                parts.addTask {
                    .afterExit(try await store.read { db in try await AfterExitRepository(db).groups(units: units, period: period) })
                }
            }
            for try await part in parts {
                switch part {
                case .counts(let read, let active): (groups, activeByYear) = (read, active)
                case .progression(let instrument, let changes, let improvement): progressions[instrument] = (changes, improvement)
                case .occasions(let instrument, let scores): occasions[instrument] = scores
                case .beliefs(let read): beliefs = read
                case .afterExit(let read): afterExit = read
                }
            }
        }
        let anyone = groups.contains { $0.key.referred || $0.key.started || $0.key.active || $0.key.ended }
        guard anyone else {
            let first = try await store.read { db in try await FollowUpRepository(db).firstRegistration(units: units) }
            return DashboardSums(
                groups: groups,
                activeByYear: activeByYear,
                firstRegistration: first,
                isEmptyPeriod: true,
                progressions: [:],
                occasionScores: [:],
                beliefOutcomes: [],
                afterExit: []
            )
        }
        return DashboardSums(
            groups: groups,
            activeByYear: activeByYear,
            firstRegistration: nil,
            isEmptyPeriod: false,
            progressions: progressions,
            occasionScores: occasions,
            beliefOutcomes: beliefs,
            afterExit: afterExit
        )
    }
}

extension SQLDatabase {
    /// SQL for the whole days from one day column (`YYYY-MM-DD` text) to another, on either database.
    func daysBetween(_ from: String, _ to: String) -> String {
        isPostgres ? "(CAST(\(to) AS DATE) - CAST(\(from) AS DATE))" : "CAST(julianday(\(to)) - julianday(\(from)) AS INTEGER)"
    }
}

/// What `FollowUpRepository.dashboard` reads; Core turns it into figures.
public struct DashboardSums: Sendable {
    public let groups: [FactGroup]
    /// Participants enrolled some time in each year the period touches.
    public let activeByYear: [Int: Tally]
    /// The first registration in the scope, read only for an empty period.
    public let firstRegistration: Day?
    /// Nobody was registered, started, active or ended in the period.
    public let isEmptyPeriod: Bool
    /// By instrument id.
    public let progressions: [String: ([IndicatorChangeGroup], [ImprovementGroup])]
    /// By instrument id.
    public let occasionScores: [String: [OccasionScoreGroup]]
    public let beliefOutcomes: [BeliefOutcomeGroup]
    /// Those who ended in the period, by what was recorded after their exit.
    public let afterExit: [AfterExitGroup]
}
