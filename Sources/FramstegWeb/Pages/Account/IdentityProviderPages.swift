import FramstegCore
import Hummingbird

/// Signing in through the association's identity provider: the redirect there, the callback, the
/// provider's sign-out after ours, and the admin's page that points the association at its provider.
struct IdentityProviderPages {
    let site: Site

    /// The cookie that binds a callback to the browser that began the sign-in.
    static let cookie = "framsteg_idp"

    func register(on routes: RouteRegistrar) {
        routes.publicRoute(.get, "/sign-in/organisation/:association") { request, context in
            guard let id = context.parameters.get("association").flatMap(AssociationID.init(parsing:)) else { throw WebError.notFound }
            let started: (location: String, browserToken: String)?
            do {
                started = try await site.services.identityProvider.start(association: id, origin: origin(request, context))
            } catch is IdentityProviderProblem {
                return try await refused(.providerUnavailable, context)
            }
            guard let started else { throw WebError.notFound }
            var response = Response.redirect(to: started.location, type: .found)
            response.setCookie(FramstegCookie.make(Self.cookie, value: started.browserToken, secure: context.isSecureRequest))
            return response
        }
        routes.publicRoute(.get, IdentityProviderService.callbackPath) { request, context in
            let query = request.uri.queryParameters
            let outcome = try await site.services.identityProvider.finish(
                state: query["state"].map(String.init) ?? "",
                code: query["code"].map(String.init) ?? "",
                providerError: query["error"].map(String.init),
                browserToken: FramstegCookie.value(Self.cookie, in: request, secure: context.isSecureRequest),
                replacing: context.session?.record.tokenHash
            )
            switch outcome {
            case .signedIn(let user, let token):
                var response = Response.redirect(to: user.role.homePath, type: .found)
                response.setCookie(FramstegCookie.make(FramstegCookie.session, value: token, secure: context.isSecureRequest))
                response.setCookie(FramstegCookie.expired(Self.cookie, secure: context.isSecureRequest))
                return response
            case .refused(let problem):
                var response = try await refused(problem, context)
                response.setCookie(FramstegCookie.expired(Self.cookie, secure: context.isSecureRequest))
                return response
            }
        }
        routes.publicRoute(.get, "/sign-out/organisation/:association") { request, context in
            guard let id = context.parameters.get("association").flatMap(AssociationID.init(parsing:)),
                let location = try await site.services.identityProvider.endSessionLocation(for: id, returningTo: origin(request, context))
            else { return .redirect(to: Notice.signedOut.location("/sign-in"), type: .found) }
            return .redirect(to: location, type: .found)
        }
        routes.get("/admin/sign-in", .administerAssociation, .association) { request, context, principal, _ in
            let stored = try await site.services.identityProvider.settings(of: principal.associationID)
            return adminPage(request, context, IdentityProviderForm(stored), errors: [:], isConfigured: stored != nil)
        }
        routes.post("/admin/sign-in", .administerAssociation, .association) { request, context, principal, _ in
            let form = IdentityProviderForm(context.form)
            do {
                _ = try await site.services.identityProvider.save(
                    issuer: form.issuer,
                    clientID: form.clientID,
                    clientSecret: context.form["clientSecret"],
                    userClaim: form.userClaim,
                    requiredACR: form.requiredACR,
                    allowsPassword: form.allowsPassword,
                    for: principal.associationID,
                    by: principal
                )
                return .redirect(to: "/admin/sign-in", notice: .saved)
            } catch let failure as ValidationFailure {
                let isConfigured = try await site.services.identityProvider.settings(of: principal.associationID) != nil
                return adminPage(request, context, form, errors: failure.messages(context.language), isConfigured: isConfigured)
            }
        }
    }

    private func origin(_ request: Request, _ context: AppRequestContext) -> String {
        (context.isSecureRequest ? "https://" : "http://") + (request.head.authority ?? "localhost")
    }

    /// The sign-in page with the one message for what went wrong.
    private func refused(_ problem: IdentityProviderProblem, _ context: AppRequestContext) async throws -> Response {
        let model = SignInPage(formError: Texts.text("identityProblem." + problem.rawValue, context.language))
        let status: HTTPResponse.Status =
            problem == .providerUnavailable ? .badGateway : problem == .unknownUser ? .forbidden : .unauthorized
        return try await SignInPages(site: site).page(context, model, status: status)
    }

    private func adminPage(
        _ request: Request,
        _ context: AppRequestContext,
        _ form: IdentityProviderForm,
        errors: [String: String],
        isConfigured: Bool
    ) -> Response {
        let model = IdentityProviderPage(
            form: form,
            errors: errors,
            redirectURI: origin(request, context) + IdentityProviderService.callbackPath,
            isConfigured: isConfigured,
            language: context.language
        )
        return site.renderer.page(
            .adminSignIn,
            title: .key("identityProviderTitle"),
            model: model,
            context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent
        )
    }
}

/// The identity provider's settings as stored or typed (never the secret).
struct IdentityProviderForm: Sendable {
    var issuer = ""
    var clientID = ""
    var userClaim = "email"
    var requiredACR = ""
    var allowsPassword = true

    init(_ settings: IdentityProviderSettings?) {
        guard let settings else { return }
        issuer = settings.issuer
        clientID = settings.clientID
        userClaim = settings.userClaim
        requiredACR = settings.requiredACR ?? ""
        allowsPassword = settings.allowsPassword
    }

    init(_ form: FormData) {
        issuer = form["issuer"]
        clientID = form["clientID"]
        userClaim = form["userClaim"].isEmpty ? "email" : form["userClaim"]
        requiredACR = form["requiredACR"]
        allowsPassword = form["allowsPassword"] == "yes"
    }
}

/// The admin's page for the identity provider: the values the IT department registers (redirect
/// URI, scopes) and the ones it hands back (issuer, client id and secret, claims).
struct IdentityProviderPage: Sendable {
    let hasErrors: Bool
    let redirectURI: String
    let isConfigured: Bool
    let issuerField: FieldView
    let clientIDField: FieldView
    let userClaimField: FieldView
    let requiredACRField: FieldView
    let clientSecretError: String?
    let allowsPassword: Bool

    init(form: IdentityProviderForm, errors: [String: String], redirectURI: String, isConfigured: Bool, language: Language) {
        let state = FormState(
            values: ["issuer": form.issuer, "clientID": form.clientID, "userClaim": form.userClaim, "requiredACR": form.requiredACR],
            errors: errors
        )
        hasErrors = !errors.isEmpty
        self.redirectURI = redirectURI
        self.isConfigured = isConfigured
        issuerField = .withoutAutocomplete("issuer", in: state, label: Texts.text("identityIssuer", language))
        clientIDField = .withoutAutocomplete("clientID", in: state, label: Texts.text("identityClientID", language))
        userClaimField = .withoutAutocomplete("userClaim", in: state, label: Texts.text("identityUserClaim", language))
        requiredACRField = .withoutAutocomplete("requiredACR", in: state, label: Texts.text("identityRequiredACR", language))
        clientSecretError = errors["clientSecret"]
        allowsPassword = form.allowsPassword
    }
}
