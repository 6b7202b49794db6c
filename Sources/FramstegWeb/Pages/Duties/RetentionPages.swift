import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// The association's retention periods (gallring): set by the admin within the limits, with what a
/// run would remove today. `framsteg retention run` and the daily run inside `serve` do the removing.
struct RetentionPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/retention", .administerAssociation, .association) { _, context, principal, _ in
            let periods = try await site.services.retention.periods(of: principal.associationID)
            let form = FormState(values: ["recordMonths": String(periods.recordMonths), "auditYears": String(periods.auditYears)])
            return try await page(form, context, principal)
        }
        routes.post("/admin/retention", .administerAssociation, .association) { _, context, principal, _ in
            let typed = ["recordMonths": context.form["recordMonths"], "auditYears": context.form["auditYears"]]
            do {
                try await site.services.retention.set(recordMonths: typed["recordMonths"]!, auditYears: typed["auditYears"]!, by: principal)
                return .redirect(to: "/admin/retention", notice: .saved)
            } catch let failure as ValidationFailure {
                return try await page(FormState(values: typed, errors: failure.messages(context.language)), context, principal)
            }
        }
    }

    private func page(_ form: FormState, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let due = try await site.services.retention.due()
        let model = RetentionPage(form: form, due: due, association: principal.associationID, language: context.language)
        return site.renderer.page(
            .adminRetention,
            title: .key("retention"),
            model: model,
            context: context,
            status: form.hasErrors ? .unprocessableContent : .ok
        )
    }
}

/// The retention form with its limits, and what a run today would remove.
struct RetentionPage: Sendable {
    let recordField: FieldView
    let auditField: FieldView
    let hasErrors: Bool
    let errors: [String]
    let dueRecords: Int
    let dueAuditRows: Int

    init(form: FormState, due: RetentionRun.Report, association: AssociationID, language: Language) {
        let records = RetentionPeriods.recordMonthsRange
        let audit = RetentionPeriods.auditYearsRange
        recordField = FieldView(
            id: "recordMonths",
            label: Texts.text("retentionRecordMonths", language),
            value: form.values["recordMonths"] ?? "",
            inputMode: "numeric",
            help: Texts.text("retentionRecordMonthsHelp", language, ["min": "\(records.lowerBound)", "max": "\(records.upperBound)"]),
            error: form.errors["recordMonths"]
        )
        auditField = FieldView(
            id: "auditYears",
            label: Texts.text("retentionAuditYears", language),
            value: form.values["auditYears"] ?? "",
            inputMode: "numeric",
            help: Texts.text("retentionAuditYearsHelp", language, ["min": "\(audit.lowerBound)", "max": "\(audit.upperBound)"]),
            error: form.errors["auditYears"]
        )
        hasErrors = form.hasErrors
        errors = [recordField.error, auditField.error].compactMap { $0 }
        dueRecords = due.records[association] ?? 0
        dueAuditRows = due.auditRows
    }
}
