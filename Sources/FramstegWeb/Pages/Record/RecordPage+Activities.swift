import FramstegCore
import FramstegStore

/// The interventions (insatser), running and ended, with what runs together now and the form to add one.
struct InterventionSection: Sendable {
    struct Row: Sendable {
        let id: String
        let type: String
        let provider: String
        let title: String
        let employer: String?
        let start: String
        let end: String
        let isRunning: Bool
        /// The day in the row's end form: what was typed, or today.
        let endValue: String
        let endError: String?
        /// "Avsluta Fysioterapi": the end form's button names what it ends.
        let endLabel: String
        /// Ends taken back, as "Avslutet 2026-11-02 togs tillbaka av … : reason".
        let corrections: [String]
        /// The row's correction form (withdraw, or take back the end); nil once the journey has ended.
        let correction: Correction?
    }

    /// The form that corrects one intervention: what to change and why.
    struct Correction: Sendable {
        let label: String
        let choices: [Choice]
        let reason: String
        let errors: [String: String]
        let hasErrors: Bool
    }

    /// An intervention withdrawn as recorded by mistake, with who, when and why.
    struct Withdrawn: Sendable {
        let type: String
        let title: String
        let period: String
        let withdrawal: String
    }

    let canChangeActivities: Bool
    let interventions: [Row]
    let hasInterventions: Bool
    let withdrawn: [Withdrawn]
    let hasWithdrawn: Bool
    let runningTypes: String
    let mix: String
    let mixIsCombined: Bool
    let combinedDays: String
    let interventionForm: FormState
    let types: [Choice]
    let providers: [Choice]
    let isPlacement: Bool

    init(_ facts: RecordFacts, forms: RecordForms, language: Language) {
        let today = facts.today
        let participant = facts.participant
        canChangeActivities = participant.state.isActive
        interventions = facts.interventions.map { intervention in
            let ending = forms[.interventionEnd(intervention.id)]
            let correcting = forms[.interventionCorrection(intervention.id)]
            // Taking back an end is offered only where there is an end to take back.
            let kinds = InterventionChange.Kind.allCases.filter { $0 == .withdrawn || intervention.end != nil }
            return Row(
                id: intervention.id.description,
                type: Texts.text("interventionType." + intervention.type.rawValue, language),
                provider: Texts.text("provider." + intervention.provider.rawValue, language),
                title: intervention.title,
                employer: intervention.employerName,
                start: intervention.start.description,
                end: intervention.end?.description ?? Texts.text("ongoing", language),
                isRunning: intervention.end == nil && participant.state.isActive,
                endValue: ending?.values["end"] ?? today.description,
                endError: ending?.errors["end"],
                endLabel: Texts.text("endInterventionNamed", language, ["title": intervention.title]),
                corrections: intervention.changes.map { Self.change($0, names: facts.staffNames, language) },
                correction: participant.state.isActive
                    ? Correction(
                        label: Texts.text("correctInterventionNamed", language, ["title": intervention.title]),
                        choices: kinds.map { kind in
                            Choice(
                                value: kind.rawValue,
                                label: Texts.text("correction." + kind.rawValue, language),
                                // One change possible (a running one can only be withdrawn): it is the choice.
                                isChosen: correcting.map { $0.values["change"] == kind.rawValue } ?? (kinds.count == 1)
                            )
                        },
                        reason: correcting?.values["reason"] ?? "",
                        errors: correcting?.errors ?? [:],
                        hasErrors: correcting?.hasErrors ?? false
                    ) : nil
            )
        }
        hasInterventions = !facts.interventions.isEmpty
        withdrawn = facts.withdrawnInterventions.compactMap { intervention in
            intervention.withdrawal.map { change in
                Withdrawn(
                    type: Texts.text("interventionType." + intervention.type.rawValue, language),
                    title: intervention.title,
                    period: intervention.start.description + "–" + (intervention.end?.description ?? ""),
                    withdrawal: Self.change(change, names: facts.staffNames, language)
                )
            }
        }
        hasWithdrawn = !withdrawn.isEmpty
        let running = facts.interventions.types(runningOn: today)
        runningTypes = running.sorted { $0.rawValue < $1.rawValue }.map { Texts.text("interventionType." + $0.rawValue, language) }
            .joined(separator: " + ")
        mix = Texts.text("mix." + InterventionMix(running).rawValue, language)
        mixIsCombined = InterventionMix(running) == .combined
        combinedDays = String(facts.interventions.combinedDays(until: today))
        let form = forms[.intervention] ?? FormState(values: ["start": today.description])
        interventionForm = form
        types = InterventionType.allCases.map {
            Choice(
                value: $0.rawValue,
                label: Texts.text("interventionType." + $0.rawValue, language),
                isChosen: form.values["type"] == $0.rawValue
            )
        }
        providers = InterventionProvider.allCases.map {
            Choice(
                value: $0.rawValue,
                label: Texts.text("provider." + $0.rawValue, language),
                isChosen: form.values["provider"] == $0.rawValue
            )
        }
        isPlacement = form.values["placement"] == "yes"
    }
}

