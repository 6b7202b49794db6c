import Foundation
import FramstegCore
import Testing

@Suite("Session lifetime and sign-in throttle")
struct SessionAndThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let lifetime = SessionLifetime()

    @Test("a session idle for 30 minutes has expired; 29 minutes has not")
    func idle() {
        #expect(!lifetime.isExpired(createdAt: start, lastSeenAt: start, now: start + 29 * 60))
        #expect(lifetime.isExpired(createdAt: start, lastSeenAt: start, now: start + 30 * 60))
    }

    @Test("a session in constant use still ends after 12 hours")
    func absolute() {
        let lastSeen = start + 12 * 3600 - 60
        #expect(!lifetime.isExpired(createdAt: start, lastSeenAt: lastSeen, now: start + 12 * 3600 - 1))
        #expect(lifetime.isExpired(createdAt: start, lastSeenAt: lastSeen, now: start + 12 * 3600))
    }

    @Test("five failures lock the account; twenty lock the address")
    func throttle() {
        let throttle = SignInThrottle()
        #expect(throttle.allowsAttempt(failuresForAccount: 4, failuresFromAddress: 19))
        #expect(!throttle.allowsAttempt(failuresForAccount: 5, failuresFromAddress: 0))
        #expect(!throttle.allowsAttempt(failuresForAccount: 0, failuresFromAddress: 20))
        #expect(throttle.windowStart(now: start) == start - 15 * 60)
    }
}
