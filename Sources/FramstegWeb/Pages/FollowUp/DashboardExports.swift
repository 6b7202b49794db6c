import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// The dashboards' exports: any table as CSV or XLSX, and the Uppföljning Finsam counts per unit.
/// Each export is written to the audit log.
extension FollowUpPages {
    enum ExportFormat: String { case csv, xlsx }

    func export(
        _ request: Request,
        _ context: AppRequestContext,
        _ principal: Principal,
        scope: Scope,
        format: ExportFormat = .csv
    ) async throws -> Response {
        let language = context.language
        let key = request.uri.queryParameters["table"].map(String.init) ?? "flow"
        let (period, form) = Self.period(request, today: Day(site.now()), language: language)
        guard let period else { return try await dashboard(request, context, principal, scope: scope) }
        let loaded = try await load(scope, principal, period: period)
        let figures = loaded.figures(period)
        guard let table = figureTables(figures, loaded, split: Self.split(form), language: language).first(where: { $0.key == key }) else {
            throw WebError.notFound
        }
        let rows = table.exportRows
        let scopeName: String =
            switch scope {
            case .association(let municipality): municipality.map { "municipality-\($0.id)" } ?? "association"
            case .unit(let unit): "unit-\(unit.id)"
            }
        try await site.audit(
            AuditEntry(
                at: site.now(),
                by: principal,
                action: .figuresExport,
                objectType: "figures",
                objectID: "\(key) \(scopeName) \(period.label) \(format.rawValue)"
            )
        )
        let name = "\(key)-\(scopeName)-\(period.first)-\(period.last)"
        switch format {
        case .csv: return FigureFormat.csv(SwedishCSV.write(rows), name: name + ".csv")
        case .xlsx:
            return FigureFormat.xlsx(XLSXWorkbook(sheetName: table.title, rows: rows), name: name + ".xlsx")
        }
    }

    /// Uppföljning Finsam: referrals received and cases started, by gender, per unit.
    func finsam(_ request: Request, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let language = context.language
        let (period, _) = Self.period(request, today: Day(site.now()), language: language)
        guard let period else { return try await dashboard(request, context, principal, scope: .association(municipality: nil)) }
        let loaded = try await load(.association(municipality: nil), principal, period: period)
        var rows = [
            [
                Texts.text("unit", language), Texts.text("period", language),
                Texts.text("figureRow.referrals", language) + " " + Texts.text("genderGroup.woman", language),
                Texts.text("figureRow.referrals", language) + " " + Texts.text("genderGroup.man", language),
                Texts.text("figureRow.referrals", language) + " " + Texts.text("genderGroup.other", language),
                Texts.text("figureRow.referrals", language),
                Texts.text("figureRow.started", language) + " " + Texts.text("genderGroup.woman", language),
                Texts.text("figureRow.started", language) + " " + Texts.text("genderGroup.man", language),
                Texts.text("figureRow.started", language) + " " + Texts.text("genderGroup.other", language),
                Texts.text("figureRow.started", language),
            ]
        ]
        // Protected together with the association's dashboards, so the units' counts and the whole's give nothing away.
        let flows = loaded.figures(period).unitFlows
        for unit in loaded.units {
            let flow = flows[unit.id]
            rows.append(
                [unit.name, period.label]
                    + (0..<2).flatMap { row in
                        (0..<3).map { FigureFormat.count(flow == nil ? 0 : flow!.cell(row, $0)) } + [
                            FigureFormat.count(flow == nil ? 0 : flow!.rowTotal(row))
                        ]
                    }
            )
        }
        try await site.audit(
            AuditEntry(
                at: site.now(),
                by: principal,
                action: .figuresExport,
                objectType: "figures",
                objectID: "finsam association \(period.label)"
            )
        )
        return FigureFormat.csv(SwedishCSV.write(rows), name: "finsam-\(period.first)-\(period.last).csv")
    }
}
