import Foundation

/// How long a signed-in session lives: ended after idle time, and in any case after an absolute limit.
public struct SessionLifetime: Sendable, Equatable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval

    public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 60 * 60) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    public func isExpired(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= idleTimeout || now.timeIntervalSince(createdAt) >= absoluteTimeout
    }
}
