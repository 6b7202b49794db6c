import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import Testing

@testable import FramstegWeb

@Suite("After the exit, on the record and in the figures")
struct AfterExitPagesTests {
    @Test(
        "recorded once after the exit: refused before it and beside a follow-up whose day has not come, saved and audited, counted by gender"
    )
    func afterExit() async throws {
        try await TestApp.run { fixture, client throws in
            let counsellor = TestBrowser(client)
            try await counsellor.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            let before = try await counsellor.post(path + "/after-exit", [("workedOrStudied", "yes")])
            #expect(before.status == .unprocessableContent)
            #expect(before.text.contains("Kan registreras först när insatsen har avslutats."))
            #expect(!(try await counsellor.get(path + "?tab=journey").text.contains(#"id="after-exit""#)), "no form before the exit")

            let today = Day(fixture.clock.now)
            for (event, extra) in [
                ("information", [(String, String)]()), ("start", [("reason", "Undantag i test")]), ("exit", [("outcome", "studies")]),
            ] {
                #expect(
                    try await counsellor.post(path + "/steps", [("event", event), ("day", today.description)] + extra).status == .seeOther
                )
            }
            let early = try await counsellor.post(
                path + "/after-exit",
                [
                    ("workedOrStudied", "yes"), ("nextStep", "joint-assessment"), ("nextStepOn", today.description),
                    ("situationAfter3Months", "studies"),
                ]
            )
            #expect(early.status == .unprocessableContent)
            let from = AfterExit.followUpDay(months: 3, exitOn: today)
            #expect(
                early.text.contains(#"<p id="after-situationAfter3Months-error" class="field-error">Kan registreras från \#(from).</p>"#)
            )
            #expect(early.text.contains(#"<option value="joint-assessment" selected>"#), "what was chosen is kept")

            let saved = try await counsellor.post(
                path + "/after-exit",
                [("workedOrStudied", "yes"), ("nextStep", "joint-assessment"), ("nextStepOn", today.description)]
            )
            #expect(saved.location == path + "?tab=journey&notice=afterExitSaved#after-exit")
            try await fixture.store.read { db throws in
                let facts = try await AfterExitRepository(db).afterExit(of: fixture.participantA1)
                #expect(facts == AfterExit(workedOrStudied: true, nextStep: .jointAssessment, nextStepOn: today))
                #expect(
                    try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1).first?.entry.action
                        == "participant.after-exit"
                )
            }

            // The unit's own staff see it exactly on the unit's dashboard.
            let manager = TestBrowser(client)
            try await manager.signIn(Fixture.email(.manager))
            let dashboard = try await manager.get("/units/\(fixture.unitA1)/dashboard").text
            let during = try #require(GoalTests.table("table-after-during", in: dashboard))
            #expect(during.contains("Har arbetat eller studerat"))
            #expect(dashboard.contains("Andel som arbetat eller studerat under deltagandet: 100 %"))
            let prompt = try #require(GoalTests.table("table-after-prompt", in: dashboard))
            #expect(prompt.contains("Inom 14 dagar"))
        }
    }
}
