import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HummingbirdTesting
import Testing

/// Issue 15, item 10: an admin cannot reach participant data alone. They never choose or learn a
/// password (accounts are set up and reset by a one-time link its owner uses), users change their
/// own password with the current one, and an admin cannot give themself units.
@Suite("Account setup and passwords")
struct AccountSetupTests {
    /// The setup link's path in a page that shows one.
    static func setupPath(in html: String) -> String? {
        guard let range = html.range(of: #"/setup/[0-9a-f]{64}"#, options: .regularExpression) else { return nil }
        return String(html[range])
    }

    @Test("a setup link works once, for 72 hours, and says nothing but that it no longer works")
    func linkWorksOnce() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let created = try await admin.post(
                "/admin/users",
                [("email", "ella@a.test"), ("name", "Ella Ny"), ("role", "counsellor"), ("units", fixture.unitA1.description)]
            )
            let link = try #require(Self.setupPath(in: created.text))
            let stored = try await fixture.store.read { db in
                try await db.select().columns("password_hash", "setup_token_hash").from("users").where("email", .equal, "ella@a.test")
                    .first()
            }
            #expect(try stored?.decode(column: "password_hash", as: String.self) == UserRepository.unusablePasswordHash)
            #expect(
                try stored?.decode(column: "setup_token_hash", as: String.self).contains(link.dropFirst(7)) == false,
                "only a hash is stored"
            )

            // A weak password is refused beside the field; the link still works after.
            let ella = TestBrowser(client)
            #expect(try await ella.get(link).text.contains("ella@a.test"))
            let weak = try await ella.post(link, [("password", "password1234"), ("repeatPassword", "password1234")])
            #expect(weak.status == .unprocessableContent && weak.text.contains("Lösenordet är för vanligt"))
            #expect(!weak.text.contains("password1234"))
            let chosen = try await ella.post(link, [("password", "Ellas-eget-lösenord"), ("repeatPassword", "Ellas-eget-lösenord")])
            #expect(chosen.location == "/sign-in?notice=passwordChosen")

