import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// What happens when two sends meet (issue 21): two steps at once, two edits at once, one form
/// sent twice. On both databases, through the application.
@Suite("Sends that meet")
struct ConcurrencyTests {
    /// One signed-in browser's cookies and token, to send from several tasks at once.
    struct Sender: Sendable {
        let cookie: String
        let csrf: String

        init(_ browser: TestBrowser) {
            cookie = browser.cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            csrf = browser.csrfToken
        }

        func post(
            _ client: any TestClientProtocol,
            _ path: String,
            _ fields: [(String, String)]
        ) async throws -> (HTTPResponse.Status, String?, String) {
            let body = (fields + [("_csrf", csrf)]).map { "\(TestBrowser.encode($0.0))=\(TestBrowser.encode($0.1))" }.joined(separator: "&")
            let headers: HTTPFields = [
                .cookie: cookie, .contentType: "application/x-www-form-urlencoded", .referer: "http://localhost/participants/1",
            ]
            let response = try await client.executeRequest(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
            return (response.status, response.headers[.location], String(buffer: response.body))
        }
    }

    /// Sends each of `sends` at the same moment and returns their answers in order.
    static func atOnce(
        _ client: any TestClientProtocol,
        _ sends: [(Sender, String, [(String, String)])]
    ) async throws -> [(HTTPResponse.Status, String?, String)] {
        try await withThrowingTaskGroup(of: (Int, (HTTPResponse.Status, String?, String)).self) { group in
            for (index, send) in sends.enumerated() {
                let (sender, path, fields) = send
                group.addTask { (index, try await sender.post(client, path, fields)) }
            }
            var answers: [Int: (HTTPResponse.Status, String?, String)] = [:]
            for try await (index, answer) in group { answers[index] = answer }
            return (0..<sends.count).map { answers[$0]! }
        }
    }

    @Test(
        "of an exit and a withdrawal sent at once, one is recorded and the other refused beside the field",
        arguments: TestDatabase.available
    )
    func stepsAtOnce(_ database: TestDatabase) async throws {
        try await TestApp.run(database: database) { fixture, client throws in
            let first = TestBrowser(client)
            let path = try await startedParticipant(fixture, first)
            let second = TestBrowser(client)
            try await second.signIn(Fixture.email(.counsellor))
            try await first.get(path)
            try await second.get(path)
            let today = Day(fixture.clock.now).description
            let answers = try await Self.atOnce(
                client,
                [
                    (Sender(first), path + "/steps", [("event", "exit"), ("day", today), ("outcome", "work")]),
                    (Sender(second), path + "/steps", [("event", "withdraw"), ("day", today), ("reason", "Flyttar")]),
                ]
            )
            #expect(answers.filter { $0.0 == .seeOther }.count == 1, "\(answers.map(\.0))")
            let refused = try #require(answers.first { $0.0 != .seeOther })
            #expect(refused.0 == .unprocessableContent)
            // Beside the step's field, or, once the journey has ended and the form is gone, in its place.
            #expect(refused.2.contains(#"id="event-error" class="field-error""#) || refused.2.contains(#"id="step-refused""#))
            let ends = try await fixture.store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).steps(of: fixture.participantA1)
                    .filter { [.exit, .withdraw].contains($0.transition.event.kind) }
            }
            #expect(ends.count == 1)
        }
    }

    @Test(
        "of two contact edits typed against the same details, one is saved and the other comes back with what was saved and what was typed",
        arguments: TestDatabase.available
    )
    func editsAtOnce(_ database: TestDatabase) async throws {
        try await TestApp.run(database: database) { fixture, client throws in
            let first = TestBrowser(client)
            let path = try await startedParticipant(fixture, first)
            let second = TestBrowser(client)
            try await second.signIn(Fixture.email(.counsellor))
            let page = try await first.get(path + "?tab=details").text
            try await second.get(path + "?tab=details")
            let version = try #require(
                page.components(separatedBy: #"name="version" value=""#).dropFirst().first?.split(separator: "\"").first
            )
            func edit(_ phone: String) -> [(String, String)] {
                [("name", "Sara Lind"), ("phone", phone), ("email", ""), ("referrerName", ""), ("version", String(version))]
            }
            let answers = try await Self.atOnce(
                client,
                [(Sender(first), path + "/contact", edit("070-111 11 11")), (Sender(second), path + "/contact", edit("070-222 22 22"))]
            )
            #expect(answers.filter { $0.0 == .seeOther }.count == 1, "\(answers.map(\.0))")
            let winner = answers[0].0 == .seeOther ? "070-111 11 11" : "070-222 22 22"
            let loser = winner == "070-111 11 11" ? "070-222 22 22" : "070-111 11 11"
            let refused = try #require(answers.first { $0.0 != .seeOther })
            #expect(refused.0 == .unprocessableContent)
            #expect(refused.2.contains(#"id="contact-conflict""#) && refused.2.contains("Nu sparat: Sara Lind, \(winner)"))
            #expect(refused.2.contains(#"value="\#(loser)""#), "what was typed is kept")
            let stored = try await fixture.store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).participant(fixture.participantA1)?.phone
            }
            #expect(stored == winner)
            // Saved again from the refused form (which now carries the new version), it stands.
            let newVersion = try #require(
                refused.2.components(separatedBy: #"name="version" value=""#).dropFirst().first?.split(separator: "\"").first
            )
            let again = try await Sender(first).post(
                client,
                path + "/contact",
                [("name", "Sara Lind"), ("phone", loser), ("email", ""), ("referrerName", ""), ("version", String(newVersion))]
            )
            #expect(again.0 == .seeOther)
        }
    }

    @Test(
        "a meeting form sent twice with its one-time token stores one meeting; the second send goes back to the page",
        arguments: TestDatabase.available
    )
    func sentTwice(_ database: TestDatabase) async throws {
        try await TestApp.run(database: database) { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let page = try await browser.get(path + "?tab=meetings").text
            let once = try #require(page.components(separatedBy: #"name="_once" value=""#).dropFirst().first?.split(separator: "\"").first)
            #expect(
                Set(page.components(separatedBy: #"name="_once" value=""#).dropFirst().map { $0.prefix(32) }).count > 1,
                "each form its own"
            )
            let today = Day(fixture.clock.now).description
            let fields = [
                ("kind", "individual"), ("day", today), ("attendees", "participant"), ("notes", "Samtal"), ("_once", String(once)),
            ]
            let answers = try await Self.atOnce(
                client,
                [(Sender(browser), path + "/meetings", fields), (Sender(browser), path + "/meetings", fields)]
            )
            #expect(answers.allSatisfy { $0.0 == .seeOther }, "\(answers.map(\.0))")
            #expect(answers.contains { $0.1?.contains("notice=alreadySent") == true })
            let meetings = try await fixture.store.read { db in
                try await ActivityRepository(db, keyring: TestKeys.keyring).meetings(of: fixture.participantA1)
            }
            #expect(meetings.count == 1)
            // A third send, later, is still the same form: nothing more is stored.
            let late = try await Sender(browser).post(client, path + "/meetings", fields)
            #expect(late.1 == "/participants/1?notice=alreadySent")
            #expect(
                try await fixture.store.read { db in
                    try await ActivityRepository(db, keyring: TestKeys.keyring).meetings(of: fixture.participantA1)
                }.count == 1
            )
        }
    }
}
