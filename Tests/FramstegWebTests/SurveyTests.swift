import Foundation
import FramstegCore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@testable import FramstegStore

/// Anonymous surveys through the HTTP layer: answering in participant mode, what the database
/// keeps afterwards (and what it must not), half-answered surveys, results and their protection,
/// export, read-only wording and the support contact.
@Suite("Anonymous surveys")
struct SurveyTests {
    static let frequency = ["always", "mostly", "often", "sometimes", "seldom", "never", "dont-know"]

    /// A valid personal identity number for a person born 1985-03-<day>, serial `serial`.
    static func personalNumber(day: Int, serial: Int) -> String {
        let body = String(format: "8503%02d%03d", day, serial)
        let sum = body.enumerated().reduce(0) { sum, pair in
            let digit = Int(String(pair.element))! * (pair.offset % 2 == 0 ? 2 : 1)
            return sum + digit / 10 + digit % 10
        }
        return "19\(body.prefix(6))-\(body.suffix(3))\((10 - sum % 10) % 10)"
    }

    /// Registers more participants in unit A1 before the application starts.
    static func registerParticipants(_ count: Int, _ fixture: Fixture) async throws -> [ParticipantID] {
        try await fixture.store.write { db in
            let organisation = OrganisationRepository(db)
            let unit = try await organisation.unit(fixture.unitA1)!
            let municipality = try await organisation.municipality(fixture.municipalityA)!
            var ids: [ParticipantID] = []
            for index in 0..<count {
                let draft = ParticipantDraft(
                    personalIdentityNumber: personalNumber(day: 1 + index % 28, serial: 100 + index),
                    name: "Deltagare \(index)",
                    phone: "070-000 00 00",
                    email: "",
                    gender: index % 2 == 0 ? "woman" : "man",
                    municipalityID: municipality.id.description,
                    referrerKind: "af",
                    referrerName: "",
                    authorities: ["af"],
                    reason: "Behöver samordnat stöd",
                    consent: true
                )
                let now = fixture.clock.now
                ids.append(
                    try await ParticipantRepository(db, keyring: TestKeys.keyring)
                        .register(
                            try draft.validated(municipalities: [municipality], today: now),
                            unit: unit,
                            on: Day(now),
                            by: nil,
                            now: now
                        )
                )
            }
            return ids
        }
    }

    /// The exit survey's answers for the `index`-th participant: questions 2 and 3 spell the index,
    /// so the test can tell in which order the responses were completed.
    static func exitAnswers(_ index: Int) -> [String: String] {
        var answers = [
            "kon": index % 2 == 0 ? "woman" : "man", "fraga-1": "always", "fraga-2": frequency[index % 7], "fraga-3": frequency[index / 7],
        ]
        for id in ["fraga-5", "fraga-6", "fraga-7", "fraga-8", "fraga-9", "fraga-10"] { answers[id] = "largely" }
        return answers
    }

