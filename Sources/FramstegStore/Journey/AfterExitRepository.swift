import Foundation
import FramstegCore
import SQLKit

/// What happened and what happened next (`after_exit`): one row per participant, recorded on the
/// record and replaced when corrected.
public struct AfterExitRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func afterExit(of participant: ParticipantID) async throws -> AfterExit? {
        try await db.select()
            .columns("worked_or_studied", "next_step", "next_step_on", "situation_3m", "situation_6m")
            .from("after_exit").where("participant_id", .equal, participant.rawValue).first()
            .map { try Self.facts(from: $0, withDay: true) }
    }

    public func set(_ facts: AfterExit, for participant: ParticipantID, by user: UserID, now: Date) async throws {
        try await db.delete(from: "after_exit").where("participant_id", .equal, participant.rawValue).run()
        try await db.insert(into: "after_exit")
            .columns(
                "participant_id",
                "worked_or_studied",
                "next_step",
                "next_step_on",
                "situation_3m",
                "situation_6m",
                "recorded_by",
                "recorded_at"
            )
            .values(
                SQLBind(participant.rawValue),
                SQLBind(facts.workedOrStudied),
                SQLBind(facts.nextStep?.rawValue),
                SQLBind(facts.nextStepOn?.description),
                SQLBind(facts.situationAfter3Months?.rawValue),
                SQLBind(facts.situationAfter6Months?.rawValue),
                SQLBind(user.rawValue),
                SQLBind(now.storedSeconds)
            )
            .run()
    }

    /// Everyone of the units who ended after a start in the period, grouped by gender and what was
    /// recorded after their exit (nothing recorded is a group too).
    public func groups(units: [UnitID], period: ReportingPeriod) async throws -> [AfterExitGroup] {
        guard !units.isEmpty else { return [] }
        let prompt = "\(db.daysBetween("p.ended_on", "a.next_step_on")) <= \(AfterExit.promptDays)"
        let sql = SQLQueryString(
            """
            SELECT p.gender AS gender, a.worked_or_studied AS worked_or_studied, a.next_step AS next_step,
              CASE WHEN a.next_step_on IS NULL THEN NULL WHEN \(unsafeRaw: prompt) THEN 1 ELSE 0 END AS prompt,
              a.situation_3m AS situation_3m, a.situation_6m AS situation_6m,
              COUNT(*) AS n, CAST(SUM(p.record_key) AS BIGINT) AS key_sum
            FROM participants p LEFT JOIN after_exit a ON a.participant_id = p.id
            WHERE p.unit_id IN (\(unsafeRaw: units.map { String($0.rawValue) }.joined(separator: ", ")))
              AND p.started_on IS NOT NULL AND p.ended_on BETWEEN \(bind: period.first.description) AND \(bind: period.last.description)
            GROUP BY p.gender, a.worked_or_studied, a.next_step, prompt, a.situation_3m, a.situation_6m
            """
        )
        return try await db.raw(sql).all().map { row in
            AfterExitGroup(
                gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated,
                // The groups carry whether the next step was prompt, not its day.
                facts: try Self.facts(from: row, withDay: false),
                isPrompt: try row.decode(column: "prompt", as: Int?.self).map { $0 == 1 },
                count: try row.decode(column: "n", as: Int.self),
                keySum: try row.keySum()
            )
        }
    }

    /// `withDay`: whether the row has the next step's day (a participant's row; a group's has not).
    static func facts(from row: any SQLRow, withDay: Bool) throws -> AfterExit {
        AfterExit(
            workedOrStudied: try row.decode(column: "worked_or_studied", as: Bool?.self),
            nextStep: try row.decode(column: "next_step", as: String?.self).flatMap(NextStepKind.init(rawValue:)),
            nextStepOn: withDay ? try row.decode(column: "next_step_on", as: String?.self).flatMap(Day.init) : nil,
            situationAfter3Months: try row.decode(column: "situation_3m", as: String?.self).flatMap(FollowUpSituation.init(rawValue:)),
            situationAfter6Months: try row.decode(column: "situation_6m", as: String?.self).flatMap(FollowUpSituation.init(rawValue:))
        )
    }
}
