import FramstegCore

/// What the board's reports (the annual report and the interim report for January–June) add to
/// the figures: the goal summary, each goal in force with its result and whether it is met (or on
/// track for the part of the year that has passed), and the places used against budgeted places.
enum AnnualReport {
    /// The goals in force for the period's last year, in the order the board's document has them:
    /// places used (for the scope, and in the association's report for each municipality), coverage,
    /// waiting time, improvement, work or studies, each unit's referrals, then the exit survey's
    /// goal questions. A goal the board has not set is left out.
    static func goals(
        _ figures: FollowUpFigures,
        _ period: ReportingPeriod,
        _ data: DashboardData,
        exitSurvey: SurveyResults?,
        today: Day,
        language: Language
    ) -> [DashboardPage.GoalRow] {
        let year = period.last.year
        let passed = GoalOutcome.yearPassed(year, period: period, today: today)
        var rows: [DashboardPage.GoalRow] = []
        func add(_ label: String, _ kind: GoalKind, _ result: Double?, level: Double?, unit: UnitID? = nil) {
            guard let level else { return }
            let outcome = GoalOutcome(kind: kind, unitID: unit, result: result, level: level, yearPassed: passed)
            rows.append(DashboardPage.GoalRow(outcome, label: label, language: language))
        }
        let goals = data.goals
        let placesLevel = goals.level(.placesUsed, year: year)
        add(
            Texts.text("goal.places-used", language),
            .placesUsed,
            placesShare(of: data.units, year, period, data, figures),
            level: placesLevel
        )
        if Set(data.units.map(\.municipalityID)).count > 1 {
            for municipality in data.municipalities {
                let units = data.units.filter { $0.municipalityID == municipality.id }
                guard !units.isEmpty else { continue }
                let share = placesShare(of: units, year, period, data, figures)
                add(
                    Texts.text("goal.places-used-in", language, ["municipality": municipality.name]),
                    .placesUsed,
                    share,
                    level: placesLevel
                )
            }
        }
        add(
            Texts.text("figure.coverage", language),
            .measurementCoverage,
            figures.coverage.share(ofRow: 0, column: nil),
            level: goals.level(.measurementCoverage, year: year)
        )
        add(
            Texts.text("goal.waiting-days", language),
            .waitingDays,
            figures.meanWaitingDays[nil],
            level: goals.level(.waitingDays, year: year)
        )
        if let (label, share) = improvedShare(data, language) {
            add(label, .improved, share, level: goals.level(.improved, year: year))
        }
        add(
            Texts.text("goal.work-or-studies", language),
            .workOrStudies,
            workOrStudiesShare(figures),
            level: goals.level(.workOrStudies, year: year)
        )
        for unit in data.units {
            let referrals = unitCount(.referrals, of: [unit.id], data, figures)
            add(
                Texts.text("goal.referrals", language) + ": " + unit.name,
                .referrals,
                referrals.map(Double.init),
                level: goals.level(.referrals, year: year, unit: unit.id),
                unit: unit.id
            )
        }
        guard let results = exitSurvey else { return rows }
        let survey = results.instrument
        // Every goal question is listed; with fewer than five responses its result is hidden.
        for goal in survey.shareGoals {
            for itemID in goal.itemIDs {
                guard let item = survey.item(itemID) else { continue }
                let question = results.questions.first { $0.item.id == itemID }
                let level = goals.level(.exitSurvey, year: year) ?? goal.share
                // The goal is judged by the share the association reads it by; the row says which.
                let counted =
                    question.map { $0.reading == .withMiddle && $0.hasMiddle } == true
                    ? " " + Texts.text("withMiddleCounted", language) : ""
                add(
                    survey.title.text(language) + ": " + item.label.text(language) + counted,
                    .exitSurvey,
                    question?.goalShare,
                    level: level
                )
            }
        }
        return rows
    }

    /// Places used by `units` in `year` against the places budgeted for them.
    private static func placesShare(
        of units: [OrganisationUnit],
        _ year: Int,
        _ period: ReportingPeriod,
        _ data: DashboardData,
        _ figures: FollowUpFigures
    ) -> Double? {
        let ids = Set(units.map(\.id))
        let budgeted = data.places.filter { $0.year == year && ids.contains($0.unitID) }.reduce(0) { $0 + $1.places }
        guard budgeted > 0 else { return nil }
        let used: Int?
        if ids.count == data.units.count {
            used = placesUsed(year, period, data, figures)
        } else {
            used = unitCount(.active, of: units.map(\.id), data, figures)
        }
        return used.map { Double($0) / Double(budgeted) }
    }

    /// The share of those measured twice with the instrument that counts improvement (Livshjulet's
    /// "at least 3 of 8") who improved enough, with the goal's label.
    private static func improvedShare(_ data: DashboardData, _ language: Language) -> (String, Double?)? {
        for instrument in data.distance {
            guard let least = instrument.improvedAtLeast, let set = instrument.indicatorSet else { continue }
            let (changes, improvement) = data.sums.progressions[instrument.id] ?? ([], [])
            let progression = Progression(
                changes: changes,
                improvement: improvement,
                indicators: set.indicators.map(\.id),
                improvedAtLeast: least,
                publication: data.publication
            )
            let label = Texts.text("goal.improved", language).replacingOccurrences(of: "{least}", with: String(least))
                .replacingOccurrences(of: "{of}", with: String(set.indicators.count))
                .replacingOccurrences(of: "{instrument}", with: instrument.title.text(language))
            return (label, progression.improved?.share(ofRow: 0, column: nil))
        }
        return nil
    }

