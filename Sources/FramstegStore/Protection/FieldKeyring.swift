import Crypto
import Foundation
import FramstegCore

/// The keys that protect personal data at rest.
///
/// Text form, one entry a line (`#` starts a comment):
///
///     lookup <base64 of 32 bytes>      keyed hash for finding a person by personal identity number
///     key <id> <base64 of 32 bytes>    AES-256-GCM data keys; the last one encrypts new data
///     audit <base64 of 32 bytes>       keys the audit chain and signs its checkpoints (see `AuditKey`)
///
/// Old keys stay so old values can be read; `framsteg key rotate` appends a new one. A file from before
/// the `audit` line derives its audit key from the lookup key (HKDF-SHA256, `AuditKey.derivationInfo`).
public struct FieldKeyring: Sendable {
    public let currentKeyID: String
    let keys: [String: SymmetricKey]
    let lookupKey: SymmetricKey
    public let auditKey: AuditKey
    /// Whether the file has an `audit` line (else the audit key is derived from the lookup key).
    public let hasOwnAuditKey: Bool

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case missing(String)
        case malformed(line: Int, reason: String)
        case unknownKey(String)
        case undecryptable

        public var description: String {
            switch self {
            case .missing(let hint): "no encryption keys: \(hint)"
            case .malformed(let line, let reason): "encryption key file, line \(line): \(reason)"
            case .unknownKey(let id): "a value was encrypted with key \"\(id)\", which is not in the key file"
            case .undecryptable: "a value could not be decrypted: it was changed or the key is wrong"
            }
        }
    }

    public init(text: String) throws(Problem) {
        var keys: [String: SymmetricKey] = [:]
        var order: [String] = []
        var lookup: SymmetricKey?
        var audit: SymmetricKey?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?.trimmed ?? ""
            if line.isEmpty { continue }
            let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            switch parts.first {
            case "lookup" where parts.count == 2:
                lookup = try Self.key(parts[1], line: index + 1)
            case "audit" where parts.count == 2:
                guard audit == nil else { throw .malformed(line: index + 1, reason: "the audit key appears twice") }
                audit = try Self.key(parts[1], line: index + 1)
            case "key" where parts.count == 3:
                guard keys[parts[1]] == nil else { throw .malformed(line: index + 1, reason: "key id \(parts[1]) appears twice") }
                keys[parts[1]] = try Self.key(parts[2], line: index + 1)
                order.append(parts[1])
            default:
                throw .malformed(line: index + 1, reason: "expected `lookup <base64>`, `audit <base64>` or `key <id> <base64>`")
            }
        }
        guard let lookup else { throw .missing("the key file has no `lookup` line") }
        guard let current = order.last else { throw .missing("the key file has no `key` line") }
        self.keys = keys
        self.lookupKey = lookup
        self.currentKeyID = current
        self.auditKey = audit.map { AuditKey($0) } ?? AuditKey.derived(fromLookupKey: lookup)
        self.hasOwnAuditKey = audit != nil
    }

    private static func key(_ base64: String, line: Int) throws(Problem) -> SymmetricKey {
        guard let data = Data(base64Encoded: base64), data.count == 32 else {
            throw .malformed(line: line, reason: "a key must be 32 bytes in base64")
        }
        return SymmetricKey(data: data)
    }

    /// A new key file's text: a lookup key, an audit key and one data key named after the day.
    public static func generateText(keyID: String) -> String {
        """
        # Framsteg encryption keys. Keep this file secret, backed up and apart from database backups:
        # without it, encrypted personal data cannot be read nor the audit log verified. Add keys with
        # `framsteg key rotate`; never remove one in use.
        lookup \(newKeyBase64())
        audit \(newKeyBase64())
        key \(keyID) \(newKeyBase64())

        """
    }

    public static func newKeyBase64() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// Encrypts with the current key and binds the value to where it is stored: AES-GCM
    /// authenticates the binding as associated data, so the value opens only with the same table,
    /// column and row. The stored form is `~keyID:base64`; the `~` tells it from the older, unbound form.
    public func seal(_ plaintext: String, binding: FieldBinding) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: keys[currentKeyID]!, authenticating: binding.authenticatedData)
        return Self.boundPrefix + SealedValue(keyID: currentKeyID, ciphertext: box.combined!).stored
    }

    /// Opens a value sealed by `seal(_:binding:)`; one moved to another row or column, or in the
    /// older unbound form, is undecryptable.
    public func open(stored: String, binding: FieldBinding) throws -> String {
        guard Self.isBound(stored), let sealed = SealedValue(stored: String(stored.dropFirst(Self.boundPrefix.count))) else {
            throw Problem.undecryptable
        }
        guard let key = keys[sealed.keyID] else { throw Problem.unknownKey(sealed.keyID) }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.ciphertext)
            return String(decoding: try AES.GCM.open(box, using: key, authenticating: binding.authenticatedData), as: UTF8.self)
        } catch {
            throw Problem.undecryptable
        }
    }

    /// What starts a value in the bound form.
    public static let boundPrefix = "~"

    /// Whether a stored value is in the bound form (it says nothing about whether it opens).
    public static func isBound(_ stored: String) -> Bool { stored.hasPrefix(boundPrefix) }

    /// Encrypts with the current key, unbound: the form values had before they were bound to their
    /// row. Framsteg no longer stores it; tests use it to make an old database.
    public func seal(_ plaintext: String) throws -> SealedValue {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: keys[currentKeyID]!)
        return SealedValue(keyID: currentKeyID, ciphertext: box.combined!)
    }

    public func open(_ sealed: SealedValue) throws -> String {
        guard let key = keys[sealed.keyID] else { throw Problem.unknownKey(sealed.keyID) }
        do {
            let data = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed.ciphertext), using: key)
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw Problem.undecryptable
        }
    }

    /// Opens a value in the older, unbound form (`keyID:base64`), as `PlaintextSealing` does once
    /// to bind it; a value that is not in that form is undecryptable.
    public func open(stored: String) throws -> String {
        guard let sealed = SealedValue(stored: stored) else { throw Problem.undecryptable }
        return try open(sealed)
    }

    /// HMAC-SHA256 under the lookup key: equal inputs give equal hashes, and nothing without the key.
    /// Personal identity numbers are hashed as their digits; other look-ups prefix a domain (`name:`),
    /// so no two kinds of value can give the same hash.
    public func lookupHash(_ value: String) -> String {
        Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: lookupKey))
    }
}

