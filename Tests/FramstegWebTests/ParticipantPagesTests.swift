import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Participants: registering, the record and the journey")
struct ParticipantPagesTests {
    static func form(_ overrides: [String: String] = [:]) -> [(String, String)] {
        var fields: [String: String] = [
            "personalIdentityNumber": "19900101-0017", "name": "Nils Ny", "phone": "070-111 22 33", "email": "",
            "gender": "man", "referrerKind": "self", "referrerName": "", "reason": "Vill komma tillbaka till arbete", "consent": "yes",
        ]
        for (key, value) in overrides { fields[key] = value }
        return fields.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty || $0.key == "email" }.map { ($0.key, $0.value) }
    }

    @Test("a wrong check digit comes back with everything typed and a Swedish message beside the number")
    func registerRefused() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let response = try await browser.post(
                "/units/\(fixture.unitA1)/participants",
                Self.form(["personalIdentityNumber": "19900101-0018", "consent": ""]) + [
                    ("municipality", fixture.municipalityA.description), ("authorities", "fk"),
                ]
            )
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains("Kontrollsiffran stämmer inte."))
            #expect(html.contains("Samtycke krävs"))
            #expect(html.contains(#"value="19900101-0018""#))
            #expect(html.contains(#"value="Nils Ny""#))
            #expect(html.contains("Vill komma tillbaka till arbete</textarea>"))
            #expect(html.contains(#"id="authority-fk" name="authorities" value="fk" checked"#))
            #expect(
                try await fixture.store.read { db in
                    try await ParticipantRepository(db, keyring: TestKeys.keyring).participants(inUnit: fixture.unitA1)
                }.count == 1
            )
        }
    }

    @Test("another unit's staff register a person under way in unit A1 as their own, and learn nothing of A1")
    func noWordOfAnotherUnit() async throws {
        try await TestApp.run(beforeStart: { fixture in
            try await fixture.store.write { db in
                _ = try await UserRepository(db).create(
                    in: fixture.associationA,
                    email: "steget@a.test",
                    name: "Handledare Steget",
                    role: .counsellor,
                    unitIDs: [fixture.unitA2],
                    passwordHash: try await Passwords(cost: 4).hash(Fixture.password),
                    now: fixture.clock.now
                )
            }
        }) { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn("steget@a.test")
            // Sara Lind's journey is under way in A1; in A2 the same number registers like any other.
            let created = try await browser.post(
                "/units/\(fixture.unitA2)/participants",
                Self.form(["personalIdentityNumber": "811218-9876", "name": "Sara Lind"]) + [
                    ("municipality", fixture.municipalityA.description)
                ]
            )
            let location = try #require(created.location)
            #expect(location.hasPrefix("/participants/") && location != "/participants/\(fixture.participantA1)")
            let record = try await browser.get(location)
            #expect(!record.text.contains("ACTivera"), "nothing of unit A1 is shown")
            // Registered twice in A2 while under way there, the refusal speaks of A2 only.
            let again = try await browser.post(
                "/units/\(fixture.unitA2)/participants",
                Self.form(["personalIdentityNumber": "811218-9876", "name": "Sara Lind"]) + [
                    ("municipality", fixture.municipalityA.description)
                ]
            )
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("Personen har redan en pågående registrering i verksamheten."))
            #expect(!again.text.contains("förbundet") && !again.text.contains("ACTivera"))
        }
    }

    @Test("registering twice while a journey is ongoing is refused; a new registration opens the record")
    func registerAndOpen() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let duplicate = try await browser.post(
                "/units/\(fixture.unitA1)/participants",
                Self.form(["personalIdentityNumber": "811218-9876"]) + [("municipality", fixture.municipalityA.description)]
            )
            #expect(duplicate.text.contains("Personen har redan en pågående registrering"))
            let created = try await browser.post(
                "/units/\(fixture.unitA1)/participants",
                Self.form() + [("municipality", fixture.municipalityA.description)]
            )
            let location = try #require(created.location)
            #expect(location.hasPrefix("/participants/"))
            #expect(location.hasSuffix("?tab=journey&notice=participantRegistered#eligibility"), "on to the eligibility check")
            let landing = try await browser.get(location)
            #expect(landing.status == .ok)
            #expect(landing.text.contains("Deltagaren är registrerad."))
            #expect(landing.text.contains(#"<section id="eligibility""#))
            let record = try await browser.get(String(location.prefix { $0 != "?" }) + "?tab=details")
            #expect(record.text.contains("19900101-0017"))
            #expect(record.text.contains("Vill komma tillbaka till arbete"))
        }
    }

    @Test("every open of a record writes an audit row naming the participant")
    func readIsAudited() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.recordsManagerEmail)
            try await browser.get("/participants/\(fixture.participantA1)")
            try await browser.get("/participants/\(fixture.participantA1)")
            let rows = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 2) }
            #expect(rows.map(\.entry.action) == ["participant.read", "participant.read"])
            #expect(rows.allSatisfy { $0.entry.objectID == fixture.participantA1.description && $0.entry.role == .manager })
        }
    }

    @Test("a unit manager sees the unit without its participants' names unless the association granted record access")
    func managerSeesFiguresNotPeople() async throws {
        try await TestApp.run { fixture, client throws in
            let manager = TestBrowser(client)
            try await manager.signIn(Fixture.email(.manager))
            let unit = try await manager.get("/units/\(fixture.unitA1)")
            #expect(unit.status == .ok)
            #expect(!unit.text.contains("Sara Lind") && unit.text.contains(#"id="records-not-granted""#))
            #expect(!unit.text.contains("/participants/new"))
            #expect(try await manager.get("/participants/\(fixture.participantA1)").status == .forbidden)
            let granted = TestBrowser(client)
            try await granted.signIn(Fixture.recordsManagerEmail)
            #expect(try await granted.get("/units/\(fixture.unitA1)").text.contains("Sara Lind"))
            #expect(try await granted.get("/participants/\(fixture.participantA1)").status == .ok)
        }
    }

    @Test("the admin grants and withdraws a manager's record access, audited, and a withdrawn right ends the manager's sessions")
    func grantingRecordAccess() async throws {
        try await TestApp.run { fixture, client throws in
            let manager = TestBrowser(client)
            try await manager.signIn(Fixture.recordsManagerEmail)
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let user = try #require(
                try await fixture.store.read { db in
                    try await UserRepository(db).credentials(email: Fixture.recordsManagerEmail).first?.user
                }
            )
            let page = try await admin.get("/admin/users/\(user.id)")
            #expect(page.text.contains(#"id="mayOpenRecords" name="mayOpenRecords" value="yes""#) && page.text.contains("checked"))
            #expect(try await admin.post("/admin/users/\(user.id)/records", []).location?.contains("notice=saved") == true)
            let audit = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1) }
            #expect(audit.first?.entry.action == "user.record-access")
            #expect(try await manager.get("/participants/\(fixture.participantA1)").location?.hasPrefix("/sign-in") == true)
            try await manager.signIn(Fixture.recordsManagerEmail)
            #expect(try await manager.get("/participants/\(fixture.participantA1)").status == .forbidden)
        }
    }

    @Test(
        "a record shown again around a refused form, a unit's page, the working view, the API's list and interventions all write their read rows"
    )
    func everyReadIsAudited() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            try await browser.get(path)
            let newest = { @Sendable () async throws -> AuditEntry? in
                try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1) }.first?
                    .entry
            }
            let refused = try await browser.post(path + "/steps", [("event", "start"), ("day", "2099-01-01")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"id="summary-state""#), "the refused form comes back with the record around it")
            #expect(try await newest()?.action == "participant.read")
            #expect(try await browser.get("/api/units/\(fixture.unitA1)/participants").status == .ok)
            let list = try await newest()
            #expect(list?.action == "participants.list" && list?.objectID == fixture.unitA1.description)
            #expect(try await browser.get("/api/participants/\(fixture.participantA1)/interventions").status == .ok)
            #expect(try await newest()?.action == "participant.interventions.read")
            #expect(try await browser.get("/units/\(fixture.unitA1)").status == .ok)
            #expect(try await newest().map { [$0.action, $0.objectType] } == ["participants.list", "unit"])
            #expect(try await browser.get("/units").status == .ok)
            #expect(try await newest().map { [$0.action, $0.objectType] } == ["participants.list", "working-view"])
        }
    }

    @Test("steps follow the state machine; a wrong day or step is explained and nothing is recorded")
    func journeySteps() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            try await browser.get(path)
            let tooEarly = try await browser.post(path + "/steps", [("event", "start"), ("day", "2027-01-15")])
            #expect(tooEarly.status == .unprocessableContent)
            #expect(tooEarly.text.contains("Det steget kan inte tas i det här läget av resan."))
            let future = try await browser.post(path + "/steps", [("event", "information"), ("day", "2099-01-01")])
            #expect(future.text.contains("Datumet kan inte ligga i framtiden."))
            #expect(future.text.contains(#"value="2099-01-01""#))
            let today = Day(fixture.clock.now).description
            #expect(
                try await browser.post(path + "/steps", [("event", "information"), ("day", today)]).location == path
                    + "?tab=journey&notice=stepRecorded#journey"
            )
            // Nothing on the checklist is confirmed: the start is refused beside the reason, then taken as an exception with it.
            let exception = try await browser.post(path + "/steps", [("event", "start"), ("day", today)])
            #expect(exception.status == .unprocessableContent)
            #expect(
                exception.text.contains(
                    #"<p id="reason-error" class="field-error">8 målgruppskriterier är inte bekräftade. Bekräfta dem, eller skriv här varför deltagaren ändå börjar (ett undantag).</p>"#
                )
            )
            #expect(exception.text.contains(##"<a href="#reason">8 målgruppskriterier"##), "the error summary links to the reason")
            #expect(
                try await browser.post(path + "/steps", [("event", "start"), ("day", today), ("reason", "Kontakt med vården pågår")]).status
                    == .seeOther
            )
            let journey = try await browser.get(path + "?tab=journey").text
            #expect(journey.contains("Inskrivning (start): Kontakt med vården pågår"), "the exception's reason is kept with the step")
            let exitWithoutOutcome = try await browser.post(path + "/steps", [("event", "exit"), ("day", today)])
            #expect(exitWithoutOutcome.text.contains("Fyll i det här fältet."))
            let participant = try await fixture.store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).participant(fixture.participantA1)
            }
            #expect(participant?.state == .introduction)
            #expect(participant?.responsibleCounsellor != nil, "the counsellor who starts the journey becomes responsible")
            let page = try await browser.get(path)
            #expect(page.text.contains("Introduktion"))
            #expect(page.text.contains("Inskrivning (start)"))
            #expect(!page.text.contains("nil"), "an absent value was rendered as nil")
        }
    }
}

