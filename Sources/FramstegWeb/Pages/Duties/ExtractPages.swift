import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// What a person may ask for about themselves: the log extract (who read or changed their data,
/// loggutdrag) and the register extract (everything held, GDPR article 15), each printable and as
/// a file. Made by the admin, a right of its own (`makePersonalDataExtract`), always by POST so the
/// personal identity number stays out of addresses, and each one audited.
struct ExtractPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/extracts", .makePersonalDataExtract, .association) { _, context, _, _ in
            page(ExtractFormPage(log: FormState(), register: FormState(), today: Day(site.now()), language: context.language), context)
        }
        routes.post("/admin/extracts/log", .makePersonalDataExtract, .association) { _, context, principal, _ in
            try await logExtract(context, principal, asCSV: context.form["format"] == "csv")
        }
        routes.post("/admin/extracts/register", .makePersonalDataExtract, .association) { _, context, principal, _ in
            let typed = context.form["personalIdentityNumber"]
            do {
                let contents = try await site.services.registerExtract.extract(numbered: typed, by: principal)
                let extract = RegisterExtract(contents, language: context.language)
                if context.form["format"] == "json" {
                    return Response(
                        status: .ok,
                        headers: [
                            .contentType: "application/json; charset=utf-8",
                            .contentDisposition: "attachment; filename=\"registerutdrag.json\"",
                        ],
                        body: .init(byteBuffer: ByteBuffer(bytes: try extract.json()))
                    )
                }
                return site.renderer.page(.registerExtract, title: .key("registerExtract"), model: extract, context: context)
            } catch let failure as ValidationFailure {
                let form = FormState(values: ["personalIdentityNumber": typed], errors: failure.messages(context.language))
                return page(ExtractFormPage(log: FormState(), register: form, today: Day(site.now()), language: context.language), context)
            }
        }
    }

    private func logExtract(_ context: AppRequestContext, _ principal: Principal, asCSV: Bool) async throws -> Response {
        let language = context.language
        let typed = [
            "personalIdentityNumber": context.form["personalIdentityNumber"], "from": context.form["from"],
            "through": context.form["through"],
        ]
        let today = Day(site.now())
        // Empty is the last year; anything else must be a day, or the service says which is not.
        let from = typed["from"]!.trimmed.isEmpty ? today.adding(days: -365) : Day(typed["from"]!)
        let through = typed["through"]!.trimmed.isEmpty ? today : Day(typed["through"]!)
        do {
            let extract = try await site.services.logReview.logExtract(
                numbered: typed["personalIdentityNumber"]!,
                from: from,
                through: through,
                by: principal
            )
            let model = LogExtractPage(extract, language: language)
            if asCSV {
                return FigureFormat.csv(
                    SwedishCSV.write([AuditRowView.csvHeader(language)] + model.rows.map(\.csvFields)),
                    name: "loggutdrag.csv"
                )
            }
            return site.renderer.page(.logExtract, title: .key("logExtract"), model: model, context: context)
        } catch let failure as ValidationFailure {
            let form = FormState(values: typed, errors: failure.messages(language))
            return page(ExtractFormPage(log: form, register: FormState(), today: Day(site.now()), language: language), context)
        }
    }

    private func page(_ model: ExtractFormPage, _ context: AppRequestContext) -> Response {
        site.renderer.page(
            .adminExtracts,
            title: .key("extracts"),
            model: model,
            context: context,
            status: model.hasErrors ? .unprocessableContent : .ok
        )
    }
}

/// The two forms: a log extract for a person and a period, a register extract for a person.
struct ExtractFormPage: Sendable {
    let logNumber: FieldView
    let fromField: FieldView
    let throughField: FieldView
    let registerNumber: FieldView
    let hasErrors: Bool
    let logErrors: [String]
    let registerErrors: [String]

    init(log: FormState, register: FormState, today: Day, language: Language) {
        let t = { (key: String) in Texts.text(key, language) }
        logNumber = FieldView(
            id: "log-number",
            name: "personalIdentityNumber",
            label: t("personalIdentityNumber"),
            value: log.values["personalIdentityNumber"] ?? "",
            inputMode: "numeric",
            error: log.errors["personalIdentityNumber"]
        )
        fromField = FieldView(
            id: "from",
            label: t("dayFrom"),
            value: log.values["from"].flatMap { $0.isEmpty ? nil : $0 } ?? today.adding(days: -365).description,
            type: "date",
            error: log.errors["from"]
        )
        throughField = FieldView(
            id: "through",
            label: t("dayThrough"),
            value: log.values["through"].flatMap { $0.isEmpty ? nil : $0 } ?? today.description,
            type: "date",
            error: log.errors["through"]
        )
        registerNumber = FieldView(
            id: "register-number",
            name: "personalIdentityNumber",
            label: t("personalIdentityNumber"),
            value: register.values["personalIdentityNumber"] ?? "",
            inputMode: "numeric",
            error: register.errors["personalIdentityNumber"]
        )
        hasErrors = log.hasErrors || register.hasErrors
        logErrors = [logNumber, fromField, throughField].compactMap(\.error)
        registerErrors = [registerNumber.error].compactMap { $0 }
    }
}

/// The log extract as the person reads it: who (name, role, unit) read or changed what, and when.
struct LogExtractPage: Sendable {
    let name: String
    let period: String
    let madeAt: String
    let rows: [AuditRowView]
    let isEmpty: Bool

    init(_ extract: LogReviewService.LogExtract, language: Language) {
        name = extract.participant.name
        period = "\(extract.from) – \(extract.through)"
        madeAt = StockholmTime.minute(extract.madeAt)
        rows = extract.records.map { AuditRowView($0, names: extract.names, language: language) }
        isEmpty = rows.isEmpty
    }
}
