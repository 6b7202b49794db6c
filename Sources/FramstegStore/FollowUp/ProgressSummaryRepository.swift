import Foundation
import FramstegCore
import SQLKit

/// What follow-up keeps of completed measurements, written by the transaction that completes one
/// (migration 14), so the dashboards sum it in the database and are never behind:
/// - per participant and instrument, the first and latest measurement day, on how many indicators
///   the latest is above the first, and the counsellor's belief at the first BIP;
/// - per indicator, the first and latest value (hundredths): distance travelled;
/// - for instruments followed by occasion (KASAM), every measurement's subscale scores.
public struct ProgressSummaryRepository: Sendable {
    let db: any SQLDatabase

    /// For the migrations that run before interventions could be withdrawn (version 39): the mix
    /// is then worked out without the column that marks them.
    let beforeWithdrawals: Bool

    public init(_ db: any SQLDatabase) {
        self.db = db
        self.beforeWithdrawals = false
    }

    init(_ db: any SQLDatabase, beforeWithdrawals: Bool) {
        self.db = db
        self.beforeWithdrawals = beforeWithdrawals
    }

    /// Change slots on a summary: as many as an instrument can have indicators.
    public static let slots = IndicatorSet.axisRange.upperBound

    /// Takes in a completed measurement: it becomes the first if it is the earliest, the latest if
    /// it is the newest (one on the same day replaces it, so a corrected answer is taken in).
    public func record(
        _ instrument: Instrument,
        answers: [String: Answer],
        measurement: MeasurementID,
        occasion: MeasurementOccasion,
        participant: ParticipantID,
        on day: Day
    ) async throws {
        if instrument.followedByOccasion {
            try await db.delete(from: "occasion_scores").where("measurement_id", .equal, measurement.rawValue).run()
            let scores = instrument.scores(answers).compactMap { score in score.value.map { (score.subscaleID, Self.hundredths($0)) } }
            if !scores.isEmpty {
                let insert = db.insert(into: "occasion_scores").columns(
                    "measurement_id",
                    "participant_id",
                    "instrument_id",
                    "occasion",
                    "taken_on",
                    "scale_id",
                    "score"
                )
                for (scale, value) in scores {
                    insert.values(
                        SQLBind(measurement.rawValue),
                        SQLBind(participant.rawValue),
                        SQLBind(instrument.id),
                        SQLBind(occasion.rawValue),
                        SQLBind(day.description),
                        SQLBind(scale),
                        SQLBind(value)
                    )
                }
                try await insert.run()
            }
        }
        guard let indicators = instrument.indicatorSet?.indicators.map(\.id) else { return }
        let values = instrument.indicatorMap(answers).mapValues(Self.hundredths)
        let belief =
            instrument.id == MeasurementSchedule.instrumentID
            ? instrument.scores(answers).first { $0.subscaleID == BeliefBand.scaleID }?.value.map(Self.hundredths) : nil
        let key = (participant: participant.rawValue, instrument: instrument.id)
        let existing = try await db.select().columns("first_day", "latest_day", "first_belief").from("progress_summaries")
            .where("participant_id", .equal, key.participant).where("instrument_id", .equal, key.instrument).first()
        var first = values
        var latest = values
        var firstDay = day
        var latestDay = day
        var firstBelief = belief
        if let existing {
            let kept = try await self.values(participant: participant, instrument: instrument.id)
            let keptFirst = Day(try existing.decode(column: "first_day", as: String.self))!
            let keptLatest = Day(try existing.decode(column: "latest_day", as: String.self))!
            if day > keptFirst {
                (first, firstDay, firstBelief) = (kept.first, keptFirst, try existing.decode(column: "first_belief", as: Int?.self))
            }
            if day < keptLatest { (latest, latestDay) = (kept.latest, keptLatest) }
            try await db.delete(from: "progress_values").where("participant_id", .equal, key.participant).where(
                "instrument_id",
                .equal,
                key.instrument
            ).run()
            try await db.delete(from: "progress_summaries").where("participant_id", .equal, key.participant).where(
                "instrument_id",
                .equal,
                key.instrument
            ).run()
        }
        let improved = indicators.count { id in (latest[id] ?? .min) > (first[id] ?? .max) }
        let changes: [Int?] = (0..<Self.slots).map { slot in
            guard slot < indicators.count, let before = first[indicators[slot]], let after = latest[indicators[slot]] else { return nil }
            return after - before
        }
        try await db.insert(into: "progress_summaries")
            .columns(
                ["participant_id", "instrument_id", "first_day", "latest_day", "improved_count", "first_belief", "indicator_ids"]
                    + (1...Self.slots).map { "change_\($0)" }
            )
            .values(
                [
                    SQLBind(key.participant), SQLBind(key.instrument), SQLBind(firstDay.description), SQLBind(latestDay.description),
                    SQLBind(improved),
                    SQLBind(firstBelief), SQLBind(indicators.joined(separator: ",")),
                ] + changes.map { SQLBind($0) }
            )
            .run()
        try await refreshMix(of: participant, instrument: instrument.id)
        let both = indicators.filter { first[$0] != nil && latest[$0] != nil }
        guard !both.isEmpty else { return }
        let insert = db.insert(into: "progress_values").columns(
            "participant_id",
            "instrument_id",
            "indicator_id",
            "first_value",
            "latest_value"
        )
        for id in both {
            insert.values(SQLBind(key.participant), SQLBind(key.instrument), SQLBind(id), SQLBind(first[id]!), SQLBind(latest[id]!))
        }
        try await insert.run()
    }