/// Where a sealed value belongs. Sealed with it as AES-GCM's associated data, so a value copied to
/// another row, column or table no longer opens.
public struct FieldBinding: Hashable, Sendable {
    public let table: String
    public let column: String
    /// The row's key as text: its id, or its key columns joined with `/`.
    public let row: String

    public init(table: String, column: String, row: String) {
        self.table = table
        self.column = column
        self.row = row
    }

    /// A version tag, then each part with its length in front, so no two bindings give the same
    /// bytes (`"ab", "c"` and `"a", "bc"` differ).
    var authenticatedData: Data {
        var data = Data("framsteg.field.1".utf8)
        for part in [table, column, row] {
            let bytes = Data(part.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { data.append(contentsOf: $0) }
            data.append(bytes)
        }
        return data
    }
}

/// An encrypted value as stored: `keyID:base64(nonce ‖ ciphertext ‖ tag)`.
public struct SealedValue: Hashable, Sendable {
    public let keyID: String
    public let ciphertext: Data

    public var stored: String { keyID + ":" + ciphertext.base64EncodedString() }

    public init(keyID: String, ciphertext: Data) {
        self.keyID = keyID
        self.ciphertext = ciphertext
    }

    public init?(stored: String) {
        guard let colon = stored.firstIndex(of: ":"), let data = Data(base64Encoded: String(stored[stored.index(after: colon)...]))
        else { return nil }
        self.keyID = String(stored[..<colon])
        self.ciphertext = data
    }
}

extension FieldKeyring {
    /// Reads the keys from `FRAMSTEG_KEYS` (the file's text) or else the file at `path`.
    public static func load(environment: [String: String], path: String) throws -> FieldKeyring {
        if let text = environment["FRAMSTEG_KEYS"], !text.isEmpty {
            return try FieldKeyring(text: text.replacingOccurrences(of: ";", with: "\n"))
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Problem.missing("set FRAMSTEG_KEYS or create \(path) with `framsteg key generate`")
        }
        return try FieldKeyring(text: text)
    }
}

extension FieldKeyring {
    /// A key for one purpose outside the database, derived from the lookup key (HKDF-SHA256 with
    /// `info` as its label): every node with the same key file derives the same key, no two labels
    /// the same one, and the lookup key is never rotated, so the derived key stays.
    public func derivedKey(info: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: lookupKey, info: Data(info.utf8), outputByteCount: 32)
    }
}
