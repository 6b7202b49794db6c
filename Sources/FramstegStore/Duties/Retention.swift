import Foundation
import FramstegCore
import SQLKit

/// Each association's retention periods, as its admin set them.
public struct RetentionRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The association's periods; the standard ones until its admin has chosen.
    public func periods(of association: AssociationID) async throws -> RetentionPeriods {
        guard
            let row = try await db.select().columns("record_months", "audit_years").from("retention_settings")
                .where("association_id", .equal, association.rawValue).first()
        else { return .standard }
        return RetentionPeriods(
            storedRecordMonths: try row.decode(column: "record_months", as: Int.self),
            auditYears: try row.decode(column: "audit_years", as: Int.self)
        )
    }

    public func set(_ periods: RetentionPeriods, of association: AssociationID, by user: UserID, now: Date) async throws {
        try await db.delete(from: "retention_settings").where("association_id", .equal, association.rawValue).run()
        try await db.insert(into: "retention_settings").columns(
            "association_id",
            "record_months",
            "audit_years",
            "changed_by",
            "changed_at"
        )
        .values(
            SQLBind(association.rawValue),
            SQLBind(periods.recordMonths),
            SQLBind(periods.auditYears),
            SQLBind(user.rawValue),
            SQLBind(now.storedSeconds)
        ).run()
    }
}

/// Retention (gallring): removes the identity and free text of records whose journey ended longer
/// ago than the association keeps them, and thins the audit log from its oldest end.
///
/// What a record keeps is what the figures are made of: unit, municipality, gender, birth year,
/// the journey's states and days, outcomes, eligibility answers, counsellor changes, hours,
/// measurements' answers and scores, the record key and the survey offers. So every figure of an
/// earlier year is the same after a run as before. What goes: name, personal identity number and its
/// look-up, contact details, referrer's name, reasons, meeting attendees, notes and decisions,
/// intervention titles and employers, the action plan's texts, and the name look-ups.
///
/// Each record is thinned in a transaction of its own with its audit row, so a run that is stopped
/// half-way leaves every record untouched or fully thinned, and the next run goes on. The log is
/// one chain for the whole deployment: it is thinned to the longest period any association keeps it.
public struct RetentionRun: Sendable {
    public let store: Store
    public let keyring: FieldKeyring

    public init(store: Store, keyring: FieldKeyring) {
        self.store = store
        self.keyring = keyring
    }

    /// What a run removed (or, dry, would remove).
    public struct Report: Hashable, Sendable {
        /// Records thinned, per association.
        public var records: [AssociationID: Int] = [:]
        /// Audit rows removed from the oldest end.
        public var auditRows = 0
        public var isDry = false

        public var recordTotal: Int { records.values.reduce(0, +) }
    }

    /// Thins everything that is due on `now`; with `dryRun` only counts it.
    public func run(now: Date, dryRun: Bool = false) async throws -> Report {
        var report = Report(isDry: dryRun)
        let today = Day(now)
        let associations = try await store.read { db in try await OrganisationRepository(db).associations() }
        var longestAudit = RetentionPeriods.standard.auditYears
        for association in associations {
            let periods = try await store.read { db in try await RetentionRepository(db).periods(of: association.id) }
            longestAudit = max(longestAudit, periods.auditYears)
            let due = try await store.read { db in try await Self.due(in: association.id, periods, today: today, db) }
            report.records[association.id] = due.count
            guard !dryRun else { continue }
            for participant in due {
                try await store.write { [keyring] db in
                    try await Self.thin(participant, on: today, keyring: keyring, db)
                    try await AuditLog(db).append(
                        AuditEntry(
                            at: now,
                            by: nil,
                            action: .participantRetention,
                            objectType: "participant",
                            objectID: participant.id.description,
                            associationID: association.id,
                            unitID: participant.unit
                        )
                    )
                }
            }
        }
        let cutoff = Calendar.swedish.date(byAdding: .year, value: -longestAudit, to: now)!
        if dryRun {
            report.auditRows = try await store.read { db in
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log")
                    .where("occurred_at", .lessThan, Int64(cutoff.timeIntervalSince1970)).first()?.decode(column: "n", as: Int.self) ?? 0
            }
            return report
        }
        let summary = report
        report.auditRows = try await store.write { db in
            let log = AuditLog(db)
            let removed = try await log.thin(before: cutoff, now: now)
            // The run's own row is the newest: it says what went, and the chain goes on from the anchor.
            try await log.append(
                AuditEntry(
                    at: now,
                    by: nil,
                    action: .retentionRun,
                    objectType: "retention",
                    objectID: "records=\(summary.recordTotal),audit=\(removed)"
                )
            )
            return removed
        }
        return report
    }

