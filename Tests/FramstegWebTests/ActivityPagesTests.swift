import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Signs in as the unit's counsellor and starts the fixture's participant today.
func startedParticipant(_ fixture: Fixture, _ browser: TestBrowser) async throws -> String {
    try await browser.signIn(Fixture.email(.counsellor))
    let path = "/participants/\(fixture.participantA1)"
    let today = Day(fixture.clock.now).description
    try await browser.get(path)
    #expect(try await browser.post(path + "/steps", [("event", "information"), ("day", today)]).status == .seeOther)
    // Every criterion confirmed, so the start is no exception.
    #expect(
        try await browser.post(path + "/eligibility", EligibilityRules.standard.criteria.map { ("answer-" + $0.key, "met") }).status
            == .seeOther
    )
    #expect(try await browser.post(path + "/steps", [("event", "start"), ("day", today)]).status == .seeOther)
    return path
}

@Suite("Interventions, meetings and hours on the record")
struct ActivityPagesTests {
    @Test("interventions: a wrong form comes back as typed; running types together are named; ending checks the day")
    func interventions() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now)
            let refused = try await browser.post(
                path + "/interventions",
                [
                    ("type", "job"), ("provider", "employer"), ("title", "Praktik på lager"), ("placement", "yes"), ("employerName", ""),
                    ("start", today.description), ("end", today.adding(days: -1).description),
                ]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"<p id="intervention-employer-error" class="field-error">Fyll i det här fältet.</p>"#))
            #expect(refused.text.contains("Slutdatumet kan inte vara före startdatumet."))
            #expect(refused.text.contains(#"value="Praktik på lager""#))
            #expect(refused.text.contains(#"<option value="employer" selected>"#))
            #expect(refused.text.contains(#"id="intervention-placement" name="placement" value="yes" checked"#))

            #expect(
                try await browser.post(
                    path + "/interventions",
                    [
                        ("type", "job"), ("provider", "employer"), ("title", "Praktik på lager"), ("placement", "yes"),
                        ("employerName", "Lagerbolaget AB"),
                        ("start", today.description), ("end", ""),
                    ]
                ).location == path + "?tab=activities&notice=interventionAdded#interventions"
            )
            #expect(
                try await browser.post(
                    path + "/interventions",
                    [
                        ("type", "health"), ("provider", "region"), ("title", "Fysioterapi"), ("start", today.description), ("end", ""),
                    ]
                ).status == .seeOther
            )
            let record = try await browser.get(path + "?tab=activities").text
            #expect(record.contains("Kombinerade insatser: arbetsinriktat tillsammans med annat stöd."))
            #expect(record.contains(#"<span class="tag">Praktik hos en arbetsgivare: Lagerbolaget AB</span>"#))

            let interventions = try await fixture.store.read { db in
                try await ActivityRepository(db, keyring: TestKeys.keyring).interventions(of: fixture.participantA1)
            }
            let health = try #require(interventions.first { $0.type == .health })
            let early = try await browser.post(path + "/interventions/\(health.id)/end", [("end", today.adding(days: -3).description)])
            #expect(early.status == .unprocessableContent)
            #expect(
                early.text.contains(
                    #"<p id="end-\#(health.id)-error" class="field-error">Slutdatumet kan inte vara före startdatumet.</p>"#
                )
            )
            #expect(try await browser.post(path + "/interventions/\(health.id)/end", [("end", today.description)]).status == .seeOther)
            let again = try await browser.post(path + "/interventions/\(health.id)/end", [("end", today.description)])
            #expect(again.text.contains("Insatsen är redan avslutad."))
            #expect(try await browser.post(path + "/interventions/999999/end", [("end", today.description)]).status == .notFound)
            // The refused forms around them wrote their read rows too; the two changes are among the newest rows.
            let actions = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 8)
            }.map(\.entry.action).filter { $0 != "participant.read" }
            #expect(actions.contains("participant.intervention.end") && actions.contains("participant.intervention.add"))
        }
    }

    @Test("interventions are refused before the start, and the form is not offered")
    func interventionsNeedAStart() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            #expect(try await browser.get(path + "?tab=activities").text.contains("Inga insatser registrerade."))
            #expect(!(try await browser.get(path + "?tab=activities").text.contains(#"action="\#(path)/interventions""#)))
            let refused = try await browser.post(
                path + "/interventions",
                [("type", "job"), ("provider", "unit"), ("title", "x"), ("start", Day(fixture.clock.now).description)]
            )
            #expect(refused.text.contains("Det går bara medan deltagaren är inskriven."))
        }
    }

    @Test("meetings: notes are kept as typed on a wrong form, sealed at rest, shown on the record; a planned one is on the work list")
    func meetings() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now)
            let refused = try await browser.post(
                path + "/meetings",
                [("kind", ""), ("day", "2027-13-01"), ("attendees", "participant"), ("notes", "Pratade om sömn & oro")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Pratade om sömn &amp; oro</textarea>"))
            #expect(refused.text.contains(#"<p id="meeting-day-error" class="field-error">Ange ett datum som ÅÅÅÅ-MM-DD.</p>"#))
            #expect(refused.text.contains(#"id="attendee-participant" name="attendees" value="participant" checked"#))
            #expect(!refused.text.contains(#"id="attendee-referrer" name="attendees" value="referrer" checked"#))

            #expect(
                try await browser.post(
                    path + "/meetings",
                    [
                        ("kind", "individual"), ("day", today.description), ("attendees", "participant"), ("attendees", "counsellor"),
                        ("notes", "Pratade om sömn & oro"), ("decisions", "Boka vårdcentral"),
                    ]
                ).location == path + "?tab=meetings&notice=meetingSaved#meetings"
            )
            let planned = today.adding(days: 1)
            #expect(
                try await browser.post(
                    path + "/meetings",
                    [("status", "planned"), ("kind", "multi-party"), ("day", planned.description), ("time", "13:00")]
                ).status == .seeOther
            )
            let raw = try await fixture.store.read { db in
                try await db.select().columns("notes_sealed", "decisions_sealed").from("meetings").all()
                    .map {
                        "\(try $0.decode(column: "notes_sealed", as: String?.self) ?? "") \(try $0.decode(column: "decisions_sealed", as: String?.self) ?? "")"
                    }
                    .joined()
            }
            #expect(!raw.contains("sömn") && !raw.contains("vårdcentral"))
            let record = try await browser.get(path + "?tab=meetings").text
            #expect(record.contains("<strong>Anteckningar:</strong> Pratade om sömn &amp; oro"))
            #expect(record.contains("<strong>Beslut:</strong> Boka vårdcentral"))
            #expect(record.contains("<strong>\(planned) 13:00</strong> · Flerpartsmöte"), "among the planned meetings")
            let working = try await browser.get("/units").text
            #expect(working.contains("\(planned) <strong>13:00</strong>"))
            #expect(working.contains(">Flerpartsmöte</a>"))
        }
    }

    @Test("hours: goals are capped at half time, attendance is for weeks begun; the chart and its table show both")
    func hours() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let week = Week(containing: Day(fixture.clock.now))
            let tooMuch = try await browser.post(path + "/hours-goal", [("week", week.description), ("hours", "25")])
            #expect(tooMuch.status == .unprocessableContent)
            #expect(tooMuch.text.contains("Ange mellan 0,5 och 20 timmar."))
            #expect(tooMuch.text.contains(#"id="goal-hours" name="hours" inputmode="decimal" value="25""#))
            #expect(
                try await browser.post(path + "/hours-goal", [("week", week.description), ("hours", "6")]).location == path
                    + "?tab=activities&notice=goalSaved#hours"
            )
            let future = try await browser.post(path + "/hours", [("week", week.adding(weeks: 1).description), ("hours", "4")])
            #expect(future.text.contains("Datumet ligger för långt fram."))
            #expect(try await browser.post(path + "/hours", [("week", week.description), ("hours", "7,5")]).status == .seeOther)
            let record = try await browser.get(path + "?tab=activities").text
            #expect(record.contains("Nuvarande mål: <strong>6</strong>"))
            #expect(record.contains(#"<svg class="hours-chart""#))
            #expect(record.contains(#"<rect class="attended reached""#), "7,5 hours against a goal of 6")
            #expect(record.contains(#"<polyline class="goal""#))
            #expect(record.contains(#"<tr><td>\#(week)</td><td class="number">6</td><td class="number">7,5</td></tr>"#))
        }
    }

    @Test("contact details: a wrong e-mail comes back as typed; a change is saved and audited")
    func contact() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            #expect(
                try await browser.get(path + "?tab=details").text.contains(
                    #"id="contact-phone" name="phone" type="tel" value="070-000 00 00""#
                )
            )
            let refused = try await browser.post(
                path + "/contact",
                [("name", "Sara Lind"), ("phone", ""), ("email", "sara@"), ("referrerName", "Ek")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"<p id="contact-email-error" class="field-error">"#))
            #expect(refused.text.contains(#"value="sara@""#))
            #expect(refused.text.contains("<details id=\"contact\" open>"))
            #expect(
                try await browser.post(
                    path + "/contact",
                    [("name", "Sara Lind"), ("phone", "070-999 88 77"), ("email", ""), ("referrerName", "Ek")]
                )
                .location == path + "?tab=details&notice=saved#contact"
            )
            let saved = try await fixture.store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).participant(fixture.participantA1)
            }
            #expect(saved?.phone == "070-999 88 77")
            #expect(saved?.referrerName == "Ek")
            let audit = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1) }
            #expect(audit.first?.entry.action == "participant.contact")
        }
    }

    @Test("the working view lists the overdue multi-party meeting under overdue, and calls it overdue")
    func dueItems() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            _ = try await startedParticipant(fixture, browser)
            fixture.clock.advance(minutes: 45 * 24 * 60)
            try await browser.signIn(Fixture.email(.counsellor))
            let page = try await browser.get("/units").text
            let due = try #require(page.range(of: #"<table class="due-items" id="due-overdue">"#)).upperBound
            let firstRow = String(page[due...].prefix(700))
            #expect(firstRow.contains(#"<tr class="overdue">"#))
            #expect(firstRow.contains(#"<strong class="overdue-tag">(försenad)</strong>"#), "overdue is called overdue")
            #expect(
                firstRow.contains(#"?tab=journey#journey">Flerpartsmöte (introduktionen slutar)</a>"#),
                "it opens where the step is recorded"
            )
            #expect(firstRow.contains("Sara Lind"))
        }
    }

    @Test("the referrer's summary states the decline and its reason, and its opening is audited")
    func referrerSummary() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            try await browser.get(path)
            #expect(!(try await browser.get(path).text.contains("referrer-summary")))
            #expect(
                try await browser.post(
                    path + "/steps",
                    [
                        ("event", "decline"), ("day", Day(fixture.clock.now).description),
                        ("reason", "Bor utanför förbundets kommuner"),
                    ]
                ).status == .seeOther
            )
            #expect(try await browser.get(path).text.contains(#"href="\#(path)/referrer-summary""#))
            let summary = try await browser.get(path + "/referrer-summary").text
            #expect(summary.contains("Intresseanmälan är avböjd."))
            #expect(summary.contains("Bor utanför förbundets kommuner"))
            #expect(summary.contains("Test counsellor, ACTivera Lerum"))
            let audit = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1) }
            #expect(audit.first?.entry.action == "participant.referrer-summary")
        }
    }

    @Test("the exit document lists interventions, hours and the plan from the exit meeting, never the notes")
    func exitDocument() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now)
            try await browser.post(
                path + "/interventions",
                [("type", "competence"), ("provider", "municipality"), ("title", "Svenska för yrkeslivet"), ("start", today.description)]
            )
            try await browser.post(path + "/hours-goal", [("week", Week(containing: today).description), ("hours", "8")])
            try await browser.post(path + "/hours", [("week", Week(containing: today).description), ("hours", "6")])
            try await browser.post(
                path + "/meetings",
                [("kind", "exit"), ("day", today.description), ("notes", "Hemlig anteckning"), ("decisions", "Börjar på Komvux i augusti")]
            )
            #expect(
                try await browser.post(path + "/steps", [("event", "exit"), ("day", today.description), ("outcome", "studies")]).status
                    == .seeOther
            )
            let document = try await browser.get(path + "/exit-document").text
            #expect(
                document.contains("<td>Kompetenshöjande</td><td>Svenska för yrkeslivet</td><td>Kommunen</td><td>\(today) – \(today)</td>")
            )
            #expect(document.contains("6 timmar under 1 vecka med registrerad närvaro; mål 8 → 8 timmar per vecka."))
            #expect(document.contains("1 möte, varav 0 flerpartsmöten och 0 avstämningsmöten."), "each count in its own number")
            #expect(document.contains("(0 dagar, 0,0 månader)"), "a decimal comma in Swedish")
            #expect(document.contains("<p>Börjar på Komvux i augusti</p>"))
            #expect(!document.contains("Hemlig anteckning"))
        }
    }
}
