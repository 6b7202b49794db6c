import FramstegCore
import Hummingbird

/// The association's member municipalities: list, add, rename, and each one's support contact.
struct MunicipalityAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/municipalities", .administerMunicipalities, .association) { _, context, principal, _ in
            try await page(context, principal)
        }
        routes.post("/admin/municipalities", .administerMunicipalities, .association) { _, context, principal, _ in
            let typed = context.form["name"]
            do {
                try await site.services.organisation.createMunicipality(named: typed, by: principal)
                return .redirect(to: "/admin/municipalities", notice: .saved)
            } catch let failure as ValidationFailure {
                let form = FormState(values: ["name": typed], errors: failure.messages(context.language))
                return try await page(context, principal, edit: MunicipalitiesPage.Edit(create: form))
            }
        }
        routes.post("/admin/municipalities/:municipality", .administerMunicipalities, .municipality) {
            _,
            context,
            principal,
            municipality in
            try await rename(municipality, context, principal)
        }
        routes.post("/admin/municipalities/:municipality/support-contact", .administerMunicipalities, .municipality) {
            _,
            context,
            principal,
            municipality in
            try await saveSupportContact(of: municipality, context, principal)
        }
    }

    private func rename(_ municipality: Municipality, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let typed = context.form["name"]
        do {
            try await site.services.organisation.renameMunicipality(municipality, to: typed, by: principal)
            return .redirect(to: "/admin/municipalities", notice: .saved)
        } catch let failure as ValidationFailure {
            let rename = MunicipalitiesPage.Typed(id: municipality.id, value: typed, error: failure.messages(context.language)["name"])
            return try await page(context, principal, edit: MunicipalitiesPage.Edit(rename: rename))
        }
    }

    private func saveSupportContact(
        of municipality: Municipality,
        _ context: AppRequestContext,
        _ principal: Principal
    ) async throws -> Response {
        let typed = context.form["contact"]
        do {
            try await site.services.organisation.setSupportContact(typed, of: municipality, by: principal)
            return .redirect(to: "/admin/municipalities", notice: .supportContactSaved)
        } catch let failure as ValidationFailure {
            let contact = MunicipalitiesPage.Typed(
                id: municipality.id,
                value: typed.trimmed,
                error: failure.messages(context.language)["contact"]
            )
            return try await page(context, principal, edit: MunicipalitiesPage.Edit(contact: contact))
        }
    }

    private func page(
        _ context: AppRequestContext,
        _ principal: Principal,
        edit: MunicipalitiesPage.Edit = .init()
    ) async throws -> Response {
        let municipalities = try await site.services.organisation.municipalities(of: principal.associationID)
        let model = MunicipalitiesPage(municipalities, edit: edit, language: context.language)
        let status: HTTPResponse.Status = model.hasErrors ? .unprocessableContent : .ok
        return site.renderer.page(.adminMunicipalities, title: .key("municipalities"), model: model, context: context, status: status)
    }
}

/// The municipalities page: each municipality with its rename field and support contact, and the
/// form to add one; a refused form shows what was typed there and why.
struct MunicipalitiesPage: Sendable {
    /// What was typed into one municipality's form, and its problem.
    struct Typed: Sendable {
        let id: MunicipalityID
        let value: String
        let error: String?
    }

    /// The form that was refused, if any.
    struct Edit: Sendable {
        var create = FormState()
        var rename: Typed?
        var contact: Typed?
    }

    struct Row: Sendable {
        let id: String
        let name: String
        let editValue: String
        let editError: String?
        let contact: String
        let contactError: String?
    }

    let municipalities: [Row]
    let hasErrors: Bool
    let nameField: FieldView

    init(_ municipalities: [OrganisationService.MunicipalityContact], edit: Edit, language: Language) {
        self.municipalities = municipalities.map { row in
            let municipality = row.municipality
            let rename = edit.rename?.id == municipality.id ? edit.rename : nil
            let contact = edit.contact?.id == municipality.id ? edit.contact : nil
            return Row(
                id: municipality.id.description,
                name: municipality.name,
                editValue: rename?.value ?? municipality.name,
                editError: rename?.error,
                contact: contact?.value ?? row.supportContact,
                contactError: contact?.error
            )
        }
        hasErrors = edit.create.hasErrors || edit.rename?.error != nil || edit.contact?.error != nil
        nameField = .withoutAutocomplete("name", in: edit.create, label: Texts.text("name", language))
    }
}
