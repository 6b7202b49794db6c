import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

/// A read or write whose task is cancelled in the middle (a probe past its deadline, a request
/// whose client went away) must leave its connection out of the transaction.
///
/// CI caught this as a readiness probe that never recovered: SQLite's thread pool refuses work
/// for a cancelled task, so the ROLLBACK was never run, the connection stayed inside the
/// transaction, and every later read on it failed with "cannot start a transaction within a
/// transaction".
@Suite("Cancelled transactions")
struct CancelledTransactionTests {
    /// Lets the test cancel a task once its body is inside the transaction.
    actor Gate {
        private(set) var hasEntered = false
        private(set) var failure: String?
        func enter() { hasEntered = true }
        func fail(_ error: any Error) { failure = "\(error)" }

        /// Waits until the body is inside its transaction, or the transaction could not begin.
        func waitForEntry() async throws {
            while !hasEntered && failure == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
    }

    /// Runs `body` as a task, cancels it once it is inside, and expects the cancellation back.
    static func cancelInside(_ body: @escaping @Sendable (Gate) async throws -> Void) async throws {
        let gate = Gate()
        let task = Task {
            do { try await body(gate) } catch {
                await gate.fail(error)
                throw error
            }
        }
        try await gate.waitForEntry()
        let failure = await gate.failure
        try #require(await gate.hasEntered, "the transaction did not begin: \(failure ?? "")")
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test("a write cancelled inside its transaction is rolled back, and the next writes and reads work", arguments: TestDatabase.available)
    func cancelledWrite(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store in
            for _ in 0..<3 {
                try await Self.cancelInside { gate in
                    try await store.write { db in
                        try await db.raw("UPDATE schema_migrations SET name = 'cancelled' WHERE version = 1").run()
                        await gate.enter()
                        try await Task.sleep(for: .seconds(30))
                    }
                }
            }
            let name = try await store.write { db in
                try await db.raw("SELECT name FROM schema_migrations WHERE version = 1").first()?.decode(column: "name", as: String.self)
            }
            #expect(name != "cancelled", "the cancelled write was rolled back")
            try await store.write { db in try await db.raw("UPDATE schema_migrations SET name = name WHERE version = 1").run() }
        }
    }

    @Test("a read cancelled inside its transaction leaves its connection free for the next reads", arguments: TestDatabase.available)
    func cancelledRead(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store in
            // More cancelled reads than SQLite has reader connections: each one is reused.
            for _ in 0..<5 {
                try await Self.cancelInside { gate in
                    try await store.read { db in
                        try await db.raw("SELECT 1").run()
                        await gate.enter()
                        try await Task.sleep(for: .seconds(30))
                    }
                }
            }
            for _ in 0..<5 {
                let one = try await store.read { db in try await db.raw("SELECT 1 AS n").first()?.decode(column: "n", as: Int.self) }
                #expect(one == 1)
            }
        }
    }
}
