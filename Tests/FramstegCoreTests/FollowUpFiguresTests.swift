import FramstegCore
import Testing

@Suite("Follow-up figures")
struct FollowUpFiguresTests {
    static func day(_ text: String) -> Day { Day(text)! }

    static let municipality = MunicipalityID(1)

    static func fact(
        _ id: Int64,
        _ gender: Gender,
        born: Int,
        registered: String,
        started: String?,
        ended: String? = nil,
        outcome: ExitOutcome? = nil,
        counsellors: Int = 1,
        measured: [String] = []
    ) -> ParticipantFacts {
        ParticipantFacts(
            id: ParticipantID(id),
            unitID: UnitID(1),
            municipalityID: municipality,
            gender: gender,
            birthYear: born,
            registeredOn: day(registered),
            startedOn: started.map(day),
            endedOn: ended.map(day),
            outcome: outcome,
            counsellors: counsellors,
            firstMeasuredOn: measured.map(day).min()
        )
    }

    /// Eleven participants around 2026, each written out so every figure below can be counted by hand.
    static let facts: [ParticipantFacts] = [
        fact(
            1,
            .woman,
            born: 2000,
            registered: "2025-12-20",
            started: "2026-01-02",
            ended: "2026-06-30",
            outcome: .unsubsidisedWork,
            measured: ["2026-01-05"]
        ),
        fact(2, .woman, born: 1980, registered: "2026-02-01", started: "2026-02-20", counsellors: 2),
        fact(
            3,
            .woman,
            born: 1990,
            registered: "2026-03-01",
            started: "2026-03-05",
            ended: "2026-10-01",
            outcome: .studies,
            measured: ["2026-03-06", "2026-06-01"]
        ),
        fact(
            4,
            .woman,
            born: 1985,
            registered: "2025-01-10",
            started: "2025-01-20",
            ended: "2026-02-01",
            outcome: .other,
            measured: ["2025-02-01"]
        ),
        fact(5, .woman, born: 1999, registered: "2026-04-01", started: nil),
        fact(6, .man, born: 1970, registered: "2026-01-15", started: "2026-01-25", measured: ["2026-02-01"]),
        fact(
            7,
            .man,
            born: 2001,
            registered: "2026-05-01",
            started: "2026-05-10",
            ended: "2026-09-01",
            outcome: .unsubsidisedWork,
            counsellors: 3
        ),
        fact(8, .man, born: 1960, registered: "2024-06-01", started: "2024-06-15", ended: "2025-12-31", outcome: .studies),
        fact(9, .anotherOrNotStated, born: 1995, registered: "2026-06-01", started: "2026-06-20", measured: ["2026-07-01"]),
        fact(10, .woman, born: 1992, registered: "2026-07-01", started: "2026-07-10", measured: ["2027-01-10"]),
        fact(11, .man, born: 1988, registered: "2026-08-01", started: "2026-08-05", measured: ["2026-08-10"]),
    ]

    static let year2026 = ReportingPeriod(kind: .year, year: 2026)!

    @Test("referrals, started, active and ended in 2026, by gender (women, men, another)")
    func flow() {
        let figures = FollowUpFigures(Self.facts, period: Self.year2026, municipalities: [Self.municipality])
        // Referrals: 2, 3, 5, 10 | 6, 7, 11 | 9. Started: 1, 2, 3, 10 | 6, 7, 11 | 9.
        // Active: 1, 2, 3, 4, 10 | 6, 7, 11 | 9 (8 ended before 2026). Ended: 1, 3, 4 | 7.
        #expect(figures.flow.counts == [[4, 3, 1], [4, 3, 1], [5, 3, 1], [3, 1, 0]])
        #expect(figures.flow.cell(0, 0) == nil, "four women is a small group")
        #expect(figures.flow.cell(2, 0) == nil || figures.flow.cell(2, 0) == 5)
    }