extension InterventionSection {
    /// A correction in a sentence: what was changed, by whom, when and why (the record, the register extract).
    static func change(_ change: InterventionChange, names: [UserID: String], _ language: Language) -> String {
        let values = [
            "name": names[change.by] ?? "–", "time": StockholmTime.minute(change.at), "reason": change.reason,
            "day": change.previousEnd?.description ?? "–",
        ]
        return Texts.text(change.kind == .withdrawn ? "withdrawnBy" : "endTakenBackBy", language, values)
    }
}

/// Activity hours: the weekly goal against what was attended, as a chart and a table, and the forms.
struct HoursSection: Sendable {
    struct Row: Sendable {
        let week: String
        let goal: String
        let attended: String
    }

    let hasHours: Bool
    let currentGoal: String
    /// The chart's SVG.
    let hoursChart: String
    let hoursRows: [Row]
    /// Hours are kept from the start of the journey on.
    let hasStarted: Bool
    let goalForm: FormState
    let hoursForm: FormState

    init(_ facts: RecordFacts, forms: RecordForms, language: Language) {
        let today = facts.today
        let rows = ActivityHours.rows(goals: facts.hoursGoals, attended: facts.attendance, through: Week(containing: today))
        let format = { (hours: Double) in ActivityHours.format(hours, decimalSeparator: language.decimalSeparator) }
        hasHours = !rows.isEmpty
        // The goal in force this week: one set from a later week is not current yet.
        currentGoal = ActivityHours.goal(inForce: facts.hoursGoals, in: Week(containing: today)).map { format($0.hoursPerWeek) } ?? "–"
        hoursChart = HoursChart(rows: Array(rows.suffix(26)), language: language).svg
        hoursRows = rows.reversed().map {
            Row(week: $0.week.description, goal: $0.goal.map(format) ?? "–", attended: $0.attended.map(format) ?? "–")
        }
        hasStarted = facts.startDay != nil && facts.participant.state != .declined
        goalForm = forms[.hoursGoal] ?? FormState(values: ["week": Week(containing: today).description])
        hoursForm = forms[.hours] ?? FormState(values: ["week": Week(containing: today).adding(weeks: -1).description])
    }
}

/// Meetings: those planned soonest first (each with its page to hold, move or cancel it), then
/// those held or cancelled newest first, each with its changes; the forms to plan one and to record
/// one held.
struct MeetingSection: Sendable {
    struct Row: Sendable {
        let id: String
        let href: String
        let day: String
        let time: String?
        let place: String?
        let kind: String
        let status: String
        let isPlanned: Bool
        let isCancelled: Bool
        /// A planned meeting whose day has passed with nothing recorded.
        let isAwaitingOutcome: Bool
        let attendees: String?
        let by: String
        let notes: String?
        let decisions: String?
        let changes: [String]
        let hasChanges: Bool
    }