@Suite("Exit document")
struct ExitDocumentTests {
    @Test("after exit: period, outcome, blocks and the responsible counsellor, ready to print; before exit it explains")
    func exitDocument() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            #expect(try await browser.get(path + "/exit-document").text.contains("kan tas fram när deltagaren har avslutats"))
            try await browser.get(path)
            var day = Day(fixture.clock.now)
            for (event, extra, days) in [
                ("information", [(String, String)](), 0), ("start", [("reason", "Undantag i test")], 3), ("multi-party-meeting", [], 60),
                ("check-in", [], 70), ("exit", [("outcome", "studies")], 50),
            ] {
                fixture.clock.advance(minutes: Double(days) * 24 * 60)
                try await browser.signIn(Fixture.email(.counsellor))
                day = Day(fixture.clock.now)
                let response = try await browser.post(path + "/steps", [("event", event), ("day", day.description)] + extra)
                #expect(response.status == .seeOther, "\(event): \(response.status)")
            }
            let document = try await browser.get(path + "/exit-document")
            #expect(document.status == .ok)
            let html = document.text
            #expect(html.contains("<h1>Avslutsdokument – Sara Lind</h1>"))
            #expect(html.contains("(180 dagar, 5,9 månader)"), "a decimal comma in Swedish")
            #expect(html.contains("<dd>Studier</dd>"))
            #expect(html.contains("<dt>Insatsblock</dt><dd>2</dd>"))
            #expect(html.contains("<dd>Test counsellor</dd>"))
            #expect(html.contains("19811218-9876"))
            let audit = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1) }
            #expect(audit.first?.entry.action == "participant.exit-document")
            #expect(try await browser.get(path).text.contains(#"href="/participants/\#(fixture.participantA1)/exit-document""#))
        }
    }
}

