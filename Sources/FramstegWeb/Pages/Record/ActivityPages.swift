import FramstegCore
import Hummingbird

/// The participant's interventions, meetings and activity hours, changed from the record; what the
/// record shows of them is `InterventionSection`, `HoursSection` and `MeetingSection`.
struct ActivityPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.post("/participants/:participant/interventions", .changeParticipant, .participant) { _, context, principal, record in
            let form = context.form
            let draft = InterventionDraft(
                type: form["type"],
                provider: form["provider"],
                title: form["title"],
                isPlacement: form["placement"] == "yes",
                employerName: form["employerName"],
                start: form["start"],
                end: form["end"]
            )
            do {
                try await site.services.activities.addIntervention(draft, to: record.participant, by: principal)
                return .redirect(toRecordOf: record.participant.id, notice: .interventionAdded, section: "interventions")
            } catch let failure as ValidationFailure {
                var typed = Dictionary(
                    uniqueKeysWithValues: ["type", "provider", "title", "employerName", "start", "end"].map { ($0, form[$0]) }
                )
                typed["placement"] = draft.isPlacement ? "yes" : ""
                return try await recordPages.page(context, principal, record, refused: .intervention, typed, failure)
            }
        }
        routes.post("/participants/:participant/interventions/:intervention/end", .changeParticipant, .participant) {
            _,
            context,
            principal,
            record in
            guard let id = context.parameters.get("intervention").flatMap(InterventionID.init(parsing:)) else { throw WebError.notFound }
            do {
                try await site.services.activities.endIntervention(id, of: record.participant, on: context.form["end"], by: principal)
                return .redirect(toRecordOf: record.participant.id, notice: .interventionEnded, section: "interventions")
            } catch let failure as ValidationFailure {
                // Shown beside the row of the intervention it concerns.
                return try await recordPages.page(
                    context,
                    principal,
                    record,
                    refused: .interventionEnd(id),
                    ["end": context.form["end"]],
                    failure
                )
            }
        }
        routes.post("/participants/:participant/interventions/:intervention/correct", .changeParticipant, .participant) {
            _,
            context,
            principal,
            record in
            guard let id = context.parameters.get("intervention").flatMap(InterventionID.init(parsing:)) else { throw WebError.notFound }
            let form = context.form
            do {
                let kind = try InterventionChange.Kind.chosen(form["change"])
                try await site.services.activities.correctIntervention(
                    id,
                    kind,
                    reason: form["reason"],
                    of: record.participant,
                    by: principal
                )
                return .redirect(
                    toRecordOf: record.participant.id,
                    notice: kind == .withdrawn ? .interventionWithdrawn : .interventionEndTakenBack,
                    section: "interventions"
                )
            } catch let failure as ValidationFailure {
                // Shown in the row's correction form, opened, as typed.
                return try await recordPages.page(
                    context,
                    principal,
                    record,
                    refused: .interventionCorrection(id),
                    ["change": form["change"], "reason": form["reason"]],
                    failure
                )
            }
        }
        routes.post("/participants/:participant/meetings", .changeParticipant, .participant) { _, context, principal, record in
            let form = context.form
            // The record has two forms: one plans a meeting (day, time, place), one records a held one.
            let isPlan = form["status"] == MeetingStatus.planned.rawValue
            let draft = MeetingDraft(
                status: isPlan ? MeetingStatus.planned.rawValue : MeetingStatus.held.rawValue,
                kind: form["kind"],
                day: form["day"],
                time: form["time"],
                place: form["place"],
                attendees: isPlan ? [] : form.all("attendees"),
                notes: isPlan ? "" : form["notes"],
                decisions: isPlan ? "" : form["decisions"]
            )
            do {
                try await site.services.activities.addMeeting(draft, to: record.participant, by: principal)
                return .redirect(toRecordOf: record.participant.id, notice: isPlan ? .meetingPlanned : .meetingSaved, section: "meetings")
            } catch let failure as ValidationFailure {
                let typed = [
                    "kind": draft.kind, "day": draft.day, "time": draft.time, "place": draft.place, "notes": draft.notes,
                    "decisions": draft.decisions, "attendees": draft.attendees.joined(separator: ","),
                ]
                return try await recordPages.page(context, principal, record, refused: isPlan ? .meetingPlan : .meeting, typed, failure)
            }
        }
        routes.post("/participants/:participant/hours-goal", .changeParticipant, .participant) { _, context, principal, record in
            try await saveHours(context, principal, record, isGoal: true)
        }
        routes.post("/participants/:participant/hours", .changeParticipant, .participant) { _, context, principal, record in
            try await saveHours(context, principal, record, isGoal: false)
        }
    }

    private var recordPages: RecordPages { RecordPages(site: site) }

    private func saveHours(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ record: ParticipantInUnit,
        isGoal: Bool
    )
        async throws -> Response
    {
        let draft = HoursDraft(week: context.form["week"], hours: context.form["hours"])
        do {
            if isGoal {
                try await site.services.activities.setGoal(draft, for: record.participant, by: principal)
            } else {
                try await site.services.activities.recordAttendance(draft, for: record.participant, by: principal)
            }
            return .redirect(toRecordOf: record.participant.id, notice: isGoal ? .goalSaved : .hoursSaved, section: "hours")
        } catch let failure as ValidationFailure {
            let typed = ["week": draft.week, "hours": draft.hours]
            return try await recordPages.page(context, principal, record, refused: isGoal ? .hoursGoal : .hours, typed, failure)
        }
    }
}
