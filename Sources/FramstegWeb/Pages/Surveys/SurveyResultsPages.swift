import Foundation
import FramstegCore
import Hummingbird

/// Anonymous survey results for a unit, a municipality or the association over a period of
/// months: the share positive against the goal, each question's distribution by gender, every
/// count published through the cell key method, for everyone (`FigureAudience`). A group of
/// fewer than five responses gives no figures at all. The office also exports the counts as CSV
/// for the national systems; a printable summary is for the board. No route reads a single
/// response: `SurveyResultsService` reads the counts and audits each export.
struct SurveyResultsPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/surveys", .viewSurveyResults, .surveyScope) { request, context, principal, _ in
            try await show(request, context, principal, template: .surveyResults)
        }
        routes.get("/surveys/summary", .viewSurveyResults, .surveyScope) { request, context, principal, _ in
            try await show(request, context, principal, template: .surveySummary)
        }
        routes.get("/surveys/export.csv", .exportSurveyResults, .surveyScope) { request, context, principal, _ in
            try await export(request, context, principal)
        }
    }

    /// The results page or the printable summary; a query with problems comes back as typed.
    private func show(_ request: Request, _ context: AppRequestContext, _ principal: Principal, template: Template) async throws -> Response
    {
        let filter = try await filter(request, context, principal)
        guard let query = filter.query else {
            return render(template, SurveyResultsPage(filter, language: context.language), context, status: .unprocessableContent)
        }
        let (results, coverage) = try await site.services.surveyResults.results(query, for: principal)
        let page = SurveyResultsPage(
            filter,
            shown: (query, results, coverage),
            canExport: Policy.roles(for: .exportSurveyResults).contains(principal.role),
            language: context.language
        )
        return render(template, page, context)
    }

    /// The counts as CSV, audited; too few responses (or a query with problems) shows the page instead.
    private func export(_ request: Request, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let language = context.language
        let filter = try await filter(request, context, principal)
        guard let query = filter.query else {
            return render(.surveyResults, SurveyResultsPage(filter, language: language), context, status: .unprocessableContent)
        }
        let (results, coverage) = try await site.services.surveyResults.results(query, for: principal)
        guard results.isShown else {
            let page = SurveyResultsPage(filter, shown: (query, results, coverage), canExport: false, language: language)
            return render(.surveyResults, page, context, status: .unprocessableContent)
        }
        try await site.services.surveyResults.recordExport(query, by: principal)
        let name = "\(query.instrument.id)-\(query.scope.value)-\(Quarter(query.period.first))-\(Quarter(query.period.last)).csv"
        return FigureFormat.csv(SurveyResultsCSV.text(results, query, language: language), name: name)
    }

    private func filter(_ request: Request, _ context: AppRequestContext, _ principal: Principal) async throws -> SurveyResultsFilter {
        SurveyResultsFilter(
            request,
            surveys: site.services.surveyResults.surveys(of: principal.associationID),
            scopes: try await site.services.surveyResults.scopes(for: principal),
            today: Month(Day(site.now())),
            language: context.language
        )
    }

    private func render(
        _ template: Template,
        _ page: SurveyResultsPage,
        _ context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    )
        -> Response
    {
        site.renderer.page(template, title: .key("surveyResultsTitle"), model: page, context: context, status: status)
    }
}
