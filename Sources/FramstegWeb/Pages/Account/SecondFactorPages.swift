import FramstegCore
import Hummingbird

/// The second factor in the browser: the code after the password, enrolling an authenticator at
/// a first sign-in or from the settings (after the password and the current code again), and the
/// recovery codes, shown once.
struct SecondFactorPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.publicRoute(.get, "/sign-in/code") { request, context in
            guard let user = try await pendingUser(request, context) else { return restart(context) }
            if try await !isEnrolled(user) { return .redirect(to: "/sign-in/enrol", type: .found) }
            return codePage(context, SignInCodePage(error: nil))
        }
        routes.publicRoute(.post, "/sign-in/code") { request, context in
            let token = pendingToken(request, context) ?? ""
            let outcome = try await site.services.signIn.completeSignIn(
                pending: token,
                code: context.form["code"],
                from: context.clientAddress,
                replacing: context.session?.record.tokenHash
            )
            switch outcome {
            case .signedIn(let user, let session, _):
                return signedIn(request, context, user, session: session)
            case .refused(let failure):
                let status: HTTPResponse.Status = failure.problems["code"] == .tooManyAttempts ? .tooManyRequests : .unauthorized
                return codePage(context, SignInCodePage(error: failure.messages(context.language)["code"]), status: status)
            case .expired:
                return restart(context)
            }
        }
        routes.publicRoute(.get, "/sign-in/enrol") { request, context in
            guard let user = try await pendingUser(request, context) else { return restart(context) }
            if try await isEnrolled(user) { return .redirect(to: "/sign-in/code", type: .found) }
            let enrolment = try await site.services.secondFactor.enrolment(for: user)
            return enrolmentPage(
                context,
                EnrolmentPage.signIn(enrolment, error: nil, language: context.language)
            )
        }
        routes.publicRoute(.post, "/sign-in/enrol") { request, context in
            // Only an account without an authenticator enrols at sign-in: a password alone never replaces one.
            guard let user = try await pendingUser(request, context), try await !isEnrolled(user) else { return restart(context) }
            let outcome = try await site.services.signIn.completeEnrolment(
                pending: pendingToken(request, context) ?? "",
                code: context.form["code"],
                from: context.clientAddress,
                replacing: context.session?.record.tokenHash
            )
            switch outcome {
            case .signedIn(let user, let session, let codes):
                var response = recoveryCodesPage(context, RecoveryCodesPage(codes: codes, next: user.role.homePath))
                response.setCookie(FramstegCookie.make(FramstegCookie.session, value: session, secure: context.isSecureRequest))
                response.setCookie(FramstegCookie.expired(FramstegCookie.pendingSignIn, secure: context.isSecureRequest))
                return response
            case .refused(let failure):
                guard let enrolment = try await site.services.secondFactor.pendingEnrolment(for: user) else { return restart(context) }
                let model = EnrolmentPage.signIn(enrolment, error: failure.messages(context.language)["code"], language: context.language)
                return enrolmentPage(context, model, status: .unprocessableContent)
            case .expired:
                return restart(context)
            }
        }
        registerSettings(on: routes)
    }

    /// Replacing one's authenticator from the settings: the password and a current code first.
    private func registerSettings(on routes: RouteRegistrar) {
        routes.post("/settings/second-factor", .useOwnAccount, .ownAccount) { _, context, principal, _ in
            guard let user = context.session?.user else { throw WebError.notFound }
            do {
                try await site.services.secondFactor.reauthenticate(
                    principal,
                    password: context.form["factorPassword"],
                    code: context.form["factorCode"],
                    from: context.clientAddress,
                    for: "second-factor-enrol"
                )
            } catch let failure as ValidationFailure {
                return try await SettingsPages(site: site).page(
                    context,
                    factorErrors: failure.messages(context.language),
                    status: failure.problems.values.contains(.tooManyAttempts) ? .tooManyRequests : .unprocessableContent
                )
            }
            let enrolment = try await site.services.secondFactor.enrolment(for: user)
            let model = EnrolmentPage.settings(enrolment, error: nil, language: context.language)
            return enrolmentPage(context, model)
        }
        routes.get("/settings/second-factor", .useOwnAccount, .ownAccount) { _, context, _, _ in
            guard let user = context.session?.user, let enrolment = try await site.services.secondFactor.pendingEnrolment(for: user) else {
                return .redirect(to: "/settings#second-factor", type: .normal)
            }
            let model = EnrolmentPage.settings(enrolment, error: nil, language: context.language)
            return enrolmentPage(context, model)
        }
        routes.post("/settings/second-factor/confirm", .useOwnAccount, .ownAccount) { _, context, _, _ in
            guard let user = context.session?.user else { throw WebError.notFound }
            let keep = context.session?.record.tokenHash
            do {
                let codes = try await site.services.secondFactor.confirmEnrolment(
                    of: user,
                    code: context.form["code"],
                    from: context.clientAddress,
                    keeping: keep
                )
                return recoveryCodesPage(context, RecoveryCodesPage(codes: codes, next: "/settings"))
            } catch let failure as ValidationFailure {
                guard let enrolment = try await site.services.secondFactor.pendingEnrolment(for: user) else {
                    return .redirect(to: "/settings#second-factor", type: .normal)
                }
                let model = EnrolmentPage.settings(enrolment, error: failure.messages(context.language)["code"], language: context.language)
                return enrolmentPage(context, model, status: .unprocessableContent)
            }
        }
    }

    private func pendingToken(_ request: Request, _ context: AppRequestContext) -> String? {
        FramstegCookie.value(FramstegCookie.pendingSignIn, in: request, secure: context.isSecureRequest).flatMap { $0.isEmpty ? nil : $0 }
    }

    private func pendingUser(_ request: Request, _ context: AppRequestContext) async throws -> User? {
        guard let token = pendingToken(request, context) else { return nil }
        return try await site.services.signIn.pendingUser(token: token)
    }

    private func isEnrolled(_ user: User) async throws -> Bool {
        try await site.services.secondFactor.status(of: user).isEnrolled
    }

    private func signedIn(_ request: Request, _ context: AppRequestContext, _ user: User, session: String) -> Response {
        let secure = context.isSecureRequest
        var response = Response.redirect(to: ReturnPath.fromCookie(request, secure: secure) ?? user.role.homePath, type: .normal)
        response.setCookie(FramstegCookie.make(FramstegCookie.session, value: session, secure: secure))
        response.setCookie(FramstegCookie.expired(FramstegCookie.pendingSignIn, secure: secure))
        response.setCookie(FramstegCookie.expired(ReturnPath.cookie, secure: secure))
        return response
    }

    /// A pending sign-in that is gone, stale or made up: back to the password, with one message.
    private func restart(_ context: AppRequestContext) -> Response {
        var response = Response.redirect(to: "/sign-in?restart=1", type: .normal)
        response.setCookie(FramstegCookie.expired(FramstegCookie.pendingSignIn, secure: context.isSecureRequest))
        return response
    }

    private func codePage(_ context: AppRequestContext, _ model: SignInCodePage, status: HTTPResponse.Status = .ok) -> Response {
        site.renderer.page(.signInCode, title: .key("secondFactorTitle"), model: model, context: context, status: status)
    }

    private func enrolmentPage(_ context: AppRequestContext, _ model: EnrolmentPage, status: HTTPResponse.Status = .ok) -> Response {
        site.renderer.page(.secondFactorEnrol, title: .key("enrolTitle"), model: model, context: context, status: status)
    }

    private func recoveryCodesPage(_ context: AppRequestContext, _ model: RecoveryCodesPage) -> Response {
        site.renderer.page(.recoveryCodes, title: .key("recoveryCodesTitle"), model: model, context: context)
    }
}

