import FramstegCore
import Hummingbird

/// The user's own settings: the interface language (or "follow the browser").
struct SettingsPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/settings", .useOwnAccount, .ownAccount) { _, context, _, _ in
            page(context, SettingsPage(chosen: context.session?.user.language?.rawValue ?? "", language: context.language))
        }
        routes.post("/settings", .useOwnAccount, .ownAccount) { _, context, principal, _ in
            do {
                try await site.services.account.setLanguage(context.form["language"], by: principal)
                return .redirect(to: "/settings", notice: .settingsSaved)
            } catch is ValidationFailure {
                return page(context, SettingsPage(chosen: "", language: context.language), status: .unprocessableContent)
            }
        }
    }

    private func page(_ context: AppRequestContext, _ model: SettingsPage, status: HTTPResponse.Status = .ok) -> Response {
        site.renderer.page(.settings, title: .key("settings"), model: model, context: context, status: status)
    }
}

/// The settings page: the languages to choose from, the chosen one checked.
struct SettingsPage: Sendable {
    let languages: [Choice]

    init(chosen: String, language: Language) {
        let options: [(String, String)] = [("", "languageFollowBrowser"), ("sv", "swedish"), ("en", "english")]
        languages = options.map { value, key in
            Choice(value: value.isEmpty ? "browser" : value, label: Texts.text(key, language), isChosen: value == chosen)
        }
    }
}
