import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("An intervention recorded by mistake is withdrawn, or its end taken back, with a reason")
struct InterventionCorrectionTests {
    static func add(_ browser: TestBrowser, _ path: String, type: String, title: String, day: String) async throws {
        let added = try await browser.post(
            path + "/interventions",
            [("type", type), ("provider", "region"), ("title", title), ("start", day), ("end", "")]
        )
        #expect(added.status == .seeOther)
    }

    static func interventions(_ fixture: Fixture) async throws -> [Intervention] {
        try await fixture.store.read { db in
            try await ActivityRepository(db, keyring: TestKeys.keyring).interventions(of: fixture.participantA1, includingWithdrawn: true)
        }
    }

    @Test("a refused correction comes back in its section, opened, as typed, with the summary linking to the field")
    func refused() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now).description
            try await Self.add(browser, path, type: "health", title: "Fysioterapi", day: today)
            let health = try #require(try await Self.interventions(fixture).first)
            let page = try await browser.get(path + "?tab=activities").text
            #expect(page.contains(#"<button type="submit">Avsluta Fysioterapi</button>"#), "ending names what it ends")
            #expect(page.contains(#"<details class="end-intervention">"#), "and is opened deliberately, not one click")
            #expect(!page.contains(#"id="correct-\#(health.id)-end-taken-back""#), "a running one has no end to take back")

            let refused = try await browser.post(path + "/interventions/\(health.id)/correct", [("change", "withdrawn"), ("reason", "  ")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(##"<a href="#correct-\##(health.id)-reason">Fyll i det här fältet.</a>"##))
            #expect(refused.text.contains(#"<details class="correct-intervention" id="correct-\#(health.id)" open>"#))
            #expect(refused.text.contains(#"id="correct-\#(health.id)-withdrawn" name="change" value="withdrawn" checked"#))
            let noEnd = try await browser.post(
                path + "/interventions/\(health.id)/correct",
                [("change", "end-taken-back"), ("reason", "Fel")]
            )
            #expect(noEnd.text.contains("Insatsen är inte avslutad: det finns inget avslut att ta tillbaka."))
            let none = try await browser.post(path + "/interventions/\(health.id)/correct", [("reason", "Fel")])
            #expect(none.text.contains(##"<a href="#correct-\##(health.id)-withdrawn">"##), "a change must be chosen")
            #expect(
                try await browser.post(path + "/interventions/999999/correct", [("change", "withdrawn"), ("reason", "Fel")]).status
                    == .notFound
            )
            #expect(try await Self.interventions(fixture).first?.changes.isEmpty == true, "nothing changed")
        }
    }

    @Test("an end taken back runs again and says so on the row; a withdrawn one leaves the figures and is listed with why")
    func corrections() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now).description
            try await Self.add(browser, path, type: "health", title: "Fysioterapi", day: today)
            try await Self.add(browser, path, type: "job", title: "Praktik på lager", day: today)
            let added = try await Self.interventions(fixture)
            let health = try #require(added.first { $0.type == .health })
            let job = try #require(added.first { $0.type == .jobFocused })
            #expect(try await browser.post(path + "/interventions/\(health.id)/end", [("end", today)]).status == .seeOther)
            #expect(try await browser.get(path + "?tab=activities").text.contains(#"id="correct-\#(health.id)-end-taken-back""#))

            let reopened = try await browser.post(
                path + "/interventions/\(health.id)/correct",
                [("change", "end-taken-back"), ("reason", "Avslutades på fel insats")]
            )
            #expect(reopened.location == path + "?tab=activities&notice=interventionEndTakenBack#interventions")
            let after = try await browser.get(try #require(reopened.location)).text
            // The notice is in the section the page is scrolled to, not at the top.
            let section = try #require(after.range(of: #"<section id="interventions""#))
            let notice = try #require(after.range(of: "Avslutet är taget tillbaka. Insatsen pågår igen."))
            #expect(section.lowerBound < notice.lowerBound)
            #expect(after.contains("Avslutet \(today) togs tillbaka av Test counsellor"))
            #expect(after.contains("Avslutades på fel insats"))
            #expect(after.contains("Kombinerade insatser"), "both run again")

            let withdrawn = try await browser.post(
                path + "/interventions/\(job.id)/correct",
                [("change", "withdrawn"), ("reason", "Registrerad på fel deltagare")]
            )
            #expect(withdrawn.location == path + "?tab=activities&notice=interventionWithdrawn#interventions")
            let record = try await browser.get(path + "?tab=activities").text
            #expect(record.contains(#"<ul class="plain" id="withdrawn-interventions""#))
            #expect(record.contains("Borttagen av Test counsellor"))
            #expect(record.contains("Registrerad på fel deltagare"))
            #expect(!record.contains("Kombinerade insatser"), "the withdrawn one no longer counts")
            #expect(!record.contains(#"action="\#(path)/interventions/\#(job.id)/end""#), "nor can be changed")

            let again = try await browser.post(path + "/interventions/\(job.id)/correct", [("change", "withdrawn"), ("reason", "Igen")])
            #expect(again.text.contains("Insatsen är redan borttagen."))
            let api = try await fixture.store.read { db in
                try await ActivityRepository(db, keyring: TestKeys.keyring).interventions(of: fixture.participantA1)
            }
            #expect(api.map(\.title) == ["Fysioterapi"])
            let actions = try await fixture.store.read { db in
                try await AuditLog(db).recent(associationID: fixture.associationA, limit: 20).map(\.entry.action)
            }
            #expect(actions.contains("participant.intervention.withdrawn") && actions.contains("participant.intervention.end-taken-back"))
            #expect(actions.contains("participant.intervention.add"), "the log has both what was recorded and its correction")
        }
    }
}
