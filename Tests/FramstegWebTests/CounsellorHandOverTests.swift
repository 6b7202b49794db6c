import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HummingbirdTesting
import Testing

/// The responsible counsellor on the record, and handing the participant over to another (issue 18).
@Suite("Handing a participant over")
struct CounsellorHandOverTests {
    @Test(
        "the record names the responsible counsellor; a hand-over to another of the unit's counsellors is kept with its day and audited; anyone else, the same one or an ended journey is refused beside the field"
    )
    func handOver() async throws {
        try await TestApp.run { fixture, client throws in
            let (colleague, disabled, elsewhere) = try await fixture.store.write { db in
                let users = UserRepository(db)
                func counsellor(_ email: String, _ name: String, _ unit: UnitID) async throws -> UserID {
                    try await users.create(
                        in: fixture.associationA,
                        email: email,
                        name: name,
                        role: .counsellor,
                        unitIDs: [unit],
                        passwordHash: "!",
                        now: fixture.clock.now
                    ).id
                }
                let disabled = try await counsellor("slutat@a.test", "Slutat Handledare", fixture.unitA1)
                try await users.setDisabled(disabled, true)
                return (
                    try await counsellor("kim@a.test", "Kim Kollega", fixture.unitA1), disabled,
                    try await counsellor("annan@a.test", "Annan Enhet", fixture.unitA2)
                )
            }
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let record = try await browser.get(path + "?tab=journey").text
            #expect(record.contains(#"<p id="responsible-counsellor"><strong>Test counsellor</strong></p>"#), "the one who started it")
            #expect(record.contains(#"<option value="\#(colleague)">Kim Kollega</option>"#))
            #expect(!record.contains("Slutat Handledare") && !record.contains("Annan Enhet"), "only the unit's active counsellors")

            for (chosen, message) in [
                (elsewhere.description, "Välj ett av alternativen."), (disabled.description, "Välj ett av alternativen."),
                ("", "Fyll i det här fältet."), (fixture.targetUserA.description, "Välj ett av alternativen."),
            ] {
                let refused = try await browser.post(path + "/counsellor", [("counsellor", chosen)])
                #expect(refused.status == .unprocessableContent, "\(chosen)")
                #expect(refused.text.contains(#"<p id="counsellor-choice-error" class="field-error">\#(message)</p>"#), "\(chosen)")
            }
            let me = try #require(
                try await fixture.store.read { db in try await UserRepository(db).credentials(email: Fixture.email(.counsellor)).first?.user
                }
            )
            let same = try await browser.post(path + "/counsellor", [("counsellor", me.id.description)])
            #expect(same.status == .unprocessableContent && same.text.contains("Den handledaren är redan ansvarig."))

            let handed = try await browser.post(path + "/counsellor", [("counsellor", colleague.description)])
            #expect(handed.location == "\(path)?tab=journey&notice=counsellorChanged#counsellor")
            let after = try await browser.get(path + "?tab=journey").text
            let today = Day(fixture.clock.now)
            #expect(after.contains(#"<p id="responsible-counsellor"><strong>Kim Kollega</strong></p>"#))
            #expect(after.contains("<li>Kim Kollega, från \(today)</li><li>Test counsellor, från \(today)</li>"), "newest first")
            let audit = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 20) }
            #expect(audit.map(\.entry).filter { $0.action == "participant.counsellor" }.count == 1)
            let summary = try await fixture.store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).summary(fixture.participantA1)
            }
            #expect(summary?.responsibleCounsellor == colleague)

            // Once the journey has ended nobody takes it over.
            #expect(
                try await browser.post(path + "/steps", [("event", "exit"), ("day", today.description), ("outcome", "studies")]).status
                    == .seeOther
            )
            #expect(!(try await browser.get(path).text.contains("/counsellor\"")), "no form after the end")
            let ended = try await browser.post(path + "/counsellor", [("counsellor", me.id.description)])
            #expect(ended.status == .unprocessableContent && ended.text.contains("Insatsen är avslutad"))
        }
    }
}
