import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Participant mode through the HTTP layer: answers saved one by one and resumed, refusals that keep
/// the other answers, the lock on every other route, and taking the device back.
@Suite("Participant mode")
struct ParticipantModeTests {
    static func handOver(_ browser: TestBrowser, _ fixture: Fixture, pin: String = "2468", language: String = "sv") async throws {
        try await browser.signIn(Fixture.email(.counsellor))
        try await browser.get("/participants/\(fixture.participantA1)/measurements/\(fixture.measurementA1)")
        let response = try await browser.post(
            "/participants/\(fixture.participantA1)/measurements/\(fixture.measurementA1)/hand-over",
            [("pin", pin), ("language", language)]
        )
        #expect(response.location == "/take")
        try await browser.get("/take")
    }

    static func answers(_ fixture: Fixture) async throws -> [String: Answer] {
        try await fixture.store.read { db in
            try await MeasurementRepository(db, keyring: TestKeys.keyring).measurement(fixture.measurementA1)?.answers ?? [:]
        }
    }

    @Test("each answer is saved as it is given, and a new hand-over resumes at the first open screen")
    func autosaveAndResume() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await Self.handOver(browser, fixture)
            #expect(try await browser.post("/take/answer", [("item", "health"), ("value", "7")]).status == .noContent)
            #expect(try await browser.post("/take/answer", [("item", "everyday"), ("value", "5")]).status == .noContent)
            #expect(try await Self.answers(fixture) == ["health": .number(7), "everyday": .number(5)])

            // The tab closes; the counsellor takes the device back and hands it over again later.
            #expect(try await browser.post("/take/return", [("secret", "2468")]).status == .seeOther)
            try await Self.handOver(browser, fixture, pin: "")
            let page = try await browser.get("/take")
            #expect(page.text.contains("Sida 1 av 3"))
            #expect(page.text.contains(#"name="item-health" value="7" checked"#))
            #expect(page.text.contains("2 av 8 besvarade"))

