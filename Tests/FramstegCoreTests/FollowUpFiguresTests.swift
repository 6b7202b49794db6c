import FramstegCore
import Testing

@Suite("Follow-up figures")
struct FollowUpFiguresTests {
    static func day(_ text: String) -> Day { Day(text)! }

    static let municipality = MunicipalityID(1)

    /// A fixed, well-spread record key per id (the application draws them at random).
    static func key(_ id: Int64) -> RecordKey { RecordKey(raw: UInt32(truncatingIfNeeded: id &* 2_654_435_761)) }

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
            firstMeasuredOn: measured.map(day).min(),
            recordKey: key(id)
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

    @Test("referrals, started, active and ended in 2026, by gender (women, men, another): exact for the unit, perturbed for others")
    func flow() {
        let exact = FollowUpFigures(Self.facts, period: Self.year2026, municipalities: [Self.municipality], publication: .exact)
        // Referrals: 2, 3, 5, 10 | 6, 7, 11 | 9. Started: 1, 2, 3, 10 | 6, 7, 11 | 9.
        // Active: 1, 2, 3, 4, 10 | 6, 7, 11 | 9 (8 ended before 2026). Ended: 1, 3, 4 | 7.
        #expect(exact.flow.counts == [[4, 3, 1], [4, 3, 1], [5, 3, 1], [3, 1, 0]])
        #expect(exact.flow.rows.indices.map { row in (0..<3).map { exact.flow.cell(row, $0)! } } == exact.flow.counts, "every count shown")
        let perturbed = FollowUpFigures(Self.facts, period: Self.year2026, municipalities: [Self.municipality], publication: .standard)
        for row in perturbed.flow.rows.indices {
            for column in 0..<3 {
                let shown = perturbed.flow.cell(row, column)!
                let count = perturbed.flow.counts[row][column]
                #expect(abs(shown - count) <= 2 && (count == 0 ? shown == 0 : ![1, 2].contains(shown)), "every count shown, never 1 or 2")
            }
        }
    }

