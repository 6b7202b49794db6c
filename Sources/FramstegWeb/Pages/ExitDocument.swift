import FramstegCore
import FramstegStore
import Foundation
import Hummingbird

/// Avslutsdokument: a printable summary of the participant's time in the programme, for the
/// participant and the referrer. Opening it is a read of personal data and is audited.
struct ExitDocument {
    let site: Site

    func page(_ context: AppRequestContext, _ principal: Principal, _ participant: Participant, _ unit: OrganisationUnit) async throws -> Response {
        let language = context.language
        let keyring = site.keyring
        let (steps, association, municipality, staff, counsellors) = try await site.store.read { db in
            (try await ParticipantRepository(db, keyring: keyring).steps(of: participant.id),
             try await OrganisationRepository(db).association(participant.associationID),
             try await OrganisationRepository(db).municipality(participant.municipalityID),
             try await UserRepository(db).users(of: participant.associationID),
             try await ParticipantRepository(db, keyring: keyring).counsellorHistory(of: participant.id))
        }
        try await site.audit(AuditEntry(at: site.now(), by: principal, action: "participant.exit-document", objectType: "participant", objectID: participant.id.description))
        let names = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0.name) })
        var data: [String: Any] = [
            "participant": ["id": participant.id.description, "name": participant.name,
                            "personalIdentityNumber": participant.personalIdentityNumber?.formatted ?? ""],
            "unit": unit.name, "association": association?.name ?? "", "municipality": municipality?.name ?? "",
            "referrer": ([Texts.text("referrer." + participant.referrerKind.rawValue, language)] + (participant.referrerName.isEmpty ? [] : [participant.referrerName])).joined(separator: ", "),
            "printedOn": Day(site.now()).description, "printedBy": context.session?.user.name ?? "",
        ]
        let start = steps.first { $0.transition.event == .start }?.transition.day
        let exit = steps.last { $0.transition.event.kind == .exit }?.transition
        guard participant.state == .exited, let start, let exit, case .exit(let outcome) = exit.event else {
            data["notExited"] = true
            return site.renderer.page("exit-document", titleKey: "exitDocument", context: context, data: data)
        }
        let days = start.days(until: exit.day)
        data["period"] = ["start": start.description, "exit": exit.day.description, "days": String(days),
                          "months": String(format: "%.1f", Double(days) / 30.44)]
        data["outcome"] = Texts.text("outcome." + outcome.rawValue, language)
        data["blocks"] = String(steps.filter { $0.transition.event == .checkIn }.count + (steps.contains { $0.transition.event == .multiPartyMeeting } ? 1 : 0))
        data["counsellors"] = counsellors.map { names[$0.counsellor] ?? "–" }.joined(separator: ", ")
        data["steps"] = steps.dropFirst().map { step -> [String: String] in
            ["day": step.transition.day.description, "event": Texts.text("event." + step.transition.event.kind.rawValue, language)]
        }
        return site.renderer.page("exit-document", titleKey: "exitDocument", context: context, data: data)
    }
}
