import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FramstegWeb

@Suite("A session that ends while a form is open: said as such, and back to the page after signing in")
struct SessionEndTests {
    @Test("a form sent after the idle timeout changes nothing and leads to sign-in, then back to its page")
    func formAfterTimeout() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let page = path + "?tab=meetings"
            try await browser.get(page)
            fixture.clock.advance(minutes: 31)
            browser.headers[.referer] = "http://localhost" + page
            let sent = try await browser.post(
                path + "/meetings",
                [("status", "held"), ("kind", "individual"), ("day", Day(fixture.clock.now).description), ("notes", "Viktigt")]
            )
            #expect(sent.status == .seeOther)
            #expect(sent.location == "/sign-in?expired=form&return=/participants/\(fixture.participantA1)%3Ftab%3Dmeetings")
            let stored = try await fixture.store.read { db in try await db.select().column("id").from("meetings").all().count }
            #expect(stored == 0, "nothing is saved into an ended session")

            let signIn = try await browser.get(try #require(sent.location))
            #expect(signIn.text.contains("Du loggades ut eftersom du inte hade gjort något på en stund"))
            #expect(!signIn.text.contains("Formuläret var för gammalt"))
            #expect(signIn.text.contains(#"<input type="hidden" name="return" value="\#(page)">"#))
            browser.headers[.referer] = nil
            let again = try await browser.post(
                "/sign-in",
                [("email", Fixture.email(.counsellor)), ("password", Fixture.password), ("return", page)]
            )
            #expect(again.location == page, "back where the form was")
        }
    }

    @Test(
        "only a path of this site is returned to",
        arguments: ["//evil.example/x", "https://evil.example/", "/sign-in?x=1", "/\\evil", "javascript:alert(1)"]
    )
    func onlyLocalPaths(_ target: String) async throws {
        #expect(ReturnPath.local(target) == nil)
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.get("/sign-in")
            let response = try await browser.post(
                "/sign-in",
                [("email", Fixture.email(.counsellor)), ("password", Fixture.password), ("return", target)]
            )
            #expect(response.location == "/units")
        }
    }

    @Test("across the second factor the page to return to is kept in a cookie that is then cleared")
    func acrossSecondFactor() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.get("/sign-in?expired=1&return=/admin/users")
            let password = try await browser.post(
                "/sign-in",
                [("email", Fixture.email(.admin)), ("password", Fixture.password), ("return", "/admin/users")]
            )
            #expect(password.location == "/sign-in/code")
            #expect(password.headers[values: .setCookie].contains { $0.hasPrefix("framsteg_return=") && $0.contains("Max-Age=600") })
            try await browser.get("/sign-in/code")
            let code = try await browser.post(
                "/sign-in/code",
                [("code", try #require(TestClock.running).unusedCode(for: Fixture.email(.admin)))]
            )
            #expect(code.location == "/admin/users")
            #expect(
                code.headers[values: .setCookie].contains {
                    $0.hasPrefix("framsteg_return=;") || $0.hasPrefix("framsteg_return=") && $0.contains("Max-Age=0")
                }
            )
        }
    }

    @Test("staying signed in: the keep-alive answers while the session lives and sends to sign-in once it has ended")
    func keepAlive() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let page = try await browser.get("/units").text
            #expect(page.contains(#"data-idle-seconds="1800""#), "the page knows when to warn")
            #expect(page.contains(#"id="idle-warning""#) && page.contains("Fortsätt vara inloggad"))
            fixture.clock.advance(minutes: 28)
            #expect(try await browser.get("/session/keep-alive").status == .noContent)
            fixture.clock.advance(minutes: 28)
            #expect(try await browser.get("/units").status == .ok, "kept alive: 56 minutes on, still signed in")
            fixture.clock.advance(minutes: 31)
            #expect(try await browser.get("/session/keep-alive").location?.hasPrefix("/sign-in?expired=1") == true)
        }
    }
}
