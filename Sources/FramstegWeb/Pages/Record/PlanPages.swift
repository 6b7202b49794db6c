import FramstegCore
import Hummingbird

/// The action plan (handlingsplan), changed from the record: goals that follow indicators of the
/// chart, steps with owner, due day and status. What the record shows of it is `PlanSection`.
struct PlanPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.post("/participants/:participant/plan/goals", .changeParticipant, .participant) { _, context, principal, record in
            let form = context.form
            do {
                try await site.services.plans.addGoal(
                    PlanGoalDraft(text: form["text"], indicators: form.all("indicators")),
                    for: record.participant,
                    by: principal
                )
                return .redirect(toRecordOf: record.participant.id, notice: .planGoalAdded, section: "plan")
            } catch let failure as ValidationFailure {
                let typed = ["text": form["text"], "indicators": form.all("indicators").joined(separator: ",")]
                return try await RecordPages(site: site).page(context, principal, record, refused: .planGoal, typed, failure)
            }
        }
        routes.post("/participants/:participant/plan/goals/:goal/steps", .changeParticipant, .participant) {
            _,
            context,
            principal,
            record in
            guard let goal = context.parameters.get("goal").flatMap(PlanGoalID.init(parsing:)) else { throw WebError.notFound }
            let form = context.form
            do {
                try await site.services.plans.addStep(
                    PlanStepDraft(text: form["text"], owner: form["owner"], due: form["due"]),
                    to: goal,
                    of: record.participant,
                    by: principal
                )
                return .redirect(toRecordOf: record.participant.id, notice: .planStepAdded, section: "plan")
            } catch let failure as ValidationFailure {
                let typed = ["text": form["text"], "owner": form["owner"], "due": form["due"]]
                return try await RecordPages(site: site).page(context, principal, record, refused: .planStep(goal), typed, failure)
            }
        }
        routes.post("/participants/:participant/plan/steps/:step/status", .changeParticipant, .participant) {
            _,
            context,
            principal,
            record in
            guard let step = context.parameters.get("step").flatMap(PlanStepID.init(parsing:)) else { throw WebError.notFound }
            do {
                try await site.services.plans.setStatus(context.form["status"], of: step, of: record.participant, by: principal)
                return .redirect(toRecordOf: record.participant.id, notice: .planStepChanged, section: "plan")
            } catch let failure as ValidationFailure {
                return try await RecordPages(site: site).page(context, principal, record, refused: .planStatus, [:], failure)
            }
        }
    }
}
