import Foundation
import FramstegCore
import Hummingbird

/// The unit's and the association's dashboards: for a chosen period, each figure as a chart with
/// its table under it, split by gender, published for the reader (`FigureAudience`: exact for a
/// unit's own staff, through the cell key method for everyone else). The office sees
/// the association (or one municipality) and prints the board's annual report; a unit's staff see
/// their unit. What a dashboard reads comes from `FollowUpService`; exports (`DashboardExports`)
/// are a right of their own, and the service writes each one's audit row.
struct FollowUpPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/office/dashboard", .viewAssociationOverview, .association) { request, context, principal, _ in
            try await dashboard(request, context, principal, scope: try await associationScope(request, principal))
        }
        routes.get("/office/report", .viewAssociationOverview, .association) { request, context, principal, _ in
            try await dashboard(request, context, principal, scope: try await associationScope(request, principal), report: true)
        }
        routes.get("/units/:unit/dashboard", .viewUnit, .unit) { request, context, principal, unit in
            try await dashboard(request, context, principal, scope: .unit(unit))
        }
        routes.get("/office/dashboard/export.csv", .exportFigures, .association) { request, context, principal, _ in
            try await export(request, context, principal, scope: try await associationScope(request, principal))
        }
        routes.get("/units/:unit/dashboard/export.csv", .exportFigures, .unit) { request, context, principal, unit in
            try await export(request, context, principal, scope: .unit(unit))
        }
        routes.get("/office/dashboard/export.xlsx", .exportFigures, .association) { request, context, principal, _ in
            try await export(request, context, principal, scope: try await associationScope(request, principal), format: .xlsx)
        }
        routes.get("/units/:unit/dashboard/export.xlsx", .exportFigures, .unit) { request, context, principal, unit in
            try await export(request, context, principal, scope: .unit(unit), format: .xlsx)
        }
        routes.get("/office/finsam.csv", .exportFigures, .association) { request, context, principal, _ in
            try await finsam(request, context, principal)
        }
    }

    /// The municipality the query names (404 for one of another association), or the whole association.
    private func associationScope(_ request: Request, _ principal: Principal) async throws -> DashboardScope {
        guard let text = request.uri.queryParameters["municipality"], !text.isEmpty else { return .association(municipality: nil) }
        guard let id = MunicipalityID(parsing: String(text)),
            let municipality = try await site.services.followUp.municipality(id, in: principal.associationID)
        else { throw WebError.notFound }
        return .association(municipality: municipality)
    }

    /// The dashboard, or with `report` the board's printable report: the annual report, or the
    /// interim report of a half-year, of the association or one municipality, opening with a cover
    /// and the goal summary (each goal in force, its result, met or on track), then every figure.
    func dashboard(
        _ request: Request,
        _ context: AppRequestContext,
        _ principal: Principal,
        scope: DashboardScope,
        report: Bool = false
    ) async throws -> Response {
        let language = context.language
        let today = Day(site.now())
        let choice = DashboardPeriod(
            request,
            today: today,
            language: language,
            kinds: report ? [.year, .halfYear] : ReportingPeriod.Kind.allCases
        )
        var municipalities: [Municipality] = []
        if case .association = scope { municipalities = try await site.services.followUp.municipalities(of: principal.associationID) }
        var page = DashboardPage(scope: scope, choice: choice, report: report, municipalities: municipalities, language: language)
        if report {
            let association = try await site.services.organisation.association(principal.associationID)
            page.cover(association: association?.name ?? "", printedOn: today, language: language)
        }
        let publication = FollowUpService.publication(scope, for: principal)
        page.lead = Texts.text(publication.isExact ? "dashboardLeadExact" : "dashboardLead", language)
        let finsam = FigureAudience.publication(for: principal, of: .nationalDelivery(.finsam))
        page.finsamNote = Texts.text(finsam.isExact ? "finsamExact" : "finsamPerturbed", language)
        guard let period = choice.period else { return render(page, context, status: .unprocessableContent) }
        let data = try await site.services.followUp.dashboard(scope, for: principal, period: period)
        page.period(period, canExport: Policy.roles(for: .exportFigures).contains(principal.role), query: choice.query(scope))
        switch DashboardPage.content(period, data, language: language) {
        case .explanation(let text): page.explanation = text
        case .figures(let figures):
            page.figures = DashboardTables(figures: figures, data: data, language: language).all(split: choice.split)
            page.places = AnnualReport.places(period, data, figures)
            if report {
                let survey = try await site.services.followUp.exitSurveyResults(
                    for: principal,
                    units: data.units.map(\.id),
                    period: period
                )
                page.goals = AnnualReport.goals(figures, period, data, exitSurvey: survey, today: today, language: language)
                page.costs = AnnualReport.costs(period, data, figures, language: language)
            }
        }
        return render(page, context)
    }

    func render(_ page: DashboardPage, _ context: AppRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        let title: PageTitle = page.isReport ? .text(page.reportTitle + " – " + page.scopeTitle) : .key("dashboardTitle")
        return site.renderer.page(.dashboard, title: title, model: page, context: context, status: status)
    }
}
