import Foundation

/// Limits on failed sign-ins, per account (the typed e-mail, existing or not) and per network address.
///
/// An account is slowed down, never locked: after `maximumFailuresPerAccount` failures inside the
/// window each further attempt waits a growing delay after the latest failure (2, 4, 8 … seconds, at
/// most `maximumDelay`), so someone guessing gets nowhere while the real owner, who types the right
/// password once, still gets in. An address has a hard limit.
///
/// Keyed on the typed e-mail rather than the user, so a throttled answer reveals nothing about
/// whether the account exists.
public struct SignInThrottle: Sendable, Equatable {
    public var window: TimeInterval
    public var maximumFailuresPerAccount: Int
    public var maximumFailuresPerAddress: Int
    public var maximumDelay: TimeInterval

    public init(
        window: TimeInterval = 15 * 60,
        maximumFailuresPerAccount: Int = 5,
        maximumFailuresPerAddress: Int = 20,
        maximumDelay: TimeInterval = 5 * 60
    ) {
        self.window = window
        self.maximumFailuresPerAccount = maximumFailuresPerAccount
        self.maximumFailuresPerAddress = maximumFailuresPerAddress
        self.maximumDelay = maximumDelay
    }

    /// How long after its latest failure an account's next attempt waits, given its failures in the window.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= maximumFailuresPerAccount else { return 0 }
        let doublings = min(failures - maximumFailuresPerAccount + 1, 16)
        return min(maximumDelay, Double(1 << doublings))
    }

    /// Failures counted from this moment on matter now.
    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }

    /// Whether another attempt may be checked now, given the failures inside the window and when
    /// the account's latest one was.
    public func allowsAttempt(failuresForAccount: Int, latestAccountFailure: Date?, failuresFromAddress: Int, now: Date) -> Bool {
        guard failuresFromAddress < maximumFailuresPerAddress else { return false }
        guard let latest = latestAccountFailure else { return true }
        return now.timeIntervalSince(latest) >= delay(afterFailures: failuresForAccount)
    }
}