    static func hundredths(_ value: Double) -> Int { Int((value * 100).rounded()) }

    private func values(participant: ParticipantID, instrument: String) async throws -> (first: [String: Int], latest: [String: Int]) {
        var first: [String: Int] = [:]
        var latest: [String: Int] = [:]
        for row in try await db.select().columns("indicator_id", "first_value", "latest_value").from("progress_values")
            .where("participant_id", .equal, participant.rawValue).where("instrument_id", .equal, instrument).all()
        {
            let id = try row.decode(column: "indicator_id", as: String.self)
            first[id] = try row.decode(column: "first_value", as: Int.self)
            latest[id] = try row.decode(column: "latest_value", as: Int.self)
        }
        return (first, latest)
    }

    // MARK: The intervention mix

    /// The interventions a participant had between the first and latest measurement, combined as
    /// BIP combines them: job-focused together with another type is "combined". `table` names the
    /// summaries' table or alias in the statement the expression goes into. A withdrawn intervention
    /// counts nowhere; `beforeWithdrawals` is for the migrations that run on a schema without them.
    static func mixExpression(_ table: String, beforeWithdrawals: Bool = false) -> String {
        let standing = beforeWithdrawals ? "" : " AND i.withdrawn_at IS NULL"
        func any(_ condition: String) -> String {
            """
            EXISTS (SELECT 1 FROM interventions i WHERE i.participant_id = \(table).participant_id\(condition)\(standing)
              AND i.start_day <= \(table).latest_day AND (i.end_day IS NULL OR i.end_day >= \(table).first_day))
            """
        }
        let job = InterventionType.jobFocused.rawValue
        return """
            CASE WHEN \(any(" AND i.type = '\(job)'")) THEN CASE WHEN \(any(" AND i.type <> '\(job)'")) THEN '\(InterventionMix.combined.rawValue)' ELSE '\(InterventionMix.onlyJobFocused.rawValue)' END
              WHEN \(any("")) THEN '\(InterventionMix.onlySupportive.rawValue)' ELSE '\(InterventionMix.none.rawValue)' END
            """
    }

    /// Works the kept intervention mix out again for the participant's summaries (all of them, or
    /// one instrument's): after a measurement moves a summary's days, and whenever an intervention
    /// is added or ended, in the same transaction, so the mix the dashboards group by is never behind.
    public func refreshMix(of participant: ParticipantID, instrument: String? = nil) async throws {
        let mix = Self.mixExpression("progress_summaries", beforeWithdrawals: beforeWithdrawals)
        if let instrument {
            try await db.raw(
                "UPDATE progress_summaries SET mix = \(unsafeRaw: mix) WHERE participant_id = \(bind: participant.rawValue) AND instrument_id = \(bind: instrument)"
            ).run()
        } else {
            try await db.raw("UPDATE progress_summaries SET mix = \(unsafeRaw: mix) WHERE participant_id = \(bind: participant.rawValue)")
                .run()
        }
    }

