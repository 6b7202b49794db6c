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

    public init(_ db: any SQLDatabase, keyring: FieldKeyring) {
        self.db = db
        self.keyring = keyring
        self.sealedInterventions = SealedColumns(keyring, table: "interventions")
        self.sealedMeetings = SealedColumns(keyring, table: "meetings")
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

    public func interventions(of participant: ParticipantID) async throws -> [Intervention] {
        try await db.select().columns("id", "participant_id", "type", "provider", "title", "employer_name", "start_day", "end_day")
            .from("interventions").where("participant_id", .equal, participant.rawValue).orderBy("start_day").orderBy("id").all()
            .map(intervention(from:))
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
            .where("participant_id", .equal, participant.rawValue).where("end_day", .is, SQLLiteral.null).run()
        try await ProgressSummaryRepository(db).refreshMix(of: participant)
    }

    // MARK: Meetings

    public func addMeeting(_ valid: MeetingDraft.Valid, to participant: ParticipantID, by user: UserID, now: Date) async throws -> MeetingID
    {
        let id = try await db.insertReturningID(
            db.insert(into: "meetings")
                .columns("participant_id", "kind", "day", "attendees", "recorded_by", "recorded_at")
                .values(
                    SQLBind(participant.rawValue),
                    SQLBind(valid.kind.rawValue),
                    SQLBind(valid.day.description),
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
                ("notes_sealed", valid.notes.isEmpty ? nil : valid.notes),
                ("decisions_sealed", valid.decisions.isEmpty ? nil : valid.decisions),
            ]
        )
        return MeetingID(id)
    }

    /// Every meeting of the participant, notes and decisions opened, earliest first.
    public func meetings(of participant: ParticipantID) async throws -> [Meeting] {
        try await db.select().columns("id", "participant_id", "kind", "day", "attendees", "notes_sealed", "decisions_sealed", "recorded_by")
            .from("meetings").where("participant_id", .equal, participant.rawValue).orderBy("day").orderBy("id").all()
            .map { row in try meeting(from: row, opening: true) }
    }

    /// Meetings of these participants between two days, for the calendar: attendees, notes and
    /// decisions stay sealed and come back empty.
    public func meetings(of participants: Set<ParticipantID>, from first: Day, through last: Day) async throws -> [Meeting] {
        guard !participants.isEmpty else { return [] }
        return try await db.select().columns("id", "participant_id", "kind", "day", "recorded_by").from("meetings")
            .where("participant_id", .in, participants.map(\.rawValue).sorted())
            .where("day", .greaterThanOrEqual, first.description).where("day", .lessThanOrEqual, last.description)
            .orderBy("day").all().map { row in try meeting(from: row, opening: false) }
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

    private func meeting(from row: any SQLRow, opening: Bool) throws -> Meeting {
        Meeting(
            id: try row.id("id"),
            participantID: try row.id("participant_id"),
            kind: MeetingKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .individual,
            day: try Self.day(row, "day"),
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