    let planned: [Row]
    let hasPlanned: Bool
    let meetings: [Row]
    let hasMeetings: Bool
    let planForm: FormState
    let meetingForm: FormState
    let planKinds: [Choice]
    let kinds: [Choice]
    let attendeeChoices: [Choice]

    init(_ facts: RecordFacts, forms: RecordForms, language: Language) {
        let today = facts.today
        let rows = facts.meetings.map { MeetingSection.row($0, facts, today: today, language) }
        planned = zip(facts.meetings, rows).filter { $0.0.isPlanned }.sorted { Meeting.soonestFirst($0.0, $1.0) }.map(\.1)
        hasPlanned = !planned.isEmpty
        meetings = zip(facts.meetings, rows).filter { !$0.0.isPlanned }.reversed().map(\.1)
        hasMeetings = !meetings.isEmpty
        let plan = forms[.meetingPlan] ?? FormState(values: ["day": today.adding(days: 7).description, "time": "10:00"])
        planForm = plan
        let form = forms[.meeting] ?? FormState(values: ["day": today.description, "attendees": "participant,counsellor"])
        meetingForm = form
        let attendees = Set((form.values["attendees"] ?? "").split(separator: ",").map(String.init))
        planKinds = Self.kindChoices(chosen: plan.values["kind"], language)
        kinds = Self.kindChoices(chosen: form.values["kind"], language)
        attendeeChoices = Self.attendeeChoices(chosen: attendees, language)
    }

    static func kindChoices(chosen: String?, _ language: Language) -> [Choice] {
        MeetingKind.allCases.map {
            Choice(value: $0.rawValue, label: Texts.text("meetingKind." + $0.rawValue, language), isChosen: chosen == $0.rawValue)
        }
    }

    static func attendeeChoices(chosen: Set<String>, _ language: Language) -> [Choice] {
        MeetingAttendee.allCases.map {
            Choice(value: $0.rawValue, label: Texts.text("attendee." + $0.rawValue, language), isChosen: chosen.contains($0.rawValue))
        }
    }

    static func row(_ meeting: Meeting, _ facts: RecordFacts, today: Day, _ language: Language) -> Row {
        let attendees = MeetingAttendee.allCases.filter(meeting.attendees.contains).map { Texts.text("attendee." + $0.rawValue, language) }
        return Row(
            id: meeting.id.description,
            href: MeetingPage.path(meeting.id, of: facts.participant.id),
            day: meeting.day.description,
            time: meeting.time?.description,
            place: meeting.place.isEmpty ? nil : meeting.place,
            kind: Texts.text("meetingKind." + meeting.kind.rawValue, language),
            status: Texts.text("meetingStatus." + meeting.status.rawValue, language),
            isPlanned: meeting.isPlanned,
            // Cancelled or withdrawn: on the record, counted nowhere.
            isCancelled: meeting.status == .cancelled || meeting.status == .withdrawn,
            isAwaitingOutcome: meeting.isAwaitingOutcome(today: today),
            attendees: attendees.isEmpty ? nil : attendees.joined(separator: ", "),
            by: facts.staffNames[meeting.recordedBy] ?? "–",
            notes: meeting.notes.isEmpty ? nil : meeting.notes,
            decisions: meeting.decisions.isEmpty ? nil : meeting.decisions,
            changes: meeting.changes.map { Self.change($0, names: facts.staffNames, language) },
            hasChanges: !meeting.changes.isEmpty
        )
    }

    /// "Flyttat 2026-12-01 av Anna Berg (var 2026-12-03 10:00, Rum 2): deltagaren sjuk".
    static func change(_ change: MeetingChange, names: [UserID: String], _ language: Language) -> String {
        let before = [
            change.previousDay.description, change.previousTime?.description, change.previousPlace.isEmpty ? nil : change.previousPlace,
        ]
        .compactMap { $0 }.joined(separator: " ")
        let line = Texts.text(
            "meetingChange." + change.kind.rawValue,
            language,
            ["at": StockholmTime.minute(change.at), "by": names[change.by] ?? "–", "before": before]
        )
        return change.reason.isEmpty ? line : line + ": " + change.reason
    }
}
