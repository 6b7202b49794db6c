import FramstegStore
import SQLKit

/// What the load balancer's health check asks: whether the database answers.
struct HealthService {
    let store: Store

    /// Throws the database's error when it does not answer.
    func checkDatabase() async throws {
        try await store.read { db in try await db.raw("SELECT 1").run() }
    }
}
