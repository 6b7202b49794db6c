import FramstegCore
import FramstegStore

/// Measurements and the action plan side by side: the next measurement the schedule asks for, the
/// charts (indicators with a plan goal marked), the plan, the list of measurements and the form to
/// start one.
struct MeasurementSection: Sendable {
    struct Row: Sendable {
        let id: String
        let day: String
        let instrument: String
        let occasion: String
        let isComplete: Bool
        /// "n av m besvarade" while the participant has items left.
        let progress: String
    }

    let nextMeasurement: String?
    let nextMeasurementOverdue: Bool
    let progress: [ProgressEntry]
    let plan: PlanSection
    let measurements: [Row]
    let hasMeasurements: Bool
    let canMeasure: Bool
    let measurementForm: FormState
    let instruments: [Choice]
    let occasions: [Choice]

    init(_ facts: RecordFacts, forms: RecordForms, language: Language) {
        let participant = facts.participant
        let catalog = facts.catalog
        measurements = facts.measurements.reversed().map { measurement in
            let instrument = catalog.instrument(measurement.instrumentID, version: measurement.version)
            return Row(
                id: measurement.id.description,
                day: measurement.takenOn.description,
                instrument: instrument?.title.text(language) ?? measurement.instrumentID,
                occasion: Texts.text("occasion." + measurement.occasion.rawValue, language),
                isComplete: measurement.isComplete,
                progress: ProgressView.participantProgress(measurement.answers, instrument, language: language).text
            )
        }
        hasMeasurements = !facts.measurements.isEmpty
        let marked = Set(facts.plan.flatMap(\.goal.indicators))
        progress = ProgressView(catalog: catalog, language: language).instruments(facts.measurements, marked: marked)
        canMeasure = participant.state.isActive
        let next = Self.nextDue(facts)
        nextMeasurement = next.map { next in
            Texts.text("nextMeasurement", language)
                .replacingOccurrences(
                    of: "{instrument}",
                    with: catalog.latest(MeasurementSchedule.instrumentID)?.title.text(language) ?? "BIP"
                )
                .replacingOccurrences(of: "{day}", with: next.day.description)
                .replacingOccurrences(of: "{occasion}", with: Texts.text("occasion." + next.occasion.rawValue, language).lowercased())
        }
        nextMeasurementOverdue = next.map { $0.day < facts.today } ?? false
        let form =
            forms[.measurement]
            ?? FormState(values: ["instrument": MeasurementSchedule.instrumentID, "occasion": (next?.occasion ?? .other).rawValue])
        measurementForm = form
        instruments = catalog.current.filter { !$0.isAnonymous }.map {
            Choice(value: $0.id, label: $0.title.text(language), isChosen: form.values["instrument"] == $0.id)
        }
        occasions = MeasurementOccasion.allCases.map {
            Choice(
                value: $0.rawValue,
                label: Texts.text("occasion." + $0.rawValue, language),
                isChosen: form.values["occasion"] == $0.rawValue
            )
        }
        plan = PlanSection(facts, forms: forms, language: language)
    }

    /// The progression measurement the schedule asks for next, while the participant is enrolled.
    static func nextDue(_ facts: RecordFacts) -> (day: Day, occasion: MeasurementOccasion)? {
        guard facts.participant.state.isActive, let started = facts.startDay else { return nil }
        let horizon = facts.today.adding(days: 366)
        let next = MeasurementSchedule(intervalWeeks: facts.measurementInterval).nextDue(
            started: started,
            taken: facts.measurements.filter { $0.instrumentID == MeasurementSchedule.instrumentID }.map(\.takenOn),
            meetings: facts.meetings.filter { $0.day >= facts.today && $0.day <= horizon },
            today: facts.today
        )
        return (next.day, next.occasion)
    }
}

/// The action plan (handlingsplan): goals that follow indicators of the chart, steps with owner,
/// due day and status, and the forms to add to it.
struct PlanSection: Sendable {
    struct Goal: Sendable {
        let id: String
        let text: String
        let createdOn: String
        let indicators: String
        let steps: [Step]
        let hasSteps: Bool
        let stepForm: FormState
        /// The owners to choose from in this goal's step form.
        let owners: [Choice]
    }

    struct Step: Sendable {
        let id: String
        let text: String
        let owner: String
        let due: String
        let status: String
        let isOverdue: Bool
        let statuses: [Choice]
    }

    let goals: [Goal]
    let hasPlan: Bool
    let goalPlanForm: FormState
    let indicatorChoices: [Choice]
    let statusError: String?

    init(_ facts: RecordFacts, forms: RecordForms, language: Language) {
        let today = facts.today
        let available = PlanService.availableIndicators(in: facts.catalog)
        let labels = Dictionary(
            uniqueKeysWithValues: available.map { ($0.key, $0.instrument.title.text(language) + ": " + $0.indicator.label.text(language)) }
        )
        let fresh = FormState(values: ["due": today.adding(days: 14).description, "owner": "participant"])
        goals = facts.plan.map { planned in
            let goal = planned.goal
            let stepForm = forms[.planStep(goal.id)] ?? fresh
            return Goal(
                id: goal.id.description,
                text: goal.text,
                createdOn: goal.createdOn.description,
                indicators: goal.indicators.map { labels[$0] ?? $0.description }.joined(separator: ", "),
                steps: planned.steps.map { Self.step($0, today: today, language: language) },
                hasSteps: !planned.steps.isEmpty,
                stepForm: stepForm,
                owners: PlanStepOwner.allCases.map {
                    Choice(
                        value: $0.storageValue,
                        label: Self.ownerLabel($0, language),
                        isChosen: stepForm.values["owner"] == $0.storageValue
                    )
                }
            )
        }
        hasPlan = !facts.plan.isEmpty
        let goalForm = forms[.planGoal] ?? FormState()
        goalPlanForm = goalForm
        let chosen = Set((goalForm.values["indicators"] ?? "").split(separator: ",").map(String.init))
        indicatorChoices = available.map {
            Choice(value: $0.key.description, label: labels[$0.key] ?? $0.key.description, isChosen: chosen.contains($0.key.description))
        }
        statusError = forms[.planStatus]?.errors["status"]
    }

    private static func step(_ step: PlanStep, today: Day, language: Language) -> Step {
        Step(
            id: step.id.description,
            text: step.text,
            owner: ownerLabel(step.owner, language),
            due: step.due.description,
            status: Texts.text("stepStatus." + step.status.rawValue, language),
            isOverdue: step.isOverdue(today: today),
            statuses: PlanStepStatus.allCases.map {
                Choice(value: $0.rawValue, label: Texts.text("stepStatus." + $0.rawValue, language), isChosen: $0 == step.status)
            }
        )
    }

    static func ownerLabel(_ owner: PlanStepOwner, _ language: Language) -> String {
        switch owner {
        case .participant: Texts.text("owner.participant", language)
        case .counsellor: Texts.text("owner.counsellor", language)
        case .authority(let authority): Texts.text("authority." + authority.rawValue, language)
        }
    }
}
