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

@Suite("Cell key method: perturbation table")
struct CellKeyTableTests {
    static let parameterSets: [PerturbationTable.Parameters] = [
        .init(),
        .init(maximumDeviation: 2, variance: 0.9, smallestPublished: 0),
        .init(maximumDeviation: 3, variance: 1.5, smallestPublished: 2),
        .init(maximumDeviation: 4, variance: 1, smallestPublished: 1),
        .init(maximumDeviation: 5, variance: 3, smallestPublished: 2),
    ]

    @Test("every row sums to 1, is unbiased, stays within ±D, never publishes below 0 or in 1…js, and 0 stays 0", arguments: parameterSets)
    func rowsKeepTheConstraints(parameters: PerturbationTable.Parameters) {
        let table = PerturbationTable(parameters)
        let bound = parameters.maximumDeviation
        #expect(table.generalRowValue == bound + parameters.smallestPublished + 1)
        #expect(table.rows[0].transitions.map(\.deviation) == [0] && table.rows[0].transitions[0].probability == 1)
        for row in table.rows {
            #expect(abs(row.transitions.reduce(0) { $0 + $1.probability } - 1) < 1e-9, "row \(row.value) sums to 1")
            #expect(abs(row.meanDeviation) < 1e-9, "row \(row.value) is unbiased")
            for transition in row.transitions {
                let published = row.value + transition.deviation
                #expect(abs(transition.deviation) <= bound)
                #expect(published == 0 || published > parameters.smallestPublished, "row \(row.value) can publish \(published)")
                #expect(transition.probability > 0)
            }
            #expect(row.transitions.map(\.lowerBound).first == 0)
            #expect(zip(row.transitions, row.transitions.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound })
        }
        #expect(abs(table.rows[table.generalRowValue].variance - parameters.variance) < 1e-9, "the general row has variance V")
        #expect(table.row(for: 1000) == table.rows[table.generalRowValue])
    }

    @Test("with the defaults (D 2, V 1, js 2) a true 1 can go only to 0 or 3, and being unbiased fixes the odds at 2/3 and 1/3")
    func one() {
        let row = PerturbationTable().rows[1]
        #expect(row.transitions.map(\.deviation) == [-1, 2])
        #expect(row.probability(ofDeviation: -1) == 2.0 / 3.0)
        #expect(row.probability(ofDeviation: 2) == 1.0 / 3.0)
        #expect(abs(row.variance - 2) < 1e-12, "above V: nothing else is unbiased")
    }

    @Test("a true 2 can go to 0, 3 or 4; unbiased rows are (a, 2 − 4a, 3a − 1) with variance 12a − 2, so the least, 2, is {0: 1/3, 3: 2/3}")
    func two() {
        let row = PerturbationTable().rows[2]
        #expect(row.transitions.map(\.deviation) == [-2, 1])
        #expect(row.probability(ofDeviation: -2) == 1.0 / 3.0)
        #expect(row.probability(ofDeviation: 1) == 2.0 / 3.0)
        #expect(row.probability(ofDeviation: 2) == 0)
        #expect(abs(row.variance - 2) < 1e-12)
    }

    @Test("a true 3 could only go up (to 4 or 5) without publishing 1 or 2, so being unbiased keeps it at 3")
    func three() {
        let row = PerturbationTable().rows[3]
        #expect(row.transitions.map(\.deviation) == [0])
    }

    @Test(
        "a true 4 goes to 3…6: mean 0 and variance 1 leave (1/2 − d, 3d, 1/2 − 3d, d), and largest entropy means (1/2 − d)(1/2 − 3d)³ = 27d⁴"
    )
    func four() {
        let row = PerturbationTable().rows[4]
        #expect(row.transitions.map(\.deviation) == [-1, 0, 1, 2])
        let d = row.probability(ofDeviation: 2)
        #expect(abs(row.probability(ofDeviation: -1) - (0.5 - d)) < 1e-9)
        #expect(abs(row.probability(ofDeviation: 0) - 3 * d) < 1e-9)
        #expect(abs(row.probability(ofDeviation: 1) - (0.5 - 3 * d)) < 1e-9)
        #expect(abs((0.5 - d) * pow(0.5 - 3 * d, 3) - 27 * pow(d, 4)) < 1e-12)
        #expect(abs(d - 0.101935) < 1e-6)
    }

    @Test("from 5 on every deviation −2…2 is allowed: p(j) ∝ t^(j²) with variance 1 means 6t⁴ = 1")
    func general() {
        let table = PerturbationTable()
        #expect(table.generalRowValue == 5)
        let row = table.rows[5]
        let t = pow(6, -0.25)
        let stay = 1 / (1 + 2 * t + 2 * pow(t, 4))
        let expected = [-2: stay * pow(t, 4), -1: stay * t, 0: stay, 1: stay * t, 2: stay * pow(t, 4)]
        for (deviation, probability) in expected { #expect(abs(row.probability(ofDeviation: deviation) - probability) < 1e-9) }
        #expect(abs(stay - 0.382963) < 1e-6)
    }

    @Test("the intervals are the rounded cumulative probabilities times 2³², and a key picks the deviation whose interval holds it")
    func lookup() {
        let row = PerturbationTable().rows[1]
        #expect(row.transitions.map(\.lowerBound) == [0, 2_863_311_531], "2/3 × 2³² = 2 863 311 530.67")
        #expect(row.deviation(cellKey: 0) == -1)
        #expect(row.deviation(cellKey: 2_863_311_530) == -1)
        #expect(row.deviation(cellKey: 2_863_311_531) == 2)
        #expect(row.deviation(cellKey: .max) == 2)
    }
}
