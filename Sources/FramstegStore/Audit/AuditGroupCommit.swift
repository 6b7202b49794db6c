import FramstegCore

/// Audit rows of reads, committed in groups: a row handed in while another group is being committed
/// waits for the next commit together with every row handed in meanwhile, so sixteen record pages
/// opened at once cost a couple of commits (and fsyncs), not sixteen. `append` returns only once its
/// row is committed: no response is sent before the row that records it is durable.
actor AuditGroupCommit {
    private var waiting: [(entry: AuditEntry, done: CheckedContinuation<Void, any Error>)] = []
    private var isCommitting = false
    /// How many transactions have committed groups: for the tests of the grouping.
    private(set) var commits = 0
    /// How many rows have been handed in: for the tests of the grouping.
    private(set) var handedIn = 0

    /// Hands `entry` in and returns when it is committed through `store`. The request's address and
    /// session are settled here, in the request's task: the group is committed in another.
    func append(_ entry: AuditEntry, through store: Store) async throws {
        let entry = entry.from(AuditOrigin.current)
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            waiting.append((entry, done))
            handedIn += 1
            if !isCommitting {
                isCommitting = true
                // Detached from the request: its cancellation must not stop the others' commit, and
                // its task-local origin must not be given to their rows.
                Task.detached { await self.commitWaiting(through: store) }
            }
        }
    }

    /// Commits what waits, group after group, until nothing does.
    private func commitWaiting(through store: Store) async {
        while !waiting.isEmpty {
            let group = waiting
            waiting = []
            do {
                try await Self.commit(group.map(\.entry), through: store)
                commits += 1
                for row in group { row.done.resume() }
            } catch {
                // One row at a time, so a row that cannot be written fails its own request only.
                for row in group {
                    do {
                        try await Self.commit([row.entry], through: store)
                        commits += 1
                        row.done.resume()
                    } catch {
                        row.done.resume(throwing: error)
                    }
                }
            }
        }
        isCommitting = false
    }

    private static func commit(_ entries: [AuditEntry], through store: Store) async throws {
        try await store.write { db in
            let log = AuditLog(db)
            for entry in entries { try await log.append(entry) }
        }
    }
}
