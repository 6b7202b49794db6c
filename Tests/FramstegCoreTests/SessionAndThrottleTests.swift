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

    @Test("after five failures an account waits 2, 4, 8 … seconds (at most five minutes) after the latest; twenty lock the address")
    func throttle() {
        let throttle = SignInThrottle()
        #expect(throttle.allowsAttempt(failuresForAccount: 4, latestAccountFailure: start, failuresFromAddress: 19, now: start))
        #expect(!throttle.allowsAttempt(failuresForAccount: 5, latestAccountFailure: start, failuresFromAddress: 0, now: start + 1))
        #expect(throttle.allowsAttempt(failuresForAccount: 5, latestAccountFailure: start, failuresFromAddress: 0, now: start + 2))
        #expect(!throttle.allowsAttempt(failuresForAccount: 0, latestAccountFailure: nil, failuresFromAddress: 20, now: start))
        #expect([4, 5, 6, 7, 12, 40].map(throttle.delay(afterFailures:)) == [0, 2, 4, 8, 256, 300])
        #expect(throttle.windowStart(now: start) == start - 15 * 60)
    }
}