    @Test("age bands, outcomes, coverage, time in the programme, waiting time and continuity, counted by hand")
    func figures() {
        let figures = FollowUpFigures(Self.facts, period: Self.year2026, municipalities: [Self.municipality])
        // Active by age at registration: under 30 are 1 (25) and 7 (25).
        #expect(figures.byAge.counts == [[1, 1, 0], [4, 2, 1]])
        #expect(figures.byMunicipality.counts == [[5, 3, 1]])
        // Ended: work 1 | 7; studies 3; other 4 (a withdrawal counts as other).
        #expect(
            figures.outcomes.rows == ["work", "subsidised-work", "studies", "job-seeker-after-work", "further-rehabilitation", "other"]
        )
        #expect(figures.outcomes.counts == [[1, 1, 0], [0, 0, 0], [1, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 0]])
        // Measured by the end of 2026: 1, 3, 4 | 6, 11 | 9; not: 2, 10 (measured only in 2027) | 7.
        #expect(figures.coverage.counts == [[3, 2, 1], [2, 1, 0]])
        #expect(figures.coverageGoal == 0.8)
        // Days in the programme: 179, 210, 377 | 114.
        #expect(figures.timeInProgramme.counts == [[2, 1, 0], [1, 0, 0], [0, 0, 0]])
        #expect(figures.meanDaysInProgramme[nil] == nil, "four ended: too few for a mean")
        // Waiting: 13, 19, 4, 9 | 10, 9, 4 | 19 days; the goal is 14.
        #expect(figures.waiting.counts == [[3, 3, 0], [1, 0, 1]])
        #expect(figures.meanWaitingDays[nil] == 87.0 / 8.0)
        #expect(figures.meanWaitingDays[.woman] == nil && figures.meanWaitingDays[.man] == nil)
        // Changed counsellor: 2 | 7.
        #expect(figures.continuity.counts == [[1, 1, 0], [4, 2, 1]])
    }

    static func referral(_ id: Int64, _ gender: Gender, unit: Int64, home: Int64 = 1, born: Int = 1990) -> ParticipantFacts {
        ParticipantFacts(
            id: ParticipantID(id),
            unitID: UnitID(unit),
            municipalityID: MunicipalityID(home),
            gender: gender,
            birthYear: born,
            registeredOn: day("2026-03-01"),
            startedOn: day("2026-03-10"),
            endedOn: nil,
            outcome: nil,
            counsellors: 1,
            firstMeasuredOn: nil
        )
    }

    @Test(
        "views published together are protected together: a unit's count that the association's total would give away is hidden, and so is a split's"
    )
    func jointProtection() {
        // Unit 1 (in municipality 1): 7 women and 5 men. Unit 2 (municipality 2): 1 woman.
        let facts =
            (1...7).map { Self.referral($0, .woman, unit: 1) } + (8...12).map { Self.referral($0, .man, unit: 1) } + [
                Self.referral(13, .woman, unit: 2)
            ]
        let groups = FactGroup.grouping(facts, period: Self.year2026)
        let areas: [MunicipalityID: Set<UnitID>] = [MunicipalityID(1): [UnitID(1)], MunicipalityID(2): [UnitID(2)]]
        let whole = FollowUpFigures(
            groups: groups,
            period: Self.year2026,
            municipalities: [MunicipalityID(1)],
            areas: areas,
            unitFlows: true
        )
        #expect(whole.flow.cell(0, 0) == 8 && whole.flow.cell(0, 1) == 5, "the association's referrals are shown")
        #expect(whole.unitFlows[UnitID(2)]?.cell(0, 0) == nil, "unit 2's one woman is hidden")
        #expect(whole.unitFlows[UnitID(1)]?.cell(0, 0) == nil, "8 − 7 would give her away: unit 1's 7 women are hidden too")
        // The municipality's page is the same protection seen from another view.
        let second = FollowUpFigures(
            groups: groups,
            period: Self.year2026,
            municipalities: [MunicipalityID(1)],
            areas: areas,
            shown: .area(MunicipalityID(2)),
            unitFlows: true
        )
        #expect(second.flow.cell(0, 0) == nil && second.protection == whole.protection)
        let first = FollowUpFigures(
            groups: groups,
            period: Self.year2026,
            municipalities: [MunicipalityID(1)],
            areas: areas,
            shown: .area(MunicipalityID(1)),
            unitFlows: true
        )
        #expect(first.flow.cell(0, 0) == nil, "the first municipality's 7 women less the association's 8 would give her away")

        // Split by age: 2 of the 8 women are under 30; the 6 over 30 would give them away beside the 8.
        let young =
            (1...2).map { Self.referral($0, .woman, unit: 1, born: 2000) } + (3...8).map { Self.referral($0, .woman, unit: 1) }
            + (9...20).map { Self.referral($0, .man, unit: 1, born: $0 % 2 == 0 ? 2000 : 1980) }
        let byAge = FollowUpFigures(young, period: Self.year2026, municipalities: [MunicipalityID(1)])
        let under30 = byAge.splits[.age]?[.age(.under30)]
        let over30 = byAge.splits[.age]?[.age(.thirtyAndOver)]
        #expect(byAge.flow.cell(0, 0) == 8 && byAge.flow.cell(0, 1) == 12)
        #expect(under30?.flow.cell(0, 0) == nil && over30?.flow.cell(0, 0) == nil)
        #expect(byAge.byAge.cell(0, 0) == nil && byAge.byAge.cell(1, 0) == nil, "the age table is the same split")
        #expect(byAge.splitOrder[.municipality] == [.municipality(MunicipalityID(1))])
    }

    @Test(
        "for 60 random associations, across every view published together no shown count is 1–4, no published sum leaves one cell hidden, and hidden small counts could be something else"
    )
    func jointProtectionProperty() {
        var random = SeededGenerator(seed: 20261123)
        var checked = 0
        for _ in 0..<60 {
            let facts = (0..<Int.random(in: 6...40, using: &random)).map { id -> ParticipantFacts in
                let started = Bool.random(using: &random) ? Self.day("2026-02-01") : nil
                let ended = started != nil && Bool.random(using: &random) ? Self.day("2026-08-01") : nil
                return ParticipantFacts(
                    id: ParticipantID(Int64(id)),
                    unitID: UnitID(Int64.random(in: 1...3, using: &random)),
                    municipalityID: MunicipalityID(Int64.random(in: 1...2, using: &random)),
                    gender: Gender.allCases.randomElement(using: &random)!,
                    birthYear: Bool.random(using: &random) ? 2000 : 1980,
                    registeredOn: Self.day(Bool.random(using: &random) ? "2026-01-10" : "2025-06-01"),
                    startedOn: started,
                    endedOn: ended,
                    outcome: ended == nil ? nil : ExitOutcome.allCases.randomElement(using: &random),
                    counsellors: Int.random(in: 1...2, using: &random),
                    firstMeasuredOn: Bool.random(using: &random) ? Self.day("2026-03-01") : nil
                )
            }
            let areas: [MunicipalityID: Set<UnitID>] = [MunicipalityID(1): [UnitID(1), UnitID(2)], MunicipalityID(2): [UnitID(3)]]
            let protection = FollowUpFigures(
                groups: FactGroup.grouping(facts, period: Self.year2026),
                period: Self.year2026,
                municipalities: [],
                areas: areas,
                unitFlows: true
            ).protection
            for cell in protection.values.indices where protection.shown(cell) != nil {
                #expect(!(1...4).contains(protection.values[cell]), "a shown small count")
            }
            for sum in protection.sums {
                #expect(([sum.total] + sum.parts).count { protection.isHidden($0) } != 1, "a published sum gives a hidden count away")
            }
            let pinned = Self.pinnedDown(protection)
            for cell in protection.hidden where (1...4).contains(protection.values[cell]) {
                #expect(!pinned.contains(cell), "a hidden count is pinned down by the sums")
                checked += 1
            }
        }
        #expect(checked > 200, "the property was exercised on enough small counts")
    }

    /// The hidden cells a reader can work out from the shown cells and the published sums, found
    /// with exact fractions (the protection itself works modulo a prime): hidden parts of a known
    /// sum that come to 0 are 0; the rest are solved as a linear system, and a cell is pinned down
    /// when its unit vector is in the span of the equations.
    static func pinnedDown(_ protection: ProtectedCounts) -> Set<Int> {
        var known = Set<Int>()
        var changed = true
        while changed {
            changed = false
            for sum in protection.sums where !protection.isHidden(sum.total) || known.contains(sum.total) {
                let open = sum.parts.filter { protection.isHidden($0) && !known.contains($0) }
                if !open.isEmpty, open.allSatisfy({ protection.values[$0] == 0 }) {
                    known.formUnion(open)
                    changed = true
                }
            }
        }
        // Sparse rows: each sum touches a handful of hidden cells, so elimination stays local.
        let unknowns = protection.hidden.subtracting(known)
        var rows: [[Int: Rational]] = protection.sums.compactMap { sum in
            var row: [Int: Rational] = [:]
            for part in sum.parts where unknowns.contains(part) { row[part] = (row[part] ?? Rational(0)) + Rational(1) }
            if unknowns.contains(sum.total) { row[sum.total] = (row[sum.total] ?? Rational(0)) - Rational(1) }
            row = row.filter { $0.value.numerator != 0 }
            return row.isEmpty ? nil : row
        }
        var pivots: [Int: [Int: Rational]] = [:]
        while let row = rows.popLast() {
            var reduced = row
            for (column, pivot) in pivots where reduced[column] != nil {
                let factor = reduced[column]!
                for (other, value) in pivot { reduced[other] = (reduced[other] ?? Rational(0)) - factor * value }
                reduced = reduced.filter { $0.value.numerator != 0 }
            }
            guard let column = reduced.keys.min() else { continue }
            let scale = reduced[column]!
            reduced = reduced.mapValues { $0 / scale }
            for (other, pivot) in pivots where pivot[column] != nil {
                let factor = pivot[column]!
                var updated = pivot
                for (cell, value) in reduced { updated[cell] = (updated[cell] ?? Rational(0)) - factor * value }
                pivots[other] = updated.filter { $0.value.numerator != 0 }
            }
            pivots[column] = reduced
        }
        return known.union(pivots.filter { $0.value.count == 1 }.map(\.key))
    }

    @Test("periods: a half-year, a quarter, a month and custom days")
    func periods() {
        #expect(
            ReportingPeriod(kind: .halfYear, year: 2026, part: 2).map { "\($0.first)–\($0.last) \($0.label)" }
                == "2026-07-01–2026-12-31 2026 H2"
        )
        #expect(
            ReportingPeriod(kind: .quarter, year: 2024, part: 1).map { "\($0.first)–\($0.last) \($0.label)" }
                == "2024-01-01–2024-03-31 2024 Q1"
        )
        #expect(ReportingPeriod(kind: .month, year: 2024, part: 2)?.last.description == "2024-02-29")
        #expect(ReportingPeriod(kind: .quarter, year: 2024, part: 5) == nil)
        #expect(ReportingPeriod(first: Self.day("2026-03-01"), last: Self.day("2026-02-01")) == nil)
        #expect(AssociationGoals.goal(AssociationGoals.placesUsed, year: 2025) == 0.75)
        #expect(AssociationGoals.goal(AssociationGoals.placesUsed, year: 2027) == 1.0)
        #expect(AssociationGoals.goal(AssociationGoals.placesUsed, year: 2023) == nil)
    }

    @Test("a cross table's shares and totals follow its protection")
    func crossTable() {
        let table = CrossTable(rows: ["yes", "no"], byGender: [[.woman: 12, .man: 9], [.woman: 8, .man: 6]])
        #expect(table.total == 35 && table.cell(0, 0) == 12)
        #expect(table.share(ofRow: 0, column: 0) == 12.0 / 20.0)
        #expect(table.share(ofRow: 0, column: nil) == 21.0 / 35.0)
        let small = CrossTable(rows: ["yes", "no"], byGender: [[.woman: 3, .man: 9], [.woman: 8, .man: 6]])
        #expect(small.share(ofRow: 0, column: 0) == nil, "3 women: hidden, so is their share")
    }
}

