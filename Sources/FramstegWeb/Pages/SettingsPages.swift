import FramstegCore
import FramstegStore
import Hummingbird

/// The user's own settings: the interface language (or "follow the browser").
struct SettingsPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/settings", .useOwnAccount, .ownAccount) { _, context, _, _ in
            page(context, chosen: context.session?.user.language?.rawValue ?? "")
        }
        routes.post("/settings", .useOwnAccount, .ownAccount) { _, context, principal, _ in
            let choice = context.form["language"]
            let isBrowserDefault = choice.isEmpty || choice == "browser"
            guard isBrowserDefault || Language(rawValue: choice) != nil else {
                return page(context, chosen: "", status: .unprocessableContent)
            }
            try await site.store.write { db in
                try await UserRepository(db).setLanguage(principal.userID, isBrowserDefault ? nil : Language(rawValue: choice))
                try await AuditLog(db).append(
                    AuditEntry(
                        at: site.now(),
                        by: principal,
                        action: .settingsLanguage,
                        objectType: "user",
                        objectID: principal.userID.description
                    )
                )
            }
            return .redirect(to: "/settings", notice: .settingsSaved)
        }
    }

    private func page(_ context: AppRequestContext, chosen: String, status: HTTPResponse.Status = .ok) -> Response {
        let language = context.language
        let options: [(String, String)] = [("", "languageFollowBrowser"), ("sv", "swedish"), ("en", "english")]
        let languages = options.map { value, key in
            ["value": value.isEmpty ? "browser" : value, "label": Texts.text(key, language), "checked": value == chosen] as [String: Any]
        }
        return site.renderer.page(.settings, title: .key("settings"), model: ["languages": languages], context: context, status: status)
    }
}
