import FramstegCore
import Foundation
import SQLKit

/// Reads what follow-up counts from the participants' own rows, whose follow-up columns change in
/// the same transaction as the events behind them (migration 12): no copies, no nightly tables, so
/// a figure includes what was entered a moment ago. Nothing sealed is read.
public struct FollowUpRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    static let columns = ["id", "unit_id", "municipality_id", "gender", "birth_year", "registered_on", "started_on", "ended_on", "outcome",
                          "counsellor_count", "first_measured_on"]

    /// Every participant of the units, one row each (for checks and small groups; the dashboards use `groups`).
    public func facts(units: [UnitID]) async throws -> [ParticipantFacts] {
        guard !units.isEmpty else { return [] }
        return try await db.select().columns(Self.columns).from("participants").where("unit_id", .in, SQLBind.group(units.map(\.rawValue))).all().map { row in
            let started = try row.decode(column: "started_on", as: String?.self).flatMap(Day.init)
            return ParticipantFacts(
                id: try row.id("id"), unitID: try row.id("unit_id"), municipalityID: try row.id("municipality_id"),
                gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated,
                birthYear: try row.decode(column: "birth_year", as: Int.self),
                registeredOn: Day(try row.decode(column: "registered_on", as: String.self))!, startedOn: started,
                endedOn: started == nil ? nil : try row.decode(column: "ended_on", as: String?.self).flatMap(Day.init),
                outcome: try row.decode(column: "outcome", as: String?.self).flatMap(ExitOutcome.init(rawValue:)),
                counsellors: try row.decode(column: "counsellor_count", as: Int.self),
                firstMeasuredOn: try row.decode(column: "first_measured_on", as: String?.self).flatMap(Day.init))
        }
    }

    public func firstRegistration(units: [UnitID]) async throws -> Day? {
        guard !units.isEmpty else { return nil }
        return try await db.select().column(SQLFunction("MIN", args: SQLColumn("registered_on")), as: "first").from("participants")
            .where("unit_id", .in, SQLBind.group(units.map(\.rawValue))).first()?.decode(column: "first", as: String?.self).flatMap(Day.init)
    }

    /// The participants of the units grouped the way every figure of the period needs them
    /// (`FactGroup`), counted and summed by the database: one scan, a few hundred rows back.
    public func groups(units: [UnitID], period: ReportingPeriod) async throws -> [FactGroup] {
        guard !units.isEmpty else { return [] }
        // Days and ids are validated values, written as literals so the plan sees them.
        let first = "'\(period.first)'", last = "'\(period.last)'", ids = units.map { String($0.rawValue) }.joined(separator: ", ")
        func days(_ from: String, _ to: String) -> String {
            db.isPostgres ? "(CAST(\(to) AS DATE) - CAST(\(from) AS DATE))" : "CAST(julianday(\(to)) - julianday(\(from)) AS INTEGER)"
        }
        let startedIn = "started_on BETWEEN \(first) AND \(last)", endedIn = "ended_on BETWEEN \(first) AND \(last)"
        let sql = """
            SELECT unit_id, municipality_id, gender,
              CASE WHEN CAST(substr(registered_on, 1, 4) AS INTEGER) - birth_year < 30 THEN 1 ELSE 0 END AS young,
              CASE WHEN registered_on BETWEEN \(first) AND \(last) THEN 1 ELSE 0 END AS referred,
              CASE WHEN \(startedIn) THEN 1 ELSE 0 END AS was_started,
              CASE WHEN started_on <= \(last) AND (ended_on IS NULL OR ended_on >= \(first)) THEN 1 ELSE 0 END AS was_active,
              CASE WHEN \(endedIn) THEN 1 ELSE 0 END AS was_ended,
              CASE WHEN \(endedIn) THEN outcome END AS ended_outcome,
              CASE WHEN \(endedIn) THEN CASE WHEN \(days("started_on", "ended_on")) <= 365 THEN 0 WHEN \(days("started_on", "ended_on")) <= 730 THEN 1 ELSE 2 END END AS time_band,
              CASE WHEN \(startedIn) THEN CASE WHEN \(days("registered_on", "started_on")) <= \(AssociationGoals.waitingDays) THEN 1 ELSE 0 END END AS within_wait,
              CASE WHEN counsellor_count > 1 THEN 1 ELSE 0 END AS changed,
              CASE WHEN first_measured_on <= \(last) THEN 1 ELSE 0 END AS measured,
              COUNT(*) AS n,
              SUM(CASE WHEN \(endedIn) THEN \(days("started_on", "ended_on")) ELSE 0 END) AS days_in,
              SUM(CASE WHEN \(startedIn) THEN \(days("registered_on", "started_on")) ELSE 0 END) AS days_wait
            FROM participants WHERE unit_id IN (\(ids)) AND registered_on <= \(last) AND (ended_on IS NULL OR ended_on >= \(first))
            GROUP BY unit_id, municipality_id, gender, young, referred, was_started, was_active, was_ended, ended_outcome, time_band, within_wait, changed, measured
            """
        return try await db.raw(SQLQueryString(sql)).all().map { row in
            func flag(_ column: String) throws -> Bool { try row.decode(column: column, as: Int.self) == 1 }
            let key = FactGroup.Key(
                unitID: try row.id("unit_id"), municipalityID: try row.id("municipality_id"),
                gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated,
                ageBand: try flag("young") ? .under30 : .thirtyAndOver, referred: try flag("referred"), started: try flag("was_started"),
                active: try flag("was_active"), ended: try flag("was_ended"),
                outcome: try row.decode(column: "ended_outcome", as: String?.self).map { ExitOutcome(rawValue: $0) ?? .other },
                timeBand: try row.decode(column: "time_band", as: Int?.self), withinWaitingGoal: try row.decode(column: "within_wait", as: Int?.self).map { $0 == 1 },
                changedCounsellor: try flag("changed"), measured: try flag("measured"))
            return FactGroup(key: key, count: try row.decode(column: "n", as: Int.self), daysInProgramme: try row.decode(column: "days_in", as: Int.self),
                             waitingDays: try row.decode(column: "days_wait", as: Int.self))
        }
    }

    /// Everything a dashboard sums for its units and period, in one read: the groups of the
    /// period, participants enrolled in each calendar year it touches (for places), distance
    /// travelled for each instrument in `distance`, scores by occasion for each in `byOccasion`,
    /// and outcome by belief at start. The first registration is looked up only when nothing
    /// happened in the period, to explain the empty page.
    public func dashboard(units: [UnitID], period: ReportingPeriod, distance: [String], byOccasion: [String]) async throws -> DashboardSums {
        let groups = try await groups(units: units, period: period)
        var activeByYear: [Int: Int] = [:]
        for year in period.years {
            let whole = ReportingPeriod(kind: .year, year: year)!
            let yearly = whole == period ? groups : try await self.groups(units: units, period: whole)
            activeByYear[year] = yearly.filter(\.key.active).reduce(0) { $0 + $1.count }
        }
        let anyone = groups.contains { $0.key.referred || $0.key.started || $0.key.active || $0.key.ended }
        let progress = ProgressSummaryRepository(db)
        var progressions: [String: ([IndicatorChangeGroup], [ImprovementGroup])] = [:], occasions: [String: [OccasionScoreGroup]] = [:]
        var beliefs: [BeliefOutcomeGroup] = []
        if anyone {
            for instrument in distance { progressions[instrument] = try await progress.progression(of: instrument, units: units, period: period) }
            for instrument in byOccasion { occasions[instrument] = try await progress.occasionScores(of: instrument, units: units, period: period) }
            beliefs = try await progress.beliefOutcomes(units: units, period: period)
        }
        return DashboardSums(groups: groups, activeByYear: activeByYear, firstRegistration: anyone ? nil : try await firstRegistration(units: units),
                             isEmptyPeriod: !anyone, progressions: progressions, occasionScores: occasions, beliefOutcomes: beliefs)
    }
}

/// What `FollowUpRepository.dashboard` reads; Core turns it into figures.
public struct DashboardSums: Sendable {
    public let groups: [FactGroup]
    /// Participants enrolled some time in each year the period touches.
    public let activeByYear: [Int: Int]
    /// The first registration in the scope, read only for an empty period.
    public let firstRegistration: Day?
    /// Nobody was registered, started, active or ended in the period.
    public let isEmptyPeriod: Bool
    /// By instrument id.
    public let progressions: [String: ([IndicatorChangeGroup], [ImprovementGroup])]
    /// By instrument id.
    public let occasionScores: [String: [OccasionScoreGroup]]
    public let beliefOutcomes: [BeliefOutcomeGroup]
}
