import Foundation
import FramstegCore
import FramstegStore
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
            return signInPage(context, message: expired ? Texts.text("sessionExpired", context.language) : nil)
        }
        routes.publicRoute(.post, "/sign-in") { _, context in try await signIn(context) }
        routes.post("/sign-out", .useOwnAccount, .ownAccount) { _, context, principal, _ in
            try await site.store.write { db in
                if let session = context.session { try await SessionRepository(db).delete(tokenHash: session.record.tokenHash) }
                try await AuditLog(db).append(AuditEntry(at: site.now(), by: principal, action: .signOut, objectType: "session"))
            }
            var response = Response.redirect(to: "/sign-in", notice: .signedOut)
            response.setCookie(FramstegCookie.expired(FramstegCookie.session, secure: context.isSecureRequest))
            return response
        }
    }

    private func signInPage(
        _ context: AppRequestContext,
        status: HTTPResponse.Status = .ok,
        email: String = "",
        formError: String? = nil,
        message: String? = nil
    ) -> Response {
        var data: [String: Any] = ["values": ["email": email]]
        data["formError"] = formError
        data["message"] = message
        return site.renderer.page(.signIn, title: .key("signIn"), model: data, context: context, status: status)
    }

    private func signIn(_ context: AppRequestContext) async throws -> Response {
        let email = context.form["email"].trimmed
        let password = context.form["password"]
        let accountKey = Email.normalised(email)
        let now = site.now()
        let throttle = site.configuration.throttle
        let counts = try await site.store.read { db in
            try await SignInFailureRepository(db).counts(
                accountKey: accountKey,
                address: context.clientAddress,
                since: throttle.windowStart(now: now)
            )
        }
        guard throttle.allowsAttempt(failuresForAccount: counts.account, failuresFromAddress: counts.address) else {
            try await site.audit(
                AuditEntry(at: now, by: nil, action: .signInThrottled, objectType: "account", objectID: accountKey, result: .denied)
            )
            return signInPage(context, status: .tooManyRequests, email: email, formError: Texts.text("signInThrottled", context.language))
        }
        let credentials = try await site.store.read { db in try await UserRepository(db).credentials(email: accountKey) }
        let isValid: Bool
        if let credentials {
            isValid = try await site.passwords.verify(password, hash: credentials.passwordHash) && !credentials.user.isDisabled
        } else {
            _ = try await site.passwords.verify(password, hash: site.dummyPasswordHash)
            isValid = false
        }
        guard isValid, let user = credentials?.user else {
            try await site.store.write { db in
                try await SignInFailureRepository(db).record(accountKey: accountKey, address: context.clientAddress, now: now)
                try await AuditLog(db).append(
                    AuditEntry(
                        occurredAt: now,
                        userID: credentials?.user.id,
                        role: credentials?.user.role,
                        action: AuditAction.signIn.rawValue,
                        objectType: "account",
                        objectID: accountKey,
                        associationID: credentials?.user.associationID,
                        result: .failure
                    )
                )
            }
            return signInPage(context, status: .unauthorized, email: email, formError: Texts.text("signInFailed", context.language))
        }
        // A fresh token at every sign-in: a token planted before sign-in is worthless afterwards.
        let token = Tokens.random()
        try await site.store.write { db in
            if let old = context.session { try await SessionRepository(db).delete(tokenHash: old.record.tokenHash) }
            try await SessionRepository(db).create(tokenHash: Tokens.hash(token), userID: user.id, csrfToken: Tokens.random(), now: now)
            try await SignInFailureRepository(db).clear(accountKey: accountKey)
            // Housekeeping rides on sign-in: ended sessions and old failures are not kept.
            try await SessionRepository(db).deleteExpired(lifetime: site.configuration.sessionLifetime, now: now)
            try await SignInFailureRepository(db).deleteOlder(than: throttle.windowStart(now: now))
            try await AuditLog(db).append(AuditEntry(at: now, by: user.principal, action: .signIn, objectType: "session"))
        }
        var response = Response.redirect(to: user.role.homePath, type: .normal)
        response.setCookie(FramstegCookie.make(FramstegCookie.session, value: token, secure: context.isSecureRequest))
        return response
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