    /// Every summary's mix at once (a migration, the synthetic association's bulk writes).
    static func refreshAllMixes(_ db: any SQLDatabase, beforeWithdrawals: Bool = false) async throws {
        let mix = mixExpression("progress_summaries", beforeWithdrawals: beforeWithdrawals)
        try await db.raw("UPDATE progress_summaries SET mix = \(unsafeRaw: mix)").run()
    }

    // MARK: Reading for the dashboards

    /// Distance travelled with one instrument, summed by the database: for the units' participants
    /// measured twice whose latest measurement falls in the period, one scan of the summaries
    /// grouped by gender, intervention mix, indicator list and improved count, summing each change slot.
    ///
    /// With `directions`, each slot also counts those who rose, stayed and fell, with their record
    /// keys; that triples the query's work (0.75 → 2.1 ms for the demo's Livshjulet on SQLite), so
    /// only the instruments whose table shows it ask for it. Without, the direction tallies are zero.
    public func progression(
        of instrument: String,
        units: [UnitID],
        period: ReportingPeriod,
        directions withDirections: Bool = false
    ) async throws -> ([IndicatorChangeGroup], [ImprovementGroup]) {
        guard !units.isEmpty else { return ([], []) }
        // Days, ids and the instrument id (an identifier) are validated values, written as literals so the plan sees them.
        let ids = units.map { String($0.rawValue) }.joined(separator: ", ")
        // Per slot: how many were measured on it and their summed change, and how many rose, stayed
        // and fell with their record keys (each direction a cell of its own under the cell key method).
        let directions = [("up", ">"), ("same", "="), ("down", "<")]
        let slots = (1...Self.slots).map { slot in
            (["COUNT(s.change_\(slot)) AS n_\(slot), CAST(COALESCE(SUM(s.change_\(slot)), 0) AS BIGINT) AS sum_\(slot)"]
                + (withDirections ? directions : []).map { name, comparison in
                    "COUNT(CASE WHEN s.change_\(slot) \(comparison) 0 THEN 1 END) AS \(name)_\(slot), "
                        + "CAST(COALESCE(SUM(CASE WHEN s.change_\(slot) \(comparison) 0 THEN p.record_key END), 0) AS BIGINT) AS \(name)key_\(slot)"
                }).joined(separator: ", ")
        }.joined(separator: ", ")
        let sql = """
            SELECT p.gender, s.mix, s.indicator_ids, s.improved_count, COUNT(*) AS n, CAST(SUM(p.record_key) AS BIGINT) AS key_sum, \(slots)
            FROM progress_summaries s JOIN participants p ON p.id = s.participant_id
            WHERE s.instrument_id = '\(instrument)' AND s.latest_day BETWEEN '\(period.first)' AND '\(period.last)'
              AND s.first_day < s.latest_day AND p.unit_id IN (\(ids))
            GROUP BY p.gender, s.mix, s.indicator_ids, s.improved_count
            """
        struct ChangeKey: Hashable { let gender: Gender, mix: InterventionMix, indicator: String }
        struct ImprovementKey: Hashable { let gender: Gender, mix: InterventionMix, improved: Int }
        // Rows that differ only in their indicator list add up to one group per gender, mix and indicator (or improved count).
        var changes: [ChangeKey: (count: Int, sum: Int, rose: Tally, unchanged: Tally, fell: Tally)] = [:]
        var improvement: [ImprovementKey: Tally] = [:]
        for row in try await db.raw(SQLQueryString(sql)).all() {
            let gender = Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated
            let mix = InterventionMix(rawValue: try row.decode(column: "mix", as: String.self)) ?? .none
            improvement[
                ImprovementKey(gender: gender, mix: mix, improved: try row.decode(column: "improved_count", as: Int.self)),
                default: .zero
            ] += Tally(count: try row.decode(column: "n", as: Int.self), key: try row.keySum())
            for (slot, indicator) in try row.decode(column: "indicator_ids", as: String.self).split(separator: ",").enumerated()
            where slot < Self.slots {
                let count = try row.decode(column: "n_\(slot + 1)", as: Int.self)
                guard count > 0 else { continue }
                let key = ChangeKey(gender: gender, mix: mix, indicator: String(indicator))
                func tally(_ name: String) throws -> Tally {
                    Tally(count: try row.decode(column: "\(name)_\(slot + 1)", as: Int.self), key: try row.keySum("\(name)key_\(slot + 1)"))
                }
                var group = changes[key] ?? (0, 0, .zero, .zero, .zero)
                group.count += count
                group.sum += try row.decode(column: "sum_\(slot + 1)", as: Int.self)
                if withDirections {
                    group.rose += try tally("up")
                    group.unchanged += try tally("same")
                    group.fell += try tally("down")
                }
                changes[key] = group
            }
        }
        return (
            changes.map {
                IndicatorChangeGroup(
                    gender: $0.key.gender,
                    mix: $0.key.mix,
                    indicatorID: $0.key.indicator,
                    count: $0.value.count,
                    changeSum: $0.value.sum,
                    rose: $0.value.rose,
                    unchanged: $0.value.unchanged,
                    fell: $0.value.fell
                )
            },
            improvement.map { ImprovementGroup(gender: $0.key.gender, mix: $0.key.mix, improvedCount: $0.key.improved, tally: $0.value) }
        )
    }

