import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// The association's audit log, newest first, with the state of the whole hash chain.
struct AuditLogPages {
    let site: Site
    /// How many of the newest rows a page view re-checks; the command checks all of them.
    static let checkedRows = 1000

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/audit", .readAuditLog, .association) { request, context, principal, _ in
            let (records, verdict, users) = try await site.store.read { db in
                (
                    try await AuditLog(db).recent(associationID: principal.associationID, limit: 200),
                    try await AuditLog(db).verifyRecent(rows: AuditLogPages.checkedRows),
                    try await UserRepository(db).users(of: principal.associationID)
                )
            }
            let names = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.name) })
            let formatter = ISO8601DateFormatter()
            let rows = records.map { record -> [String: String] in
                let entry = record.entry
                return [
                    "sequence": String(record.sequence),
                    "time": formatter.string(from: Date(timeIntervalSince1970: TimeInterval(entry.occurredAt))),
                    "user": entry.userID.map { names[$0] ?? "#\($0)" } ?? "–",
                    "role": entry.role?.label(context.language) ?? "–",
                    "action": entry.action,
                    "object": [entry.objectType, entry.objectID].compactMap { $0 }.joined(separator: " "),
                    "result": entry.result.rawValue,
                ]
            }
            var data: [String: Any] = ["records": rows]
            switch verdict {
            case .intact(let count): data["intact"] = ["rows": count]
            case .broken(let sequence, _): data["brokenAt"] = String(sequence)
            }
            try await site.audit(AuditEntry(at: site.now(), by: principal, action: .auditRead, objectType: "audit_log"))
            return site.renderer.page(.adminAudit, title: .key("auditLog"), model: data, context: context)
        }
    }
}