            // Used once: the admin who saw it cannot use it after its owner did.
            let stranger = TestBrowser(client)
            let again = try await stranger.get(link)
            #expect(again.status == .notFound && again.text.contains("Länken fungerar inte längre"))
            #expect(
                try await stranger.post(link, [("password", "Adminens-lösenord-1"), ("repeatPassword", "Adminens-lösenord-1")]).status
                    != .seeOther
            )
            #expect(
                try await TestBrowser(client, address: "192.0.2.61").signIn("ella@a.test", "Adminens-lösenord-1").status == .unauthorized
            )
            #expect(try await TestBrowser(client).get("/setup/" + String(repeating: "0", count: 64)).status == .notFound)

            // A fresh link expires after 72 hours.
            let reset = try await admin.post("/admin/users/\(fixture.targetUserA)/password", [])
            let old = try #require(Self.setupPath(in: reset.text))
            fixture.clock.advance(minutes: 72 * 60 + 1)
            #expect(try await TestBrowser(client).get(old).status == .notFound)

            let actions = try await fixture.store.read { db in
                try await AuditLog(db).recent(associationID: fixture.associationA, limit: 20).map(\.entry.action)
            }
            #expect(actions.contains("user.setup") && actions.contains("user.create") && actions.contains("user.password-reset"))
        }
    }

    @Test("an account waiting for its owner cannot be signed in to, and is refused as slowly as any other")
    func waitingAccountRefused() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            _ = try await admin.post("/admin/users", [("email", "vilma@a.test"), ("name", "Vilma"), ("role", "office")])
            for password in ["", "!", UserRepository.unusablePasswordHash, "Vilmas-gissning-1"] {
                #expect(try await TestBrowser(client, address: "192.0.2.60").signIn("vilma@a.test", password).status == .unauthorized)
            }
        }
    }

    @Test("a user changes their own password with the current one; other sessions end, this one stays")
    func ownPasswordChange() async throws {
        try await TestApp.run { fixture, client throws in
            let elsewhere = TestBrowser(client)
            try await elsewhere.signIn(Fixture.email(.counsellor))
            let me = TestBrowser(client)
            try await me.signIn(Fixture.email(.counsellor))
            let settings = try await me.get("/settings")
            #expect(settings.text.contains(#"id="currentPassword""#))

            let wrong = try await me.post(
                "/settings/password",
                [("currentPassword", "inte-mitt-lösenord"), ("password", "Mitt-nya-lösenord-1"), ("repeatPassword", "Mitt-nya-lösenord-1")]
            )
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains(#"id="currentPassword-error""#) && wrong.text.contains("Det är inte ditt nuvarande lösenord."))
            let differ = try await me.post(
                "/settings/password",
                [("currentPassword", Fixture.password), ("password", "Mitt-nya-lösenord-1"), ("repeatPassword", "Mitt-nya-lösenord-2")]
            )
            #expect(differ.status == .unprocessableContent && differ.text.contains("Lösenorden är inte lika."))

            let changed = try await me.post(
                "/settings/password",
                [("currentPassword", Fixture.password), ("password", "Mitt-nya-lösenord-1"), ("repeatPassword", "Mitt-nya-lösenord-1")]
            )
            #expect(changed.location == "/settings?notice=passwordChanged#password")
            #expect(try await me.get("/units").status == .ok, "the session in use stays")
            #expect(try await elsewhere.get("/units").location == "/sign-in?expired=1&return=/units", "every other session ends")
            #expect(try await TestBrowser(client, address: "192.0.2.70").signIn(Fixture.email(.counsellor)).status == .unauthorized)
            #expect(
                try await TestBrowser(client, address: "192.0.2.71").signIn(Fixture.email(.counsellor), "Mitt-nya-lösenord-1").status
                    == .seeOther
            )
        }
    }

    @Test("an admin cannot give themself units, nor reset their own password from the admin pages")
    func noSelfGrant() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let me = try #require(
                try await fixture.store.read { db in try await UserRepository(db).credentials(email: Fixture.email(.admin)).first?.user }
            )
            let refused = try await admin.post(
                "/admin/users/\(me.id)",
                [("name", me.name), ("role", "admin"), ("units", fixture.unitA1.description)]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Du kan inte ändra dina egna verksamheter."))
            let after = try await fixture.store.read { db in try await UserRepository(db).user(me.id) }
            #expect(after?.unitIDs.isEmpty == true)
            #expect(try await admin.post("/admin/users/\(me.id)/password", []).status == .forbidden)
            #expect(try await admin.get("/admin/users/\(me.id)").text.contains(#"href="/settings#password""#))
        }
    }

    @Test(
        "an address used in another association is not refused, so an admin learns nothing of it; each account signs in with its own password"
    )
    func addressInAnotherAssociation() async throws {
        try await TestApp.run { fixture, client throws in
            let adminB = TestBrowser(client)
            try await adminB.signIn(Fixture.adminB)
            // office@a.test works for association A; association B's admin adds the same address.
            let created = try await adminB.post(
                "/admin/users",
                [("email", Fixture.email(.office)), ("name", "Kansliet B"), ("role", "office")]
            )
            #expect(created.status == .ok, "not refused: the address is free in association B")
            #expect(!created.text.contains("används redan"))
            let link = try #require(Self.setupPath(in: created.text))
            let owner = TestBrowser(client)
            try await owner.get(link)
            _ = try await owner.post(link, [("password", "Kansliet-B-lösenord"), ("repeatPassword", "Kansliet-B-lösenord")])

            // Within association B the address is now taken, and that is said.
            let again = try await adminB.post("/admin/users", [("email", Fixture.email(.office)), ("name", "Igen"), ("role", "office")])
            #expect(again.status == .unprocessableContent && again.text.contains("E-postadressen används redan."))

            // Each password opens its own association's account.
            let inA = TestBrowser(client, address: "192.0.2.80")
            #expect(try await inA.signIn(Fixture.email(.office)).location == "/office")
            #expect(try await inA.get("/admin").status == .forbidden)
            let inB = TestBrowser(client, address: "192.0.2.81")
            #expect(try await inB.signIn(Fixture.email(.office), "Kansliet-B-lösenord").location == "/office")
            let accounts = try await fixture.store.read { db in try await UserRepository(db).credentials(email: Fixture.email(.office)) }
            #expect(Set(accounts.map(\.user.associationID)) == [fixture.associationA, fixture.associationB])
        }
    }
}
