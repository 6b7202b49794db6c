import SQLKit

extension Migrations {
    /// The duties of a register of sensitive personal data (issue 20):
    /// - a participant can be marked as having protected personal data (`is_protected`), and a
    ///   record whose personal data retention has removed says so (`thinned_on`);
    /// - the watch list of the log review: people whose every read is checked;
    /// - the records of log reviews and access reviews (who, when, what was checked, the conclusion,
    ///   sealed: it may name people);
    /// - each association's retention periods;
    /// - the anchors of a thinned audit log: the last removed row's hash, from which the chain of
    ///   what remains is proved. The database lets a row of the log go only at or below an anchor.
    static let duties = Migration(version: 30, name: "protected identity, watch list, reviews, retention and audit anchors") {
        db,
        dialect in
        try await db.alter(table: "participants").column("is_protected", type: .int, .notNull, .default(0)).run()
        try await db.alter(table: "participants").column("thinned_on", type: .text).run()
        try await db.create(table: "watch_list")
            .column("participant_id", type: .bigint, .primaryKey(autoIncrement: false), .references("participants", "id"))
            .column("reason", type: .text, .notNull)
            .column("added_by", type: .bigint, .references("users", "id"))
            .column("added_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "log_reviews")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("association_id", type: .bigint, .notNull, .references("associations", "id"))
            .column("reviewer_id", type: .bigint, .notNull, .references("users", "id"))
            .column("reviewed_at", type: .bigint, .notNull)
            .column("period_from", type: .text, .notNull)
            .column("period_through", type: .text, .notNull)
            .column("checked", type: .text, .notNull)
            .column("conclusion_sealed", type: .text, .notNull)
            .run()
        try await db.create(table: "access_reviews")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("association_id", type: .bigint, .notNull, .references("associations", "id"))
            .column("reviewer_id", type: .bigint, .notNull, .references("users", "id"))
            .column("reviewed_at", type: .bigint, .notNull)
            .column("user_count", type: .int, .notNull)
            .column("conclusion_sealed", type: .text, .notNull)
            .run()
        try await db.create(table: "retention_settings")
            .column("association_id", type: .bigint, .primaryKey(autoIncrement: false), .references("associations", "id"))
            .column("record_months", type: .int, .notNull)
            .column("audit_years", type: .int, .notNull)
            .column("changed_by", type: .bigint, .references("users", "id"))
            .column("changed_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "audit_anchors")
            .column("through_sequence", type: .bigint, .primaryKey(autoIncrement: false))
            .column("hash", type: .text, .notNull)
            .column("chain", type: .text, .notNull)
            .column("anchored_at", type: .bigint, .notNull)
            .run()
        // The audit log stays append-only except at its oldest end, below an anchor; anchors
        // themselves are never changed or removed.
        switch dialect {
        case .sqlite:
            try await db.raw("DROP TRIGGER audit_log_no_delete").run()
            try await db.raw(
                """
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                WHEN OLD.sequence > (SELECT COALESCE(MAX(through_sequence), 0) FROM audit_anchors)
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
                """
            ).run()
            try await db.raw(
                """
                CREATE TRIGGER audit_anchors_no_change BEFORE UPDATE ON audit_anchors
                BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END
                """
            ).run()
            try await db.raw(
                """
                CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
                BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END
                """
            ).run()
        case .postgres:
            try await db.raw(
                """
                CREATE OR REPLACE FUNCTION framsteg_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'DELETE' AND OLD.sequence <= (SELECT COALESCE(MAX(through_sequence), 0) FROM audit_anchors) THEN
                    RETURN OLD;
                  END IF;
                  RAISE EXCEPTION 'audit_log is append-only';
                END $$
                """
            ).run()
            try await db.raw(
                """
                CREATE OR REPLACE FUNCTION framsteg_audit_anchors_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_anchors is append-only'; END $$
                """
            ).run()
            try await db.raw(
                """
                CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE ON audit_anchors
                FOR EACH ROW EXECUTE FUNCTION framsteg_audit_anchors_append_only()
                """
            ).run()
        }
    }
}

extension Migrations {
    /// Each form a page renders carries a one-time token (`_once`); a send claims it here in its
    /// own transaction, so a double click or a resent form stores one meeting, one step, one answer
    /// (issue 21). Only a hash of the token is kept, for two days.
    static let formSends = Migration(version: 31, name: "one-time tokens of sent forms") { db, _ in
        try await db.create(table: "form_sends")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("sent_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "form_sends_sent_at").on("form_sends").column("sent_at").run()
    }
}
