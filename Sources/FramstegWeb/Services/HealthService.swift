import FramstegStore
import SQLKit

/// What the probes ask. Liveness: the process answers (nothing is checked, so a database outage
/// never makes an orchestrator restart every node). Readiness: the database answers and takes a
/// write, its schema is current, and the key file opens a fresh and a stored sealed value.
struct HealthService {
    let store: Store
    let keyring: FieldKeyring

    /// One readiness check and how it went.
    struct Check: Sendable, Equatable {
        let name: String
        let isPassed: Bool
    }

    /// Runs the readiness checks in order; after a failure the rest are not passed either. The
    /// error of the first failed check goes to `onFailure` (for the log, never the response).
    func readiness(onFailure: (String, any Error) -> Void) async -> [Check] {
        let checks: [(String, () async throws -> Void)] = [
            ("database", { try await store.read { db in try await db.raw("SELECT 1").run() } }),
            ("writable", { try await store.checkWritable() }),
            (
                "migrations",
                {
                    let pending = try await Migrator().pendingVersions(store)
                    guard pending.isEmpty else {
                        throw StoreError.notFound("migrations \(pending.map(String.init).joined(separator: ", "))")
                    }
                }
            ),
            ("keys", { try await store.read { db in try await KeyCanary(keyring: keyring).check(db) } }),
        ]
        var results: [Check] = []
        var failed = false
        for (name, check) in checks {
            if failed {
                results.append(Check(name: name, isPassed: false))
                continue
            }
            do { try await check() } catch {
                onFailure(name, error)
                failed = true
            }
            results.append(Check(name: name, isPassed: !failed))
        }
        return results
    }
}
