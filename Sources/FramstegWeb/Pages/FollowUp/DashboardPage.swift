import FramstegCore

/// A dashboard or the annual report as the `dashboard` template shows it: the scope and the
/// period form, then either the reason there are no figures or every figure with the places used
/// (and in the report the association's goals).
struct DashboardPage: Sendable {
    /// A year of places used against budgeted places.
    struct PlacesRow: Sendable {
        let year: String
        let used: String
        let budgeted: String
        let share: String
        let goal: String
    }

    /// One of the association's goals in the annual report: its value, its level and whether it was met.
    struct GoalRow: Sendable {
        let label: String
        let value: String
        let goal: String
        let met: String
        /// `met`, `not-met`, `on-track`, `behind` or `unknown` (the row's class).
        let status: String
    }

    /// The report's first page: who reports, what, for which days, and when it was printed.
    struct Cover: Sendable {
        let association: String
        let title: String
        let scope: String
        let days: String
        let printedOn: String
    }

    /// One unit's (or the total's) budget for the report's year and what it bought.
    struct CostRow: Sendable {
        let label: String
        let budget: String
        let places: String
        let perPlace: String
        let participants: String
        let perParticipant: String
    }

    let isReport: Bool
    let scopeTitle: String
    /// "Årsrapport 2026", "Delårsrapport januari–juni 2026".
    private(set) var reportTitle: String
    private(set) var cover: Cover?
    /// The report form's choices: a year or a half-year, and which half.
    let reportKinds: [Choice]
    let halves: [Choice]
    /// Where the form is sent, and the exports' paths begin.
    let action: String
    /// The office chooses the whole association or one municipality.
    let isOffice: Bool
    let municipalities: [Choice]
    let form: FormState
    let kinds: [Choice]
    let splits: [Choice]
    let fromField: FieldView
    let toField: FieldView
    private(set) var periodLabel: String?
    private(set) var canExport = false
    /// The period and split as the export links repeat them.
    private(set) var query = ""
    var explanation: String?
    /// What the figures are: exact for the unit's own use, or published through the cell key method.
    var lead = ""
    /// What the Uppföljning Finsam export holds for this reader: exact for delivery, or protected.
    var finsamNote = ""
    var figures: [FigureTable] = []
    var places: [PlacesRow] = [] {
        didSet { hasPlaces = !places.isEmpty }
    }
    private(set) var hasPlaces = false
    var goals: [GoalRow] = [] {
        didSet { hasGoals = !goals.isEmpty }
    }
    private(set) var hasGoals = false
    var costs: [CostRow] = [] {
        didSet { hasCosts = !costs.isEmpty }
    }
    private(set) var hasCosts = false

    /// The page before anything is read: its scope, and the form as it was filled in.
    init(scope: DashboardScope, choice: DashboardPeriod, report: Bool, municipalities: [Municipality], language: Language) {
        isReport = report
        self.language = language
        reportTitle = Texts.text("annualReport", language)
        switch scope {
        case .association(let municipality):
            scopeTitle =
                municipality.map { Texts.text("municipality", language) + " " + $0.name } ?? Texts.text("wholeAssociation", language)
            action = "/office/dashboard"
        case .unit(let unit):
            scopeTitle = unit.name
            action = "/units/\(unit.id)/dashboard"
        }
        let chosen: Municipality? = if case .association(let chosen) = scope { chosen } else { nil }
        isOffice = if case .association = scope { true } else { false }
        self.municipalities =
            [Choice(value: "", label: Texts.text("wholeAssociation", language), isChosen: chosen == nil)]
            + municipalities.map { Choice(value: $0.id.description, label: $0.name, isChosen: chosen?.id == $0.id) }
        let form = choice.form
        self.form = form
        kinds = ReportingPeriod.Kind.allCases.map {
            Choice(
                value: $0.rawValue,
                label: Texts.text("periodKind." + $0.rawValue, language),
                isChosen: form.values["period"] == $0.rawValue
            )
        }
        splits =
            [Choice(value: "", label: Texts.text("splitNone", language), isChosen: choice.split == nil)]
            + FollowUpFigures.SplitKind.allCases.map {
                Choice(value: $0.rawValue, label: Texts.text("splitBy." + $0.rawValue, language), isChosen: choice.split == $0)
            }
        reportKinds = [ReportingPeriod.Kind.year, .halfYear].map {
            Choice(
                value: $0.rawValue,
                label: Texts.text("reportKind." + $0.rawValue, language),
                isChosen: form.values["period"] == $0.rawValue
            )
        }
        halves = [1, 2].map {
            Choice(value: String($0), label: Texts.text("reportHalf.\($0)", language), isChosen: form.values["part"] == String($0))
        }
        fromField = Self.dayField("from", label: Texts.text("dayFrom", language), form)
        toField = Self.dayField("to", label: Texts.text("dayTo", language), form)
    }

    /// The report's first page before the period is known.
    mutating func cover(association: String, printedOn: Day, language: Language) {
        let printed = Texts.text("reportPrinted", language).replacingOccurrences(of: "{day}", with: printedOn.description)
        cover = Cover(association: association, title: reportTitle, scope: scopeTitle, days: "", printedOn: printed)
    }

    /// "Årsrapport 2026", "Delårsrapport januari–juni 2026", "Rapport juli–december 2026".
    static func reportTitle(_ period: ReportingPeriod, _ language: Language) -> String {
        let key = period.kind == .halfYear ? "reportTitle.half-year.\(period.first.month <= 6 ? 1 : 2)" : "reportTitle.year"
        return Texts.text(key, language).replacingOccurrences(of: "{year}", with: String(period.first.year))
    }

    private let language: Language

    private static func dayField(_ name: String, label: String, _ form: FormState) -> FieldView {
        FieldView(
            id: "dashboard-" + name,
            name: name,
            label: label,
            value: form.values[name] ?? "",
            type: "date",
            autocomplete: nil,
            error: form.errors[name]
        )
    }

    /// The period that was read: its label in the heading, and the export links when allowed.
    mutating func period(_ period: ReportingPeriod, canExport: Bool, query: String) {
        periodLabel = period.label
        reportTitle = Self.reportTitle(period, language)
        if let cover {
            self.cover = Cover(
                association: cover.association,
                title: reportTitle,
                scope: cover.scope,
                days: "\(period.first) – \(period.last)",
                printedOn: cover.printedOn
            )
        }
        self.canExport = canExport
        self.query = query
    }

    /// What a period with data shows: the figures, or why there are none.
    enum Content {
        case explanation(String)
        case figures(FollowUpFigures)
    }

    /// An explanation instead of a table of zeros: before the first registration, with nobody
    /// registered at all, or with nobody in the flow; otherwise the protected figures.
    static func content(_ period: ReportingPeriod, _ data: DashboardData, language: Language) -> Content {
        if data.sums.isEmptyPeriod, let first = data.sums.firstRegistration, first > period.last {
            return .explanation(Texts.text("dashboardBeforeFirst", language).replacingOccurrences(of: "{day}", with: first.description))
        }
        if data.sums.isEmptyPeriod, data.sums.firstRegistration == nil {
            return .explanation(Texts.text("dashboardNoParticipants", language))
        }
        let figures = data.figures(period)
        return figures.flow.isEmpty ? .explanation(Texts.text("dashboardEmptyPeriod", language)) : .figures(figures)
    }
}
