import Crypto
import Foundation
import FramstegCore
import SQLKit

/// The append-only audit log, chained with HMAC-SHA256 under the audit key (rows from before the key
/// with plain SHA-256). The key comes with the connection from `Store.read`/`write`, or is given.
public struct AuditLog: Sendable {
    let db: any SQLDatabase
    let key: AuditKey?

    public init(_ db: any SQLDatabase, key: AuditKey? = nil) {
        self.db = db
        self.key = key ?? db.auditKey
    }

    /// The audit key is needed to write a row or check a keyed one, and the store was opened without it.
    public struct KeyMissing: Error, CustomStringConvertible {
        public var description: String { "the audit log needs the audit key from the key file (--key-file or FRAMSTEG_KEYS)" }
    }

    /// Plain SHA-256, as lowercase hex: how rows were chained before the audit key.
    public static func sha256(_ text: String) -> String { Hex.lowercase(SHA256.hash(data: Data(text.utf8))) }

    /// The chain as this log checks it; without a key, a keyed row can never verify.
    public static func chain(key: AuditKey?) -> AuditChain {
        AuditChain(plain: sha256, keyed: { text in key?.chainHash(text) ?? "" })
    }

    static let columns = [
        "sequence", "occurred_at", "user_id", "role", "action", "object_type", "object_id",
        "association_id", "result", "previous_hash", "hash", "chain", "unit_id", "source_address", "session_id",
    ]

    /// Appends one row, chained to the last with the key. Call inside `Store.write` so the row commits
    /// with the change it records. The address and session of the request being served are filled in
    /// from `AuditOrigin.current` unless the entry names them.
    @discardableResult
    public func append(_ entry: AuditEntry) async throws -> AuditRecord {
        guard let key else { throw KeyMissing() }
        let entry = entry.from(AuditOrigin.current)
        // Concurrent writers on PostgreSQL queue here, so each row links to the one committed before it.
        if db.isPostgres { try await db.raw("SELECT pg_advisory_xact_lock(7311002)").run() }
        let last = try await db.select().columns("sequence", "hash").from("audit_log")
            .orderBy("sequence", .descending).limit(1).first()
        let sequence = (try last?.decode(column: "sequence", as: Int64.self) ?? 0) + 1
        let previousHash = try last?.decode(column: "hash", as: String.self) ?? AuditChain.genesis
        let hash = Self.chain(key: key).hash(sequence: sequence, entry: entry, previousHash: previousHash, scheme: .keyed)
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
                SQLBind(hash),
                SQLBind(AuditChain.Scheme.keyed.rawValue),
                SQLBind(entry.unitID?.rawValue),
                SQLBind(entry.sourceAddress),
                SQLBind(entry.sessionID)
            )
            .run()
        return AuditRecord(sequence: sequence, entry: entry, previousHash: previousHash, hash: hash, scheme: .keyed)
    }

    /// The newest row's sequence and hash: (0, genesis) for an empty log.
    public func head() async throws -> (sequence: Int64, hash: String) {
        let last = try await db.select().columns("sequence", "hash").from("audit_log").orderBy("sequence", .descending).limit(1).first()
        guard let last else { return (0, AuditChain.genesis) }
        return (try last.decode(column: "sequence", as: Int64.self), try last.decode(column: "hash", as: String.self))
    }

    /// The stored hash of row `sequence`, if there is such a row.
    public func hash(at sequence: Int64) async throws -> String? {
        try await db.select().column("hash").from("audit_log").where("sequence", .equal, sequence).first()?
            .decode(column: "hash", as: String.self)
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
        let chain = Self.chain(key: key)
        var previousHash = AuditChain.genesis
        // Plain rows are only believed in a log from before the key (its key file derives the audit key).
        var allowsUnkeyed = key?.admitsUnkeyedRows ?? true
        var start = start
        if let anchor = try await latestAnchor(), start <= anchor.through {
            // What retention removed is vouched for by the anchor: the chain goes on from its hash.
            start = anchor.through
            previousHash = anchor.hash
            allowsUnkeyed = allowsUnkeyed && anchor.scheme == .sha256
        } else if start > 0 {
            guard let row = try await db.select().columns("hash", "chain").from("audit_log").where("sequence", .equal, start).first()
            else { return .broken(sequence: start, reason: .linkBroken) }
            previousHash = try row.decode(column: "hash", as: String.self)
            let scheme = try row.decode(column: "chain", as: String.self)
            allowsUnkeyed = allowsUnkeyed && scheme == AuditChain.Scheme.sha256.rawValue
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
                    if case .broken(let at, let reason) = chain.verify(page, previousHash: previousHash, allowsUnkeyed: allowsUnkeyed) {
                        return .broken(sequence: at, reason: reason)
                    }
                    return .broken(sequence: sequence, reason: .contentChanged)
                }
            }
            guard let lastRecord = page.last else { return .intact(rows: total) }
            if key == nil, page.contains(where: { $0.scheme == .keyed }) { throw KeyMissing() }
            switch chain.verify(page, previousHash: previousHash, allowsUnkeyed: allowsUnkeyed) {
            case .broken(let sequence, let reason): return .broken(sequence: sequence, reason: reason)
            case .intact(let rows): total += rows
            }
            previousHash = lastRecord.hash
            allowsUnkeyed = allowsUnkeyed && !page.contains { $0.scheme == .keyed }
            after = lastRecord.sequence
        }
    }

    static func record(from row: any SQLRow) throws -> AuditRecord {
        let sequence = try row.decode(column: "sequence", as: Int64.self)
        let roleText = try row.decode(column: "role", as: String?.self)
        let resultText = try row.decode(column: "result", as: String.self)
        guard let result = AuditResult(rawValue: resultText), roleText.map({ Role(rawValue: $0) != nil }) ?? true,
            let scheme = AuditChain.Scheme(rawValue: try row.decode(column: "chain", as: String.self))
        else {
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
            result: result,
            unitID: try row.optionalID("unit_id"),
            sourceAddress: try row.decode(column: "source_address", as: String?.self),
            sessionID: try row.decode(column: "session_id", as: String?.self)
        )
        entry.occurredAt = try row.decode(column: "occurred_at", as: Int64.self)
        return AuditRecord(
            sequence: sequence,
            entry: entry,
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self),
            scheme: scheme
        )
    }
}

