import FramstegCore
import FramstegStore

/// Besked till remittent: a printable answer to the interest registration, started or declined
/// (with the reason), for the referrer.
struct ReferrerSummary: Sendable {
    struct Decision: Sendable {
        let text: String
        let day: String
        let contact: String
    }

    let participant: ExitDocument.Person
    let unit: String
    let association: String
    let referrer: String
    let registeredOn: String
    let printedOn: String
    let printedBy: String
    let decision: Decision?
    /// Why the participant was declined; a start needs no reason.
    let reason: String?
    let noDecision: Bool

    init(_ facts: RecordFacts, printedBy: String, language: Language) {
        let participant = facts.participant
        self.participant = ExitDocument.Person(
            id: participant.id.description,
            name: participant.name,
            personalIdentityNumber: participant.personalIdentityNumber?.formatted ?? ""
        )
        unit = facts.unit.name
        association = facts.association?.name ?? ""
        referrer = participant.referrerLabel(language)
        registeredOn = participant.registeredOn.description
        printedOn = facts.today.description
        self.printedBy = printedBy
        let made = facts.steps.first { $0.transition.event == .start || $0.transition.event.kind == .decline }
        decision = made.map { made in
            Decision(
                text: Texts.text(made.transition.event == .start ? "decisionStarted" : "decisionDeclined", language),
                day: made.transition.day.description,
                contact: facts.staffNames[participant.responsibleCounsellor ?? made.transition.recordedBy] ?? "–"
            )
        }
        reason = made.flatMap { $0.transition.event == .start ? nil : $0.reason }
        noDecision = made == nil
    }
}
