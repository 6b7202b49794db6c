import Foundation
import FramstegCore
import Testing

@Suite("Survey results and Swedish CSV")
struct SurveyStatisticsTests {
    // MARK: Survey results

    static let scale: ResponseScale = .choice([
        .init(value: "yes", score: nil, label: .init(swedish: "Ja", english: "Yes"), isPositive: true),
        .init(value: "no", score: nil, label: .init(swedish: "Nej", english: "No")),
        .init(value: "dont-know", score: nil, label: .init(swedish: "Vet ej", english: "Don't know"), isOutsideShare: true),
    ])
    static let genderScale: ResponseScale = .choice(
        Gender.allCases.map { .init(value: $0.rawValue, score: nil, label: .init(swedish: $0.rawValue, english: "")) }
    )
    static var survey: Instrument {
        var instrument = Instrument(
            id: "enkat",
            version: 1,
            title: .init(swedish: "Enkät", english: ""),
            description: .init(swedish: "", english: ""),
            items: [
                InstrumentItem(
                    id: "kon",
                    respondent: .participant,
                    scale: genderScale,
                    text: .init(swedish: "Kön", english: ""),
                    asksGender: true
                ),
                InstrumentItem(id: "q1", respondent: .participant, scale: scale, text: .init(swedish: "Fråga 1", english: "")),
            ],
            subscales: [],
            total: nil
        )
        instrument.isAnonymous = true
        instrument.shareGoals = [ShareGoal(itemIDs: ["q1"], share: 0.75)]
        return instrument
    }

    static func responses(_ answers: [(Gender?, String)]) -> [AnonymousResponse] {
        answers.enumerated().map { index, answer in
            AnonymousResponse(
                instrumentID: "enkat",
                version: 1,
                unitID: UnitID(1),
                month: Month("2026-10")!,
                gender: answer.0,
                answers: ["q1": answer.1],
                recordKey: RecordKey(raw: UInt32(truncatingIfNeeded: index &* 2_654_435_761))
            )
        }
    }

    @Test("women 20 yes, 8 no, 5 don't know; men 15, 6, 5; another or not stated 1 yes, 1 no: the hand-computed table")
    func handComputedResults() throws {
        func answers(_ gender: Gender?, _ yes: Int, _ no: Int, _ dontKnow: Int) -> [(Gender?, String)] {
            Array(repeating: (gender, "yes"), count: yes) + Array(repeating: (gender, "no"), count: no)
                + Array(repeating: (gender, "dont-know"), count: dontKnow)
        }
        // One of the two in the last group gave no gender at all: it counts there too.
        let given = answers(.woman, 20, 8, 5) + answers(.man, 15, 6, 5) + answers(.anotherOrNotStated, 1, 0, 0) + answers(nil, 0, 1, 0)
        let results = SurveyResults(instrument: Self.survey, responses: Self.responses(given), publication: .exact)
        #expect(results.isShown && results.responseCount == 61)
        #expect(results.byGender.map(\.count) == [33, 26, 2])

        let question = try #require(results.questions.first)
        #expect(question.rows.map(\.group) == [.gender(.woman), .gender(.man), .gender(.anotherOrNotStated), .everyone])
        // Women: share 20 / (20 + 8).
        #expect(question.rows[0].counts == [20, 8, 5] && question.rows[0].total == 33)
        #expect(question.rows[0].positiveShare == 20.0 / 28.0)
        #expect(question.rows[2].counts == [1, 1, 0] && question.rows[2].total == 2)
        #expect(question.rows[1].counts == [15, 6, 5] && question.rows[1].total == 26)
        // Everyone: share 36 / 51 = 70.6 %, under the goal of 75 %.
        #expect(question.everyone.counts == [36, 15, 10] && question.everyone.total == 61)
        #expect(question.everyone.positiveShare == 36.0 / 51.0)
        #expect(question.meetsGoal == false)

        // As anyone reads them: every count perturbed, within 2 of the true one, never 1 or 2.
        let published = SurveyResults(instrument: Self.survey, responses: Self.responses(given), publication: .standard)
        let perturbed = try #require(published.questions.first)
        for (row, exactRow) in zip(perturbed.rows, question.rows) {
            for (shown, count) in zip(row.counts, exactRow.counts) {
                #expect(shown.map { abs($0 - count!) <= 2 && (count == 0 ? $0 == 0 : ![1, 2].contains($0)) } == true)
            }
        }
        #expect(published.byGender[2].count.map { ![1, 2].contains($0) } == true, "the two in the last group are never shown as 2")
        // The same responses give the same published figures however often they are asked for.
        let again = SurveyResults(instrument: Self.survey, responses: Self.responses(given).reversed(), publication: .standard)
        #expect(again.questions.first?.rows.map(\.counts) == perturbed.rows.map(\.counts))
    }

