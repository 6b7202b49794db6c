import Foundation
import FramstegCore
import FramstegStore
import HTTPTypes
import Hummingbird

/// Loads the signed-in session from its cookie, ends it when it has expired or the user was disabled,
/// and settles the request's language, client address and CSRF token; sets the `AuditOrigin` of the
/// audit rows the request writes.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let site: Site

    /// Refreshing `last_seen_at` once a minute keeps the idle timeout without a write per request.
    static let touchInterval: TimeInterval = 60

    /// The health probes: a load balancer's requests, which never send a form.
    static let probePaths: Set<String> = ["/livez", "/readyz", "/healthz"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        settleConnectionFacts(request, &context)
        context.requestPath = request.uri.path
        context.notice = request.uri.queryParameters["notice"].flatMap { Notice(rawValue: String($0)) }
        let browserLanguage = Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
        context.language = browserLanguage
        var clearSessionCookie = false
        let secure = context.isSecureRequest
        if let token = FramstegCookie.value(FramstegCookie.session, in: request, secure: secure), !token.isEmpty {
            if let session = try await loadValidSession(token: token) {
                context.session = session
                context.language = session.user.language ?? browserLanguage
                context.csrfToken = session.record.csrfToken
                context.sessionIdleSeconds = Int(site.configuration.sessionLifetime.idleTimeout)
            } else {
                context.sessionExpired = true
                clearSessionCookie = true
            }
        }
        if context.session == nil {
            if let cookie = FramstegCookie.value(FramstegCookie.csrf, in: request, secure: secure), isSigned(cookie) {
                context.csrfToken = cookie
            } else {
                context.csrfToken = signed(Tokens.random())
                // A cacheable file carries no cookie: a shared cache must not hand one visitor's token to
                // another. Nor does a probe: it has no form to send.
                if !request.uri.path.hasPrefix("/static/"), !Self.probePaths.contains(request.uri.path) {
                    context.cookiesToSet.append(FramstegCookie.make(FramstegCookie.csrf, value: context.csrfToken, secure: secure))
                }
            }
        }
        // Every audit row written while serving this request names its address and session.
        let origin = AuditOrigin(
            sourceAddress: context.clientAddress == "unknown" ? nil : context.clientAddress,
            sessionID: context.session.map { site.keyring.auditKey.sessionID(tokenHash: $0.record.tokenHash) }
        )
        let served = context
        var response = try await AuditOrigin.$current.withValue(origin) { try await next(request, served) }
        let sessionCookie = FramstegCookie.name(FramstegCookie.session, secure: secure)
        if clearSessionCookie, !response.headers[values: .setCookie].contains(where: { $0.hasPrefix(sessionCookie + "=") }) {
            response.setCookie(FramstegCookie.expired(FramstegCookie.session, secure: context.isSecureRequest))
        }
        for cookie in context.cookiesToSet where !response.headers[values: .setCookie].contains(where: { $0.hasPrefix(cookie.name + "=") })
        {
            response.setCookie(cookie)
        }
        return response
    }

    /// The anonymous CSRF token is 128 random bits and their keyed hash: only a token this server
    /// issued is accepted, so a cookie planted from elsewhere does not serve as one.
    private func signed(_ random: String) -> String {
        random + "." + site.keyring.lookupHash("csrf:" + random).prefix(32)
    }

    private func isSigned(_ token: String) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 32 else { return false }
        return Tokens.constantTimeEquals(token, signed(String(parts[0])))
    }

    private func settleConnectionFacts(_ request: Request, _ context: inout Context) {
        let facts = ConnectionFacts(request, configuration: site.configuration, socketAddress: context.socketAddress)
        context.clientAddress = facts.clientAddress ?? "unknown"
        context.isSecureRequest = facts.isSecure
    }

    /// The session and its user, or nil after removing a session that may no longer be used.
    /// What reading the session found: a valid one (to be touched if it was last seen a while
    /// ago), or none (to be deleted when the row is there but no longer valid).
    private enum Loaded: Sendable {
        case valid(ActiveSession, needsTouch: Bool)
        case invalid(isStored: Bool)
    }

    /// The session of the token, read without a write: only a session last seen a minute ago or
    /// more is touched, and only an ended one deleted, each in a short write of its own.
    private func loadValidSession(token: String) async throws -> ActiveSession? {
        let tokenHash = Tokens.hash(token)
        let now = site.now()
        let lifetime = site.configuration.sessionLifetime
        let loaded = try await site.store.read { db -> Loaded in
            guard let record = try await SessionRepository(db).session(tokenHash: tokenHash) else { return .invalid(isStored: false) }
            guard let user = try await UserRepository(db).user(record.userID), !user.isDisabled,
                !lifetime.isExpired(createdAt: record.createdAt, lastSeenAt: record.lastSeenAt, now: now)
            else { return .invalid(isStored: true) }
            return .valid(
                ActiveSession(record: record, user: user),
                needsTouch: now.timeIntervalSince(record.lastSeenAt) >= Self.touchInterval
            )
        }
        switch loaded {
        case .valid(let session, let needsTouch):
            if needsTouch { try await site.store.write { db in try await SessionRepository(db).touch(tokenHash: tokenHash, now: now) } }
            return session
        case .invalid(let isStored):
            if isStored { try await site.store.write { db in try await SessionRepository(db).delete(tokenHash: tokenHash) } }
            return nil
        }
    }
}
