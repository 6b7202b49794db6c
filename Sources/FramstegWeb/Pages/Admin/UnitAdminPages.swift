import FramstegCore
import Hummingbird

/// Units of the association: list with budgeted places, add, change, set places per year and the
/// weeks between progression measurements.
struct UnitAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/units", .administerUnits, .association) { _, context, principal, _ in
            try await listPage(context, principal)
        }
        routes.post("/admin/units", .administerUnits, .association) { _, context, principal, _ in
            let draft = Self.draft(context.form)
            do {
                let created = try await site.services.organisation.createUnit(draft, by: principal)
                return .redirect(to: "/admin/units/\(created.id)", notice: .saved)
            } catch let failure as ValidationFailure {
                return try await listPage(context, principal, form: Self.typed(draft, failure, context.language))
            }
        }
        routes.get("/admin/units/:unit", .administerUnits, .unit) { _, context, _, unit in
            try await unitPage(context, unit, form: Self.stored(unit))
        }
        routes.post("/admin/units/:unit", .administerUnits, .unit) { _, context, principal, unit in
            let draft = Self.draft(context.form)
            do {
                try await site.services.organisation.updateUnit(unit, to: draft, by: principal)
                return .redirect(to: "/admin/units/\(unit.id)", notice: .saved)
            } catch let failure as ValidationFailure {
                return try await unitPage(context, unit, form: Self.typed(draft, failure, context.language))
            }
        }
        routes.post("/admin/units/:unit/schedule", .administerUnits, .unit) { _, context, principal, unit in
            try await saveSchedule(of: unit, context, principal)
        }
        routes.post("/admin/units/:unit/places", .administerUnits, .unit) { _, context, principal, unit in
            try await savePlaces(of: unit, context, principal)
        }
    }

    /// Weeks between the unit's progression measurements.
    private func saveSchedule(of unit: OrganisationUnit, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let typed = context.form["intervalWeeks"]
        do {
            try await site.services.organisation.setMeasurementInterval(typed, of: unit, by: principal)
            return .redirect(to: "/admin/units/\(unit.id)", notice: .scheduleSaved)
        } catch let failure as ValidationFailure {
            let schedule = FormState(values: ["intervalWeeks": typed.trimmed], errors: failure.messages(context.language))
            return try await unitPage(context, unit, form: Self.stored(unit), scheduleForm: schedule)
        }
    }

    private func savePlaces(of unit: OrganisationUnit, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let draft = PlacesDraft(year: context.form["year"], places: context.form["places"], budget: context.form["budget"])
        do {
            try await site.services.organisation.setPlaces(draft, of: unit, by: principal)
            return .redirect(to: "/admin/units/\(unit.id)", notice: .saved)
        } catch let failure as ValidationFailure {
            let places = FormState(
                values: ["year": draft.year, "places": draft.places, "budget": draft.budget],
                errors: failure.messages(context.language)
            )
            return try await unitPage(context, unit, form: Self.stored(unit), placesForm: places)
        }
    }

    static func draft(_ form: FormData) -> UnitDraft {
        UnitDraft(name: form["name"], municipalityID: form["municipality"])
    }

    /// The unit form as typed, with its problems.
    static func typed(_ draft: UnitDraft, _ failure: ValidationFailure, _ language: Language) -> FormState {
        FormState(values: ["name": draft.name, "municipality": draft.municipalityID], errors: failure.messages(language))
    }

    /// The unit form as the unit is stored.
    static func stored(_ unit: OrganisationUnit) -> FormState {
        FormState(values: ["name": unit.name, "municipality": unit.municipalityID.description])
    }

    private func listPage(_ context: AppRequestContext, _ principal: Principal, form: FormState = FormState()) async throws -> Response {
        let list = try await site.services.organisation.units(of: principal.associationID)
        return site.renderer.page(
            .adminUnits,
            title: .key("units"),
            model: UnitsPage(list, form: form, language: context.language),
            context: context,
            status: form.hasErrors ? .unprocessableContent : .ok
        )
    }

    private func unitPage(
        _ context: AppRequestContext,
        _ unit: OrganisationUnit,
        form: FormState,
        placesForm: FormState = FormState(),
        scheduleForm: FormState? = nil
    ) async throws -> Response {
        let details = try await site.services.organisation.details(of: unit)
        let forms = UnitAdminPage.Forms(unit: form, places: placesForm, schedule: scheduleForm)
        let model = UnitAdminPage(unit, details, forms: forms, language: context.language)
        let status: HTTPResponse.Status = forms.areAllAccepted ? .ok : .unprocessableContent
        return site.renderer.page(.adminUnit, title: .text(unit.name), model: model, context: context, status: status)
    }
}