            // Finishing the first screen moves on to the second, which is where a resume then starts.
            let next = try await browser.post("/take", [("screen", "1"), ("direction", "next"), ("item-knowledge", "3")])
            #expect(next.location == "/take?screen=2")
            #expect(try await browser.get("/take").text.contains("Sida 2 av 3"))
        }
    }

    @Test("an out-of-range or missing answer is refused in the participant's language and the other answers stay")
    func refusals() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await Self.handOver(browser, fixture, language: "en")
            let single = try await browser.post("/take/answer", [("item", "health"), ("value", "11")])
            #expect(single.status == .unprocessableContent)
            #expect(single.text.contains("Enter a number between 1 and 10."))

            let screen = try await browser.post(
                "/take",
                [("screen", "1"), ("direction", "next"), ("item-health", "8"), ("item-everyday", "12")]
            )
            #expect(screen.status == .unprocessableContent)
            #expect(screen.text.contains("Enter a number between 1 and 10."), "the out-of-range answer is named")
            #expect(screen.text.contains("Choose an answer before you go on."), "the missing one too")
            #expect(screen.text.contains(#"name="item-health" value="8" checked"#), "the valid answer comes back chosen")
            #expect(try await Self.answers(fixture) == ["health": .number(8)], "and is saved")

            // Going back asks for nothing.
            #expect(try await browser.post("/take", [("screen", "2"), ("direction", "back")]).location == "/take?screen=1")
        }
    }

    @Test("while handed over, every other route of the application leads back to the questions")
    func lockedDown() async throws {
        let declared = try await AccessMatrixTests.declaredRoutes()
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await Self.handOver(browser, fixture)
            let reads = { @Sendable () async throws -> Int in
                try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 10_000) }
                    .filter { $0.entry.action == "participant.read" }.count
            }
            let readsBefore = try await reads()
            var checked = 0
            for route in declared
            where !route.path.hasPrefix("/take")
                && !["/static/app.css", "/static/participant-mode.js", "/static/page.js", "/accessibility"].contains(route.path)
            {
                let row = AccessMatrixTests.Row(route.description, .own, admin: .ok, office: .ok, manager: .ok, counsellor: .ok)
                let path = try await AccessMatrixTests.path(for: row, fixture).replacingOccurrences(
                    of: ":association",
                    with: fixture.associationA.description
                )
                let response = try await AccessMatrixTests.send(browser, route.method.rawValue, path)
                if path.hasPrefix("/api/") {
                    #expect(response.status == .forbidden, "\(route)")
                } else {
                    #expect(response.status == .seeOther && response.location == "/take", "\(route) answered \(response.status)")
                }
                checked += 1
            }
            #expect(checked > 50)
            // The session survived all of that, still in participant mode.
            #expect(try await browser.get("/take").status == .ok)
            #expect(try await reads() == readsBefore, "no record was opened")
        }
    }

    @Test("the device comes back with the PIN or the password; five wrong tries end the session")
    func takingBack() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await Self.handOver(browser, fixture)
            let wrong = try await browser.post("/take/return", [("secret", "1111")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("Det stämmer inte."))
            let back = try await browser.post("/take/return", [("secret", Fixture.password)])
            #expect(back.location == "/participants/\(fixture.participantA1)/measurements/\(fixture.measurementA1)?notice=deviceReturned")
            #expect(try await browser.get("/units").status == .ok, "the counsellor has the system again")

            try await Self.handOver(browser, fixture)
            for _ in 1..<5 { #expect(try await browser.post("/take/return", [("secret", "0000")]).status == .unprocessableContent) }
            #expect(try await browser.post("/take/return", [("secret", "0000")]).location == "/sign-in")
            #expect(try await browser.get("/take").location == "/sign-in", "whoever holds the device must sign in")
        }
    }

    @Test("with a second factor the password takes the device back only with a code of it; the PIN needs none")
    func takingBackWithSecondFactor() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let (secret, _) = try await SecondFactorTests.enrolFromSettings(browser, fixture)
            let measurement = "/participants/\(fixture.participantA1)/measurements/\(fixture.measurementA1)"
            try await browser.get(measurement)
            #expect(try await browser.post(measurement + "/hand-over", [("pin", ""), ("language", "sv")]).location == "/take")
            #expect(try await browser.get("/take/return").text.contains(#"id="code""#))
            #expect(try await browser.post("/take/return", [("secret", Fixture.password)]).status == .unprocessableContent)
            #expect(
                try await browser.post("/take/return", [("secret", Fixture.password), ("code", "000000")]).status == .unprocessableContent
            )
            fixture.clock.advance(minutes: 1)
            let code = OneTimePassword(secret: secret).code(at: fixture.clock.now)
            let back = try await browser.post("/take/return", [("secret", Fixture.password), ("code", code)])
            #expect(back.location == measurement + "?notice=deviceReturned")

            try await browser.get(measurement)
            #expect(try await browser.post(measurement + "/hand-over", [("pin", "2468"), ("language", "sv")]).location == "/take")
            #expect(try await browser.post("/take/return", [("secret", "2468")]).status == .seeOther)
        }
    }

    @Test("the working view lists the measurement due and an overdue step of the plan; the record names the next measurement")
    func workingView() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now)
            // The fixture's measurement was taken on the day of the start: the next is twelve weeks on.
            #expect(
                try await browser.get(path + "?tab=measurements").text.contains(
                    "Nästa mätning med BIP progressionsmätning: \(today.adding(days: 84)) (uppföljning)."
                )
            )
            #expect(!(try await browser.get("/units").text.contains("Mätning (uppföljning)")), "twelve weeks ahead is not yet news")
            // A unit measuring every week has it due within the working view's horizon.
            try await fixture.store.write { db in try await OrganisationRepository(db).setMeasurementInterval(1, of: fixture.unitA1) }
            #expect(
                try await browser.post(
                    path + "/plan/goals/\(fixture.goalA1)/steps",
                    [("text", "Ring arbetsgivaren"), ("owner", "participant"), ("due", today.adding(days: -1).description)]
                ).status == .seeOther
            )
            let units = try await browser.get("/units").text
            #expect(units.contains("Mätning (uppföljning)"))
            #expect(units.contains("Steg i handlingsplanen: Ring arbetsgivaren"))
            #expect(units.contains("Steg i handlingsplanen: Boka möte med FK"), "the fixture's step is due within the horizon")

            let started = try await browser.post(path + "/measurements", [("instrument", "bip"), ("occasion", "periodic")])
            #expect(started.location?.hasPrefix(path + "/measurements/") == true)
            #expect(
                try await browser.get(path + "?tab=measurements").text.contains(
                    "Nästa mätning med BIP progressionsmätning: \(today.adding(days: 7)) (uppföljning)."
                )
            )
            let refused = try await browser.post(path + "/measurements", [("instrument", "nothing"), ("occasion", "start")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("Välj ett av alternativen."))
        }
    }

    @Test("the counsellor's items are answered apart, and a complete measurement shows where the views differ")
    func counsellorItems() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await Self.handOver(browser, fixture)
            #expect(
                try await browser.post("/take/answer", [("item", "counsellor-belief"), ("value", "3")]).status == .unprocessableContent,
                "the participant cannot answer the counsellor's item"
            )
            for (item, value) in [
                ("health", "6"), ("everyday", "5"), ("knowledge", "4"), ("belief", "9"), ("cooperation", "7"),
                ("competences", "6"), ("job-search", "some"), ("salary", "-"),
            ] {
                #expect(try await browser.post("/take/answer", [("item", item), ("value", value)]).status == .noContent)
            }
            let done = try await browser.get("/take/done")
            #expect(done.status == .ok)
            #expect(done.text.contains(#"class="spider-chart""#), "the participant sees their own chart")
            try await browser.post("/take/return", [("secret", "2468")])

            let path = "/participants/\(fixture.participantA1)/measurements/\(fixture.measurementA1)"
            let missing = try await browser.post(path + "/answers", [("item-counsellor-belief", "3")])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains(#"name="item-counsellor-belief" value="3" checked"#))
            #expect(try await browser.post(path + "/answers", [("item-purposeful", "5")]).location == path + "?notice=answersSaved")
            let page = try await browser.get(path)
            #expect(page.text.contains(#"id="measurement-status">Klar"#))
            #expect(page.text.contains("Tro på att klara ett jobb: <strong>9</strong>"))
            #expect(page.text.contains("Jobb inom ett år (handledaren): <strong>3</strong>"))
            #expect(page.text.contains("Prata om skillnaden"))
        }
    }

    @Test(
        "the counsellor's items never reach the participant: answered first, they are on neither the done screen nor the exit document, but stay on the staff's pages"
    )
    func counsellorItemsStayWithStaff() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let record = "/participants/\(fixture.participantA1)"
            let path = record + "/measurements/\(fixture.measurementA1)"
            #expect(
                try await browser.post(path + "/answers", [("item-counsellor-belief", "2"), ("item-purposeful", "2")]).status == .seeOther
            )
            #expect(try await browser.post(path + "/hand-over", [("pin", "2468"), ("language", "sv")]).location == "/take")
            for (item, value) in [
                ("health", "6"), ("everyday", "5"), ("knowledge", "4"), ("belief", "9"), ("cooperation", "7"),
                ("competences", "6"), ("job-search", "some"), ("salary", "-"),
            ] {
                #expect(try await browser.post("/take/answer", [("item", item), ("value", value)]).status == .noContent)
            }
            let private_ = ["Handledarens tilltro", "Jobb inom ett år (handledaren)", "Målmedvetenhet", "Prata om skillnaden"]
            let done = try await browser.get("/take/done").text
            #expect(done.contains("Deltagarens skattning"), "the participant's own score is theirs to see")
            for text in private_ { #expect(!done.contains(text), "the done screen shows \(text)") }
            try await browser.post("/take/return", [("secret", "2468")])

            let staff = try await browser.get(path).text
            #expect(staff.contains("Handledarens tilltro") && staff.contains("Prata om skillnaden"), "the staff still see them")
            let today = Day(fixture.clock.now).description
            for step in [[("event", "information"), ("day", today)], [("event", "start"), ("day", today), ("reason", "Undantag i test")]] {
                #expect(try await browser.post(record + "/steps", step).status == .seeOther)
            }
            #expect(
                try await browser.post(record + "/steps", [("event", "exit"), ("day", today), ("outcome", "studies")]).status == .seeOther
            )
            let document = try await browser.get(record + "/exit-document").text
            #expect(document.contains("Deltagarens skattning"))
            for text in private_ { #expect(!document.contains(text), "the exit document shows \(text)") }
            // "Mina framsteg", printed for the participant: their own answers and their plan, nothing of the counsellor's.
            let mine = try await browser.get(record + "/my-progress").text
            #expect(mine.contains("<h1>Mina framsteg – Sara Lind</h1>"))
            #expect(mine.contains("Deltagarens skattning"))
            #expect(mine.contains("<h3>Hantera vardagen</h3>") && mine.contains("<td>Boka möte med FK</td><td>Handledaren</td>"))
            #expect(mine.contains(#"id="print-document" data-print"#))
            for text in private_ { #expect(!mine.contains(text), "Mina framsteg shows \(text)") }
            let audit = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1) }
            #expect(audit.first?.entry.action == "participant.my-progress")
        }
    }
}
