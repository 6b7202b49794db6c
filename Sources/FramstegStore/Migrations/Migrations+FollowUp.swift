import FramstegCore
import SQLKit

/// The follow-up migrations (12–16): what the dashboards read, kept by the writes themselves.
extension Migrations {
    /// What follow-up counts, kept on the participant's own row by the same transaction that
    /// records the event (start, exit, counsellor, completed BIP): the dashboards read one table
    /// and are never behind. Filled here from the history for existing participants.
    static let followUpColumns = Migration(version: 12, name: "follow-up columns on participants") { db, _ in
        try await db.alter(table: "participants").column("started_on", type: .text).run()
        try await db.alter(table: "participants").column("ended_on", type: .text).run()
        try await db.alter(table: "participants").column("outcome", type: .text).run()
        try await db.alter(table: "participants").column("counsellor_count", type: .int, .notNull, .default(0)).run()
        try await db.alter(table: "participants").column("first_measured_on", type: .text).run()
        try await db.raw(
            """
            UPDATE participants SET started_on = (SELECT MIN(s.day) FROM journey_steps s WHERE s.participant_id = participants.id AND s.event = 'start')
            """
        ).run()
        try await db.raw(
            """
            UPDATE participants SET
              ended_on = (SELECT MAX(s.day) FROM journey_steps s WHERE s.participant_id = participants.id AND s.event IN ('exit', 'withdraw')),
              outcome = (SELECT COALESCE(s.outcome, 'other') FROM journey_steps s WHERE s.participant_id = participants.id AND s.event IN ('exit', 'withdraw') ORDER BY s.id DESC LIMIT 1)
            WHERE started_on IS NOT NULL
            """
        ).run()
        try await db.raw(
            """
            UPDATE participants SET counsellor_count = (SELECT COUNT(*) FROM counsellor_assignments a WHERE a.participant_id = participants.id)
            """
        ).run()
        try await db.raw(
            """
            UPDATE participants SET first_measured_on = (SELECT MIN(m.taken_on) FROM measurements m
              WHERE m.participant_id = participants.id AND m.instrument_id = 'bip' AND m.completed_at IS NOT NULL)
            """
        ).run()
        try await db.create(index: "participants_follow_up").on("participants").column("association_id").column("unit_id").run()
    }

    /// Each participant's first and latest completed measurement per instrument, as indicator
    /// values: what "distance travelled" compares. Kept by the transaction that completes a
    /// measurement; filled for existing measurements by `ProgressSummaryRepository.backfill`.
    static let progressSummaries = Migration(version: 13, name: "progress summaries") { db, _ in
        try await db.create(table: "progress_summaries")
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("instrument_id", type: .text, .notNull)
            .column("first_day", type: .text, .notNull)
            .column("first_values", type: .text, .notNull)
            .column("latest_day", type: .text, .notNull)
            .column("latest_values", type: .text, .notNull)
            .primaryKey("participant_id", "instrument_id")
            .run()
        try await db.create(index: "progress_summaries_latest").on("progress_summaries").column("instrument_id").column("latest_day").run()
    }

    /// Distance travelled becomes something the database can sum: one row per participant,
    /// instrument and indicator with the first and latest value in hundredths, beside each summary
    /// its count of improved indicators and the counsellor's belief at the first measurement; and
    /// the subscale scores of instruments followed by occasion (KASAM at start, midway and exit).
    /// The old summaries are dropped: the site rebuilds all three from the measurements at start.
    static let progressByIndicator = Migration(version: 14, name: "progress by indicator and scores by occasion") { db, _ in
        try await db.drop(table: "progress_summaries").run()
        try await db.create(table: "progress_summaries")
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("instrument_id", type: .text, .notNull)
            .column("first_day", type: .text, .notNull)
            .column("latest_day", type: .text, .notNull)
            .column("improved_count", type: .int, .notNull, .default(0))
            .column("first_belief", type: .int)
            .primaryKey("participant_id", "instrument_id")
            .run()
        try await db.create(index: "progress_summaries_latest").on("progress_summaries").column("instrument_id").column("latest_day").run()
        try await db.create(table: "progress_values")
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("instrument_id", type: .text, .notNull)
            .column("indicator_id", type: .text, .notNull)
            .column("first_value", type: .int, .notNull)
            .column("latest_value", type: .int, .notNull)
            .primaryKey("participant_id", "instrument_id", "indicator_id")
            .run()
        try await db.create(table: "occasion_scores")
            .column("measurement_id", type: .bigint, .notNull, .references("measurements", "id"))
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("instrument_id", type: .text, .notNull)
            .column("occasion", type: .text, .notNull)
            .column("taken_on", type: .text, .notNull)
            .column("scale_id", type: .text, .notNull)
            .column("score", type: .int, .notNull)
            .primaryKey("measurement_id", "scale_id")
            .run()
        try await db.create(index: "occasion_scores_taken").on("occasion_scores").column("instrument_id").column("taken_on").run()
        try await db.create(index: "participants_ended").on("participants").column("unit_id").column("ended_on").run()
    }

