import FramstegCore
import Hummingbird

/// The one-time link of a new or reset account: its owner chooses a password, the link stops
/// working, and they sign in with it. A link that is used, expired or made up says so and nothing else.
struct AccountSetupPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.publicRoute(.get, "/setup/:token") { _, context in
            let token = context.parameters.get("token") ?? ""
            guard let user = try await site.services.users.account(setupToken: token) else { return expired(context) }
            return page(context, AccountSetupPage(email: user.email, errors: [:], language: context.language))
        }
        routes.publicRoute(.post, "/setup/:token") { _, context in
            let token = context.parameters.get("token") ?? ""
            guard let user = try await site.services.users.account(setupToken: token) else { return expired(context) }
            do {
                _ = try await site.services.users.completeSetup(
                    token: token,
                    password: context.form["password"],
                    repeated: context.form["repeatPassword"]
                )
                return .redirect(to: "/sign-in", notice: .passwordChosen)
            } catch let failure as ValidationFailure {
                let model = AccountSetupPage(email: user.email, errors: failure.messages(context.language), language: context.language)
                return page(context, model, status: .unprocessableContent)
            } catch WebError.notFound {
                return expired(context)
            }
        }
    }

    private func expired(_ context: AppRequestContext) -> Response {
        page(context, AccountSetupPage(email: nil, errors: [:], language: context.language), status: .notFound)
    }

    private func page(_ context: AppRequestContext, _ model: AccountSetupPage, status: HTTPResponse.Status = .ok) -> Response {
        site.renderer.page(.accountSetup, title: .key("chooseYourPassword"), model: model, context: context, status: status)
    }
}

/// Choosing one's password through the link: for whom, or (`email` nil) that the link no longer works.
struct AccountSetupPage: Sendable {
    let email: String?
    let hasErrors: Bool
    let passwordForm: PasswordFields

    init(email: String?, errors: [String: String], language: Language) {
        self.email = email
        hasErrors = !errors.isEmpty
        passwordForm = PasswordFields(label: Texts.text("newPassword", language), errors: errors)
    }
}
