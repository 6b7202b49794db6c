import FramstegCore

/// The survey results page and the printable summary as `survey-results`, `survey-summary` and
/// `survey-figures` show them: the form, then what was asked for with its counts, or the notice
/// that too few answered.
struct SurveyResultsPage: Sendable {
    let form: FormState
    let instruments: [Choice]
    let scopes: [Choice]
    /// The quarters to start from and to end with, and the message beside each.
    let fromQuarters: [Choice]
    let toQuarters: [Choice]
    /// The form's values as a query, for the summary and export links.
    let query: String
    let canExport: Bool
    let hasQuery: Bool
    let surveyTitle: String?
    /// The chosen scope's name.
    let area: String?
    let period: String?
    let description: String?
    let offered: String?
    let completed: String?
    let results: SurveyFigures?
    let tooFew: Bool

    /// The form alone, or with `shown` what was read for its query.
    init(
        _ filter: SurveyResultsFilter,
        shown: (query: SurveyResultsQuery, results: SurveyResults, coverage: SurveyCoverage)? = nil,
        canExport: Bool = false,
        language: Language
    ) {
        let values = filter.form.values
        form = filter.form
        instruments = filter.surveys.map {
            Choice(value: $0.id, label: $0.title.text(language), isChosen: values["instrument"] == $0.id)
        }
        let scopes = filter.scopes.map { Choice(value: $0.value, label: $0.label(language), isChosen: values["scope"] == $0.value) }
        self.scopes = scopes
        func quarters(_ name: String) -> [Choice] {
            filter.quarters.map { quarter in
                Choice(value: quarter.description, label: Self.label(quarter, language), isChosen: values[name] == quarter.description)
            }
        }
        fromQuarters = quarters("from")
        toQuarters = quarters("to")
        query =
            "instrument=\(values["instrument"] ?? "")&scope=\(values["scope"] ?? "")&from=\(values["from"] ?? "")&to=\(values["to"] ?? "")"
        self.canExport = canExport
        hasQuery = shown != nil
        surveyTitle = shown?.query.instrument.title.text(language)
        area = shown.map { _ in scopes.first(where: \.selected)?.label ?? "" }
        period = shown.map {
            Self.label(Quarter($0.query.period.first), language) + " – " + Self.label(Quarter($0.query.period.last), language)
        }
        description = shown?.query.instrument.description.text(language)
        offered = shown.map { FigureFormat.count($0.coverage.offered) }
        completed = shown.map { FigureFormat.count($0.coverage.completed) }
        results = shown.flatMap { $0.results.isShown ? SurveyFigures($0.results, language: language) : nil }
        tooFew = shown.map { !$0.results.isShown } ?? false
    }

    /// "Kvartal 3 2026", "Q3 2026".
    static func label(_ quarter: Quarter, _ language: Language) -> String {
        Texts.text("quarterLabel", language, ["quarter": String(quarter.quarter), "year": String(quarter.year)])
    }
}

/// One survey's protected results: the responses by gender, the share positive per question
/// against its goal, and each question's distribution by gender, with their charts.
struct SurveyFigures: Sendable {
    struct GenderCount: Sendable {
        let group: String
        let count: String
    }

    struct Question: Sendable {
        struct Row: Sendable {
            let group: String
            let counts: [String]
            let total: String
            let share: String
            /// The share with the middle answer, where the question's scale has one.
            let withMiddle: String?
            let isEveryone: Bool
        }

        let id: String
        let label: String
        let text: String
        let chart: String
        let choices: [String]
        let rows: [Row]
        let hasMiddle: Bool
        /// Everyone's share with the middle answer, "–" when the scale has none (the share table).
        let everyoneWithMiddle: String
        let goal: String
        let goalMet: String
    }

    let responses: String
    let byGender: [GenderCount]
    let hasGender: Bool
    let shareLabel: String
    let shareChart: String
    /// Each goal in words: the share to reach and the questions it is measured on.
    let goals: [String]
    /// Some question has a middle answer: the share with it gets its own column.
    let showsMiddle: Bool
    /// Said when the association judges the goal with the middle answer counted.
    let goalReading: String?
    let questions: [Question]

    init(_ results: SurveyResults, language: Language) {
        let instrument = results.instrument
        responses = String(results.publishedResponseCount)
        byGender = results.byGender.map {
            GenderCount(group: SurveyResults.Group.gender($0.gender).label(language), count: FigureFormat.count($0.count))
        }
        hasGender = !results.byGender.isEmpty
        shareLabel = SurveyCharts.shareLabel(instrument, language)
        shareChart = SurveyCharts.shares(results, language: language, id: "share-chart")
        goals = instrument.shareGoals.map { goal in
            Texts.text("surveyGoal", language).replacingOccurrences(of: "{share}", with: FigureFormat.percent(goal.share))
                .replacingOccurrences(
                    of: "{questions}",
                    with: goal.itemIDs.compactMap { instrument.item($0)?.label.text(language) }.joined(separator: ", ")
                )
        }
        questions = results.questions.enumerated().map { index, question in Self.question(question, index: index, language: language) }
        showsMiddle = results.questions.contains(where: \.hasMiddle)
        goalReading =
            showsMiddle && !goals.isEmpty && results.questions.first?.reading == .withMiddle
            ? Texts.text("surveyGoalWithMiddle", language) : nil
    }

    private static func question(_ question: SurveyResults.QuestionResult, index: Int, language: Language) -> Question {
        Question(
            id: question.item.id,
            label: question.item.label.text(language),
            text: question.item.text.text(language),
            chart: SurveyCharts.distribution(question, language: language, id: "question-\(index)"),
            choices: question.choices.map { $0.label.text(language) },
            rows: question.rows.map { row in
                Question.Row(
                    group: row.group.label(language),
                    counts: row.counts.map(FigureFormat.count),
                    total: FigureFormat.count(row.total),
                    share: row.positiveShare.map { FigureFormat.percent($0) } ?? "–",
                    withMiddle: question.hasMiddle ? row.withMiddleShare.map { FigureFormat.percent($0) } ?? "–" : nil,
                    isEveryone: row.group == .everyone
                )
            },
            hasMiddle: question.hasMiddle,
            everyoneWithMiddle: question.hasMiddle ? question.everyone.withMiddleShare.map { FigureFormat.percent($0) } ?? "–" : "–",
            goal: question.goal.map { FigureFormat.percent($0) } ?? "",
            goalMet: question.meetsGoal.map { Texts.text($0 ? "goalMet" : "goalNotMet", language) } ?? ""
        )
    }
}

extension SurveyResultsScope {
    /// The scope as the form offers it.
    func label(_ language: Language) -> String {
        switch self {
        case .association: Texts.text("wholeAssociation", language)
        case .municipality(let municipality): Texts.text("municipality", language) + " " + municipality.name
        case .unit(let unit): unit.name
        }
    }
}

extension SurveyResults.Group {
    /// A row of a question's table: a gender, or everyone.
    func label(_ language: Language) -> String {
        switch self {
        case .gender(let gender): Texts.text("genderGroup." + gender.rawValue, language)
        case .everyone: Texts.text("everyone", language)
        }
    }
}
