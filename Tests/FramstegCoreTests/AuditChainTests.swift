import Foundation
import FramstegCore
import Testing

@Suite("Audit hash chain")
struct AuditChainTests {
    /// FNV-1a, written out so the test needs no crypto: the chain logic does not depend on the hash.
    static let chain = AuditChain { text in
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    static func entry(_ action: String, user: Int64? = 1) -> AuditEntry {
        AuditEntry(
            occurredAt: Date(timeIntervalSince1970: 1_800_000_000),
            userID: user.map { UserID($0) },
            role: .admin,
            action: action,
            objectType: "unit",
            objectID: "7",
            associationID: AssociationID(1),
            result: .success
        )
    }

    static func build(_ entries: [AuditEntry]) -> [AuditRecord] {
        var previous = AuditChain.genesis
        return entries.enumerated().map { index, entry in
            let sequence = Int64(index + 1)
            let hash = chain.hash(sequence: sequence, entry: entry, previousHash: previous)
            defer { previous = hash }
            return AuditRecord(sequence: sequence, entry: entry, previousHash: previous, hash: hash)
        }
    }

    let records = build(["sign-in", "unit.create", "user.disable", "sign-out"].map { entry($0) })

    @Test("an untouched chain verifies")
    func intact() {
        #expect(Self.chain.verify(records) == .intact(rows: 4))
        #expect(Self.chain.verify([]) == .intact(rows: 0))
    }

    @Test("a changed field is found at its row")
    func changedContent() {
        var tampered = records
        var entry = tampered[1].entry
        entry.result = .denied
        tampered[1] = AuditRecord(sequence: 2, entry: entry, previousHash: tampered[1].previousHash, hash: tampered[1].hash)
        #expect(Self.chain.verify(tampered) == .broken(sequence: 2, reason: .contentChanged))
    }

    @Test("a removed row breaks the link of the row after it")
    func removedRow() {
        var tampered = records
        tampered.remove(at: 2)
        #expect(Self.chain.verify(tampered) == .broken(sequence: 4, reason: .linkBroken))
    }

    @Test("a row rewritten with a fresh hash still breaks the next link")
    func rehashedRow() {
        var tampered = records
        var entry = tampered[0].entry
        entry.userID = UserID(2)
        let hash = Self.chain.hash(sequence: 1, entry: entry, previousHash: AuditChain.genesis)
        tampered[0] = AuditRecord(sequence: 1, entry: entry, previousHash: AuditChain.genesis, hash: hash)
        #expect(Self.chain.verify(tampered) == .broken(sequence: 2, reason: .linkBroken))
    }

    @Test("a separator inside a field cannot pose as two fields")
    func separatorIsEscaped() {
        var first = Self.entry("a|b")
        first.objectType = "c"
        var second = Self.entry("a")
        second.objectType = "b|c"
        #expect(
            AuditChain.canonicalText(sequence: 1, entry: first, previousHash: "0")
                != AuditChain.canonicalText(sequence: 1, entry: second, previousHash: "0")
        )
    }

    /// A second function standing in for the keyed hash: only the scheme decides which one a row gets.
    static let twoFunctions = AuditChain(plain: { "plain:" + String($0.count) }, keyed: { "keyed:" + String($0.count) })

    static func record(
        _ sequence: Int64,
        _ scheme: AuditChain.Scheme,
        after previous: String,
        entry: AuditEntry = entry("a")
    ) -> AuditRecord {
        let hash = twoFunctions.hash(sequence: sequence, entry: entry, previousHash: previous, scheme: scheme)
        return AuditRecord(sequence: sequence, entry: entry, previousHash: previous, hash: hash, scheme: scheme)
    }

    @Test("plain rows before keyed rows verify; a plain row after a keyed one, or where none may be, is found")
    func schemes() {
        let first = Self.record(1, .sha256, after: AuditChain.genesis)
        let second = Self.record(2, .keyed, after: first.hash)
        #expect(Self.twoFunctions.verify([first, second]) == .intact(rows: 2))
        #expect(Self.twoFunctions.verify([first, second], allowsUnkeyed: false) == .broken(sequence: 1, reason: .unkeyed))
        let third = Self.record(3, .sha256, after: second.hash)
        #expect(Self.twoFunctions.verify([first, second, third]) == .broken(sequence: 3, reason: .unkeyed))
    }

    @Test("a keyed row's text covers the unit, address and session; a plain row's text stays as it was")
    func keyedTextCoversOrigin() {
        var entry = Self.entry("participant.read")
        let plain = AuditChain.canonicalText(sequence: 1, entry: entry, previousHash: "0", scheme: .sha256)
        #expect(plain == "1|1800000000|1|admin|participant.read|unit|7|1|success|0")
        entry.unitID = UnitID(4)
        entry.sourceAddress = "192.0.2.1"
        entry.sessionID = "abc"
        #expect(AuditChain.canonicalText(sequence: 1, entry: entry, previousHash: "0", scheme: .sha256) == plain)
        #expect(
            AuditChain.canonicalText(sequence: 1, entry: entry, previousHash: "0", scheme: .keyed)
                == "1|1800000000|1|admin|participant.read|unit|7|1|success|0|hmac|4|192.0.2.1|abc"
        )
        // So a plain row cannot carry them unprotected.
        let hash = Self.twoFunctions.hash(sequence: 1, entry: entry, previousHash: AuditChain.genesis, scheme: .sha256)
        let record = AuditRecord(sequence: 1, entry: entry, previousHash: AuditChain.genesis, hash: hash, scheme: .sha256)
        #expect(Self.twoFunctions.verify([record]) == .broken(sequence: 1, reason: .contentChanged))
    }

    @Test("a row about a unit names it as the unit concerned; a participant's row names the participant's unit")
    func unitConcerned() {
        let principal = Principal(userID: UserID(1), role: .admin, associationID: AssociationID(1), unitIDs: [])
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(AuditEntry(at: now, by: principal, action: .unitUpdate, objectType: "unit", objectID: "12").unitID == UnitID(12))
        #expect(AuditEntry(at: now, by: principal, action: .userUpdate, objectType: "user", objectID: "12").unitID == nil)
    }
}
