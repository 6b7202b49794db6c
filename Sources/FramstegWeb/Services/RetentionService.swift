import Foundation
import FramstegCore
import FramstegStore

/// The association's retention periods, set by its admin within the limits, and what a run would remove now.
struct RetentionService {
    let store: Store
    let keyring: FieldKeyring
    let now: @Sendable () -> Date

    func periods(of association: AssociationID) async throws -> RetentionPeriods {
        try await store.read { db in try await RetentionRepository(db).periods(of: association) }
    }

    /// Sets the periods as typed; a value outside the limits is refused with the limits named.
    func set(recordMonths: String, auditYears: String, by principal: Principal) async throws {
        let periods = try RetentionPeriods(recordMonths: recordMonths, auditYears: auditYears)
        let now = self.now()
        try await store.write { db in
            try await RetentionRepository(db).set(periods, of: principal.associationID, by: principal.userID, now: now)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .retentionSettings,
                    objectType: "association",
                    objectID: "records=\(periods.recordMonths)m,audit=\(periods.auditYears)y"
                )
            )
        }
    }

    /// What a run today would remove (a dry run: nothing changes).
    func due() async throws -> RetentionRun.Report {
        try await RetentionRun(store: store, keyring: keyring).run(now: now(), dryRun: true)
    }
}