@Suite("Progression: distance travelled")
struct ProgressionTests {
    static func summary(
        _ id: Int64,
        _ gender: Gender,
        first: String,
        _ before: [Double],
        latest: String,
        _ after: [Double],
        mix: InterventionMix = .none
    ) -> ProgressSummary {
        let ids = ["a", "b", "c"]
        return ProgressSummary(
            participantID: ParticipantID(id),
            gender: gender,
            firstDay: Day(first)!,
            first: Dictionary(uniqueKeysWithValues: zip(ids, before)),
            latestDay: Day(latest)!,
            latest: Dictionary(uniqueKeysWithValues: zip(ids, after)),
            mix: mix
        )
    }

    @Test("mean change per indicator by gender, counted by hand; fewer than five give no mean")
    func meanChange() {
        let summaries = [
            // Five women measured twice in 2026: changes on a are +2, +1, 0, +3, −1 (mean +1).
            Self.summary(1, .woman, first: "2026-01-10", [4, 5, 6], latest: "2026-04-10", [6, 5, 7]),
            Self.summary(2, .woman, first: "2026-01-10", [5, 5, 5], latest: "2026-05-10", [6, 6, 6]),
            Self.summary(3, .woman, first: "2026-02-10", [7, 3, 4], latest: "2026-06-10", [7, 4, 5]),
            Self.summary(4, .woman, first: "2025-11-10", [2, 2, 2], latest: "2026-03-10", [5, 2, 1]),
            Self.summary(5, .woman, first: "2026-01-20", [6, 6, 6], latest: "2026-07-20", [5, 6, 7]),
            // Two men: too few for a mean of their own, but they count for everyone (+2 and +4 on a).
            Self.summary(6, .man, first: "2026-01-10", [3, 3, 3], latest: "2026-09-10", [5, 4, 4]),
            Self.summary(7, .man, first: "2026-01-10", [3, 3, 3], latest: "2026-10-10", [7, 4, 4]),
            // Measured once, or latest in another year: left out.
            Self.summary(8, .woman, first: "2026-03-01", [1, 1, 1], latest: "2026-03-01", [1, 1, 1]),
            Self.summary(9, .woman, first: "2024-03-01", [1, 1, 1], latest: "2025-03-01", [9, 9, 9]),
        ]
        let progression = Progression(summaries, indicators: ["a", "b", "c"], period: ReportingPeriod(kind: .year, year: 2026)!)
        let a = progression.rows[0]
        #expect(a.meanChange[.woman] == 1.0)
        #expect(a.meanChange[.man] == nil)
        #expect(a.meanChange[nil] == 11.0 / 7.0, "(2 + 1 + 0 + 3 − 1 + 2 + 4) / 7")
        #expect(progression.measuredTwice.counts == [[5, 2, 0]])
        // Improved on at least 3 of a, b, c: participant 2 (all three), 3 (b and c, not a: no), 6 and 7 (all three).
        #expect(progression.improved?.counts == [[1, 2, 0], [4, 0, 0]])
        #expect(
            Progression(summaries, indicators: ["a", "b", "c"], period: ReportingPeriod(kind: .year, year: 2026)!, improvedAtLeast: nil)
                .improved == nil
        )
    }

    @Test("BIP's question: mean change per rating by the interventions between the measurements, counted by hand")
    func byInterventionMix() {
        let year = ReportingPeriod(kind: .year, year: 2026)!
        let summaries = [
            // Combined: three women and two men, changes summed over a, b, c: +6, +3, +3, +3, +3 = 18 over 15 ratings.
            Self.summary(1, .woman, first: "2026-01-10", [1, 1, 1], latest: "2026-05-10", [3, 3, 3], mix: .combined),
            Self.summary(2, .woman, first: "2026-01-10", [2, 2, 2], latest: "2026-05-10", [3, 3, 3], mix: .combined),
            Self.summary(3, .woman, first: "2026-01-10", [5, 5, 5], latest: "2026-05-10", [7, 6, 5], mix: .combined),
            Self.summary(4, .man, first: "2026-01-10", [4, 4, 4], latest: "2026-05-10", [5, 5, 5], mix: .combined),
            Self.summary(5, .man, first: "2026-01-10", [4, 4, 4], latest: "2026-05-10", [6, 4, 5], mix: .combined),
            // Nothing between the measurements: four women, −3, 0, −1, −2: too few for a figure.
            Self.summary(6, .woman, first: "2026-01-10", [5, 5, 5], latest: "2026-05-10", [4, 4, 4]),
            Self.summary(7, .woman, first: "2026-01-10", [5, 5, 5], latest: "2026-05-10", [5, 5, 5]),
            Self.summary(8, .woman, first: "2026-01-10", [5, 5, 5], latest: "2026-05-10", [4, 5, 5]),
            Self.summary(9, .woman, first: "2026-01-10", [5, 5, 5], latest: "2026-05-10", [4, 4, 5]),
        ]
        let progression = Progression(summaries, indicators: ["a", "b", "c"], period: year)
        #expect(progression.meanChangeByMix[.combined]?[nil] == 18.0 / 15.0)
        #expect(progression.meanChangeByMix[.combined]?[.woman] == nil, "three women: hidden")
        #expect(progression.meanChangeByMix[.none]?[nil] == nil, "four: hidden")
        #expect(progression.meanChangeByMix[.onlyJobFocused]?[nil] == nil)
        // Participants by mix: none 4 women, combined 3 women + 2 men; the small cells are hidden, with a complement.
        #expect(progression.byMix.counts == [[4, 0, 0], [0, 0, 0], [0, 0, 0], [3, 2, 0]])
        #expect(progression.byMix.cell(0, 0) == nil && progression.byMix.cell(3, 0) == nil)
        // The database's sums give the same figures as the summaries.
        let (changes, improvement) = Progression.groups(summaries, indicators: ["a", "b", "c"])
        let fromSums = Progression(changes: changes, improvement: improvement, indicators: ["a", "b", "c"], improvedAtLeast: 3)
        #expect(fromSums.meanChangeByMix[.combined]?[nil] == progression.meanChangeByMix[.combined]?[nil])
        #expect(fromSums.rows[0].meanChange[nil] == progression.rows[0].meanChange[nil])
        #expect(
            changes.first { $0.mix == .combined && $0.gender == .woman && $0.indicatorID == "a" }?.changeSum == 200 + 100 + 200,
            "hundredths"
        )
    }

    @Test("KASAM at start, midway and exit: means per subscale by gender, counted by hand")
    func occasionMeans() {
        let groups = [
            // Six women at start with comprehensibility 40, 42, 44, 46, 48, 50 (sum 270) and total 100 each.
            OccasionScoreGroup(occasion: .start, scaleID: "comprehensibility", gender: .woman, count: 6, scoreSum: 27000),
            OccasionScoreGroup(occasion: .start, scaleID: "total", gender: .woman, count: 6, scoreSum: 60000),
            // Two men at start: hidden for men, counted for everyone.
            OccasionScoreGroup(occasion: .start, scaleID: "comprehensibility", gender: .man, count: 2, scoreSum: 6000),
            OccasionScoreGroup(occasion: .start, scaleID: "total", gender: .man, count: 2, scoreSum: 22000),
            // Five at exit.
            OccasionScoreGroup(occasion: .exit, scaleID: "comprehensibility", gender: .woman, count: 5, scoreSum: 25050),
            OccasionScoreGroup(occasion: .exit, scaleID: "total", gender: .woman, count: 5, scoreSum: 59000),
        ]
        let means = OccasionMeans(groups, scales: ["comprehensibility", "total"])
        #expect(means.rows.map(\.occasion) == [.start, .start, .periodic, .periodic, .exit, .exit])
        #expect(means.rows[0].mean[.woman] == 45)
        #expect(means.rows[0].mean[.man] == nil)
        #expect(means.rows[0].mean[nil] == 33000.0 / 8 / 100, "(270 + 60) / 8")
        #expect(means.rows[1].mean[nil] == 82000.0 / 8 / 100)
        #expect(means.rows[2].mean[nil] == nil, "no midway measurements")
        #expect(means.rows[4].mean[.woman] == 50.1)
        #expect(means.rows[5].mean[nil] == 118)
        #expect(means.measured.counts == [[6, 2, 0], [0, 0, 0], [5, 0, 0]])
    }

    @Test("outcome by the counsellor's belief at start, counted by hand, with bands from the score")
    func beliefOutcomes() {
        #expect(BeliefBand(hundredths: 399) == .low)
        #expect(BeliefBand(hundredths: 400) == .moderate)
        #expect(BeliefBand(hundredths: 699) == .moderate)
        #expect(BeliefBand(hundredths: 700) == .high)
        #expect(BeliefBand(hundredths: nil) == .notMeasured)
        let outcomes = BeliefOutcomes([
            BeliefOutcomeGroup(gender: .woman, belief: .high, outcome: .unsubsidisedWork, count: 6),
            BeliefOutcomeGroup(gender: .woman, belief: .high, outcome: .studies, count: 2),
            BeliefOutcomeGroup(gender: .woman, belief: .high, outcome: .furtherRehabilitation, count: 5),
            BeliefOutcomeGroup(gender: .man, belief: .high, outcome: .subsidisedWork, count: 5),
            BeliefOutcomeGroup(gender: .man, belief: .high, outcome: .other, count: 5),
            BeliefOutcomeGroup(gender: .woman, belief: .low, outcome: .other, count: 7),
        ])
        // High: women 8 of 13 to work or studies, men 5 of 10, everyone 13 of 23; low: women 0 of 7.
        #expect(outcomes.share(.high, gender: .woman) == 8.0 / 13.0)
        #expect(outcomes.share(.high, gender: .man) == 0.5)
        #expect(outcomes.share(.high, gender: nil) == 13.0 / 23.0)
        #expect(outcomes.share(.low, gender: .woman) == 0)
        #expect(outcomes.share(.moderate, gender: nil) == nil)
        #expect(outcomes.byOutcome.counts[2] == [6, 5, 2, 0, 5, 5], "high belief by outcome, everyone")
        #expect(outcomes.byOutcome.cell(2, 2) == nil, "two in studies: hidden")
        // A share whose complement is a hidden count would give that count away: hidden too.
        let small = BeliefOutcomes([
            BeliefOutcomeGroup(gender: .man, belief: .low, outcome: .studies, count: 8),
            BeliefOutcomeGroup(gender: .man, belief: .low, outcome: .other, count: 2),
        ])
        #expect(small.share(.low, gender: .man) == nil)
    }
}

/// An exact fraction, for checking the protection's modular arithmetic.
struct Rational {
    let numerator: Int, denominator: Int
    init(_ numerator: Int, _ denominator: Int = 1) {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let divisor = max(gcd(abs(numerator), abs(denominator)), 1)
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }
    static func + (l: Rational, r: Rational) -> Rational {
        Rational(l.numerator * r.denominator + r.numerator * l.denominator, l.denominator * r.denominator)
    }
    static func - (l: Rational, r: Rational) -> Rational {
        Rational(l.numerator * r.denominator - r.numerator * l.denominator, l.denominator * r.denominator)
    }
    static func * (l: Rational, r: Rational) -> Rational { Rational(l.numerator * r.numerator, l.denominator * r.denominator) }
    static func / (l: Rational, r: Rational) -> Rational { Rational(l.numerator * r.denominator, l.denominator * r.numerator) }
}
