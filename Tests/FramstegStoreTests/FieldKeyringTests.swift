import Foundation
import FramstegStore
import FramstegTestSupport
import Testing

@Suite("Field encryption keys")
struct FieldKeyringTests {
    @Test("a sealed value opens again and does not contain the plaintext")
    func roundTrip() throws {
        let sealed = try TestKeys.keyring.seal("198112189876")
        #expect(sealed.keyID == "2026-01")
        #expect(!sealed.stored.contains("198112189876"))
        #expect(try TestKeys.keyring.open(try #require(SealedValue(stored: sealed.stored))) == "198112189876")
        #expect(try TestKeys.keyring.seal("198112189876") != sealed, "a fresh nonce each time")
    }

    @Test("after a rotation new values use the new key and old ones still open")
    func rotation() throws {
        let old = try TestKeys.keyring.seal("gammalt")
        let rotated = try FieldKeyring(text: TestKeys.text + "\nkey 2026-12 \(FieldKeyring.newKeyBase64())\n")
        #expect(rotated.currentKeyID == "2026-12")
        #expect(try rotated.open(old) == "gammalt")
        #expect(try rotated.seal("nytt").keyID == "2026-12")
        #expect(rotated.lookupHash("198112189876") == TestKeys.keyring.lookupHash("198112189876"))
        #expect(throws: FieldKeyring.Problem.unknownKey("2026-12")) { try TestKeys.keyring.open(try rotated.seal("nytt")) }
    }

    @Test("a bound value opens only with its own table, column and row, and says it is bound")
    func binding() throws {
        let here = FieldBinding(table: "participants", column: "name", row: "7")
        let stored = try TestKeys.keyring.seal("Anna Lindqvist", binding: here)
        #expect(stored.hasPrefix("~2026-01:") && FieldKeyring.isBound(stored) && !stored.contains("Anna"))
        #expect(try TestKeys.keyring.open(stored: stored, binding: here) == "Anna Lindqvist")
        let elsewhere = [
            FieldBinding(table: "participants", column: "name", row: "8"),
            FieldBinding(table: "participants", column: "phone", row: "7"),
            FieldBinding(table: "interventions", column: "name", row: "7"),
            // Each part has its length in front: moving a letter from one part to the next is another place.
            FieldBinding(table: "participant", column: "sname", row: "7"),
            FieldBinding(table: "participants", column: "name7", row: ""),
        ]
        for binding in elsewhere {
            #expect(throws: FieldKeyring.Problem.undecryptable) { try TestKeys.keyring.open(stored: stored, binding: binding) }
        }
        // Where a bound value is expected, the older unbound form does not open.
        let unbound = try TestKeys.keyring.seal("Anna Lindqvist").stored
        #expect(!FieldKeyring.isBound(unbound))
        #expect(throws: FieldKeyring.Problem.undecryptable) { try TestKeys.keyring.open(stored: unbound, binding: here) }
    }

    @Test("a changed ciphertext is refused, not opened into garbage")
    func tampering() throws {
        var bytes = [UInt8](try TestKeys.keyring.seal("hemligt").ciphertext)
        bytes[bytes.count / 2] ^= 0x01
        #expect(throws: FieldKeyring.Problem.undecryptable) {
            try TestKeys.keyring.open(SealedValue(keyID: "2026-01", ciphertext: Data(bytes)))
        }
    }

    @Test("the look-up hash is stable, keyed, and not the number")
    func lookupHash() throws {
        let other = try FieldKeyring(text: FieldKeyring.generateText(keyID: "x"))
        let hash = TestKeys.keyring.lookupHash("198112189876")
        #expect(hash == TestKeys.keyring.lookupHash("198112189876"))
        #expect(hash != other.lookupHash("198112189876"))
        #expect(hash.count == 64 && !hash.contains("9876"))
    }

    @Test(
        "a broken key file names the line and the reason",
        arguments: [
            (
                "lookup abc\nkey a AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                FieldKeyring.Problem.malformed(line: 1, reason: "a key must be 32 bytes in base64")
            ),
            (
                "# keys\nlookup AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\nnyckel x y",
                .malformed(line: 3, reason: "expected `lookup <base64>`, `audit <base64>` or `key <id> <base64>`")
            ),
            ("lookup AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", .missing("the key file has no `key` line")),
        ]
    )
    func malformed(_ text: String, _ problem: FieldKeyring.Problem) {
        #expect(throws: problem) { try FieldKeyring(text: text) }
    }

    @Test("the audit key comes from the `audit` line; a file without one derives a fixed key from the lookup key")
    func auditKey() throws {
        let text = "chain text"
        #expect(TestKeys.keyring.hasOwnAuditKey && !TestKeys.keyring.auditKey.admitsUnkeyedRows)
        #expect(!TestKeys.legacyKeyring.hasOwnAuditKey && TestKeys.legacyKeyring.auditKey.admitsUnkeyedRows)
        #expect(TestKeys.keyring.auditKey.chainHash(text) != TestKeys.legacyKeyring.auditKey.chainHash(text))
        // Derived again from the same file, the key is the same, so old keyed rows keep verifying.
        let again = try FieldKeyring(text: TestKeys.legacyText)
        #expect(again.auditKey.chainHash(text) == TestKeys.legacyKeyring.auditKey.chainHash(text))
        // A rotation keeps the audit key.
        let rotated = try FieldKeyring(text: TestKeys.text + "\nkey 2026-12 \(FieldKeyring.newKeyBase64())\n")
        #expect(rotated.auditKey.chainHash(text) == TestKeys.keyring.auditKey.chainHash(text))
        // The chain hash, the checkpoint signature and the session id are different keys' work.
        #expect(TestKeys.keyring.auditKey.chainHash(text) != TestKeys.keyring.auditKey.checkpointSignature(text))
        let generated = try FieldKeyring(text: FieldKeyring.generateText(keyID: "2026-12-01"))
        #expect(generated.hasOwnAuditKey)
        #expect(throws: FieldKeyring.Problem.malformed(line: 3, reason: "the audit key appears twice")) {
            try FieldKeyring(
                text: "lookup \(FieldKeyring.newKeyBase64())\naudit \(FieldKeyring.newKeyBase64())\naudit \(FieldKeyring.newKeyBase64())"
            )
        }
    }
}
