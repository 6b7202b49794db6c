import Foundation
import FramstegCore
import FramstegStore

/// Reading the association's audit log: the newest rows with the names of who acted, and the state
/// of the keyed hash chain (checked with the audit key the store carries). Reading it is itself audited.
struct AuditLogService {
    let store: Store
    let now: @Sendable () -> Date

    /// How many rows a page shows.
    static let shownRows = 200
    /// How many of the newest rows a page view re-checks; `framsteg audit verify` checks all of them.
    static let checkedRows = 1000

    /// The newest rows, newest first, with who acted by name, and whether the checked rows are intact.
    struct Recent: Sendable {
        let records: [AuditRecord]
        let verdict: AuditChain.Verdict
        let userNames: [UserID: String]
        let unitNames: [UnitID: String]
    }

    /// Reads the newest rows of `principal`'s association, then writes the row saying they did.
    func recent(for principal: Principal) async throws -> Recent {
        let recent = try await store.read { db in
            let log = AuditLog(db)
            return Recent(
                records: try await log.recent(associationID: principal.associationID, limit: Self.shownRows),
                verdict: try await log.verifyRecent(rows: Self.checkedRows),
                userNames: Dictionary(
                    uniqueKeysWithValues: try await UserRepository(db).users(of: principal.associationID).map { ($0.id, $0.name) }
                ),
                unitNames: Dictionary(
                    uniqueKeysWithValues: try await OrganisationRepository(db).units(of: principal.associationID).map { ($0.id, $0.name) }
                )
            )
        }
        let now = self.now()
        try await store.write { db in
            _ = try await AuditLog(db).append(AuditEntry(at: now, by: principal, action: .auditRead, objectType: "audit_log"))
        }
        return recent
    }
}
