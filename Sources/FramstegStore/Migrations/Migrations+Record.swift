import Foundation
import FramstegCore
import SQLKit

extension Migrations {
    /// Meetings planned with a time and a place, then held or cancelled (issue 18). What a meeting
    /// was before each change is kept in `meeting_changes`, with its reason sealed. A meeting
    /// already stored for a day after today was planned; every other was held.
    static let plannedMeetings = Migration(version: 33, name: "meetings planned with time and place, held or cancelled") { db, _ in
        try await db.alter(table: "meetings").column("status", type: .text, .notNull, .default("held")).run()
        try await db.alter(table: "meetings").column("starts_at", type: .text).run()
        try await db.alter(table: "meetings").column("place_sealed", type: .text).run()
        try await db.update("meetings").set("status", to: SQLBind("planned"))
            .where("day", .greaterThan, SQLBind(Day(Date()).description)).run()
        try await db.create(table: "meeting_changes")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("meeting_id", type: .bigint, .notNull, .references("meetings", "id"))
            .column("change", type: .text, .notNull)
            .column("previous_day", type: .text, .notNull)
            .column("previous_starts_at", type: .text)
            .column("previous_place_sealed", type: .text)
            .column("reason_sealed", type: .text)
            .column("recorded_by", type: .bigint, .notNull, .references("users", "id"))
            .column("recorded_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "meeting_changes_meeting").on("meeting_changes").column("meeting_id").run()
    }
}

extension Migrations {
    /// A journey step recorded by mistake is taken back, never deleted (issue 18): who took it
    /// back, when, and why (sealed). Every read of the journey skips a withdrawn step.
    static let stepWithdrawals = Migration(version: 34, name: "journey steps taken back with a reason") { db, _ in
        try await db.alter(table: "journey_steps").column("withdrawn_at", type: .bigint).run()
        try await db.alter(table: "journey_steps").column("withdrawn_by", type: .bigint).run()
        try await db.alter(table: "journey_steps").column("withdrawal_reason_sealed", type: .text).run()
    }
}

extension Migrations {
    /// Eligibility rules as data per association (issue 17): the age range on `associations`, the
    /// checklist in `eligibility_criteria`, and on each answer the wording it was given under.
    /// Every association gets the rules that were the code's until now (seed 000's).
    static let eligibilityRules = Migration(version: 36, name: "eligibility rules per association, answers with their wording") { db, _ in
        let standard = EligibilityRules.standard
        try await db.alter(table: "associations").column("eligibility_min_age", type: .int, .notNull, .default(standard.ages.lowerBound))
            .run()
        try await db.alter(table: "associations").column("eligibility_max_age", type: .int, .notNull, .default(standard.ages.upperBound))
            .run()
        try await db.create(table: "eligibility_criteria")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("association_id", type: .bigint, .notNull, .references("associations", "id"))
            .column("key", type: .text, .notNull)
            .column("wording_sv", type: .text, .notNull)
            .column("wording_en", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("retired_at", type: .bigint)
            .run()
        try await db.create(index: "eligibility_criteria_key").on("eligibility_criteria").column("association_id").column("key").unique()
            .run()
        try await db.alter(table: "eligibility_checks").column("wording_sv", type: .text).run()
        try await db.alter(table: "eligibility_checks").column("wording_en", type: .text).run()
        let criteria = EligibilityRepository(db)
        for association in try await OrganisationRepository(db).associationIDs() {
            try await criteria.addStandard(to: association)
        }
        for criterion in standard.criteria {
            try await db.update("eligibility_checks").set("wording_sv", to: criterion.wording.swedish)
                .set("wording_en", to: criterion.wording.english).where("criterion", .equal, criterion.key).run()
        }
    }
}

extension Migrations {
    /// What happened and what happened next (issue 17): work or studies during participation, the
    /// next step after the exit with its day, and the situation 3 and 6 months after, one row per
    /// participant.
    static let afterExit = Migration(version: 38, name: "after the exit: work or studies, next step, follow-ups") { db, _ in
        try await db.create(table: "after_exit")
            .column("participant_id", type: .bigint, .primaryKey(autoIncrement: false), .references("participants", "id"))
            .column("worked_or_studied", type: .custom(SQLRaw("BOOLEAN")))
            .column("next_step", type: .text)
            .column("next_step_on", type: .text)
            .column("situation_3m", type: .text)
            .column("situation_6m", type: .text)
            .column("recorded_by", type: .bigint, .notNull, .references("users", "id"))
            .column("recorded_at", type: .bigint, .notNull)
            .run()
    }
}

extension Migrations {
    /// Corrections that are never silent (issue 18): an intervention recorded by mistake is taken
    /// off the record with a reason, an end recorded by mistake is taken back with one; each change
    /// is kept in `intervention_changes` with its reason sealed, and every read of the
    /// interventions skips a withdrawn one. An eligibility answer "not met" carries a note (sealed).
    static let corrections = Migration(version: 39, name: "interventions corrected with a reason, eligibility notes") { db, _ in
        try await db.alter(table: "interventions").column("withdrawn_at", type: .bigint).run()
        try await db.create(table: "intervention_changes")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("intervention_id", type: .bigint, .notNull, .references("interventions", "id"))
            .column("change", type: .text, .notNull)
            .column("previous_end_day", type: .text)
            .column("reason_sealed", type: .text)
            .column("recorded_by", type: .bigint, .notNull, .references("users", "id"))
            .column("recorded_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "intervention_changes_intervention").on("intervention_changes").column("intervention_id").run()
        try await db.alter(table: "eligibility_checks").column("note_sealed", type: .text).run()
    }
}
