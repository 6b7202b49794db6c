/// The hash chain over the audit log: each row's hash covers its content and the previous row's hash,
/// so changing, removing or reordering a row breaks every hash after it.
///
/// The hash function comes in from outside (SHA-256 in the store), keeping this file free of I/O and crypto.
public struct AuditChain: Sendable {
    public typealias HashFunction = @Sendable (String) -> String

    /// The "previous hash" of the very first row.
    public static let genesis = String(repeating: "0", count: 64)

    let hashFunction: HashFunction

    public init(hash: @escaping HashFunction) { self.hashFunction = hash }

    /// The text that is hashed: every field, in a fixed order, separated so no two entries share it.
    public static func canonicalText(sequence: Int64, entry: AuditEntry, previousHash: String) -> String {
        [
            String(sequence), String(entry.occurredAt), entry.userID.map(\.description) ?? "",
            entry.role?.rawValue ?? "", entry.action, entry.objectType, entry.objectID ?? "",
            entry.associationID.map(\.description) ?? "", entry.result.rawValue, previousHash,
        ]
        .map { $0.replacingBackslashesAndBars }
        .joined(separator: "|")
    }

    public func hash(sequence: Int64, entry: AuditEntry, previousHash: String) -> String {
        hashFunction(Self.canonicalText(sequence: sequence, entry: entry, previousHash: previousHash))
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
    }

    /// Recomputes the chain over rows in sequence order; `previousHash` is the hash of the row before the first.
    public func verify(_ records: some Sequence<AuditRecord>, previousHash: String = AuditChain.genesis) -> Verdict {
        var previous = previousHash
        var count = 0
        for record in records {
            if record.previousHash != previous { return .broken(sequence: record.sequence, reason: .linkBroken) }
            if hash(sequence: record.sequence, entry: record.entry, previousHash: previous) != record.hash {
                return .broken(sequence: record.sequence, reason: .contentChanged)
            }
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
