import Foundation
import FramstegCore
import FramstegTestSupport
import SQLKit
import Testing

@testable import FramstegStore

@Suite("Audit log")
struct AuditLogTests {
    static func entry(_ action: String, _ index: Int = 0) -> AuditEntry {
        AuditEntry(
            occurredAt: Date(timeIntervalSince1970: 1_800_000_000 + TimeInterval(index)),
            userID: UserID(1),
            role: .admin,
            action: action,
            objectType: "unit",
            objectID: String(index),
            associationID: AssociationID(1),
            result: .success
        )
    }

    static func appendRows(_ store: Store, count: Int) async throws {
        for index in 1...count {
            try await store.write { db in try await AuditLog(db).append(Self.entry("unit.update", index)) }
        }
    }

    /// Tampering needs the append-only trigger out of the way, as an attacker with database access would do.
    static func tamper(_ store: Store, _ statement: String) async throws {
        try await store.write { db throws in
            switch store.dialect {
            case .sqlite:
                try await db.raw("DROP TRIGGER IF EXISTS audit_log_no_update").run()
                try await db.raw("DROP TRIGGER IF EXISTS audit_log_no_delete").run()
            case .postgres:
                try await db.raw("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").run()
            }
            try await db.raw(SQLQueryString(statement)).run()
        }
    }

    @Test("rows chain and verify; pages of the verification join up", arguments: TestDatabase.available)
    func chainVerifies(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await Self.appendRows(store, count: 7)
            try await store.read { db throws in
                #expect(try await AuditLog(db).verify(pageSize: 3) == .intact(rows: 7))
                let recent = try await AuditLog(db).recent(associationID: AssociationID(1), limit: 2)
                #expect(recent.map(\.sequence) == [7, 6])
                #expect(recent[1].hash == recent[0].previousHash)
            }
        }
    }

    @Test("the database refuses to change or delete an audit row", arguments: TestDatabase.available)
    func appendOnly(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await Self.appendRows(store, count: 2)
            await #expect(throws: (any Error).self) {
                try await store.write { db in try await db.raw("UPDATE audit_log SET result = 'denied' WHERE sequence = 1").run() }
            }
            await #expect(throws: (any Error).self) {
                try await store.write { db in try await db.raw("DELETE FROM audit_log WHERE sequence = 2").run() }
            }
            #expect(try await store.read { db in try await AuditLog(db).verify() } == .intact(rows: 2))
        }
    }

    @Test("a changed row is reported by verify", arguments: TestDatabase.available)
    func changedRow(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await Self.appendRows(store, count: 5)
            try await Self.tamper(store, "UPDATE audit_log SET user_id = 2 WHERE sequence = 3")
            #expect(
                try await store.read { db in try await AuditLog(db).verify(pageSize: 2) } == .broken(sequence: 3, reason: .contentChanged)
            )
        }
    }

    @Test("checking only the newest rows finds a change among them and ignores older ones", arguments: TestDatabase.available)
    func recentWindow(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await Self.appendRows(store, count: 10)
            try await Self.tamper(store, "UPDATE audit_log SET action = 'edited' WHERE sequence = 2")
            try await store.read { db throws in
                #expect(try await AuditLog(db).verifyRecent(rows: 5) == .intact(rows: 5))
                #expect(try await AuditLog(db).verifyRecent(rows: 9) == .broken(sequence: 2, reason: .contentChanged))
                #expect(try await AuditLog(db).verify() == .broken(sequence: 2, reason: .contentChanged))
            }
            try await Self.tamper(store, "UPDATE audit_log SET object_id = 'x' WHERE sequence = 8")
            #expect(
                try await store.read { db in try await AuditLog(db).verifyRecent(rows: 5) } == .broken(sequence: 8, reason: .contentChanged)
            )
        }
    }

    @Test("a deleted row is reported at the row after it", arguments: TestDatabase.available)
    func deletedRow(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await Self.appendRows(store, count: 5)
            try await Self.tamper(store, "DELETE FROM audit_log WHERE sequence = 4")
            let verdict = try await store.read { db in try await AuditLog(db).verify() }
            #expect(verdict == .broken(sequence: 5, reason: .linkBroken))
        }
    }

    @Test("a role no code writes is reported as changed content", arguments: TestDatabase.available)
    func unreadableRow(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await Self.appendRows(store, count: 3)
            try await Self.tamper(store, "UPDATE audit_log SET role = 'superuser' WHERE sequence = 2")
            #expect(try await store.read { db in try await AuditLog(db).verify() } == .broken(sequence: 2, reason: .contentChanged))
        }
    }

    @Test("concurrent writers still produce one unbroken chain", arguments: TestDatabase.available)
    func concurrentAppends(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 1...24 {
                    group.addTask { _ = try await store.write { db in try await AuditLog(db).append(Self.entry("concurrent", index)) } }
                }
                try await group.waitForAll()
            }
            #expect(try await store.read { db in try await AuditLog(db).verify() } == .intact(rows: 24))
        }
    }

    @Test("audit rows of reads handed in at once commit in one group, each with its own origin", arguments: TestDatabase.available)
    func groupedReadAudits(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            // Hold the writer (and on PostgreSQL the chain's lock), so the rows handed in meanwhile wait together.
            let (held, holding) = AsyncStream.makeStream(of: Void.self)
            let (release, releasing) = AsyncStream.makeStream(of: Void.self)
            let holder = Task {
                try await store.write { db in
                    if store.dialect == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(7311002)").run() }
                    holding.yield()
                    for await _ in release { break }
                }
            }
            for await _ in held { break }
            let (commitsBefore, handedInBefore) = (await store.auditGroup.commits, await store.auditGroup.handedIn)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 1...24 {
                    group.addTask {
                        try await AuditOrigin.$current.withValue(AuditOrigin(sourceAddress: "10.0.0.\(index)", sessionID: "s\(index)")) {
                            try await store.audit(Self.entry("participant.read", index))
                        }
                    }
                }
                // The first group waits for the writer; every row handed in meanwhile waits for the next.
                while await store.auditGroup.handedIn - handedInBefore < 24 { try await Task.sleep(for: .milliseconds(5)) }
                #expect(try await store.read { db in try await AuditLog(db).head().sequence } == 0)
                releasing.yield()
                try await group.waitForAll()
            }
            try await holder.value
            // One at a time, this would be 24 commits.
            #expect((1...2).contains(await store.auditGroup.commits - commitsBefore))
            let rows = try await store.read { db in try await AuditLog(db).recent(associationID: AssociationID(1), limit: 30) }
            #expect(rows.count == 24)
            for row in rows {
                #expect(row.entry.sourceAddress == "10.0.0.\(row.entry.objectID ?? "")")
                #expect(row.entry.sessionID == "s\(row.entry.objectID ?? "")")
            }
            #expect(try await store.read { db in try await AuditLog(db).verify() } == .intact(rows: 24))
        }
    }
}
