import Foundation
import FramstegCore

/// Settings of the HTTP layer, with the defaults a production deployment wants.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Mark cookies `Secure` even without a forwarded-proto header (the app itself behind TLS).
    public var secureCookies: Bool
    /// Believe `X-Forwarded-For` / `X-Forwarded-Proto` from a reverse proxy in front of the app.
    public var trustForwardedHeaders: Bool
    /// The proxies whose forwarded headers are believed (by socket address), and skipped when the
    /// client is read from `X-Forwarded-For` right to left. nil believes any peer (tests only).
    public var trustedProxies: Set<String>? = ["127.0.0.1", "::1"]
    /// bcrypt work factor; tests lower it, production keeps 12.
    public var bcryptCost: UInt8
    public var sessionLifetime: SessionLifetime
    public var throttle: SignInThrottle
    /// How many interest registrations one address may send.
    public var publicRegistrationLimit: RateLimit = .publicRegistrations
    /// Accept an identity provider whose issuer is plain HTTP on the loopback address: only for a
    /// provider running beside the tests (`FRAMSTEG_ALLOW_LOOPBACK_IDENTITY_PROVIDER=1`).
    public var allowsLoopbackIdentityProvider = false

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        secureCookies: Bool = false,
        trustForwardedHeaders: Bool = false,
        bcryptCost: UInt8 = 12,
        sessionLifetime: SessionLifetime = SessionLifetime(),
        throttle: SignInThrottle = SignInThrottle()
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.trustForwardedHeaders = trustForwardedHeaders
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.throttle = throttle
    }
}
