import FramstegCore
import FramstegStore

/// Every figure of a dashboard as a `FigureTable`, in the order the page shows them: the counts,
/// then distance travelled per instrument, BIP's question (interventions and belief at start) and
/// the instruments followed by occasion. The page and its exports build the same tables.
struct DashboardTables {
    /// The count figures, protected jointly with the views beside them.
    let figures: FollowUpFigures
    let data: DashboardData
    let language: Language

    /// The count tables, by their key in the URL.
    static let countTables = ["flow", "age", "municipality", "outcomes", "coverage", "time", "waiting", "continuity"]

    /// With `split`, the count tables that can be split (all but "age" and "municipality", which
    /// are splits themselves) list their rows for each age band or municipality in turn.
    func all(split: FollowUpFigures.SplitKind? = nil) -> [FigureTable] {
        Self.countTables.map { key in
            guard let split, !["age", "municipality"].contains(key) else { return countTable(key) }
            return splitTable(key, split)
        }
            + afterExitTables()
            + data.distance.flatMap { progressionTables($0) }
            + beliefTables()
            + data.byOccasion.compactMap { occasionTable($0) }
    }

    /// A text of the page, with the waiting goal's days where it says `{days}`.
    func text(_ key: String) -> String {
        Texts.text(key, language).replacingOccurrences(of: "{days}", with: String(data.waitingDays(figures.period)))
    }

    private static func table(_ key: String, of tables: FollowUpFigures.Tables) -> CrossTable {
        switch key {
        case "outcomes": tables.outcomes
        case "coverage": tables.coverage
        case "time": tables.timeInProgramme
        case "waiting": tables.waiting
        case "continuity": tables.continuity
        default: tables.flow
        }
    }

    private func rowLabels(_ key: String, _ table: CrossTable) -> [String] {
        switch key {
        case "municipality": table.rows.map { id in data.municipalities.first { $0.id.description == id }?.name ?? id }
        case "outcomes": table.rows.map { text("outcome." + $0) }
        default: table.rows.map { text("figureRow." + $0) }
        }
    }

    private func splitLabel(_ split: FollowUpFigures.Split) -> String {
        switch split {
        case .age(let band): text("figureRow." + band.rawValue)
        case .municipality(let id): data.municipalities.first { $0.id == id }?.name ?? id.description
        }
    }

    /// A count table split by age band or municipality: each part's rows (and its column sums) in
    /// turn, labelled with the part; the chart has a bar group for each row.
    private func splitTable(_ key: String, _ kind: FollowUpFigures.SplitKind) -> FigureTable {
        let parts = (figures.splitOrder[kind] ?? []).compactMap { split in
            figures.splits[kind]?[split].map { (split, Self.table(key, of: $0)) }
        }
        let title = text("figure." + key) + " " + text("splitTitle." + kind.rawValue)
        var rows: [FigureTable.Row] = []
        for (split, table) in parts {
            let part = splitLabel(split)
            for (row, label) in rowLabels(key, table).enumerated() {
                rows.append(.counts(part + ": " + label, table, row: row))
            }
            if key != "flow" {
                rows.append(.sums(part + ": " + text("total").lowercased(), table))
            }
        }
        let columns = Gender.allCases.map { text("genderGroup." + $0.rawValue) }
        var figure = FigureTable(
            key: key,
            title: title,
            help: text("figureHelp." + key),
            columns: columns + [text("total")],
            rows: rows
        )
        figure.rowHeader = text("splitBy." + kind.rawValue)
        figure.chart = FigureChart.bars(
            values: rows.map { row in row.cells.prefix(columns.count).map { Int($0).map(Double.init) } },
            labels: rows.map(\.label),
            series: columns,
            id: "figure-\(key)",
            title: title
        ) { String(Int($0)) }
        return figure
    }

