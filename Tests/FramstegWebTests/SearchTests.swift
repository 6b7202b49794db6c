import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HummingbirdTesting
import Testing

/// Finding a participant (issue 18): by the beginnings of the name or by number, only among those
/// the user may open, every search audited with whom it listed.
@Suite("Participant search")
struct SearchTests {
    static func searches(_ fixture: Fixture) async throws -> [AuditEntry] {
        try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 50) }.map(\.entry)
            .filter { $0.action == "participants.search" }
    }

    @Test("by the beginning of the name, accents aside, or by the whole number: only the user's own units, each search audited")
    func findsWithinOwnUnits() async throws {
        try await TestApp.run { fixture, client throws in
            let counsellor = TestBrowser(client)
            try await counsellor.signIn(Fixture.email(.counsellor))
            #expect(
                try await counsellor.get("/units").text.contains(#"<form method="get" action="/search" role="search""#),
                "from every staff page"
            )

            let byName = try await counsellor.get("/search?q=sa+LI")
            #expect(byName.status == .ok)
            #expect(byName.text.contains(#"<a href="/participants/\#(fixture.participantA1)">Sara Lind</a>"#))
            #expect(byName.text.contains("1 deltagare hittades."))
            let byNumber = try await counsellor.get("/search?q=19811218-9876")
            #expect(byNumber.text.contains("Sara Lind"))
            // The record shows the number masked until asked for (a closed disclosure, without script).
            let record = try await counsellor.get("/participants/\(fixture.participantA1)?tab=details").text
            #expect(record.contains(#"<summary><span aria-hidden="true">19811218-••••</span>"#))
            #expect(record.contains(#"<span id="whole-number">19811218-9876</span></details>"#))
            // Omar Berg is in the sibling unit and Lena Ek in another association: not found.
            let sibling = try await counsellor.get("/search?q=omar")
            #expect(!sibling.text.contains("Omar Berg") && sibling.text.contains("Ingen deltagare i dina verksamheter"))
            #expect(!(try await counsellor.get("/search?q=20000229-0005").text.contains("Lena Ek")))
            #expect(try await counsellor.get("/search?q=19701063-2391").text.contains("Ingen deltagare"))

            // One letter is no search: the message beside the field, what was typed kept.
            let short = try await counsellor.get("/search?q=s")
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("Skriv minst två bokstäver av ett namn") && short.text.contains(#"value="s""#))

            let rows = try await Self.searches(fixture)
            #expect(rows.count == 5, "each search that ran, not the refused one")
            #expect(rows.contains { $0.objectID == fixture.participantA1.description })
            #expect(rows.contains { $0.objectID == "" }, "a search that found nobody is audited too")
        }
    }

    @Test("a manager who may not open records finds nobody; one granted it finds the unit's participants")
    func managers() async throws {
        try await TestApp.run { fixture, client throws in
            let manager = TestBrowser(client)
            try await manager.signIn(Fixture.email(.manager))
            let page = try await manager.get("/search?q=sara")
            #expect(page.status == .ok && !page.text.contains("Sara Lind") && page.text.contains(#"id="records-not-granted""#))
            let granted = TestBrowser(client)
            try await granted.signIn(Fixture.recordsManagerEmail)
            #expect(try await granted.get("/search?q=sara").text.contains("Sara Lind"))
            // The office and the admin have no search: the route is the units' staff's.
            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            #expect(try await office.get("/search?q=sara").status == .forbidden)
            #expect(!(try await office.get("/office").text.contains(#"action="/search""#)))
        }
    }
}