/// Where a thinned log begins: the last removed row's sequence and hash, from which the chain of
/// what remains is proved.
public struct AuditAnchor: Hashable, Sendable {
    public let through: Int64
    public let hash: String
    public let scheme: AuditChain.Scheme
}

extension AuditLog {
    /// The newest anchor, nil while nothing was ever removed.
    public func latestAnchor() async throws -> AuditAnchor? {
        guard
            let row = try await db.select().columns("through_sequence", "hash", "chain").from("audit_anchors")
                .orderBy("through_sequence", .descending).limit(1).first()
        else { return nil }
        return AuditAnchor(
            through: try row.decode(column: "through_sequence", as: Int64.self),
            hash: try row.decode(column: "hash", as: String.self),
            scheme: AuditChain.Scheme(rawValue: try row.decode(column: "chain", as: String.self)) ?? .keyed
        )
    }

    /// Removes the rows from the oldest end up to the newest one before `cutoff`, after anchoring the
    /// chain at the last of them, and returns how many went. Call inside `Store.write`: the anchor and
    /// the removal commit together, so an interrupted run leaves the log as it was.
    public func thin(before cutoff: Date, now: Date) async throws -> Int {
        if db.isPostgres { try await db.raw("SELECT pg_advisory_xact_lock(7311002)").run() }
        guard
            let newest = try await db.select().column(SQLFunction("MAX", args: SQLColumn("sequence")), as: "through").from("audit_log")
                .where("occurred_at", .lessThan, Int64(cutoff.timeIntervalSince1970)).first(),
            let through = try newest.decode(column: "through", as: Int64?.self),
            let last = try await db.select().columns("hash", "chain").from("audit_log").where("sequence", .equal, through).first()
        else { return 0 }
        let count =
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log")
            .where("sequence", .lessThanOrEqual, through).first()?.decode(column: "n", as: Int.self) ?? 0
        try await db.insert(into: "audit_anchors").columns("through_sequence", "hash", "chain", "anchored_at")
            .values(
                SQLBind(through),
                SQLBind(try last.decode(column: "hash", as: String.self)),
                SQLBind(try last.decode(column: "chain", as: String.self)),
                SQLBind(Int64(now.timeIntervalSince1970))
            ).run()
        try await db.delete(from: "audit_log").where("sequence", .lessThanOrEqual, through).run()
        return count
    }
}

enum AuditRowError: Error {
    case unreadable(sequence: Int64)
}

extension Store {
    /// Writes one audit row for an event that changes nothing else (a read of personal data, an
    /// export, a refusal), and returns once it is committed. Rows handed in while another group
    /// commits are committed together in the next transaction (`AuditGroupCommit`).
    public func audit(_ entry: AuditEntry) async throws {
        try await auditGroup.append(entry, through: self)
    }
}
