import Foundation
import FramstegCore
import Hummingbird

/// One meeting of the record: what it is, what changed, and while it is planned the forms that
/// record it as held, move it or cancel it, and its calendar file; once held, the form that
/// withdraws it as recorded by mistake. Every read is audited.
struct MeetingPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/participants/:participant/meetings/:meeting", .readParticipant, .participant) { _, context, principal, record in
            try await page(context, principal, record, try meetingID(context))
        }
        routes.get("/participants/:participant/meetings/:meeting/calendar.ics", .readParticipant, .participant) {
            _,
            context,
            principal,
            record in
            let read = try await site.services.activities.meeting(
                try meetingID(context),
                of: record.participant,
                by: principal,
                action: .participantMeetingCalendar
            )
            guard read.meeting.isPlanned else { throw WebError.notFound }
            return MeetingCalendarFile(read.meeting, unit: record.unit.name, language: context.language).response
        }
        routes.post("/participants/:participant/meetings/:meeting/held", .changeParticipant, .participant) {
            _,
            context,
            principal,
            record in
            let form = context.form
            let draft = MeetingOutcomeDraft(
                day: form["day"],
                attendees: form.all("attendees"),
                notes: form["notes"],
                decisions: form["decisions"]
            )
            let typed = [
                "day": draft.day, "notes": draft.notes, "decisions": draft.decisions, "attendees": draft.attendees.joined(separator: ","),
            ]
            return try await change(.held, typed, notice: .meetingHeld, context, principal, record) { id in
                try await site.services.activities.holdMeeting(id, draft, of: record.participant, by: principal)
            }
        }
        routes.post("/participants/:participant/meetings/:meeting/move", .changeParticipant, .participant) {
            _,
            context,
            principal,
            record in
            let form = context.form
            let draft = MeetingMoveDraft(day: form["day"], time: form["time"], place: form["place"], reason: form["reason"])
            let typed = ["day": draft.day, "time": draft.time, "place": draft.place, "reason": draft.reason]
            return try await change(.move, typed, notice: .meetingMoved, context, principal, record) { id in
                try await site.services.activities.moveMeeting(id, draft, of: record.participant, by: principal)
            }
        }
        routes.post("/participants/:participant/meetings/:meeting/withdraw", .changeParticipant, .participant) {
            _,
            context,
            principal,
            record in
            let reason = context.form["reason"]
            return try await change(.withdraw, ["reason": reason], notice: .meetingWithdrawn, context, principal, record) { id in
                try await site.services.activities.withdrawMeeting(id, reason: reason, of: record.participant, by: principal)
            }
        }
        routes.post("/participants/:participant/meetings/:meeting/cancel", .changeParticipant, .participant) {
            _,
            context,
            principal,
            record in
            let reason = context.form["reason"]
            return try await change(.cancel, ["reason": reason], notice: .meetingCancelled, context, principal, record) { id in
                try await site.services.activities.cancelMeeting(id, reason: reason, of: record.participant, by: principal)
            }
        }
    }

    /// One change to the meeting of the address: done, back to the record's meetings with `notice`;
    /// refused, the meeting's page again with `form`'s messages beside what was typed (422).
    private func change(
        _ form: MeetingPage.Form,
        _ typed: [String: String],
        notice: Notice,
        _ context: AppRequestContext,
        _ principal: Principal,
        _ record: ParticipantInUnit,
        _ perform: (MeetingID) async throws -> Void
    ) async throws -> Response {
        let id = try meetingID(context)
        do {
            try await perform(id)
            return .redirect(toRecordOf: record.participant.id, notice: notice, section: "meetings")
        } catch let failure as ValidationFailure {
            let state = FormState(values: typed, errors: failure.messages(context.language))
            return try await page(context, principal, record, id, refused: (form, state))
        }
    }

    private func meetingID(_ context: AppRequestContext) throws -> MeetingID {
        guard let id = context.parameters.get("meeting").flatMap(MeetingID.init(parsing:)) else { throw WebError.notFound }
        return id
    }

    private func page(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ record: ParticipantInUnit,
        _ id: MeetingID,
        refused: (form: MeetingPage.Form, state: FormState)? = nil
    ) async throws -> Response {
        let read = try await site.services.activities.meeting(id, of: record.participant, by: principal, action: .participantMeetingsRead)
        let model = MeetingPage(
            read,
            record: record,
            today: Day(site.now()),
            refused: refused,
            language: context.language
        )
        return site.renderer.page(
            .meeting,
            title: .text(model.title),
            model: model,
            context: context,
            status: refused == nil ? .ok : .unprocessableContent
        )
    }
}

/// The page of one meeting.
struct MeetingPage: Sendable {
    enum Form: String, Sendable {
        case held
        case move
        case cancel
        case withdraw

        func fieldID(_ field: String) -> String {
            switch (self, field) {
            case (.held, "day"): "held-day"
            case (.held, "attendees"): "attendee-participant"
            case (.held, let field): "meeting-" + field
            case (let form, let field): form.rawValue + "-" + field
            }
        }
    }

    struct Detail: Sendable {
        let label: String
        let value: String
    }

    static func path(_ meeting: MeetingID, of participant: ParticipantID) -> String {
        "/participants/\(participant)/meetings/\(meeting)"
    }

    let title: String
    let heading: String
    let participantName: String
    let recordHref: String
    let meetingHref: String
    let details: [Detail]
    let changes: [String]
    let hasChanges: Bool
    let isPlanned: Bool
    let errorSummary: RecordPage.ErrorSummary?
    let heldForm: FormState
    let moveForm: FormState
    let cancelForm: FormState
    /// A held meeting recorded by mistake can be withdrawn.
    let isHeld: Bool
    let withdrawForm: FormState
    let attendeeChoices: [Choice]
    /// Holding it is for its day or after: before then the page says so instead of the form.
    let mayBeHeldYet: Bool

