import Foundation
import FramstegCore
import SQLKit

/// Counts events per bucket and client (e.g. public registrations per address) for rate limits.
public struct RateLimitRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func record(bucket: String, clientKey: String, now: Date) async throws {
        try await db.insert(into: "rate_events").columns("bucket", "client_key", "occurred_at")
            .values(SQLBind(bucket), SQLBind(clientKey), SQLBind(now.storedSeconds)).run()
    }

    public func count(bucket: String, clientKey: String, since: Date) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("rate_events")
            .where("bucket", .equal, bucket).where("client_key", .equal, clientKey)
            .where("occurred_at", .greaterThan, since.storedSeconds)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func deleteOlder(than date: Date, bucket: String) async throws {
        try await db.delete(from: "rate_events").where("bucket", .equal, bucket).where("occurred_at", .lessThan, date.storedSeconds).run()
    }
}
