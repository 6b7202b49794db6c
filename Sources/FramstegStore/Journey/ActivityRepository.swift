import Foundation
import FramstegCore
import SQLKit

/// A participant's interventions, meetings and activity hours. Intervention titles and employers,
/// and meeting attendees, notes and decisions are sealed and bound to their row; only
/// `interventions(of:)` and `meetings(of:)` open them, and callers audit those reads.
public struct ActivityRepository: Sendable {
    let db: any SQLDatabase
    let keyring: FieldKeyring
    let sealedInterventions: SealedColumns
    let sealedMeetings: SealedColumns
    let sealedChanges: SealedColumns
    let sealedInterventionChanges: SealedColumns

    public init(_ db: any SQLDatabase, keyring: FieldKeyring) {
        self.db = db
        self.keyring = keyring
        self.sealedInterventions = SealedColumns(keyring, table: "interventions")
        self.sealedMeetings = SealedColumns(keyring, table: "meetings")
        self.sealedChanges = SealedColumns(keyring, table: "meeting_changes")
        self.sealedInterventionChanges = SealedColumns(keyring, table: "intervention_changes")
    }

    // MARK: Interventions

    /// Adding or ending an intervention also changes the mix follow-up keeps on the participant's
    /// progress summaries, in the same transaction.
    public func addIntervention(
        _ valid: InterventionDraft.Valid,
        to participant: ParticipantID,
        by user: UserID?,
        now: Date
    ) async throws -> InterventionID {
        let id = InterventionID(
            try await db.insertReturningID(
                db.insert(into: "interventions")
                    .columns(
                        "participant_id",
                        "type",
                        "provider",
                        "title",
                        "employer_name",
                        "start_day",
                        "end_day",
                        "recorded_by",
                        "recorded_at"
                    )
                    .values(
                        SQLBind(participant.rawValue),
                        SQLBind(valid.type.rawValue),
                        SQLBind(valid.provider.rawValue),
                        SQLBind(""),
                        SQLBind(String?.none),
                        SQLBind(valid.start.description),
                        SQLBind(valid.end?.description),
                        SQLBind(user?.rawValue),
                        SQLBind(now.storedSeconds)
                    )
            )
        )
        try await sealedInterventions.fill(db, id: id.rawValue, [("title", valid.title), ("employer_name", valid.employerName)])
        try await ProgressSummaryRepository(db).refreshMix(of: participant)
        return id
    }

    /// The participant's interventions with their corrections; one withdrawn as recorded by mistake
    /// only when asked for (the record lists it as withdrawn; nothing else sees it).
    public func interventions(of participant: ParticipantID, includingWithdrawn: Bool = false) async throws -> [Intervention] {
        var query = db.select().columns("id", "participant_id", "type", "provider", "title", "employer_name", "start_day", "end_day")
            .from("interventions").where("participant_id", .equal, participant.rawValue)
        if !includingWithdrawn { query = query.where("withdrawn_at", .is, SQLLiteral.null) }
        var interventions = try await query.orderBy("start_day").orderBy("id").all().map(intervention(from:))
        guard !interventions.isEmpty else { return [] }
        var byIntervention: [InterventionID: [InterventionChange]] = [:]
        for row in try await db.select()
            .columns("id", "intervention_id", "change", "previous_end_day", "reason_sealed", "recorded_by", "recorded_at")
            .from("intervention_changes").where("intervention_id", .in, interventions.map(\.id.rawValue)).orderBy("id").all()
        {
            let kind = try row.decode(column: "change", as: String.self)
            guard let kind = InterventionChange.Kind(rawValue: kind) else { throw StoreError.corrupt("intervention change \(kind)") }
            byIntervention[try row.id("intervention_id"), default: []].append(
                InterventionChange(
                    kind: kind,
                    previousEnd: try row.decode(column: "previous_end_day", as: String?.self).flatMap(Day.init),
                    reason: try sealedInterventionChanges.open("reason_sealed", in: row) ?? "",
                    by: try row.id("recorded_by"),
                    at: try row.date("recorded_at")
                )
            )
        }
        for index in interventions.indices { interventions[index].changes = byIntervention[interventions[index].id] ?? [] }
        return interventions
    }