@Suite("Eligibility checklist")
struct EligibilityTests {
    @Test("age is computed from the number; confirmed criteria keep who and when; unchanged answers keep their stamp")
    func checklist() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            let before = try await browser.get(path + "?tab=journey").text
            #expect(before.contains("Ålder 16–66 år: <strong>Ja</strong> (45 år)"))
            #expect(before.contains("Folkbokförd i en av förbundets kommuner: <strong>Ja</strong> (Lerum)"))
            #expect(before.contains(#"id="unassessed-goal" name="answer-goal" value="" checked"#), "never answered: not assessed")
            let saved = try await browser.post(
                path + "/eligibility",
                [("answer-unemployed", "met"), ("answer-voluntary", "met"), ("answer-goal", "met"), ("answer-language", "")]
            )
            #expect(saved.location == path + "?tab=journey&notice=eligibilitySaved#eligibility")
            fixture.clock.advance(minutes: 10)
            // "Not met" needs a note: refused, in the section, with what was typed kept.
            let refused = try await browser.post(
                path + "/eligibility",
                [("answer-unemployed", "met"), ("answer-goal", "not-met"), ("note-goal", " "), ("answer-voluntary", "not-met")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(##"<a href="#note-goal">Skriv varför kriteriet inte är uppfyllt.</a>"##))
            #expect(
                refused.text.contains(#"<p id="note-voluntary-error" class="field-error">Skriv varför kriteriet inte är uppfyllt.</p>"#)
            )
            #expect(refused.text.contains(#"id="not-met-goal" name="answer-goal" value="not-met" checked"#))
            try await browser.post(
                path + "/eligibility",
                [
                    ("answer-unemployed", "met"), ("answer-voluntary", "met"), ("answer-goal", "not-met"),
                    ("note-goal", "Vill först bli frisk"),
                ]
            )
            let answers = try await fixture.store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).eligibility(of: fixture.participantA1)
            }
            #expect(answers["unemployed"]?.isMet == true)
            #expect(answers["goal"]?.isMet == false)
            #expect(answers["goal"]?.note == "Vill först bli frisk")
            #expect(answers["language"] == nil, "never ticked: not confirmed, not a confirmed no")
            #expect(
                answers["voluntary"]?.checkedAt == Date(timeIntervalSince1970: 1_800_000_000),
                "an unchanged answer keeps its first stamp"
            )
            #expect(answers["goal"]?.checkedAt == Date(timeIntervalSince1970: 1_800_000_600))
            let page = try await browser.get(path + "?tab=journey").text
            #expect(page.contains(#"id="met-voluntary" name="answer-voluntary" value="met" checked"#))
            #expect(page.contains(#"<textarea id="note-goal" name="note-goal""#) && page.contains(">Vill först bli frisk</textarea>"))
            #expect(!page.contains(#"id="unassessed-goal""#), "once answered, not assessed is no longer offered")
            #expect(page.contains(#"id="unassessed-language""#))
            #expect(page.contains("bekräftat av Test counsellor, 2027-01-15"))
        }
    }
    @Test("once the journey has started or ended, a hand-made post to the checklist is refused and nothing changes")
    func closedChecklist() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            try await browser.get(path)
            let today = Day(fixture.clock.now).description
            for (event, extra) in [
                ("information", [(String, String)]()), ("start", [("reason", "Undantag i test")]), ("exit", [("outcome", "studies")]),
            ] {
                let step = try await browser.post(path + "/steps", [("event", event), ("day", today)] + extra)
                #expect(step.status == .seeOther, "\(event): \(step.status)")
            }
            let refused = try await browser.post(path + "/eligibility", [("answer-unemployed", "met"), ("answer-voluntary", "met")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Behörigheten kan bara ändras innan deltagaren har skrivits in."))
            #expect(!refused.text.contains(#"action="/participants/\#(fixture.participantA1)/eligibility""#), "no form is offered")
            let answers = try await fixture.store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).eligibility(of: fixture.participantA1)
            }
            #expect(answers.isEmpty, "nothing was saved")
            let actions = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 50)
            }
            .map(\.entry.action)
            #expect(!actions.contains("participant.eligibility"))
        }
    }
}