    /// Seed 004's extent scale: two positive answers, "Delvis" in the middle, two below, "Vet ej".
    static var extentSurvey: Instrument {
        var instrument = survey
        let extent: ResponseScale = .choice([
            .init(value: "completely", score: nil, label: .init(swedish: "Helt och hållet", english: ""), isPositive: true),
            .init(value: "largely", score: nil, label: .init(swedish: "Till stor del", english: ""), isPositive: true),
            .init(value: "partly", score: nil, label: .init(swedish: "Delvis", english: ""), isMiddle: true),
            .init(value: "not-at-all", score: nil, label: .init(swedish: "Inte alls", english: "")),
            .init(value: "dont-know", score: nil, label: .init(swedish: "Vet ej", english: ""), isOutsideShare: true),
        ])
        instrument = Instrument(
            id: instrument.id,
            version: 2,
            title: instrument.title,
            description: instrument.description,
            items: [
                instrument.items[0],
                InstrumentItem(id: "q1", respondent: .participant, scale: extent, text: .init(swedish: "Fråga 1", english: "")),
            ],
            subscales: [],
            total: nil
        )
        instrument.isAnonymous = true
        instrument.shareGoals = [ShareGoal(itemIDs: ["q1"], share: 0.75)]
        return instrument
    }

    @Test("10 completely, 5 largely, 6 partly, 4 not at all, 3 don't know: 60 % positive, 84 % with Delvis, the goal judged by the reading")
    func middleAnswer() throws {
        let given: [(Gender?, String)] =
            Array(repeating: (.woman, "completely"), count: 10) + Array(repeating: (.man, "largely"), count: 5)
            + Array(repeating: (.woman, "partly"), count: 6) + Array(repeating: (.man, "not-at-all"), count: 4)
            + Array(repeating: (.woman, "dont-know"), count: 3)
        let strict = try #require(
            SurveyResults(instrument: Self.extentSurvey, responses: Self.responses(given), publication: .exact).questions.first
        )
        #expect(strict.hasMiddle && strict.reading == .positive)
        // 15 positive of the 25 that count; with the 6 "Delvis", 21 of 25.
        #expect(strict.everyone.positiveShare == 15.0 / 25.0)
        #expect(strict.everyone.withMiddleShare == 21.0 / 25.0)
        #expect(strict.everyone.shareBase == 25)
        #expect(strict.goalShare == 0.6 && strict.meetsGoal == false)
        // Women: 10 positive, 6 middle, out of 16 (their 3 "Vet ej" left out).
        #expect(strict.rows[0].positiveShare == 10.0 / 16.0 && strict.rows[0].withMiddleShare == 1.0)
        #expect(strict.rows[1].positiveShare == 5.0 / 9.0 && strict.rows[1].withMiddleShare == 5.0 / 9.0)

