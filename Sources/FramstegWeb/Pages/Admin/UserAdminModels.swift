import FramstegCore

/// The users page: every account of the association with its role, units and status.
struct UsersPage: Sendable {
    struct Row: Sendable {
        let id: String
        let name: String
        let email: String
        let role: String
        let units: String
        let status: String
    }

    let users: [Row]

    init(users: [User], units: [OrganisationUnit], language: Language) {
        self.users = users.map { user in
            Row(
                id: user.id.description,
                name: user.name,
                email: user.email,
                role: user.role.label(language),
                units: units.filter { user.unitIDs.contains($0.id) }.map(\.name).joined(separator: ", "),
                status: Texts.text(user.isDisabled ? "disabled" : "active", language)
            )
        }
    }
}

/// The fields of a user (the `user-fields` partial): name, role and the units they work in.
struct UserFields: Sendable {
    let nameField: FieldView
    let roles: [Choice]
    let roleError: String?
    let unitChoices: [Choice]
    let unitsError: String?

    init(_ form: FormState, units: [OrganisationUnit], language: Language) {
        nameField = FieldView("name", in: form, label: Texts.text("name", language))
        let chosenRole = form.values["role"] ?? ""
        roles = Role.allCases.map { Choice(value: $0.rawValue, label: $0.label(language), isChosen: $0.rawValue == chosenRole) }
        roleError = form.errors["role"]
        let chosenUnits = Set((form.values["units"] ?? "").split(separator: ",").map(String.init))
        unitChoices = units.map { Choice(value: $0.id.description, label: $0.name, isChosen: chosenUnits.contains($0.id.description)) }
        unitsError = form.errors["units"]
    }
}

/// A new or reset password and its repetition (the `password-fields` partial).
struct PasswordFields: Sendable {
    let passwordLabel: String
    let passwordError: String?
    let repeatPasswordError: String?

    init(label: String, errors: [String: String]) {
        passwordLabel = label
        passwordError = errors["password"]
        repeatPasswordError = errors["repeatPassword"]
    }
}

/// The page that adds a user: the e-mail address they sign in with and their fields. No password:
/// they choose their own through the link the next page shows.
struct NewUserPage: Sendable {
    let hasErrors: Bool
    let emailField: FieldView
    let userFields: UserFields

    init(form: FormState, units: [OrganisationUnit], language: Language) {
        hasErrors = form.hasErrors
        emailField = FieldView("email", in: form, label: Texts.text("email", language), type: "email")
        userFields = UserFields(form, units: units, language: language)
    }
}

/// The one-time link of a new or reset account, to give its owner (shown once).
struct SetupLinkPage: Sendable {
    /// Why the link was made: its heading says so.
    enum Kind: String, Sendable {
        case newAccount = "setupLinkCreated"
        case passwordReset = "setupLinkReset"
        case secondFactorReset = "setupLinkSecondFactorReset"
    }

    let userID: String
    let heading: String
    let instructions: String
    let url: String

    init(_ link: UserService.SetupLink, url: String, kind: Kind, language: Language) {
        userID = link.user.id.description
        heading = Texts.text(kind.rawValue, language, ["name": link.user.name])
        instructions = Texts.text(
            "setupLinkInstructions",
            language,
            ["name": link.user.name, "email": link.user.email, "until": StockholmTime.minute(link.expiresAt)]
        )
        self.url = url
    }
}

/// One user's page: their fields, a password reset by link, the rights granted by name (a manager's
/// to open records, an office user's national deliveries), and disabling or enabling the account
/// (neither for one's own: that is the settings page's and another admin's).
struct UserPage: Sendable {
    struct Account: Sendable {
        let id: String
        let name: String
        let email: String
        let isDisabled: Bool
        let status: String
    }

    let user: Account
    let hasErrors: Bool
    let userFields: UserFields
    let isSelf: Bool
    let cannotDisable: Bool
    /// Only a manager's right to open records is the association's to grant.
    let isManager: Bool
    let mayOpenRecords: Bool
    /// Only an office user makes the national deliveries, one checkbox each.
    let isOffice: Bool
    let deliveryChoices: [Choice]
    let deliveriesError: String?
    /// The user's second factor, and the admin's own password and code that a reset asks for.
    let factor: SecondFactorSection

    let identity: Identity

    /// How the identity provider knows the user: the external id (for a provider that names people
    /// by `sub` or an HSA id) and whether a sign-in has linked the account.
    struct Identity: Sendable {
        let field: FieldView
        let linkStatus: String

        init(externalID: String, isLinked: Bool, error: String?, language: Language) {
            let form = FormState(values: ["externalID": externalID], errors: error.map { ["externalID": $0] } ?? [:])
            field = .withoutAutocomplete("externalID", in: form, label: Texts.text("userExternalID", language))
            linkStatus = Texts.text(isLinked ? "userIdentityLinked" : "userIdentityNotLinked", language)
        }
    }

    init(
        _ user: User,
        form: FormState,
        units: [OrganisationUnit],
        isSelf: Bool,
        factor: SecondFactorSection,
        identity: Identity,
        language: Language
    ) {
        self.factor = factor
        self.identity = identity
        self.user = Account(
            id: user.id.description,
            name: user.name,
            email: user.email,
            isDisabled: user.isDisabled,
            status: Texts.text(user.isDisabled ? "disabled" : "active", language)
        )
        hasErrors = form.hasErrors
        userFields = UserFields(form, units: units, language: language)
        self.isSelf = isSelf
        cannotDisable = isSelf
        isManager = user.role == .manager
        mayOpenRecords = user.mayOpenRecords
        isOffice = user.role == .office
        deliveryChoices = NationalDelivery.allCases.map {
            Choice(value: $0.rawValue, label: $0.rightLabel(language), isChosen: user.deliveries.contains($0))
        }
        deliveriesError = form.errors["deliveries"]
    }
}