    /// Each summary also carries its indicators' changes (latest − first, hundredths) in numbered
    /// slots, with the ids they stand for, so distance travelled is one scan of the summaries
    /// instead of a join to every indicator row. Twelve: the most indicators an instrument's
    /// chart takes (`IndicatorSet.axisRange`). The kept data is rebuilt at start.
    static let changeSlots = Migration(version: 15, name: "change slots on progress summaries") { db, _ in
        try await db.alter(table: "progress_summaries").column("indicator_ids", type: .text, .notNull, .default("")).run()
        for slot in 1...12 {
            try await db.alter(table: "progress_summaries").column("change_\(slot)", type: .int).run()
        }
        for table in ["progress_values", "progress_summaries", "occasion_scores"] { try await db.delete(from: table).run() }
    }

    /// What lets the whole association's dashboard be read in well under 200 ms:
    /// - each summary keeps its intervention mix, worked out where interventions and measurements
    ///   are written (`ProgressSummaryRepository.refreshMix`), instead of three lookups per summary
    ///   on every read;
    /// - the count scan and the outcome-by-belief read find every column they need in an index,
    ///   so they never touch the participants' rows (which carry sealed names and numbers).
    static let followUpReadPaths = Migration(version: 16, name: "intervention mix on summaries, covering indexes for follow-up") { db, _ in
        try await db.alter(table: "progress_summaries").column("mix", type: .text, .notNull, .default(InterventionMix.none.rawValue)).run()
        try await ProgressSummaryRepository.refreshAllMixes(db, beforeWithdrawals: true)
        try await db.create(index: "participants_follow_up_scan").on("participants")
            .column("unit_id").column("registered_on").column("ended_on").column("started_on").column("municipality_id").column("gender")
            .column("birth_year").column("outcome").column("counsellor_count").column("first_measured_on").run()
        try await db.drop(index: "participants_ended").run()
        try await db.create(index: "participants_ended").on("participants").column("unit_id").column("ended_on").column("gender").column(
            "outcome"
        ).run()
    }

    /// Progress summaries for the measurements of databases from before they existed, or whose
    /// summaries migration 15 cleared: worked out once from the measurements, with each
    /// association's own instrument versions. (This used to run at every start of `serve`.)
    static let progressBackfill = Migration(version: 17, name: "progress summaries from existing measurements") { db, _ in
        let summaries = ProgressSummaryRepository(db, beforeWithdrawals: true)
        guard try await summaries.isEmpty() else { return }
        let library = try await InstrumentLibrary.load(db)
        for association in try await OrganisationRepository(db).associationIDs() {
            try await summaries.backfill(
                catalog: library.catalog(for: association),
                association: association,
                measurements: MeasurementRepository(beforeSealing: db)
            )
        }
    }
}

extension Migrations {
    /// The association's goals as data (issue 17): every decision of the board, never changed,
    /// so each goal keeps its history. A share is stored in whole percent, a wait in days, a
    /// unit's referrals as a count; a NULL level removes the goal from its year on.
    static let associationGoals = Migration(version: 35, name: "association goals per year, with history") { db, _ in
        try await db.create(table: "association_goals")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("association_id", type: .bigint, .notNull, .references("associations", "id"))
            .column("year", type: .int, .notNull)
            .column("kind", type: .text, .notNull)
            .column("unit_id", type: .bigint, .references("units", "id"))
            .column("level", type: .bigint)
            .column("set_by", type: .bigint, .references("users", "id"))
            .column("set_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "association_goals_association").on("association_goals").column("association_id").column("id").run()
    }

    /// Each unit's budget per year beside its places (issue 17: cost per participant in the reports).
    static let unitBudgets = Migration(version: 37, name: "budget per unit and year") { db, _ in
        try await db.alter(table: "budgeted_places").column("budget_kr", type: .bigint).run()
    }

    /// Which answers count as positive in the exit survey's share against the goal: the positive
    /// ones alone, or with the middle answer ("Ibland", "Delvis"), chosen by each association.
    static let surveyShareReading = Migration(version: 40, name: "the survey share each association reads its goal by") { db, _ in
        try await db.alter(table: "associations")
            .column("survey_share_reading", type: .text, .notNull, .default(SurveyShareReading.positive.rawValue)).run()
    }
}
