import Foundation
import FramstegCore
import Hummingbird

/// The dashboards' exports: any table as CSV or XLSX, and the Uppföljning Finsam counts per unit.
/// They read the same figures as the page, published the same way, and `FollowUpService` audits each one.
extension FollowUpPages {
    enum ExportFormat: String { case csv, xlsx }

    /// One table of the dashboard as the page shows it; a period with problems shows the page instead.
    func export(
        _ request: Request,
        _ context: AppRequestContext,
        _ principal: Principal,
        scope: DashboardScope,
        format: ExportFormat = .csv
    ) async throws -> Response {
        let key = request.uri.queryParameters["table"].map(String.init) ?? "flow"
        let choice = DashboardPeriod(request, today: Day(site.now()), language: context.language)
        guard let period = choice.period else { return try await dashboard(request, context, principal, scope: scope) }
        let data = try await site.services.followUp.dashboard(scope, for: principal, period: period)
        let tables = DashboardTables(figures: data.figures(period), data: data, language: context.language)
        guard let table = tables.all(split: choice.split).first(where: { $0.key == key }) else { throw WebError.notFound }
        try await site.services.followUp.recordTableExport(key, of: scope, period: period, format: format.rawValue, by: principal)
        let name = "\(key)-\(scope.exportName)-\(period.first)-\(period.last)"
        switch format {
        case .csv: return FigureFormat.csv(SwedishCSV.write(table.exportRows), name: name + ".csv")
        case .xlsx: return FigureFormat.xlsx(XLSXWorkbook(sheetName: table.title, rows: table.exportRows), name: name + ".xlsx")
        }
    }

    /// Uppföljning Finsam: referrals received, cases started and participants active, by gender, per
    /// unit; exact for an office user holding the delivery's right (`FollowUpService.finsam`).
    func finsam(_ request: Request, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let scope = DashboardScope.association(municipality: nil)
        guard let period = DashboardPeriod(request, today: Day(site.now()), language: context.language).period else {
            return try await dashboard(request, context, principal, scope: scope)
        }
        let data = try await site.services.followUp.finsam(for: principal, period: period)
        let rows = Self.finsamRows(data, period, language: context.language)
        try await site.services.followUp.recordFinsamExport(period: period, publication: data.publication, by: principal)
        return FigureFormat.csv(SwedishCSV.write(rows), name: "finsam-\(period.first)-\(period.last).csv")
    }

    /// A header, then each unit's referrals, starts and active participants for women, men, another and in all.
    static func finsamRows(_ data: DashboardData, _ period: ReportingPeriod, language: Language) -> [[String]] {
        func counted(_ row: String) -> [String] {
            let name = Texts.text("figureRow." + row, language)
            return ["woman", "man", "other"].map { name + " " + Texts.text("genderGroup." + $0, language) } + [name]
        }
        let header: [String] =
            [Texts.text("unit", language), Texts.text("reportingPeriod", language)] + counted("referrals") + counted("started")
            + counted("active")
        let flows = data.figures(period).unitFlows
        let units: [[String]] = data.units.map { unit in
            let flow = flows[unit.id]
            let counts: [String] = (0..<3).flatMap { row -> [String] in
                (0..<3).map { FigureFormat.count(flow == nil ? 0 : flow!.cell(row, $0)) } + [
                    FigureFormat.count(flow == nil ? 0 : flow!.rowTotal(row))
                ]
            }
            return [unit.name, period.label] + counts
        }
        return [header] + units
    }
}
