import Foundation
import FramstegCore
import FramstegStore
import FramstegWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("CSRF, admin forms, headers and language")
struct FormAndSecurityTests {
    @Test("a form without the page's CSRF token is refused and changes nothing", arguments: ["", "0123456789abcdef0123456789abcdef"])
    func csrf(_ token: String) async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.admin))
            let response = try await browser.post("/admin/municipalities", [("name", "Alingsås"), ("_csrf", token)])
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Formuläret kunde inte skickas"))
            let names = try await fixture.store.read { db in
                try await OrganisationRepository(db).municipalities(of: fixture.associationA).map(\.name)
            }
            #expect(names == ["Lerum"])
        }
    }

    @Test("a body over the limit answers 413 with a message in the user's language, on a page and in the API")
    func oversizeBody() async throws {
        try await TestApp.run { _, client throws in
            let browser = TestBrowser(client)
            let huge = String(repeating: "a", count: 2 * 1024 * 1024)
            let page = try await browser.post("/sign-in", [("email", huge)])
            #expect(page.status == .contentTooLarge)
            #expect(page.text.contains("Det som skickades var för stort."))
            try await browser.signIn(Fixture.email(.counsellor))
            let api = try await browser.post("/api/units/1/participants", [("name", huge)])
            #expect(api.status == .contentTooLarge)
            #expect(api.text.contains(#""error":"too-large""#))
        }
    }

    @Test("another session's CSRF token does not work, nor does the sign-in form without one")
    func csrfIsPerSession() async throws {
        try await TestApp.run { _, client throws in
            let other = TestBrowser(client)
            try await other.signIn(Fixture.email(.admin))
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.admin))
            #expect(try await browser.post("/settings", [("language", "en")], csrf: other.csrfToken).status == .forbidden)
            let anonymous = TestBrowser(client)
            #expect(
                try await anonymous.post("/sign-in", [("email", Fixture.email(.admin)), ("password", Fixture.password)], csrf: "").status
                    == .forbidden
            )
        }
    }

    @Test("an invalid unit form comes back with what was typed and a message beside each field")
    func unitFormKeepsInput() async throws {
        try await TestApp.run { _, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.admin))
            let response = try await browser.post("/admin/units", [("name", String(repeating: "Å", count: 130)), ("municipality", "999")])
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains(#"value="\#(String(repeating: "Å", count: 130))""#))
            #expect(html.contains(#"<p id="name-error" class="field-error">Högst 120 tecken.</p>"#))
            #expect(html.contains(#"<p id="municipality-error" class="field-error">Välj ett av alternativen.</p>"#))
            #expect(html.contains(#"aria-describedby="name-error""#))
        }
    }

    @Test("budgeted places: wrong numbers are explained, right ones are saved and audited")
    func placesForm() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.admin))
            let refused = try await browser.post("/admin/units/\(fixture.unitA1)/places", [("year", "2026"), ("places", "åttio")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"value="åttio""#))
            #expect(refused.text.contains("Ange ett heltal, till exempel 80."))
            let saved = try await browser.post("/admin/units/\(fixture.unitA1)/places", [("year", "2026"), ("places", "85")])
            #expect(saved.location == "/admin/units/\(fixture.unitA1)?notice=saved")
            try await fixture.store.read { db throws in
                #expect(
                    try await OrganisationRepository(db).places(of: fixture.unitA1) == [
                        BudgetedPlaces(unitID: fixture.unitA1, year: 2026, places: 85)
                    ]
                )
                #expect(try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1).first?.entry.action == "unit.places")
            }
        }
    }

    @Test("a new user: invalid fields are explained and typed values kept; no password is asked, a one-time link is shown")
    func userForm() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            #expect(!(try await admin.get("/admin/users/new").text.contains(#"type="password""#)), "the admin chooses no password")
            let refused = try await admin.post(
                "/admin/users",
                [("email", Fixture.email(.office)), ("name", "Nora Ny"), ("role", "counsellor")]
            )
            #expect(refused.status == .unprocessableContent)
            let html = refused.text
            #expect(html.contains("E-postadressen används redan."))
            #expect(html.contains("Välj minst en verksamhet."))
            #expect(html.contains(#"value="Nora Ny""#))
            let created = try await admin.post(
                "/admin/users",
                [
                    ("email", "nora@a.test"), ("name", "Nora Ny"), ("role", "counsellor"), ("units", fixture.unitA1.description),
                    ("units", fixture.unitA2.description),
                    // A password sent anyway is ignored: nothing the admin types becomes one.
                    ("password", "Nora-har-ett-bra-lösen"), ("repeatPassword", "Nora-har-ett-bra-lösen"),
                ]
            )
            #expect(created.status == .ok)
            #expect(created.text.contains("Kontot för Nora Ny är skapat"))
            let link = try #require(AccountSetupTests.setupPath(in: created.text))
            #expect(try await TestBrowser(client).signIn("nora@a.test", "Nora-har-ett-bra-lösen").status == .unauthorized)
            let nora = TestBrowser(client)
            try await nora.get(link)
            #expect(
                try await nora.post(link, [("password", "Noras-egna-lösenord"), ("repeatPassword", "Noras-egna-lösenord")]).status
                    == .seeOther
            )
            #expect(try await nora.signIn("nora@a.test", "Noras-egna-lösenord").location == "/units")
            #expect(try await nora.get("/units/\(fixture.unitA2)").status == .ok)
        }
    }

    @Test("a password reset takes effect at once, ends the user's sessions and gives a link, never a password")
    func passwordReset() async throws {
        try await TestApp.run { fixture, client throws in
            let target = TestBrowser(client)
            try await target.signIn("target@a.test")
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let reset = try await admin.post("/admin/users/\(fixture.targetUserA)/password", [])
            #expect(reset.status == .ok)
            let link = try #require(AccountSetupTests.setupPath(in: reset.text))
            #expect(try await target.get("/units").location == "/sign-in?expired=1&return=/units")
            #expect(
                try await TestBrowser(client, address: "192.0.2.50").signIn("target@a.test").status == .unauthorized,
                "the old password stops working"
            )
            let owner = TestBrowser(client, address: "192.0.2.51")
            try await owner.get(link)
            #expect(
                try await owner.post(link, [("password", "Ett-nytt-lösenord-1"), ("repeatPassword", "Ett-nytt-lösenord-1")]).status
                    == .seeOther
            )
            #expect(try await TestBrowser(client, address: "192.0.2.52").signIn("target@a.test", "Ett-nytt-lösenord-1").status == .seeOther)
        }
    }

    @Test("an admin cannot disable or demote themself")
    func adminKeepsAccess() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let users = try await fixture.store.read { db in try await UserRepository(db).users(of: fixture.associationA) }
            let me = try #require(users.first { $0.role == .admin })
            #expect(try await admin.post("/admin/users/\(me.id)/disable").status == .forbidden)
            #expect(
                try await admin.post("/admin/users/\(me.id)", [("name", "Test admin"), ("role", "office")]).status == .unprocessableContent
            )
            #expect(try await admin.get("/admin").status == .ok)
        }
    }

    @Test("pages carry a strict CSP, refuse framing and are never cached")
    func headers() async throws {
        try await TestApp.run { _, client throws in
            let browser = TestBrowser(client)
            let page = try await browser.get("/sign-in")
            let csp = try #require(page.headers[.contentSecurityPolicy])
            #expect(csp.contains("script-src 'self'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(!page.text.contains("<script>"))
            #expect(try await browser.get("/static/app.css").headers[.cacheControl] == "public, max-age=3600")
        }
    }

    @Test("the language follows the browser until the user chooses one")
    func language() async throws {
        try await TestApp.run { _, client throws in
            let browser = TestBrowser(client)
            browser.headers[.acceptLanguage] = "en-GB,en;q=0.8"
            let signIn = try await browser.get("/sign-in")
            #expect(signIn.text.contains(#"<html lang="en">"#))
            #expect(signIn.text.contains("Sign in to Framsteg"))
            try await browser.signIn(Fixture.email(.manager))
            #expect(try await browser.post("/settings", [("language", "sv")]).location == "/settings?notice=settingsSaved")
            let settings = try await browser.get("/settings?notice=settingsSaved")
            #expect(settings.text.contains(#"<html lang="sv">"#))
            #expect(settings.text.contains("Inställningarna är sparade."))
            #expect(try await browser.post("/settings", [("language", "klingon")]).status == .unprocessableContent)
        }
    }

    @Test("an unknown page and an unknown object answer 404 in the user's language")
    func notFound() async throws {
        try await TestApp.run { _, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.admin))
            let missing = try await browser.get("/admin/units/999999")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Sidan finns inte"))
            #expect(try await browser.get("/finns-inte").status == .notFound)
        }
    }
}
