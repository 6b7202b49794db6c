import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HummingbirdTesting
import Testing

/// The register's duties through the pages (issue 20): log and register extracts, the log review
/// with its sample and record, retention periods, the access review, and protected personal data.
@Suite("Extracts, log review, retention, access review and protected personal data")
struct DutiesPagesTests {
    static let number = "19811218-9876"

    static func auditActions(_ fixture: Fixture) async throws -> [String] {
        try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 200) }.map(
            \.entry.action
        )
    }

    @Test(
        "the log extract names who read the person's record, in words and Swedish time, as a page and CSV; an unknown number is refused beside the field; each extract is audited"
    )
    func logExtract() async throws {
        try await TestApp.run { fixture, client throws in
            let counsellor = TestBrowser(client)
            _ = try await startedParticipant(fixture, counsellor)
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            try await admin.get("/admin/extracts")
            let page = try await admin.post(
                "/admin/extracts/log",
                [("personalIdentityNumber", Self.number), ("from", ""), ("through", "")]
            )
            #expect(page.status == .ok)
            #expect(page.text.contains("Loggutdrag: Sara Lind"))
            #expect(page.text.contains("<td>Test counsellor</td><td>Handledare</td><td>ACTivera Lerum</td><td>Öppnade journalen</td>"))
            let csv = try await admin.post(
                "/admin/extracts/log",
                [("personalIdentityNumber", Self.number), ("from", ""), ("through", ""), ("format", "csv")]
            )
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.contains("Tid (svensk tid);Vem;Roll;Verksamhet;Vad;Utfall") && csv.text.contains("Öppnade journalen"))
            #expect(try await Self.auditActions(fixture).filter { $0 == "participant.log-extract" }.count == 2)

            // A period with nothing in it says so.
            let empty = try await admin.post(
                "/admin/extracts/log",
                [("personalIdentityNumber", Self.number), ("from", "2020-01-01"), ("through", "2020-01-31")]
            )
            #expect(empty.text.contains("Ingen har läst eller ändrat uppgifter om personen under perioden."))

            let unknown = try await admin.post(
                "/admin/extracts/log",
                [("personalIdentityNumber", "19790101-0008"), ("from", "2026-01-01"), ("through", "2025-01-01")]
            )
            #expect(unknown.status == .unprocessableContent)
            #expect(
                unknown.text.contains(
                    #"<p id="log-number-error" class="field-error">Det finns ingen deltagare med det numret i förbundet.</p>"#
                )
            )
            #expect(
                unknown.text.contains(#"value="19790101-0008""#) && unknown.text.contains(#"value="2025-01-01""#),
                "what was typed is kept"
            )
            #expect(unknown.text.contains(#"<p id="through-error" class="field-error">"#))
        }
    }

    @Test("the register extract holds the record's data and who read it, as a page and JSON, and is audited")
    func registerExtract() async throws {
        try await TestApp.run { fixture, client throws in
            let counsellor = TestBrowser(client)
            _ = try await startedParticipant(fixture, counsellor)
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            try await admin.get("/admin/extracts")
            let page = try await admin.post("/admin/extracts/register", [("personalIdentityNumber", Self.number)])
            #expect(page.status == .ok)
            for text in [
                "Registerutdrag: Sara Lind", "19811218-9876", "070-000 00 00", "Behöver samordnat stöd", "Insatsens steg",
                "Öppnade journalen",
            ] {
                #expect(page.text.contains(text), "\(text)")
            }
            let json = try await admin.post("/admin/extracts/register", [("personalIdentityNumber", Self.number), ("format", "json")])
            struct Extract: Decodable {
                struct Section: Decodable {
                    let title: String
                    let rows: [[String]]
                }
                let name: String
                let sections: [Section]
            }
            let decoded = try JSONDecoder().decode(Extract.self, from: Data(json.text.utf8))
            #expect(decoded.name == "Sara Lind")
            #expect(decoded.sections.first { $0.title == "Insatsens steg" }?.rows.count == 3)
            #expect(try await Self.auditActions(fixture).filter { $0 == "participant.register-extract" }.count == 2)
            let missing = try await admin.post("/admin/extracts/register", [("personalIdentityNumber", "")])
            #expect(
                missing.status == .unprocessableContent
                    && missing.text.contains(#"<p id="register-number-error" class="field-error">Fyll i det här fältet.</p>"#)
            )
        }
    }

    @Test("a sample of reads holds the watched person's reads; a review without a conclusion is refused beside it, with one it is recorded")
    func logReview() async throws {
        try await TestApp.run { fixture, client throws in
            let counsellor = TestBrowser(client)
            _ = try await startedParticipant(fixture, counsellor)
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            try await admin.get("/admin/watch-list")
            let refused = try await admin.post("/admin/watch-list", [("personalIdentityNumber", Self.number), ("reason", "")])
            #expect(refused.status == .unprocessableContent && refused.text.contains(#"value="19811218-9876""#))
            #expect(
                try await admin.post("/admin/watch-list", [("personalIdentityNumber", Self.number), ("reason", "staff-relative")]).status
                    == .seeOther
            )
            #expect(
                try await admin.get("/admin/watch-list").text.contains(
                    "<td>Sara Lind</td><td>ACTivera Lerum</td><td>Anhörig till personal</td>"
                )
            )

            let sample = try await admin.get("/admin/log-review/sample?size=1").text
            #expect(sample.contains(#"<tr class="watched">"#) && sample.contains("Anhörig till personal"))
            let checked = sample.components(separatedBy: #"name="checked" value=""#).dropFirst().compactMap {
                $0.split(separator: "\"").first.map(String.init)
            }
            #expect(!checked.isEmpty)
            let from = Day(fixture.clock.now).adding(days: -30).description
            let through = Day(fixture.clock.now).description
            var fields = [("from", from), ("through", through), ("conclusion", "  ")] + checked.map { ("checked", $0) }
            let empty = try await admin.post("/admin/log-review/reviews", fields)
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains(#"<p id="conclusion-error" class="field-error">Fyll i det här fältet.</p>"#))
            #expect(empty.text.contains(##"<a href="#conclusion">"##), "the error summary links to the field")
            fields[2] = ("conclusion", "Läsningarna hade tjänstebehov.")
            let recorded = try await admin.post("/admin/log-review/reviews", fields)
            #expect(recorded.location == "/admin/log-review?notice=reviewRecorded#reviews")
            let review = try await admin.get("/admin/log-review").text
            #expect(review.contains("<td>\(checked.count)</td><td>Läsningarna hade tjänstebehov.</td>"))

            // The search finds the counsellor's read of the record by the personal identity number.
            let found = try await admin.post(
                "/admin/log-review",
                [
                    ("participant", Self.number), ("action", "participant.read"), ("user", ""), ("unit", ""), ("from", from),
                    ("through", through),
                ]
            ).text
            #expect(found.contains("<td>Test counsellor</td><td>Handledare</td><td>ACTivera Lerum</td><td>Öppnade journalen</td>"))
            let nobody = try await admin.post("/admin/log-review", [("participant", "19790101-0008")])
            #expect(nobody.status == .unprocessableContent && nobody.text.contains("Det finns ingen deltagare med det numret"))
        }
    }

    @Test(
        "retention periods outside the limits are refused with the limits named and what was typed kept; within them they are saved and audited"
    )
    func retention() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let page = try await admin.get("/admin/retention").text
            #expect(page.contains(#"value="24""#) && page.contains(#"value="5""#), "the standard periods until the admin chooses")
            let refused = try await admin.post("/admin/retention", [("recordMonths", "3"), ("auditYears", "4")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"<p id="recordMonths-error" class="field-error">Ange ett tal mellan 6 och 120.</p>"#))
            #expect(refused.text.contains(#"<p id="auditYears-error" class="field-error">Ange ett tal mellan 5 och 20.</p>"#))
            #expect(refused.text.contains(#"value="3""#) && refused.text.contains(#"value="4""#))
            #expect(try await admin.post("/admin/retention", [("recordMonths", "36"), ("auditYears", "7")]).status == .seeOther)
            #expect(try await admin.get("/admin/retention").text.contains(#"value="36""#))
            let periods = try await fixture.store.read { db in try await RetentionRepository(db).periods(of: fixture.associationA) }
            #expect(periods == (try RetentionPeriods(recordMonths: "36", auditYears: "7")))
            #expect(try await Self.auditActions(fixture).contains("retention.settings"))
            // The public form's privacy text says how long, and promises no deletion the archives act rules out.
            let form = try await TestBrowser(client).get("/register/\(fixture.associationA)").text
            #expect(form.contains("och 36 månader efter att det har avslutats"))
            #expect(!form.contains("ta bort sina uppgifter"))
        }
    }

    @Test("the access review lists every user with role, second factor and last sign-in, as CSV too, and records the admin's review")
    func accessReview() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let page = try await admin.get("/admin/access-review").text
            #expect(page.contains("<td>Test counsellor</td><td>counsellor@a.test</td><td>Handledare</td><td>ACTivera Lerum</td>"))
            #expect(!page.contains("admin@b.test"), "only the association's users")
            let csv = try await admin.get("/admin/access-review.csv")
            #expect(csv.text.contains("Senaste inloggning") && csv.text.contains("counsellor@a.test"))
            #expect(try await admin.post("/admin/access-review", [("conclusion", "")]).status == .unprocessableContent)
            #expect(try await admin.post("/admin/access-review", [("conclusion", "Inga ändringar behövs.")]).status == .seeOther)
            #expect(try await admin.get("/admin/access-review").text.contains("<td>Inga ändringar behövs.</td>"))
            #expect(try await Self.auditActions(fixture).contains("access-review.record"))
        }
    }

    @Test(
        "a protected person: the responsible counsellor sees the contact details, a colleague sees initials in the unit's list and no contact details, and a document that leaves the unit asks first"
    )
    func protectedIdentity() async throws {
        try await TestApp.run { fixture, client throws in
            try await fixture.store.write { db in
                _ = try await UserRepository(db).create(
                    in: fixture.associationA,
                    email: "kollega@a.test",
                    name: "Kim Kollega",
                    role: .counsellor,
                    unitIDs: [fixture.unitA1],
                    passwordHash: try await Passwords(cost: 4).hash(Fixture.password),
                    now: fixture.clock.now
                )
            }
            let responsible = TestBrowser(client)
            let path = try await startedParticipant(fixture, responsible)
            let marked = try await responsible.post(path + "/protected", [("protected", "1")])
            #expect(marked.location == "\(path)?tab=details&notice=participantProtectionChanged#protection")
            let own = try await responsible.get(path + "?tab=details").text
            #expect(own.contains(#"id="protected-badge""#) && own.contains("070-000 00 00"))

            let colleague = TestBrowser(client)
            #expect(try await colleague.signIn("kollega@a.test").status == .seeOther)
            let record = try await colleague.get(path + "?tab=details").text
            #expect(record.contains("Skyddade personuppgifter: kontaktuppgifterna visas bara för den ansvariga handledaren."))
            #expect(!record.contains("070-000 00 00") && !record.contains(#"action="\#(path)/contact""#))
            let refused = try await colleague.post(
                path + "/contact",
                [("name", "Sara Lind"), ("phone", "1"), ("email", ""), ("referrerName", "")]
            )
            #expect(refused.status == .unprocessableContent)
            let unit = try await colleague.get("/units/\(fixture.unitA1)").text
            #expect(unit.contains(">S. L.</a>") && !unit.contains(">Sara Lind</a>"))
            let exit = try await colleague.get(path + "/referrer-summary")
            #expect(exit.text.contains(#"id="include-protected""#) && !exit.text.contains("070-000"))
            #expect(try await colleague.get(path + "/referrer-summary?include=protected").text.contains("Sara Lind"))

            // Every read of the person is in every sample of the log review.
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let sample = try await admin.get("/admin/log-review/sample?size=1").text
            #expect(sample.components(separatedBy: #"<tr class="watched">"#).count - 1 >= 3, "both counsellors' reads")
            #expect(try await Self.auditActions(fixture).contains("participant.protected"))
        }
    }
}
