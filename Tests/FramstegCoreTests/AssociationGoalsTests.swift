import Foundation
import FramstegCore
import Testing

@Suite("The association's goals as data")
struct AssociationGoalsTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    static func setting(_ kind: GoalKind, _ year: Int, _ level: Double?, unit: UnitID? = nil, at offset: TimeInterval = 0) -> GoalSetting {
        GoalSetting(kind: kind, year: year, unitID: unit, level: level, setAt: start + offset)
    }

    /// Insjöriket's goals (seed 000): half measured and 75 % of places in 2024, 80 % and every place in 2026.
    static let insjoriket = AssociationGoals([
        setting(.measurementCoverage, 2024, 0.5), setting(.placesUsed, 2024, 0.75),
        setting(.measurementCoverage, 2026, 0.8), setting(.placesUsed, 2026, 1.0),
    ])

    @Test("a year takes the latest year's decision at or before it; none before the first")
    func inForce() {
        let goals = Self.insjoriket
        #expect(goals.level(.placesUsed, year: 2023) == nil)
        #expect(goals.level(.placesUsed, year: 2024) == 0.75)
        #expect(goals.level(.placesUsed, year: 2025) == 0.75, "2025 has no decision of its own")
        #expect(goals.level(.placesUsed, year: 2027) == 1.0)
        #expect(goals.level(.waitingDays, year: 2026) == nil)
        #expect(goals.waitingDays(year: 2026) == WaitingTime.goalDays, "without a goal the common two weeks split the table")
    }

    @Test("a later decision for the same year replaces an earlier one; a removal leaves no goal from its year")
    func laterDecisions() {
        let goals = AssociationGoals(
            Self.insjoriket.settings + [
                Self.setting(.placesUsed, 2026, 0.9, at: 60), Self.setting(.measurementCoverage, 2027, nil, at: 60),
                Self.setting(.referrals, 2026, 40, unit: UnitID(3), at: 60),
            ]
        )
        #expect(goals.level(.placesUsed, year: 2026) == 0.9)
        #expect(goals.level(.measurementCoverage, year: 2026) == 0.8)
        #expect(goals.level(.measurementCoverage, year: 2028) == nil)
        #expect(goals.level(.referrals, year: 2026, unit: UnitID(3)) == 40)
        #expect(goals.level(.referrals, year: 2026, unit: UnitID(4)) == nil)
        #expect(goals.level(.referrals, year: 2026) == nil, "a unit's goal is not the association's")
        #expect(goals.history.first?.kind == .referrals && goals.history.count == 7, "the history keeps every decision, newest first")
    }

    @Test("the form's decisions are only the goals that differ from those in force; a cleared field removes one")
    func decisions() throws {
        var draft = GoalsDraft.inForce(Self.insjoriket, year: 2025, units: [UnitID(3)])
        #expect(draft.levels[.placesUsed] == "75" && draft.levels[.waitingDays] == "" && draft.referrals[UnitID(3)] == "")
        #expect(try draft.decisions(against: Self.insjoriket, units: [UnitID(3)], at: Self.start, by: nil).isEmpty)

        draft.levels[.placesUsed] = "90 %"
        draft.levels[.measurementCoverage] = ""
        draft.levels[.waitingDays] = "14"
        draft.referrals[UnitID(3)] = "1 200"
        let decisions = try draft.decisions(against: Self.insjoriket, units: [UnitID(3)], at: Self.start, by: "Anna")
        let byKind = Dictionary(uniqueKeysWithValues: decisions.map { ($0.kind, $0) })
        #expect(decisions.count == 4 && decisions.allSatisfy { $0.year == 2025 })
        #expect(byKind[.placesUsed]?.level == 0.9)
        #expect(byKind[.measurementCoverage] != nil && byKind[.measurementCoverage]?.level == nil)
        #expect(byKind[.waitingDays]?.level == 14)
        #expect(byKind[.referrals]?.level == 1200 && byKind[.referrals]?.unitID == UnitID(3))
    }

    @Test("a share outside 0–100 %, days that are not whole, a negative count and a wrong year are each refused, nothing decided")
    func refusals() {
        let draft = GoalsDraft(
            year: "20x6",
            levels: [.placesUsed: "120", .measurementCoverage: "80", .waitingDays: "2,5", .improved: "-3"],
            referrals: [UnitID(3): "-1"]
        )
        #expect(throws: ValidationFailure.self) {
            try draft.decisions(against: AssociationGoals(), units: [UnitID(3)], at: Self.start, by: nil)
        }
        do {
            _ = try draft.decisions(against: AssociationGoals(), units: [UnitID(3)], at: Self.start, by: nil)
        } catch {
            #expect(error.problems["year"] == .notAWholeNumber)
            #expect(error.problems["goal-places-used"] == .outOfRange(minimum: 0, maximum: 100))
            #expect(error.problems["goal-waiting-days"] == .notAWholeNumber)
            #expect(error.problems["goal-improved"] == .outOfRange(minimum: 0, maximum: 100))
            #expect(error.problems["referrals-3"] == .outOfRange(minimum: 0, maximum: 100_000))
            #expect(error.problems["goal-measurement-coverage"] == nil)
        }
    }

    @Test("a registration is due for its start within the board's waiting goal")
    func waitingDue() {
        let today = Day("2026-05-20")!
        let waiting = [(id: ParticipantID(1), name: "Sara Lind", registeredOn: Day("2026-05-10")!)]
        let twoWeeks = DueItems.items(inProgress: [], waiting: waiting, meetings: [], today: today)
        let oneWeek = DueItems.items(inProgress: [], waiting: waiting, meetings: [], waitingDays: 7, today: today)
        #expect(twoWeeks.first?.due.description == "2026-05-24" && twoWeeks.first?.isOverdue == false)
        #expect(oneWeek.first?.due.description == "2026-05-17" && oneWeek.first?.isOverdue == true)
    }

    @Test("a goal is met or not when its year is over, on track or behind during it; what grows through the year is compared with its part")
    func outcomes() {
        let half = GoalOutcome.yearPassed(2026, period: ReportingPeriod(kind: .halfYear, year: 2026, part: 1)!, today: Day("2026-12-01")!)
        #expect(abs(half - 181.0 / 365.0) < 1e-9)
        let whole = GoalOutcome.yearPassed(2026, period: ReportingPeriod(kind: .year, year: 2026)!, today: Day("2027-02-01")!)
        #expect(whole == 1)
        let ongoing = GoalOutcome.yearPassed(2026, period: ReportingPeriod(kind: .year, year: 2026)!, today: Day("2026-03-31")!)
        #expect(abs(ongoing - 90.0 / 365.0) < 1e-9, "a year not over is judged by today")

        #expect(GoalOutcome(kind: .placesUsed, result: 0.55, level: 1.0, yearPassed: half).status == .onTrack)
        #expect(GoalOutcome(kind: .placesUsed, result: 0.40, level: 1.0, yearPassed: half).status == .behind)
        #expect(GoalOutcome(kind: .placesUsed, result: 0.40, level: 1.0, yearPassed: half).levelSoFar < 0.5)
        #expect(
            GoalOutcome(kind: .measurementCoverage, result: 0.7, level: 0.8, yearPassed: half).status == .behind,
            "a share is not pro-rated"
        )
        #expect(GoalOutcome(kind: .measurementCoverage, result: 0.8, level: 0.8, yearPassed: 1).status == .met)
        #expect(GoalOutcome(kind: .exitSurvey, result: 0.746, level: 0.75, yearPassed: 1).status == .met, "judged as printed: 75 %")
        #expect(GoalOutcome(kind: .exitSurvey, result: 0.744, level: 0.75, yearPassed: 1).status == .notMet)
        #expect(
            GoalOutcome(kind: .waitingDays, result: 16, level: 14, yearPassed: 1).status == .notMet,
            "a wait meets its goal at or below it"
        )
        #expect(GoalOutcome(kind: .waitingDays, result: 9, level: 14, yearPassed: 1).status == .met)
        #expect(GoalOutcome(kind: .referrals, result: 21, level: 40, yearPassed: half).status == .onTrack)
        #expect(GoalOutcome(kind: .referrals, result: nil, level: 40, yearPassed: 1).status == .unknown)
    }
}

@Suite("A unit's budget")
struct BudgetDraftTests {
    @Test("a budget is written as Swedes write it, is optional, and may not be negative")
    func budget() throws {
        let unit = UnitID(1)
        #expect(try PlacesDraft(year: "2024", places: "145", budget: "2 750 000 kr").validated(unitID: unit).budget == 2_750_000)
        #expect(try PlacesDraft(year: "2024", places: "145", budget: "").validated(unitID: unit).budget == nil)
        #expect(throws: ValidationFailure(problems: ["budget": .outOfRange(minimum: 0, maximum: PlacesDraft.maximumBudget)])) {
            try PlacesDraft(year: "2024", places: "145", budget: "-100").validated(unitID: unit)
        }
        #expect(throws: ValidationFailure(problems: ["budget": .notAWholeNumber])) {
            try PlacesDraft(year: "2024", places: "145", budget: "2,75 miljoner").validated(unitID: unit)
        }
    }
}
