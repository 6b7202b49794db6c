import Foundation
import FramstegCore
import SQLKit

/// Reading the audit log for its reviews and extracts: searching it, everything about one person,
/// the reads a review samples. Times are compared in Swedish days.
extension AuditLog {
    /// The events that read a person's record (what a log review samples).
    public static let readActions = [
        "participant.read", "participant.meetings.read", "participant.interventions.read", "participant.exit-document",
        "participant.referrer-summary", "participant.register-extract",
    ]

    /// One page of the association's rows matching `filter`, newest first; `hasMore` when there are older ones.
    public func search(
        _ filter: AuditFilter,
        in association: AssociationID,
        offset: Int,
        limit: Int
    ) async throws -> (
        records: [AuditRecord], hasMore: Bool
    ) {
        var query = db.select().columns(Self.columns).from("audit_log").where("association_id", .equal, association.rawValue)
        if let user = filter.userID { query = query.where("user_id", .equal, user.rawValue) }
        if let unit = filter.unitID { query = query.where("unit_id", .equal, unit.rawValue) }
        if let action = filter.action?.trimmed, !action.isEmpty {
            query = query.where(SQLBinaryExpression(SQLColumn("action"), .like, SQLBind(Self.escapedForLike(action) + "%")))
        }
        if let participant = filter.participantID { query = Self.about(participant, query) }
        query = Self.within(from: filter.from, through: filter.through, query)
        let rows = try await query.orderBy("sequence", .descending).offset(offset).limit(limit + 1).all().map(Self.record(from:))
        return (Array(rows.prefix(limit)), rows.count > limit)
    }

    /// Every row about `participant` in the period, oldest first: what was read or changed in their
    /// record, and the searches that listed them.
    public func about(_ participant: ParticipantID, from: Day?, through: Day?) async throws -> [AuditRecord] {
        let query = Self.within(from: from, through: through, Self.about(participant, db.select().columns(Self.columns).from("audit_log")))
        return try await query.orderBy("sequence").all().map(Self.record(from:))
    }

    /// The reads of records in the association in the period, each with whose record it was.
    public func reads(in association: AssociationID, from: Day, through: Day) async throws -> [LogSample.Read] {
        let query = Self.within(
            from: from,
            through: through,
            db.select().columns("sequence", "object_id").from("audit_log").where("association_id", .equal, association.rawValue)
                .where("object_type", .equal, "participant").where("action", .in, Self.readActions)
        )
        return try await query.orderBy("sequence").all().compactMap { row in
            guard let id = try row.decode(column: "object_id", as: String?.self).flatMap(Int64.init) else { return nil }
            return LogSample.Read(sequence: try row.decode(column: "sequence", as: Int64.self), participant: ParticipantID(id))
        }
    }

    /// The rows with these sequence numbers that belong to the association, in log order.
    public func records(_ sequences: [Int64], in association: AssociationID) async throws -> [AuditRecord] {
        guard !sequences.isEmpty else { return [] }
        return try await db.select().columns(Self.columns).from("audit_log").where("association_id", .equal, association.rawValue)
            .where("sequence", .in, sequences).orderBy("sequence").all().map(Self.record(from:))
    }

    /// Rows naming the participant as their object, or a search that listed them among others.
    static func about(_ participant: ParticipantID, _ query: SQLSelectBuilder) -> SQLSelectBuilder {
        let id = participant.description
        return query.where { group in
            group.where("object_type", .equal, "participant").where("object_id", .equal, id)
                .orWhere { listed in
                    listed.where("object_type", .equal, "participants")
                        .where(
                            SQLBinaryExpression(
                                SQLRaw("(',' || object_id || ',')"),
                                .like,
                                SQLBind("%,\(id),%")
                            )
                        )
                }
        }
    }

    /// Rows from the start of `from` to the end of `through`, Swedish time.
    static func within(from: Day?, through: Day?, _ query: SQLSelectBuilder) -> SQLSelectBuilder {
        var query = query
        if let from { query = query.where("occurred_at", .greaterThanOrEqual, Self.start(of: from)) }
        if let through { query = query.where("occurred_at", .lessThan, Self.start(of: through.adding(days: 1))) }
        return query
    }

    static func start(of day: Day) -> Int64 { Int64(Calendar.swedish.startOfDay(for: day.date).timeIntervalSince1970) }

    static func escapedForLike(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
    }
}

extension AuditLog {
    /// Each user's newest successful sign-in in the association, as the log holds it.
    public func lastSignIns(in association: AssociationID) async throws -> [UserID: Date] {
        var last: [UserID: Date] = [:]
        for row in try await db.select().column("user_id").column(SQLFunction("MAX", args: SQLColumn("occurred_at")), as: "latest")
            .from("audit_log").where("association_id", .equal, association.rawValue)
            .where("action", .in, ["sign-in", "sign-in.identity-provider"]).where("result", .equal, AuditResult.success.rawValue)
            .where(SQLColumn("user_id"), .isNot, SQLLiteral.null).groupBy("user_id").all()
        {
            last[try row.id("user_id")] = Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "latest", as: Int64.self)))
        }
        return last
    }
}