    private func countTable(_ key: String) -> FigureTable {
        let table: CrossTable =
            switch key {
            case "age": figures.byAge
            case "municipality": figures.byMunicipality
            default: Self.table(key, of: figures.tables)
            }
        let labels = rowLabels(key, table)
        // The flow's rows overlap (one person is referred, started and active): no column sums.
        var figure = FigureTable.counts(
            key: key,
            title: text("figure." + key),
            help: text("figureHelp." + key),
            table: table,
            labels: labels,
            withSums: key != "flow",
            language: language
        )
        figure.notes = countNotes(key, table)
        if ["coverage", "waiting", "continuity"].contains(key) {
            figure.exportExtras = [
                [text("shareOfTotal")]
                    + (table.columns.indices.map(Optional.some) + [nil]).map { column in
                        table.share(ofRow: 0, column: column).map { SwedishCSV.decimal($0 * 100) } ?? FigureFormat.noFigure
                    }
            ]
        }
        // The means said under the table are in its export too, as whole days by gender and for everyone.
        switch key {
        case "time": figure.exportExtras.append(meanRow("meanDaysRow", figures.meanDaysInProgramme))
        case "waiting": figure.exportExtras.append(meanRow("meanWaitingRow", figures.meanWaitingDays))
        default: break
        }
        return figure
    }

    /// What happened and what happened next, for those who ended in the period: work or studies
    /// during participation, the next step and whether it came within two weeks, and the situation
    /// 3 and 6 months after. None when nobody ended.
    private func afterExitTables() -> [FigureTable] {
        guard !data.sums.afterExit.isEmpty else { return [] }
        let after = AfterExitFigures(data.sums.afterExit, publication: data.publication)
        func figure(_ key: String, _ table: CrossTable, labels prefix: String, note: String? = nil) -> FigureTable {
            var figure = FigureTable.counts(
                key: key,
                title: text("figure." + key),
                help: text("figureHelp." + key),
                table: table,
                labels: table.rows.map { text(prefix + $0) },
                withSums: true,
                language: language
            )
            if let note {
                figure.notes = [
                    text(note).replacingOccurrences(of: "{share}", with: Self.firstRowShare(table, column: nil)) + " "
                        + sharesByGender(table) + "."
                ]
            }
            return figure
        }
        return [
            figure("after-during", after.during, labels: "afterDuring.", note: "afterDuringShare"),
            figure("after-next-step", after.nextStep, labels: "nextStep."),
            figure("after-prompt", after.prompt, labels: "afterPrompt.", note: "afterPromptShare"),
            figure("after-3", after.after3Months, labels: "situation."),
            figure("after-6", after.after6Months, labels: "situation."),
        ]
    }

    private func meanRow(_ label: String, _ means: [Gender?: Double]) -> [String] {
        [text(label)]
            + Self.columnsByGender.map { gender in means[gender].map { String(Int($0.rounded())) } ?? FigureFormat.noFigure }
    }

    /// The shares and means said under a count table.
    private func countNotes(_ key: String, _ table: CrossTable) -> [String] {
        func share(_ column: Int?) -> String { Self.firstRowShare(table, column: column) }
        switch key {
        case "coverage":
            return [
                text("coverageShare").replacingOccurrences(of: "{share}", with: share(nil))
                    .replacingOccurrences(of: "{goal}", with: figures.coverageGoal.map { FigureFormat.percent($0) } ?? "–"),
                text("byGenderShares") + " " + sharesByGender(table),
            ]
        case "time": return [text("meanDays") + " " + means(figures.meanDaysInProgramme)]
        case "waiting":
            return [
                text("waitingShare").replacingOccurrences(of: "{share}", with: share(nil)),
                text("meanWaiting") + " " + means(figures.meanWaitingDays),
            ]
        case "continuity": return [text("continuityShare").replacingOccurrences(of: "{share}", with: share(nil))]
        default: return []
        }
    }

    /// The first row's share of everyone in a column (nil: of everyone), as printed.
    private static func firstRowShare(_ table: CrossTable, column: Int?) -> String {
        table.share(ofRow: 0, column: column).map { FigureFormat.percent($0) } ?? FigureFormat.noFigure
    }

    /// "Kvinnor 63 %, Män 63 %, …": the first row's share in each gender's column.
    private func sharesByGender(_ table: CrossTable) -> String {
        table.columns.indices.map { column in
            text("genderGroup." + table.columns[column]) + " " + Self.firstRowShare(table, column: column)
        }.joined(separator: ", ")
    }

