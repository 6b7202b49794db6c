import FramstegCore

/// The public registration form: the association's units, who registers, the person, and the
/// privacy text; a refused form keeps everything that was typed.
struct PublicRegisterPage: Sendable {
    struct AssociationName: Sendable {
        let id: String
        let name: String
    }

    struct UnitOption: Sendable {
        let id: String
        let name: String
        let selected: Bool
    }

    let association: AssociationName
    let hasErrors: Bool
    /// What was typed into the fields drawn by hand (the phone's help is shared with the e-mail's).
    let values: [String: String]
    let errors: [String: String]
    let units: [UnitOption]
    let referrers: [Choice]
    let genders: [Choice]
    let authorityChoices: [Choice]
    let consentChecked: Bool
    let referrerNameField: FieldView
    let personalIdentityNumberField: FieldView
    let nameField: FieldView
    let emailField: FieldView
    let reasonField: FieldView

    /// What the privacy text promises about keeping, seeing and correcting: what the product does.
    let privacyKeeping: String
    let privacyRights: String

    init(
        _ association: Association,
        choices: PublicRegistrationService.Choices,
        retention: RetentionPeriods,
        form: FormState,
        language: Language
    ) {
        let values = form.values
        privacyKeeping = Texts.text("publicPrivacyKeeping", language, ["months": String(retention.recordMonths)])
        privacyRights = Texts.text("publicPrivacyRights", language)
        self.association = AssociationName(id: association.id.description, name: association.name)
        hasErrors = form.hasErrors
        self.values = values
        errors = form.errors
        units = choices.units.map { unit in
            let municipality = choices.municipalities.first { $0.id == unit.municipalityID }?.name ?? ""
            return UnitOption(
                id: unit.id.description,
                name: unit.name + " (" + municipality + ")",
                selected: values["unit"] == unit.id.description
            )
        }
        referrers = Self.choices(
            ReferrerKind.allCases.map(\.rawValue),
            labels: "referrer.",
            chosen: [values["referrerKind"] ?? ""],
            language
        )
        genders = Self.choices(Gender.allCases.map(\.rawValue), labels: "gender.", chosen: [values["gender"] ?? ""], language)
        let chosenAuthorities = Set((values["authorities"] ?? "").split(separator: ",").map(String.init))
        authorityChoices = Self.choices(Authority.allCases.map(\.rawValue), labels: "authority.", chosen: chosenAuthorities, language)
        consentChecked = values["consent"] == "yes"
        let fields = Self.fields(form, language)
        (referrerNameField, personalIdentityNumberField, nameField, emailField, reasonField) = fields
    }

    /// One choice per value, labelled by the text `labels` + value, checked when chosen.
    private static func choices(_ values: [String], labels: String, chosen: Set<String>, _ language: Language) -> [Choice] {
        values.map { Choice(value: $0, label: Texts.text(labels + $0, language), isChosen: chosen.contains($0)) }
    }

    /// The text fields the shared partial draws, each with the autocomplete hint the form has always had.
    private static func fields(
        _ form: FormState,
        _ language: Language
    ) -> (referrerName: FieldView, personalIdentityNumber: FieldView, name: FieldView, email: FieldView, reason: FieldView) {
        func text(_ key: String) -> String { Texts.text(key, language) }
        func field(_ id: String, _ label: String, type: String? = nil, autocomplete: String? = nil, isTextArea: Bool = false) -> FieldView {
            FieldView(
                id: id,
                label: text(label),
                value: form.values[id] ?? "",
                type: type,
                autocomplete: autocomplete,
                error: form.errors[id],
                isTextArea: isTextArea
            )
        }
        return (
            field("referrerName", "publicReferrerName"),
            FieldView(
                "personalIdentityNumber",
                in: form,
                label: text("personalIdentityNumber"),
                help: text("personalIdentityNumberHelp"),
                inputMode: "numeric"
            ),
            field("name", "name", autocomplete: "name"),
            field("email", "email", type: "email", autocomplete: "email"),
            field("reason", "reason", isTextArea: true)
        )
    }
}
