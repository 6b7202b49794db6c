import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Meetings planned with a time and a place, moved, held or cancelled, with the history kept")
struct MeetingPagesTests {
    /// The id of the participant's latest meeting.
    static func latestMeeting(_ fixture: Fixture) async throws -> Int64 {
        try await fixture.store.read { db in
            try await db.select().column("id").from("meetings").orderBy("id", .descending).first()?.decode(column: "id", as: Int64.self)
        } ?? -1
    }

    static func auditActions(_ fixture: Fixture, _ count: Int) async throws -> [String] {
        try await fixture.store.read { db in
            try await AuditLog(db).recent(associationID: fixture.associationA, limit: count).map(\.entry.action)
        }
    }

    @Test("a planned meeting: refused without a time (kept as typed), then on the record, the summary, the work list and its page")
    func planning() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now)
            let tomorrow = today.adding(days: 1)
            let refused = try await browser.post(
                path + "/meetings",
                [("status", "planned"), ("kind", "individual"), ("day", tomorrow.description), ("time", "9"), ("place", "Rum 2 & 3")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.text.contains(
                    #"<p id="plan-meeting-time-error" class="field-error">Ange en tid som TT:MM, till exempel 09:30.</p>"#
                )
            )
            #expect(refused.text.contains(##"<a href="#plan-meeting-time">"##), "the error summary links to the field")
            #expect(refused.text.contains(#"value="Rum 2 &amp; 3""#))
            #expect(refused.text.contains("<details open>\n<summary>Planera ett möte</summary>"))

            let past = try await browser.post(
                path + "/meetings",
                [("status", "planned"), ("kind", "individual"), ("day", today.adding(days: -1).description), ("time", "09:00")]
            )
            #expect(past.text.contains("Datumet kan inte vara före \(today)."), "registered today, so the day before is refused first")

            #expect(
                try await browser.post(
                    path + "/meetings",
                    [
                        ("status", "planned"), ("kind", "individual"), ("day", tomorrow.description), ("time", "9.30"),
                        ("place", "Rum 2 & 3"),
                    ]
                ).location == path + "?tab=meetings&notice=meetingPlanned#meetings"
            )
            let id = try await Self.latestMeeting(fixture)
            let stored = try await fixture.store.read { db in
                try await db.select().columns("status", "starts_at", "place_sealed").from("meetings").where("id", .equal, id).first()
            }
            #expect(try stored?.decode(column: "status", as: String.self) == "planned")
            #expect(try stored?.decode(column: "starts_at", as: String.self) == "09:30")
            #expect(try stored?.decode(column: "place_sealed", as: String.self).contains("Rum") == false, "the place is sealed")

            let record = try await browser.get(path + "?tab=meetings").text
            #expect(
                record.contains(
                    #"<a href="\#(path)/meetings/\#(id)"><strong>\#(tomorrow) 09:30</strong> · Individuellt samtal</a> · Rum 2 &amp; 3"#
                )
            )
            #expect(record.contains("Nästa möte"))
            #expect(record.contains("Individuellt samtal \(tomorrow) 09:30"))

            let overview = try await browser.get(path).text
            #expect(overview.contains(#"<a href="\#(path)/meetings/\#(id)">Individuellt samtal 09:30</a>"#), "due on the record's overview")

            let working = try await browser.get("/units").text
            let group = Week(containing: today).contains(tomorrow) ? "due-thisWeek" : "due-later"
            let table = try #require(working.range(of: #"id="\#(group)""#)).upperBound
            let rows = String(working[table...].prefix(900))
            #expect(rows.contains("\(tomorrow) <strong>09:30</strong>"))
            #expect(
                rows.contains(#"<a href="\#(path)/meetings/\#(id)">Individuellt samtal</a><br><span class="muted">Rum 2 &amp; 3</span>"#)
            )

            let page = try await browser.get(path + "/meetings/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>Individuellt samtal \(tomorrow) 09:30</h1>"))
            #expect(page.text.contains(#"action="\#(path)/meetings/\#(id)/move""#))
            #expect(page.text.contains("Mötet kan registreras som hållet från och med sin dag."), "not held before its day")
            #expect(try await Self.auditActions(fixture, 1) == ["participant.meetings.read"])
        }
    }

    @Test(
        "moved with a reason, then held with notes, then withdrawn as a mistake: every change on the record and in the log, the notes sealed"
    )
    func movingAndHolding() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now)
            try await browser.post(
                path + "/meetings",
                [
                    ("status", "planned"), ("kind", "check-in"), ("day", today.adding(days: 2).description), ("time", "10:00"),
                    ("place", "Rum 2"),
                ]
            )
            let id = try await Self.latestMeeting(fixture)
            let meeting = path + "/meetings/\(id)"
            try await browser.get(meeting)

            let unchanged = try await browser.post(
                meeting + "/move",
                [("day", today.adding(days: 2).description), ("time", "10:00"), ("place", "Rum 2"), ("reason", "")]
            )
            #expect(unchanged.status == .unprocessableContent)
            #expect(
                unchanged.text.contains(#"<p id="move-day-error" class="field-error">Ändra dag, tid eller plats för att flytta mötet.</p>"#)
            )
            #expect(unchanged.text.contains(#"id="error-summary""#))

            #expect(
                try await browser.post(
                    meeting + "/move",
                    [
                        ("day", today.adding(days: 3).description), ("time", "13:15"), ("place", "Videosamtal"),
                        ("reason", "Deltagaren har feber"),
                    ]
                ).location == path + "?tab=meetings&notice=meetingMoved#meetings"
            )
            #expect(try await Self.auditActions(fixture, 1) == ["participant.meeting.move"])
            let moved = try await browser.get(meeting).text
            #expect(moved.contains("<h1>Avstämningsmöte \(today.adding(days: 3)) 13:15</h1>"))
            #expect(moved.contains("(var \(today.adding(days: 2)) 10:00 Rum 2): Deltagaren har feber"))
            let sealedReason = try await fixture.store.read { db in
                try await db.select().column("reason_sealed").from("meeting_changes").first()?.decode(
                    column: "reason_sealed",
                    as: String.self
                )
            }
            #expect(sealedReason?.contains("feber") == false)

            // Three days on, it has passed without an outcome: overdue on the work list and the record.
            fixture.clock.advance(minutes: 4 * 24 * 60)
            try await browser.signIn(Fixture.email(.counsellor))
            let working = try await browser.get("/units").text
            let overdue = try #require(working.range(of: #"id="due-overdue""#)).upperBound
            #expect(String(working[overdue...].prefix(900)).contains(#"href="\#(meeting)#held">Registrera utfallet: Avstämningsmöte</a>"#))
            #expect(try await browser.get(path).text.contains("Registrera utfallet av mötet \(today.adding(days: 3))"))

            let future = try await browser.post(
                meeting + "/held",
                [("day", today.adding(days: 5).description), ("attendees", "participant"), ("notes", "Sömnen bättre")]
            )
            #expect(future.status == .unprocessableContent)
            #expect(future.text.contains(#"<p id="held-day-error" class="field-error">"#))
            #expect(future.text.contains("Sömnen bättre</textarea>"), "what was typed comes back")
            #expect(
                try await browser.post(
                    meeting + "/held",
                    [
                        ("day", today.adding(days: 3).description), ("attendees", "participant"), ("attendees", "referrer"),
                        ("notes", "Sömnen bättre"), ("decisions", "Öka till 10 timmar"),
                    ]
                ).location == path + "?tab=meetings&notice=meetingHeld#meetings"
            )
            #expect(try await Self.auditActions(fixture, 1) == ["participant.meeting.held"])
            let notes = try await fixture.store.read { db in
                try await db.select().column("notes_sealed").from("meetings").where("id", .equal, id).first()?.decode(
                    column: "notes_sealed",
                    as: String.self
                )
            }
            #expect(notes?.contains("Sömnen") == false)
            let record = try await browser.get(path + "?tab=meetings").text
            #expect(record.contains("<strong>Anteckningar:</strong> Sömnen bättre"))
            #expect(record.contains("Deltagaren, Remittent"))
            #expect(record.contains("Registrerat som hållet"))
            #expect(record.contains("Flyttat"))
            #expect(!record.contains("Registrera utfallet"))

            // Held once: neither a second outcome nor a cancellation is taken.
            let again = try await browser.post(meeting + "/cancel", [("reason", "Fel")])
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("Mötet är redan registrerat som hållet eller inställt."))

            // Recorded as held by mistake: withdrawn with a reason, it stays on the record and counts nowhere.
            let held = try await browser.get(meeting).text
            #expect(held.contains(#"action="\#(meeting)/withdraw""#))
            let noReason = try await browser.post(meeting + "/withdraw", [("reason", "")])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.text.contains(#"<p id="withdraw-reason-error" class="field-error">Fyll i det här fältet.</p>"#))
            #expect(
                try await browser.post(meeting + "/withdraw", [("reason", "Fel deltagare")]).location
                    == path + "?tab=meetings&notice=meetingWithdrawn#meetings"
            )
            #expect(try await Self.auditActions(fixture, 1) == ["participant.meeting.withdraw"])
            let status = try await fixture.store.read { db in
                try await db.select().column("status").from("meetings").where("id", .equal, id).first()?.decode(
                    column: "status",
                    as: String.self
                )
            }
            #expect(status == "withdrawn")
            let withdrawn = try await browser.get(path + "?tab=meetings").text
            #expect(withdrawn.contains(#"<span class="tag">Tillbakataget</span>"#) && withdrawn.contains("Fel deltagare"))
            let twice = try await browser.post(meeting + "/withdraw", [("reason", "Igen")])
            #expect(twice.text.contains("Bara ett hållet möte kan tas tillbaka."))
        }
    }

    @Test("cancelled with a reason it stays on the record; its calendar file names no one and is gone once cancelled")
    func cancellingAndCalendar() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let day = Day(fixture.clock.now).adding(days: 6)
            try await browser.post(
                path + "/meetings",
                [
                    ("status", "planned"), ("kind", "multi-party"), ("day", day.description), ("time", "14:00"),
                    ("place", "Försäkringskassan; plan 3"),
                ]
            )
            let id = try await Self.latestMeeting(fixture)
            let meeting = path + "/meetings/\(id)"

            let calendar = try await browser.get(meeting + "/calendar.ics")
            #expect(calendar.status == .ok)
            #expect(calendar.headers[.contentType] == "text/calendar; charset=utf-8")
            let file = calendar.text
            #expect(file.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
            let compact = day.description.replacingOccurrences(of: "-", with: "")
            #expect(file.contains("DTSTART;TZID=Europe/Stockholm:\(compact)T140000\r\n"))
            #expect(file.contains("DTEND;TZID=Europe/Stockholm:\(compact)T150000\r\n"))
            #expect(file.contains("LOCATION:Försäkringskassan\\; plan 3\r\n"))
            #expect(file.contains("SUMMARY:Flerpartsmöte – ACTivera Lerum"))
            #expect(!file.contains("Sara") && !file.contains("Lind"), "the calendar file names no one")
            #expect(try await Self.auditActions(fixture, 1) == ["participant.meeting.calendar"])

            try await browser.get(meeting)
            let empty = try await browser.post(meeting + "/cancel", [("reason", " ")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains(#"<p id="cancel-reason-error" class="field-error">Fyll i det här fältet.</p>"#))
            #expect(
                try await browser.post(meeting + "/cancel", [("reason", "Handläggaren slutar")]).location
                    == path + "?tab=meetings&notice=meetingCancelled#meetings"
            )
            #expect(try await Self.auditActions(fixture, 1) == ["participant.meeting.cancel"])
            let record = try await browser.get(path + "?tab=meetings").text
            #expect(record.contains(#"<article class="meeting cancelled">"#))
            #expect(record.contains(#"<span class="tag">Inställt</span>"#))
            #expect(record.contains("Handläggaren slutar"))
            #expect(record.contains("Inga planerade möten."))
            #expect(try await browser.get(meeting + "/calendar.ics").status == .notFound)
            #expect(!(try await browser.get(meeting).text.contains("/move")), "nothing left to change")
            #expect(try await browser.get(path + "/meetings/999999").status == .notFound)
        }
    }

    @Test("the API plans a meeting with a time, and answers its status, time and place")
    func api() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            _ = try await startedParticipant(fixture, browser)
            let day = Day(fixture.clock.now).adding(days: 3)
            let path = "/api/participants/\(fixture.participantA1)/meetings"
            let missing = try await browser.json(.post, path, #"{"kind":"individual","day":"\#(day)","status":"planned"}"#)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("time"))
            let created = try await browser.json(
                .post,
                path,
                #"{"kind":"individual","day":"\#(day)","status":"planned","time":"08:45","place":"Rum 1"}"#
            )
            #expect(created.status == .created)
            #expect(created.text.contains(#""status":"planned""#))
            #expect(created.text.contains(#""time":"08:45""#))
            #expect(created.text.contains(#""place":"Rum 1""#))
        }
    }
}