    private func means(_ means: [Gender?: Double]) -> String {
        ([nil] + Gender.allCases.map(Optional.some)).map { gender -> String in
            let label = gender.map { text("genderGroup." + $0.rawValue) } ?? text("everyone")
            return label + " " + (means[gender].map { "\(Int($0.rounded()))" } ?? FigureFormat.noFigure)
        }.joined(separator: ", ")
    }

    private static let columnsByGender: [Gender?] = Gender.allCases.map(Optional.some) + [nil]

    /// Distance travelled with one instrument; for BIP also the change by intervention mix.
    private func progressionTables(_ instrument: Instrument) -> [FigureTable] {
        guard let set = instrument.indicatorSet else { return [] }
        let (changes, improvement) = data.sums.progressions[instrument.id] ?? ([], [])
        let progression = Progression(
            changes: changes,
            improvement: improvement,
            indicators: set.indicators.map(\.id),
            improvedAtLeast: instrument.improvedAtLeast,
            publication: data.publication
        )
        let name = instrument.title.text(language)
        var figure = FigureTable.means(
            key: "progression-" + instrument.id,
            title: text("progressionTitle") + ": " + name,
            help: text("progressionHelp"),
            rowHeader: text("indicator"),
            labels: set.indicators.map { $0.label.text(language) },
            values: progression.rows.map { row in Self.columnsByGender.map { row.meanChange[$0] } },
            language: language,
            format: FigureTable.signedText
        )
        figure.sums = [
            FigureTable.Row(
                label: text("measuredTwice"),
                cells: Gender.allCases.indices.map { FigureFormat.count(progression.measuredTwice.cell(0, $0)) }
                    + [FigureFormat.count(progression.measuredTwice.total)]
            )
        ]
        if let least = progression.improvedAtLeast, let improved = progression.improved {
            let share = improved.share(ofRow: 0, column: nil).map { FigureFormat.percent($0) } ?? FigureFormat.noFigure
            figure.notes.append(
                text("improvedShare").replacingOccurrences(of: "{least}", with: String(least))
                    .replacingOccurrences(of: "{of}", with: String(set.indicators.count)).replacingOccurrences(of: "{share}", with: share)
            )
            figure.exportExtras = [
                [text("improvedRow").replacingOccurrences(of: "{least}", with: String(least))]
                    + Gender.allCases.indices.map { FigureFormat.count(improved.cell(0, $0)) } + [FigureFormat.count(improved.rowTotal(0))]
            ]
        }
        // Where the instrument's goal counts areas improved on (Livshjulet), which way each area moved.
        let directions = instrument.improvedAtLeast == nil ? [] : [directionTable(progression, set, name, instrumentID: instrument.id)]
        guard instrument.id == MeasurementSchedule.instrumentID else { return [figure] + directions }
        return [figure, mixTable(progression)] + directions
    }

    /// Seed 004's table: per area, how many rose, stayed and fell from the first measurement to the
    /// latest, then all areas' points together ("20 av 32 mätpunkter har ökat"), by gender.
    private func directionTable(_ progression: Progression, _ set: IndicatorSet, _ name: String, instrumentID: String) -> FigureTable {
        let areas = set.indicators.map { $0.label.text(language) } + [text("allPoints")]
        let labels = areas.flatMap { area in ChangeDirection.allCases.map { area + ": " + text("direction." + $0.rawValue) } }
        var figure = FigureTable.counts(
            key: "directions-" + instrumentID,
            title: text("figure.directions") + ": " + name,
            help: text("figureHelp.directions"),
            table: progression.directions,
            labels: labels,
            withSums: false,
            language: language
        )
        figure.rowHeader = text("indicator")
        // Thirty bars by three genders say less than the table itself.
        figure.chart = nil
        return figure
    }

