import SQLKit

/// Every migration Framsteg has, in order. Later features append here; existing entries never change.
public enum Migrations {
    public static let all: [Migration] = [
        organisation, access, audit, auditAppendOnly, journey, rateLimits, eligibility, activities, measurements, plansAndParticipantMode,
        anonymousSurveys, followUpColumns, progressSummaries, progressByIndicator, changeSlots, followUpReadPaths, progressBackfill,
        managersRecordRight, keyedAuditChain, nameLookup, surveyResponsesHeldAndSealed, accountSetupLinks,
        instrumentIDsPerAssociation, emailPerAssociation, nationalDeliveries, recordKeys, secondFactor, identityProviders, namePrefixes,
        duties, formSends, instrumentGeneration, plannedMeetings, stepWithdrawals, associationGoals, eligibilityRules, unitBudgets,
        afterExit, corrections, surveyShareReading,
    ]

    static let organisation = Migration(version: 1, name: "organisation") { db, _ in
        try await db.create(table: "associations")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("name", type: .text, .notNull)
            .column("organisation_number", type: .text, .notNull, .default(""))
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "municipalities")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("association_id", type: .bigint, .notNull, .references("associations", "id"))
            .column("name", type: .text, .notNull)
            .unique("association_id", "name")
            .run()
        try await db.create(table: "units")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("association_id", type: .bigint, .notNull, .references("associations", "id"))
            .column("municipality_id", type: .bigint, .notNull, .references("municipalities", "id"))
            .column("name", type: .text, .notNull)
            .unique("association_id", "name")
            .run()
        try await db.create(table: "budgeted_places")
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("year", type: .int, .notNull)
            .column("places", type: .int, .notNull)
            .primaryKey("unit_id", "year")
            .run()
    }

    static let access = Migration(version: 2, name: "users, sessions and sign-in throttling") { db, _ in
        try await db.create(table: "users")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("association_id", type: .bigint, .notNull, .references("associations", "id"))
            .column("email", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("is_disabled", type: .custom(SQLRaw("BOOLEAN")), .notNull, .default(false))
            .column("language", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "user_units")
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .primaryKey("user_id", "unit_id")
            .run()
        try await db.create(table: "sessions")
            // Only a hash of the token is stored: a copy of the database does not yield live sessions.
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("csrf_token", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("last_seen_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "sessions_user").on("sessions").column("user_id").run()
        try await db.create(table: "sign_in_failures")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("account_key", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("occurred_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "sign_in_failures_account").on("sign_in_failures").column("account_key").column("occurred_at").run()
        try await db.create(index: "sign_in_failures_address").on("sign_in_failures").column("address").column("occurred_at").run()
    }

    static let audit = Migration(version: 3, name: "audit log") { db, _ in
        try await db.create(table: "audit_log")
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: false))
            .column("occurred_at", type: .bigint, .notNull)
            .column("user_id", type: .bigint)
            .column("role", type: .text)
            .column("action", type: .text, .notNull)
            .column("object_type", type: .text, .notNull)
            .column("object_id", type: .text)
            .column("association_id", type: .bigint)
            .column("result", type: .text, .notNull)
            .column("previous_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await db.create(index: "audit_log_association").on("audit_log").column("association_id").column("sequence").run()
    }

    /// The database itself refuses to change or delete audit rows; the hash chain catches anyone who bypasses it.
    static let auditAppendOnly = Migration(version: 4, name: "audit log is append-only") { db, dialect in
        switch dialect {
        case .sqlite:
            try await db.raw(
                """
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
                """
            ).run()
            try await db.raw(
                """
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
                """
            ).run()
        case .postgres:
            try await db.raw(
                """
                CREATE OR REPLACE FUNCTION framsteg_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$
                """
            ).run()
            try await db.raw(
                """
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION framsteg_audit_append_only()
                """
            ).run()
        }
    }

    /// Participants and their journey. The personal identity number and free text are stored sealed
    /// (AES-GCM, `keyID:base64`), the number also as a keyed hash for look-up.
    static let journey = Migration(version: 5, name: "participants and their journey") { db, _ in
        try await db.create(table: "participants")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("association_id", type: .bigint, .notNull, .references("associations", "id"))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("municipality_id", type: .bigint, .notNull, .references("municipalities", "id"))
            .column("name", type: .text, .notNull)
            .column("phone", type: .text, .notNull)
            .column("email", type: .text, .notNull)
            .column("gender", type: .text, .notNull)
            .column("birth_year", type: .int, .notNull)
            .column("pnr_sealed", type: .text, .notNull)
            .column("pnr_lookup", type: .text, .notNull)
            .column("referrer_kind", type: .text, .notNull)
            .column("referrer_name", type: .text, .notNull)
            .column("authorities", type: .text, .notNull)
            .column("reason_sealed", type: .text)
            .column("has_consented", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("state", type: .text, .notNull)
            .column("registered_on", type: .text, .notNull)
            .column("responsible_counsellor", type: .bigint, .references("users", "id"))
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "participants_unit_state").on("participants").column("unit_id").column("state").run()
        try await db.create(index: "participants_lookup").on("participants").column("association_id").column("pnr_lookup").run()
        try await db.create(table: "journey_steps")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("from_state", type: .text, .notNull)
            .column("to_state", type: .text, .notNull)
            .column("event", type: .text, .notNull)
            .column("outcome", type: .text)
            .column("reason_sealed", type: .text)
            .column("day", type: .text, .notNull)
            .column("recorded_by", type: .bigint, .references("users", "id"))
            .column("recorded_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "journey_steps_participant").on("journey_steps").column("participant_id").column("id").run()
        try await db.create(table: "counsellor_assignments")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("counsellor_id", type: .bigint, .notNull, .references("users", "id"))
            .column("from_day", type: .text, .notNull)
            .column("assigned_by", type: .bigint, .references("users", "id"))
            .column("assigned_at", type: .bigint, .notNull)
            .run()
    }

    /// Events counted for rate limits on public forms, keyed by bucket and (hashed) client address.
    static let rateLimits = Migration(version: 6, name: "rate limits for public forms") { db, _ in
        try await db.create(table: "rate_events")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("bucket", type: .text, .notNull)
            .column("client_key", type: .text, .notNull)
            .column("occurred_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "rate_events_lookup").on("rate_events").column("bucket").column("client_key").column("occurred_at").run()
    }

    /// The counsellor's eligibility checklist: the latest answer per criterion, with who and when.
    static let eligibility = Migration(version: 7, name: "eligibility checklist") { db, _ in
        try await db.create(table: "eligibility_checks")
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("criterion", type: .text, .notNull)
            .column("is_met", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("checked_by", type: .bigint, .notNull, .references("users", "id"))
            .column("checked_at", type: .bigint, .notNull)
            .primaryKey("participant_id", "criterion")
            .run()
    }

    /// Interventions, meetings (notes and decisions sealed) and activity hours. Hours are kept in
    /// tenths as integers so both databases add them up identically.
    static let activities = Migration(version: 8, name: "interventions, meetings and activity hours") { db, _ in
        try await db.create(table: "interventions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("type", type: .text, .notNull)
            .column("provider", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("employer_name", type: .text)
            .column("start_day", type: .text, .notNull)
            .column("end_day", type: .text)
            .column("recorded_by", type: .bigint, .references("users", "id"))
            .column("recorded_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "interventions_participant").on("interventions").column("participant_id").column("start_day").run()
        try await db.create(table: "meetings")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("kind", type: .text, .notNull)
            .column("day", type: .text, .notNull)
            .column("attendees", type: .text, .notNull)
            .column("notes_sealed", type: .text)
            .column("decisions_sealed", type: .text)
            .column("recorded_by", type: .bigint, .notNull, .references("users", "id"))
            .column("recorded_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "meetings_participant").on("meetings").column("participant_id").column("day").run()
        try await db.create(index: "meetings_day").on("meetings").column("day").run()
        try await db.create(table: "hours_goals")
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("from_week", type: .text, .notNull)
            .column("tenths", type: .int, .notNull)
            .column("recorded_by", type: .bigint, .references("users", "id"))
            .column("recorded_at", type: .bigint, .notNull)
            .primaryKey("participant_id", "from_week")
            .run()
        try await db.create(table: "attended_hours")
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("week", type: .text, .notNull)
            .column("tenths", type: .int, .notNull)
            .column("recorded_by", type: .bigint, .references("users", "id"))
            .column("recorded_at", type: .bigint, .notNull)
            .primaryKey("participant_id", "week")
            .run()
    }

    /// Instrument definitions added after shipping (every version kept), measurements that name
    /// the instrument and version they were taken with, and one row per answer, saved as it is given.
    static let measurements = Migration(version: 9, name: "instruments and measurements") { db, _ in
        try await db.create(table: "instrument_definitions")
            .column("instrument_id", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("definition", type: .text, .notNull)
            .column("added_by", type: .bigint, .references("users", "id"))
            .column("added_at", type: .bigint, .notNull)
            .primaryKey("instrument_id", "version")
            .run()
        try await db.create(table: "measurements")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("instrument_id", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("occasion", type: .text, .notNull)
            .column("taken_on", type: .text, .notNull)
            .column("started_by", type: .bigint, .references("users", "id"))
            .column("completed_at", type: .bigint)
            .run()
        try await db.create(index: "measurements_participant").on("measurements").column("participant_id").column("taken_on").run()
        try await db.create(table: "measurement_answers")
            .column("measurement_id", type: .bigint, .notNull, .references("measurements", "id"))
            .column("item_id", type: .text, .notNull)
            .column("answer", type: .text, .notNull)
            .column("respondent", type: .text, .notNull)
            .column("answered_at", type: .bigint, .notNull)
            .primaryKey("measurement_id", "item_id")
            .run()
    }

    /// The action plan (goal and step texts sealed like notes), the measurement interval per unit,
    /// and a session's hand-over to the participant: while set, only participant mode answers.
    static let plansAndParticipantMode = Migration(version: 10, name: "action plans, measurement schedule, participant mode") { db, _ in
        try await db.alter(table: "units").column("measurement_interval_weeks", type: .int, .notNull, .default(12)).run()
        // An instrument added from the web belongs to the association whose admin added it.
        try await db.alter(table: "instrument_definitions").column("association_id", type: .bigint, .references("associations", "id")).run()
        // One column per statement: SQLite adds a single column at a time.
        try await db.alter(table: "sessions").column("handover_measurement_id", type: .bigint).run()
        try await db.alter(table: "sessions").column("handover_pin_hash", type: .text).run()
        try await db.alter(table: "sessions").column("handover_language", type: .text).run()
        try await db.alter(table: "sessions").column("handover_failures", type: .int, .notNull, .default(0)).run()
        try await db.create(table: "plan_goals")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("text_sealed", type: .text, .notNull)
            .column("indicators", type: .text, .notNull)
            .column("created_on", type: .text, .notNull)
            .column("created_by", type: .bigint, .references("users", "id"))
            .run()
        try await db.create(index: "plan_goals_participant").on("plan_goals").column("participant_id").run()
        try await db.create(table: "plan_steps")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("goal_id", type: .bigint, .notNull, .references("plan_goals", "id"))
            .column("text_sealed", type: .text, .notNull)
            .column("owner", type: .text, .notNull)
            .column("due_on", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("changed_by", type: .bigint, .references("users", "id"))
            .column("changed_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "plan_steps_goal").on("plan_steps").column("goal_id").run()
        try await db.create(index: "plan_steps_due").on("plan_steps").column("status").column("due_on").run()
    }

    /// Anonymous survey responses, kept apart from every record: a random key and no row id, so
    /// neither key nor storage order follows the order of writing (SQLite's `WITHOUT ROWID` stores
    /// rows in key order). The record keeps only that a survey was offered and whether it was
    /// completed. A hand-over may be for a survey, and each municipality names where to refer
    /// someone who answers yes to the questions about violence.
    static let anonymousSurveys = Migration(version: 11, name: "anonymous surveys") { db, dialect in
        let columns = """
            id TEXT NOT NULL PRIMARY KEY,
            instrument_id TEXT NOT NULL,
            instrument_version INTEGER NOT NULL,
            unit_id BIGINT NOT NULL REFERENCES units(id),
            month TEXT NOT NULL,
            gender TEXT,
            answers TEXT NOT NULL
            """
        switch dialect {
        case .sqlite: try await db.raw("CREATE TABLE survey_responses (\(unsafeRaw: columns)) WITHOUT ROWID").run()
        case .postgres: try await db.raw("CREATE TABLE survey_responses (\(unsafeRaw: columns))").run()
        }
        try await db.create(index: "survey_responses_group").on("survey_responses").column("instrument_id").column("unit_id").column(
            "month"
        ).run()
        try await db.create(table: "survey_offers")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("instrument_id", type: .text, .notNull)
            .column("offered_on", type: .text, .notNull)
            .column("offered_by", type: .bigint, .references("users", "id"))
            .column("is_completed", type: .custom(SQLRaw("BOOLEAN")), .notNull, .default(false))
            .run()
        try await db.create(index: "survey_offers_participant").on("survey_offers").column("participant_id").run()
        try await db.alter(table: "sessions").column("handover_survey_offer_id", type: .bigint).run()
        try await db.alter(table: "municipalities").column("support_contact", type: .text, .notNull, .default("")).run()
    }

    /// A manager opens participants' records only when the association grants it (off by default).
    static let managersRecordRight = Migration(version: 18, name: "managers' right to open records") { db, _ in
        try await db.alter(table: "users").column("may_open_records", type: .int, .notNull, .default(0)).run()
    }

    /// The audit chain is keyed from here on: each row says how it was chained (rows already written
    /// stay `sha256` and verify as before), and keyed rows also name the unit, address and session.
    /// Adding columns rewrites no row, so the append-only triggers are not in the way.
    static let keyedAuditChain = Migration(version: 19, name: "keyed audit chain with unit, address and session") { db, _ in
        try await db.alter(table: "audit_log").column("chain", type: .text, .notNull, .default("sha256")).run()
        try await db.alter(table: "audit_log").column("unit_id", type: .bigint).run()
        try await db.alter(table: "audit_log").column("source_address", type: .text).run()
        try await db.alter(table: "audit_log").column("session_id", type: .text).run()
    }

    /// Anonymous responses wait, sealed, until five of a pool have come in; released ones keep their
    /// gender and answers sealed too (`SurveyRepository`'s threat model). Earlier rows are sealed at
    /// start-up, where the keys are known (`SurveyRepository.sealLegacyResponses`).
    static let surveyResponsesHeldAndSealed = Migration(version: 21, name: "anonymous responses held until five, and sealed") {
        db,
        dialect in
        let columns = "id TEXT NOT NULL PRIMARY KEY, sealed TEXT NOT NULL"
        switch dialect {
        case .sqlite: try await db.raw("CREATE TABLE survey_held (\(unsafeRaw: columns)) WITHOUT ROWID").run()
        case .postgres: try await db.raw("CREATE TABLE survey_held (\(unsafeRaw: columns))").run()
        }
        try await db.alter(table: "survey_responses").column("sealed", type: .text).run()
    }

    /// An admin sets up or resets an account by a one-time link, never by a password they choose:
    /// the hash of the link's token and when it stops working.
    static let accountSetupLinks = Migration(version: 22, name: "one-time account setup links") { db, _ in
        try await db.alter(table: "users").column("setup_token_hash", type: .text).run()
        try await db.alter(table: "users").column("setup_expires_at", type: .bigint).run()
        try await db.create(index: "users_setup_token").on("users").column("setup_token_hash").run()
    }

    /// An instrument's id and version are unique within an association, not across the deployment:
    /// an admin must not learn from a refusal which ids another association uses. (SQLite cannot
    /// drop a primary key, so the table is rebuilt; nothing references it.)
    static let instrumentIDsPerAssociation = Migration(version: 23, name: "instrument ids unique per association") { db, _ in
        try await db.raw(
            """
            CREATE TABLE instrument_definitions_by_association (
                instrument_id TEXT NOT NULL, version INTEGER NOT NULL, definition TEXT NOT NULL,
                added_by BIGINT REFERENCES users(id), added_at BIGINT NOT NULL,
                association_id BIGINT REFERENCES associations(id))
            """
        ).run()
        try await db.raw(
            """
            INSERT INTO instrument_definitions_by_association
            SELECT instrument_id, version, definition, added_by, added_at, association_id FROM instrument_definitions
            """
        ).run()
        try await db.raw("DROP TABLE instrument_definitions").run()
        try await db.raw("ALTER TABLE instrument_definitions_by_association RENAME TO instrument_definitions").run()
        try await db.create(index: "instrument_definitions_key").on("instrument_definitions").column("association_id")
            .column("instrument_id").column("version").unique().run()
    }

    /// An e-mail address is unique within an association, not across the deployment: an admin
    /// adding an address another association uses was told it was taken. SQLite cannot drop a
    /// column's UNIQUE, so `users` is rebuilt from its own definition without it.
    static let emailPerAssociation = Migration(version: 24, name: "e-mail unique per association", rebuildsReferencedTable: true) {
        db,
        dialect in
        switch dialect {
        case .postgres:
            try await db.raw("ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key").run()
        case .sqlite:
            guard
                let definition = try await db.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'").first()?
                    .decode(column: "sql", as: String.self),
                definition.contains(#""email" TEXT NOT NULL UNIQUE"#)
            else { throw StoreError.corrupt("users: not the definition migration 2 created") }
            let indexes = try await db.raw("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'users' AND sql IS NOT NULL")
                .all().map { try $0.decode(column: "sql", as: String.self) }
            let rebuilt = definition.replacingOccurrences(of: #""email" TEXT NOT NULL UNIQUE"#, with: #""email" TEXT NOT NULL"#)
                .replacingOccurrences(of: #"CREATE TABLE "users""#, with: #"CREATE TABLE "users_rebuilt""#)
            try await db.raw(SQLQueryString(rebuilt)).run()
            try await db.raw("INSERT INTO users_rebuilt SELECT * FROM users").run()
            try await db.raw("DROP TABLE users").run()
            try await db.raw("ALTER TABLE users_rebuilt RENAME TO users").run()
            for index in indexes { try await db.raw(SQLQueryString(index)).run() }
        }
        try await db.create(index: "users_association_email").on("users").column("association_id").column("email").unique().run()
        try await db.create(index: "users_email").on("users").column("email").run()
    }

    /// The keyed look-up for participants' names, now that names are sealed: a keyed hash per word
    /// of the name (`NameLookup`). Filled by the writes and, for older databases, by
    /// `PlaintextSealing` as it seals the names (it needs the keys, which migrations never have).
    static let nameLookup = Migration(version: 20, name: "keyed look-up of participants' names") { db, _ in
        try await db.create(table: "participant_name_tokens")
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("token_hash", type: .text, .notNull)
            .primaryKey("participant_id", "token_hash")
            .run()
        try await db.create(index: "participant_name_tokens_hash").on("participant_name_tokens").column("token_hash").run()
    }

    /// Names are found by the beginnings of their words, without case or accents (issue 18): a
    /// keyed hash per beginning replaces the hash per whole word. The keyed step after the
    /// migrations (`PlaintextSealing`, through `NameLookup.backfill`) opens each name and indexes it.
    static let namePrefixes = Migration(version: 29, name: "look-up of names by the beginnings of their words") { db, _ in
        try await db.drop(table: "participant_name_tokens").run()
        try await db.create(table: "participant_name_prefixes")
            .column("participant_id", type: .bigint, .notNull, .references("participants", "id"))
            .column("prefix_hash", type: .text, .notNull)
            .primaryKey("participant_id", "prefix_hash")
            .run()
        try await db.create(index: "participant_name_prefixes_hash").on("participant_name_prefixes").column("prefix_hash").run()
    }

    /// Every participant gets a record key for the cell key method (issue 16): a random fraction in
    /// 2⁻³² steps, never shown, whose sums key the published counts. Existing participants draw one
    /// here; the covering index of the follow-up scan carries it, so the scan stays index-only.
    static let recordKeys = Migration(version: 26, name: "record keys for the cell key method") { db, dialect in
        try await db.alter(table: "participants").column("record_key", type: .bigint, .notNull, .default(0)).run()
        switch dialect {
        case .sqlite: try await db.raw("UPDATE participants SET record_key = random() & 4294967295").run()
        case .postgres: try await db.raw("UPDATE participants SET record_key = floor(random() * 4294967296)::bigint").run()
        }
        try await db.drop(index: "participants_follow_up_scan").run()
        try await db.create(index: "participants_follow_up_scan").on("participants")
            .column("unit_id").column("registered_on").column("ended_on").column("started_on").column("municipality_id").column("gender")
            .column("birth_year").column("outcome").column("counsellor_count").column("first_measured_on").column("record_key").run()
    }
}
