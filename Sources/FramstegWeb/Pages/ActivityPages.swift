import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// The participant's interventions, meetings and activity hours: the forms on the record, and
/// what the record shows of them. Each change is one transaction with its audit row.
struct ActivityPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.post("/participants/:participant/interventions", .changeParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            return try await addIntervention(context, principal, participant, unit)
        }
        routes.post("/participants/:participant/interventions/:intervention/end", .changeParticipant, .participant) {
            request,
            context,
            principal,
            record in
            let (participant, unit) = (record.participant, record.unit)
            return try await endIntervention(context, principal, participant, unit)
        }
        routes.post("/participants/:participant/meetings", .changeParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            return try await addMeeting(context, principal, participant, unit)
        }
        routes.post("/participants/:participant/hours-goal", .changeParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            return try await saveHours(context, principal, participant, unit, isGoal: true)
        }
        routes.post("/participants/:participant/hours", .changeParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            return try await saveHours(context, principal, participant, unit, isGoal: false)
        }
    }

    // MARK: Changes

    private func addIntervention(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ participant: Participant,
        _ unit: OrganisationUnit
    ) async throws -> Response {
        let form = context.form
        let fields = ["type", "provider", "title", "employerName", "start", "end"]
        var typed = Dictionary(uniqueKeysWithValues: fields.map { ($0, form[$0]) })
        typed["placement"] = form["placement"] == "yes" ? "yes" : ""
        do {
            let draft = InterventionDraft(
                type: form["type"],
                provider: form["provider"],
                title: form["title"],
                isPlacement: form["placement"] == "yes",
                employerName: form["employerName"],
                start: form["start"],
                end: form["end"]
            )
            try await site.services.activities.addIntervention(draft, to: participant, by: principal)
            return .redirect(to: "/participants/\(participant.id)", notice: .interventionAdded, section: "interventions")
        } catch let failure as ValidationFailure {
            return try await again(context, principal, participant, unit, "interventionForm", typed, failure)
        }
    }

    private func endIntervention(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ participant: Participant,
        _ unit: OrganisationUnit
    ) async throws -> Response {
        guard let id = context.parameters.get("intervention").flatMap(InterventionID.init(parsing:)) else { throw WebError.notFound }
        do {
            try await site.services.activities.endIntervention(id, of: participant, on: context.form["end"], by: principal)
            return .redirect(to: "/participants/\(participant.id)", notice: .interventionEnded, section: "interventions")
        } catch let failure as ValidationFailure {
            var messages = failure.messages(context.language)
            // Shown beside the row of the intervention it concerns.
            if let message = messages.removeValue(forKey: "end") { messages["end-\(id)"] = message }
            return try await ParticipantPages(site: site).recordPage(
                context,
                principal,
                participant,
                unit,
                sections: ["endForm": FormState(values: ["end-\(id)": context.form["end"]], errors: messages)],
                audit: false
            )
        }
    }

    private func addMeeting(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ participant: Participant,
        _ unit: OrganisationUnit
    ) async throws -> Response {
        let form = context.form
        var typed = ["kind": form["kind"], "day": form["day"], "notes": form["notes"], "decisions": form["decisions"]]
        typed["attendees"] = form.all("attendees").joined(separator: ",")
        do {
            let draft = MeetingDraft(
                kind: form["kind"],
                day: form["day"],
                attendees: form.all("attendees"),
                notes: form["notes"],
                decisions: form["decisions"]
            )
            try await site.services.activities.addMeeting(draft, to: participant, by: principal)
            return .redirect(to: "/participants/\(participant.id)", notice: .meetingSaved, section: "meetings")
        } catch let failure as ValidationFailure {
            return try await again(context, principal, participant, unit, "meetingForm", typed, failure)
        }
    }

    private func saveHours(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ participant: Participant,
        _ unit: OrganisationUnit,
        isGoal: Bool
    ) async throws -> Response {
        let draft = HoursDraft(week: context.form["week"], hours: context.form["hours"])
        do {
            let service = site.services.activities
            if isGoal {
                try await service.setGoal(draft, for: participant, by: principal)
            } else {
                try await service.recordAttendance(draft, for: participant, by: principal)
            }
            return .redirect(to: "/participants/\(participant.id)", notice: isGoal ? .goalSaved : .hoursSaved, section: "hours")
        } catch let failure as ValidationFailure {
            return try await again(
                context,
                principal,
                participant,
                unit,
                isGoal ? "goalForm" : "hoursForm",
                ["week": draft.week, "hours": draft.hours],
                failure
            )
        }
    }

    /// The record again, the section's form holding what was typed and a message beside each field.
    private func again(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ participant: Participant,
        _ unit: OrganisationUnit,
        _ section: String,
        _ typed: [String: String],
        _ failure: ValidationFailure
    ) async throws -> Response {
        try await ParticipantPages(site: site).recordPage(
            context,
            principal,
            participant,
            unit,
            sections: [section: FormState(values: typed, errors: failure.messages(context.language))],
            audit: false
        )
    }

    // MARK: What the record shows

    /// The record's activity sections; `sections` hold forms coming back with problems. The record
    /// has already loaded the journey's steps and the staff's names, and hands them over.
    func recordData(
        _ participant: Participant,
        steps: [RecordedStep],
        names: [UserID: String],
        sections: [String: FormState],
        language: Language
    ) async throws -> [String: Any] {
        let keyring = site.keyring
        let (interventions, meetings, goals, attendance) = try await site.store.read { db in
            let activities = ActivityRepository(db, keyring: keyring)
            return (
                try await activities.interventions(of: participant.id), try await activities.meetings(of: participant.id),
                try await activities.goals(of: participant.id), try await activities.attendance(of: participant.id)
            )
        }
        let today = Day(site.now())
        let started = steps.first { $0.transition.event == .start }?.transition.day
        let running = interventions.types(runningOn: today)
        let endForm = sections["endForm"] ?? FormState()
        var data: [String: Any] = [
            "canChangeActivities": participant.state.isActive,
            "hasStarted": started != nil && participant.state != .declined,
            "interventions": interventions.map { intervention -> [String: Any] in
                var row: [String: Any] = [
                    "id": intervention.id.description, "type": Texts.text("interventionType." + intervention.type.rawValue, language),
                    "provider": Texts.text("provider." + intervention.provider.rawValue, language), "title": intervention.title,
                    "start": intervention.start.description, "end": intervention.end?.description ?? Texts.text("ongoing", language),
                    "isRunning": intervention.end == nil && participant.state.isActive,
                    "endValue": endForm.values["end-\(intervention.id)"] ?? today.description,
                ]
                if let employer = intervention.employerName { row["employer"] = employer }
                if let error = endForm.errors["end-\(intervention.id)"] { row["endError"] = error }
                return row
            },
            "hasInterventions": !interventions.isEmpty,
            "runningTypes": running.sorted { $0.rawValue < $1.rawValue }.map { Texts.text("interventionType." + $0.rawValue, language) }
                .joined(separator: " + "),
            "mix": Texts.text("mix." + InterventionMix(running).rawValue, language),
            "mixIsCombined": InterventionMix(running) == .combined,
            "combinedDays": String(interventions.combinedDays(until: today)),
            "meetings": meetings.reversed().map { meeting -> [String: Any] in
                var row: [String: Any] = [
                    "day": meeting.day.description, "kind": Texts.text("meetingKind." + meeting.kind.rawValue, language),
                    "attendees": MeetingAttendee.allCases.filter(meeting.attendees.contains).map {
                        Texts.text("attendee." + $0.rawValue, language)
                    }.joined(separator: ", "),
                    "isPlanned": meeting.isPlanned(today: today), "by": names[meeting.recordedBy] ?? "–",
                ]
                if !meeting.notes.isEmpty { row["notes"] = meeting.notes }
                if !meeting.decisions.isEmpty { row["decisions"] = meeting.decisions }
                return row
            },
            "hasMeetings": !meetings.isEmpty,
        ]
        data.merge(hoursData(goals: goals, attendance: attendance, today: today, language: language)) { $1 }
        data.merge(formData(sections: sections, today: today, language: language)) { $1 }
        return data
    }

    private func hoursData(goals: [HoursGoal], attendance: [AttendedHours], today: Day, language: Language) -> [String: Any] {
        let rows = ActivityHours.rows(goals: goals, attended: attendance, through: Week(containing: today))
        let format = { (hours: Double) in ActivityHours.format(hours, decimalSeparator: language.decimalSeparator) }
        return [
            "hasHours": !rows.isEmpty,
            "currentGoal": goals.last.map { format($0.hoursPerWeek) } ?? "–",
            "hoursChart": HoursChart(rows: rows.suffix(26).map { $0 }, language: language).svg,
            "hoursRows": rows.reversed().map { row -> [String: String] in
                ["week": row.week.description, "goal": row.goal.map(format) ?? "–", "attended": row.attended.map(format) ?? "–"]
            },
        ]
    }

    /// The empty or returning forms of the activity sections, with their choices.
    private func formData(sections: [String: FormState], today: Day, language: Language) -> [String: Any] {
        let intervention = sections["interventionForm"] ?? FormState(values: ["start": today.description])
        let meeting = sections["meetingForm"] ?? FormState(values: ["day": today.description, "attendees": "participant,counsellor"])
        let goal = sections["goalForm"] ?? FormState(values: ["week": Week(containing: today).description])
        let hours = sections["hoursForm"] ?? FormState(values: ["week": Week(containing: today).adding(weeks: -1).description])
        let attendees = Set((meeting.values["attendees"] ?? "").split(separator: ",").map(String.init))
        var interventionData = intervention.data
        interventionData["types"] = InterventionType.allCases.map {
            [
                "value": $0.rawValue, "label": Texts.text("interventionType." + $0.rawValue, language),
                "selected": intervention.values["type"] == $0.rawValue,
            ] as [String: Any]
        }
        interventionData["providers"] = InterventionProvider.allCases.map {
            [
                "value": $0.rawValue, "label": Texts.text("provider." + $0.rawValue, language),
                "selected": intervention.values["provider"] == $0.rawValue,
            ] as [String: Any]
        }
        interventionData["isPlacement"] = intervention.values["placement"] == "yes"
        var meetingData = meeting.data
        meetingData["kinds"] = MeetingKind.allCases.map {
            [
                "value": $0.rawValue, "label": Texts.text("meetingKind." + $0.rawValue, language),
                "selected": meeting.values["kind"] == $0.rawValue,
            ] as [String: Any]
        }
        meetingData["attendeeChoices"] = MeetingAttendee.allCases.map {
            ["value": $0.rawValue, "label": Texts.text("attendee." + $0.rawValue, language), "checked": attendees.contains($0.rawValue)]
                as [String: Any]
        }
        return ["interventionForm": interventionData, "meetingForm": meetingData, "goalForm": goal.data, "hoursForm": hours.data]
    }
}
