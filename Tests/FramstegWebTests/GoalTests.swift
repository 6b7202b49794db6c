import Foundation
import FramstegCore
import FramstegStore
import Testing

@testable import FramstegWeb

@Suite("The association's goals and the board's reports")
struct GoalTests {
    /// The `<table id="…">` of a page, up to its end.
    static func table(_ id: String, in html: String) -> String? {
        html.components(separatedBy: #"<table id="\#(id)">"#).dropFirst().first?.components(separatedBy: "</table>").first
    }

    @Test("the admin sets a year's goals: wrong levels are refused beside their fields with what was typed, and nothing is saved")
    func refused() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            #expect(try await admin.get("/admin/goals").status == .ok)
            let refused = try await admin.post(
                "/admin/goals",
                [
                    ("year", "2026"), ("goal-places-used", "120"), ("goal-measurement-coverage", "80"), ("goal-waiting-days", "två veckor"),
                    ("referrals-\(fixture.unitA1)", "-5"),
                ]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"value="120""#) && refused.text.contains(#"value="två veckor""#))
            #expect(refused.text.contains(#"value="80""#), "a right field is kept too")
            #expect(refused.text.contains(#"<p id="goal-places-used-error" class="field-error">"#))
            #expect(refused.text.contains(#"<p id="goal-waiting-days-error" class="field-error">"#))
            #expect(refused.text.contains(#"<p id="referrals-\#(fixture.unitA1)-error" class="field-error">"#))
            #expect(!refused.text.contains(#"id="goal-measurement-coverage-error""#))
            let goals = try await fixture.store.read { db in try await GoalRepository(db).goals(of: fixture.associationA) }
            #expect(goals.settings.isEmpty, "nothing saved half")
        }
    }

