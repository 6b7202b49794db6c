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
}
