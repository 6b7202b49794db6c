import FramstegCore
import Hummingbird

/// The admin's home and the association's own details.
struct AssociationAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin", .administerAssociation, .association) { _, context, principal, _ in
            guard let overview = try await site.services.organisation.overview(of: principal.associationID) else { throw WebError.notFound }
            return site.renderer.page(.adminHome, title: .key("administration"), model: AdminHomePage(overview), context: context)
        }
        routes.get("/admin/association", .administerAssociation, .association) { _, context, principal, _ in
            guard let association = try await site.services.organisation.association(principal.associationID) else {
                throw WebError.notFound
            }
            return try await page(
                context,
                principal,
                FormState(values: [
                    "name": association.name, "organisationNumber": association.organisationNumber,
                    "surveyShareReading": association.surveyShareReading.rawValue,
                ])
            )
        }
        routes.post("/admin/association/second-factor", .administerAssociation, .association) { _, context, principal, _ in
            try await site.services.secondFactor.setRequirement(context.form["requiresSecondFactor"] == "yes", by: principal)
            return .redirect(to: "/admin/association", notice: .saved, section: "second-factor")
        }
        routes.post("/admin/association", .administerAssociation, .association) { _, context, principal, _ in
            let values = [
                "name": context.form["name"], "organisationNumber": context.form["organisationNumber"],
                "surveyShareReading": context.form["surveyShareReading"],
            ]
            do {
                try await site.services.organisation.updateAssociation(
                    name: values["name", default: ""],
                    organisationNumber: values["organisationNumber", default: ""],
                    surveyShareReading: values["surveyShareReading", default: ""],
                    by: principal
                )
                return .redirect(to: "/admin/association", notice: .saved)
            } catch let failure as ValidationFailure {
                let form = FormState(values: values, errors: failure.messages(context.language))
                return try await page(context, principal, form, status: .unprocessableContent)
            }
        }
    }

    private func page(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ form: FormState,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let requires = try await site.services.secondFactor.requiresSecondFactor(principal.associationID)
        let model = AssociationPage(form: form, requiresSecondFactor: requires, language: context.language)
        return site.renderer.page(.adminAssociation, title: .key("associationDetails"), model: model, context: context, status: status)
    }
}

/// The admin's home: the association's name and how many municipalities, units and users it has.
struct AdminHomePage: Sendable {
    struct Name: Sendable {
        let name: String
    }

    let association: Name
    let municipalityCount: Int
    let unitCount: Int
    let userCount: Int

    init(_ overview: OrganisationService.Overview) {
        association = Name(name: overview.association.name)
        municipalityCount = overview.municipalityCount
        unitCount = overview.unitCount
        userCount = overview.userCount
    }
}

/// The association's name, organisation number and how its exit survey's share is read, as stored
/// or as typed with their problems, and whether every staff role must sign in with a second factor.
struct AssociationPage: Sendable {
    /// One way of reading the exit survey's share, as a radio button.
    struct ReadingChoice: Sendable {
        let value: String
        let label: String
        let checked: Bool
    }

    let hasErrors: Bool
    let nameField: FieldView
    let organisationNumberField: FieldView
    let readingChoices: [ReadingChoice]
    let readingError: String?
    let requiresSecondFactor: Bool

    init(form: FormState, requiresSecondFactor: Bool, language: Language) {
        self.requiresSecondFactor = requiresSecondFactor
        hasErrors = form.hasErrors
        nameField = .withoutAutocomplete("name", in: form, label: Texts.text("name", language))
        organisationNumberField = .withoutAutocomplete("organisationNumber", in: form, label: Texts.text("organisationNumber", language))
        readingChoices = SurveyShareReading.allCases.map {
            ReadingChoice(
                value: $0.rawValue,
                label: Texts.text("surveyShareReading." + $0.rawValue, language),
                checked: form.values["surveyShareReading"] == $0.rawValue
            )
        }
        readingError = form.errors["surveyShareReading"]
    }
}
