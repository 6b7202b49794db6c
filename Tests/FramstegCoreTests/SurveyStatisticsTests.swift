import Foundation
import FramstegCore
import Testing

@Suite("Protected counts, survey results and Swedish CSV")
struct SurveyStatisticsTests {
    // MARK: Suppression against hand-computed cases

    @Test("a row of 3, 10 and 7 with its total: the 3 is hidden, and the 7 with it, so the total cannot give it away")
    func oneRow() {
        let table = ProtectedCounts(values: [3, 10, 7, 20], sums: [.init(total: 3, parts: [0, 1, 2])])
        #expect(table.hidden == [0, 2])
        #expect(table.shown(1) == 10 && table.shown(3) == 20)
    }

    @Test("a 2 × 2 table with margins: the small cell takes a row, a column and the opposite corner with it")
    func twoByTwo() {
        // a b | a+b      2  8 | 10
        // c d | c+d      9 12 | 21
        // ---------      -----
        // a+c b+d T      11 20 | 31
        let values = [2, 8, 9, 12, 10, 21, 11, 20, 31]
        let sums: [ProtectedCounts.Sum] = [
            .init(total: 4, parts: [0, 1]), .init(total: 5, parts: [2, 3]), .init(total: 6, parts: [0, 2]), .init(total: 7, parts: [1, 3]),
            .init(total: 8, parts: [4, 5]), .init(total: 8, parts: [6, 7]),
        ]
        let table = ProtectedCounts(values: values, sums: sums)
        #expect(table.hidden == [0, 1, 2, 3], "all four inner cells: any fewer and a margin gives the 2 away")
        #expect((4...8).allSatisfy { table.shown($0) != nil }, "the margins stay")
    }

    @Test("zeros are shown, a small total is hidden, and nothing at all is hidden when every count is 0 or at least 5")
    func zerosAndTotals() {
        #expect(ProtectedCounts(values: [0, 5, 6, 11], sums: [.init(total: 3, parts: [0, 1, 2])]).hidden.isEmpty)
        let small = ProtectedCounts(values: [0, 3, 0, 3], sums: [.init(total: 3, parts: [0, 1, 2])])
        #expect(small.hidden == [1, 3], "the 3 and the total that equals it")
    }

    // MARK: Suppression, property: no hidden small cell can be recovered

    /// A random table of rows × columns with row, column and grand totals, as the results publish them.
    static func randomTable(
        rows: Int,
        columns: Int,
        using random: inout some RandomNumberGenerator
    ) -> (values: [Int], sums: [ProtectedCounts.Sum]) {
        let inner = (0..<rows * columns).map { _ in Int.random(in: 0...12, using: &random) }
        var values = inner
        let rowTotal = values.count
        values += (0..<rows).map { row in (0..<columns).reduce(0) { $0 + inner[row * columns + $1] } }
        let columnTotal = values.count
        values += (0..<columns).map { column in (0..<rows).reduce(0) { $0 + inner[$1 * columns + column] } }
        let grand = values.count
        values.append(inner.reduce(0, +))
        var sums = (0..<rows).map { row in ProtectedCounts.Sum(total: rowTotal + row, parts: (0..<columns).map { row * columns + $0 }) }
        sums += (0..<columns).map { column in
            ProtectedCounts.Sum(total: columnTotal + column, parts: (0..<rows).map { $0 * columns + column })
        }
        sums.append(.init(total: grand, parts: Array(rowTotal..<rowTotal + rows)))
        sums.append(.init(total: grand, parts: Array(columnTotal..<columnTotal + columns)))
        return (values, sums)
    }

