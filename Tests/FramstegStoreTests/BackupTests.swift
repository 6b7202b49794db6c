import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

@Suite("Backup and restore")
struct BackupTests {
    /// The audit rows whose commit has returned, in order: what a client was told is stored.
    actor Acknowledged {
        private(set) var sequences: [Int64] = []
        func add(_ sequence: Int64) { sequences.append(sequence) }
    }

    static func temporaryPath(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("framsteg-backup-\(UUID().uuidString)\(suffix)").path
    }

    static func removeSQLite(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Polls every 20 ms until `condition` holds, for at most 60 s.
    static func waitUntil(_ condition: @Sendable () async -> Bool) async throws {
        for _ in 0..<3000 {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the condition did not hold within 60 s")
    }

    /// A fresh restore target of the same kind as `database`.
    static func withRestoreTarget<T: Sendable>(
        _ database: TestDatabase,
        _ body: @Sendable (DatabaseLocation) async throws -> T
    ) async throws -> T {
        switch database {
        case .sqlite:
            let path = temporaryPath(".sqlite")
            defer { removeSQLite(path) }
            return try await body(.sqlite(path: path))
        case .postgres:
            return try await TestDatabase.withEmptyPostgresDatabase(body)
        }
    }

    @Test(
        "a backup taken while writes go on restores with every write acknowledged before it began, a gapless prefix, and verifies",
        arguments: TestDatabase.available
    )
    func backupWhileWriting(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store in
            _ = try await ParticipantRepositoryTests.seed(store)
            let acknowledged = Acknowledged()
            let writer = Task {
                var index = 0
                while !Task.isCancelled {
                    index += 1
                    let entry = AuditLogTests.entry("unit.update", index)
                    let record = try await store.write { db in try await AuditLog(db).append(entry) }
                    await acknowledged.add(record.sequence)
                }
            }
            // Bounded waits rather than sleeps: the writer is slow when the machine is busy.
            try await Self.waitUntil { await acknowledged.sequences.count >= 20 }
            let beforeBackup = await acknowledged.sequences
            let file = Self.temporaryPath(database == .sqlite ? ".sqlite" : ".dump")
            defer { try? FileManager.default.removeItem(atPath: file) }
            // A connection of its own, as `framsteg backup` beside `serve`.
            try await Store.withStore(at: store.location, logger: TestDatabase.logger) { other in
                try await DatabaseBackup.backUp(other, to: file)
            }
            let atBackupEnd = await acknowledged.sequences.count
            try await Self.waitUntil { await acknowledged.sequences.count >= atBackupEnd + 5 }
            writer.cancel()
            _ = try? await writer.value
            let all = try await store.read { db in
                try await db.select().column("sequence").from("audit_log").orderBy("sequence").all(
                    decodingColumn: "sequence",
                    as: Int64.self
                )
            }
            let (verification, restored) = try await Self.withRestoreTarget(database) { target in
                try await DatabaseBackup.restore(from: file, into: target, logger: TestDatabase.logger)
                return try await Store.withStore(at: target, auditKey: TestKeys.keyring.auditKey, logger: TestDatabase.logger) { copy in
                    let verification = try await RestoreVerification.check(copy, keyring: TestKeys.keyring)
                    let sequences = try await copy.read { db in
                        try await db.select().column("sequence").from("audit_log").orderBy("sequence").all(
                            decodingColumn: "sequence",
                            as: Int64.self
                        )
                    }
                    return (verification, sequences)
                }
            }
            #expect(all.count > beforeBackup.count, "the writer went on during and after the backup")
            #expect(Set(beforeBackup).isSubset(of: Set(restored)), "every write acknowledged before the backup is in it")
            #expect(restored == Array(all.prefix(restored.count)), "the backup is one consistent moment: a prefix with no gap")
            #expect(restored.count < all.count, "writes acknowledged after the backup's moment are not in it (the RPO)")
            #expect(verification.isIntact)
            #expect(verification.participants == 1)
        }
    }

    @Test("restore never overwrites a file, and takes only a backup of its own kind")
    func restoreRefusals() async throws {
        try await TestDatabase.sqlite.withFreshStore { store in
            let file = Self.temporaryPath(".sqlite")
            defer { try? FileManager.default.removeItem(atPath: file) }
            try await DatabaseBackup.backUp(store, to: file)
            await #expect(throws: DatabaseBackup.Failure.targetExists(file)) { try await DatabaseBackup.backUp(store, to: file) }
            let existing = Self.temporaryPath(".sqlite")
            FileManager.default.createFile(atPath: existing, contents: Data())
            defer { Self.removeSQLite(existing) }
            await #expect(throws: DatabaseBackup.Failure.targetExists(existing)) {
                try await DatabaseBackup.restore(from: file, into: .sqlite(path: existing), logger: TestDatabase.logger)
            }
            let notABackup = Self.temporaryPath(".dump")
            FileManager.default.createFile(atPath: notABackup, contents: Data("PGDMP custom dump".utf8))
            defer { try? FileManager.default.removeItem(atPath: notABackup) }
            let target = Self.temporaryPath(".sqlite")
            await #expect(throws: DatabaseBackup.Failure.self) {
                try await DatabaseBackup.restore(from: notABackup, into: .sqlite(path: target), logger: TestDatabase.logger)
            }
            #expect(!FileManager.default.fileExists(atPath: target))
        }
    }
}
