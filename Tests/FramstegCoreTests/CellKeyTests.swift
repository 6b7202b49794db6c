import Foundation
import FramstegCore
import Testing

@Suite("Cell key method: record keys")
struct CellKeyRecordKeyTests {
    @Test("a record key survives its BIGINT and text forms, and nothing outside 0 ..< 2³² reads as one")
    func storage() {
        var random = SeededGenerator(seed: 16)
        for key in [RecordKey(raw: 0), RecordKey(raw: .max)] + (0..<100).map({ _ in RecordKey.random(using: &random) }) {
            #expect(RecordKey(storedValue: key.storedValue) == key)
            #expect(RecordKey(key.description) == key)
        }
        #expect(RecordKey(storedValue: -1) == nil && RecordKey(storedValue: 1 << 32) == nil)
        #expect(RecordKey("-1") == nil && RecordKey("4294967296") == nil && RecordKey("0.5") == nil)
        #expect(RecordKey(raw: 1 << 31).fraction == 0.5)
    }

    @Test("a cell key is the sum of its contributors' keys modulo 2³²: the fractional part of the sum")
    func cellKey() {
        let keys = [RecordKey(raw: 3 << 30), RecordKey(raw: 1 << 31), RecordKey(raw: 5)]
        #expect(RecordKey.cellKey(of: keys) == (1 << 30) + 5, "0.75 + 0.5 + 5·2⁻³² = 1.25 + 5·2⁻³²")
        #expect(RecordKey.cellKey(of: []) == 0)
    }
}
