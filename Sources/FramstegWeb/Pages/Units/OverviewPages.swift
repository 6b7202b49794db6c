import FramstegCore
import Hummingbird

/// The association office's home page and the units' own pages: the list of one's units with the
/// working view ("På tur"), and a unit's page. No individual appears on the office's page.
struct OverviewPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/office", .viewAssociationOverview, .association) { _, context, principal, _ in
            let office = try await site.services.overview.office(principal.associationID)
            let page = OfficeHomePage(office)
            return site.renderer.page(.officeHome, title: .text(page.association), model: page, context: context)
        }
        routes.get("/units", .viewUnit, .ownAccount) { _, context, principal, _ in
            let organisation = try await site.services.overview.organisation(of: principal.associationID)
            let workingView = try await site.services.overview.workingView(for: principal)
            let page = MyUnitsPage(organisation, workingView, principal: principal, language: context.language)
            return site.renderer.page(.myUnits, title: .key("myUnits"), model: page, context: context)
        }
        routes.get("/units/:unit", .viewUnit, .unit) { request, context, principal, unit in
            let overview = try await site.services.overview.unit(unit, by: principal)
            let query = ParticipantListQuery(
                show: request.query("show", otherwise: ""),
                counsellor: request.query("counsellor", otherwise: ""),
                sort: request.query("sort", otherwise: ""),
                page: request.query("page", otherwise: "")
            )
            let page = UnitPage(
                unit,
                overview,
                query: query,
                viewer: principal.userID,
                mayOpenRecords: principal.mayOpenRecords,
                language: context.language
            )
            return site.renderer.page(.unit, title: .text(unit.name), model: page, context: context)
        }
    }
}
