import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import Testing

@Suite("Goal repository")
struct GoalRepositoryTests {
    @Test(
        "goal decisions are kept in order with who made them, per association; a removal and a unit's goal come back as set",
        arguments: TestDatabase.available
    )
    func decisions(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let now = Date(timeIntervalSince1970: 1_780_000_000)
            let (first, second, unit, user) = try await store.write { db throws in
                let organisation = OrganisationRepository(db)
                let first = try await organisation.createAssociation(name: "Insjöriket", now: now)
                let second = try await organisation.createAssociation(name: "Kustlandet", now: now)
                let lerum = try await organisation.createMunicipality(in: first.id, name: "Lerum")
                let unit = try await organisation.createUnit(in: first.id, municipalityID: lerum.id, name: "ACTivera Lerum")
                let user = try await UserRepository(db).create(
                    in: first.id,
                    email: "admin@a.test",
                    name: "Anna Admin",
                    role: .admin,
                    unitIDs: [],
                    passwordHash: "x",
                    now: now
                )
                let goals = GoalRepository(db)
                try await goals.add(DemoOrganisationStep.goals(at: now), of: first.id, by: nil)
                try await goals.add(
                    [
                        GoalSetting(kind: .measurementCoverage, year: 2026, level: 0.85, setAt: now + 60),
                        GoalSetting(kind: .placesUsed, year: 2027, level: nil, setAt: now + 60),
                        GoalSetting(kind: .waitingDays, year: 2026, level: 14, setAt: now + 60),
                        GoalSetting(kind: .referrals, year: 2026, unitID: unit.id, level: 150, setAt: now + 60),
                    ],
                    of: first.id,
                    by: user.id
                )
                try await goals.add([GoalSetting(kind: .placesUsed, year: 2026, level: 0.5, setAt: now)], of: second.id, by: nil)
                return (first, second, unit, user)
            }
            let goals = try await store.read { db in try await GoalRepository(db).goals(of: first.id) }
            #expect(goals.settings.count == 8)
            #expect(goals.level(.measurementCoverage, year: 2026) == 0.85, "the later decision for the same year")
            #expect(goals.level(.measurementCoverage, year: 2025) == 0.5)
            #expect(goals.level(.placesUsed, year: 2026) == 1.0 && goals.level(.placesUsed, year: 2027) == nil)
            #expect(goals.waitingDays(year: 2026) == 14)
            #expect(goals.level(.referrals, year: 2026, unit: unit.id) == 150)
            #expect(goals.history.first?.setBy == "Anna Admin" && goals.history.last?.setBy == nil)
            #expect(goals.history.first?.setAt == now + 60)
            _ = user
            let other = try await store.read { db in try await GoalRepository(db).goals(of: second.id) }
            #expect(other.settings.map(\.level) == [0.5], "each association has its own goals")
        }
    }
}

@Suite("Eligibility repository")
struct EligibilityRepositoryTests {
    @Test(
        "a new association starts from the standard checklist; criteria are added, reworded, retired and counted per association",
        arguments: TestDatabase.available
    )
    func rules(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let now = Date(timeIntervalSince1970: 1_780_000_000)
            let (first, second) = try await store.write { db throws in
                let organisation = OrganisationRepository(db)
                let first = try await organisation.createAssociation(name: "Porten", now: now)
                let second = try await organisation.createAssociation(name: "Mitt Val", now: now)
                let criteria = EligibilityRepository(db)
                try await criteria.setAges(18...61, of: first.id)
                let key = try await criteria.add(LocalizedText(swedish: "Har gjort en arbetsträning", english: ""), to: first.id)
                #expect(key == "c1")
                try await criteria.reword("goal", of: first.id, to: LocalizedText(swedish: "Målet är arbete", english: "The goal is work"))
                try await criteria.retire("voluntary", of: first.id, at: now)
                return (first.id, second.id)
            }
            try await store.read { db throws in
                let criteria = EligibilityRepository(db)
                let rules = try await criteria.rules(of: first)
                #expect(rules.ages == 18...61)
                #expect(rules.criteria.count == 9 && rules.active.count == 8)
                #expect(rules.criteria.last?.key == "c1", "added last")
                #expect(rules.criterion("goal")?.wording.english == "The goal is work")
                #expect(rules.criterion("voluntary")?.isRetired == true)
                let other = try await criteria.rules(of: second)
                #expect(other == EligibilityRules.standard, "the other association's rules are untouched")
                #expect(try await criteria.answerCounts(of: first)["goal"] == nil, "nobody has answered")
            }
        }
    }
}

