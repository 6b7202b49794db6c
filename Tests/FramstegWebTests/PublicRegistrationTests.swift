import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Public interest registration")
struct PublicRegistrationTests {
    static func fields(unit: UnitID, _ overrides: [String: String] = [:]) -> [(String, String)] {
        var fields: [String: String] = [
            "unit": unit.description, "referrerKind": "af", "referrerName": "Anna Handläggare, AF Lerum, 010-000 00 00",
            "personalIdentityNumber": "19900101-0017", "name": "Nils Ny", "phone": "070-111 22 33", "email": "nils@example.se",
            "gender": "man", "reason": "Har varit arbetslös länge och behöver stöd från flera håll.", "consent": "yes", "website": "",
        ]
        for (key, value) in overrides { fields[key] = value }
        return fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [("authorities", "af"), ("authorities", "region")]
    }

    static func participants(_ fixture: Fixture, _ unit: UnitID) async throws -> [ParticipantSummary] {
        try await fixture.store.read { db in try await ParticipantRepository(db, keyring: TestKeys.keyring).participants(inUnit: unit) }
    }

    @Test("the form lists only the association's own units and works without signing in")
    func form() async throws {
        try await TestApp.run { fixture, client throws in
            let page = try await TestBrowser(client).get("/register/\(fixture.associationA)")
            #expect(page.status == .ok)
            #expect(page.text.contains("ACTivera Lerum (Lerum)"))
            #expect(!page.text.contains("Steget Varberg"))
            #expect(page.text.contains("Så behandlar vi uppgifterna"))
            #expect(try await TestBrowser(client).get("/register/999").status == .notFound)
        }
    }