/// The code asked after the password, and why the last one was refused.
struct SignInCodePage: Sendable {
    let error: String?
}

/// Enrolling an authenticator: the QR code (SVG, drawn here), the secret to type by hand instead,
/// and the field for the first code.
struct EnrolmentPage: Sendable {
    let action: String
    let isSignIn: Bool
    let qrCode: String
    let secret: String
    let error: String?

    /// The enrolment at sign-in, for an account that must have a second factor and has none.
    static func signIn(_ enrolment: SecondFactorService.Enrolment, error: String?, language: Language) -> EnrolmentPage {
        EnrolmentPage(enrolment, action: "/sign-in/enrol", isSignIn: true, error: error, language: language)
    }

    /// Setting up or replacing one's authenticator from the settings.
    static func settings(_ enrolment: SecondFactorService.Enrolment, error: String?, language: Language) -> EnrolmentPage {
        EnrolmentPage(enrolment, action: "/settings/second-factor/confirm", isSignIn: false, error: error, language: language)
    }

    private init(_ enrolment: SecondFactorService.Enrolment, action: String, isSignIn: Bool, error: String?, language: Language) {
        self.action = action
        self.isSignIn = isSignIn
        qrCode = QRCode(enrolment.uri)?.svg(label: Texts.text("qrCodeLabel", language)) ?? ""
        secret = enrolment.typedSecret
        self.error = error
    }
}

/// The ten recovery codes, shown this once, and where to go on.
struct RecoveryCodesPage: Sendable {
    let codes: [String]
    let next: String
}
