import Foundation
import FramstegCore
import FramstegStore

/// Changes to the action plan, each one transaction with its audit row.
struct PlanService {
    let store: Store
    /// Seals and opens personal data at rest.
    let keyring: FieldKeyring
    let instruments: InstrumentShelf
    let now: @Sendable () -> Date

    /// Every indicator a goal can follow: those of the instruments in use.
    func availableIndicators(
        for association: AssociationID
    ) -> [(key: IndicatorKey, instrument: Instrument, indicator: IndicatorSet.Indicator)] {
        Self.availableIndicators(in: instruments.catalog(for: association))
    }

    static func availableIndicators(
        in catalog: InstrumentCatalog
    ) -> [(key: IndicatorKey, instrument: Instrument, indicator: IndicatorSet.Indicator)] {
        catalog.current.flatMap { instrument in
            (instrument.indicatorSet?.indicators ?? []).map {
                (IndicatorKey(instrumentID: instrument.id, indicatorID: $0.id), instrument, $0)
            }
        }
    }

    @discardableResult
    func addGoal(_ draft: PlanGoalDraft, for participant: Participant, by principal: Principal) async throws -> PlanGoal {
        guard participant.state.isActive else { throw ValidationFailure(problems: ["text": .notEnrolled]) }
        let valid = try draft.validated(available: Set(availableIndicators(for: participant.associationID).map(\.key)))
        let now = self.now()
        return try await store.write { db in
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
                    action: .participantPlanGoal,
                    participant: participant
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
        let now = self.now()
        let valid = try draft.validated(today: Day(now))
        return try await store.write { db in
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
                    action: .participantPlanStep,
                    participant: participant
                )
            )
            return step
        }
    }

    func setStatus(_ text: String, of step: PlanStepID, of participant: Participant, by principal: Principal) async throws {
        guard let status = PlanStepStatus(rawValue: text) else { throw ValidationFailure(problems: ["status": .unknownChoice]) }
        let now = self.now()
        try await store.write { db in
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
                    action: .participantPlanStatus,
                    participant: participant
                )
            )
        }
    }
}
