import Foundation
import FramstegCore
import SQLKit

/// The demo's anonymous surveys: the exit survey offered to most who leave and answered by most of
/// them, the questions about violence offered a month after the start. Answers lean positive, more
/// so for those who leave for work or studies; a few answer yes to the questions about violence.
/// The finished responses are returned, to go through `SurveyRepository.add` like real ones, in the
/// order they were given (so batches of five release as they would have), and are just as unlinkable.
struct DemoSurveys {
    let db: any SQLDatabase
    let catalog: InstrumentCatalog
    let today: Day

    /// Offers the participant's surveys, marks the answered ones completed and returns their responses.
    func add(
        to id: ParticipantID,
        unit: UnitID,
        gender: Gender,
        _ steps: [JourneyTransition],
        by user: UserID
    ) async throws
        -> [AnonymousResponse]
    {
        guard let start = steps.first(where: { $0.event == .start })?.day else { return [] }
        var responses: [AnonymousResponse] = []
        // Record keys from a stream of their own, so the answers drawn stay what they were.
        var keys = SeededRandom(seed: 71_000 + UInt64(id.rawValue))
        var random = SeededRandom(seed: 70_000 + UInt64(id.rawValue))
        let surveys = SurveyOfferRepository(db)
        // How the participant answers the gender question: mostly as registered, sometimes not at all.
        let givenGender = random.chance(0.9) ? gender : .anotherOrNotStated

        if let violence = catalog.latest("vald-i-nara-relationer"), start.adding(days: 30) <= today, random.chance(0.75) {
            let offer = try await surveys.offer(violence.id, to: id, on: start.adding(days: 30), by: user)
            if random.chance(0.85) {
                let exposed = random.chance(0.12)
                var answers: [String: Answer] = [:]
                for item in violence.items(for: .participant) {
                    if item.asksGender {
                        answers[item.id] = .choice(givenGender.rawValue)
                        continue
                    }
                    let value: String =
                        item.id == "vill-ha-stod"
                        ? random.weighted([("yes", exposed ? 0.4 : 0.02), ("no", exposed ? 0.45 : 0.93), ("no-answer", 0.05)])
                        : random.weighted([
                            ("yes-now", exposed ? 0.2 : 0.005), ("yes-earlier", exposed ? 0.5 : 0.03), ("no", exposed ? 0.25 : 0.94),
                            ("no-answer", 0.025),
                        ])
                    answers[item.id] = .choice(value)
                }
                responses.append(
                    AnonymousResponse(
                        completing: answers,
                        of: violence,
                        unitID: unit,
                        month: Month(offer.offeredOn),
                        recordKey: .random(using: &keys)
                    )
                )
                try await surveys.markCompleted(offer.id)
            }
        }

        guard case .exit(let outcome) = steps.last?.event, let exitDay = steps.last?.day, let exitSurvey = catalog.latest("deltagarenkat"),
            random.chance(0.8)
        else { return responses }
        let offer = try await surveys.offer(exitSurvey.id, to: id, on: exitDay, by: user)
        guard random.chance(0.85) else { return responses }
        let doingWell = [.unsubsidisedWork, .subsidisedWork, .studies].contains(outcome)
        var answers: [String: Answer] = [:]
        for item in exitSurvey.items(for: .participant) {
            if item.asksGender {
                answers[item.id] = .choice(givenGender.rawValue)
                continue
            }
            let lean = doingWell ? 1.6 : 1.0
            // Questions 5–10 are on the extent scale from version 2 on, 1–3 on the frequency scale.
            let onExtentScale = item.scale.choices.contains { $0.value == "partly" }
            answers[item.id] = .choice(
                random.weighted(
                    onExtentScale
                        ? [
                            ("completely", 0.2 * lean), ("largely", 0.3 * lean), ("partly", 0.24), ("slightly", 0.1),
                            ("not-at-all", 0.05), ("dont-know", 0.06),
                        ]
                        : [
                            ("always", 0.22 * lean), ("mostly", 0.26 * lean), ("often", 0.18 * lean), ("sometimes", 0.14),
                            ("seldom", 0.07), ("never", 0.04), ("dont-know", 0.06),
                        ]
                )
            )
        }
        responses.append(
            AnonymousResponse(completing: answers, of: exitSurvey, unitID: unit, month: Month(exitDay), recordKey: .random(using: &keys))
        )
        try await surveys.markCompleted(offer.id)
        return responses
    }
}