@Suite("The counsellor's working view")
struct WorkingViewTests {
    @Test("registrations waiting in my units, with days waited and the two-week goal; then my started participants")
    func workingView() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let fresh = try await browser.get("/units").text
            #expect(fresh.contains(#"<a href="/participants/\#(fixture.participantA1)">Sara Lind</a>"#))
            #expect(!fresh.contains("Omar Berg"), "a participant of another unit is not listed")
            #expect(!fresh.contains("över målet"))
            #expect(fresh.contains("Du är inte ansvarig för någon pågående deltagare."))

            fixture.clock.advance(minutes: 20 * 24 * 60)
            #expect(try await browser.get("/units").location == "/sign-in?expired=1&return=/units", "twenty days idle end the session")
            try await browser.signIn(Fixture.email(.counsellor))
            let late = try await browser.get("/units").text
            #expect(late.contains(#"<tr class="overdue">"#))
            #expect(late.contains("20 <strong>(över målet)</strong>"))

            let path = "/participants/\(fixture.participantA1)"
            let today = Day(fixture.clock.now).description
            try await browser.get(path)
            #expect(try await browser.post(path + "/steps", [("event", "information"), ("day", today)]).status == .seeOther)
            #expect(
                try await browser.post(path + "/steps", [("event", "start"), ("day", today), ("reason", "Undantag i test")]).status
                    == .seeOther
            )
            let started = try await browser.get("/units").text
            #expect(started.contains("Inga anmälningar väntar."))
            #expect(started.contains("Mina deltagare"))
            #expect(
                started.contains(
                    #"<td><a href="/participants/\#(fixture.participantA1)">Sara Lind</a></td><td>ACTivera Lerum</td><td>Introduktion</td>"#
                )
            )
        }
    }
}
