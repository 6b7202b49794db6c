import Foundation
import FramstegCore
import FramstegTestSupport
import FramstegWeb
import HummingbirdTesting
import Testing

/// The accessibility statement (DOS-lagen 2018:1937, issue 20): public, in both languages, linked
/// from every page, and reachable from participant mode without leaving it otherwise.
@Suite("Accessibility statement")
struct AccessibilityStatementTests {
    @Test("public and linked from every page's footer; participant mode may open it, and nothing else")
    func statement() async throws {
        try await TestApp.run { fixture, client throws in
            let visitor = TestBrowser(client)
            let page = try await visitor.get("/accessibility")
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>Tillgänglighetsredogörelse för Framsteg</h1>"))
            #expect(page.text.contains("(2018:1937)") && page.text.contains("WCAG 2.1") && page.text.contains("digg.se/tdosanmalan"))
            #expect(page.text.contains(#"<ul id="accessibility-gaps">"#), "the known gaps are said")
            #expect(try await visitor.get("/register/\(fixture.associationA)").text.contains(#"href="/accessibility""#))

            let counsellor = TestBrowser(client)
            try await ParticipantModeTests.handOver(counsellor, fixture)
            let take = try await counsellor.get("/take")
            #expect(take.text.contains(#"<a href="/accessibility" id="accessibility-link">"#))
            #expect(try await counsellor.get("/accessibility").status == .ok, "the participant may read it")
            #expect(try await counsellor.get("/units").location == "/take", "and nothing else")
        }
    }
}
