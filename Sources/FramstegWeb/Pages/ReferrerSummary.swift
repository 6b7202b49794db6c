import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// Besked till remittent: a printable answer to the interest registration, started or declined
/// (with the reason), for the referrer. Opening it is a read of personal data and is audited.
struct ReferrerSummary {
    let site: Site

    func page(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ participant: Participant,
        _ unit: OrganisationUnit
    ) async throws -> Response {
        let language = context.language
        let keyring = site.keyring
        let (steps, association, staff) = try await site.store.read { db in
            (
                try await ParticipantRepository(db, keyring: keyring).steps(of: participant.id),
                try await OrganisationRepository(db).association(participant.associationID),
                try await UserRepository(db).users(of: participant.associationID)
            )
        }
        try await site.audit(
            AuditEntry(
                at: site.now(),
                by: principal,
                action: .participantReferrerSummary,
                objectType: "participant",
                objectID: participant.id.description
            )
        )
        let names = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0.name) })
        var data: [String: Any] = [
            "participant": [
                "id": participant.id.description, "name": participant.name,
                "personalIdentityNumber": participant.personalIdentityNumber?.formatted ?? "",
            ],
            "unit": unit.name, "association": association?.name ?? "",
            "referrer": participant.referrerLabel(language),
            "registeredOn": participant.registeredOn.description,
            "printedOn": Day(site.now()).description, "printedBy": context.session?.user.name ?? "",
        ]
        let decision = steps.first { $0.transition.event == .start || $0.transition.event.kind == .decline }
        if let decision {
            let isStart = decision.transition.event == .start
            data["decision"] = [
                "text": Texts.text(isStart ? "decisionStarted" : "decisionDeclined", language), "day": decision.transition.day.description,
                "contact": names[participant.responsibleCounsellor ?? decision.transition.recordedBy] ?? "–",
            ]
            if !isStart, let reason = decision.reason { data["reason"] = reason }
        } else {
            data["noDecision"] = true
        }
        return site.renderer.page(.referrerSummary, title: .key("referrerSummary"), model: data, context: context)
    }
}