    /// BIP's change by the mix of interventions, with how many had each mix.
    private func mixTable(_ progression: Progression) -> FigureTable {
        var byMix = FigureTable.means(
            key: "interventions",
            title: text("figure.interventions"),
            help: text("figureHelp.interventions"),
            rowHeader: text("interventionMix"),
            labels: InterventionMix.allCases.map { text("mixRow." + $0.rawValue) },
            values: InterventionMix.allCases.map { mix in Self.columnsByGender.map { progression.meanChangeByMix[mix]?[$0] } },
            language: language,
            format: FigureTable.signedText
        )
        byMix.sums = InterventionMix.allCases.enumerated().map { row, mix in
            FigureTable.Row(
                label: text("participantsWith") + " " + text("mixRow." + mix.rawValue).lowercased(),
                cells: Gender.allCases.indices.map { FigureFormat.count(progression.byMix.cell(row, $0)) } + [
                    FigureFormat.count(progression.byMix.rowTotal(row))
                ]
            )
        }
        return byMix
    }

    /// Outcome by the counsellor's belief at the first BIP, for those who ended in the period.
    private func beliefTables() -> [FigureTable] {
        let outcomes = BeliefOutcomes(data.sums.beliefOutcomes, publication: data.publication)
        guard !outcomes.byOutcome.isEmpty else { return [] }
        let bands = BeliefBand.allCases.map { text("belief." + $0.rawValue) }
        let share = FigureTable.means(
            key: "belief",
            title: text("figure.belief"),
            help: text("figureHelp.belief"),
            rowHeader: text("beliefAtStart"),
            labels: bands,
            values: BeliefBand.allCases.map { band in Self.columnsByGender.map { outcomes.share(band, gender: $0) } },
            language: language,
            format: FigureFormat.percent
        )
        let table = outcomes.byOutcome
        var byOutcome = FigureTable(
            key: "belief-outcomes",
            title: text("figure.belief-outcomes"),
            help: text("figureHelp.belief-outcomes"),
            columns: ExitOutcome.allCases.map { text("outcome." + $0.rawValue) } + [text("total")],
            rowHeader: text("beliefAtStart"),
            rows: bands.enumerated().map { row, label in .counts(label, table, row: row) }
        )
        byOutcome.sums = [.sums(text("total"), table)]
        byOutcome.chart = FigureChart.bars(
            values: bands.indices.map { row in table.columns.indices.map { table.cell(row, $0).map(Double.init) } },
            labels: bands,
            series: ExitOutcome.allCases.map { text("outcome." + $0.rawValue) },
            id: "figure-belief-outcomes",
            title: byOutcome.title
        ) { String(Int($0)) }
        return [share, byOutcome]
    }

    /// Mean scores at start, midway and exit (KASAM) per subscale and the total.
    private func occasionTable(_ instrument: Instrument) -> FigureTable? {
        let scales = instrument.scoredScales
        let means = OccasionMeans(data.sums.occasionScores[instrument.id] ?? [], scales: scales.map(\.id), publication: data.publication)
        let labels = means.rows.map { row in
            text("occasionPoint." + row.occasion.rawValue) + ": "
                + (scales.first { $0.id == row.scaleID }?.title.text(language) ?? row.scaleID)
        }
        var figure = FigureTable.means(
            key: "occasions-" + instrument.id,
            title: instrument.title.text(language) + ": " + text("figure.occasions"),
            help: text("figureHelp.occasions"),
            rowHeader: text("occasionAndScale"),
            labels: labels,
            values: means.rows.map { row in Self.columnsByGender.map { row.mean[$0] } },
            language: language,
            // Means of ratings (the self-rating's 6,91) with two decimals, as seed 003 prints them;
            // sums (KASAM's 111) with one.
            format: { SwedishCSV.decimal($0, decimals: scales.allSatisfy { $0.method == .mean } ? 2 : 1) }
        )
        figure.sums = OccasionMeans.occasions.enumerated().map { row, occasion in
            FigureTable.Row(
                label: text("measurementsAt") + " "
                    + text("occasionPoint." + occasion.rawValue).lowercased(),
                cells: Gender.allCases.indices.map { FigureFormat.count(means.measured.cell(row, $0)) } + [
                    FigureFormat.count(means.measured.rowTotal(row))
                ]
            )
        }
        return figure
    }
}
