import Foundation
import FramstegCore
import FramstegStore

/// Avslutsdokument: a printable summary of the participant's time in the programme, for the
/// participant and the referrer. Meeting notes are working notes and never leave the record.
struct ExitDocument: Sendable {
    /// The participant as a printed document names them (the referrer's summary too).
    struct Person: Sendable {
        let id: String
        let name: String
        let personalIdentityNumber: String
    }

    struct Period: Sendable {
        let start: String
        let exit: String
        let days: String
        let months: String
    }

    struct Intervention: Sendable {
        let type: String
        let title: String
        let provider: String
        let period: String
    }

    struct Step: Sendable {
        let day: String
        let event: String
    }

    let participant: Person
    let unit: String
    let association: String
    let municipality: String
    let referrer: String
    let printedOn: String
    let printedBy: String
    /// The journey has not ended: the document says so and shows nothing else.
    let notExited: Bool
    let period: Period?
    let outcome: String?
    let blocks: String?
    let counsellors: String?
    let steps: [Step]
    let interventions: [Intervention]
    let hasInterventions: Bool
    let progress: [ProgressEntry]
    let hasProgress: Bool
    let combinedDays: String?
    let hours: String?
    let meetings: String?
    /// What the exit meeting decided, or else the latest decisions recorded.
    let plan: String?

    init(_ facts: RecordFacts, printedBy: String, language: Language) {
        let participant = facts.participant
        self.participant = Person(
            id: participant.id.description,
            name: participant.name,
            personalIdentityNumber: participant.personalIdentityNumber?.formatted ?? ""
        )
        unit = facts.unit.name
        association = facts.association?.name ?? ""
        municipality = facts.municipality?.name ?? ""
        referrer = participant.referrerLabel(language)
        printedOn = facts.today.description
        self.printedBy = printedBy
        let steps = facts.steps
        let exit = steps.last { $0.transition.event.kind == .exit }?.transition
        guard participant.state == .exited, let start = facts.startDay, let exit, case .exit(let outcome) = exit.event else {
            notExited = true
            (period, self.outcome, blocks, counsellors, combinedDays, hours, meetings, plan) = (nil, nil, nil, nil, nil, nil, nil, nil)
            (self.steps, interventions, hasInterventions, progress, hasProgress) = ([], [], false, [], false)
            return
        }
        notExited = false
        let days = start.days(until: exit.day)
        period = Period(
            start: start.description,
            exit: exit.day.description,
            days: Texts.counted(days, "count.days", language),
            // A decimal count of months takes the plural, with the language's decimal comma: "8,2 månader".
            months: String(format: "%.1f", Double(days) / 30.44).replacingOccurrences(of: ".", with: language.decimalSeparator) + " "
                + Texts.text("months", language)
        )
        self.outcome = Texts.text("outcome." + outcome.rawValue, language)
        blocks = String(
            steps.filter { $0.transition.event == .checkIn }.count + (steps.contains { $0.transition.event == .multiPartyMeeting } ? 1 : 0)
        )
        counsellors = facts.counsellors.map { facts.staffNames[$0] ?? "–" }.joined(separator: ", ")
        self.steps = steps.dropFirst().map {
            Step(day: $0.transition.day.description, event: Texts.text("event." + $0.transition.event.kind.rawValue, language))
        }
        interventions = facts.interventions.map { intervention in
            var title = intervention.title
            if let employer = intervention.employerName { title += " (\(Texts.text("placement", language)): \(employer))" }
            return Intervention(
                type: Texts.text("interventionType." + intervention.type.rawValue, language),
                title: title,
                provider: Texts.text("provider." + intervention.provider.rawValue, language),
                period: "\(intervention.start) – \(intervention.end?.description ?? "")"
            )
        }
        hasInterventions = !facts.interventions.isEmpty
        // The progression over the whole journey: first, previous and latest, every figure in a table.
        // The exit document leaves the unit: the participant's own answers only, never the counsellor's.
        progress = ProgressView(catalog: facts.catalog, language: language, reader: .participant)
            .instruments(facts.measurements, marked: Set(facts.plan.flatMap(\.goal.indicators)), idPrefix: "exit")
        hasProgress = !progress.isEmpty
        combinedDays = String(facts.interventions.combinedDays(until: exit.day))
        hours = Self.hours(facts, language: language)
        let held = facts.meetings.filter(\.isHeld)
        meetings = Texts.text(
            "meetingsHeldText",
            language,
            [
                "count": Texts.counted(held.count, "count.meetings", language),
                "multi": Texts.counted(held.filter { $0.kind == .multiParty }.count, "count.multiParty", language),
                "checkins": Texts.counted(held.filter { $0.kind == .checkIn }.count, "count.checkIns", language),
            ]
        )
        plan = (held.last { $0.kind == .exit && !$0.decisions.isEmpty } ?? held.last { !$0.decisions.isEmpty })?.decisions
    }

    /// Hours attended in all, over how many weeks, and the goal at the start and at the end.
    private static func hours(_ facts: RecordFacts, language: Language) -> String? {
        guard !facts.attendance.isEmpty, let first = facts.hoursGoals.first, let last = facts.hoursGoals.last else { return nil }
        let format = { (hours: Double) in ActivityHours.format(hours, decimalSeparator: language.decimalSeparator) }
        return Texts.text("hoursSummaryText", language)
            .replacingOccurrences(of: "{hours}", with: format(facts.attendance.reduce(0) { $0 + $1.hours }))
            .replacingOccurrences(of: "{weeks}", with: Texts.counted(facts.attendance.count, "count.weeks", language))
            .replacingOccurrences(of: "{first}", with: format(first.hoursPerWeek))
            .replacingOccurrences(of: "{last}", with: format(last.hoursPerWeek))
    }
}