    @Test("age bands, outcomes, coverage, time in the programme, waiting time and continuity, counted by hand")
    func figures() {
        let figures = FollowUpFigures(Self.facts, period: Self.year2026, municipalities: [Self.municipality], publication: .exact)
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
        #expect(figures.coverageGoal == nil, "the board's goal comes from its data, not from the figures")
        // Days in the programme: 179, 210, 377 | 114.
        #expect(figures.timeInProgramme.counts == [[2, 1, 0], [1, 0, 0], [0, 0, 0]])
        #expect(figures.meanDaysInProgramme[nil] == 880.0 / 4, "(179 + 210 + 377 + 114) / 4: exact for the unit's own staff, however few")
        let outside = FollowUpFigures(Self.facts, period: Self.year2026, municipalities: [Self.municipality], publication: .standard)
        #expect(outside.meanDaysInProgramme[nil] == nil, "four ended: too few for a mean anyone else sees")
        // Waiting: 13, 19, 4, 9 | 10, 9, 4 | 19 days; the goal is 14.
        #expect(figures.waiting.counts == [[3, 3, 0], [1, 0, 1]])
        // A board that allows ten days: 4, 9 | 10, 9, 4 within; 13, 19 | 19 beyond.
        let tenDays = FollowUpFigures(
            Self.facts,
            period: Self.year2026,
            municipalities: [Self.municipality],
            waitingDays: 10,
            publication: .exact
        )
        #expect(tenDays.waiting.counts == [[2, 3, 0], [2, 0, 1]])
        #expect(figures.meanWaitingDays[nil] == 87.0 / 8.0)
        #expect(outside.meanWaitingDays[nil] == 87.0 / 8.0)
        #expect(outside.meanWaitingDays[.woman] == nil && outside.meanWaitingDays[.man] == nil)
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
            firstMeasuredOn: nil,
            recordKey: key(id)
        )
    }

    @Test(
        "the same people give the same published count in every view: the association, its municipality's part, a split, a unit's Finsam counts"
    )
    func sameCellEveryView() {
        // Unit 1 (in municipality 1): 7 women and 5 men. Unit 2 (municipality 2): 1 woman.
        let facts =
            (1...7).map { Self.referral($0, .woman, unit: 1) } + (8...12).map { Self.referral($0, .man, unit: 1) } + [
                Self.referral(13, .woman, unit: 2, home: 2)
            ]
        let groups = FactGroup.grouping(facts, period: Self.year2026)
        let areas: [MunicipalityID: Set<UnitID>] = [MunicipalityID(1): [UnitID(1)], MunicipalityID(2): [UnitID(2)]]
        func view(_ shown: FollowUpFigures.Scope) -> FollowUpFigures {
            FollowUpFigures(
                groups: groups,
                period: Self.year2026,
                municipalities: [MunicipalityID(1), MunicipalityID(2)],
                areas: areas,
                shown: shown,
                unitFlows: true,
                publication: .standard
            )
        }
        let whole = view(.all)
        let first = view(.area(MunicipalityID(1)))
        let second = view(.area(MunicipalityID(2)))
        let unitOne = whole.unitFlows[UnitID(1)]!
        // Unit 1's seven women: the same published count as the first municipality's, and as the
        // association's split by home municipality, however they are reached.
        #expect(first.flow.cell(0, 0) == unitOne.cell(0, 0))
        #expect(whole.splits[.municipality]?[.municipality(MunicipalityID(1))]?.flow.cell(0, 0) == unitOne.cell(0, 0))
        // Unit 2's one woman is never shown as 1 (nor 2), in any view.
        for shown in [second.flow.cell(0, 0), whole.unitFlows[UnitID(2)]?.cell(0, 0)] {
            #expect(shown.map { ![1, 2].contains($0) } == true)
        }
        #expect(second.flow.cell(0, 0) == whole.unitFlows[UnitID(2)]?.cell(0, 0))
        // The association's eight women are a cell of their own, published from all eight keys.
        let eight = Tally(count: 8, key: facts.filter { $0.gender == .woman }.reduce(UInt32(0)) { $0 &+ $1.recordKey.raw })
        #expect(whole.flow.cell(0, 0) == Publication.standard.publish(eight))
        // Exact for a unit's own staff: every count as it is.
        let own = FollowUpFigures(
            groups: groups,
            period: Self.year2026,
            municipalities: [MunicipalityID(1)],
            areas: areas,
            shown: .unit(UnitID(2)),
            publication: .exact
        )
        #expect(own.flow.cell(0, 0) == 1)
        #expect(whole.splitOrder[.municipality] == [.municipality(MunicipalityID(1)), .municipality(MunicipalityID(2))])
    }

    @Test(
        "differencing two overlapping periods that differ by one person: the published difference is what chance gives, not the person"
    )
    func differencingPeriods() {
        // One association, many draws of who is in it; period B is period A with one more referral on its last day.
        var random = SeededGenerator(seed: 20_261_201)
        var exact = 0
        let trials = 4_000
        for trial in 0..<trials {
            let base = (0..<Int.random(in: 5...30, using: &random)).map { index in
                ParticipantFacts(
                    id: ParticipantID(Int64(index)),
                    unitID: UnitID(1),
                    municipalityID: MunicipalityID(1),
                    gender: .woman,
                    birthYear: 1990,
                    registeredOn: Self.day("2026-03-01"),
                    startedOn: nil,
                    endedOn: nil,
                    outcome: nil,
                    counsellors: 1,
                    firstMeasuredOn: nil,
                    recordKey: RecordKey.random(using: &random)
                )
            }
            let newcomer = ParticipantFacts(
                id: ParticipantID(Int64(10_000 + trial)),
                unitID: UnitID(1),
                municipalityID: MunicipalityID(1),
                gender: .woman,
                birthYear: 1990,
                registeredOn: Self.day("2026-03-31"),
                startedOn: nil,
                endedOn: nil,
                outcome: nil,
                counsellors: 1,
                firstMeasuredOn: nil,
                recordKey: RecordKey.random(using: &random)
            )
            let before = ReportingPeriod(first: Self.day("2026-01-01"), last: Self.day("2026-03-30"))!
            let after = ReportingPeriod(first: Self.day("2026-01-01"), last: Self.day("2026-03-31"))!
            let a = FollowUpFigures(base + [newcomer], period: after, municipalities: [MunicipalityID(1)], publication: .standard)
            let b = FollowUpFigures(base + [newcomer], period: before, municipalities: [MunicipalityID(1)], publication: .standard)
            if a.flow.cell(0, 0)! - b.flow.cell(0, 0)! == 1 { exact += 1 }
        }
        // Two independent draws from the general row agree 27.5 % of the time (`CellKeyTests`);
        // without perturbation the difference would name the newcomer every time.
        let rate = Double(exact) / Double(trials)
        #expect(rate < 0.33, "the difference gave the person away \(rate * 100) % of the time")
        #expect(rate > 0.2, "and about as often as chance: \(rate * 100) %")
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
    }

    @Test("a cross table's shares and totals come from its published counts; a total is a cell of its own")
    func crossTable() {
        func tally(_ count: Int) -> Tally { Tally(count: count, key: UInt32(count) &* 2_654_435_761) }
        let counts: [[Gender: Tally]] = [[.woman: tally(12), .man: tally(9)], [.woman: tally(8), .man: tally(6)]]
        let table = CrossTable(rows: ["yes", "no"], byGender: counts, publication: .exact)
        #expect(table.total == 35 && table.cell(0, 0) == 12)
        #expect(table.share(ofRow: 0, column: 0) == 12.0 / 20.0)
        #expect(table.share(ofRow: 0, column: nil) == 21.0 / 35.0)
        let perturbed = CrossTable(rows: ["yes", "no"], byGender: counts, publication: .standard)
        let women = Publication.standard.publish(tally(12) + tally(8))
        #expect(perturbed.columnTotal(0) == women, "the column total is perturbed with its own key")
        #expect(perturbed.share(ofRow: 0, column: 0) == Double(perturbed.cell(0, 0)!) / Double(women))
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
            mix: mix,
            recordKey: FollowUpFiguresTests.key(id)
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
        let progression = Progression(
            summaries,
            indicators: ["a", "b", "c"],
            period: ReportingPeriod(kind: .year, year: 2026)!,
            publication: .standard
        )
        let a = progression.rows[0]
        #expect(a.meanChange[.woman] == 1.0)
        #expect(a.meanChange[.man] == nil)
        #expect(a.meanChange[nil] == 11.0 / 7.0, "(2 + 1 + 0 + 3 − 1 + 2 + 4) / 7")
        #expect(progression.measuredTwice.counts == [[5, 2, 0]])
        // Improved on at least 3 of a, b, c: participant 2 (all three), 3 (b and c, not a: no), 6 and 7 (all three).
        #expect(progression.improved?.counts == [[1, 2, 0], [4, 0, 0]])
        // Seed 004's points that rose and fell, per indicator then all together (women, men, another):
        // a rose for women 1, 2, 4 and both men, stayed for 3, fell for 5; b rose for 2, 3 and both
        // men, stayed for 1, 4, 5; c rose for all but 4, who fell. Women's 15 points: 9 up, 4 same, 2 down.
        #expect(progression.directions.rows.prefix(3) == ["a/rose", "a/unchanged", "a/fell"])
        #expect(progression.directions.rows.suffix(3) == ["all/rose", "all/unchanged", "all/fell"])
        #expect(
            progression.directions.counts == [
                [3, 2, 0], [1, 0, 0], [1, 0, 0], [2, 2, 0], [3, 0, 0], [0, 0, 0], [4, 2, 0], [0, 0, 0], [1, 0, 0], [9, 6, 0], [4, 0, 0],
                [2, 0, 0],
            ]
        )
        #expect(progression.directions.total == nil, "the rows overlap: no grand total")
        #expect(progression.directions.cell(2, 0).map { ![1, 2].contains($0) } == true, "one who fell is never shown as 1")
        let (sums, groups) = Progression.groups(
            summaries.filter { $0.firstDay < $0.latestDay && ReportingPeriod(kind: .year, year: 2026)!.contains($0.latestDay) },
            indicators: ["a", "b", "c"]
        )
        let fromSums = Progression(
            changes: sums,
            improvement: groups,
            indicators: ["a", "b", "c"],
            improvedAtLeast: 3,
            publication: .standard
        )
        #expect(
            (0..<12).map { fromSums.directions.cell($0, 0) } == (0..<12).map { progression.directions.cell($0, 0) },
            "the database's sums carry the same keys"
        )
        #expect(
            Progression(
                summaries,
                indicators: ["a", "b", "c"],
                period: ReportingPeriod(kind: .year, year: 2026)!,
                improvedAtLeast: nil,
                publication: .exact
            )
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
        let progression = Progression(summaries, indicators: ["a", "b", "c"], period: year, publication: .standard)
        #expect(progression.meanChangeByMix[.combined]?[nil] == 18.0 / 15.0)
        #expect(progression.meanChangeByMix[.combined]?[.woman] == nil, "three women: hidden")
        #expect(progression.meanChangeByMix[.none]?[nil] == nil, "four: hidden")
        #expect(progression.meanChangeByMix[.onlyJobFocused]?[nil] == nil)
        // Participants by mix: none 4 women, combined 3 women + 2 men; the small cells are hidden, with a complement.
        #expect(progression.byMix.counts == [[4, 0, 0], [0, 0, 0], [0, 0, 0], [3, 2, 0]])
        #expect(progression.byMix.cell(3, 0).map { ![1, 2].contains($0) } == true, "three women: shown, never as 1 or 2")
        let exact = Progression(summaries, indicators: ["a", "b", "c"], period: year, publication: .exact)
        #expect(
            abs((exact.meanChangeByMix[.combined]?[.woman] ?? 0) - 12.0 / 9.0) < 1e-9,
            "exact for the unit's own staff: three women's mean"
        )
        #expect(exact.byMix.cell(3, 0) == 3)
        // The database's sums give the same figures as the summaries.
        let (changes, improvement) = Progression.groups(summaries, indicators: ["a", "b", "c"])
        let fromSums = Progression(
            changes: changes,
            improvement: improvement,
            indicators: ["a", "b", "c"],
            improvedAtLeast: 3,
            publication: .standard
        )
        #expect(fromSums.byMix.cell(3, 0) == progression.byMix.cell(3, 0), "the sums carry the same keys")
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
            OccasionScoreGroup(occasion: .start, scaleID: "comprehensibility", gender: .woman, count: 6, scoreSum: 27000, keySum: 99),
            OccasionScoreGroup(occasion: .start, scaleID: "total", gender: .woman, count: 6, scoreSum: 60000, keySum: 99),
            // Two men at start: hidden for men, counted for everyone.
            OccasionScoreGroup(occasion: .start, scaleID: "comprehensibility", gender: .man, count: 2, scoreSum: 6000, keySum: 99),
            OccasionScoreGroup(occasion: .start, scaleID: "total", gender: .man, count: 2, scoreSum: 22000, keySum: 99),
            // Five at exit.
            OccasionScoreGroup(occasion: .exit, scaleID: "comprehensibility", gender: .woman, count: 5, scoreSum: 25050, keySum: 99),
            OccasionScoreGroup(occasion: .exit, scaleID: "total", gender: .woman, count: 5, scoreSum: 59000, keySum: 99),
        ]
        let means = OccasionMeans(groups, scales: ["comprehensibility", "total"], publication: .standard)
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
        let outcomes = BeliefOutcomes(
            [
                BeliefOutcomeGroup(gender: .woman, belief: .high, outcome: .unsubsidisedWork, count: 6, keySum: UInt32(69387)),
                BeliefOutcomeGroup(gender: .woman, belief: .high, outcome: .studies, count: 2, keySum: UInt32(21334)),
                BeliefOutcomeGroup(gender: .woman, belief: .high, outcome: .furtherRehabilitation, count: 5, keySum: UInt32(71356)),
                BeliefOutcomeGroup(gender: .man, belief: .high, outcome: .subsidisedWork, count: 5, keySum: UInt32(43721)),
                BeliefOutcomeGroup(gender: .man, belief: .high, outcome: .other, count: 5, keySum: UInt32(16467)),
                BeliefOutcomeGroup(gender: .woman, belief: .low, outcome: .other, count: 7, keySum: UInt32(15703)),
            ],
            publication: .exact
        )
        // High: women 8 of 13 to work or studies, men 5 of 10, everyone 13 of 23; low: women 0 of 7.
        #expect(outcomes.share(.high, gender: .woman) == 8.0 / 13.0)
        #expect(outcomes.share(.high, gender: .man) == 0.5)
        #expect(outcomes.share(.high, gender: nil) == 13.0 / 23.0)
        #expect(outcomes.share(.low, gender: .woman) == 0)
        #expect(outcomes.share(.moderate, gender: nil) == nil)
        #expect(outcomes.byOutcome.counts[2] == [6, 5, 2, 0, 5, 5], "high belief by outcome, everyone")
        #expect(outcomes.byOutcome.cell(2, 2) == 2, "exact for the unit's own staff")
        // For everyone else, shares come from the published counts: never a small count's 1 or 2.
        let small = BeliefOutcomes(
            [
                BeliefOutcomeGroup(gender: .man, belief: .low, outcome: .studies, count: 8, keySum: UInt32(82702)),
                BeliefOutcomeGroup(gender: .man, belief: .low, outcome: .other, count: 2, keySum: UInt32(28966)),
            ],
            publication: .standard
        )
        let published = small.workOrStudiesByGender
        #expect(small.share(.low, gender: .man) == Double(published.cell(0, 1)!) / Double(published.cell(0, 1)! + published.cell(1, 1)!))
        #expect(published.cell(1, 1).map { ![1, 2].contains($0) } == true)
    }
}