        let broad = try #require(
            SurveyResults(instrument: Self.extentSurvey, responses: Self.responses(given), publication: .exact, reading: .withMiddle)
                .questions.first
        )
        #expect(broad.goalShare == 0.84 && broad.meetsGoal == true, "84 % with Delvis meets the 75 % goal")
        #expect(broad.everyone.positiveShare == strict.everyone.positiveShare, "the positive share itself is the same")

        // A scale without a middle answer has no second share, and the reading changes nothing.
        let plain = try #require(
            SurveyResults(
                instrument: Self.survey,
                responses: Self.responses(Array(repeating: (.woman, "yes"), count: 6)),
                reading: .withMiddle
            )
            .questions.first
        )
        #expect(!plain.hasMiddle && plain.everyone.withMiddleShare == nil)
        #expect(plain.goalShare == plain.everyone.positiveShare)
    }

    @Test("fewer than five responses give no figures at all")
    func tooFew() {
        let results = SurveyResults(instrument: Self.survey, responses: Self.responses(Array(repeating: (.woman, "yes"), count: 4)))
        #expect(!results.isShown)
        #expect(results.questions.isEmpty && results.byGender.isEmpty)
    }

    @Test("a response keeps the gender question's answer as its gender only, and drops nothing else")
    func completing() {
        let response = AnonymousResponse(
            completing: ["kon": .choice("man"), "q1": .choice("no")],
            of: Self.survey,
            unitID: UnitID(3),
            month: Month("2026-11")!,
            recordKey: RecordKey(raw: 7)
        )
        #expect(response.gender == .man)
        #expect(response.answers == ["q1": "no"])
        #expect(response.encodedAnswers == #"{"q1":"no"}"#)
        #expect(RandomIdentifier.make() != RandomIdentifier.make())
        #expect(RandomIdentifier.make().count == 32)
    }

    @Test("months read, order and count on")
    func months() {
        #expect(Month("2026-11")?.description == "2026-11")
        #expect(Month("2026-13") == nil && Month("26-11") == nil && Month("2026-1") == nil)
        #expect(Month("2026-11")!.adding(months: 2).description == "2027-01")
        #expect(MonthPeriod(first: Month("2026-05")!, last: Month("2026-04")!) == nil)
    }

    @Test("quarters read, hold their months, order and count on; a span of quarters runs to the last one's end")
    func quarters() {
        #expect(Quarter("2026-Q3") == Quarter(year: 2026, quarter: 3))
        #expect(Quarter("2026-Q5") == nil && Quarter("2026-Q0") == nil && Quarter("2026-03") == nil && Quarter("2026-q3") == nil)
        #expect(Quarter(Month("2026-11")!).description == "2026-Q4" && Quarter(Month("2026-01")!).description == "2026-Q1")
        #expect(Quarter("2026-Q2")!.firstMonth.description == "2026-04" && Quarter("2026-Q2")!.lastMonth.description == "2026-06")
        #expect(Quarter("2026-Q4")!.adding(quarters: 1).description == "2027-Q1")
        #expect(Quarter("2026-Q1")!.adding(quarters: -1).description == "2025-Q4")
        #expect(Quarter("2025-Q4")! < Quarter("2026-Q1")!)
        let period = MonthPeriod(quarters: Quarter("2026-Q1")!, through: Quarter(Month("2026-11")!))!
        #expect(period.first.description == "2026-01" && period.last.description == "2026-12")
        #expect(MonthPeriod(quarters: Quarter("2026-Q2")!, through: Quarter("2026-Q1")!) == nil)
    }

    @Test("Swedish CSV: BOM, semicolons, CRLF, quoted fields, decimal comma")
    func swedishCSV() {
        let text = SwedishCSV.write([["Fråga", "Andel (%)"], ["Har du; fått \"stöd\"?", SwedishCSV.decimal(83.333)]])
        #expect(text == "\u{FEFF}Fråga;Andel (%)\r\n\"Har du; fått \"\"stöd\"\"?\";83,3\r\n")
        #expect(SwedishCSV.decimal(75) == "75,0")
        #expect(SwedishCSV.decimal(0.05, decimals: 2) == "0,05")
    }

    // MARK: Read-only wording

    @Test("a read-only instrument's questions cannot be reworded or unlocked in a new version; its scale can be corrected")
    func lockedWording() throws {
        var original = Self.survey
        original.isReadOnly = true
        var catalog = InstrumentCatalog([original])

        let reworded = Instrument(
            id: "enkat",
            version: 2,
            title: original.title,
            description: original.description,
            items: [
                original.items[0],
                InstrumentItem(id: "q1", respondent: .participant, scale: Self.scale, text: .init(swedish: "Fråga ett", english: "")),
            ],
            subscales: [],
            total: nil
        )
        var lockedReworded = reworded
        lockedReworded.isReadOnly = true
        #expect(throws: InstrumentCatalog.Problem.wordingLocked(id: "enkat", item: "q1")) { try catalog.add(lockedReworded) }
        var unlocked = Instrument(
            id: "enkat",
            version: 2,
            title: original.title,
            description: original.description,
            items: original.items,
            subscales: [],
            total: nil
        )
        #expect(throws: InstrumentCatalog.Problem.wordingLocked(id: "enkat", item: nil)) { try catalog.add(unlocked) }

        let corrected: ResponseScale = .choice(
            Self.scale.choices.map {
                .init(value: $0.value, score: nil, label: .init(swedish: $0.label.swedish + "!", english: ""), isPositive: $0.isPositive)
            }
        )
        unlocked = Instrument(
            id: "enkat",
            version: 2,
            title: original.title,
            description: original.description,
            items: [original.items[0], InstrumentItem(id: "q1", respondent: .participant, scale: corrected, text: original.items[1].text)],
            subscales: [],
            total: nil
        )
        unlocked.isReadOnly = true
        unlocked.isAnonymous = original.isAnonymous  // the exit survey stays anonymous too
        try catalog.add(unlocked)
        #expect(catalog.latest("enkat")?.version == 2)
    }

    @Test("an anonymous instrument stays anonymous in every later version, whoever adds it")
    func anonymityIsLocked() throws {
        var original = Self.survey
        original.isAnonymous = true
        var catalog = InstrumentCatalog([original])
        var named = Instrument(
            id: "enkat",
            version: 2,
            title: original.title,
            description: original.description,
            items: original.items,
            subscales: [],
            total: nil
        )
        #expect(throws: InstrumentCatalog.Problem.anonymityLocked(id: "enkat")) { try catalog.add(named) }
        #expect(catalog.latest("enkat")?.version == 1)
        named.isAnonymous = true
        try catalog.add(named)
        #expect(catalog.latest("enkat")?.isAnonymous == true)
    }
}

