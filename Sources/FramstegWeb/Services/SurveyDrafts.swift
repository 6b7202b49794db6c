import Foundation
import FramstegCore
import Synchronization

/// Half-answered anonymous surveys, held only in the server's memory, per signed-in session and
/// offer, for one sitting: nothing partial is ever written where it could be tied to anyone, and
/// nobody but the participant sees it. A draft is gone when the survey is completed, when the device
/// is given back (the session's drafts are discarded and its token changes), when the server
/// restarts, and after the session's idle time without a touch.
final class SurveyDrafts: Sendable {
    struct Key: Hashable {
        let tokenHash: String
        let offer: SurveyOfferID
    }

    private struct Draft {
        var answers: [String: Answer]
        var touched: Date
    }

    private let drafts = Mutex<[Key: Draft]>([:])
    private let lifetime: TimeInterval

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    func answers(_ key: Key, now: Date) -> [String: Answer] {
        drafts.withLock { drafts in
            drafts = drafts.filter { now.timeIntervalSince($0.value.touched) < lifetime }
            return drafts[key]?.answers ?? [:]
        }
    }

    func save(_ answers: [String: Answer], to key: Key, now: Date) {
        drafts.withLock { drafts in
            var draft = drafts[key] ?? Draft(answers: [:], touched: now)
            draft.answers.merge(answers) { $1 }
            draft.touched = now
            drafts[key] = draft
        }
    }

    func discard(_ key: Key) {
        _ = drafts.withLock { $0.removeValue(forKey: key) }
    }

    /// Every draft of one session: the device went back to the counsellor.
    func discardAll(tokenHash: String) {
        drafts.withLock { drafts in drafts = drafts.filter { $0.key.tokenHash != tokenHash } }
    }

    /// How many drafts are held (for tests).
    var count: Int { drafts.withLock { $0.count } }
}
