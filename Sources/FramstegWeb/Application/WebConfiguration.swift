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
    /// The server's limits: what a slow, idle or greedy client may hold.
    public var limits = ServerLimits()
    /// How long `/readyz` waits for its checks before it answers 503 (so a probe gets its answer within 5 s).
    public var readinessDeadline: Duration = .seconds(4)
    /// How long one `/readyz` answer serves the probes after it (the database is checked at most
    /// once in this time; an outage shows within it).
    public var readinessReuse: Duration = .seconds(1)
    /// A log line per request (method, route pattern, status, duration; nothing about the person).
    public var accessLog = false

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

/// What one client may hold of the server. Idle and slow sockets are closed, so a thousand of
/// them cannot use up the process's file descriptors; beyond the cap, new connections wait in
/// the listen backlog until one closes.
public struct ServerLimits: Sendable, Equatable {
    /// A keep-alive connection with no request in flight is closed after this long.
    public var idleTimeout: Duration = .seconds(60)
    /// A request's line and headers must be complete this long after its first byte.
    public var headerTimeout: Duration = .seconds(10)
    /// Open connections at most (keep it well below the descriptor limit, `ulimit -n`).
    public var maximumConnections = 512
    /// A request body larger than this answers 413 (the JSON API keeps its own, smaller limit).
    public var maximumBodySize = 1024 * 1024

    public init() {}
}

/// An on/off setting read from the environment (`FRAMSTEG_TRUST_PROXY=1`): `1`, `true`, `yes` or
/// `on` turn it on, `0`, `false`, `no`, `off` or nothing leave it off, in any case; anything else
/// is refused, so a mistyped value never silently turns off what the operator meant to turn on.
public enum EnvironmentFlag {
    public struct Problem: Error, CustomStringConvertible {
        public let name: String
        public let value: String
        public var description: String { "\(name)=\(value): expected 1, true, yes or on (or 0, false, no, off)" }
    }

    public static func isOn(_ name: String, in environment: [String: String]) throws(Problem) -> Bool {
        let value = (environment[name] ?? "").trimmingCharacters(in: .whitespaces)
        switch value.lowercased() {
        case "1", "true", "yes", "on": return true
        case "", "0", "false", "no", "off": return false
        default: throw Problem(name: name, value: value)
        }
    }
}
