import Foundation
import FramstegCore
import SQLKit

/// Failed sign-ins, counted per typed account name and per network address for throttling.
public struct SignInFailureRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func record(accountKey: String, address: String, now: Date) async throws {
        try await db.insert(into: "sign_in_failures").columns("account_key", "address", "occurred_at")
            .values(SQLBind(accountKey), SQLBind(address), SQLBind(now.storedSeconds)).run()
    }

    /// The failures since `since` for the account and from the address, and when the account's latest was.
    public func counts(accountKey: String, address: String, since: Date) async throws -> (account: Int, address: Int, latest: Date?) {
        let account = try await count(column: "account_key", value: accountKey, since: since)
        let fromAddress = try await count(column: "address", value: address, since: since)
        let latest = try await db.select().column(SQLFunction("MAX", args: SQLColumn("occurred_at")), as: "latest").from("sign_in_failures")
            .where("account_key", .equal, accountKey).where("occurred_at", .greaterThan, since.storedSeconds)
            .first()?.decode(column: "latest", as: Int64?.self)
        return (account, fromAddress, latest.map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }

    /// A successful sign-in clears the account's failures (not the address's).
    public func clear(accountKey: String) async throws {
        try await db.delete(from: "sign_in_failures").where("account_key", .equal, accountKey).run()
    }

    public func deleteOlder(than date: Date) async throws {
        try await db.delete(from: "sign_in_failures").where("occurred_at", .lessThan, date.storedSeconds).run()
    }

    private func count(column: String, value: String, since: Date) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sign_in_failures")
            .where(SQLColumn(column), .equal, SQLBind(value))
            .where("occurred_at", .greaterThan, since.storedSeconds)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
