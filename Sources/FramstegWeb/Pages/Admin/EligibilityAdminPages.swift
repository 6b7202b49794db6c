import FramstegCore
import Hummingbird

/// The association's eligibility rules (`/admin/eligibility`): the age range, and the checklist's
/// criteria, each reworded, retired, brought back or (while unused) removed, and new ones added.
struct EligibilityAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/eligibility", .administerAssociation, .association) { _, context, principal, _ in
            try await page(context, principal)
        }
        routes.post("/admin/eligibility/ages", .administerAssociation, .association) { _, context, principal, _ in
            let draft = EligibilityAgesDraft(minimum: context.form["minimumAge"], maximum: context.form["maximumAge"])
            return try await save("ages", section: "ages", ["minimumAge": draft.minimum, "maximumAge": draft.maximum], context, principal) {
                try await site.services.organisation.setEligibleAges(draft, by: principal)
            }
        }
        routes.post("/admin/eligibility/criteria", .administerAssociation, .association) { _, context, principal, _ in
            let draft = CriterionDraft(swedish: context.form["new-swedish"], english: context.form["new-english"])
            return try await save(
                "new",
                section: "criteria",
                ["new-swedish": draft.swedish, "new-english": draft.english],
                context,
                principal
            ) {
                try await site.services.organisation.addCriterion(draft, by: principal)
            }
        }
        routes.post("/admin/eligibility/criteria/change", .administerAssociation, .association) { _, context, principal, _ in
            let key = context.form["key"]
            let change = OrganisationService.CriterionChange(rawValue: context.form["change"])
            let draft = CriterionDraft(swedish: context.form[key + "-swedish"], english: context.form[key + "-english"])
            let typed = [key + "-swedish": draft.swedish, key + "-english": draft.english]
            return try await save(key, section: "criterion-" + key, typed, context, principal) {
                // A change not offered, or a criterion not the association's, is refused like any wrong choice.
                guard let change else { throw ValidationFailure(problems: [key + "-remove": .unknownChoice]) }
                try await site.services.organisation.changeCriterion(key, change, wording: draft, by: principal)
            }
        }
    }

    /// Each form's one path: the change, then back to the page at `section`; or, refused, the page
    /// with form `name` as it was typed (`typed`) and a message beside each field.
    private func save(
        _ name: String,
        section: String,
        _ typed: [String: String],
        _ context: AppRequestContext,
        _ principal: Principal,
        _ change: () async throws -> Void
    ) async throws -> Response {
        do {
            try await change()
            return .redirect(to: "/admin/eligibility", notice: .saved, section: section)
        } catch let failure as ValidationFailure {
            return try await page(context, principal, forms: [name: FormState(values: typed, errors: failure.messages(context.language))])
        }
    }

    /// The page, with any refused form as it was typed (`forms` by "ages", "new" or a criterion's key).
    private func page(_ context: AppRequestContext, _ principal: Principal, forms: [String: FormState] = [:]) async throws -> Response {
        let overview = try await site.services.organisation.eligibility(of: principal.associationID)
        return site.renderer.page(
            .adminEligibility,
            title: .key("eligibilityRulesTitle"),
            model: EligibilityRulesPage(overview, forms: forms, language: context.language),
            context: context,
            status: forms.values.contains(where: \.hasErrors) ? .unprocessableContent : .ok
        )
    }
}

/// The rules page's model: the age form, each criterion with its forms, and the form for a new one.
struct EligibilityRulesPage: Sendable {
    struct Criterion: Sendable {
        let key: String
        let wording: String
        let isRetired: Bool
        let answers: String
        let canRemove: Bool
        let hasErrors: Bool
        let swedishField: FieldView
        let englishField: FieldView
        let removeError: String?
    }

    let hasErrors: Bool
    let minimumField: FieldView
    let maximumField: FieldView
    let active: [Criterion]
    let retired: [Criterion]
    let hasRetired: Bool
    let newSwedishField: FieldView
    let newEnglishField: FieldView

    init(_ overview: OrganisationService.EligibilityOverview, forms: [String: FormState], language: Language) {
        hasErrors = forms.values.contains(where: \.hasErrors)
        let rules = overview.rules
        let ages =
            forms["ages"]
            ?? FormState(values: ["minimumAge": String(rules.ages.lowerBound), "maximumAge": String(rules.ages.upperBound)])
        minimumField = .withoutAutocomplete(
            "minimumAge",
            in: ages,
            label: Texts.text("eligibilityMinimumAge", language),
            inputMode: "numeric"
        )
        maximumField = .withoutAutocomplete(
            "maximumAge",
            in: ages,
            label: Texts.text("eligibilityMaximumAge", language),
            inputMode: "numeric"
        )
        func criterion(_ criterion: EligibilityCriterion) -> Criterion {
            let key = criterion.key
            let form =
                forms[key]
                ?? FormState(values: [key + "-swedish": criterion.wording.swedish, key + "-english": criterion.wording.english])
            let answers = overview.answers[key] ?? 0
            return Criterion(
                key: key,
                wording: criterion.wording.text(language),
                isRetired: criterion.isRetired,
                answers: Texts.counted(answers, "criterionAnswers", language),
                canRemove: answers == 0,
                hasErrors: form.hasErrors,
                swedishField: .withoutAutocomplete(key + "-swedish", in: form, label: Texts.text("criterionSwedish", language)),
                englishField: .withoutAutocomplete(key + "-english", in: form, label: Texts.text("criterionEnglish", language)),
                removeError: form.errors[key + "-remove"]
            )
        }
        active = rules.active.map(criterion)
        retired = rules.criteria.filter(\.isRetired).map(criterion)
        hasRetired = !retired.isEmpty
        let new = forms["new"] ?? FormState()
        newSwedishField = .withoutAutocomplete("new-swedish", in: new, label: Texts.text("criterionSwedish", language))
        newEnglishField = .withoutAutocomplete("new-english", in: new, label: Texts.text("criterionEnglish", language))
    }
}
