import FramstegCore
import SQLKit

/// What `framsteg restore --verify` proves of a restored database: its schema is current, its
/// audit chain recomputes under the key file, and the key file opens its sealed values.
public struct RestoreVerification: Sendable {
    /// Migrations this program knows that the copy lacks (a backup from an older version).
    public let pendingMigrations: [Int]
    public let audit: AuditChain.Verdict
    /// Nil when the key file opens the copy's values.
    public let keyProblem: String?
    public let participants: Int

    public var isIntact: Bool {
        guard pendingMigrations.isEmpty, keyProblem == nil, case .intact = audit else { return false }
        return true
    }

    /// Checks the database the store is open on (opened with the key file's audit key).
    public static func check(_ store: Store, keyring: FieldKeyring) async throws -> RestoreVerification {
        let pending = try await Migrator().pendingVersions(store)
        return try await store.read { db in
            let audit = try await AuditLog(db, key: keyring.auditKey).verify()
            var keyProblem: String?
            do { try await KeyCanary(keyring: keyring).check(db) } catch let failure as KeyCanary.Failure {
                keyProblem = failure.description
            }
            let participants = try await db.raw("SELECT COUNT(*) AS n FROM participants").first()?.decode(column: "n", as: Int.self) ?? 0
            return RestoreVerification(pendingMigrations: pending, audit: audit, keyProblem: keyProblem, participants: participants)
        }
    }
}
