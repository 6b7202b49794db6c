import Foundation
import FramstegCore
import SQLKit

/// A log review (loggkontroll) as recorded: who checked which rows of which period, and what they found.
public struct LogReview: Hashable, Sendable {
    public let id: Int64
    public let reviewer: UserID
    public let reviewedAt: Date
    public let from: Day
    public let through: Day
    /// The audit rows that were checked, in log order.
    public let checked: [Int64]
    public let conclusion: String
}

/// An access review (behörighetsgenomgång) as recorded: who went through the users, how many there were, the conclusion.
public struct AccessReview: Hashable, Sendable {
    public let id: Int64
    public let reviewer: UserID
    public let reviewedAt: Date
    public let userCount: Int
    public let conclusion: String
}

/// The association's records of its periodic checks, so it can show they were done. The
/// conclusions are sealed: they may name people.
public struct ReviewRepository: Sendable {
    let db: any SQLDatabase
    let keyring: FieldKeyring

    public init(_ db: any SQLDatabase, keyring: FieldKeyring) {
        self.db = db
        self.keyring = keyring
    }

    @discardableResult
    public func recordLogReview(
        in association: AssociationID,
        by reviewer: UserID,
        from: Day,
        through: Day,
        checked: [Int64],
        conclusion: String,
        now: Date
    ) async throws -> Int64 {
        let id = try await db.insertReturningID(
            db.insert(into: "log_reviews").columns(
                "association_id",
                "reviewer_id",
                "reviewed_at",
                "period_from",
                "period_through",
                "checked",
                "conclusion_sealed"
            ).values(
                SQLBind(association.rawValue),
                SQLBind(reviewer.rawValue),
                SQLBind(now.storedSeconds),
                SQLBind(from.description),
                SQLBind(through.description),
                SQLBind(checked.map(String.init).joined(separator: ",")),
                SQLBind("")
            )
        )
        try await SealedColumns(keyring, table: "log_reviews").fill(db, id: id, [("conclusion_sealed", conclusion)])
        return id
    }

    public func logReviews(in association: AssociationID) async throws -> [LogReview] {
        let sealed = SealedColumns(keyring, table: "log_reviews")
        return try await db.select().columns(
            "id",
            "reviewer_id",
            "reviewed_at",
            "period_from",
            "period_through",
            "checked",
            "conclusion_sealed"
        )
        .from("log_reviews").where("association_id", .equal, association.rawValue).orderBy("id", .descending).all().map { row in
            LogReview(
                id: try row.decode(column: "id", as: Int64.self),
                reviewer: try row.id("reviewer_id"),
                reviewedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "reviewed_at", as: Int64.self))),
                from: Day(try row.decode(column: "period_from", as: String.self)) ?? Day(Date(timeIntervalSince1970: 0)),
                through: Day(try row.decode(column: "period_through", as: String.self)) ?? Day(Date(timeIntervalSince1970: 0)),
                checked: try row.decode(column: "checked", as: String.self).split(separator: ",").compactMap { Int64($0) },
                conclusion: try sealed.open("conclusion_sealed", in: row) ?? ""
            )
        }
    }

    @discardableResult
    public func recordAccessReview(
        in association: AssociationID,
        by reviewer: UserID,
        userCount: Int,
        conclusion: String,
        now: Date
    )
        async throws -> Int64
    {
        let id = try await db.insertReturningID(
            db.insert(into: "access_reviews").columns("association_id", "reviewer_id", "reviewed_at", "user_count", "conclusion_sealed")
                .values(
                    SQLBind(association.rawValue),
                    SQLBind(reviewer.rawValue),
                    SQLBind(now.storedSeconds),
                    SQLBind(userCount),
                    SQLBind("")
                )
        )
        try await SealedColumns(keyring, table: "access_reviews").fill(db, id: id, [("conclusion_sealed", conclusion)])
        return id
    }

    public func accessReviews(in association: AssociationID) async throws -> [AccessReview] {
        let sealed = SealedColumns(keyring, table: "access_reviews")
        return try await db.select().columns("id", "reviewer_id", "reviewed_at", "user_count", "conclusion_sealed")
            .from("access_reviews").where("association_id", .equal, association.rawValue).orderBy("id", .descending).all().map { row in
                AccessReview(
                    id: try row.decode(column: "id", as: Int64.self),
                    reviewer: try row.id("reviewer_id"),
                    reviewedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "reviewed_at", as: Int64.self))),
                    userCount: try row.decode(column: "user_count", as: Int.self),
                    conclusion: try sealed.open("conclusion_sealed", in: row) ?? ""
                )
            }
    }
}
