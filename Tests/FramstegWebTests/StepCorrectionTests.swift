import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("A step recorded by mistake is taken back with a reason, never silently")
struct StepCorrectionTests {
    static func latestStep(_ fixture: Fixture) async throws -> Int64 {
        try await fixture.store.read { db in
            try await ParticipantRepository(db, keyring: TestKeys.keyring).steps(of: fixture.participantA1).last?.id
        } ?? -1
    }

    @Test("an exit taken back reopens the journey: the state, the follow-up columns, the record and the log all say so")
    func reopenExit() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now).description
            #expect(
                try await browser.post(path + "/steps", [("event", "exit"), ("day", today), ("outcome", "work")]).status == .seeOther
            )
            let exit = try await Self.latestStep(fixture)
            let journey = try await browser.get(path + "?tab=journey").text
            #expect(journey.contains("Öppna resan igen (ta tillbaka avslutet)"))
            #expect(journey.contains(#"<input type="hidden" name="step" value="\#(exit)">"#))

            let refused = try await browser.post(path + "/steps/withdraw", [("step", String(exit)), ("reason", " ")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(##"<a href="#withdraw-reason">Fyll i det här fältet.</a>"##))
            #expect(refused.text.contains(#"<details id="withdraw-step" open>"#))

            let stale = try await browser.post(path + "/steps/withdraw", [("step", String(exit - 1)), ("reason", "Fel")])
            #expect(stale.status == .unprocessableContent, "only the step the form showed, and only the latest")

            #expect(
                try await browser.post(
                    path + "/steps/withdraw",
                    [("step", String(exit)), ("reason", "Avslutet registrerades på fel deltagare")]
                )
                .location == path + "?tab=journey&notice=stepWithdrawn#journey"
            )
            let (state, ended, outcome) = try await fixture.store.read { db in
                let row = try #require(
                    try await db.select().columns("state", "ended_on", "outcome").from("participants")
                        .where("id", .equal, fixture.participantA1.rawValue).first()
                )
                return (
                    try row.decode(column: "state", as: String.self), try row.decode(column: "ended_on", as: String?.self),
                    try row.decode(column: "outcome", as: String?.self)
                )
            }
            #expect(state == JourneyState.introduction.storageValue)
            #expect(ended == nil && outcome == nil, "the follow-up no longer counts an exit")
            let reason = try await fixture.store.read { db in
                try await db.select().column("withdrawal_reason_sealed").from("journey_steps").where("id", .equal, exit).first()?
                    .decode(column: "withdrawal_reason_sealed", as: String.self)
            }
            #expect(reason?.contains("fel deltagare") == false, "the reason is sealed")

            let record = try await browser.get(path + "?tab=journey").text
            #expect(record.contains(#"<ul id="withdrawn-steps"><li>\#(today): Avslut – taget tillbaka"#))
            #expect(record.contains("Test counsellor: Avslutet registrerades på fel deltagare"))
            #expect(record.contains(#"id="event-multi-party-meeting""#), "the journey goes on from the introduction")
            let actions = try await fixture.store.read { db in
                try await AuditLog(db).recent(associationID: fixture.associationA, limit: 20).map(\.entry.action)
            }
            #expect(actions.contains("participant.step.withdrawn") && actions.contains("participant.step.exit"), "the log has both")
        }
    }

    @Test("the unit's manager (with record access) reopens an exit the responsible counsellor recorded")
    func managerReopens() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now).description
            #expect(
                try await browser.post(path + "/steps", [("event", "exit"), ("day", today), ("outcome", "work")]).status == .seeOther
            )
            let exit = try await Self.latestStep(fixture)
            let manager = TestBrowser(client)
            try await manager.signIn(Fixture.recordsManagerEmail)
            #expect(try await manager.get(path + "?tab=journey").text.contains("Öppna resan igen (ta tillbaka avslutet)"))
            #expect(
                try await manager.post(path + "/steps/withdraw", [("step", String(exit)), ("reason", "Handledaren är sjuk; fel avslut")])
                    .location == path + "?tab=journey&notice=stepWithdrawn#journey"
            )
            let state = try await fixture.store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).summary(fixture.participantA1)?.state
            }
            #expect(state == .introduction)
            let entry = try await fixture.store.read { db in
                try await AuditLog(db).recent(associationID: fixture.associationA, limit: 10).first {
                    $0.entry.action == "participant.step.withdrawn"
                }
            }
            #expect(entry?.entry.role == .manager)
        }
    }

    @Test("after 30 days a step is not offered for taking back, and a sent form is refused")
    func window() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let start = try await Self.latestStep(fixture)
            #expect(try await browser.get(path + "?tab=journey").text.contains(#"id="withdraw-step""#))
            fixture.clock.advance(minutes: 31 * 24 * 60)
            try await browser.signIn(Fixture.email(.counsellor))
            #expect(!(try await browser.get(path + "?tab=journey").text.contains(#"id="withdraw-step""#)))
            let late = try await browser.post(path + "/steps/withdraw", [("step", String(start)), ("reason", "Fel")])
            #expect(late.status == .unprocessableContent)
            #expect(late.text.contains("inom 30 dagar"))
        }
    }
}