    /// Offers the exit survey from the record, answers it screen by screen and gives the device back.
    static func answerExitSurvey(_ browser: TestBrowser, participant: ParticipantID, answers: [String: String]) async throws {
        try await browser.get("/participants/\(participant)")
        let offered = try await browser.post(
            "/participants/\(participant)/surveys",
            [("instrument", "deltagarenkat"), ("pin", ""), ("language", "sv")]
        )
        #expect(offered.location == "/take")
        let screens = [
            ["kon", "fraga-1", "fraga-2"], ["fraga-3", "fraga-5", "fraga-6"], ["fraga-7", "fraga-8", "fraga-9"], ["fraga-10"],
        ]
        for (index, items) in screens.enumerated() {
            try await browser.get("/take?screen=\(index + 1)")
            let fields =
                [("screen", String(index + 1)), ("direction", index == screens.count - 1 ? "finish" : "next")]
                + items.map { ("item-" + $0, answers[$0]!) }
            let response = try await browser.post("/take", fields)
            #expect(response.location == (index == screens.count - 1 ? "/take/done" : "/take?screen=\(index + 2)"))
        }
        #expect(try await browser.get("/take/done").text.contains("Tack för dina svar!"))
        try await browser.get("/take/return")
        #expect(
            try await browser.post("/take/return", [("secret", Fixture.password)]).location?.hasPrefix("/participants/\(participant)")
                == true
        )
    }

    @Test(
        "after twelve participants answered: responses appear five at a time, sealed, and no column, key, storage order, transaction or audit row ties one to anyone",
        arguments: TestDatabase.available
    )
    func unlinkable(_ database: TestDatabase) async throws {
        try await TestApp.run(database: database) { fixture, client throws in
            let extra = try await Self.registerParticipants(11, fixture)
            let participants = [fixture.participantA1] + extra
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            var heldIDs: [Set<String>] = []
            var released: [Int] = []
            for (index, participant) in participants.enumerated() {
                fixture.clock.advance(minutes: 7)
                try await Self.answerExitSurvey(browser, participant: participant, answers: Self.exitAnswers(index))
                let (held, count) = try await fixture.store.read { db in
                    (
                        Set(
                            try await db.select().column("id").from("survey_held").all().map {
                                try $0.decode(column: "id", as: String.self)
                            }
                        ),
                        try await db.select().column("id").from("survey_responses").all().count
                    )
                }
                heldIDs.append(held)
                released.append(count)
            }
            // A completion adds no response: they wait until five have come in, and appear together.
            #expect(released == [0, 0, 0, 0, 5, 5, 5, 5, 5, 10, 10, 10])
            #expect(heldIDs.map(\.count) == [1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2])
            // Every addition writes the held set anew: two copies share no row.
            for (before, after) in zip(heldIDs, heldIDs.dropFirst()) { #expect(before.isDisjoint(with: after)) }

            try await fixture.store.read { db in
                // Only these columns exist: no participant, counsellor, session, address or time.
                let any = try #require(try await db.select().column(SQLLiteral.all).from("survey_responses").limit(1).first())
                #expect(
                    Set(any.allColumns) == ["id", "instrument_id", "instrument_version", "unit_id", "month", "gender", "answers", "sealed"]
                )
                let held = try #require(try await db.select().column(SQLLiteral.all).from("survey_held").limit(1).first())
                #expect(Set(held.allColumns) == ["id", "sealed"])
                let offer = try #require(try await db.select().column(SQLLiteral.all).from("survey_offers").limit(1).first())
                #expect(
                    Set(offer.allColumns) == ["id", "participant_id", "instrument_id", "offered_on", "offered_by", "is_completed"],
                    "the record knows offered and completed, not when it was completed"
                )

                // Storage order: SQLite keeps rows in key order (no row id); PostgreSQL in heap order.
                let stored: [(id: String, sealed: String)]
                if db.dialect.name == "sqlite" {
                    await #expect(throws: (any Error).self) { try await db.raw("SELECT rowid FROM survey_responses").all() }
                    stored = try await db.raw("SELECT id, sealed FROM survey_responses").all().map {
                        (try $0.decode(column: "id", as: String.self), try $0.decode(column: "sealed", as: String.self))
                    }
                } else {
                    let rows = try await db.raw("SELECT id, sealed, xmin::text AS xmin FROM survey_responses ORDER BY ctid").all()
                    let transactions = Set(try rows.map { try $0.decode(column: "xmin", as: String.self) })
                    #expect(transactions.count == 1, "the whole group was written by the last release's one transaction")
                    stored = try rows.map {
                        (try $0.decode(column: "id", as: String.self), try $0.decode(column: "sealed", as: String.self))
                    }
                }
                #expect(stored.count == 10)
                // Gender and answers are sealed: the plain columns are empty, and the sealed text has no answer in it.
                let plain = try await db.select().columns("gender", "answers").from("survey_responses").all()
                #expect(try plain.allSatisfy { try $0.decode(column: "gender", as: String?.self) == nil })
                #expect(try plain.allSatisfy { try $0.decode(column: "answers", as: String.self).isEmpty })
                #expect(stored.allSatisfy { !$0.sealed.contains("fraga") && !$0.sealed.contains("always") })
                let order = try stored.map { row -> Int in
                    let opened = try TestKeys.keyring.open(
                        stored: row.sealed,
                        binding: SurveyRepository.binding("survey_responses", row.id)
                    )
                    let answers = try JSONDecoder().decode(SurveyRepository.SealedAnswers.self, from: Data(opened.utf8)).answers
                    return Self.frequency.firstIndex(of: answers["fraga-2"]!)! + 7 * Self.frequency.firstIndex(of: answers["fraga-3"]!)!
                }
                #expect(Set(order) == Set(0..<10), "the first ten are released, each once")
                #expect(order != Array(0..<10), "storage order is not the order of completion")
                #expect(stored.allSatisfy { $0.id.count == 32 && $0.id.allSatisfy(\.isHexDigit) })

                // Only the month, and the gender as answered.
                let responses = try await SurveyRepository(db, keyring: TestKeys.keyring).responses(
                    to: "deltagarenkat",
                    units: [fixture.unitA1],
                    period: MonthPeriod(first: Month(Day(fixture.clock.now)), last: Month(Day(fixture.clock.now)))!
                )
                #expect(
                    responses.map { $0.gender?.rawValue ?? "" }.sorted() == Array(repeating: "man", count: 5)
                        + Array(repeating: "woman", count: 5)
                )

                // No audit row names a response, its answers or the participant who completed it.
                let audit = try await AuditLog(db).recent(associationID: nil, limit: 100_000)
                let written = audit.map { "\($0)" }.joined(separator: "\n")
                for row in stored { #expect(!written.contains(row.id)) }
                #expect(!written.contains("fraga-2") && !written.contains("survey_responses"))
                let completions = audit.filter { $0.entry.action == "survey.complete" }
                #expect(completions.count == participants.count)
                #expect(completions.allSatisfy { $0.entry.objectType == "unit" && $0.entry.objectID == fixture.unitA1.description })

                // Every offer is completed, and no session still points at one.
                let open = try await db.select().column("id").from("survey_offers").where("is_completed", .equal, SQLBind(false)).all()
                #expect(open.isEmpty)
                let handed = try await db.select().column("token_hash").from("sessions").where(
                    "handover_survey_offer_id",
                    .isNot,
                    SQLLiteral.null
                ).all()
                #expect(handed.isEmpty)
            }
        }
    }

    @Test(
        "a half-answered survey dies when the device comes back: nothing is stored, the record learns nothing, and handed over again it starts empty"
    )
    func halfAnswered() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let record = "/participants/\(fixture.participantA1)"
            try await browser.get(record)
            #expect(
                try await browser.post(record + "/surveys/\(fixture.surveyOfferA1)/hand-over", [("pin", "1357"), ("language", "sv")])
                    .location == "/take"
            )
            let first = try await browser.get("/take")
            #expect(first.text.contains("Dina svar är anonyma"))
            #expect(try await browser.post("/take/answer", [("item", "kon"), ("value", "woman")]).status == .noContent)
            #expect(try await browser.post("/take/answer", [("item", "fraga-1"), ("value", "sometimes")]).status == .noContent)
            let wrong = try await browser.post("/take/answer", [("item", "fraga-2"), ("value", "perhaps")])
            #expect(wrong.status == .unprocessableContent)

            // Going on without answering every question of the screen is refused, and what was chosen stays.
            let refused = try await browser.post("/take", [("screen", "1"), ("direction", "next"), ("item-fraga-1", "often")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Välj ett svar innan du går vidare."))
            #expect(refused.text.contains(#"name="item-fraga-1" value="often" checked"#))

            #expect(try await browser.post("/take/return", [("secret", "1357")]).status == .seeOther)
            let stored = try await fixture.store.read { db in
                try await db.select().column(SQLLiteral.all).from("survey_responses").all().count
            }
            #expect(stored == 0, "nothing partial is stored")
            let page = try await browser.get(record)
            #expect(!page.text.contains("2 av 10 besvarade"), "the record learns nothing of the answers, not even how many")

            // Handed over again (to the counsellor themself, with their own PIN), nothing of the
            // participant's answers is shown: the draft died when the device came back.
            #expect(
                try await browser.post(record + "/surveys/\(fixture.surveyOfferA1)/hand-over", [("pin", "2468"), ("language", "sv")])
                    .location == "/take"
            )
            let resumed = try await browser.get("/take")
            #expect(resumed.text.contains("Dina svar är anonyma"))
            #expect(!resumed.text.contains("checked"), "a continued survey starts empty")
            #expect(resumed.text.contains("0 av 10 besvarade"))
            #expect(try await browser.post("/take/return", [("secret", "2468")]).status == .seeOther)
            #expect(!(try await browser.get(record).text.contains("av 10 besvarade")))
        }
    }

    /// Stores released responses for unit A1 in October 2026 straight through the repository, as
    /// if their batches had been released (groups of any size: the results must protect them).
    static func storeResponses(
        _ fixture: Fixture,
        _ given: [(Gender?, [String: String])],
        month: String = "2026-10",
        version: Int = 1
    ) async throws {
        try await fixture.store.write { db in
            try await SurveyRepository(db, keyring: TestKeys.keyring).release(
                given.map { gender, answers in
                    AnonymousResponse(
                        instrumentID: "deltagarenkat",
                        version: version,
                        unitID: fixture.unitA1,
                        month: Month(month)!,
                        gender: gender,
                        answers: answers,
                        recordKey: .drawn()
                    )
                }
            )
        }
    }

    @Test(
        "results: every count through the cell key method (for the unit's own staff too), too few responses refused, CSV for the office, a month refused beside its field"
    )
    func results() async throws {
        try await TestApp.run { fixture, client throws in
            // Question 1: women 6 always, 1 never; men 5 always. Everyone: 11 always, 1 never.
            let given: [(Gender?, [String: String])] =
                Array(repeating: (.woman, ["fraga-1": "always"]), count: 6) + [(.woman, ["fraga-1": "never"])]
                + Array(repeating: (.man, ["fraga-1": "always"]), count: 5)
            try await Self.storeResponses(fixture, given)
            try await Self.storeResponses(fixture, Array(repeating: (.woman, ["fraga-1": "always"]), count: 3), month: "2026-07")

            let manager = TestBrowser(client)
            try await manager.signIn(Fixture.email(.manager))
            let page = try await manager.get("/surveys?instrument=deltagarenkat&scope=unit-\(fixture.unitA1)&from=2026-Q4&to=2026-Q4")
            #expect(page.status == .ok)
            let responses = try #require(
                page.text.components(separatedBy: #"<strong id="survey-responses">"#).dropFirst().first?.prefix { $0.isNumber }
            )
            #expect(FollowUpTests.arePublished([String(responses)], of: [12]), "12 responses, published like every count")
            // Even the unit's own manager reads survey counts perturbed: the 1 "never" is never shown as 1.
            #expect(page.text.contains("<svg class=\"survey-chart\""))
            let question = try #require(page.text.components(separatedBy: #"id="question-fraga-1""#).dropFirst().first)
            #expect(!question.contains("<td>..</td>"), "nothing is hidden")
            #expect(!question.contains("<td>1</td>") && !question.contains("<td>2</td>"), "no 1 or 2 is shown")
            #expect(page.text.contains("Mål: minst 75 % positiva svar på Fråga 1, Fråga 5."))

            // The third quarter alone has 3 responses: refused, no figures.
            let few = try await manager.get("/surveys?instrument=deltagarenkat&scope=unit-\(fixture.unitA1)&from=2026-Q3&to=2026-Q3")
            #expect(few.text.contains("Färre än 5 svar under perioden"))
            #expect(!few.text.contains("survey-responses"))

            // A month is no longer a period: it comes back with the reason beside the field, the rest as chosen.
            let month = try await manager.get("/surveys?instrument=deltagarenkat&scope=unit-\(fixture.unitA1)&from=2026-10&to=2026-Q4")
            #expect(month.status == .unprocessableContent)
            #expect(month.text.contains(#"<p class="field-error" id="survey-from-error">Välj ett kvartal i listan.</p>"#))
            #expect(month.text.contains(#"<option value="2026-Q4" selected>Kvartal 4 2026</option>"#))
            #expect(!month.text.contains("survey-responses"))

            // Staff: another unit is refused, the association is the office's, and export is not theirs.
            #expect(
                try await manager.get("/surveys?instrument=deltagarenkat&scope=unit-\(fixture.unitA2)&from=2026-Q4&to=2026-Q4").status
                    == .forbidden
            )
            #expect(
                try await manager.get("/surveys?instrument=deltagarenkat&scope=association&from=2026-Q4&to=2026-Q4").status == .forbidden
            )
            #expect(
                try await manager.get("/surveys/export.csv?instrument=deltagarenkat&scope=unit-\(fixture.unitA1)&from=2026-Q4&to=2026-Q4")
                    .status == .forbidden
            )

            // The office exports the municipality: Swedish CSV, hidden cells as <5, audited.
            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            let csv = try await office.get(
                "/surveys/export.csv?instrument=deltagarenkat&scope=municipality-\(fixture.municipalityA)&from=2026-Q3&to=2026-Q4"
            )
            #expect(csv.status == .ok)
            #expect(csv.text.hasPrefix("\u{FEFF}"))
            let lines = csv.text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ";") }
            #expect(
                lines[0] == [
                    "Enkät", "version", "Område", "Period", "Fråga", "Svar", "Kvinnor", "Män", "Annat eller ej angivet", "Alla",
                ]
            )
            let always = try #require(lines.first { $0[4] == "Fråga 1" && $0[5] == "Alltid" })
            // The third and fourth quarters: women 9 always and 1 never, men 5 always; each published, none hidden.
            #expect(FollowUpTests.arePublished(always[6...], of: [9, 5, 0, 14]), "\(always)")
            let never = try #require(lines.first { $0[4] == "Fråga 1" && $0[5] == "Aldrig" })
            #expect(FollowUpTests.arePublished(never[6...], of: [1, 0, 0, 1]), "\(never)")
            let total = try #require(lines.first { $0[4] == "Fråga 1" && $0[5] == "Totalt" })
            #expect(FollowUpTests.arePublished(total[6...], of: [10, 5, 0, 15]), "\(total)")
            let share = try #require(lines.first { $0[4] == "Fråga 1" && $0[5] == "Andel positiva (%)" })
            #expect(share[9] == "–" || share[9].contains(","), "a share has a decimal comma when shown")
            let exports = try await fixture.store.read { db in
                try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1000)
            }
            .filter { $0.entry.action == "survey.export" }
            #expect(exports.count == 1)

            // No page or export names a response, and there is no way to ask for one.
            let ids = try await fixture.store.read { db in
                try await db.select().column("id").from("survey_responses").all().map { try $0.decode(column: "id", as: String.self) }
            }
            for id in ids { #expect(!page.text.contains(id) && !csv.text.contains(id)) }
            #expect(try await office.get("/surveys/responses/\(ids[0])").status == .notFound)
            #expect(try await office.get("/api/surveys/responses/\(ids[0])").status == .notFound)

            // Too few responses cannot be exported either.
            let none = try await office.get("/surveys/export.csv?instrument=deltagarenkat&scope=association&from=2025-Q1&to=2025-Q4")
            #expect(none.status == .unprocessableContent)
            #expect(none.text.contains("Färre än 5 svar"))
        }
    }

    @Test(
        "questions 5–10 on the extent scale: the share with \"Delvis\" shown beside the positive one, the goal judged by the reading the admin chose, a reading not offered refused beside its field"
    )
    func middleAnswerReading() async throws {
        try await TestApp.run { fixture, client throws in
            // Question 5 (version 2, extent scale): 4 completely, 4 largely, 3 partly, 1 not at all.
            // The counts are published perturbed (the core's tests check the shares exactly).
            let answers = ["completely", "largely", "partly", "not-at-all"]
            let counts = [4, 4, 3, 1]
            let given: [(Gender?, [String: String])] = zip(answers, counts).flatMap { answer, count in
                Array(repeating: (Gender.woman, ["fraga-1": "always", "fraga-5": answer]), count: count)
            }
            try await Self.storeResponses(fixture, given, version: 2)
            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            let path = "/surveys?instrument=deltagarenkat&scope=association&from=2026-Q4&to=2026-Q4"
            let before = try await office.get(path)
            let question = try #require(before.text.components(separatedBy: #"id="question-fraga-5""#).dropFirst().first)
            #expect(question.contains("<th scope=\"col\">Helt och hållet</th>") && question.contains("<th scope=\"col\">Delvis</th>"))
            #expect(question.contains("<th scope=\"col\">Med mittensvaret</th>"))
            #expect(before.text.contains("<th scope=\"col\">Med mittensvaret</th>"), "the share table has the column")
            #expect(!before.text.contains("survey-goal-reading"), "the goal is read by the positive answers alone")

            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let form = try await admin.get("/admin/association")
            #expect(form.text.contains(#"id="surveyShareReading-positive" name="surveyShareReading" value="positive" checked"#))
            let refused = try await admin.post(
                "/admin/association",
                [("name", "Insjöriket ändrat"), ("organisationNumber", "222000-0000"), ("surveyShareReading", "everything")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"<p id="surveyShareReading-error" class="field-error">"#))
            #expect(refused.text.contains(#"value="Insjöriket ändrat""#), "what was typed is kept")
            #expect(
                try await fixture.store.read { db in try await OrganisationRepository(db).association(fixture.associationA) }?.name
                    != "Insjöriket ändrat",
                "nothing saved half"
            )
            let saved = try await admin.post(
                "/admin/association",
                [("name", "Insjöriket"), ("organisationNumber", ""), ("surveyShareReading", "with-middle")]
            )
            #expect(saved.location?.hasPrefix("/admin/association") == true)
            #expect(
                try await fixture.store.read { db in try await OrganisationRepository(db).association(fixture.associationA) }?
                    .surveyShareReading == .withMiddle
            )

            let after = try await office.get(path)
            #expect(
                after.text.contains(
                    #"<p class="goal-line" id="survey-goal-reading">Förbundet räknar målet med mittensvaret (Ibland, Delvis).</p>"#
                )
            )
            let csv = try await office.get(path.replacingOccurrences(of: "/surveys?", with: "/surveys/export.csv?"))
            let lines = csv.text.dropFirst().components(separatedBy: "\r\n").map { $0.components(separatedBy: ";") }
            #expect(lines.contains { $0.count > 5 && $0[4] == "Fråga 5" && $0[5] == "Med mittensvaret (%)" })
            #expect(lines.contains { $0.count > 5 && $0[4] == "Fråga 1" && $0[5] == "Med mittensvaret (%)" }, "question 1's \"Ibland\" too")
        }
    }

    @Test("the exit survey's wording is locked: a new version with a question reworded is refused, one correcting the scale is taken")
    func lockedWording() async throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/FramstegStore/Instruments/deltagarenkat-2.json")
        let shipped = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"version\": 2", with: "\"version\": 3")
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            try await admin.get("/admin/instruments")
            let reworded = shipped.replacingOccurrences(
                of: "Har stödet fått ta den tid du behövt?",
                with: "Har stödet tagit den tid det tog?"
            )
            let refused = try await admin.post("/admin/instruments", [("definition", reworded)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("har låst ordalydelse") && refused.text.contains("frågan fraga-3"))
            #expect(refused.text.contains("Har stödet tagit den tid det tog?"), "the definition comes back as typed")

            let corrected = shipped.replacingOccurrences(of: "\"sv\": \"Oftast\"", with: "\"sv\": \"För det mesta\"")
            #expect(
                try await admin.post("/admin/instruments", [("definition", corrected)]).location
                    == "/admin/instruments?notice=instrumentAdded"
            )
        }
    }

    @Test(
        "the municipality's support contact: set by the admin, shown to the counsellor and, after the questions about violence, to every participant"
    )
    func supportContact() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            try await admin.get("/admin/municipalities")
            let tooLong = try await admin.post(
                "/admin/municipalities/\(fixture.municipalityA)/support-contact",
                [("contact", String(repeating: "x", count: 1001))]
            )
            #expect(tooLong.status == .unprocessableContent)
            let contact = "Lerums kommun, Kvinnofridsteamet\n0302-52 10 00 (vardagar 8–16)"
            #expect(
                try await admin.post("/admin/municipalities/\(fixture.municipalityA)/support-contact", [("contact", contact)]).status
                    == .seeOther
            )

            let counsellor = TestBrowser(client)
            try await counsellor.signIn(Fixture.email(.counsellor))
            let record = try await counsellor.get("/participants/\(fixture.participantA1)?tab=measurements")
            #expect(record.text.contains("/units/\(fixture.unitA1)/violence-support"))
            let support = try await counsellor.get("/units/\(fixture.unitA1)/violence-support")
            #expect(support.text.contains("Kvinnofridsteamet") && support.text.contains("0302-52 10 00"))

            // The participant answers "no" to everything and still sees the contact: it reveals nothing.
            #expect(
                try await counsellor.post(
                    "/participants/\(fixture.participantA1)/surveys",
                    [("instrument", "vald-i-nara-relationer"), ("pin", ""), ("language", "sv")]
                ).location == "/take"
            )
            let answers = ["kon": "other", "fysiskt": "no", "psykiskt": "no", "sexuellt": "no", "hot": "no", "vill-ha-stod": "no"]
            for (item, value) in answers {
                #expect(try await counsellor.post("/take/answer", [("item", item), ("value", value)]).status == .noContent)
            }
            #expect(try await counsellor.post("/take", [("screen", "2"), ("direction", "finish")]).location == "/take/done")
            let done = try await counsellor.get("/take/done")
            #expect(done.text.contains("Om du behöver stöd") && done.text.contains("Kvinnofridsteamet"))
            #expect(
                try await counsellor.post("/take/return", [("secret", Fixture.password)]).location
                    == "/participants/\(fixture.participantA1)?tab=measurements&notice=deviceReturned#surveys"
            )
            let after = try await counsellor.get("/participants/\(fixture.participantA1)?tab=measurements")
            #expect(after.text.contains("Besvarad"))
        }
    }
}
