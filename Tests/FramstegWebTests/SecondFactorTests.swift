import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HummingbirdTesting
import Testing

/// Issue 19, the second factor of password accounts: the code after the password (never the same
/// one twice, wrong ones throttled), enrolment with a QR code, recovery codes that work once,
/// re-authentication before a sensitive change, an admin's reset through the one-time setup link,
/// and the association's requirement (admins always).
@Suite("Second factor")
struct SecondFactorTests {
    static let adminCode = OneTimePassword(secret: Fixture.authenticatorSecret)

    /// The secret an enrolment page shows to type by hand.
    static func secret(in html: String) throws -> [UInt8] {
        let range = try #require(html.range(of: #"id="secret" class="secret">[A-Z2-7 ]+<"#, options: .regularExpression))
        let text = html[range].dropFirst(#"id="secret" class="secret">"#.count).dropLast()
        return try #require(Base32.decode(String(text)))
    }

    /// The recovery codes a page lists.
    static func recoveryCodes(in html: String) -> [String] {
        let regex = /<li><code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})<\/code><\/li>/
        return html.matches(of: regex).map { String($0.output.1) }
    }

    static func actions(_ fixture: Fixture, limit: Int = 10) async throws -> [String] {
        try await fixture.store.read { db in
            try await AuditLog(db).recent(associationID: fixture.associationA, limit: limit).map(\.entry.action)
        }
    }

    /// Signs in with the password only and returns the page the sign-in continues on.
    static func password(_ browser: TestBrowser, _ email: String, _ password: String = Fixture.password) async throws -> TestResponse {
        try await browser.get("/sign-in")
        return try await browser.post("/sign-in", [("email", email), ("password", password)])
    }

    /// A counsellor (not required to) sets up an authenticator from the settings; returns its secret and recovery codes.
    static func enrolFromSettings(_ browser: TestBrowser, _ fixture: Fixture) async throws -> (secret: [UInt8], codes: [String]) {
        let page = try await browser.post("/settings/second-factor", [("factorPassword", Fixture.password)])
        #expect(page.status == .ok)
        #expect(page.text.contains(#"<svg class="qr-code""#))
        let secret = try Self.secret(in: page.text)
        let code = OneTimePassword(secret: secret).code(at: fixture.clock.now)
        let done = try await browser.post("/settings/second-factor/confirm", [("code", code)])
        #expect(done.status == .ok)
        return (secret, Self.recoveryCodes(in: done.text))
    }

    @Test("an admin's right password leads to the code, not a session; the right code opens one and every step is audited")
    func adminSignsInWithCode() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let afterPassword = try await Self.password(browser, Fixture.email(.admin))
            #expect(afterPassword.location == "/sign-in/code")
            #expect(browser.cookies["framsteg_session"] == nil)
            #expect(browser.cookies["framsteg_pending"] != nil)
            #expect(try await browser.get("/admin").location == "/sign-in", "a pending sign-in is no session")
            #expect(try await browser.get("/sign-in/code").text.contains(#"autocomplete="one-time-code""#))
            let code = Self.adminCode.code(at: fixture.clock.now)
            let signedIn = try await browser.post("/sign-in/code", [("code", code)])
            #expect(signedIn.location == "/admin")
            #expect(browser.cookies["framsteg_pending"] == nil)
            #expect(try await browser.get("/admin").status == .ok)
            #expect(try await Self.actions(fixture, limit: 3) == ["sign-in", "sign-in.second-factor", "sign-in.password"])

            // The same code does not sign in a second time, even at once and from another browser.
            let again = TestBrowser(client, address: "192.0.2.90")
            _ = try await Self.password(again, Fixture.email(.admin))
            let replayed = try await again.post("/sign-in/code", [("code", code)])
            #expect(replayed.status == .unauthorized)
            #expect(replayed.text.contains("Koden stämmer inte"))
            #expect(again.cookies["framsteg_session"] == nil)
        }
    }

    @Test("wrong codes are throttled like wrong passwords, under the account whatever the address")
    func wrongCodesThrottled() async throws {
        try await TestApp.run { fixture, client throws in
            for attempt in 1...5 {
                let browser = TestBrowser(client, address: "192.0.2.\(100 + attempt)")
                _ = try await Self.password(browser, Fixture.email(.admin))
                #expect(try await browser.post("/sign-in/code", [("code", "000000")]).status == .unauthorized, "attempt \(attempt)")
            }
            let browser = TestBrowser(client, address: "192.0.2.120")
            _ = try await Self.password(browser, Fixture.email(.admin))
            let throttled = try await browser.post("/sign-in/code", [("code", Self.adminCode.code(at: fixture.clock.now))])
            #expect(throttled.status == .tooManyRequests, "even the right code waits")
            #expect(throttled.text.contains("För många felaktiga försök"))
            #expect(try await Self.actions(fixture, limit: 1) == ["sign-in.throttled"])
            fixture.clock.advance(minutes: 1)
            let code = Self.adminCode.code(at: fixture.clock.now)
            #expect(try await browser.post("/sign-in/code", [("code", code)]).location == "/admin")
        }
    }

    @Test("a recovery code signs in once; the settings show how many are left")
    func recoveryCodeOnce() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let (_, codes) = try await Self.enrolFromSettings(browser, fixture)
            #expect(codes.count == 10 && Set(codes).count == 10)
            #expect(try await browser.get("/settings").text.contains("10 oanvända engångskoder"))
            let stored = try await fixture.store.read { db in
                try await db.select().column("code_hash").from("recovery_codes").all().map {
                    try $0.decode(column: "code_hash", as: String.self)
                }
            }
            #expect(stored.count == 10 && !stored.contains { hash in codes.contains { hash.contains($0) } }, "only hashes are kept")

            let first = TestBrowser(client, address: "192.0.2.91")
            #expect(try await Self.password(first, Fixture.email(.counsellor)).location == "/sign-in/code")
            #expect(try await first.post("/sign-in/code", [("code", codes[3].uppercased())]).location == "/units")
            #expect(try await Self.actions(fixture, limit: 3) == ["sign-in", "sign-in.second-factor", "sign-in.recovery-code"])
            #expect(try await first.get("/settings").text.contains("9 oanvända engångskoder"))

            let second = TestBrowser(client, address: "192.0.2.92")
            _ = try await Self.password(second, Fixture.email(.counsellor))
            #expect(try await second.post("/sign-in/code", [("code", codes[3])]).status == .unauthorized, "used once")
        }
    }

    @Test("when the association requires it, staff without a factor enrol at sign-in; a wrong first code keeps the same QR code")
    func enrolAtSignIn() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            #expect(try await admin.post("/admin/association/second-factor", [("requiresSecondFactor", "yes")]).status == .seeOther)
            #expect(try await Self.actions(fixture, limit: 1) == ["association.second-factor"])

            let office = TestBrowser(client)
            #expect(try await Self.password(office, Fixture.email(.office)).location == "/sign-in/enrol")
            #expect(try await office.get("/office").location == "/sign-in")
            let page = try await office.get("/sign-in/enrol")
            #expect(page.text.contains(#"<svg class="qr-code""#) && page.text.contains(#"role="img""#))
            let secret = try Self.secret(in: page.text)
            let wrong = try await office.post("/sign-in/enrol", [("code", "123456")])
            #expect(wrong.status == .unprocessableContent)
            #expect(try Self.secret(in: wrong.text) == secret, "the same secret: the app already holds it")
            let done = try await office.post("/sign-in/enrol", [("code", OneTimePassword(secret: secret).code(at: fixture.clock.now))])
            #expect(done.status == .ok)
            #expect(Self.recoveryCodes(in: done.text).count == 10)
            #expect(done.text.contains(#"href="/office""#))
            #expect(try await office.get("/office").status == .ok)
            let stored = try await fixture.store.read { db in
                try await db.select().column("secret").from("second_factors").all().map {
                    try $0.decode(column: "secret", as: String?.self)
                }
            }
            #expect(stored.allSatisfy { $0?.hasPrefix("~") ?? false }, "the secret is sealed at rest")
            #expect(!stored.contains { $0?.contains(Base32.encode(secret)) ?? false })
        }
    }

    @Test("a password alone never replaces an authenticator, and a pending sign-in ends with time or a disabled account")
    func pendingLimits() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            _ = try await Self.password(browser, Fixture.email(.admin))
            #expect(try await browser.get("/sign-in/enrol").location == "/sign-in/code")
            #expect(try await browser.post("/sign-in/enrol", [("code", "123456")]).location == "/sign-in?restart=1")

            _ = try await Self.password(browser, Fixture.email(.admin))
            fixture.clock.advance(minutes: 11)
            let late = try await browser.post("/sign-in/code", [("code", Self.adminCode.code(at: fixture.clock.now))])
            #expect(late.location == "/sign-in?restart=1")
            #expect(try await browser.get("/sign-in?restart=1").text.contains("Börja om"))

            let made = TestBrowser(client)
            made.cookies["framsteg_pending"] = "0123456789abcdef0123456789abcdef"
            #expect(try await made.get("/sign-in/code").location == "/sign-in?restart=1")

            let counsellor = TestBrowser(client)
            try await counsellor.signIn(Fixture.email(.counsellor))
            _ = try await Self.enrolFromSettings(counsellor, fixture)
            let pending = TestBrowser(client)
            _ = try await Self.password(pending, Fixture.email(.counsellor))
            let id = try #require(
                try await fixture.store.read { db in
                    try await UserRepository(db).credentials(email: Fixture.email(.counsellor)).first?.user.id
                }
            )
            try await fixture.store.write { db in try await UserRepository(db).setDisabled(id, true) }
            #expect(try await pending.get("/sign-in/code").location == "/sign-in?restart=1", "disabling ends access")
        }
    }

    @Test("replacing one's authenticator asks the password and a current code again; the new one replaces it and ends other sessions")
    func replaceNeedsReauthentication() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let elsewhere = TestBrowser(client, address: "192.0.2.93")
            try await elsewhere.signIn(Fixture.email(.admin))
            let noCode = try await admin.post("/settings/second-factor", [("factorPassword", Fixture.password)])
            #expect(noCode.status == .unprocessableContent)
            #expect(noCode.text.contains(#"id="factorCode-error""#))
            let wrongPassword = try await admin.post(
                "/settings/second-factor",
                [("factorPassword", "fel-lösenord-123"), ("factorCode", "000000")]
            )
            #expect(wrongPassword.text.contains(#"id="factorPassword-error""#))
            #expect(try await Self.actions(fixture, limit: 1) == ["reauthenticate"])
            fixture.clock.advance(minutes: 1)
            let code = fixture.clock.unusedCode(for: Fixture.email(.admin))
            let page = try await admin.post("/settings/second-factor", [("factorPassword", Fixture.password), ("factorCode", code)])
            #expect(page.status == .ok)
            let secret = try Self.secret(in: page.text)
            #expect(secret != Fixture.authenticatorSecret)
            #expect(try await admin.get("/settings/second-factor").status == .ok, "the QR code can be shown again while it waits")
            let done = try await admin.post(
                "/settings/second-factor/confirm",
                [("code", OneTimePassword(secret: secret).code(at: fixture.clock.now))]
            )
            #expect(Self.recoveryCodes(in: done.text).count == 10)
            #expect(try await elsewhere.get("/admin").location == "/sign-in?expired=1&return=/admin")
            #expect(try await admin.get("/admin").status == .ok)
            #expect(try await admin.get("/settings/second-factor").location == "/settings#second-factor")
        }
    }

    @Test("an admin resets another's factor with their own password and code; the setup link is the only way back")
    func adminResetThroughSetupLink() async throws {
        try await TestApp.run { fixture, client throws in
            let target = TestBrowser(client, address: "192.0.2.94")
            try await target.signIn("target@a.test")
            _ = try await Self.enrolFromSettings(target, fixture)
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            #expect(try await admin.get("/admin/users/\(fixture.targetUserA)").text.contains("Tvåstegsverifiering är på"))
            let refused = try await admin.post("/admin/users/\(fixture.targetUserA)/second-factor", [("adminPassword", Fixture.password)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"id="adminCode-error""#))
            #expect(try await target.get("/units").status == .ok, "nothing changed")

            fixture.clock.advance(minutes: 1)
            let code = fixture.clock.unusedCode(for: Fixture.email(.admin))
            let reset = try await admin.post(
                "/admin/users/\(fixture.targetUserA)/second-factor",
                [("adminPassword", Fixture.password), ("adminCode", code)]
            )
            #expect(reset.status == .ok)
            let link = try #require(AccountSetupTests.setupPath(in: reset.text))
            #expect(try await Self.actions(fixture, limit: 2) == ["user.second-factor-reset", "reauthenticate"])
            #expect(try await target.get("/units").location == "/sign-in?expired=1&return=/units")
            #expect(try await Self.password(TestBrowser(client, address: "192.0.2.95"), "target@a.test").status == .unauthorized)
            #expect(try await admin.post("/admin/users/\(fixture.targetUserA)/second-factor").status == .unprocessableContent)

            let owner = TestBrowser(client, address: "192.0.2.96")
            try await owner.get(link)
            _ = try await owner.post(link, [("password", "Ett-nytt-lösenord-1"), ("repeatPassword", "Ett-nytt-lösenord-1")])
            #expect(
                try await Self.password(owner, "target@a.test", "Ett-nytt-lösenord-1").location == "/units",
                "no factor until they enrol again"
            )
        }
    }

    @Test("an admin resets their own factor only in the settings, never through the user page")
    func noOwnReset() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let own = try await fixture.store.read { db in
                try await UserRepository(db).credentials(email: Fixture.email(.admin)).first?.user.id
            }
            let id = try #require(own)
            let response = try await admin.post("/admin/users/\(id)/second-factor", [("adminPassword", Fixture.password)])
            #expect(response.status == .forbidden)
        }
    }
}