    /// Scores by occasion of an instrument followed that way, for measurements taken in the period.
    public func occasionScores(of instrument: String, units: [UnitID], period: ReportingPeriod) async throws -> [OccasionScoreGroup] {
        guard !units.isEmpty else { return [] }
        let rows = try await db.select()
            .column(SQLColumn("occasion", table: "occasion_scores")).column(SQLColumn("scale_id", table: "occasion_scores")).column(
                SQLColumn("gender", table: "participants")
            )
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("SUM", args: SQLColumn("score", table: "occasion_scores")), as: "total")
            .column(SQLRaw("CAST(SUM(participants.record_key) AS BIGINT)"), as: "key_sum")
            .from("occasion_scores")
            .join("participants", on: SQLColumn("participant_id", table: "occasion_scores"), .equal, SQLColumn("id", table: "participants"))
            .where(SQLColumn("instrument_id", table: "occasion_scores"), .equal, SQLBind(instrument))
            .where(SQLColumn("taken_on", table: "occasion_scores"), .greaterThanOrEqual, SQLBind(period.first.description))
            .where(SQLColumn("taken_on", table: "occasion_scores"), .lessThanOrEqual, SQLBind(period.last.description))
            .where(SQLColumn("unit_id", table: "participants"), .in, SQLBind.group(units.map(\.rawValue)))
            .groupBy(SQLColumn("occasion", table: "occasion_scores")).groupBy(SQLColumn("scale_id", table: "occasion_scores")).groupBy(
                SQLColumn("gender", table: "participants")
            )
            .all()
        return try rows.compactMap { row in
            guard let occasion = MeasurementOccasion(rawValue: try row.decode(column: "occasion", as: String.self)) else { return nil }
            return OccasionScoreGroup(
                occasion: occasion,
                scaleID: try row.decode(column: "scale_id", as: String.self),
                gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated,
                count: try row.decode(column: "n", as: Int.self),
                scoreSum: try row.decode(column: "total", as: Int.self),
                keySum: try row.keySum()
            )
        }
    }

    /// Participants of the units who ended in the period, by gender, outcome and the counsellor's
    /// belief at their first BIP (none: not measured).
    public func beliefOutcomes(units: [UnitID], period: ReportingPeriod) async throws -> [BeliefOutcomeGroup] {
        guard !units.isEmpty else { return [] }
        let rows = try await db.select()
            .column(SQLColumn("gender", table: "participants")).column(SQLColumn("outcome", table: "participants"))
            .column(SQLColumn("first_belief", table: "progress_summaries")).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLRaw("CAST(SUM(participants.record_key) AS BIGINT)"), as: "key_sum")
            .from("participants")
            .join(
                "progress_summaries",
                method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(
                        SQLColumn("participant_id", table: "progress_summaries"),
                        .equal,
                        SQLColumn("id", table: "participants")
                    ),
                    .and,
                    SQLBinaryExpression(
                        SQLColumn("instrument_id", table: "progress_summaries"),
                        .equal,
                        SQLBind(MeasurementSchedule.instrumentID)
                    )
                )
            )
            .where(SQLColumn("unit_id", table: "participants"), .in, SQLBind.group(units.map(\.rawValue)))
            .where(SQLColumn("ended_on", table: "participants"), .greaterThanOrEqual, SQLBind(period.first.description))
            .where(SQLColumn("ended_on", table: "participants"), .lessThanOrEqual, SQLBind(period.last.description))
            .groupBy(SQLColumn("gender", table: "participants")).groupBy(SQLColumn("outcome", table: "participants"))
            .groupBy(SQLColumn("first_belief", table: "progress_summaries"))
            .all()
        var groups: [BeliefOutcomeGroup] = []
        for row in rows {
            groups.append(
                BeliefOutcomeGroup(
                    gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated,
                    belief: BeliefBand(hundredths: try row.decode(column: "first_belief", as: Int?.self)),
                    outcome: try row.decode(column: "outcome", as: String?.self).flatMap(ExitOutcome.init(rawValue:)) ?? .other,
                    count: try row.decode(column: "n", as: Int.self),
                    keySum: try row.keySum()
                )
            )
        }
        return groups
    }

    /// Per participant of the units, the first and latest indicator values of the instrument (as
    /// values, not hundredths) with their days and the mix of interventions between: what the
    /// sums above are checked against.
    public func summaries(of instrument: String, units: [UnitID]) async throws -> [ProgressSummary] {
        guard !units.isEmpty else { return [] }
        let heads = try await db.raw(
            SQLQueryString(
                """
                SELECT s.participant_id, s.first_day, s.latest_day, p.gender, s.mix, p.record_key
                FROM progress_summaries s JOIN participants p ON p.id = s.participant_id
                WHERE s.instrument_id = \(bind: instrument) AND p.unit_id IN \(SQLBind.group(units.map(\.rawValue)))
                """
            )
        ).all()
        var values: [Int64: (first: [String: Double], latest: [String: Double])] = [:]
        for row in try await db.select().columns("participant_id", "indicator_id", "first_value", "latest_value").from("progress_values")
            .where("instrument_id", .equal, instrument).all()
        {
            let id = try row.decode(column: "participant_id", as: Int64.self)
            let indicator = try row.decode(column: "indicator_id", as: String.self)
            values[id, default: ([:], [:])].first[indicator] = Double(try row.decode(column: "first_value", as: Int.self)) / 100
            values[id, default: ([:], [:])].latest[indicator] = Double(try row.decode(column: "latest_value", as: Int.self)) / 100
        }
        return try heads.map { row in
            let id = try row.decode(column: "participant_id", as: Int64.self)
            return ProgressSummary(
                participantID: ParticipantID(id),
                gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated,
                firstDay: Day(try row.decode(column: "first_day", as: String.self))!,
                first: values[id]?.first ?? [:],
                latestDay: Day(try row.decode(column: "latest_day", as: String.self))!,
                latest: values[id]?.latest ?? [:],
                mix: InterventionMix(rawValue: try row.decode(column: "mix", as: String.self)) ?? .none,
                recordKey: try row.recordKey()
            )
        }
    }

    /// Fills everything above from every completed measurement (a database from before migration
    /// 14, or after an import): the instruments' definitions compute the values, from the answers
    /// `measurements` reads.
    public func backfill(catalog: InstrumentCatalog, association: AssociationID, measurements: MeasurementRepository) async throws {
        let rows = try await db.select().column(SQLColumn("id", table: "measurements")).from("measurements")
            .join("participants", on: SQLColumn("participant_id", table: "measurements"), .equal, SQLColumn("id", table: "participants"))
            .where(SQLColumn("association_id", table: "participants"), .equal, SQLBind(association.rawValue))
            .where(SQLColumn("completed_at", table: "measurements"), .isNot, SQLLiteral.null).orderBy(
                SQLColumn("id", table: "measurements")
            ).all()
        for row in rows {
            guard let measurement = try await measurements.measurement(try row.id("id")),
                let instrument = catalog.instrument(measurement.instrumentID, version: measurement.version)
            else { continue }
            try await record(
                instrument,
                answers: measurement.answers,
                measurement: measurement.id,
                occasion: measurement.occasion,
                participant: measurement.participantID,
                on: measurement.takenOn
            )
        }
    }

    /// Nothing kept yet (neither summaries nor occasion scores).
    public func isEmpty() async throws -> Bool {
        let summary = try await db.select().column("participant_id").from("progress_summaries").limit(1).first()
        let score = try await db.select().column("measurement_id").from("occasion_scores").limit(1).first()
        return summary == nil && score == nil
    }
}
