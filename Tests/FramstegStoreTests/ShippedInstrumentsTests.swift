import FramstegCore
import FramstegStore
import Testing

@Suite("Shipped instruments")
struct ShippedInstrumentsTests {
    @Test("the exit survey has seed 004's questions, locked wording, its two scales and the 75 % goal on questions 1 and 5")
    func exitSurvey() throws {
        let survey = try #require(InstrumentCatalog(try ShippedInstruments.load()).latest("deltagarenkat"))
        #expect(survey.isAnonymous && survey.isReadOnly)
        let questions = survey.items.filter { !$0.asksGender }
        #expect(
            questions.map(\.id) == ["fraga-1", "fraga-2", "fraga-3", "fraga-5", "fraga-6", "fraga-7", "fraga-8", "fraga-9", "fraga-10"]
        )
        #expect(questions.first?.text.swedish == "Har du fått stöd på ett sätt som är till stor nytta för dig?")
        #expect(questions[3].text.swedish == "Har det stöd du fått hjälpt att utveckla sätt att hantera din situation?")
        let scale = questions[0].scale.choices
        #expect(scale.map { $0.label.swedish } == ["Alltid", "Oftast", "Ofta", "Ibland", "Sällan", "Aldrig", "Vet ej"])
        #expect(scale.filter(\.isPositive).map(\.value) == ["always", "mostly", "often"])
        #expect(scale.filter(\.isOutsideShare).map(\.value) == ["dont-know"])
        #expect(scale.filter(\.isMiddle).map(\.value) == ["sometimes"], "\"Ibland\" counts where the association reads the share so")
        // Questions 1–3 on the frequency scale, 5–10 on the extent scale seed 004 reports.
        #expect(questions.prefix(3).allSatisfy { $0.scale == questions[0].scale })
        let extent = questions[3].scale.choices
        #expect(questions.suffix(6).allSatisfy { $0.scale.choices == extent })
        #expect(extent.map { $0.label.swedish } == ["Helt och hållet", "Till stor del", "Delvis", "Till liten del", "Inte alls", "Vet ej"])
        #expect(extent.filter(\.isPositive).map(\.value) == ["completely", "largely"])
        #expect(extent.filter(\.isMiddle).map(\.value) == ["partly"])
        #expect(extent.filter(\.isOutsideShare).map(\.value) == ["dont-know"])
        #expect(survey.shareGoals == [ShareGoal(itemIDs: ["fraga-1", "fraga-5"], share: 0.75)])
        #expect(survey.items.filter(\.asksGender).count == 1)
        // Version 1 stays readable with its answers all on the frequency scale.
        let first = try #require(InstrumentCatalog(try ShippedInstruments.load()).instrument("deltagarenkat", version: 1))
        #expect(first.items.filter { !$0.asksGender }.allSatisfy { $0.scale.choices.map(\.value).contains("always") })
        #expect(first.items.map(\.text) == survey.items.map(\.text), "a new version corrects the scales, never the wording")

        let violence = try #require(InstrumentCatalog(try ShippedInstruments.load()).latest("vald-i-nara-relationer"))
        #expect(violence.isAnonymous && violence.showsSupportContact && violence.isReadOnly, "the national NNS wording is locked")
        #expect(violence.items.filter { !$0.asksGender }.map(\.id) == ["fysiskt", "psykiskt", "sexuellt", "hot", "vill-ha-stod"])
    }

    @Test("BIP, Livshjulet, KASAM and the self-rating load and have the shape the domain describes")
    func shipped() throws {
        let catalog = InstrumentCatalog(try ShippedInstruments.load())
        #expect(catalog.current.map(\.id) == ["bip", "deltagarenkat", "kasam", "livshjulet", "sjalvskattning", "vald-i-nara-relationer"])
        #expect(catalog.current.filter(\.isAnonymous).map(\.id) == ["deltagarenkat", "vald-i-nara-relationer"])

        let bip = try #require(catalog.latest("bip"))
        #expect(bip.items(for: .participant).count == 8)
        #expect(bip.items(for: .counsellor).map(\.id) == ["counsellor-belief", "purposeful"])
        #expect(bip.sharedAreas.map(\.area) == ["job-belief"])

        let wheel = try #require(catalog.latest("livshjulet"))
        #expect(wheel.subscales.first { $0.id == "current" }?.itemIDs.count == 8)
        #expect(wheel.items.filter(\.allowsNotAnswered).count == 8, "the desired level is optional")

        let kasam = try #require(catalog.latest("kasam"))
        #expect(kasam.items.count == 29)
        #expect(kasam.followedByOccasion, "follow-up shows KASAM at start, midway and exit")
        #expect(catalog.latest("livshjulet")?.improvedAtLeast == 3, "the goal: improved on at least 3 of 8 areas")
        #expect(catalog.current.filter(\.followedByOccasion).map(\.id) == ["kasam", "sjalvskattning"])
        #expect(kasam.subscales.map { $0.itemIDs.count } == [11, 10, 8])
        #expect(
            kasam.items.filter(\.isReversed).map(\.id) == [
                "k1", "k4", "k5", "k6", "k7", "k11", "k13", "k14", "k16", "k20", "k23", "k25", "k27",
            ]
        )
        #expect(kasam.subscales.map { $0.thresholds.first?.below } == [35, 35, 30])
        #expect(kasam.total?.thresholds.first?.below == 100)

        // Everyone answering 4 (the middle) scores 4 on every item, reversed or not: 116 in all.
        let middle = Dictionary(uniqueKeysWithValues: kasam.items.map { ($0.id, Answer.number(4)) })
        #expect(kasam.scores(middle).map(\.value) == [44, 40, 32, 116])
        // Answering 1 everywhere: reversed items count 7. Comprehensibility has 2 reversed (k1, k5) → 2×7 + 9×1 = 23.
        let ones = Dictionary(uniqueKeysWithValues: kasam.items.map { ($0.id, Answer.number(1)) })
        #expect(kasam.scores(ones).first?.value == 23)

        // Seed 003's six self-ratings, followed as a mean per rating at start, midway and exit.
        let selfRating = try #require(catalog.latest("sjalvskattning"))
        #expect(selfRating.items.map(\.id) == ["growth", "self-esteem", "initiative", "communication", "studying", "labour-market"])
        #expect(selfRating.followedByOccasion)
        #expect(selfRating.subscales.map(\.itemIDs) == selfRating.items.map { [$0.id] }, "one mean per rating")
        #expect(selfRating.subscales.allSatisfy { $0.method == .mean })
        #expect(selfRating.total?.method == .mean)
        #expect(selfRating.indicatorSet?.indicators.count == 6, "the spider chart keeps every rating")
    }
}