    /// Corrects an intervention recorded by mistake (`InterventionChange.validated` has passed):
    /// withdrawn, it leaves every figure; with its end taken back, it runs again. What it was is
    /// kept with the reason, sealed. The follow-up's intervention mix changes in the same transaction.
    public func correct(
        _ intervention: Intervention,
        _ kind: InterventionChange.Kind,
        reason: String,
        by user: UserID,
        now: Date
    ) async throws {
        let id = try await db.insertReturningID(
            db.insert(into: "intervention_changes")
                .columns("intervention_id", "change", "previous_end_day", "recorded_by", "recorded_at")
                .values(
                    SQLBind(intervention.id.rawValue),
                    SQLBind(kind.rawValue),
                    SQLBind(intervention.end?.description),
                    SQLBind(user.rawValue),
                    SQLBind(now.storedSeconds)
                )
        )
        try await sealedInterventionChanges.fill(db, id: id, [("reason_sealed", reason)])
        let update =
            switch kind {
            case .withdrawn: db.update("interventions").set("withdrawn_at", to: SQLBind(now.storedSeconds))
            case .endTakenBack: db.update("interventions").set("end_day", to: SQLLiteral.null)
            }
        try await update.where("id", .equal, intervention.id.rawValue).where("participant_id", .equal, intervention.participantID.rawValue)
            .run()
        try await ProgressSummaryRepository(db).refreshMix(of: intervention.participantID)
    }

    /// Sets the last day of an intervention that is still running.
    public func endIntervention(_ id: InterventionID, of participant: ParticipantID, on day: Day) async throws {
        try await db.update("interventions").set("end_day", to: day.description)
            .where("id", .equal, id.rawValue).where("participant_id", .equal, participant.rawValue).run()
        try await ProgressSummaryRepository(db).refreshMix(of: participant)
    }

    /// At exit or withdrawal, what still runs ends that day (what ended earlier keeps its day).
    public func endRunningInterventions(of participant: ParticipantID, on day: Day) async throws {
        try await db.update("interventions").set("end_day", to: day.description)
            .where("participant_id", .equal, participant.rawValue).where("end_day", .is, SQLLiteral.null)
            .where("withdrawn_at", .is, SQLLiteral.null).run()
        try await ProgressSummaryRepository(db).refreshMix(of: participant)
    }

    // MARK: Meetings

    public func addMeeting(_ valid: MeetingDraft.Valid, to participant: ParticipantID, by user: UserID, now: Date) async throws -> MeetingID
    {
        let id = try await db.insertReturningID(
            db.insert(into: "meetings")
                .columns("participant_id", "kind", "status", "day", "starts_at", "attendees", "recorded_by", "recorded_at")
                .values(
                    SQLBind(participant.rawValue),
                    SQLBind(valid.kind.rawValue),
                    SQLBind(valid.status.rawValue),
                    SQLBind(valid.day.description),
                    SQLBind(valid.time?.description),
                    SQLBind(""),
                    SQLBind(user.rawValue),
                    SQLBind(now.storedSeconds)
                )
        )
        // An empty text stays NULL and reads back empty.
        try await sealedMeetings.fill(
            db,
            id: id,
            [
                ("attendees", valid.attendees.map(\.rawValue).sorted().joined(separator: ",")),
                ("place_sealed", valid.place.isEmpty ? nil : valid.place),
                ("notes_sealed", valid.notes.isEmpty ? nil : valid.notes),
                ("decisions_sealed", valid.decisions.isEmpty ? nil : valid.decisions),
            ]
        )
        return MeetingID(id)
    }

