import Foundation
import FramstegCore
import Hummingbird

/// Sign-in, sign-out and the front door. One neutral message for every failure: no user enumeration.
struct SignInPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.publicRoute(.get, "/") { _, context in
            .redirect(to: context.session.map { $0.user.role.homePath } ?? "/sign-in", type: .found)
        }
        routes.publicRoute(.get, "/sign-in") { request, context in
            if let user = context.session?.user { return .redirect(to: user.role.homePath, type: .found) }
            let expired = request.uri.queryParameters["expired"] != nil || context.sessionExpired
            let restart = request.uri.queryParameters["restart"] != nil
            let afterForm = request.uri.queryParameters["expired"] == "form"
            let message = restart ? "signInRestart" : afterForm ? "sessionEndedForm" : expired ? "sessionExpired" : nil
            var model = SignInPage(message: message.map { Texts.text($0, context.language) })
            model.returnPath = ReturnPath.local(request.uri.queryParameters["return"].map(String.init))
            // After signing out of a session the identity provider opened, offer its sign-out too.
            model.providerSignOut = request.uri.queryParameters["provider"].flatMap { AssociationID(parsing: String($0)) }
                .map { "/sign-out/organisation/\($0)" }
            return try await page(context, model)
        }
        routes.publicRoute(.post, "/sign-in") { _, context in try await signIn(context) }
        // "Stay signed in" before the idle timeout: reading the session touches it (SessionMiddleware).
        routes.get("/session/keep-alive", .useOwnAccount, .ownAccount) { _, _, _, _ in
            var headers = HTTPFields()
            headers[.cacheControl] = "no-store"
            return Response(status: .noContent, headers: headers)
        }
        routes.post("/sign-out", .useOwnAccount, .ownAccount) { _, context, principal, _ in
            let tokenHash = context.session?.record.tokenHash
            let viaProvider =
                try await tokenHash.asyncMap { try await site.services.identityProvider.isSessionViaProvider(tokenHash: $0) } ?? false
            try await site.services.signIn.signOut(session: tokenHash, by: principal)
            let path = viaProvider ? "/sign-in?provider=\(principal.associationID)&notice=signedOut" : Notice.signedOut.location("/sign-in")
            var response = Response.redirect(to: path, type: .normal)
            response.setCookie(FramstegCookie.expired(FramstegCookie.session, secure: context.isSecureRequest))
            return response
        }
    }

    private func signIn(_ context: AppRequestContext) async throws -> Response {
        let email = context.form["email"].trimmed
        let outcome = try await site.services.signIn.signIn(
            email: email,
            password: context.form["password"],
            from: context.clientAddress,
            replacing: context.session?.record.tokenHash
        )
        let returnPath = ReturnPath.local(context.form["return"])
        switch outcome {
        case .signedIn(let user, let token):
            var response = Response.redirect(to: returnPath ?? user.role.homePath, type: .normal)
            response.setCookie(FramstegCookie.make(FramstegCookie.session, value: token, secure: context.isSecureRequest))
            return response
        case .secondFactor(_, let token, let isEnrolled):
            var response = Response.redirect(to: isEnrolled ? "/sign-in/code" : "/sign-in/enrol", type: .normal)
            response.setCookie(FramstegCookie.make(FramstegCookie.pendingSignIn, value: token, secure: context.isSecureRequest))
            if let returnPath { response.setCookie(ReturnPath.cookie(returnPath, secure: context.isSecureRequest)) }
            return response
        case .refused:
            var model = SignInPage(email: email, formError: Texts.text("signInFailed", context.language))
            model.returnPath = returnPath
            return try await page(context, model, status: .unauthorized)
        case .throttled:
            let model = SignInPage(email: email, formError: Texts.text("signInThrottled", context.language))
            return try await page(context, model, status: .tooManyRequests)
        case .useIdentityProvider:
            let model = SignInPage(email: email, formError: Texts.text("signInUseOrganisation", context.language))
            return try await page(context, model, status: .forbidden)
        }
    }

    /// The form, with a button for each association whose staff may sign in through its identity provider.
    func page(_ context: AppRequestContext, _ model: SignInPage, status: HTTPResponse.Status = .ok) async throws -> Response {
        var model = model
        model.organisations = try await site.services.identityProvider.configuredAssociations().map {
            SignInPage.Organisation(
                label: Texts.text("signInWithOrganisation", context.language, ["name": $0.name]),
                path: "/sign-in/organisation/\($0.id)"
            )
        }
        model.hasOrganisations = !model.organisations.isEmpty
        return site.renderer.page(.signIn, title: .key("signIn"), model: model, context: context, status: status)
    }
}

/// The sign-in form: the address typed (never the password), and why the last attempt failed or
/// the session ended.
struct SignInPage: Sendable {
    /// An association whose staff sign in through its identity provider.
    struct Organisation: Sendable {
        let label: String
        let path: String
    }

    var email = ""
    var formError: String?
    var message: String?
    var organisations: [Organisation] = []
    /// Mustache reads stored properties only: set with `organisations`.
    var hasOrganisations = false
    /// Where to end the session at the identity provider too, after signing out of one it opened.
    var providerSignOut: String?
    /// The page to come back to after signing in again (`ReturnPath`).
    var returnPath: String?
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

extension Role {
    /// Where a user lands after signing in.
    var homePath: String {
        switch self {
        case .admin: "/admin"
        case .office: "/office"
        case .manager, .counsellor: "/units"
        }
    }
}
