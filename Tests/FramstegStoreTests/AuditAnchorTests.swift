import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

/// What someone with full access to the database, but not the key file, can do to the audit log,
/// and how the keyed chain and the checkpoints outside the database give it away.
@Suite("Audit log anchored by its key and checkpoints")
struct AuditAnchorTests {
    /// A counsellor's reads among other rows: the rows a forger would want gone.
    static func appendMixedRows(_ store: Store, count: Int) async throws {
        for index in 1...count {
            var entry = AuditLogTests.entry(index % 3 == 0 ? "participant.read" : "unit.update", index)
            entry.unitID = UnitID(7)
            entry.sourceAddress = "192.0.2.\(index)"
            entry.sessionID = "5e55" + String(repeating: "0", count: 12)
            let row = entry
            try await store.write { db in try await AuditLog(db).append(row) }
        }
    }

    static func allRecords(_ store: Store) async throws -> [AuditRecord] {
        try await store.read { db in try await AuditLog(db).recent(associationID: nil, limit: 10_000) }.reversed()
    }

    /// The forger's rewrite: with the triggers out of the way, every row is deleted and the kept ones
    /// are written again under new sequence numbers, chained by `chain` and labelled `scheme`.
    static func rewrite(_ store: Store, keeping kept: [AuditRecord], chain: AuditChain, scheme: AuditChain.Scheme) async throws {
        try await AuditLogTests.tamper(store, "DELETE FROM audit_log")
        try await store.write { db in
            var previous = AuditChain.genesis
            for (index, record) in kept.enumerated() {
                let sequence = Int64(index + 1)
                var entry = record.entry
                // Plain rows cannot carry what their text does not cover.
                if scheme == .sha256 { (entry.unitID, entry.sourceAddress, entry.sessionID) = (nil, nil, nil) }
                let hash = chain.hash(sequence: sequence, entry: entry, previousHash: previous, scheme: scheme)
                try await insert(db, sequence: sequence, entry: entry, previous: previous, hash: hash, scheme: scheme.rawValue)
                previous = hash
            }
        }
    }

    /// Writes a row as raw SQL would, `chain` left to its default when nil (a row from before migration 19).
    static func insert(
        _ db: any SQLDatabase,
        sequence: Int64,
        entry: AuditEntry,
        previous: String,
        hash: String,
        scheme: String?
    ) async throws {
        var columns = ["sequence", "occurred_at", "user_id", "role", "action", "object_type", "object_id", "association_id", "result"]
        columns += ["previous_hash", "hash", "unit_id", "source_address", "session_id"]
        var values: [any SQLExpression] = [
            SQLBind(sequence), SQLBind(entry.occurredAt), SQLBind(entry.userID?.rawValue), SQLBind(entry.role?.rawValue),
            SQLBind(entry.action), SQLBind(entry.objectType), SQLBind(entry.objectID), SQLBind(entry.associationID?.rawValue),
            SQLBind(entry.result.rawValue), SQLBind(previous), SQLBind(hash), SQLBind(entry.unitID?.rawValue),
            SQLBind(entry.sourceAddress), SQLBind(entry.sessionID),
        ]
        if let scheme {
            columns.append("chain")
            values.append(SQLBind(scheme))
        }
        try await db.insert(into: "audit_log").columns(columns).values(values).run()
    }

    static let plainSHA256 = AuditChain(hash: AuditLog.sha256)

    /// The audit key of another, freshly generated key file.
    static func otherKey() throws -> AuditKey { try FieldKeyring(text: FieldKeyring.generateText(keyID: "other")).auditKey }

