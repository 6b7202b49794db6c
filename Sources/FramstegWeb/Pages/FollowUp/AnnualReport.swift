import FramstegCore

/// The rows the annual report (and every dashboard's places table) adds to the figures: places
/// used against budgeted places, and the association's goals with whether each was met.
enum AnnualReport {
    /// The association's goals for the report: places used, measurement coverage, waiting time and
    /// the exit survey's goal questions, each with its value (hidden for small groups) and whether it is met.
    static func goals(
        _ figures: FollowUpFigures,
        _ period: ReportingPeriod,
        _ data: DashboardData,
        exitSurvey: SurveyResults?,
        language: Language
    ) -> [DashboardPage.GoalRow] {
        func row(_ label: String, _ value: Double?, _ goal: Double?) -> DashboardPage.GoalRow {
            let met: String = if let value, let goal { Texts.text(value >= goal ? "goalMet" : "goalNotMet", language) } else { "–" }
            return DashboardPage.GoalRow(
                label: label,
                value: value.map { FigureFormat.percent($0) } ?? FigureFormat.noFigure,
                goal: goal.map { FigureFormat.percent($0) } ?? "–",
                met: met
            )
        }
        let year = period.last.year
        let budgeted = data.places.filter { $0.year == year }.reduce(0) { $0 + $1.places }
        let used = placesUsed(year, period, data, figures)
        var rows = [
            row(
                Texts.text("placesTitle", language),
                used.flatMap { budgeted > 0 ? Double($0) / Double(budgeted) : nil },
                AssociationGoals.goal(AssociationGoals.placesUsed, year: year)
            ),
            row(Texts.text("figure.coverage", language), figures.coverage.share(ofRow: 0, column: nil), figures.coverageGoal),
            row(Texts.text("figureRow.within-goal", language), figures.waiting.share(ofRow: 0, column: nil), nil),
        ]
        guard let results = exitSurvey else { return rows }
        let survey = results.instrument
        // Every goal question is listed; with fewer than five responses its result is hidden.
        for goal in survey.shareGoals {
            for itemID in goal.itemIDs {
                guard let item = survey.item(itemID) else { continue }
                let share = results.questions.first { $0.item.id == itemID }?.everyone.positiveShare
                rows.append(row(survey.title.text(language) + ": " + item.label.text(language), share, goal.share))
            }
        }
        return rows
    }

    /// Places used (participants enrolled some time in the year) against budgeted places, per year.
    static func places(_ period: ReportingPeriod, _ data: DashboardData, _ figures: FollowUpFigures) -> [DashboardPage.PlacesRow] {
        period.years.map { year in
            let budgeted = data.places.filter { $0.year == year }.reduce(0) { $0 + $1.places }
            let shown = placesUsed(year, period, data, figures)
            return DashboardPage.PlacesRow(
                year: String(year),
                used: FigureFormat.count(shown),
                budgeted: budgeted == 0 ? "–" : String(budgeted),
                share: shown.flatMap { used in budgeted > 0 ? FigureFormat.percent(Double(used) / Double(budgeted)) : nil } ?? "–",
                goal: AssociationGoals.goal(AssociationGoals.placesUsed, year: year).map { FigureFormat.percent($0) } ?? "–"
            )
        }
    }

    /// Participants enrolled some time in the year: when the period is that year it is the flow's
    /// "active" total; another year the period touches is published the same way, as a cell of its own.
    static func placesUsed(_ year: Int, _ period: ReportingPeriod, _ data: DashboardData, _ figures: FollowUpFigures) -> Int? {
        if ReportingPeriod(kind: .year, year: year) == period {
            return figures.flow.rowTotal(FollowUpFigures.Flow.allCases.firstIndex(of: .active)!)
        }
        return data.activeByYear[year].map(data.publication.publish)
    }
}