    @Test("saved goals are audited, kept with their history, followed by later years and unchanged when sent again")
    func saved() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let fields = [
                ("year", "2026"), ("goal-places-used", "100"), ("goal-measurement-coverage", "80 %"), ("goal-waiting-days", "14"),
                ("referrals-\(fixture.unitA1)", "40"),
            ]
            let saved = try await admin.post("/admin/goals", fields)
            #expect(saved.location == "/admin/goals?year=2026&notice=goalsSaved")
            let again = try await admin.post("/admin/goals", fields)
            #expect(again.location == "/admin/goals?year=2026&notice=goalsUnchanged")
            try await fixture.store.read { db throws in
                let goals = try await GoalRepository(db).goals(of: fixture.associationA)
                #expect(goals.settings.count == 4)
                #expect(goals.level(.measurementCoverage, year: 2026) == 0.8)
                #expect(goals.level(.referrals, year: 2026, unit: fixture.unitA1) == 40)
                #expect(goals.settings.allSatisfy { $0.setBy == "Test admin" })
                let audit = try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1).first?.entry
                #expect(audit?.action == "association.goals")
                #expect(audit?.objectID?.hasPrefix("2026 ") == true)
            }
            let later = try await admin.get("/admin/goals?year=2027").text
            #expect(later.contains(#"id="goal-measurement-coverage" name="goal-measurement-coverage" value="80""#))
            #expect(later.contains("gäller sedan 2026"))
            let history = try #require(Self.table("table-goal-history", in: later))
            #expect(history.contains("Deltagare med progressionsmätning (%)") && history.contains("80 %") && history.contains("Test admin"))
            #expect(history.contains("Anmälningar per år: ACTivera Lerum"))
            // Clearing a goal from a year on is a decision of its own.
            let cleared = try await admin.post(
                "/admin/goals",
                [
                    ("year", "2027"), ("goal-places-used", "100"), ("goal-measurement-coverage", ""), ("goal-waiting-days", "14"),
                    ("referrals-\(fixture.unitA1)", "40"),
                ]
            )
            #expect(cleared.location == "/admin/goals?year=2027&notice=goalsSaved")
            let goals = try await fixture.store.read { db in try await GoalRepository(db).goals(of: fixture.associationA) }
            #expect(goals.level(.measurementCoverage, year: 2027) == nil && goals.level(.measurementCoverage, year: 2026) == 0.8)
        }
    }

    @Test("the annual report opens with a cover and the goals in force, with their results; a goal not set is not listed")
    func annualReport() async throws {
        try await TestApp.run { fixture, client throws in
            _ = try await SurveyTests.registerParticipants(11, fixture)
            let year = Day(fixture.clock.now).year
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            _ = try await admin.post(
                "/admin/goals",
                [("year", String(year)), ("goal-measurement-coverage", "80"), ("referrals-\(fixture.unitA1)", "40")]
            )
            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            let report = try await office.get("/office/report?year=\(year)")
            #expect(report.status == .ok)
            #expect(report.text.contains("<title>Årsrapport \(year) – Hela förbundet"))
            #expect(report.text.contains(#"<p class="report-title" id="report-cover-title">Årsrapport \#(year)</p>"#))
            #expect(report.text.contains(#"<p class="report-association">Insjöriket</p>"#))
            #expect(report.text.contains("\(year)-01-01 – \(year)-12-31"))
            let goals = try #require(Self.table("table-goals", in: report.text))
            // Nobody has started: no coverage to judge; eleven referrals to ACTivera Lerum against 40 for the year.
            #expect(goals.contains("Progressionsmätning") && goals.contains("80 %"))
            #expect(goals.contains("Anmälningar: ACTivera Lerum") && goals.contains(">40"))
            #expect(!goals.contains("Väntetid"), "the board set no waiting goal")
            #expect(!goals.contains("Anmälningar: Steget Lerum"), "nor referrals for the other unit")
            #expect(goals.contains("Deltagarenkät vid avslut: Fråga 1") && goals.contains("75 %"))
            #expect(!report.text.contains("export.csv"), "the report is for reading and printing")
        }
    }

    @Test("the interim report and a municipality's report answer; another period kind or another association's municipality does not")
    func interimAndMunicipality() async throws {
        try await TestApp.run { fixture, client throws in
            _ = try await SurveyTests.registerParticipants(6, fixture)
            let year = Day(fixture.clock.now).year
            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            let interim = try await office.get("/office/report?period=half-year&part=1&year=\(year)")
            #expect(interim.status == .ok)
            #expect(interim.text.contains("Delårsrapport januari–juni \(year)"))
            #expect(interim.text.contains("\(year)-01-01 – \(year)-06-30"))
            let municipality = try await office.get("/office/report?municipality=\(fixture.municipalityA)&year=\(year)")
            #expect(municipality.status == .ok)
            #expect(municipality.text.contains(#"<p class="report-scope">Kommun Lerum</p>"#))
            #expect(try await office.get("/office/report?municipality=\(fixture.municipalityB)").status == .notFound)
            let quarter = try await office.get("/office/report?period=quarter&year=\(year)")
            #expect(quarter.status == .unprocessableContent)
            #expect(quarter.text.contains(#"id="report-kind-error""#))
        }
    }

    @Test("a unit's budget is set beside its places (a negative one refused beside the field) and the annual report prints what it bought")
    func costs() async throws {
        try await TestApp.run { fixture, client throws in
            _ = try await SurveyTests.registerParticipants(6, fixture)
            let year = Day(fixture.clock.now).year
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let path = "/admin/units/\(fixture.unitA1)/places"
            let refused = try await admin.post(path, [("year", String(year)), ("places", "40"), ("budget", "-1 000")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"value="-1 000""#) && refused.text.contains(#"<p id="budget-error" class="field-error">"#))
            #expect(try await admin.post(path, [("year", String(year)), ("places", "40"), ("budget", "1 000 000 kr")]).status == .seeOther)
            #expect(try await admin.get("/admin/units/\(fixture.unitA1)").text.contains("1\u{00A0}000\u{00A0}000\u{00A0}kr"))

            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            let report = try await office.get("/office/report?year=\(year)").text
            let costs = try #require(Self.table("table-costs", in: report))
            // 1 000 000 kr over 40 places; nobody has started, so nobody is enrolled to divide by.
            #expect(
                costs.contains("ACTivera Lerum") && costs.contains("1\u{00A0}000\u{00A0}000\u{00A0}kr")
                    && costs.contains("25\u{00A0}000\u{00A0}kr")
            )
            #expect(!costs.contains("Steget Lerum"), "a unit without a budget is not listed")
            let interim = try await office.get("/office/report?period=half-year&part=1&year=\(year)").text
            #expect(Self.table("table-costs", in: interim) != nil)
        }
    }

    @Test("the board's waiting goal is the one the counsellor's working view measures registrations against")
    func waitingGoal() async throws {
        try await TestApp.run { fixture, client throws in
            _ = try await SurveyTests.registerParticipants(2, fixture)
            let counsellor = TestBrowser(client)
            try await counsellor.signIn(Fixture.email(.counsellor))
            #expect(try await counsellor.get("/units").text.contains("mål: start inom 14 dagar"), "two weeks without a goal")
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let year = Day(fixture.clock.now).year
            #expect(try await admin.post("/admin/goals", [("year", String(year)), ("goal-waiting-days", "7")]).status == .seeOther)
            #expect(try await counsellor.get("/units").text.contains("mål: start inom 7 dagar"))
        }
    }
}