    /// Of those who ended, the share who left for work (with or without subsidy) or studies.
    private static func workOrStudiesShare(_ figures: FollowUpFigures) -> Double? {
        let outcomes = figures.outcomes
        let rows: [ExitOutcome] = [.unsubsidisedWork, .subsidisedWork, .studies]
        let counts = rows.compactMap { outcome in outcomes.rows.firstIndex(of: outcome.rawValue).map(outcomes.rowTotal) }
        guard let total = outcomes.total, total > 0, !counts.contains(where: { $0 == nil }) else { return nil }
        return Double(counts.reduce(0) { $0 + $1! }) / Double(total)
    }

    /// What the year's budget bought, per unit and in all (seed 002's "Kostnad per deltagare"): the
    /// budget, per budgeted place, and per participant enrolled some time in the year. Per
    /// participant only for a whole year: half a year's participants against a year's budget
    /// would say nothing. Empty when no unit has a budget for the year.
    static func costs(
        _ period: ReportingPeriod,
        _ data: DashboardData,
        _ figures: FollowUpFigures,
        language: Language
    ) -> [DashboardPage.CostRow] {
        let year = period.last.year
        let budgets = data.places.filter { $0.year == year && $0.budget != nil }
        guard !budgets.isEmpty else { return [] }
        let wholeYear = period == ReportingPeriod(kind: .year, year: year)
        func per(_ budget: Int, _ count: Int) -> String { FigureFormat.kronor(Int((Double(budget) / Double(count)).rounded())) }
        func row(_ label: String, budget: Int, places: Int, participants: Int?) -> DashboardPage.CostRow {
            DashboardPage.CostRow(
                label: label,
                budget: FigureFormat.kronor(budget),
                places: String(places),
                perPlace: places > 0 ? per(budget, places) : "–",
                participants: FigureFormat.count(participants),
                perParticipant: wholeYear ? participants.flatMap { $0 > 0 ? per(budget, $0) : nil } ?? "–" : "–"
            )
        }
        var rows: [DashboardPage.CostRow] = []
        for unit in data.units {
            guard let entry = budgets.first(where: { $0.unitID == unit.id }), let budget = entry.budget else { continue }
            rows.append(
                row(unit.name, budget: budget, places: entry.places, participants: unitCount(.active, of: [unit.id], data, figures))
            )
        }
        if rows.count > 1 {
            let units = Set(budgets.map(\.unitID))
            rows.append(
                row(
                    Texts.text("total", language),
                    budget: budgets.reduce(0) { $0 + $1.budget! },
                    places: budgets.reduce(0) { $0 + $1.places },
                    participants: unitCount(.active, of: data.units.map(\.id).filter(units.contains), data, figures)
                )
            )
        }
        return rows
    }

    /// The units' own published counts of `flow` (their Uppföljning Finsam rows), added: each is
    /// the same cell it is in the unit's own row, so a part or a total reveals nothing more. A view
    /// of one unit has its own flow table instead. Nil when any of them is not published.
    private static func unitCount(
        _ flow: FollowUpFigures.Flow,
        of units: [UnitID],
        _ data: DashboardData,
        _ figures: FollowUpFigures
    ) -> Int? {
        let row = FollowUpFigures.Flow.allCases.firstIndex(of: flow)!
        let counts = units.map { figures.unitFlows[$0]?.rowTotal(row) ?? (data.units.count == 1 ? figures.flow.rowTotal(row) : nil) }
        return counts.contains { $0 == nil } ? nil : counts.reduce(0) { $0 + $1! }
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
                goal: data.goals.level(.placesUsed, year: year).map { FigureFormat.percent($0) } ?? "–"
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

extension DashboardPage.GoalRow {
    /// A goal's row: its result and level as the goal measures them, and its status in words.
    init(_ outcome: GoalOutcome, label: String, language: Language) {
        func format(_ value: Double) -> String {
            switch outcome.kind.measure {
            case .share: FigureFormat.percent(value)
            case .days: Texts.text("goalDays", language).replacingOccurrences(of: "{days}", with: String(Int(value.rounded())))
            case .count: String(Int(value.rounded()))
            }
        }
        var goal = format(outcome.level)
        if outcome.kind == .waitingDays { goal = Texts.text("goalAtMost", language) + " " + goal }
        if outcome.levelSoFar != outcome.level {
            goal += " " + Texts.text("goalSoFar", language).replacingOccurrences(of: "{level}", with: format(outcome.levelSoFar))
        }
        self.init(
            label: label,
            value: outcome.result.map(format) ?? FigureFormat.noFigure,
            goal: goal,
            met: outcome.status == .unknown ? "–" : Texts.text("goalStatus." + outcome.status.rawValue, language),
            status: outcome.status.rawValue
        )
    }
}