@Suite("Budgets")
struct BudgetRepositoryTests {
    @Test("a unit's budget is kept with its places for the year, and read for the association", arguments: TestDatabase.available)
    func budgets(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (association, unit) = try await store.write { db throws in
                let organisation = OrganisationRepository(db)
                let association = try await organisation.createAssociation(name: "Insjöriket", now: Date())
                let municipality = try await organisation.createMunicipality(in: association.id, name: "Mölndal")
                let unit = try await organisation.createUnit(in: association.id, municipalityID: municipality.id, name: "ACTivera Mölndal")
                try await organisation.setPlaces(BudgetedPlaces(unitID: unit.id, year: 2024, places: 145, budget: 2_750_000))
                try await organisation.setPlaces(BudgetedPlaces(unitID: unit.id, year: 2025, places: 145))
                return (association.id, unit.id)
            }
            let places = try await store.read { db in try await OrganisationRepository(db).places(inAssociation: association) }
            #expect(
                places == [
                    BudgetedPlaces(unitID: unit, year: 2024, places: 145, budget: 2_750_000),
                    BudgetedPlaces(unitID: unit, year: 2025, places: 145),
                ]
            )
        }
    }
}

@Suite("After the exit")
struct AfterExitRepositoryTests {
    @Test(
        "the database's after-exit groups equal a count by hand from each participant's row; a correction replaces the row",
        arguments: TestDatabase.available
    )
    func afterExit(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let context = try await DemoData(hashPassword: { "hash:" + $0 }, keyring: TestKeys.keyring, today: Day(now)).seed(
                store,
                now: now
            )
            let units = context.units.map(\.id)
            let period = ReportingPeriod(kind: .year, year: Day(now).year - 1)!
            try await store.read { db throws in
                let after = AfterExitRepository(db)
                let ended = try await FollowUpRepository(db).facts(units: units).filter {
                    $0.startedOn != nil && $0.endedOn.map(period.contains) == true
                }
                let groups = try await after.groups(units: units, period: period)
                #expect(!ended.isEmpty && groups.reduce(0) { $0 + $1.count } == ended.count, "everyone who ended, once")
                var prompt = 0
                var recorded = 0
                for fact in ended {
                    guard let facts = try await after.afterExit(of: fact.id) else { continue }
                    recorded += 1
                    if facts.isPrompt(exitOn: fact.endedOn!) == true { prompt += 1 }
                }
                #expect(recorded > 0)
                #expect(groups.filter { $0.isPrompt == true }.reduce(0) { $0 + $1.count } == prompt)
                #expect(groups.filter { $0.facts != AfterExit() }.reduce(0) { $0 + $1.count } == recorded)
            }
            let someone = try await store.read { db in try await FollowUpRepository(db).facts(units: units).first { $0.endedOn != nil }!.id
            }
            try await store.write { db in
                let user = try #require(try await UserRepository(db).users(of: context.association!.id).first)
                try await AfterExitRepository(db).set(AfterExit(workedOrStudied: false), for: someone, by: user.id, now: now)
            }
            let corrected = try await store.read { db in try await AfterExitRepository(db).afterExit(of: someone) }
            #expect(corrected == AfterExit(workedOrStudied: false))
        }
    }
}