    /// Whether another table, equal in every shown cell and every published sum and with no
    /// negative count, gives the cell a different value. Searched independently of the
    /// algorithm: changes of −1, 0 or +1 to the hidden cells.
    static func hasAlternative(for cell: Int, _ table: ProtectedCounts) -> Bool {
        let hidden = table.hidden.sorted()
        var change = Array(repeating: 0, count: hidden.count)
        func balanced() -> Bool {
            var delta = Dictionary(uniqueKeysWithValues: zip(hidden, change))
            return table.sums.allSatisfy { sum in
                sum.parts.reduce(0) { $0 + delta[$1, default: 0] } == delta[sum.total, default: 0]
            } && hidden.indices.allSatisfy { table.values[hidden[$0]] + change[$0] >= 0 }
                && {
                    delta.removeAll()
                    return true
                }()
        }
        let target = hidden.firstIndex(of: cell)!
        func search(_ index: Int) -> Bool {
            if index == hidden.count { return change[target] != 0 && balanced() }
            for step in [-1, 0, 1] {
                change[index] = step
                if search(index + 1) { return true }
            }
            change[index] = 0
            return false
        }
        return search(0)
    }

    @Test(
        "for 300 random tables, no shown cell is 1–4, every published sum hides 0 or at least 2 cells, and every hidden small cell could be something else"
    )
    func noHiddenCellCanBeRecovered() {
        var random = SeededGenerator(seed: 20261123)
        var checked = 0
        for _ in 0..<300 {
            let rows = Int.random(in: 1...3, using: &random)
            let columns = Int.random(in: 2...4, using: &random)
            let (values, sums) = Self.randomTable(rows: rows, columns: columns, using: &random)
            let table = ProtectedCounts(values: values, sums: sums)
            for cell in values.indices where table.shown(cell) != nil {
                #expect(!(1...4).contains(values[cell]), "shown small cell in \(values)")
            }
            for sum in sums {
                let hiddenHere = ([sum.total] + sum.parts).count { table.isHidden($0) }
                #expect(hiddenHere != 1, "a sum gives a hidden cell away in \(values)")
            }
            guard table.hidden.count <= 11 else { continue }
            for cell in table.hidden where (1...4).contains(values[cell]) {
                #expect(Self.hasAlternative(for: cell, table), "cell \(cell) of \(values) is pinned down by the sums")
                checked += 1
            }
        }
        #expect(checked > 100, "the property was exercised on enough small cells")
    }

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
        answers.map {
            AnonymousResponse(
                instrumentID: "enkat",
                version: 1,
                unitID: UnitID(1),
                month: Month("2026-10")!,
                gender: $0.0,
                answers: ["q1": $0.1]
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
        let results = SurveyResults(instrument: Self.survey, responses: Self.responses(given))
        #expect(results.isShown && results.responseCount == 61)
        // 33 + 26 + 2 = 61: the 2 is hidden, and the 26 with it (else 61 − 33 − 26 gives it away).
        #expect(results.byGender.map(\.count) == [33, nil, nil])

        let question = try #require(results.questions.first)
        #expect(question.rows.map(\.group) == [.gender(.woman), .gender(.man), .gender(.anotherOrNotStated), .everyone])
        // Women: nothing small, all shown; share 20 / (20 + 8).
        #expect(question.rows[0].counts == [20, 8, 5] && question.rows[0].total == 33)
        #expect(question.rows[0].positiveShare == 20.0 / 28.0)
        // The last group: 1 and 1 hidden, its 0 "don't know" shown, its total and share hidden.
        #expect(question.rows[2].counts == [nil, nil, 0] && question.rows[2].total == nil && question.rows[2].positiveShare == nil)
        // Men: their yes and no protect the small cells through the column sums (36 = 20 + 15 + 1 and
        // 15 = 8 + 6 + 1), so those two, the total they would give away and the share all go.
        #expect(question.rows[1].counts == [nil, nil, 5] && question.rows[1].total == nil && question.rows[1].positiveShare == nil)
        // Everyone: shown whole; share 36 / 51 = 70.6 %, under the goal of 75 %.
        #expect(question.everyone.counts == [36, 15, 10] && question.everyone.total == 61)
        #expect(question.everyone.positiveShare == 36.0 / 51.0)
        #expect(question.meetsGoal == false)
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
            month: Month("2026-11")!
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
        #expect(MonthPeriod.yearToDate(Month("2026-11")!).first.description == "2026-01")
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
