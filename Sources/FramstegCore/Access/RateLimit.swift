import Foundation

/// At most `maximum` events per client inside a sliding `window`.
public struct RateLimit: Sendable, Equatable {
    public var maximum: Int
    public var window: TimeInterval

    public init(maximum: Int, window: TimeInterval) {
        self.maximum = maximum
        self.window = window
    }

    /// Public interest registrations: a handful an hour from one address is plenty for a referrer's office.
    public static let publicRegistrations = RateLimit(maximum: 10, window: 60 * 60)

    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }
    public func allows(eventsInWindow count: Int) -> Bool { count < maximum }
}
