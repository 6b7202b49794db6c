import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// The action plan (handlingsplan) on the record: goals that follow indicators of the chart,
/// steps with owner, due day and status.
struct PlanPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.post("/participants/:participant/plan/goals", .changeParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            let form = context.form
            do {
                try await site.services.plans.addGoal(
                    PlanGoalDraft(text: form["text"], indicators: form.all("indicators")),
                    for: participant,
                    by: principal
                )
                return .redirect(to: "/participants/\(participant.id)", notice: .planGoalAdded, section: "plan")
            } catch let failure as ValidationFailure {
                let typed = ["text": form["text"], "indicators": form.all("indicators").joined(separator: ",")]
                return try await ParticipantPages(site: site).recordPage(
                    context,
                    principal,
                    participant,
                    unit,
                    sections: ["goalPlanForm": FormState(values: typed, errors: failure.messages(context.language))],
                    audit: false
                )
            }
        }
        routes.post("/participants/:participant/plan/goals/:goal/steps", .changeParticipant, .participant) {
            request,
            context,
            principal,
            record in
            let (participant, unit) = (record.participant, record.unit)
            guard let goal = context.parameters.get("goal").flatMap(PlanGoalID.init(parsing:)) else { throw WebError.notFound }
            let form = context.form
            do {
                try await site.services.plans.addStep(
                    PlanStepDraft(text: form["text"], owner: form["owner"], due: form["due"]),
                    to: goal,
                    of: participant,
                    by: principal
                )
                return .redirect(to: "/participants/\(participant.id)", notice: .planStepAdded, section: "plan")
            } catch let failure as ValidationFailure {
                let typed = ["goal": goal.description, "text": form["text"], "owner": form["owner"], "due": form["due"]]
                return try await ParticipantPages(site: site).recordPage(
                    context,
                    principal,
                    participant,
                    unit,
                    sections: ["stepPlanForm": FormState(values: typed, errors: failure.messages(context.language))],
                    audit: false
                )
            }
        }
        routes.post("/participants/:participant/plan/steps/:step/status", .changeParticipant, .participant) {
            request,
            context,
            principal,
            record in
            let (participant, unit) = (record.participant, record.unit)
            guard let step = context.parameters.get("step").flatMap(PlanStepID.init(parsing:)) else { throw WebError.notFound }
            do {
                try await site.services.plans.setStatus(context.form["status"], of: step, of: participant, by: principal)
                return .redirect(to: "/participants/\(participant.id)", notice: .planStepChanged, section: "plan")
            } catch let failure as ValidationFailure {
                return try await ParticipantPages(site: site).recordPage(
                    context,
                    principal,
                    participant,
                    unit,
                    sections: ["statusPlanForm": FormState(values: [:], errors: failure.messages(context.language))],
                    audit: false
                )
            }
        }
    }

    /// The plan as the record shows it, with its forms (returning with problems where they were refused).
    func planData(
        _ participant: Participant,
        plan: [(goal: PlanGoal, steps: [PlanStep])],
        sections: [String: FormState],
        language: Language
    ) -> [String: Any] {
        let today = Day(site.now())
        let available = site.services.plans.availableIndicators(for: participant.associationID)
        let labels = Dictionary(
            uniqueKeysWithValues: available.map { ($0.key, $0.instrument.title.text(language) + ": " + $0.indicator.label.text(language)) }
        )
        let goalForm = sections["goalPlanForm"] ?? FormState()
        let stepForm = sections["stepPlanForm"] ?? FormState(values: ["due": today.adding(days: 14).description, "owner": "participant"])
        let chosen = Set((goalForm.values["indicators"] ?? "").split(separator: ",").map(String.init))
        var goalData = goalForm.data
        goalData["indicatorChoices"] = available.map { entry -> [String: Any] in
            [
                "value": entry.key.description, "label": labels[entry.key] ?? entry.key.description,
                "checked": chosen.contains(entry.key.description),
            ]
        }
        return [
            "plan": plan.map { goal, steps -> [String: Any] in
                let returning = stepForm.values["goal"] == goal.id.description
                var form = (returning ? stepForm : FormState(values: ["due": today.adding(days: 14).description, "owner": "participant"]))
                    .data
                form["owners"] = PlanStepOwner.allCases.map { owner -> [String: Any] in
                    [
                        "value": owner.storageValue, "label": Self.ownerLabel(owner, language),
                        "selected": (returning ? stepForm.values["owner"] : "participant") == owner.storageValue,
                    ]
                }
                return [
                    "id": goal.id.description, "text": goal.text, "createdOn": goal.createdOn.description,
                    "indicators": goal.indicators.map { labels[$0] ?? $0.description }.joined(separator: ", "),
                    "steps": steps.map { step -> [String: Any] in
                        [
                            "id": step.id.description, "text": step.text, "owner": Self.ownerLabel(step.owner, language),
                            "due": step.due.description,
                            "status": Texts.text("stepStatus." + step.status.rawValue, language), "isOverdue": step.isOverdue(today: today),
                            "statuses": PlanStepStatus.allCases.map {
                                [
                                    "value": $0.rawValue, "label": Texts.text("stepStatus." + $0.rawValue, language),
                                    "selected": $0 == step.status,
                                ] as [String: Any]
                            },
                        ]
                    },
                    "hasSteps": !steps.isEmpty, "stepForm": form,
                ]
            },
            "hasPlan": !plan.isEmpty,
            "goalPlanForm": goalData,
            "statusError": sections["statusPlanForm"]?.errors["status"] ?? "",
        ]
    }

    static func ownerLabel(_ owner: PlanStepOwner, _ language: Language) -> String {
        switch owner {
        case .participant: Texts.text("owner.participant", language)
        case .counsellor: Texts.text("owner.counsellor", language)
        case .authority(let authority): Texts.text("authority." + authority.rawValue, language)
        }
    }
}