    @Test("a registration lands in the chosen unit's inbox, counted and audited without a user")
    func lands() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.get("/register/\(fixture.associationA)")
            let response = try await browser.post("/register/\(fixture.associationA)", Self.fields(unit: fixture.unitA2))
            #expect(response.location == "/register/\(fixture.associationA)/thanks")
            let inbox = try await Self.participants(fixture, fixture.unitA2)
            #expect(inbox.map(\.name) == ["Omar Berg", "Nils Ny"])
            #expect(inbox.last?.state == .registered)
            let audit = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1) }
            #expect(audit.first?.entry.action == "participant.register.public")
            #expect(audit.first?.entry.userID == nil)
            let participant = try await fixture.store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).participant(inbox.last!.id)
            }
            #expect(participant?.referrerKind == .employmentService)
            #expect(participant?.authorities == [.employmentService, .region])
        }
    }

    @Test("an overlong referrer name or e-mail is refused beside the field with what was typed kept, and nothing is stored")
    func lengthLimits() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.get("/register/\(fixture.associationA)")
            let long = String(repeating: "Remittent ", count: 30)
            let refused = try await browser.post(
                "/register/\(fixture.associationA)",
                Self.fields(unit: fixture.unitA2, ["referrerName": long, "email": String(repeating: "a", count: 250) + "@x.se"])
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"<p id="referrerName-error" class="field-error">Högst 120 tecken.</p>"#))
            #expect(refused.text.contains(#"<p id="email-error" class="field-error">Högst 254 tecken.</p>"#))
            #expect(refused.text.contains("Remittent Remittent"), "what was typed is kept")
            #expect(try await Self.participants(fixture, fixture.unitA2).map(\.name) == ["Omar Berg"])
        }
    }

    @Test("the thank-you page is the same whoever registers, and names nobody")
    func thanksRevealsNothing() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.get("/register/\(fixture.associationA)")
            // The same person as an ongoing participant: no hint of that either.
            try await browser.post(
                "/register/\(fixture.associationA)",
                Self.fields(unit: fixture.unitA1, ["personalIdentityNumber": "19811218-9876", "name": "Sara Lind"])
            )
            let first = try await browser.get("/register/\(fixture.associationA)/thanks").text
            try await browser.post("/register/\(fixture.associationA)", Self.fields(unit: fixture.unitA1))
            let second = try await browser.get("/register/\(fixture.associationA)/thanks").text
            #expect(first == second)
            #expect(!first.contains("Sara") && !first.contains("Nils") && !first.contains("9876"))
        }
    }

    @Test("a filled honeypot gets the same thanks and stores nothing")
    func honeypot() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.get("/register/\(fixture.associationA)")
            let response = try await browser.post(
                "/register/\(fixture.associationA)",
                Self.fields(unit: fixture.unitA1, ["website": "http://spam.example"])
            )
            #expect(response.location == "/register/\(fixture.associationA)/thanks")
            #expect(try await Self.participants(fixture, fixture.unitA1).count == 1)
        }
    }

    @Test("too many registrations from one address are refused; another address is not affected")
    func rateLimit() async throws {
        try await TestApp.run(configure: { $0.publicRegistrationLimit = RateLimit(maximum: 2, window: 3600) }) { fixture, client throws in
            for _ in 0..<2 {
                let browser = TestBrowser(client, address: "198.51.100.20")
                try await browser.get("/register/\(fixture.associationA)")
                #expect(try await browser.post("/register/\(fixture.associationA)", Self.fields(unit: fixture.unitA1)).status == .seeOther)
            }
            let refused = TestBrowser(client, address: "198.51.100.20")
            try await refused.get("/register/\(fixture.associationA)")
            let response = try await refused.post("/register/\(fixture.associationA)", Self.fields(unit: fixture.unitA1))
            #expect(response.status == .tooManyRequests)
            #expect(response.text.contains("För många anmälningar"))
            let other = TestBrowser(client, address: "198.51.100.21")
            try await other.get("/register/\(fixture.associationA)")
            #expect(try await other.post("/register/\(fixture.associationA)", Self.fields(unit: fixture.unitA1)).status == .seeOther)
            fixture.clock.advance(minutes: 61)
            #expect(try await refused.post("/register/\(fixture.associationA)", Self.fields(unit: fixture.unitA1)).status == .seeOther)
        }
    }

    @Test("wrong input comes back with what was typed; another association's unit cannot be chosen")
    func invalid() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.get("/register/\(fixture.associationA)")
            let response = try await browser.post(
                "/register/\(fixture.associationA)",
                Self.fields(unit: fixture.unitB1, ["personalIdentityNumber": "19900230-0017", "consent": ""])
            )
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains(#"<p id="unit-error" class="field-error">Välj ett av alternativen.</p>"#))
            #expect(html.contains("Datumet i personnumret finns inte"))
            #expect(html.contains("Samtycke krävs"))
            #expect(html.contains(#"value="Anna Handläggare, AF Lerum, 010-000 00 00""#))
            #expect(html.contains(#"id="authority-region" name="authorities" value="region" checked"#))
            #expect(try await Self.participants(fixture, fixture.unitB1).count == 1)
        }
    }

    @Test(
        "someone already under way in the unit gets the same thanks, no second journey, and the unit an audit row; another unit gets a registration of its own"
    )
    func alreadyUnderWay() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.get("/register/\(fixture.associationA)")
            // Sara Lind follows her journey in unit A2 too: A2 knows nothing of A1 and registers her.
            let elsewhere = try await browser.post(
                "/register/\(fixture.associationA)",
                Self.fields(unit: fixture.unitA2, ["personalIdentityNumber": "19811218-9876", "name": "Sara Lind"])
            )
            #expect(elsewhere.location == "/register/\(fixture.associationA)/thanks")
            #expect(try await Self.participants(fixture, fixture.unitA2).map(\.name).sorted() == ["Omar Berg", "Sara Lind"])
            // The form names her again for unit A1, where her journey is under way.
            try await browser.get("/register/\(fixture.associationA)")
            let response = try await browser.post(
                "/register/\(fixture.associationA)",
                Self.fields(unit: fixture.unitA1, ["personalIdentityNumber": "19811218-9876", "name": "Sara Lind"])
            )
            #expect(response.location == "/register/\(fixture.associationA)/thanks")
            let inA1 = try await Self.participants(fixture, fixture.unitA1)
            #expect(inA1.filter { $0.name == "Sara Lind" }.map(\.id) == [fixture.participantA1])
            let audit = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1) }
            #expect(audit.first?.entry.action == "participant.register.public.existing")
            #expect(audit.first?.entry.objectType == "participant")
            #expect(audit.first?.entry.objectID == fixture.participantA1.description)
            #expect(audit.first?.entry.userID == nil)
        }
    }
}
