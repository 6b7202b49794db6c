import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// The dashboards and their exports through the HTTP layer: hand-counted figures, explanations
/// instead of empty tables, Swedish CSV, Uppföljning Finsam, and audit rows for every export.
@Suite("Follow-up dashboards")
struct FollowUpTests {
    static func rows(_ csv: String) -> [[String]] {
        csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ";") }
    }

    /// Whether exported cells are the true counts as the cell key method publishes them: each
    /// within 2 of the true count, 0 kept, never 1 or 2 (the values themselves follow the record
    /// keys, drawn at random at registration).
    static func arePublished(_ cells: some Collection<String>, of counts: [Int]) -> Bool {
        cells.count == counts.count
            && zip(cells, counts).allSatisfy { cell, count in
                guard let shown = Int(cell) else { return false }
                return abs(shown - count) <= 2 && (count == 0 ? shown == 0 : ![1, 2].contains(shown))
            }
    }

    @Test(
        "referrals counted by hand: exact for the unit's manager, through the cell key method for the office; CSV and Finsam exports, each audited"
    )
    func figuresAndExports() async throws {
        try await TestApp.run { fixture, client throws in
            // Unit A1: Sara (woman) and eleven more, six women and five men; unit A2: Omar, registered as a woman.
            _ = try await SurveyTests.registerParticipants(11, fixture)
            let year = Day(fixture.clock.now).year
            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            let page = try await office.get("/office/dashboard?period=year&year=\(year)")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<table id="table-flow">"#))

            let flow = Self.rows(try await office.get("/office/dashboard/export.csv?table=flow&period=year&year=\(year)").text)
            #expect(flow[0] == ["Inflöde och deltagare", "Kvinnor", "Män", "Annat eller ej angivet", "Totalt"])
            #expect(flow[1][0] == "Anmälningar" && Self.arePublished(flow[1].dropFirst(), of: [8, 5, 0, 13]), "\(flow[1])")
            #expect(flow[2] == ["Startade", "0", "0", "0", "0"])

            let finsam = try await office.get("/office/finsam.csv?period=year&year=\(year)")
            #expect(finsam.text.hasPrefix("\u{FEFF}"))
            let units = Self.rows(finsam.text)
            // ACTivera has 7 women of 12, Steget one woman: without the delivery right, the office's
            // Finsam counts are published like its dashboard, so Steget's one person is never a 1.
            #expect(units[1].prefix(2) == ["ACTivera Lerum", "\(year)"] && Self.arePublished(units[1][2..<6], of: [7, 5, 0, 12]))
            #expect(units[2].prefix(2) == ["Steget Lerum", "\(year)"] && Self.arePublished(units[2][2..<6], of: [1, 0, 0, 1]))
            // With the delivery right the admin grants, the same export is exact: it is what goes to the national system.
            try await fixture.store.write { db in
                let users = UserRepository(db)
                let me = try #require(try await users.credentials(email: Fixture.email(.office)).first?.user)
                try await users.setDeliveries(me.id, [.finsam])
            }
            #expect(try await office.get("/office/dashboard?period=year&year=\(year)").text.contains("exakta antal, för inrapportering"))
            let delivered = Self.rows(try await office.get("/office/finsam.csv?period=year&year=\(year)").text)
            #expect(delivered[1].prefix(6) == ["ACTivera Lerum", "\(year)", "7", "5", "0", "12"])
            #expect(delivered[2].prefix(6) == ["Steget Lerum", "\(year)", "1", "0", "0", "1"])

            let exports = try await fixture.store.read { db in
                try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1000)
            }
            // The flow table and the protected Finsam export are figures; the exact one is a delivery.
            #expect(exports.filter { $0.entry.action == "figures.export" }.count == 2)
            #expect(exports.filter { $0.entry.action == "delivery.export" }.compactMap(\.entry.objectID) == ["finsam association \(year)"])

            // The unit's manager sees the unit; a counsellor may look but not export.
            let manager = TestBrowser(client)
            try await manager.signIn(Fixture.email(.manager))
            let unit = try await manager.get("/units/\(fixture.unitA1)/dashboard?period=year&year=\(year)")
            #expect(unit.text.contains("Uppföljning: ACTivera Lerum"))
            // Exact for the unit's own staff: the manager's export of the unit's flow is the true count.
            let own = Self.rows(
                try await manager.get("/units/\(fixture.unitA1)/dashboard/export.csv?table=flow&period=year&year=\(year)").text
            )
            #expect(own[1] == ["Anmälningar", "7", "5", "0", "12"])
            let counsellor = TestBrowser(client)
            try await counsellor.signIn(Fixture.email(.counsellor))
            #expect(try await counsellor.get("/units/\(fixture.unitA1)/dashboard/export.csv?table=flow").status == .forbidden)
        }
    }

    @Test("every count table split by age band or home municipality, exported the same way; an unknown split comes back with its reason")
    func splits() async throws {
        try await TestApp.run { fixture, client throws in
            _ = try await SurveyTests.registerParticipants(11, fixture)
            let year = Day(fixture.clock.now).year
            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            let page = try await office.get("/office/dashboard?period=year&year=\(year)&split=age")
            #expect(page.status == .ok)
            #expect(page.text.contains("Inflöde och deltagare per åldersgrupp"))
            #expect(page.text.contains(#"<option value="age" selected>"#))
            // The export follows the split: each band's rows in turn, hidden the same way as the page.
            let rows = Self.rows(
                try await office.get("/office/dashboard/export.csv?table=flow&period=year&year=\(year)&split=municipality").text
            )
            #expect(rows[0].first == "Inflöde och deltagare per hemkommun")
            #expect(rows.dropFirst().allSatisfy { $0[0].contains(": ") }, "every row names its municipality")
            let referrals = rows.dropFirst().filter { $0[0].hasSuffix(": Anmälningar") }
            #expect(
                !referrals.isEmpty && referrals.allSatisfy { row in row.dropFirst().allSatisfy { !["1", "2"].contains($0) } }
            )
            let wrong = try await office.get("/office/dashboard?period=year&year=\(year)&split=shoe-size")
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains(#"id="dashboard-split-error""#))
        }
    }

    @Test("distance travelled and BIP's question counted by hand, exported as Swedish CSV; an unknown table is 404")
    func progressionExports() async throws {
        try await TestApp.run { fixture, client throws in
            // Twelve participants, six women and six men, each measured twice with BIP: the women
            // rise 2 on health, the men 1; nothing else changes. The women had job-focused and
            // health support together between the measurements, the men nothing.
            let ids = try await SurveyTests.registerParticipants(12, fixture)
            let today = Day(fixture.clock.now)
            let now = fixture.clock.now
            let bip = try #require(InstrumentCatalog(try ShippedInstruments.load()).latest("bip"))
            @Sendable func answers(health: Int) -> [String: Answer] {
                var answers: [String: Answer] = [
                    "job-search": .choice("few"), "salary": .choice("realistic"), "counsellor-belief": .number(8), "purposeful": .number(7),
                ]
                for id in ["everyday", "knowledge", "belief", "cooperation", "competences"] { answers[id] = .number(4) }
                answers["health"] = .number(health)
                return answers
            }
            try await fixture.store.write { db in
                let measurements = MeasurementRepository(db, keyring: TestKeys.keyring)
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                for (index, id) in ids.enumerated() {
                    let woman = index % 2 == 0
                    try await measurements.addCompleted(
                        bip,
                        for: id,
                        occasion: .start,
                        on: today.adding(days: -12),
                        answers: answers(health: 4),
                        by: nil,
                        now: now
                    )
                    try await measurements.addCompleted(
                        bip,
                        for: id,
                        occasion: .periodic,
                        on: today.adding(days: -1),
                        answers: answers(health: woman ? 6 : 5),
                        by: nil,
                        now: now
                    )
                    guard woman else { continue }
                    for type in ["job", "health"] {
                        let draft = InterventionDraft(
                            type: type,
                            provider: "unit",
                            title: "Stöd",
                            isPlacement: false,
                            employerName: "",
                            start: today.adding(days: -8).description,
                            end: ""
                        )
                        _ = try await activities.addIntervention(
                            try draft.validated(started: today.adding(days: -30), today: today),
                            to: id,
                            by: nil,
                            now: now
                        )
                    }
                }
            }
            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            let query = "period=year&year=\(today.year)"
            let progression = Self.rows(try await office.get("/office/dashboard/export.csv?table=progression-bip&\(query)").text)
            #expect(progression[0] == ["Progression: BIP progressionsmätning", "Kvinnor", "Män", "Annat eller ej angivet", "Alla"])
            #expect(Array(progression[1].dropFirst()) == ["2,0", "1,0", "–", "1,5"], "health: +2 for women, +1 for men")
            #expect(Array(progression[2].dropFirst()) == ["0,0", "0,0", "–", "0,0"])
            #expect(
                progression.last?.first == "Mätta minst två gånger" && Self.arePublished(progression.last!.dropFirst(), of: [6, 6, 0, 12])
            )

            // Per rating: the women 2 over 6 ratings, the men 1 over 6.
            let mix = Self.rows(try await office.get("/office/dashboard/export.csv?table=interventions&\(query)").text)
            #expect(mix[1] == ["Inga insatser", "–", "0,2", "–", "0,2"])
            #expect(mix[4] == ["Kombinerade med arbetsinriktat", "0,3", "–", "–", "0,3"])
            #expect(mix[5][0] == "Deltagare: inga insatser" && Self.arePublished(mix[5].dropFirst(), of: [0, 6, 0, 6]))
            #expect(mix[8][0] == "Deltagare: kombinerade med arbetsinriktat" && Self.arePublished(mix[8].dropFirst(), of: [6, 0, 0, 6]))

            // Nobody has ended: outcome by belief has nothing to show, and an unknown table is 404.
            let page = try await office.get("/office/dashboard?\(query)").text
            #expect(page.contains(#"id="table-interventions""#) && !page.contains(#"id="table-belief""#))
            #expect(try await office.get("/office/dashboard/export.csv?table=belief&\(query)").status == .notFound)
            #expect(try await office.get("/office/dashboard/export.xlsx?table=no-such-table&\(query)").status == .notFound)
        }
    }

    @Test(
        "an empty period, a period before the first registration, a municipality without participants and a wrong year each explain themselves"
    )
    func explanations() async throws {
        try await TestApp.run(beforeStart: { fixture in
            _ = try await fixture.store.write { db in
                try await OrganisationRepository(db).createMunicipality(in: fixture.associationA, name: "Tomkommun")
            }
        }) { fixture, client throws in
            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            let year = Day(fixture.clock.now).year

            let before = try await office.get("/office/dashboard?period=year&year=2001")
            #expect(before.text.contains("Perioden ligger före den första registreringen"))
            #expect(!before.text.contains("table-flow"))

            let later = try await office.get("/office/dashboard?period=year&year=\(year + 1)")
            #expect(later.text.contains("Inga deltagare registrerades, startade, var aktiva eller avslutades under perioden"))

            let municipalities = try await fixture.store.read { db in
                try await OrganisationRepository(db).municipalities(of: fixture.associationA)
            }
            let empty = try #require(municipalities.first { $0.name == "Tomkommun" })
            let none = try await office.get("/office/dashboard?municipality=\(empty.id)")
            #expect(none.text.contains("Här finns inga deltagare ännu"))
            #expect(try await office.get("/office/dashboard?municipality=\(fixture.municipalityB)").status == .notFound)

            let wrong = try await office.get("/office/dashboard?period=quarter&year=\(year)&part=5")
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains(#"value="5""#))
            let custom = try await office.get("/office/dashboard?period=custom&from=2026-03-01&to=2026-02-01")
            #expect(custom.status == .unprocessableContent)
            #expect(custom.text.contains(#"value="2026-03-01""#))
        }
    }
}
