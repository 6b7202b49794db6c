import FramstegCore
import Hummingbird

/// The user's own settings: the interface language (or "follow the browser"), and their password.
struct SettingsPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/settings", .useOwnAccount, .ownAccount) { _, context, _, _ in
            page(context, SettingsPage(chosen: chosenLanguage(context), passwordErrors: [:], language: context.language))
        }
        routes.post("/settings", .useOwnAccount, .ownAccount) { _, context, principal, _ in
            do {
                try await site.services.account.setLanguage(context.form["language"], by: principal)
                return .redirect(to: "/settings", notice: .settingsSaved)
            } catch is ValidationFailure {
                return page(
                    context,
                    SettingsPage(chosen: "", passwordErrors: [:], language: context.language),
                    status: .unprocessableContent
                )
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
                let model = SettingsPage(
                    chosen: chosenLanguage(context),
                    passwordErrors: failure.messages(context.language),
                    language: context.language
                )
                return page(context, model, status: .unprocessableContent)
            }
        }
    }

    private func chosenLanguage(_ context: AppRequestContext) -> String {
        context.session?.user.language?.rawValue ?? ""
    }

    private func page(_ context: AppRequestContext, _ model: SettingsPage, status: HTTPResponse.Status = .ok) -> Response {
        site.renderer.page(.settings, title: .key("settings"), model: model, context: context, status: status)
    }
}

/// The settings page: the languages to choose from, the chosen one checked; the password change,
/// with why it was refused beside each field (no password is ever shown again).
struct SettingsPage: Sendable {
    let languages: [Choice]
    let hasPasswordErrors: Bool
    let currentPasswordError: String?
    let passwordForm: PasswordFields

    init(chosen: String, passwordErrors: [String: String], language: Language) {
        let options: [(String, String)] = [("", "languageFollowBrowser"), ("sv", "swedish"), ("en", "english")]
        languages = options.map { value, key in
            Choice(value: value.isEmpty ? "browser" : value, label: Texts.text(key, language), isChosen: value == chosen)
        }
        hasPasswordErrors = !passwordErrors.isEmpty
        currentPasswordError = passwordErrors["currentPassword"]
        passwordForm = PasswordFields(label: Texts.text("newPassword", language), errors: passwordErrors)
    }
}
