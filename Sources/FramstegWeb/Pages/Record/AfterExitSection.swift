import FramstegCore

/// What happened, and what happened next, on the journey tab once the journey has ended in an
/// exit: work or studies during participation, the next step and its day, and the situation 3
/// and 6 months after (each follow-up from its day on).
struct AfterExitSection: Sendable {
    let exitDay: String
    let workedOrStudied: [Choice]
    let nextSteps: [Choice]
    let nextStepOnField: FieldView
    let situations3: [Choice]
    let situations6: [Choice]
    let from3: String
    let from6: String
    let form: FormState
    let hasErrors: Bool

    init?(_ facts: RecordFacts, form typed: FormState?, language: Language) {
        guard let exit = facts.exitDay else { return nil }
        let stored = facts.afterExit ?? AfterExit()
        let form =
            typed
            ?? FormState(values: [
                "workedOrStudied": stored.workedOrStudied.map { $0 ? "yes" : "no" } ?? "",
                "nextStep": stored.nextStep?.rawValue ?? "", "nextStepOn": stored.nextStepOn?.description ?? "",
                "situationAfter3Months": stored.situationAfter3Months?.rawValue ?? "",
                "situationAfter6Months": stored.situationAfter6Months?.rawValue ?? "",
            ])
        self.form = form
        hasErrors = form.hasErrors
        exitDay = exit.description
        func choices(_ field: String, _ values: [(String, String)]) -> [Choice] {
            [Choice(value: "", label: Texts.text("notRecorded", language), isChosen: (form.values[field] ?? "").isEmpty)]
                + values.map { Choice(value: $0.0, label: $0.1, isChosen: form.values[field] == $0.0) }
        }
        workedOrStudied = choices("workedOrStudied", [("yes", Texts.text("yes", language)), ("no", Texts.text("no", language))])
        nextSteps = choices("nextStep", NextStepKind.allCases.map { ($0.rawValue, Texts.text("nextStep." + $0.rawValue, language)) })
        nextStepOnField = FieldView(
            id: "after-nextStepOn",
            name: "nextStepOn",
            label: Texts.text("afterNextStepOn", language),
            value: form.values["nextStepOn"] ?? "",
            type: "date",
            autocomplete: nil,
            error: form.errors["nextStepOn"]
        )
        let situations = FollowUpSituation.allCases.map { ($0.rawValue, Texts.text("situation." + $0.rawValue, language)) }
        situations3 = choices("situationAfter3Months", situations)
        situations6 = choices("situationAfter6Months", situations)
        from3 = Texts.text("afterFrom", language, ["day": AfterExit.followUpDay(months: 3, exitOn: exit).description])
        from6 = Texts.text("afterFrom", language, ["day": AfterExit.followUpDay(months: 6, exitOn: exit).description])
    }
}
