import Crypto
import Foundation
import FramstegCore

/// The secret that keys the audit chain and signs its checkpoints. It lives in the key file, never in
/// the database, so someone who can rewrite the database cannot recompute the chain.
///
/// From the one key two are derived with HKDF-SHA256, so a chain hash can never pass for a checkpoint
/// signature or the other way round.
public struct AuditKey: Sendable {
    let chainKey: SymmetricKey
    let checkpointKey: SymmetricKey
    let sessionKey: SymmetricKey
    /// Whether the log may begin with plain SHA-256 rows. Only a key derived for a key file from before
    /// the `audit` line admits them (its log may predate the key); a log whose key file has its own audit
    /// key was keyed from its first row, so a plain row there can only be forged.
    public let admitsUnkeyedRows: Bool

    public init(_ key: SymmetricKey, admitsUnkeyedRows: Bool = false) {
        self.admitsUnkeyedRows = admitsUnkeyedRows
        func derive(_ info: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data(info.utf8), outputByteCount: 32)
        }
        self.chainKey = derive("framsteg audit chain v1")
        self.checkpointKey = derive("framsteg audit checkpoint v1")
        self.sessionKey = derive("framsteg audit session v1")
    }

    /// The info string that derives an audit key from the lookup key for a key file without an `audit` line.
    public static let derivationInfo = "framsteg audit key from lookup key v1"

    /// The audit key of a key file that has none of its own: derived from the lookup key, which is as
    /// secret. Such a file must keep deriving: an `audit` line added later would change the key.
    static func derived(fromLookupKey lookup: SymmetricKey) -> AuditKey {
        AuditKey(
            HKDF<SHA256>.deriveKey(inputKeyMaterial: lookup, info: Data(derivationInfo.utf8), outputByteCount: 32),
            admitsUnkeyedRows: true
        )
    }

    /// HMAC-SHA256 of a row's canonical text under the chain key, as lowercase hex.
    public func chainHash(_ text: String) -> String {
        Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: chainKey))
    }

    /// The signature of a checkpoint's text.
    public func checkpointSignature(_ text: String) -> String {
        Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: checkpointKey))
    }

    /// Whether `signature` is this key's for `text`, compared in constant time.
    public func isCheckpointSignature(_ signature: String, of text: String) -> Bool {
        let expected = Array(checkpointSignature(text).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The session as audit rows name it: 16 hex characters of a keyed hash of the token's hash. Rows of
    /// one session share it; it cannot be turned back into the token, nor matched to the sessions table
    /// without the key.
    public func sessionID(tokenHash: String) -> String {
        String(Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Data(tokenHash.utf8), using: sessionKey)).prefix(16))
    }
}
