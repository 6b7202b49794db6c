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
            let message = restart ? "signInRestart" : expired ? "sessionExpired" : nil
            return page(context, SignInPage(message: message.map { Texts.text($0, context.language) }))
        }
        routes.publicRoute(.post, "/sign-in") { _, context in try await signIn(context) }
        routes.post("/sign-out", .useOwnAccount, .ownAccount) { _, context, principal, _ in
            try await site.services.signIn.signOut(session: context.session?.record.tokenHash, by: principal)
            var response = Response.redirect(to: "/sign-in", notice: .signedOut)
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
        switch outcome {
        case .signedIn(let user, let token):
            var response = Response.redirect(to: user.role.homePath, type: .normal)
            response.setCookie(FramstegCookie.make(FramstegCookie.session, value: token, secure: context.isSecureRequest))
            return response
        case .secondFactor(_, let token, let isEnrolled):
            var response = Response.redirect(to: isEnrolled ? "/sign-in/code" : "/sign-in/enrol", type: .normal)
            response.setCookie(FramstegCookie.make(FramstegCookie.pendingSignIn, value: token, secure: context.isSecureRequest))
            return response
        case .refused:
            let model = SignInPage(email: email, formError: Texts.text("signInFailed", context.language))
            return page(context, model, status: .unauthorized)
        case .throttled:
            let model = SignInPage(email: email, formError: Texts.text("signInThrottled", context.language))
            return page(context, model, status: .tooManyRequests)
        }
    }

    private func page(_ context: AppRequestContext, _ model: SignInPage, status: HTTPResponse.Status = .ok) -> Response {
        site.renderer.page(.signIn, title: .key("signIn"), model: model, context: context, status: status)
    }
}

/// The sign-in form: the address typed (never the password), and why the last attempt failed or
/// the session ended.
struct SignInPage: Sendable {
    var email = ""
    var formError: String?
    var message: String?
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
