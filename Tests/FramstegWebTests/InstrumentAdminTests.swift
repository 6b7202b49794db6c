import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// Adding instruments from the web: checked, previewed, saved for the association only; a broken
/// stored definition is named at start-up and the server keeps running. And the unit's schedule.
@Suite("Instrument administration")
struct InstrumentAdminTests {
    static let definition = """
        {"id": "steg", "version": 1, "title": {"sv": "Stegmätning", "en": "Step measure"},
         "scales": {"five": {"min": 1, "max": 5, "labels": {"1": {"sv": "Inte alls"}, "5": {"sv": "Helt"}}}},
         "items": [
           {"id": "a", "respondent": "participant", "scale": "five", "text": {"sv": "Jag tar egna initiativ"}},
           {"id": "b", "respondent": "participant", "scale": "five", "text": {"sv": "Jag ger upp lätt"}, "reverse": true},
           {"id": "c", "respondent": "participant", "scale": "five", "text": {"sv": "Jag vet vad jag vill"}}],
         "total": {"id": "total", "title": {"sv": "Summa"}, "items": ["a", "b", "c"], "method": "sum",
                   "thresholds": [{"below": 8, "text": {"sv": "Lågt"}}]}}
        """

    @Test("a broken definition is refused with its path and reason, and the text comes back")
    func broken() async throws {
        try await TestApp.run { _, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.admin))
            try await browser.get("/admin/instruments")
            let text = Self.definition.replacingOccurrences(
                of: #""scale": "five", "text": {"sv": "Jag ger"#,
                with: #""scale": "nine", "text": {"sv": "Jag ger"#
            )
            let response = try await browser.post("/admin/instruments/preview", [("definition", text)])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("definition: items[1].scale no scale &quot;nine&quot; is defined"))
            #expect(response.text.contains("Jag ger upp lätt"), "what was pasted comes back")
            let notJSON = try await browser.post("/admin/instruments", [("definition", "{ inte json")])
            #expect(notJSON.status == .unprocessableContent && notJSON.text.contains("not valid JSON"))
        }
    }

    @Test("a definition is previewed, saved for the association, measured with, and refused again under the same version")
    func addAndUse() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            try await admin.get("/admin/instruments")
            let preview = try await admin.post("/admin/instruments/preview", [("definition", Self.definition)])
            #expect(preview.status == .ok)
            #expect(
                preview.text.contains("Stegmätning") && preview.text.contains("Jag ger upp lätt <em>(omvänd)</em>")
                    && preview.text.contains("&lt; 8.0: Lågt")
            )
            let saved = try await admin.post("/admin/instruments", [("definition", Self.definition)])
            #expect(saved.location == "/admin/instruments?notice=instrumentAdded")
            #expect(try await admin.get("/admin/instruments").text.contains("Stegmätning"))
            let again = try await admin.post("/admin/instruments", [("definition", Self.definition)])
            #expect(again.status == .unprocessableContent && again.text.contains("steg version 1 finns redan"))

            // The association's counsellors can take it; the other association never sees it.
            let counsellor = TestBrowser(client)
            let path = try await startedParticipant(fixture, counsellor)
            let record = try await counsellor.get(path + "?tab=measurements").text
            #expect(record.contains(#"<option value="steg""#))
            #expect(record.contains(#"value="steg/a""#), "its items can be followed by a goal")
            let other = TestBrowser(client)
            try await other.signIn(Fixture.adminB)
            #expect(!(try await other.get("/admin/instruments").text.contains("Stegmätning")))
            // Nor does a refusal tell the other association's admin that the id is in use: the same
            // id and version is theirs to add.
            try await other.get("/admin/instruments")
            let theirs = try await other.post("/admin/instruments", [("definition", Self.definition)])
            #expect(theirs.location == "/admin/instruments?notice=instrumentAdded", "\(theirs.text.prefix(300))")
            #expect(
                try await counsellor.get(path + "?tab=measurements").text.contains(#"<option value="steg""#),
                "each association keeps its own steg"
            )
            let audit = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 50) }
            #expect(audit.contains { $0.entry.action == "instrument.add" && $0.entry.objectID == "steg-1" })
        }
    }

    @Test("a stored definition that no longer loads is named to the admin, and the server runs")
    func brokenAtStartUp() async throws {
        try await TestApp.run(beforeStart: { fixture in
            try await fixture.store.write { db in
                try await db.insert(into: "instrument_definitions").columns(
                    "instrument_id",
                    "version",
                    "definition",
                    "association_id",
                    "added_at"
                )
                .values(
                    SQLBind("trasig"),
                    SQLBind(3),
                    SQLBind(#"{"id": "trasig", "version": 3}"#),
                    SQLBind(fixture.associationA.rawValue),
                    SQLBind(0)
                ).run()
            }
        }) { _, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let page = try await admin.get("/admin/instruments")
            #expect(page.status == .ok)
            #expect(page.text.contains("trasig-3.json (database): title is missing"))
            #expect(page.text.contains("BIP"), "the shipped instruments are all there")
        }
    }

    @Test("the unit's measurement interval is set by the admin, and nonsense is refused beside the field")
    func schedule() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            try await admin.get("/admin/units/\(fixture.unitA1)")
            let wrong = try await admin.post("/admin/units/\(fixture.unitA1)/schedule", [("intervalWeeks", "60")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("Ange ett tal mellan 1 och 52.") && wrong.text.contains(#"value="60""#))
            #expect(
                try await admin.post("/admin/units/\(fixture.unitA1)/schedule", [("intervalWeeks", "8")]).location
                    == "/admin/units/\(fixture.unitA1)?notice=scheduleSaved"
            )
            #expect(
                try await fixture.store.read { db in try await OrganisationRepository(db).measurementInterval(of: fixture.unitA1) } == 8
            )
        }
    }
}
