import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@testable import FramstegWeb

/// Several nodes over one database and one key file: a half-answered anonymous survey lives in
/// the participant's browser, sealed, and opens on every node; instruments added on one node are
/// seen by the others without a restart.
@Suite("Several nodes")
struct SeveralNodesTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let drafts = SurveyDrafts(keyring: TestKeys.keyring, lifetime: 30 * 60)
    static let binding = SurveyDrafts.Binding(tokenHash: String(repeating: "a", count: 64), offer: SurveyOfferID(7))
    static let answers: [String: Answer] = [
        "kon": .choice("woman"), "fraga-1": .choice("always"), "steg": .number(4), "fraga-2": .notAnswered,
    ]

    @Test("a sealed draft opens with the same session, offer and keys, and gives its answers back as they were")
    func roundTrip() {
        let sealed = Self.drafts.seal(Self.answers, binding: Self.binding, now: Self.now)
        #expect(Self.drafts.answers(sealed, binding: Self.binding, now: Self.now.addingTimeInterval(29 * 60)) == Self.answers)
        // Another node reads the same key file: it derives the same key.
        let otherNode = SurveyDrafts(keyring: try! FieldKeyring(text: TestKeys.text), lifetime: 30 * 60)
        #expect(otherNode.answers(sealed, binding: Self.binding, now: Self.now) == Self.answers)
        #expect(!sealed.contains("woman") && !sealed.contains("kon"), "nothing of the answers is readable in the cookie")
    }

    @Test(
        "a draft changed, of another session, of another offer, stale, from the future, or sealed with other keys opens empty",
        arguments: ["tampered", "session", "offer", "stale", "future", "keys", "garbage", "empty"]
    )
    func refused(_ case: String) throws {
        var sealed = Self.drafts.seal(Self.answers, binding: Self.binding, now: Self.now)
        var binding = Self.binding
        var now = Self.now.addingTimeInterval(60)
        var drafts = Self.drafts
        switch `case` {
        case "tampered":
            var bytes = Array(sealed.utf8)
            bytes[bytes.count / 2] = bytes[bytes.count / 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            sealed = String(decoding: bytes, as: UTF8.self)
        case "session": binding = SurveyDrafts.Binding(tokenHash: String(repeating: "b", count: 64), offer: binding.offer)
        case "offer": binding = SurveyDrafts.Binding(tokenHash: binding.tokenHash, offer: SurveyOfferID(8))
        case "stale": now = Self.now.addingTimeInterval(30 * 60)
        case "future": now = Self.now.addingTimeInterval(-10 * 60)
        case "keys": drafts = SurveyDrafts(keyring: try FieldKeyring(text: FieldKeyring.generateText(keyID: "other")), lifetime: 30 * 60)
        case "garbage": sealed = "not%20a-draft"
        default: sealed = ""
        }
        #expect(drafts.answers(sealed, binding: binding, now: now).isEmpty)
        #expect(Self.drafts.answers(nil, binding: binding, now: now).isEmpty)
    }

    @Test("the cookie is HttpOnly, SameSite=Strict, only for participant mode, Secure over HTTPS, and kept no longer than it opens")
    func cookieAttributes() {
        let secure = Self.drafts.cookie("x", secure: true).description
        #expect(secure.hasPrefix("__Secure-framsteg_survey=x"))
        for attribute in ["Path=/take", "Secure", "HttpOnly", "SameSite=Strict", "Max-Age=1800"] { #expect(secure.contains(attribute)) }
        let plain = Self.drafts.cookie("x", secure: false).description
        #expect(plain.hasPrefix("framsteg_survey=x") && !plain.contains("Secure"))
        #expect(SurveyDrafts.expired(secure: true).description.contains("Max-Age=0"))
    }

    @Test("every shipped anonymous survey fits in a cookie, answered in full with its longest values")
    func shippedFit() throws {
        let anonymous = try ShippedInstruments.load().filter(\.isAnonymous)
        #expect(!anonymous.isEmpty)
        for instrument in anonymous {
            #expect(SurveyDrafts.fits(instrument), "\(instrument.id): \(SurveyDrafts.largestLength(of: instrument))")
            var longest: [String: Answer] = [:]
            for item in instrument.items(for: .participant) {
                if case .choice(let choices) = item.scale {
                    longest[item.id] = .choice(choices.map(\.value).max { $0.utf8.count < $1.utf8.count }!)
                }
            }
            let sealed = Self.drafts.seal(longest, binding: Self.binding, now: Self.now)
            #expect(SurveyDrafts.name(secure: true).utf8.count + 1 + sealed.utf8.count <= SurveyDrafts.largestLength(of: instrument))
        }
    }

    /// An anonymous survey of `count` questions with long ids and choices.
    static func largeSurvey(_ count: Int) -> String {
        let items = (1...count).map { index in
            #"{"id": "en-mycket-lang-fraga-nummer-\#(index)", "respondent": "participant", "scale": "yesno", "text": {"sv": "Fråga \#(index)"}}"#
        }
        return """
            {"id": "stor", "version": 1, "title": {"sv": "Stor enkät", "en": "Large survey"}, "anonymous": true,
             "scales": {"yesno": {"choices": [{"value": "ja-absolut-alltid", "label": {"sv": "Ja"}}, {"value": "nej", "label": {"sv": "Nej"}}]}},
             "items": [\(items.joined(separator: ",\n"))]}
            """
    }

    @Test("an anonymous survey whose draft could outgrow a cookie is refused where instruments are added, in Swedish and English")
    func largeSurveyRefused() async throws {
        try await TestApp.run { _, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            try await admin.get("/admin/instruments")
            let refused = try await admin.post("/admin/instruments/preview", [("definition", Self.largeSurvey(120))])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("stor är en anonym enkät med för många frågor"), "\(refused.text.prefix(200))")
            #expect(refused.text.contains("i högst 3900 byte"))
            #expect(try await admin.post("/admin/instruments", [("definition", Self.largeSurvey(120))]).status == .unprocessableContent)
            #expect(try await admin.post("/admin/instruments/preview", [("definition", Self.largeSurvey(20))]).status == .ok)
        }
        #expect(
            Texts.text("problemSurveyDraftTooLarge", .english, ["id": "stor", "n": "5000", "max": "3900"]).hasPrefix(
                "stor is an anonymous survey with too many questions"
            )
        )
    }

    @Test("one such survey stored before the check is not offered: its answers could be lost unseen")
    func largeStoredSurveyNotOffered() async throws {
        try await TestApp.run(beforeStart: { fixture in
            try await fixture.store.write { db in
                try await db.insert(into: "instrument_definitions").columns(
                    "instrument_id",
                    "version",
                    "definition",
                    "association_id",
                    "added_at"
                )
                .values(SQLBind("stor"), SQLBind(1), SQLBind(Self.largeSurvey(120)), SQLBind(fixture.associationA.rawValue), SQLBind(0))
                .run()
            }
        }) { fixture, client throws in
            let counsellor = TestBrowser(client)
            try await counsellor.signIn(Fixture.email(.counsellor))
            let record = "/participants/\(fixture.participantA1)"
            try await counsellor.get(record)
            let refused = try await counsellor.post(record + "/surveys", [("instrument", "stor"), ("pin", ""), ("language", "sv")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("stor är en anonym enkät med för många frågor"))
            let offers = try await fixture.store.read { db in try await SurveyOfferRepository(db).offers(of: fixture.participantA1) }
            #expect(!offers.contains { $0.instrumentID == "stor" })
        }
    }

    @Test(
        "a survey answered through two nodes in turn keeps every answer: one response is stored, and the draft leaves the browser",
        arguments: TestDatabase.available
    )
    func surveyAcrossNodes(_ database: TestDatabase) async throws {
        try await TestApp.runTwoNodes(database: database) { fixture, first, second in
            let nodes = [first, second]
            let browser = TestBrowser(first)
            var turn = 0
            /// Round robin: every request goes to the other node.
            func other() -> TestBrowser {
                turn += 1
                browser.client = nodes[turn % 2]
                return browser
            }
            try await browser.signIn(Fixture.email(.counsellor))
            let record = "/participants/\(fixture.participantA1)"
            try await other().get(record)
            let offered = try await other().post(
                record + "/surveys/\(fixture.surveyOfferA1)/hand-over",
                [("pin", "1357"), ("language", "sv")]
            )
            #expect(offered.location == "/take")
            try await other().get("/take")
            let saved = try await other().post("/take/answer", [("item", "kon"), ("value", "woman")])
            #expect(saved.status == .noContent)
            let cookie = try #require(saved.headers[values: .setCookie].first { $0.hasPrefix("framsteg_survey=") })
            #expect(cookie.contains("Path=/take") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(try await other().post("/take/answer", [("item", "fraga-1"), ("value", "always")]).status == .noContent)
            let shown = try await other().get("/take?screen=1").text
            #expect(
                shown.contains(#"name="item-kon" value="woman" checked"#) && shown.contains(#"name="item-fraga-1" value="always" checked"#)
            )

            let answers = SurveyTests.exitAnswers(3)
            let screens = [
                ["kon", "fraga-1", "fraga-2"], ["fraga-3", "fraga-5", "fraga-6"], ["fraga-7", "fraga-8", "fraga-9"], ["fraga-10"],
            ]
            for (index, items) in screens.enumerated() {
                let isLast = index == screens.count - 1
                try await other().get("/take?screen=\(index + 1)")
                let fields =
                    [("screen", String(index + 1)), ("direction", isLast ? "finish" : "next")] + items.map { ("item-" + $0, answers[$0]!) }
                let response = try await other().post("/take", fields)
                // The last screen sends only when every earlier answer came through the other node.
                #expect(response.location == (isLast ? "/take/done" : "/take?screen=\(index + 2)"))
                if isLast {
                    #expect(response.headers[values: .setCookie].contains { $0.hasPrefix("framsteg_survey=;") || $0.contains("Max-Age=0") })
                }
            }
            #expect(browser.cookies["framsteg_survey"] == nil, "the draft is gone once the survey is sent")
            #expect(try await other().get("/take/done").text.contains("Tack för dina svar!"))
            let held = try await fixture.store.read { db in try await db.select().column("id").from("survey_held").all().count }
            #expect(held == 1)
            try await other().get("/take/return")
            #expect(try await other().post("/take/return", [("secret", "1357")]).status == .seeOther)
        }
    }

    @Test(
        "a draft left when the device is given back is cleared, and a copy kept from before opens on no node",
        arguments: TestDatabase.available
    )
    func draftDiesAtTakeBack(_ database: TestDatabase) async throws {
        try await TestApp.runTwoNodes(database: database) { fixture, first, second in
            let browser = TestBrowser(first)
            try await browser.signIn(Fixture.email(.counsellor))
            let record = "/participants/\(fixture.participantA1)"
            try await browser.get(record)
            try await browser.post(record + "/surveys/\(fixture.surveyOfferA1)/hand-over", [("pin", "1357"), ("language", "sv")])
            try await browser.get("/take")
            #expect(try await browser.post("/take/answer", [("item", "kon"), ("value", "woman")]).status == .noContent)
            let kept = try #require(browser.cookies["framsteg_survey"])
            browser.client = second
            let back = try await browser.post("/take/return", [("secret", "1357")])
            #expect(back.status == .seeOther)
            #expect(back.headers[values: .setCookie].contains { $0.hasPrefix("framsteg_survey=") && $0.contains("Max-Age=0") })
            #expect(browser.cookies["framsteg_survey"] == nil)
            // Handed over again, the kept copy is sent back: it belonged to the session's old token.
            try await browser.get(record)
            try await browser.post(record + "/surveys/\(fixture.surveyOfferA1)/hand-over", [("pin", "2468"), ("language", "sv")])
            browser.cookies["framsteg_survey"] = kept
            browser.client = first
            let resumed = try await browser.get("/take")
            #expect(resumed.text.contains("0 av 10 besvarade") && !resumed.text.contains("checked"))
            try await browser.post("/take/return", [("secret", "2468")])
        }
    }

    @Test(
        "an instrument added on one node is seen by the other: at once where it is asked for, and on every page within seconds",
        arguments: TestDatabase.available
    )
    func instrumentAcrossNodes(_ database: TestDatabase) async throws {
        try await TestApp.runTwoNodes(database: database) { fixture, first, second in
            let admin = TestBrowser(first)
            try await admin.signIn(Fixture.email(.admin))
            admin.client = second
            #expect(!(try await admin.get("/admin/instruments").text.contains("Stegmätning")))
            let counsellor = TestBrowser(second)
            let path = try await startedParticipant(fixture, counsellor)

            admin.client = first
            try await admin.get("/admin/instruments")
            #expect(try await admin.post("/admin/instruments", [("definition", InstrumentAdminTests.definition)]).status == .seeOther)
            let generation = try await fixture.store.read { db in try await InstrumentDefinitionRepository(db).generation() }
            #expect(generation == 1)

            // Node two asks the database at most every few seconds, and at once when a look-up misses.
            let started = try await counsellor.post(path + "/measurements", [("instrument", "steg"), ("occasion", "periodic")])
            #expect(started.status == .seeOther, "\(started.text.prefix(300))")
            #expect(started.location?.contains("/measurements/") == true)
            admin.client = second
            #expect(try await admin.get("/admin/instruments").text.contains("Stegmätning"))

            // A second version added on node one shows on node two's pages once the interval has passed.
            admin.client = first
            try await admin.get("/admin/instruments")
            let version2 = InstrumentAdminTests.definition.replacingOccurrences(of: #""version": 1"#, with: #""version": 2"#)
                .replacingOccurrences(of: "Stegmätning", with: "Stegmätning två")
            #expect(try await admin.post("/admin/instruments", [("definition", version2)]).status == .seeOther)
            admin.client = second
            fixture.clock.advance(minutes: 0.1)
            #expect(try await admin.get("/admin/instruments").text.contains("Stegmätning två"))
            // And node two refuses the same version again, as node one does.
            let again = try await admin.post("/admin/instruments", [("definition", version2)])
            #expect(again.status == .unprocessableContent && again.text.contains("steg version 2 finns redan"))
        }
    }
}
