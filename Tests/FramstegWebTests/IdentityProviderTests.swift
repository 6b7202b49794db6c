import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real OpenID Connect provider of `Tests/OIDC/provider.py`, running on loopback (scripts/test
/// starts it and names it in `FRAMSTEG_TEST_OIDC_URL`). Each test registers a client of its own and
/// says how that client's ID tokens misbehave.
struct TestIdentityProvider: Sendable {
    let url: String

    static let fromEnvironment: TestIdentityProvider? = ProcessInfo.processInfo.environment["FRAMSTEG_TEST_OIDC_URL"].map {
        TestIdentityProvider(url: $0.hasSuffix("/") ? String($0.dropLast()) : $0)
    }
    /// Without the provider the tests are skipped, except on CI, where that is a failure.
    static var isAvailable: Bool {
        if fromEnvironment == nil, ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("FRAMSTEG_TEST_OIDC_URL is not set on CI: scripts/test starts Tests/OIDC/provider.py")
        }
        return fromEnvironment != nil
    }

    func post(_ path: String, json: [String: Any], headers: [String: String] = [:]) async throws -> Data {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = try JSONSerialization.data(withJSONObject: json)
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(path): \(String(decoding: data, as: UTF8.self))")
        return data
    }

    func register(_ clientID: String, claims: [String: String], behaviour: [String] = [], now: Date) async throws {
        _ = try await post(
            "/control/clients",
            json: [
                "client_id": clientID, "client_secret": "secret-" + clientID, "claims": claims, "behaviour": behaviour,
                "now": Int(now.timeIntervalSince1970),
            ]
        )
    }

    func rotateKey() async throws { _ = try await post("/control/rotate", json: [:]) }

    /// The person approves the sign-in at the provider: where the provider sends the browser back.
    func approve(_ authorization: String) async throws -> String {
        let components = try #require(URLComponents(string: authorization))
        var fields: [String: Any] = [:]
        for item in components.queryItems ?? [] { fields[item.name] = item.value ?? "" }
        // The provider's form posts the same fields; JSON here for brevity.
        let data = try await post("/authorize", json: fields, headers: ["X-Test-No-Redirect": "1"])
        let answer = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        return try #require(answer["location"])
    }
}

@Suite("Sign-in through the association's identity provider", .enabled(if: TestIdentityProvider.isAvailable))
struct IdentityProviderTests {
    static var provider: TestIdentityProvider { TestIdentityProvider.fromEnvironment! }

    /// Points association A at the test provider with a client of its own.
    static func configure(
        _ fixture: Fixture,
        behaviour: [String] = [],
        claims: [String: String]? = nil,
        userClaim: String = "email",
        requiredACR: String = ""
    ) async throws -> String {
        let clientID = "framsteg-" + UUID().uuidString.lowercased()
        let person = claims ?? ["sub": "person-" + clientID, "email": Fixture.email(.counsellor), "name": "Test Counsellor"]
        try await provider.register(clientID, claims: person, behaviour: behaviour, now: fixture.clock.now)
        try await IdentityProviderSetup(
            store: fixture.store,
            keyring: TestKeys.keyring,
            allowsLoopbackIssuer: true,
            now: { fixture.clock.now }
        )
        .save(
            issuer: provider.url,
            clientID: clientID,
            clientSecret: "secret-" + clientID,
            userClaim: userClaim,
            requiredACR: requiredACR,
            allowsPassword: true,
            for: fixture.associationA,
            by: nil
        )
        return clientID
    }

