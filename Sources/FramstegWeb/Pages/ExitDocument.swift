import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// Avslutsdokument: a printable summary of the participant's time in the programme, for the
/// participant and the referrer. Opening it is a read of personal data and is audited.
struct ExitDocument {
    let site: Site

    func page(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ participant: Participant,
        _ unit: OrganisationUnit
    ) async throws -> Response {
        let language = context.language
        let keyring = site.keyring
        let (steps, association, municipality, staff, counsellors, activities) = try await site.store.read { db in
            let activities = ActivityRepository(db, keyring: keyring)
            return (
                try await ParticipantRepository(db, keyring: keyring).steps(of: participant.id),
                try await OrganisationRepository(db).association(participant.associationID),
                try await OrganisationRepository(db).municipality(participant.municipalityID),
                try await UserRepository(db).users(of: participant.associationID),
                try await ParticipantRepository(db, keyring: keyring).counsellorHistory(of: participant.id),
                (
                    interventions: try await activities.interventions(of: participant.id),
                    meetings: try await activities.meetings(of: participant.id),
                    goals: try await activities.goals(of: participant.id), attended: try await activities.attendance(of: participant.id)
                )
            )
        }
        let (measurements, actionPlan) = try await site.store.read { db in
            (
                try await MeasurementRepository(db).measurements(of: participant.id),
                try await PlanRepository(db, keyring: keyring).plan(of: participant.id)
            )
        }
        try await site.audit(
            AuditEntry(
                at: site.now(),
                by: principal,
                action: .participantExitDocument,
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
            "unit": unit.name, "association": association?.name ?? "", "municipality": municipality?.name ?? "",
            "referrer": participant.referrerLabel(language),
            "printedOn": Day(site.now()).description, "printedBy": context.session?.user.name ?? "",
        ]
        let start = steps.first { $0.transition.event == .start }?.transition.day
        let exit = steps.last { $0.transition.event.kind == .exit }?.transition
        guard participant.state == .exited, let start, let exit, case .exit(let outcome) = exit.event else {
            data["notExited"] = true
            return site.renderer.page(.exitDocument, title: .key("exitDocument"), model: data, context: context)
        }
        let days = start.days(until: exit.day)
        data["period"] = [
            "start": start.description, "exit": exit.day.description, "days": String(days),
            "months": String(format: "%.1f", Double(days) / 30.44),
        ]
        data["outcome"] = Texts.text("outcome." + outcome.rawValue, language)
        data["blocks"] = String(
            steps.filter { $0.transition.event == .checkIn }.count + (steps.contains { $0.transition.event == .multiPartyMeeting } ? 1 : 0)
        )
        data["counsellors"] = counsellors.map { names[$0.counsellor] ?? "–" }.joined(separator: ", ")
        data["steps"] = steps.dropFirst().map { step -> [String: String] in
            ["day": step.transition.day.description, "event": Texts.text("event." + step.transition.event.kind.rawValue, language)]
        }
        data["interventions"] = activities.interventions.map { intervention -> [String: String] in
            var title = intervention.title
            if let employer = intervention.employerName { title += " (\(Texts.text("placement", language)): \(employer))" }
            return [
                "type": Texts.text("interventionType." + intervention.type.rawValue, language), "title": title,
                "provider": Texts.text("provider." + intervention.provider.rawValue, language),
                "period": "\(intervention.start) – \(intervention.end?.description ?? "")",
            ]
        }
        data["hasInterventions"] = !activities.interventions.isEmpty
        // The progression over the whole journey: first, previous and latest, every figure in a table.
        let progress = ProgressView(catalog: site.instruments.catalog(for: participant.associationID), language: language)
            .instruments(measurements, marked: Set(actionPlan.flatMap(\.goal.indicators)), idPrefix: "exit")
        data["progress"] = progress
        data["hasProgress"] = !progress.isEmpty
        data["combinedDays"] = String(activities.interventions.combinedDays(until: exit.day))
        let format = { (hours: Double) in ActivityHours.format(hours, decimalSeparator: language.decimalSeparator) }
        if !activities.attended.isEmpty, let first = activities.goals.first, let last = activities.goals.last {
            data["hours"] = Texts.text("hoursSummaryText", language)
                .replacingOccurrences(of: "{hours}", with: format(activities.attended.reduce(0) { $0 + $1.hours }))
                .replacingOccurrences(of: "{weeks}", with: String(activities.attended.count))
                .replacingOccurrences(of: "{first}", with: format(first.hoursPerWeek))
                .replacingOccurrences(of: "{last}", with: format(last.hoursPerWeek))
        }
        let held = activities.meetings.filter { !$0.isPlanned(today: Day(site.now())) }
        data["meetings"] = Texts.text("meetingsHeldText", language)
            .replacingOccurrences(of: "{count}", with: String(held.count))
            .replacingOccurrences(of: "{multi}", with: String(held.filter { $0.kind == .multiParty }.count))
            .replacingOccurrences(of: "{checkins}", with: String(held.filter { $0.kind == .checkIn }.count))
        // The plan ahead is what the exit meeting decided, or else the latest decisions recorded.
        // Meeting notes are working notes and never leave the record.
        let plan = held.last { $0.kind == .exit && !$0.decisions.isEmpty } ?? held.last { !$0.decisions.isEmpty }
        if let plan { data["plan"] = plan.decisions }
        return site.renderer.page(.exitDocument, title: .key("exitDocument"), model: data, context: context)
    }
}
