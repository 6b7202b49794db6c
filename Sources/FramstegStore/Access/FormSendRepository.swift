import Foundation
import SQLKit

/// The one-time tokens of sent forms: the first send of a token claims it, every later one finds
/// it taken. Tokens older than two days are dropped as new ones come in.
public struct FormSendRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// How long a claimed token is remembered: longer than any page stays open.
    public static let memory: TimeInterval = 2 * 24 * 60 * 60

    /// True for the first send of the token (hash), false when it was sent before.
    public func claim(_ tokenHash: String, now: Date) async throws -> Bool {
        try await db.delete(from: "form_sends").where(
            "sent_at",
            .lessThan,
            Int64(now.addingTimeInterval(-Self.memory).timeIntervalSince1970)
        )
        .run()
        let claimed = try await db.insert(into: "form_sends").columns("token_hash", "sent_at")
            .values(SQLBind(tokenHash), SQLBind(Int64(now.timeIntervalSince1970)))
            .ignoringConflicts(with: "token_hash")
            .returning("token_hash").all()
        return !claimed.isEmpty
    }
}