    struct Due: Sendable {
        let id: ParticipantID
        let unit: UnitID
    }

    /// The association's records whose journey ended before the period and are not thinned yet.
    static func due(in association: AssociationID, _ periods: RetentionPeriods, today: Day, _ db: any SQLDatabase) async throws -> [Due] {
        let latestEnd = Day(Calendar.swedish.date(byAdding: .month, value: -periods.recordMonths, to: today.date)!)
        return try await db.select().columns("id", "unit_id").from("participants")
            .where("association_id", .equal, association.rawValue)
            .where(SQLColumn("ended_on"), .isNot, SQLLiteral.null)
            .where("ended_on", .lessThanOrEqual, latestEnd.description)
            .where(SQLColumn("thinned_on"), .is, SQLLiteral.null)
            .orderBy("id").all().map { row in Due(id: try row.id("id"), unit: try row.id("unit_id")) }
    }

    /// Removes one record's identity and free text (see the type's documentation), keeping its facts.
    static func thin(_ participant: Due, on today: Day, keyring: FieldKeyring, _ db: any SQLDatabase) async throws {
        let id = participant.id.rawValue
        try await db.update("participants").set("pnr_lookup", to: SQLBind("")).set("reason_sealed", to: SQLLiteral.null)
            .set("thinned_on", to: SQLBind(today.description)).where("id", .equal, id).run()
        try await SealedColumns(keyring, table: "participants").fill(
            db,
            id: id,
            [("name", ""), ("phone", ""), ("email", ""), ("referrer_name", ""), ("pnr_sealed", "")]
        )
        try await db.delete(from: "participant_name_prefixes").where("participant_id", .equal, id).run()
        try await db.delete(from: "watch_list").where("participant_id", .equal, id).run()
        try await db.update("journey_steps").set("reason_sealed", to: SQLLiteral.null).set("withdrawal_reason_sealed", to: SQLLiteral.null)
            .where("participant_id", .equal, id).run()
        for meeting in try await ids(of: "meetings", participant: id, db) {
            try await db.update("meetings").set("notes_sealed", to: SQLLiteral.null).set("decisions_sealed", to: SQLLiteral.null)
                .set("place_sealed", to: SQLLiteral.null).where("id", .equal, meeting).run()
            try await db.update("meeting_changes").set("previous_place_sealed", to: SQLLiteral.null).set(
                "reason_sealed",
                to: SQLLiteral.null
            )
            .where("meeting_id", .equal, meeting).run()
            try await SealedColumns(keyring, table: "meetings").fill(db, id: meeting, [("attendees", "")])
        }
        for intervention in try await ids(of: "interventions", participant: id, db) {
            try await db.update("interventions").set("employer_name", to: SQLLiteral.null).where("id", .equal, intervention).run()
            try await SealedColumns(keyring, table: "interventions").fill(db, id: intervention, [("title", "")])
            try await db.update("intervention_changes").set("reason_sealed", to: SQLLiteral.null)
                .where("intervention_id", .equal, intervention).run()
        }
        // The notes beside "not met" say why, about the person: the answers themselves stay.
        try await db.update("eligibility_checks").set("note_sealed", to: SQLLiteral.null).where("participant_id", .equal, id).run()
        let goals = try await ids(of: "plan_goals", participant: id, db)
        for goal in goals {
            try await SealedColumns(keyring, table: "plan_goals").fill(db, id: goal, [("text_sealed", "")])
        }
        if !goals.isEmpty {
            for row in try await db.select().column("id").from("plan_steps").where("goal_id", .in, goals).all() {
                try await SealedColumns(keyring, table: "plan_steps").fill(
                    db,
                    id: try row.decode(column: "id", as: Int64.self),
                    [("text_sealed", "")]
                )
            }
        }
    }

    private static func ids(of table: String, participant: Int64, _ db: any SQLDatabase) async throws -> [Int64] {
        try await db.select().column("id").from(table).where("participant_id", .equal, participant).all().map {
            try $0.decode(column: "id", as: Int64.self)
        }
    }
}
