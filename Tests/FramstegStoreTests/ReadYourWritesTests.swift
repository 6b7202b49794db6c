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
