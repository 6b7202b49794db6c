import FramstegCore
import FramstegStore
import Testing

@Suite("Shipped instruments")
struct ShippedInstrumentsTests {
    @Test("BIP, Livshjulet, KASAM and the self-rating load and have the shape the domain describes")
    func shipped() throws {
        let catalog = InstrumentCatalog(try ShippedInstruments.load())
        #expect(catalog.current.map(\.id) == ["bip", "kasam", "livshjulet", "sjalvskattning"])

        let bip = try #require(catalog.latest("bip"))
        #expect(bip.items(for: .participant).count == 8)
        #expect(bip.items(for: .counsellor).map(\.id) == ["counsellor-belief", "purposeful"])
        #expect(bip.sharedAreas.map(\.area) == ["job-belief"])

        let wheel = try #require(catalog.latest("livshjulet"))
        #expect(wheel.subscales.first { $0.id == "current" }?.itemIDs.count == 8)
        #expect(wheel.items.filter(\.allowsNotAnswered).count == 8, "the desired level is optional")

        let kasam = try #require(catalog.latest("kasam"))
        #expect(kasam.items.count == 29)
        #expect(kasam.subscales.map { $0.itemIDs.count } == [11, 10, 8])
        #expect(kasam.items.filter(\.isReversed).map(\.id) == ["k1", "k4", "k5", "k6", "k7", "k11", "k13", "k14", "k16", "k20", "k23", "k25", "k27"])
        #expect(kasam.subscales.map { $0.thresholds.first?.below } == [35, 35, 30])
        #expect(kasam.total?.thresholds.first?.below == 100)

        // Everyone answering 4 (the middle) scores 4 on every item, reversed or not: 116 in all.
        let middle = Dictionary(uniqueKeysWithValues: kasam.items.map { ($0.id, Answer.number(4)) })
        #expect(kasam.scores(middle).map(\.value) == [44, 40, 32, 116])
        // Answering 1 everywhere: reversed items count 7. Comprehensibility has 2 reversed (k1, k5) → 2×7 + 9×1 = 23.
        let ones = Dictionary(uniqueKeysWithValues: kasam.items.map { ($0.id, Answer.number(1)) })
        #expect(kasam.scores(ones).first?.value == 23)

        let selfRating = try #require(catalog.latest("sjalvskattning"))
        #expect(selfRating.items.count == 5)
        #expect(selfRating.total?.method == .mean)
    }
}
