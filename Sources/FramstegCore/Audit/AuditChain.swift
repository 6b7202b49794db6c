/// The hash chain over the audit log: each row's hash covers its content and the previous row's hash,
/// so changing, removing or reordering a row breaks every hash after it.
///
/// The hash functions come in from outside (SHA-256 and HMAC-SHA256 under the audit key in the store),
/// keeping this file free of I/O and crypto.
public struct AuditChain: Sendable {
    public typealias HashFunction = @Sendable (String) -> String

    /// How a row is chained. Rows written before the audit key existed were hashed with plain SHA-256,
    /// which anyone with the database can recompute; every row since is keyed. A plain row after a
    /// keyed one, or in a log that was keyed from its first row, is itself a finding: it can only come
    /// from rewriting the table without the key.
    public enum Scheme: String, Sendable, CaseIterable {
        case sha256
        case keyed = "hmac"
    }

    /// The "previous hash" of the very first row.
    public static let genesis = String(repeating: "0", count: 64)

    let plainHash: HashFunction
    let keyedHash: HashFunction

    /// `plain` recomputes the rows from before the key, `keyed` every row since.
    public init(plain: @escaping HashFunction, keyed: @escaping HashFunction) {
        self.plainHash = plain
        self.keyedHash = keyed
    }

    /// One function for both schemes, for tests of the chain's logic alone.
    public init(hash: @escaping HashFunction) { self.init(plain: hash, keyed: hash) }

    /// The text that is hashed: every field, in a fixed order, separated so no two entries share it.
    /// Keyed rows add the scheme, unit, address and session; plain rows keep the text they were hashed with.
    public static func canonicalText(sequence: Int64, entry: AuditEntry, previousHash: String, scheme: Scheme = .sha256) -> String {
        var fields = [
            String(sequence), String(entry.occurredAt), entry.userID.map(\.description) ?? "",
            entry.role?.rawValue ?? "", entry.action, entry.objectType, entry.objectID ?? "",
            entry.associationID.map(\.description) ?? "", entry.result.rawValue, previousHash,
        ]
        if scheme == .keyed {
            fields += [scheme.rawValue, entry.unitID.map(\.description) ?? "", entry.sourceAddress ?? "", entry.sessionID ?? ""]
        }
        return fields.map { $0.replacingBackslashesAndBars }.joined(separator: "|")
    }

    public func hash(sequence: Int64, entry: AuditEntry, previousHash: String, scheme: Scheme = .keyed) -> String {
        let text = Self.canonicalText(sequence: sequence, entry: entry, previousHash: previousHash, scheme: scheme)
        return scheme == .keyed ? keyedHash(text) : plainHash(text)
    }

    /// Where verification stopped, if it did.
    public enum Verdict: Equatable, Sendable {
        case intact(rows: Int)
        /// The first row whose stored hashes do not match what its content and predecessor give.
        case broken(sequence: Int64, reason: BreakReason)
    }

    public enum BreakReason: Equatable, Sendable {
        /// The row's content was changed: its hash no longer matches.
        case contentChanged
        /// The row does not follow the one before it: a row was removed, inserted or reordered.
        case linkBroken
        /// A row claims the unkeyed scheme where only keyed rows may be: the table was rewritten without the key.
        case unkeyed
    }

    /// Recomputes the chain over rows in sequence order; `previousHash` is the hash of the row before the
    /// first. `allowsUnkeyed`: whether the first rows may be plain SHA-256 ones (a log from before the
    /// key, up to its first keyed row).
    public func verify(
        _ records: some Sequence<AuditRecord>,
        previousHash: String = AuditChain.genesis,
        allowsUnkeyed: Bool = true
    ) -> Verdict {
        var previous = previousHash
        var allowsUnkeyed = allowsUnkeyed
        var count = 0
        for record in records {
            if record.previousHash != previous { return .broken(sequence: record.sequence, reason: .linkBroken) }
            if record.scheme == .sha256, !allowsUnkeyed { return .broken(sequence: record.sequence, reason: .unkeyed) }
            // The plain text does not cover these fields: on a plain row they can only have been added since.
            if record.scheme == .sha256, record.entry.unitID != nil || record.entry.sourceAddress != nil || record.entry.sessionID != nil {
                return .broken(sequence: record.sequence, reason: .contentChanged)
            }
            if hash(sequence: record.sequence, entry: record.entry, previousHash: previous, scheme: record.scheme) != record.hash {
                return .broken(sequence: record.sequence, reason: .contentChanged)
            }
            allowsUnkeyed = allowsUnkeyed && record.scheme == .sha256
            previous = record.hash
            count += 1
        }
        return .intact(rows: count)
    }
}

extension String {
    /// Escapes the separator so `a|b` in one field cannot pose as two fields.
    fileprivate var replacingBackslashesAndBars: String {
        var out = ""
        for character in self {
            if character == "\\" || character == "|" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
