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

@Suite("Cell key method: publishing and its properties")
struct CellKeyPublishingTests {
    let method = CellKeyPerturbation()

    @Test("0 stays 0, and a count is published as the true count plus its row's deviation")
    func publish() {
        #expect(method.publish(contributors: [RecordKey]()) == 0)
        #expect((0..<1000).allSatisfy { method.publish(trueValue: 0, cellKey: UInt32($0) &* 4_294_967) == 0 })
        #expect(method.publish(trueValue: 1, cellKey: 0) == 0 && method.publish(trueValue: 1, cellKey: .max) == 3)
        #expect(method.publish(trueValue: 3, cellKey: 123_456_789) == 3)
        #expect(method.publish(trueValue: 40, cellKey: 0) == 38 && method.publish(trueValue: 40, cellKey: .max) == 42)
    }

    @Test("the same contributors give the same count in every order, view and period, and a total's key is its parts' keys added")
    func consistency() {
        var random = SeededGenerator(seed: 20_260_116)
        for _ in 0..<2000 {
            let people = (0..<Int.random(in: 0...40, using: &random)).map { _ in RecordKey.random(using: &random) }
            let published = method.publish(contributors: people)
            // Another view or period reaches the same people in another order.
            #expect(method.publish(contributors: people.shuffled(using: &random)) == published)
            // A total over parts (women and men, say) has the key of all its contributors.
            let cut = Int.random(in: 0...people.count, using: &random)
            let parts = [Array(people[..<cut]), Array(people[cut...])]
            let key = parts.map { RecordKey.cellKey(of: $0) }.reduce(UInt32(0), &+)
            #expect(method.publish(trueValue: people.count, cellKey: key) == published)
        }
    }

    @Test("over 100 000 random counts and keys no count of 1 or 2 is published, every deviation is within ±2, and the mean deviation is 0")
    func bounds() {
        var random = SeededGenerator(seed: 100_000)
        var deviations = 0
        var counted = 0
        for _ in 0..<100_000 {
            let value = Int.random(in: 0...60, using: &random)
            let published = method.publish(trueValue: value, cellKey: UInt32.random(in: .min ... .max, using: &random))
            #expect(published == 0 || published >= 3)
            #expect(abs(published - value) <= 2)
            #expect(value != 0 || published == 0)
            if value >= 3 {
                deviations += published - value
                counted += 1
            }
        }
        #expect(abs(Double(deviations) / Double(counted)) < 0.02)
    }

    /// Period A holds a base of people and a small group more (1 or 2 people); period B holds the base
    /// alone. Published without perturbation, A − B would always be the group's size: the group
    /// disclosed. With the cell key method, the group's keys make A's cell key uniform and independent of
    /// B's, so A − B equals the group's size only as often as two independent draws from the rows agree.
    /// For bases of 5 and more both cells use the general row, where that chance is Σⱼ p(j)² ≈ 0.274;
    /// smaller bases are rarer still (a base of 0–2 never shows 1 or 2 as a difference). The test checks
    /// that the empirical rate for large bases is that chance (within 0.02, about 8 standard errors: no
    /// correlation for an attacker to use) and that over all bases it stays below 40 %.
    @Test("differencing two overlapping periods recovers a group of 1 or 2 no more often than chance would")
    func differencing() {
        var random = SeededGenerator(seed: 1_620_131)
        let general = method.table.rows[method.table.generalRowValue]
        let chance = general.transitions.reduce(0) { $0 + $1.probability * $1.probability }
        var disclosed = (small: 0, large: 0)
        var trials = (small: 0, large: 0)
        for _ in 0..<40_000 {
            let base = (0..<Int.random(in: 0...30, using: &random)).map { _ in RecordKey.random(using: &random) }
            let group = (0..<Int.random(in: 1...2, using: &random)).map { _ in RecordKey.random(using: &random) }
            let difference = method.publish(contributors: base + group) - method.publish(contributors: base)
            let isDisclosed = difference == group.count
            if base.count >= method.table.generalRowValue {
                trials.large += 1
                disclosed.large += isDisclosed ? 1 : 0
            } else {
                trials.small += 1
                disclosed.small += isDisclosed ? 1 : 0
            }
        }
        let largeRate = Double(disclosed.large) / Double(trials.large)
        let overallRate = Double(disclosed.small + disclosed.large) / Double(trials.small + trials.large)
        #expect(abs(chance - 0.2745) < 0.001)
        #expect(abs(largeRate - chance) < 0.02, "large bases: \(largeRate) against chance \(chance)")
        #expect(overallRate < 0.40, "all bases: \(overallRate)")
        #expect(Double(disclosed.small) / Double(trials.small) < chance, "small bases: rarer than chance")
    }

    @Test("shares come from published counts, clamped to 0…100 and absent over a published 0; means need 5 contributors")
    func figures() {
        #expect(PerturbedFigures.sharePercent(numerator: 3, denominator: 12) == 25)
        #expect(PerturbedFigures.sharePercent(numerator: 14, denominator: 12) == 100)
        #expect(PerturbedFigures.sharePercent(numerator: 0, denominator: 3) == 0)
        #expect(PerturbedFigures.sharePercent(numerator: 3, denominator: 0) == nil)
        #expect(!PerturbedFigures.meanIsPublishable(count: 4) && PerturbedFigures.meanIsPublishable(count: 5))
    }
}
