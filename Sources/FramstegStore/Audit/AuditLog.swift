import Crypto
import Foundation
import FramstegCore
import SQLKit

/// The append-only, hash-chained audit log.
public struct AuditLog: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// SHA-256 over the canonical text of each row, as lowercase hex.
    public static let chain = AuditChain { text in
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static let columns = [
        "sequence", "occurred_at", "user_id", "role", "action", "object_type", "object_id",
        "association_id", "result", "previous_hash", "hash",
    ]

    /// Appends one row, chained to the last. Call inside `Store.write` so the row commits with the change it records.
    @discardableResult
    public func append(_ entry: AuditEntry) async throws -> AuditRecord {
        // Concurrent writers on PostgreSQL queue here, so each row links to the one committed before it.
        if db.isPostgres { try await db.raw("SELECT pg_advisory_xact_lock(7311002)").run() }
        let last = try await db.select().columns("sequence", "hash").from("audit_log")
            .orderBy("sequence", .descending).limit(1).first()
        let sequence = (try last?.decode(column: "sequence", as: Int64.self) ?? 0) + 1
        let previousHash = try last?.decode(column: "hash", as: String.self) ?? AuditChain.genesis
        let hash = Self.chain.hash(sequence: sequence, entry: entry, previousHash: previousHash)
        try await db.insert(into: "audit_log").columns(Self.columns)
            .values(
                SQLBind(sequence),
                SQLBind(entry.occurredAt),
                SQLBind(entry.userID?.rawValue),
                SQLBind(entry.role?.rawValue),
                SQLBind(entry.action),
                SQLBind(entry.objectType),
                SQLBind(entry.objectID),
                SQLBind(entry.associationID?.rawValue),
                SQLBind(entry.result.rawValue),
                SQLBind(previousHash),
                SQLBind(hash)
            )
            .run()
        return AuditRecord(sequence: sequence, entry: entry, previousHash: previousHash, hash: hash)
    }

    /// The newest rows first, optionally only those of one association.
    public func recent(associationID: AssociationID?, limit: Int = 100) async throws -> [AuditRecord] {
        var query = db.select().columns(Self.columns).from("audit_log")
        if let associationID { query = query.where("association_id", .equal, associationID.rawValue) }
        return try await query.orderBy("sequence", .descending).limit(limit).all().map(Self.record(from:))
    }

    /// Recomputes the chain over the newest `rows` rows only, trusting the link into the first of them:
    /// cheap enough for a page view. `framsteg audit verify` checks everything.
    public func verifyRecent(rows: Int) async throws -> AuditChain.Verdict {
        let newest = try await db.select().column("sequence").from("audit_log").orderBy("sequence", .descending).limit(1).first()
        let last = try newest?.decode(column: "sequence", as: Int64.self) ?? 0
        return try await verify(after: max(0, last - Int64(rows)))
    }

    /// Recomputes the chain after row `after` (0: the whole chain), a page at a time, and reports the first broken row.
    public func verify(after start: Int64 = 0, pageSize: Int = 1000) async throws -> AuditChain.Verdict {
        var previousHash = AuditChain.genesis
        if start > 0 {
            guard let row = try await db.select().column("hash").from("audit_log").where("sequence", .equal, start).first()
            else { return .broken(sequence: start, reason: .linkBroken) }
            previousHash = try row.decode(column: "hash", as: String.self)
        }
        var after = start
        var total = 0
        while true {
            let rows = try await db.select().columns(Self.columns).from("audit_log")
                .where("sequence", .greaterThan, after).orderBy("sequence").limit(pageSize).all()
            var page: [AuditRecord] = []
            for row in rows {
                do { page.append(try Self.record(from: row)) } catch AuditRowError.unreadable(let sequence) {
                    // A role or result no code ever writes can only come from editing the table.
                    if case .broken(let at, let reason) = Self.chain.verify(page, previousHash: previousHash) {
                        return .broken(sequence: at, reason: reason)
                    }
                    return .broken(sequence: sequence, reason: .contentChanged)
                }
            }
            guard let lastRecord = page.last else { return .intact(rows: total) }
            switch Self.chain.verify(page, previousHash: previousHash) {
            case .broken(let sequence, let reason): return .broken(sequence: sequence, reason: reason)
            case .intact(let rows): total += rows
            }
            previousHash = lastRecord.hash
            after = lastRecord.sequence
        }
    }

    static func record(from row: any SQLRow) throws -> AuditRecord {
        let sequence = try row.decode(column: "sequence", as: Int64.self)
        let roleText = try row.decode(column: "role", as: String?.self)
        let resultText = try row.decode(column: "result", as: String.self)
        guard let result = AuditResult(rawValue: resultText), roleText.map({ Role(rawValue: $0) != nil }) ?? true else {
            throw AuditRowError.unreadable(sequence: sequence)
        }
        var entry = AuditEntry(
            occurredAt: Date(timeIntervalSince1970: 0),
            userID: try row.optionalID("user_id"),
            role: roleText.flatMap(Role.init(rawValue:)),
            action: try row.decode(column: "action", as: String.self),
            objectType: try row.decode(column: "object_type", as: String.self),
            objectID: try row.decode(column: "object_id", as: String?.self),
            associationID: try row.optionalID("association_id"),
            result: result
        )
        entry.occurredAt = try row.decode(column: "occurred_at", as: Int64.self)
        return AuditRecord(
            sequence: sequence,
            entry: entry,
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self)
        )
    }
}

enum AuditRowError: Error {
    case unreadable(sequence: Int64)
}

extension Store {
    /// Writes one audit row in a transaction of its own: for an event that changes nothing else
    /// (a read of personal data, an export, a refusal).
    public func audit(_ entry: AuditEntry) async throws {
        try await write { db in try await AuditLog(db).append(entry) }
    }
}