    init(
        _ read: ActivityService.MeetingRead,
        record: ParticipantInUnit,
        today: Day,
        refused: (form: Form, state: FormState)?,
        language: Language
    ) {
        let meeting = read.meeting
        let participant = record.participant
        let text = { (key: String) in Texts.text(key, language) }
        let kind = text("meetingKind." + meeting.kind.rawValue)
        let when = meeting.day.description + (meeting.time.map { " " + $0.description } ?? "")
        heading = kind + " " + when
        title = (refused != nil ? text("titleRefused") + " – " : "") + heading + " – " + participant.name
        participantName = participant.name
        recordHref = RecordTab.meetings.path(participant.id) + "#meetings"
        meetingHref = Self.path(meeting.id, of: participant.id)
        let attendees = MeetingAttendee.allCases.filter(meeting.attendees.contains).map { text("attendee." + $0.rawValue) }
        details =
            [
                Detail(label: text("meetingKind"), value: kind),
                Detail(label: text("meetingStatus"), value: text("meetingStatus." + meeting.status.rawValue)),
                Detail(label: text("day"), value: meeting.day.description),
                Detail(label: text("meetingTime"), value: meeting.time?.description ?? "–"),
                Detail(label: text("meetingPlace"), value: meeting.place.isEmpty ? "–" : meeting.place),
                Detail(label: text("recordedBy"), value: read.staffNames[meeting.recordedBy] ?? "–"),
            ]
            + (attendees.isEmpty ? [] : [Detail(label: text("attendees"), value: attendees.joined(separator: ", "))])
            + (meeting.notes.isEmpty ? [] : [Detail(label: text("notes"), value: meeting.notes)])
            + (meeting.decisions.isEmpty ? [] : [Detail(label: text("decisions"), value: meeting.decisions)])
        let names = read.staffNames
        changes = meeting.changes.map { MeetingSection.change($0, names: names, language) }
        hasChanges = !changes.isEmpty
        isPlanned = meeting.isPlanned
        mayBeHeldYet = meeting.day <= today
        errorSummary = refused.map { refused in
            RecordPage.ErrorSummary(
                entries: refused.state.errors.sorted { $0.key < $1.key }.map {
                    RecordPage.ErrorSummary.Entry(href: "#" + refused.form.fieldID($0.key), message: $0.value)
                }
            )
        }
        func form(_ form: Form, _ fresh: [String: String]) -> FormState {
            refused?.form == form ? refused!.state : FormState(values: fresh)
        }
        heldForm = form(.held, ["day": min(meeting.day, today).description, "attendees": "participant,counsellor"])
        moveForm = form(.move, ["day": meeting.day.description, "time": meeting.time?.description ?? "", "place": meeting.place])
        cancelForm = form(.cancel, [:])
        isHeld = meeting.isHeld
        withdrawForm = form(.withdraw, [:])
        attendeeChoices = MeetingSection.attendeeChoices(
            chosen: Set((heldForm.values["attendees"] ?? "").split(separator: ",").map(String.init)),
            language
        )
    }
}

/// A planned meeting as a calendar file (RFC 5545) for the counsellor's own calendar. It leaves the
/// unit (calendars are synchronised to mail servers and phones), so it names no one and holds no
/// notes: the kind of meeting, the unit, the time and the place.
struct MeetingCalendarFile {
    let meeting: Meeting
    let unit: String
    let language: Language

    init(_ meeting: Meeting, unit: String, language: Language) {
        self.meeting = meeting
        self.unit = unit
        self.language = language
    }

    /// How long a meeting is put in the calendar for.
    static let minutes = 60

    var text: String {
        let start = meeting.time ?? ClockTime(hour: 9, minute: 0)!
        let end = start.minutes + Self.minutes
        let day = meeting.day.description.replacingOccurrences(of: "-", with: "")
        func stamp(_ minutes: Int) -> String {
            let hour = minutes / 60
            let minute = minutes % 60
            return day + "T" + (hour < 10 ? "0" : "") + String(hour) + (minute < 10 ? "0" : "") + String(minute) + "00"
        }
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Framsteg//Meetings//SV",
            "CALSCALE:GREGORIAN",
            "BEGIN:VEVENT",
            "UID:meeting-\(meeting.id)-\(meeting.changes.count)@framsteg",
            "DTSTAMP:" + Self.utcStamp(Date()),
            "DTSTART;TZID=Europe/Stockholm:" + stamp(start.minutes),
            "DTEND;TZID=Europe/Stockholm:" + stamp(min(end, 24 * 60 - 1)),
            "SUMMARY:" + Self.escaped(Texts.text("meetingKind." + meeting.kind.rawValue, language) + " – " + unit),
        ]
        if !meeting.place.isEmpty { lines.append("LOCATION:" + Self.escaped(meeting.place)) }
        lines.append("DESCRIPTION:" + Self.escaped(Texts.text("calendarDescription", language)))
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/calendar; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"mote-\(meeting.day).ics\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func utcStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ",
            parts.year!,
            parts.month!,
            parts.day!,
            parts.hour!,
            parts.minute!,
            parts.second!
        )
    }

    /// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11).
    static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets are folded with CRLF and a space, never inside a character.
    static func folded(_ line: String) -> String {
        var result = ""
        var length = 0
        for character in line {
            let size = String(character).utf8.count
            if length + size > 75 {
                result += "\r\n "
                length = 1
            }
            result.append(character)
            length += size
        }
        return result
    }
}
