import Foundation
import FramstegCore
import FramstegStore

/// "Mina framsteg": what the participant takes home, printed in the meeting. Their own answers
/// over time (never the counsellor's items, differences or prompts) and their plan, in plain
/// language: each goal with its steps, who does them, by when, and how far they have come.
struct MyProgressDocument: Sendable {
    struct Goal: Sendable {
        let text: String
        let steps: [Step]
        let hasSteps: Bool
    }

    struct Step: Sendable {
        let text: String
        let who: String
        let due: String
        let status: String
        let isDone: Bool
    }

    let participantID: String
    let name: String
    let unit: String
    let association: String
    let printedOn: String
    let progress: [ProgressEntry]
    let hasProgress: Bool
    let goals: [Goal]
    let hasGoals: Bool

    init(_ facts: RecordFacts, language: Language) {
        participantID = facts.participant.id.description
        name = facts.participant.name
        unit = facts.unit.name
        association = facts.association?.name ?? ""
        printedOn = facts.today.description
        // Read as the participant reads it: their own answers only.
        progress = ProgressView(catalog: facts.catalog, language: language, reader: .participant)
            .instruments(facts.measurements, marked: Set(facts.plan.flatMap(\.goal.indicators)), idPrefix: "mine")
        hasProgress = !progress.isEmpty
        goals = facts.plan.map { entry in
            let steps = entry.steps.filter { $0.status != .cancelled }.map { step in
                Step(
                    text: step.text,
                    who: PlanSection.ownerLabel(step.owner, language),
                    due: step.due.description,
                    status: Texts.text("stepStatus." + step.status.rawValue, language),
                    isDone: step.status == .done
                )
            }
            return Goal(text: entry.goal.text, steps: steps, hasSteps: !steps.isEmpty)
        }
        hasGoals = !goals.isEmpty
    }
}
