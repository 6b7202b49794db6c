import Foundation
import FramstegCore
import FramstegStore

/// Changes to the action plan, each one transaction with its audit row.
struct PlanService {
    let site: Site

    /// Every indicator a goal can follow: those of the instruments in use.
    func availableIndicators(
        for association: AssociationID
    ) -> [(key: IndicatorKey, instrument: Instrument, indicator: IndicatorSet.Indicator)] {
        site.instruments.catalog(for: association).current.flatMap { instrument in
            (instrument.indicatorSet?.indicators ?? []).map {
                (IndicatorKey(instrumentID: instrument.id, indicatorID: $0.id), instrument, $0)
            }
        }
    }

    @discardableResult
    func addGoal(_ draft: PlanGoalDraft, for participant: Participant, by principal: Principal) async throws -> PlanGoal {
        guard participant.state.isActive else { throw ValidationFailure(problems: ["text": .notEnrolled]) }
        let valid = try draft.validated(available: Set(availableIndicators(for: participant.associationID).map(\.key)))
        let keyring = site.keyring
        let now = site.now()
        return try await site.store.write { db in
            let goal = try await PlanRepository(db, keyring: keyring).addGoal(
                text: valid.text,
                indicators: valid.indicators,
                for: participant.id,
                on: Day(now),
                by: principal.userID
            )
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: "participant.plan.goal",
                    objectType: "participant",
                    objectID: participant.id.description
                )
            )
            return goal
        }
    }

    @discardableResult
    func addStep(
        _ draft: PlanStepDraft,
        to goalID: PlanGoalID,
        of participant: Participant,
        by principal: Principal
    ) async throws -> PlanStep {
        guard participant.state.isActive else { throw ValidationFailure(problems: ["text": .notEnrolled]) }
        let keyring = site.keyring
        let now = site.now()
        let valid = try draft.validated(today: Day(now))
        return try await site.store.write { db in
            let plans = PlanRepository(db, keyring: keyring)
            guard try await plans.isGoal(goalID, of: participant.id) else { throw WebError.notFound }
            let step = try await plans.addStep(
                text: valid.text,
                owner: valid.owner,
                due: valid.due,
                to: goalID,
                by: principal.userID,
                now: now
            )
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: "participant.plan.step",
                    objectType: "participant",
                    objectID: participant.id.description
                )
            )
            return step
        }
    }

    func setStatus(_ text: String, of step: PlanStepID, of participant: Participant, by principal: Principal) async throws {
        guard let status = PlanStepStatus(rawValue: text) else { throw ValidationFailure(problems: ["status": .unknownChoice]) }
        let keyring = site.keyring
        let now = site.now()
        try await site.store.write { db in
            guard
                try await PlanRepository(db, keyring: keyring).setStatus(
                    status,
                    of: step,
                    participant: participant.id,
                    by: principal.userID,
                    now: now
                )
            else { throw WebError.notFound }
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: "participant.plan.status",
                    objectType: "participant",
                    objectID: participant.id.description
                )
            )
        }
    }
}