    static func checkpointFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("framsteg-checkpoints-\(UUID().uuidString)").path
    }

    @Test(
        "deleting a counsellor's reads and recomputing the chain with plain SHA-256 is found, whatever the rows claim",
        arguments: TestDatabase.available,
        AuditChain.Scheme.allCases
    )
    func recomputedWithoutKey(_ database: TestDatabase, claimed scheme: AuditChain.Scheme) async throws {
        try await database.withFreshStore { store throws in
            try await Self.appendMixedRows(store, count: 9)
            let kept = try await Self.allRecords(store).filter { $0.entry.action != "participant.read" }
            #expect(kept.count == 6)
            try await Self.rewrite(store, keeping: kept, chain: Self.plainSHA256, scheme: scheme)
            let verdict = try await store.read { db in try await AuditLog(db).verify() }
            // Claimed keyed, the SHA-256 is not the keyed hash; claimed plain, a keyed log has no plain rows.
            #expect(verdict == .broken(sequence: 1, reason: scheme == .keyed ? .contentChanged : .unkeyed))
        }
    }

    @Test("recomputing the chain under another key is found at the first row", arguments: TestDatabase.available)
    func recomputedWithWrongKey(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await Self.appendMixedRows(store, count: 5)
            let kept = try await Self.allRecords(store).filter { $0.sequence != 3 }
            let wrongKey = try Self.otherKey()
            try await Self.rewrite(store, keeping: kept, chain: AuditLog.chain(key: wrongKey), scheme: .keyed)
            #expect(try await store.read { db in try await AuditLog(db).verify() } == .broken(sequence: 1, reason: .contentChanged))
            // And what the right key writes after the forged rows does not mend them.
            try await store.write { db in try await AuditLog(db).append(AuditLogTests.entry("unit.update", 99)) }
            #expect(try await store.read { db in try await AuditLog(db).verify() } == .broken(sequence: 1, reason: .contentChanged))
        }
    }

    @Test("a cut tail leaves an intact chain, and the checkpoint written before names it", arguments: TestDatabase.available)
    func tailCutAgainstCheckpoint(_ database: TestDatabase) async throws {
        let path = Self.checkpointFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await database.withFreshStore { store throws in
            let checkpointer = AuditCheckpointer(store: store, sink: .file(path: path), now: { Date(timeIntervalSince1970: 1_800_000_000) })
            try await Self.appendMixedRows(store, count: 5)
            #expect(try await checkpointer.write()?.sequence == 5)
            #expect(try await checkpointer.write(unlessAt: 5) == nil, "an unmoved head writes nothing")
            try await Self.appendMixedRows(store, count: 2)
            try await checkpointer.write()
            let file = try String(contentsOfFile: path, encoding: .utf8)
            #expect(try await store.read { db in try await AuditLog(db).check(checkpoints: file) } == [])
            try await AuditLogTests.tamper(store, "DELETE FROM audit_log WHERE sequence > 5")
            #expect(try await store.read { db in try await AuditLog(db).verify() } == .intact(rows: 5))
            #expect(
                try await store.read { db in try await AuditLog(db).check(checkpoints: file) } == [
                    .tailCut(line: 2, sequence: 7, lastRow: 5)
                ]
            )
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test("a forged or altered checkpoint line is found by its signature", arguments: TestDatabase.available)
    func forgedCheckpoint(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await Self.appendMixedRows(store, count: 4)
            let key = try #require(store.auditKey)
            let good = try await store.read { db in try await AuditLog(db).checkpoint(at: Date(timeIntervalSince1970: 1_800_000_000)) }
            let line = good.line(signedWith: key)
            // The forger moves the checkpoint back to row 2, after cutting rows 3 and 4, keeping the signature.
            let row2 = try #require(try await store.read { db in try await AuditLog(db).hash(at: 2) })
            let moved = line.replacingOccurrences(of: " 4 \(good.hash) ", with: " 2 \(row2) ")
            #expect(moved != line)
            let resigned = AuditCheckpoint(sequence: 2, hash: row2, time: good.time).line(signedWith: try Self.otherKey())
            let file = [line, moved, "Dec  1 11:00:00 host framsteg[42]: " + resigned, "framsteg-audit-checkpoint v1 x"].joined(
                separator: "\n"
            )
            let findings = try await store.read { db in try await AuditLog(db).check(checkpoints: file) }
            #expect(findings == [.badSignature(line: 2, sequence: 2), .badSignature(line: 3, sequence: 2), .malformed(line: 4)])
            #expect(try await store.read { db in try await AuditLog(db).check(checkpoints: "nothing here\n") } == [.none])
        }
    }

    @Test(
        "rows chained with plain SHA-256 before the key, then keyed rows, verify intact in a log whose key is derived",
        arguments: TestDatabase.available
    )
    func legacyRowsThenKeyed(_ database: TestDatabase) async throws {
        try await database.withFreshStore(auditKey: TestKeys.legacyKeyring.auditKey) { store throws in
            // Rows as the version before migration 19 wrote them: no scheme, unit, address or session.
            try await store.write { db in
                var previous = AuditChain.genesis
                for index in 1...4 {
                    let entry = AuditLogTests.entry("unit.update", index)
                    let hash = AuditLog.sha256(AuditChain.canonicalText(sequence: Int64(index), entry: entry, previousHash: previous))
                    try await Self.insert(db, sequence: Int64(index), entry: entry, previous: previous, hash: hash, scheme: nil)
                    previous = hash
                }
            }
            try await Self.appendMixedRows(store, count: 3)
            #expect(try await Self.allRecords(store).map(\.scheme) == [.sha256, .sha256, .sha256, .sha256, .keyed, .keyed, .keyed])
            try await store.read { db throws in
                #expect(try await AuditLog(db).verify(pageSize: 3) == .intact(rows: 7))
                #expect(try await AuditLog(db).verifyRecent(rows: 2) == .intact(rows: 2))
                #expect(try await AuditLog(db).verifyRecent(rows: 5) == .intact(rows: 5))
            }
            // A forger relabelling a keyed row as plain is found there: no plain row follows a keyed one.
            try await AuditLogTests.tamper(store, "UPDATE audit_log SET chain = 'sha256' WHERE sequence = 6")
            #expect(try await store.read { db in try await AuditLog(db).verify() } == .broken(sequence: 6, reason: .unkeyed))
        }
    }

    @Test(
        "in a log from before the key, relabelling every row as plain passes the chain but not the checkpoints",
        arguments: TestDatabase.available
    )
    func legacyDowngradeAgainstCheckpoint(_ database: TestDatabase) async throws {
        let path = Self.checkpointFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await database.withFreshStore(auditKey: TestKeys.legacyKeyring.auditKey) { store throws in
            try await Self.appendMixedRows(store, count: 6)
            try await AuditCheckpointer(store: store, sink: .file(path: path)).write()
            let kept = try await Self.allRecords(store).filter { $0.sequence != 3 }
            try await Self.rewrite(store, keeping: kept, chain: Self.plainSHA256, scheme: .sha256)
            try await store.write { db in try await AuditLog(db).append(AuditLogTests.entry("unit.update", 50)) }
            #expect(try await store.read { db in try await AuditLog(db).verify() } == .intact(rows: 6))
            let file = try String(contentsOfFile: path, encoding: .utf8)
            #expect(try await store.read { db in try await AuditLog(db).check(checkpoints: file) } == [.rewritten(line: 1, sequence: 6)])
        }
    }

    @Test("a store opened without the audit key writes no audit row and says why")
    func noKeyNoRow() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("framsteg-nokey-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await Store.withStore(at: .sqlite(path: path), logger: TestDatabase.logger) { store in
            try await Migrator().migrate(store)
            await #expect(throws: AuditLog.KeyMissing.self) {
                try await store.write { db in try await AuditLog(db).append(AuditLogTests.entry("unit.update")) }
            }
        }
    }
}
