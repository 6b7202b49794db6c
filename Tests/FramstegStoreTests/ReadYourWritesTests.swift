import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

/// Inside one transaction a statement must see what the statement before it wrote.
///
/// On SQLite this failed several times in forty fresh databases while the connection ran on NIO's
/// shared two-thread pool (seen first as a flaky audit tamper test); the store now gives each SQLite
/// connection a thread of its own.
@Suite("Read your own writes")
struct ReadYourWritesTests {
    @Test("a delete is visible to the next statement on a freshly migrated database", arguments: TestDatabase.available)
    func deleteThenCount(_ database: TestDatabase) async throws {
        let rounds = database == .sqlite ? 40 : 5
        var stale: [Int] = []
        for round in 1...rounds {
            let counts = try await database.withFreshStore { store throws -> (Int, Int) in
                try await AuditLogTests.appendRows(store, count: 5)
                return try await store.write { db throws in
                    if store.dialect == .sqlite {
                        try await db.raw("DROP TRIGGER audit_log_no_delete").run()
                    } else {
                        try await db.raw("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").run()
                    }
                    let before = try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self)
                    try await db.raw("DELETE FROM audit_log WHERE sequence = 4").run()
                    let after = try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self)
                    return (before ?? -1, after ?? -1)
                }
            }
            if counts != (5, 4) { stale.append(round) }
        }
        #expect(stale.isEmpty, "the delete was not yet visible in rounds \(stale)")
    }
}

/// SQLite's readers beside its writer (issue 21): a long read does not hold up a write, each read
/// sees one committed state, and a write is seen by every read that starts after it.
@Suite("Readers beside the writer")
struct ReadersBesideWriterTests {
    /// Whether something happened, as seen from another task.
    actor Flag {
        private(set) var isSet = false
        func set() { isSet = true }

        /// Waits (a bounded while) until the flag is set; true when it was.
        func wait(rounds: Int = 200) async throws -> Bool {
            for _ in 0..<rounds where !isSet { try await Task.sleep(for: .milliseconds(50)) }
            return isSet
        }
    }

    @Test("a write completes while a long read is still going on, and the read keeps its own state", arguments: TestDatabase.available)
    func writeDuringRead(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await AuditLogTests.appendRows(store, count: 3)
            let (reading, written) = (Flag(), Flag())
            let read = Task {
                try await store.read { db -> (Int, Int, Bool) in
                    let before = try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self) ?? -1
                    await reading.set()
                    // The read goes on until the write has finished, or gives up after ten seconds.
                    let sawWrite = try await written.wait()
                    let after = try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self) ?? -1
                    return (before, after, sawWrite)
                }
            }
            #expect(try await reading.wait(), "the read began")
            try await store.write { db in try await AuditLog(db).append(AuditLogTests.entry("unit.update", 99)) }
            await written.set()
            let (before, after, sawWrite) = try await read.value
            #expect(sawWrite, "the write did not wait for the read to end")
            #expect(before == 3)
            if database == .sqlite { #expect(after == 3, "one read, one committed state") }
            #expect(
                try await store.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self)
                } == 4
            )
        }
    }

    @Test("a read that tries to write is refused on SQLite", arguments: [TestDatabase.sqlite])
    func readsDoNotWrite(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            await #expect(throws: (any Error).self) {
                try await store.read { db -> Void in try await db.raw("DELETE FROM form_sends").run() }
            }
        }
    }
}
