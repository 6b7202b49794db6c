import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import Testing

@testable import FramstegWeb

@Suite("The association's eligibility rules as data")
struct EligibilityRulesTests {
    @Test("the admin sets the age range; an empty range is refused beside the field with what was typed; the record checks the new range")
    func ages() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let page = try await admin.get("/admin/eligibility").text
            #expect(page.contains(#"id="minimumAge" name="minimumAge" value="16""#))
            let refused = try await admin.post("/admin/eligibility/ages", [("minimumAge", "40"), ("maximumAge", "30")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"value="40""#) && refused.text.contains(#"value="30""#))
            #expect(
                refused.text.contains(#"<p id="maximumAge-error" class="field-error">Högsta åldern kan inte vara lägre än den lägsta.</p>"#)
            )
            #expect(try await admin.post("/admin/eligibility/ages", [("minimumAge", "18"), ("maximumAge", "44")]).status == .seeOther)

            let counsellor = TestBrowser(client)
            try await counsellor.signIn(Fixture.email(.counsellor))
            let record = try await counsellor.get("/participants/\(fixture.participantA1)?tab=journey").text
            #expect(record.contains("Ålder 18–44 år: <strong>Nej</strong> (45 år)"), "45 is past the association's new range")
            let audit = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 5) }
            #expect(audit.contains { $0.entry.action == "association.eligibility" && $0.entry.objectID == "ages 18-44" })
        }
    }

    @Test("a reworded criterion is asked in its new words while an earlier answer keeps the words it was given under")
    func reword() async throws {
        try await TestApp.run { fixture, client throws in
            let counsellor = TestBrowser(client)
            try await counsellor.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            _ = try await counsellor.post(path + "/eligibility", [("answer-voluntary", "met")])

            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let empty = try await admin.post(
                "/admin/eligibility/criteria/change",
                [("key", "voluntary"), ("change", "reword"), ("voluntary-swedish", " "), ("voluntary-english", "Takes part of free will")]
            )
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains(#"<p id="voluntary-swedish-error" class="field-error">"#))
            #expect(empty.text.contains(#"value="Takes part of free will""#), "what was typed is kept")
            let saved = try await admin.post(
                "/admin/eligibility/criteria/change",
                [
                    ("key", "voluntary"), ("change", "reword"), ("voluntary-swedish", "Vill delta av egen fri vilja"),
                    ("voluntary-english", ""),
                ]
            )
            #expect(saved.location == "/admin/eligibility?notice=saved#criterion-voluntary")

            let record = try await counsellor.get(path + "?tab=journey").text
            #expect(record.contains(#"<legend>Deltar frivilligt"#), "the answer keeps its wording")
            let extract = try await fixture.store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).eligibility(of: fixture.participantA1)
            }
            #expect(extract["voluntary"]?.wording?.swedish == "Deltar frivilligt")
            // Another participant, never asked, is asked in the new words.
            let newcomer = try #require(try await SurveyTests.registerParticipants(1, fixture).first)
            let other = try await counsellor.get("/participants/\(newcomer)?tab=journey").text
            #expect(other.contains(#"<legend>Vill delta av egen fri vilja"#))
        }
    }

    @Test("a retired criterion is no longer asked nor needed to start; one with answers cannot be removed; a new one is asked")
    func retireAddRemove() async throws {
        try await TestApp.run { fixture, client throws in
            let counsellor = TestBrowser(client)
            try await counsellor.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            _ = try await counsellor.post(path + "/eligibility", EligibilityRules.standard.criteria.map { ("answer-" + $0.key, "met") })

            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let inUse = try await admin.post("/admin/eligibility/criteria/change", [("key", "language"), ("change", "remove")])
            #expect(inUse.status == .unprocessableContent)
            #expect(inUse.text.contains("Kriteriet har 1 svar och kan inte tas bort. Avveckla det i stället."))
            #expect(
                try await admin.post("/admin/eligibility/criteria/change", [("key", "language"), ("change", "retire")]).status == .seeOther
            )
            let refused = try await admin.post("/admin/eligibility/criteria", [("new-swedish", ""), ("new-english", "Has turned 18")])
            #expect(refused.status == .unprocessableContent && refused.text.contains(#"value="Has turned 18""#))
            #expect(
                try await admin.post("/admin/eligibility/criteria", [("new-swedish", "Har gjort en arbetsträning"), ("new-english", "")])
                    .status
                    == .seeOther
            )
            let rules = try await fixture.store.read { db in try await EligibilityRepository(db).rules(of: fixture.associationA) }
            #expect(rules.active.count == 8 && rules.criteria.count == 9)
            let added = try #require(rules.active.last)
            #expect(added.key == "c1" && added.wording.swedish == "Har gjort en arbetsträning")

            // The checklist asks the new criterion; the retired one is shown as it was answered.
            let record = try await counsellor.get(path + "?tab=journey").text
            #expect(record.contains("<legend>Har gjort en arbetsträning"))
            #expect(!record.contains(#"id="met-language""#))
            #expect(record.contains("Avvecklade kriterier"))
            // Starting needs the new one confirmed too, or a reason.
            let today = Day(fixture.clock.now).description
            _ = try await counsellor.post(path + "/steps", [("event", "information"), ("day", today)])
            let start = try await counsellor.post(path + "/steps", [("event", "start"), ("day", today)])
            #expect(start.status == .unprocessableContent)
            #expect(start.text.contains("1 målgruppskriterium är inte bekräftat."))
            // An unused criterion can be removed.
            #expect(try await admin.post("/admin/eligibility/criteria/change", [("key", "c1"), ("change", "remove")]).status == .seeOther)
            let after = try await fixture.store.read { db in try await EligibilityRepository(db).rules(of: fixture.associationA) }
            #expect(after.criterion("c1") == nil)
            // Kustlandet's checklist is its own.
            let other = try await fixture.store.read { db in try await EligibilityRepository(db).rules(of: fixture.associationB) }
            #expect(other.active.count == 8)
        }
    }
}
