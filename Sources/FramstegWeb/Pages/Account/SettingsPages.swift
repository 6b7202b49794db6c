import FramstegCore
import Hummingbird

/// The user's own settings: the interface language (or "follow the browser"), their password, and
/// their second factor.
struct SettingsPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/settings", .useOwnAccount, .ownAccount) { _, context, _, _ in
            try await page(context)
        }
        routes.post("/settings", .useOwnAccount, .ownAccount) { _, context, principal, _ in
            do {
                try await site.services.account.setLanguage(context.form["language"], by: principal)
                return .redirect(to: "/settings", notice: .settingsSaved)
            } catch is ValidationFailure {
                return try await page(context, chosen: "", status: .unprocessableContent)
            }
        }
        routes.post("/settings/password", .useOwnAccount, .ownAccount) { _, context, principal, _ in
            do {
                try await site.services.account.changePassword(
                    current: context.form["currentPassword"],
                    new: context.form["password"],
                    repeated: context.form["repeatPassword"],
                    by: principal,
                    keeping: context.session?.record.tokenHash
                )
                return .redirect(to: "/settings", notice: .passwordChanged, section: "password")
            } catch let failure as ValidationFailure {
                return try await page(context, passwordErrors: failure.messages(context.language), status: .unprocessableContent)
            }
        }
    }

    private func chosenLanguage(_ context: AppRequestContext) -> String {
        context.session?.user.language?.rawValue ?? ""
    }

    /// The page with the account's second factor as stored, and the problems of the form just sent.
    func page(
        _ context: AppRequestContext,
        chosen: String? = nil,
        passwordErrors: [String: String] = [:],
        factorErrors: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let user = context.session?.user else { throw WebError.notFound }
        let factor = try await site.services.secondFactor.status(of: user)
        let model = SettingsPage(
            chosen: chosen ?? chosenLanguage(context),
            passwordErrors: passwordErrors,
            factor: SecondFactorSection(factor, errors: factorErrors, language: context.language),
            language: context.language
        )
        return site.renderer.page(.settings, title: .key("settings"), model: model, context: context, status: status)
    }
}

/// The settings page: the languages to choose from, the chosen one checked; the password change,
/// with why it was refused beside each field (no password is ever shown again).
struct SettingsPage: Sendable {
    let languages: [Choice]
    let hasPasswordErrors: Bool
    let currentPasswordError: String?
    let passwordForm: PasswordFields
    let secondFactor: SecondFactorSection

    init(chosen: String, passwordErrors: [String: String], factor: SecondFactorSection, language: Language) {
        secondFactor = factor
        let options: [(String, String)] = [("", "languageFollowBrowser"), ("sv", "swedish"), ("en", "english")]
        languages = options.map { value, key in
            Choice(value: value.isEmpty ? "browser" : value, label: Texts.text(key, language), isChosen: value == chosen)
        }
        hasPasswordErrors = !passwordErrors.isEmpty
        currentPasswordError = passwordErrors["currentPassword"]
        passwordForm = PasswordFields(label: Texts.text("newPassword", language), errors: passwordErrors)
    }
}

/// A second factor as a page shows it: whether one is required and enrolled, how many recovery
/// codes are left, and the messages of the form that asks a password (and current code) again:
/// one's own on the settings (texts `secondFactor…`), or a user's on the admin's page, where the
/// admin's own password and code are asked before a reset (texts `userSecondFactor…`).
struct SecondFactorSection: Sendable {
    /// Whose factor the page speaks of: the reader's own, or a user's seen by the admin.
    enum Whose: String, Sendable {
        case own = "secondFactor"
        case user = "userSecondFactor"
    }

    let isEnrolled: Bool
    let isRequired: Bool
    let summary: String
    let hasErrors: Bool
    let passwordError: String?
    let codeError: String?

    init(_ status: SecondFactorService.Status, of whose: Whose = .own, errors: [String: String], language: Language) {
        isEnrolled = status.isEnrolled
        isRequired = status.isRequired
        let key = whose.rawValue
        summary =
            status.isEnrolled
            ? Texts.text(key + "Enrolled", language, ["n": String(status.unusedRecoveryCodes)])
            : Texts.text(key + (status.isRequired ? "MissingRequired" : "Missing"), language)
        hasErrors = !errors.isEmpty
        passwordError = errors["currentPassword"]
        codeError = errors["code"]
    }
}