    /// The browser's part of the dance: Framsteg → provider → Framsteg's callback. Returns the callback's answer.
    static func signIn(_ browser: TestBrowser, _ fixture: Fixture, editing edit: (String) -> String = { $0 }) async throws -> TestResponse {
        let start = try await browser.get("/sign-in/organisation/\(fixture.associationA)")
        #expect(start.status == .found)
        let authorization = try #require(start.location)
        #expect(authorization.hasPrefix(provider.url + "/authorize?"))
        #expect(
            authorization.contains("code_challenge_method=S256") && authorization.contains("nonce=") && authorization.contains("state=")
        )
        let callback = try await provider.approve(authorization)
        let path =
            try #require(URLComponents(string: callback)).percentEncodedPath + "?"
            + (URLComponents(string: callback)?.percentEncodedQuery ?? "")
        return try await browser.get(edit(path))
    }

    /// The latest audit rows of the whole log (a refused state names no association), failures with their problem.
    static func actions(_ fixture: Fixture, limit: Int) async throws -> [String] {
        try await fixture.store.read { db in
            try await db.select().columns("action", "object_id", "result").from("audit_log").orderBy("sequence", .descending).limit(limit)
                .all()
                .map { row in
                    let action = try row.decode(column: "action", as: String.self)
                    let failed = try row.decode(column: "result", as: String.self) == "failure"
                    return failed ? action + ":" + (try row.decode(column: "object_id", as: String?.self) ?? "") : action
                }
        }
    }

    static func configuration(_ configuration: inout WebConfiguration) { configuration.allowsLoopbackIdentityProvider = true }

    @Test(
        "a good sign-in opens a session for the existing account and links it; the next one links nothing new",
        arguments: TestDatabase.available
    )
    func goodSignIn(_ database: TestDatabase) async throws {
        try await TestApp.run(database: database, configure: Self.configuration) { fixture, client throws in
            _ = try await Self.configure(fixture)
            let browser = TestBrowser(client)
            #expect(try await browser.get("/sign-in").text.contains("/sign-in/organisation/\(fixture.associationA)"))
            let answer = try await Self.signIn(browser, fixture)
            #expect(answer.location == "/units")
            #expect(try await browser.get("/units").status == .ok)
            let first = try await Self.actions(fixture, limit: 4)
            #expect(first == ["participants.list", "sign-in", "sign-in.identity-provider", "user.identity-link"])
            let again = TestBrowser(client)
            let second = try await Self.signIn(again, fixture)
            #expect(second.location == "/units", "\(second.status) \(second.text.prefix(3000))")
            let afterSecond = try await Self.actions(fixture, limit: 2)
            #expect(afterSecond == ["sign-in", "sign-in.identity-provider"])
            // Signing out offers the provider's end-session.
            let out = try await browser.post("/sign-out")
            #expect(out.location == "/sign-in?provider=\(fixture.associationA)&notice=signedOut")
            #expect(
                try await browser.get("/sign-out/organisation/\(fixture.associationA)").location?.hasPrefix(
                    Self.provider.url + "/end-session?"
                ) == true
            )
        }
    }

    @Test("a wrong, replayed or other browser's state is refused with one message", arguments: TestDatabase.available)
    func wrongState(_ database: TestDatabase) async throws {
        try await TestApp.run(database: database, configure: Self.configuration) { fixture, client throws in
            _ = try await Self.configure(fixture)
            let browser = TestBrowser(client)
            let changed = try await Self.signIn(browser, fixture) { $0.replacingOccurrences(of: "state=", with: "state=x") }
            #expect(changed.status == .unauthorized)
            #expect(changed.text.contains("kunde inte kopplas till den här webbläsaren"))
            #expect(try await Self.actions(fixture, limit: 1) == ["sign-in.identity-provider:wrong-state"])

            var callback = ""
            let good = try await Self.signIn(browser, fixture) { path in
                callback = path
                return path
            }
            #expect(good.location == "/units")
            let replayed = try await TestBrowser(client).get(callback)
            #expect(replayed.status == .unauthorized, "a state works once, and only in its browser")

            let start = try await browser.get("/sign-in/organisation/\(fixture.associationA)")
            let elsewhere = try await Self.provider.approve(try #require(start.location))
            let stranger = TestBrowser(client, address: "192.0.2.200")
            let components = try #require(URLComponents(string: elsewhere))
            #expect(
                try await stranger.get(components.percentEncodedPath + "?" + (components.percentEncodedQuery ?? "")).status == .unauthorized
            )
        }
    }

    @Test(
        "a token that misbehaves is refused, each with its own message and audit row",
        arguments: [
            ("wrong-nonce", "wrong-nonce", "hörde till en annan inloggning"),
            ("expired", "expired", "har gått ut"),
            ("unknown-key", "bad-signature", "inte äkta"),
            ("wrong-audience", "wrong-audience", "avsett för en annan tjänst"),
            ("wrong-issuer", "wrong-issuer", "kom inte från förbundets"),
        ]
    )
    func misbehavingTokens(behaviour: String, problem: String, message: String) async throws {
        try await TestApp.run(configure: Self.configuration) { fixture, client throws in
            _ = try await Self.configure(fixture, behaviour: [behaviour])
            let browser = TestBrowser(client)
            let answer = try await Self.signIn(browser, fixture)
            #expect(answer.status == .unauthorized)
            #expect(answer.text.contains(message))
            #expect(browser.cookies["framsteg_session"] == nil)
            #expect(try await Self.actions(fixture, limit: 1) == ["sign-in.identity-provider:" + problem])
        }
    }

    @Test("an e-mail address the provider says is not verified names nobody")
    func unverifiedEmail() async throws {
        try await TestApp.run(configure: Self.configuration) { fixture, client throws in
            _ = try await Self.configure(
                fixture,
                claims: ["sub": "p-unverified", "email": Fixture.email(.counsellor), "email_verified": "false"]
            )
            let answer = try await Self.signIn(TestBrowser(client), fixture)
            #expect(answer.status == .unauthorized)
            #expect(try await Self.actions(fixture, limit: 1) == ["sign-in.identity-provider:missing-claim"])
        }
    }

    @Test("a rotated key is fetched again and accepted")
    func rotatedKey() async throws {
        try await TestApp.run(configure: Self.configuration) { fixture, client throws in
            _ = try await Self.configure(fixture)
            #expect(try await Self.signIn(TestBrowser(client), fixture).location == "/units")
            try await Self.provider.rotateKey()
            let rotated = try await Self.signIn(TestBrowser(client), fixture)
            let latest = try await Self.actions(fixture, limit: 1)
            #expect(rotated.location == "/units", "\(rotated.status): \(latest)")
        }
    }

    @Test("an unknown user, a disabled one, and one whose account is linked to someone else do not get in")
    func unknownAndDisabledUsers() async throws {
        try await TestApp.run(configure: Self.configuration) { fixture, client throws in
            _ = try await Self.configure(fixture, claims: ["sub": "nobody", "email": "nobody@a.test"])
            let unknown = try await Self.signIn(TestBrowser(client), fixture)
            #expect(unknown.status == .forbidden)
            #expect(unknown.text.contains("inget aktivt konto"))
            #expect(try await Self.actions(fixture, limit: 1) == ["sign-in.identity-provider:unknown-user"])

            _ = try await Self.configure(fixture, claims: ["sub": "target-person", "email": "target@a.test"])
            #expect(try await Self.signIn(TestBrowser(client), fixture).location == "/units")
            try await fixture.store.write { db in try await UserRepository(db).setDisabled(fixture.targetUserA, true) }
            #expect(
                try await Self.signIn(TestBrowser(client), fixture).status == .forbidden,
                "disabled in Framsteg, whatever the provider says"
            )
            try await fixture.store.write { db in try await UserRepository(db).setDisabled(fixture.targetUserA, false) }

            _ = try await Self.configure(fixture, claims: ["sub": "another-person", "email": "target@a.test"])
            #expect(try await Self.signIn(TestBrowser(client), fixture).status == .forbidden, "linked to the first person")
        }
    }

    @Test("an assurance the token does not carry is refused; the password can be turned off")
    func assuranceAndPassword() async throws {
        try await TestApp.run(configure: Self.configuration) { fixture, client throws in
            _ = try await Self.configure(fixture, requiredACR: "http://id.elegnamnden.se/loa/1.0/loa3")
            let weak = try await Self.signIn(TestBrowser(client), fixture)
            #expect(weak.status == .unauthorized)
            #expect(weak.text.contains("tillitsnivå 3"))

            let clientID = "framsteg-loa3-" + UUID().uuidString.lowercased()
            let claims = ["sub": "p-loa3", "email": Fixture.email(.counsellor), "acr": "http://id.elegnamnden.se/loa/1.0/loa3"]
            try await Self.provider.register(clientID, claims: claims, now: fixture.clock.now)
            try await IdentityProviderSetup(
                store: fixture.store,
                keyring: TestKeys.keyring,
                allowsLoopbackIssuer: true,
                now: { fixture.clock.now }
            )
            .save(
                issuer: Self.provider.url,
                clientID: clientID,
                clientSecret: "secret-" + clientID,
                userClaim: "email",
                requiredACR: "http://id.elegnamnden.se/loa/1.0/loa3",
                allowsPassword: false,
                for: fixture.associationA,
                by: nil
            )
            #expect(try await Self.signIn(TestBrowser(client), fixture).location == "/units")
            let password = try await TestBrowser(client).signIn(Fixture.email(.office))
            #expect(password.status == .forbidden)
            #expect(password.text.contains("loggar in via sin e-legitimation"))
        }
    }

    @Test("a provider that names people by an HSA id finds the account by the external id its admin gave it")
    func externalID() async throws {
        try await TestApp.run(configure: Self.configuration) { fixture, client throws in
            let hsa = "SE2321000131-E000000000042"
            _ = try await Self.configure(fixture, claims: ["sub": "p-hsa", "hsa_id": hsa], userClaim: "hsa_id")
            #expect(try await Self.signIn(TestBrowser(client), fixture).status == .forbidden, "no account has the id yet")
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let saved = try await admin.post("/admin/users/\(fixture.targetUserA)/external-id", [("externalID", hsa)])
            #expect(saved.location == "/admin/users/\(fixture.targetUserA)?notice=saved#identity")
            #expect(try await Self.signIn(TestBrowser(client), fixture).location == "/units")
            #expect(try await admin.get("/admin/users/\(fixture.targetUserA)").text.contains("Kopplat:"))
            let taken = try await admin.post("/admin/users/\(fixture.targetUserB)/external-id", [("externalID", hsa)])
            #expect(taken.status == .notFound, "another association's user is not the admin's to change")
        }
    }

    @Test("the admin's page shows the redirect URI to register and refuses an issuer that answers nothing")
    func adminPage() async throws {
        try await TestApp.run(configure: Self.configuration) { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let page = try await admin.get("/admin/sign-in")
            #expect(page.text.contains("/sign-in/callback"))
            let refused = try await admin.post(
                "/admin/sign-in",
                [("issuer", "http://127.0.0.1:1"), ("clientID", "x"), ("clientSecret", "y"), ("userClaim", "email")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Ingen identitetsleverantör svarade"))
            let clientID = "framsteg-admin-" + UUID().uuidString.lowercased()
            try await Self.provider.register(clientID, claims: ["sub": "s", "email": "x@a.test"], now: fixture.clock.now)
            let saved = try await admin.post(
                "/admin/sign-in",
                [
                    ("issuer", Self.provider.url), ("clientID", clientID), ("clientSecret", "secret-" + clientID), ("userClaim", "email"),
                    ("allowsPassword", "yes"),
                ]
            )
            #expect(saved.location == "/admin/sign-in?notice=saved")
            #expect(try await Self.actions(fixture, limit: 1) == ["association.identity-provider"])
        }
    }
}