/// A small seeded generator (SplitMix64) so the property test is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("XLSX workbook")
struct XLSXWorkbookTests {
    @Test("a stored zip with the sheet's XML: numbers as numbers (decimal comma read), text inline and escaped, columns past Z")
    func workbook() {
        var row = ["Aktiva", "12", "..", "81,5"]
        row += Array(repeating: "x", count: 24) + ["<&>"]
        let data = XLSXWorkbook(sheetName: "Inflöde: [ny]", rows: [row]).data
        #expect(data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a zip local header first")
        #expect(data.suffix(22).prefix(4) == Data([0x50, 0x4B, 0x05, 0x06]), "and the end of the central directory last")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"<c r="B1"><v>12</v></c>"#))
        #expect(text.contains(#"<c r="C1" t="inlineStr"><is><t xml:space="preserve">..</t></is></c>"#))
        #expect(text.contains(#"<c r="D1"><v>81.5</v></c>"#))
        #expect(text.contains(#"<c r="AC1" t="inlineStr"><is><t xml:space="preserve">&lt;&amp;&gt;</t></is></c>"#))
        #expect(text.contains(#"<sheet name="Inflöde ny""#), "characters Excel refuses in sheet names are dropped")
    }

    @Test("exports neutralise text that would start a formula and drop control characters, but leave negative numbers")
    func formulaInjection() {
        let row = ["=HYPERLINK(\"http://x\")", "+1+1", "@SUM(A1)", "-2+3", "-3", "-0,5", "Lager\u{0}bolaget\u{1B}", "Anna – Bo"]
        #expect(
            row.map(SpreadsheetText.neutralised) == [
                "'=HYPERLINK(\"http://x\")", "'+1+1", "'@SUM(A1)", "'-2+3", "-3", "-0,5", "Lagerbolaget", "Anna – Bo",
            ]
        )
        let csv = SwedishCSV.write([row])
        #expect(csv.contains(#"'=HYPERLINK(""http://x"")"#) && csv.contains(";'+1+1;'@SUM(A1);'-2+3;-3;-0,5;Lagerbolaget;"))
        let sheet = String(decoding: XLSXWorkbook(sheetName: "Blad", rows: [row]).data, as: UTF8.self)
        #expect(sheet.contains(#"<t xml:space="preserve">'=HYPERLINK(&quot;http://x&quot;)</t>"#))
        #expect(sheet.contains(#"<c r="E1"><v>-3</v></c>"#) && sheet.contains(">Lagerbolaget<"))
        #expect(!sheet.contains("bolaget\u{1B}") && !sheet.contains("Lager\u{0}"), "no control character reaches the sheet's XML")
    }
}
