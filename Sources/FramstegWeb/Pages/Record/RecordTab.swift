import FramstegCore
import Hummingbird

/// The parts of the record, one shown at a time under the summary (`?tab=` in the address, so
/// they work without JavaScript, can be bookmarked, and Back goes to the part seen before).
enum RecordTab: String, CaseIterable, Sendable {
    case overview
    case measurements
    case activities
    case meetings
    case journey
    case details

    /// The tab an address asks for; anything else is the overview.
    init(query: String) {
        self = RecordTab(rawValue: query) ?? .overview
    }

    /// The tab that holds a section of the record (the id of its `<section>`), the overview for none.
    init(section: String) {
        switch section {
        case "measurements", "measurement-list", "plan", "surveys": self = .measurements
        case "interventions", "hours": self = .activities
        case "meetings": self = .meetings
        case "eligibility", "counsellor", "journey", "after-exit": self = .journey
        case "details", "protection", "contact": self = .details
        default: self = .overview
        }
    }

    /// The record's address showing this tab.
    func path(_ participant: ParticipantID) -> String {
        self == .overview ? "/participants/\(participant)" : "/participants/\(participant)?tab=\(rawValue)"
    }

    var labelKey: String { "recordTab." + rawValue }
}

extension RecordForms.Form {
    /// The section the form sits in, and the first field its error summary links to when a
    /// message names no field of its own.
    var section: String {
        switch self {
        case .contact: "contact"
        case .eligibility: "eligibility"
        case .step, .stepWithdrawal: "journey"
        case .counsellor: "counsellor"
        case .afterExit: "after-exit"
        case .measurement: "measurements"
        case .survey, .surveyContinue: "surveys"
        case .intervention, .interventionEnd, .interventionCorrection: "interventions"
        case .meeting, .meetingPlan: "meetings"
        case .hoursGoal, .hours: "hours"
        case .planGoal, .planStep, .planStatus: "plan"
        }
    }

    /// The id of the input a message about `field` belongs beside, as the section templates name them.
    func fieldID(_ field: String) -> String {
        switch (self, field) {
        case (.contact, "referrerName"): "contact-referrer"
        case (.contact, let field): "contact-" + field
        case (.stepWithdrawal, _): "withdraw-reason"
        case (.eligibility, let field) where field.hasPrefix("note-"): field
        case (.eligibility, let field) where field.hasPrefix("answer-"): "met-" + field.dropFirst("answer-".count)
        case (.step, "event"): "event-error"
        case (.step, let field): field
        case (.counsellor, _): "counsellor-choice"
        case (.afterExit, let field): "after-" + field
        case (.measurement, let field): "measure-" + field
        case (.survey, let field): "survey-" + field
        case (.intervention, "employerName"): "intervention-employer"
        case (.intervention, let field): "intervention-" + field
        case (.interventionEnd(let id), _): "end-\(id)"
        case (.interventionCorrection(let id), "change"): "correct-\(id)-withdrawn"
        case (.interventionCorrection(let id), _): "correct-\(id)-reason"
        case (.meeting, let field): "meeting-" + field
        case (.meetingPlan, let field): "plan-meeting-" + field
        case (.hoursGoal, let field): "goal-" + field
        case (.hours, let field): "hours-" + field
        case (.planGoal, "text"): "goal-text"
        case (.planGoal, _): "add-goal"
        default: section
        }
    }
}

extension Notice {
    /// The section of the record whose change a notice reports, where the record shows it (the
    /// details section holds the contact and protection forms); nil for one shown at the top.
    var recordSection: String? {
        switch self {
        case .saved, .participantProtectionChanged: "details"
        case .participantRegistered, .eligibilitySaved: "eligibility"
        case .stepRecorded, .stepWithdrawn: "journey"
        case .counsellorChanged: "counsellor"
        case .afterExitSaved: "after-exit"
        case .interventionAdded, .interventionEnded, .interventionWithdrawn, .interventionEndTakenBack: "interventions"
        case .meetingSaved, .meetingPlanned, .meetingMoved, .meetingHeld, .meetingCancelled, .meetingWithdrawn: "meetings"
        case .goalSaved, .hoursSaved: "hours"
        case .planGoalAdded, .planStepAdded, .planStepChanged: "plan"
        case .deviceReturned: "surveys"
        default: nil
        }
    }
}

extension Response {
    /// A 303 to the record's tab that holds `section`, scrolled to it, showing `notice`.
    static func redirect(toRecordOf participant: ParticipantID, notice: Notice, section: String) -> Response {
        .redirect(to: RecordTab(section: section).path(participant), notice: notice, section: section)
    }
}
