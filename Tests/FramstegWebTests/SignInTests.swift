import Foundation
import FramstegCore
import FramstegStore
import FramstegWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Sign-in, sessions and throttling")
struct SignInTests {
    @Test("signing in sets an HttpOnly, SameSite=Lax session cookie and lands on the role's home page")
    func signInCookie() async throws {
        try await TestApp.run { _, client throws in
            let browser = TestBrowser(client)
            try await browser.get("/sign-in")
            let response = try await browser.post("/sign-in", [("email", Fixture.email(.office)), ("password", Fixture.password)])
            #expect(response.status == .seeOther)
            #expect(response.location == "/office")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("framsteg_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            #expect(try await browser.get("/office").status == .ok)
        }
    }

    @Test("behind a TLS proxy the cookies are Secure with the __Host- prefix, and HSTS is sent")
    func secureBehindTLS() async throws {
        try await TestApp.run { _, client throws in
            let browser = TestBrowser(client)
            browser.headers[HTTPField.Name("X-Forwarded-Proto")!] = "https"
            let page = try await browser.get("/sign-in")
            let csrf = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("__Host-framsteg_csrf=") })
            #expect(csrf.contains("Secure") && csrf.contains("Path=/") && !csrf.contains("Domain"))
            let response = try await browser.post("/sign-in", [("email", Fixture.email(.office)), ("password", Fixture.password)])
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("__Host-framsteg_session=") })
            #expect(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"))
            #expect(response.headers[.strictTransportSecurity] == "max-age=31536000")
            #expect(try await browser.get("/office").status == .ok, "the prefixed cookie opens the session")
        }
    }

    @Test("the anonymous CSRF token must be one the server issued, and cacheable files set no cookie")
    func signedAnonymousToken() async throws {
        try await TestApp.run { _, client throws in
            let planted = TestBrowser(client)
            let token = "0123456789abcdef0123456789abcdef"
            planted.cookies["framsteg_csrf"] = token
            let refused = try await planted.post(
                "/sign-in",
                [("email", Fixture.email(.admin)), ("password", Fixture.password)],
                csrf: token
            )
            #expect(refused.status == .forbidden, "a planted cookie and the same value in the form are not enough")
            let fresh = TestBrowser(client)
            let style = try await fresh.get("/static/app.css")
            #expect(style.headers[values: .setCookie].isEmpty)
            #expect(try await fresh.signIn(Fixture.email(.admin)).status == .seeOther)
        }
    }

    @Test("each sign-in gets a new session id and retires the one presented")
    func newSessionIdAtSignIn() async throws {
        try await TestApp.run { _, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.admin))
            let first = try #require(browser.cookies["framsteg_session"])
            try await browser.signIn(Fixture.email(.admin))
            let second = try #require(browser.cookies["framsteg_session"])
            #expect(first != second)
            let replay = TestBrowser(client)
            replay.cookies["framsteg_session"] = first
            #expect(try await replay.get("/admin").location == "/sign-in?expired=1&return=/admin")
        }
    }

    @Test("a wrong password, an unknown address and a disabled account get the same neutral answer")
    func noEnumeration() async throws {
        try await TestApp.run { fixture, client throws in
            try await fixture.store.write { db in try await UserRepository(db).setDisabled(fixture.targetUserA, true) }
            var answers: [String] = []
            for (email, password) in [
                (Fixture.email(.admin), "fel-lösenord-12345"), ("ingen@a.test", "fel-lösenord-12345"), ("target@a.test", Fixture.password),
            ] {
                let browser = TestBrowser(client, address: "198.51.100.\(answers.count)")
                try await browser.get("/sign-in")
                let response = try await browser.post("/sign-in", [("email", email), ("password", password)])
                #expect(response.status == .unauthorized)
                #expect(response.text.contains(#"<p id="form-error" class="form-error" role="alert">Fel e-postadress eller lösenord.</p>"#))
                #expect(response.text.contains(#"value="\#(email)""#), "the typed e-mail comes back")
                #expect(!response.text.contains(password), "the password never comes back")
                // The one-time form tokens differ on every page; the rest must not.
                let page = response.text.replacingOccurrences(of: email, with: "").replacingOccurrences(of: browser.csrfToken, with: "")
                    .replacingOccurrences(of: #"name="_once" value="[0-9a-f]+""#, with: "", options: .regularExpression)
                answers.append(page)
            }
            #expect(Set(answers).count == 1)
        }
    }

    @Test("a stored hash of another cost than the dummy's is made again at sign-in, so every account answers in the same time")
    func hashCostIsEvened() async throws {
        try await TestApp.run { fixture, client throws in
            let costly = try await Passwords(cost: 6).hash(Fixture.password)
            let user = try #require(
                try await fixture.store.read { db in try await UserRepository(db).credentials(email: Fixture.email(.office)).first?.user }
            )
            try await fixture.store.write { db in try await UserRepository(db).setPasswordHash(user.id, costly) }
            #expect(Passwords.cost(of: costly) == 6)
            #expect(try await TestBrowser(client).signIn(Fixture.email(.office)).status == .seeOther)
            let stored = try await fixture.store.read { db in try await UserRepository(db).credentials(email: Fixture.email(.office)).first
            }
            #expect(Passwords.cost(of: stored?.passwordHash ?? "") == 4, "the test server's cost, the dummy hash's too")
            #expect(try await TestBrowser(client).signIn(Fixture.email(.office)).status == .seeOther, "the new hash opens the account")
        }
    }

    @Test("sign-in and failed sign-in are written to the audit log")
    func signInAudited() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.manager), "fel-lösenord-12345")
            try await browser.signIn(Fixture.email(.manager))
            // The home page the sign-in lands on (the working view) writes its own read row beside them.
            let rows = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 3) }
                .filter { $0.entry.action == "sign-in" }
            #expect(rows.map(\.entry.action) == ["sign-in", "sign-in"])
            #expect(rows.map(\.entry.result) == [.success, .failure])
            #expect(rows.allSatisfy { $0.entry.role == .manager })
        }
    }

    @Test("signing out ends the session on the server, not only in the browser")
    func signOut() async throws {
        try await TestApp.run { _, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let token = try #require(browser.cookies["framsteg_session"])
            let response = try await browser.post("/sign-out")
            #expect(response.location == "/sign-in?notice=signedOut")
            #expect(browser.cookies["framsteg_session"] == nil)
            let replay = TestBrowser(client)
            replay.cookies["framsteg_session"] = token
            #expect(try await replay.get("/units").location == "/sign-in?expired=1&return=/units")
        }
    }

    @Test("a session idle for 30 minutes ends; activity keeps it alive until the 12-hour limit")
    func expiry() async throws {
        try await TestApp.run { fixture, client throws in
            let idle = TestBrowser(client)
            try await idle.signIn(Fixture.email(.admin))
            fixture.clock.advance(minutes: 29)
            #expect(try await idle.get("/admin").status == .ok)
            fixture.clock.advance(minutes: 30)
            let expired = try await idle.get("/admin")
            #expect(expired.location == "/sign-in?expired=1&return=/admin", "back to the page after signing in again")
            #expect(try await idle.get(try #require(expired.location)).text.contains("Din session har avslutats"))

            let busy = TestBrowser(client)
            try await busy.signIn(Fixture.email(.admin))
            for _ in 0..<35 {
                fixture.clock.advance(minutes: 20)
                #expect(try await busy.get("/admin").status == .ok)
            }
            fixture.clock.advance(minutes: 20)
            #expect(try await busy.get("/admin").location == "/sign-in?expired=1&return=/admin")
        }
    }

    @Test("five failures slow the account down, not lock its owner out: the right password gets in after the delay")
    func throttlePerAccount() async throws {
        try await TestApp.run { fixture, client throws in
            for attempt in 0..<5 {
                let browser = TestBrowser(client, address: "203.0.113.\(attempt)")
                #expect(try await browser.signIn(Fixture.email(.office), "fel-lösenord-\(attempt)xxxx").status == .unauthorized)
            }
            let tooSoon = try await TestBrowser(client, address: "203.0.113.99").signIn(Fixture.email(.office))
            #expect(tooSoon.status == .tooManyRequests)
            #expect(tooSoon.text.contains("För många misslyckade inloggningar"))
            #expect(try await TestBrowser(client, address: "203.0.113.98").signIn(Fixture.email(.manager)).status == .seeOther)
            fixture.clock.advance(minutes: 0.05)
            #expect(
                try await TestBrowser(client, address: "203.0.113.97").signIn(Fixture.email(.office)).status == .seeOther,
                "three seconds later the owner is in; nobody was locked out for a quarter of an hour"
            )
        }
    }

    @Test("twenty failures from one address lock that address, not others")
    func throttlePerAddress() async throws {
        try await TestApp.run { _, client throws in
            for attempt in 0..<20 {
                let browser = TestBrowser(client, address: "198.51.100.7")
                #expect(try await browser.signIn("gissning\(attempt)@a.test", "fel-lösenord-12345").status == .unauthorized)
            }
            #expect(try await TestBrowser(client, address: "198.51.100.7").signIn(Fixture.email(.admin)).status == .tooManyRequests)
            #expect(try await TestBrowser(client, address: "198.51.100.8").signIn(Fixture.email(.admin)).status == .seeOther)
        }
    }

    @Test("disabling a user ends every session they have")
    func disableEndsSessions() async throws {
        try await TestApp.run { fixture, client throws in
            let counsellor = TestBrowser(client)
            try await counsellor.signIn(Fixture.email(.counsellor))
            #expect(try await counsellor.get("/units").status == .ok)
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let users = try await fixture.store.read { db in try await UserRepository(db).users(of: fixture.associationA) }
            let counsellorID = try #require(users.first { $0.email == Fixture.email(.counsellor) }).id
            #expect(
                try await admin.post("/admin/users/\(counsellorID)/disable").location == "/admin/users/\(counsellorID)?notice=userDisabled"
            )
            #expect(try await counsellor.get("/units").location == "/sign-in?expired=1&return=/units")
            #expect(try await counsellor.signIn(Fixture.email(.counsellor)).status == .unauthorized)
        }
    }
}
