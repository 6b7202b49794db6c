import Foundation
import FramstegCore
import SQLKit

/// The participant's action plan: goals linked to indicators, and steps with owner, due day and
/// status. Goal and step texts are personal data and are sealed like meeting notes, bound to their row.
public struct PlanRepository: Sendable {
    let db: any SQLDatabase
    let keyring: FieldKeyring
    let sealedGoals: SealedColumns
    let sealedSteps: SealedColumns

    public init(_ db: any SQLDatabase, keyring: FieldKeyring) {
        self.db = db
        self.keyring = keyring
        self.sealedGoals = SealedColumns(keyring, table: "plan_goals")
        self.sealedSteps = SealedColumns(keyring, table: "plan_steps")
    }

    public func addGoal(
        text: String,
        indicators: [IndicatorKey],
        for participant: ParticipantID,
        on day: Day,
        by user: UserID?
    ) async throws -> PlanGoal {
        let id = PlanGoalID(
            try await db.insertReturningID(
                db.insert(into: "plan_goals").columns("participant_id", "text_sealed", "indicators", "created_on", "created_by")
                    .values(
                        SQLBind(participant.rawValue),
                        SQLBind(""),
                        SQLBind(indicators.map(\.description).joined(separator: ",")),
                        SQLBind(day.description),
                        SQLBind(user?.rawValue)
                    )
            )
        )
        try await sealedGoals.fill(db, id: id.rawValue, [("text_sealed", text)])
        return PlanGoal(id: id, participantID: participant, text: text, indicators: indicators, createdOn: day)
    }

    /// Whether the goal is one of the participant's (nothing sealed is opened).
    public func isGoal(_ goal: PlanGoalID, of participant: ParticipantID) async throws -> Bool {
        try await db.select().column("id").from("plan_goals").where("id", .equal, goal.rawValue)
            .where("participant_id", .equal, participant.rawValue).first() != nil
    }

    public func addStep(
        text: String,
        owner: PlanStepOwner,
        due: Day,
        to goal: PlanGoalID,
        by user: UserID?,
        now: Date
    ) async throws -> PlanStep {
        let id = PlanStepID(
            try await db.insertReturningID(
                db.insert(into: "plan_steps").columns("goal_id", "text_sealed", "owner", "due_on", "status", "changed_by", "changed_at")
                    .values(
                        SQLBind(goal.rawValue),
                        SQLBind(""),
                        SQLBind(owner.storageValue),
                        SQLBind(due.description),
                        SQLBind(PlanStepStatus.planned.rawValue),
                        SQLBind(user?.rawValue),
                        SQLBind(now.storedSeconds)
                    )
            )
        )
        try await sealedSteps.fill(db, id: id.rawValue, [("text_sealed", text)])
        return PlanStep(id: id, goalID: goal, text: text, owner: owner, due: due, status: .planned)
    }

    /// Changes a step's status; the step must belong to one of the participant's goals.
    public func setStatus(
        _ status: PlanStepStatus,
        of step: PlanStepID,
        participant: ParticipantID,
        by user: UserID?,
        now: Date
    ) async throws -> Bool {
        let goalIDs = try await goals(of: participant, opening: false).map(\.id.rawValue)
        guard !goalIDs.isEmpty else { return false }
        let owned = try await db.select().column("id").from("plan_steps").where("id", .equal, step.rawValue).where("goal_id", .in, goalIDs)
            .first()
        guard owned != nil else { return false }
        try await db.update("plan_steps").set("status", to: status.rawValue).set("changed_by", to: SQLBind(user?.rawValue))
            .set("changed_at", to: now.storedSeconds).where("id", .equal, step.rawValue).run()
        return true
    }

    /// The participant's goals with their steps, texts opened (callers audit the read).
    public func plan(of participant: ParticipantID) async throws -> [(goal: PlanGoal, steps: [PlanStep])] {
        let goals = try await goals(of: participant, opening: true)
        let steps = try await steps(ofGoals: goals.map(\.id), opening: true)
        return goals.map { goal in (goal, steps.filter { $0.goalID == goal.id }) }
    }

    /// Open steps of these participants due on or before `through`, for the working view: the
    /// step's text is opened because the view names what is due (it lists the counsellor's own).
    public func openSteps(
        of participants: Set<ParticipantID>,
        dueThrough through: Day
    ) async throws -> [(participant: ParticipantID, step: PlanStep)] {
        guard !participants.isEmpty else { return [] }
        let rows = try await db.select()
            .column(SQLColumn("id", table: "plan_steps")).column(SQLColumn("goal_id", table: "plan_steps"))
            .column(SQLColumn("text_sealed", table: "plan_steps")).columns("owner", "due_on", "status", "participant_id")
            .from("plan_steps").join(
                "plan_goals",
                on: SQLColumn("goal_id", table: "plan_steps"),
                .equal,
                SQLColumn("id", table: "plan_goals")
            )
            .where("participant_id", .in, participants.map(\.rawValue).sorted())
            .where("status", .in, PlanStepStatus.allCases.filter(\.isOpen).map(\.rawValue))
            .where("due_on", .lessThanOrEqual, through.description).orderBy("due_on").all()
        return try rows.map { row in (try row.id("participant_id"), try step(from: row, opening: true)) }
    }

    private func goals(of participant: ParticipantID, opening: Bool) async throws -> [PlanGoal] {
        try await db.select().columns("id", "participant_id", "text_sealed", "indicators", "created_on").from("plan_goals")
            .where("participant_id", .equal, participant.rawValue).orderBy("id").all().map { row in
                PlanGoal(
                    id: try row.id("id"),
                    participantID: try row.id("participant_id"),
                    text: opening ? try sealedGoals.open("text_sealed", in: row) ?? "" : "",
                    indicators: try row.decode(column: "indicators", as: String.self).split(separator: ",").compactMap {
                        IndicatorKey(String($0))
                    },
                    createdOn: try ActivityRepository.day(row, "created_on")
                )
            }
    }

    private func steps(ofGoals goals: [PlanGoalID], opening: Bool) async throws -> [PlanStep] {
        guard !goals.isEmpty else { return [] }
        return try await db.select().columns("id", "goal_id", "text_sealed", "owner", "due_on", "status").from("plan_steps")
            .where("goal_id", .in, goals.map(\.rawValue)).orderBy("due_on").orderBy("id").all().map { row in
                try step(from: row, opening: opening)
            }
    }

    private func step(from row: any SQLRow, opening: Bool) throws -> PlanStep {
        PlanStep(
            id: try row.id("id"),
            goalID: try row.id("goal_id"),
            text: opening ? try sealedSteps.open("text_sealed", in: row) ?? "" : "",
            owner: PlanStepOwner(storageValue: try row.decode(column: "owner", as: String.self)) ?? .counsellor,
            due: try ActivityRepository.day(row, "due_on"),
            status: PlanStepStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned
        )
    }
}
