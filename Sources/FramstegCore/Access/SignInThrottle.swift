import Foundation

/// Limits on failed sign-ins, per account (the typed e-mail, existing or not) and per network address.
///
/// Keyed on the typed e-mail rather than the user, so a throttled answer reveals nothing about
/// whether the account exists.
public struct SignInThrottle: Sendable, Equatable {
    public var window: TimeInterval
    public var maximumFailuresPerAccount: Int
    public var maximumFailuresPerAddress: Int

    public init(window: TimeInterval = 15 * 60, maximumFailuresPerAccount: Int = 5, maximumFailuresPerAddress: Int = 20) {
        self.window = window
        self.maximumFailuresPerAccount = maximumFailuresPerAccount
        self.maximumFailuresPerAddress = maximumFailuresPerAddress
    }

    /// Failures counted from this moment on matter now.
    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }

    /// Whether another attempt may be checked, given the failures inside the window.
    public func allowsAttempt(failuresForAccount: Int, failuresFromAddress: Int) -> Bool {
        failuresForAccount < maximumFailuresPerAccount && failuresFromAddress < maximumFailuresPerAddress
    }
}
