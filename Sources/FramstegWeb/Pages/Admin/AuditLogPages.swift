import Foundation
import FramstegCore
import Hummingbird

/// The association's audit log, newest first, with the state of the whole hash chain.
struct AuditLogPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/audit", .readAuditLog, .association) { _, context, principal, _ in
            let recent = try await site.services.auditLog.recent(for: principal)
            return site.renderer.page(
                .adminAudit,
                title: .key("auditLog"),
                model: AuditLogPage(recent, language: context.language),
                context: context
            )
        }
    }
}

/// The audit log page: one row per record, and either how many rows were checked intact or the
/// first broken one.
struct AuditLogPage: Sendable {
    struct Row: Sendable {
        let sequence: String
        let time: String
        let user: String
        let role: String
        let action: String
        let object: String
        let unit: String
        let result: String
        let address: String
    }

    struct Intact: Sendable {
        let rows: Int
    }

    let records: [Row]
    let intact: Intact?
    let brokenAt: String?

    init(_ recent: AuditLogService.Recent, language: Language) {
        let formatter = ISO8601DateFormatter()
        records = recent.records.map { record in
            let entry = record.entry
            return Row(
                sequence: String(record.sequence),
                time: formatter.string(from: Date(timeIntervalSince1970: TimeInterval(entry.occurredAt))),
                user: entry.userID.map { recent.userNames[$0] ?? "#\($0)" } ?? "–",
                role: entry.role?.label(language) ?? "–",
                action: entry.action,
                object: [entry.objectType, entry.objectID].compactMap { $0 }.joined(separator: " "),
                unit: entry.unitID.map { recent.unitNames[$0] ?? "#\($0)" } ?? "–",
                result: entry.result.rawValue,
                address: entry.sourceAddress ?? "–"
            )
        }
        switch recent.verdict {
        case .intact(let count):
            intact = Intact(rows: count)
            brokenAt = nil
        case .broken(let sequence, _):
            intact = nil
            brokenAt = String(sequence)
        }
    }
}
