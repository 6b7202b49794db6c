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
    }

    let canChangeActivities: Bool
    let interventions: [Row]
    let hasInterventions: Bool
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
                endError: ending?.errors["end"]
            )
        }
        hasInterventions = !facts.interventions.isEmpty
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

/// Meetings, newest first, and the form to record one.
struct MeetingSection: Sendable {
    struct Row: Sendable {
        let day: String
        let kind: String
        let attendees: String
        let isPlanned: Bool
        let by: String
        let notes: String?
        let decisions: String?
    }

    let meetings: [Row]
    let hasMeetings: Bool
    let meetingForm: FormState
    let kinds: [Choice]
    let attendeeChoices: [Choice]

    init(_ facts: RecordFacts, form returning: FormState?, language: Language) {
        let today = facts.today
        meetings = facts.meetings.reversed().map { meeting in
            Row(
                day: meeting.day.description,
                kind: Texts.text("meetingKind." + meeting.kind.rawValue, language),
                attendees: MeetingAttendee.allCases.filter(meeting.attendees.contains).map {
                    Texts.text("attendee." + $0.rawValue, language)
                }
                .joined(separator: ", "),
                isPlanned: meeting.isPlanned(today: today),
                by: facts.staffNames[meeting.recordedBy] ?? "–",
                notes: meeting.notes.isEmpty ? nil : meeting.notes,
                decisions: meeting.decisions.isEmpty ? nil : meeting.decisions
            )
        }
        hasMeetings = !facts.meetings.isEmpty
        let form = returning ?? FormState(values: ["day": today.description, "attendees": "participant,counsellor"])
        meetingForm = form
        let attendees = Set((form.values["attendees"] ?? "").split(separator: ",").map(String.init))
        kinds = MeetingKind.allCases.map {
            Choice(
                value: $0.rawValue,
                label: Texts.text("meetingKind." + $0.rawValue, language),
                isChosen: form.values["kind"] == $0.rawValue
            )
        }
        attendeeChoices = MeetingAttendee.allCases.map {
            Choice(value: $0.rawValue, label: Texts.text("attendee." + $0.rawValue, language), isChosen: attendees.contains($0.rawValue))
        }
    }
}