    /// One meeting of the participant, opened, with its changes; nil when it is not theirs.
    public func meeting(_ id: MeetingID, of participant: ParticipantID) async throws -> Meeting? {
        try await meetings(where: { $0.where("id", .equal, id.rawValue) }, of: participant).first
    }

    /// Every meeting of the participant, place, notes and decisions opened, with their changes,
    /// earliest first.
    public func meetings(of participant: ParticipantID) async throws -> [Meeting] {
        try await meetings(where: { $0 }, of: participant)
    }

    private func meetings(
        where narrow: (SQLSelectBuilder) -> SQLSelectBuilder,
        of participant: ParticipantID
    ) async throws -> [Meeting] {
        var meetings = try await narrow(
            db.select().columns(
                "id",
                "participant_id",
                "kind",
                "status",
                "day",
                "starts_at",
                "place_sealed",
                "attendees",
                "notes_sealed",
                "decisions_sealed",
                "recorded_by"
            )
            .from("meetings").where("participant_id", .equal, participant.rawValue)
        ).orderBy("day").orderBy("id").all().map { row in try meeting(from: row, opening: true) }
        guard !meetings.isEmpty else { return [] }
        let changes = try await db.select()
            .columns(
                "id",
                "meeting_id",
                "change",
                "previous_day",
                "previous_starts_at",
                "previous_place_sealed",
                "reason_sealed",
                "recorded_by",
                "recorded_at"
            )
            .from("meeting_changes").where("meeting_id", .in, meetings.map(\.id.rawValue)).orderBy("id").all()
        var byMeeting: [MeetingID: [MeetingChange]] = [:]
        for row in changes {
            byMeeting[try row.id("meeting_id"), default: []].append(
                MeetingChange(
                    kind: MeetingChange.Kind(rawValue: try row.decode(column: "change", as: String.self)) ?? .moved,
                    previousDay: try Self.day(row, "previous_day"),
                    previousTime: try row.decode(column: "previous_starts_at", as: String?.self).flatMap(ClockTime.init),
                    previousPlace: try sealedChanges.open("previous_place_sealed", in: row) ?? "",
                    reason: try sealedChanges.open("reason_sealed", in: row) ?? "",
                    by: try row.id("recorded_by"),
                    at: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "recorded_at", as: Int64.self)))
                )
            )
        }
        for index in meetings.indices { meetings[index].changes = byMeeting[meetings[index].id] ?? [] }
        return meetings
    }

    /// Meetings of these participants between two days, for the calendar and the work list:
    /// cancelled and withdrawn ones left out; the place opened, attendees, notes and decisions left sealed.
    public func meetings(of participants: Set<ParticipantID>, from first: Day, through last: Day) async throws -> [Meeting] {
        guard !participants.isEmpty else { return [] }
        return try await db.select().columns("id", "participant_id", "kind", "status", "day", "starts_at", "place_sealed", "recorded_by")
            .from("meetings")
            .where("participant_id", .in, participants.map(\.rawValue).sorted())
            .where("day", .greaterThanOrEqual, first.description).where("day", .lessThanOrEqual, last.description)
            .where("status", .in, [MeetingStatus.planned.rawValue, MeetingStatus.held.rawValue])
            .orderBy("day").all().map { row in try meeting(from: row, opening: false) }
    }

    /// Planned meetings of these participants whose day has passed without an outcome recorded.
    public func meetingsAwaitingOutcome(of participants: Set<ParticipantID>, before today: Day) async throws -> [Meeting] {
        guard !participants.isEmpty else { return [] }
        return try await db.select().columns("id", "participant_id", "kind", "status", "day", "starts_at", "place_sealed", "recorded_by")
            .from("meetings")
            .where("participant_id", .in, participants.map(\.rawValue).sorted())
            .where("status", .equal, MeetingStatus.planned.rawValue).where("day", .lessThan, today.description)
            .orderBy("day").all().map { row in try meeting(from: row, opening: false) }
    }

    /// Moves a planned meeting, keeping where and when it was. The caller has checked that it is
    /// still planned inside the same transaction.
    public func move(_ meeting: Meeting, to valid: MeetingMoveDraft.Valid, by user: UserID, now: Date) async throws {
        try await recordChange(.moved, of: meeting, reason: valid.reason, by: user, now: now)
        try await db.update("meetings").set("day", to: valid.day.description).set("starts_at", to: valid.time.description)
            .where("id", .equal, meeting.id.rawValue).run()
        try await sealedMeetings.fill(db, id: meeting.id.rawValue, [("place_sealed", valid.place.isEmpty ? nil : valid.place)])
    }

    /// Records a planned meeting as held: its day, who came, notes and decisions.
    public func markHeld(_ meeting: Meeting, as valid: MeetingDraft.Valid, by user: UserID, now: Date) async throws {
        try await recordChange(.held, of: meeting, reason: "", by: user, now: now)
        try await db.update("meetings").set("status", to: MeetingStatus.held.rawValue).set("day", to: valid.day.description)
            .where("id", .equal, meeting.id.rawValue).run()
        try await sealedMeetings.fill(
            db,
            id: meeting.id.rawValue,
            [
                ("attendees", valid.attendees.map(\.rawValue).sorted().joined(separator: ",")),
                ("notes_sealed", valid.notes.isEmpty ? nil : valid.notes),
                ("decisions_sealed", valid.decisions.isEmpty ? nil : valid.decisions),
            ]
        )
    }

    /// Cancels a planned meeting with its reason; the meeting stays on the record as cancelled.
    public func cancel(_ meeting: Meeting, reason: String, by user: UserID, now: Date) async throws {
        try await recordChange(.cancelled, of: meeting, reason: reason, by: user, now: now)
        try await db.update("meetings").set("status", to: MeetingStatus.cancelled.rawValue).where("id", .equal, meeting.id.rawValue).run()
    }

    /// Withdraws a held meeting recorded by mistake, with its reason; it stays on the record.
    public func withdraw(_ meeting: Meeting, reason: String, by user: UserID, now: Date) async throws {
        try await recordChange(.withdrawn, of: meeting, reason: reason, by: user, now: now)
        try await db.update("meetings").set("status", to: MeetingStatus.withdrawn.rawValue).where("id", .equal, meeting.id.rawValue).run()
    }

    private func recordChange(_ kind: MeetingChange.Kind, of meeting: Meeting, reason: String, by user: UserID, now: Date) async throws {
        let id = try await db.insertReturningID(
            db.insert(into: "meeting_changes")
                .columns("meeting_id", "change", "previous_day", "previous_starts_at", "recorded_by", "recorded_at")
                .values(
                    SQLBind(meeting.id.rawValue),
                    SQLBind(kind.rawValue),
                    SQLBind(meeting.day.description),
                    SQLBind(meeting.time?.description),
                    SQLBind(user.rawValue),
                    SQLBind(now.storedSeconds)
                )
        )
        try await sealedChanges.fill(
            db,
            id: id,
            [
                ("previous_place_sealed", meeting.place.isEmpty ? nil : meeting.place),
                ("reason_sealed", reason.isEmpty ? nil : reason),
            ]
        )
    }

    // MARK: Hours

    /// Sets the goal from a week on, replacing a goal set for the same week.
    public func setGoal(_ goal: HoursGoal, for participant: ParticipantID, by user: UserID?, now: Date) async throws {
        try await db.delete(from: "hours_goals").where("participant_id", .equal, participant.rawValue).where(
            "from_week",
            .equal,
            goal.from.monday.description
        ).run()
        try await db.insert(into: "hours_goals").columns("participant_id", "from_week", "tenths", "recorded_by", "recorded_at")
            .values(
                SQLBind(participant.rawValue),
                SQLBind(goal.from.monday.description),
                SQLBind(Self.tenths(goal.hoursPerWeek)),
                SQLBind(user?.rawValue),
                SQLBind(now.storedSeconds)
            )
            .run()
    }

    /// Records a week's attendance, replacing what was recorded for that week before.
    public func recordAttendance(_ attended: AttendedHours, for participant: ParticipantID, by user: UserID?, now: Date) async throws {
        try await db.delete(from: "attended_hours").where("participant_id", .equal, participant.rawValue).where(
            "week",
            .equal,
            attended.week.monday.description
        ).run()
        try await db.insert(into: "attended_hours").columns("participant_id", "week", "tenths", "recorded_by", "recorded_at")
            .values(
                SQLBind(participant.rawValue),
                SQLBind(attended.week.monday.description),
                SQLBind(Self.tenths(attended.hours)),
                SQLBind(user?.rawValue),
                SQLBind(now.storedSeconds)
            )
            .run()
    }

    public func goals(of participant: ParticipantID) async throws -> [HoursGoal] {
        try await weekly("hours_goals", weekColumn: "from_week", of: participant).map { HoursGoal(from: $0.week, hoursPerWeek: $0.hours) }
    }

    public func attendance(of participant: ParticipantID) async throws -> [AttendedHours] {
        try await weekly("attended_hours", weekColumn: "week", of: participant).map { AttendedHours(week: $0.week, hours: $0.hours) }
    }

    /// Hours per week from one of the two weekly tables, earliest week first.
    private func weekly(_ table: String, weekColumn: String, of participant: ParticipantID) async throws -> [(week: Week, hours: Double)] {
        try await db.select().columns(weekColumn, "tenths").from(table).where("participant_id", .equal, participant.rawValue)
            .orderBy(weekColumn).all().compactMap { row in
                guard let week = Week(try row.decode(column: weekColumn, as: String.self)) else { return nil }
                return (week, Double(try row.decode(column: "tenths", as: Int.self)) / 10)
            }
    }

    // MARK: Rows

    static func tenths(_ hours: Double) -> Int { Int((hours * 10).rounded()) }

    /// A meeting row; `opening` opens attendees, notes and decisions too (the place always).
    private func meeting(from row: any SQLRow, opening: Bool) throws -> Meeting {
        Meeting(
            id: try row.id("id"),
            participantID: try row.id("participant_id"),
            kind: MeetingKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .individual,
            status: MeetingStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .held,
            day: try Self.day(row, "day"),
            time: try row.decode(column: "starts_at", as: String?.self).flatMap(ClockTime.init),
            place: try sealedMeetings.open("place_sealed", in: row) ?? "",
            attendees: Set(
                (opening ? try sealedMeetings.open("attendees", in: row) ?? "" : "").split(separator: ",").compactMap {
                    MeetingAttendee(rawValue: String($0))
                }
            ),
            notes: opening ? try sealedMeetings.open("notes_sealed", in: row) ?? "" : "",
            decisions: opening ? try sealedMeetings.open("decisions_sealed", in: row) ?? "" : "",
            recordedBy: try row.id("recorded_by")
        )
    }

    func intervention(from row: any SQLRow) throws -> Intervention {
        Intervention(
            id: try row.id("id"),
            participantID: try row.id("participant_id"),
            type: InterventionType(rawValue: try row.decode(column: "type", as: String.self)) ?? .social,
            provider: InterventionProvider(rawValue: try row.decode(column: "provider", as: String.self)) ?? .unit,
            title: try sealedInterventions.open("title", in: row) ?? "",
            employerName: try sealedInterventions.open("employer_name", in: row),
            start: try Self.day(row, "start_day"),
            end: try row.decode(column: "end_day", as: String?.self).flatMap(Day.init)
        )
    }

    static func day(_ row: any SQLRow, _ column: String) throws -> Day {
        let text = try row.decode(column: column, as: String.self)
        guard let day = Day(text) else { throw StoreError.corrupt("\(column) \(text)") }
        return day
    }
}
