import FramstegCore
import FramstegStore

/// Every figure of a dashboard as a `FigureTable`, in the order the page shows them: the counts,
/// then distance travelled per instrument, BIP's question (interventions and belief at start) and
/// the instruments followed by occasion.
extension FollowUpPages {
    /// The count tables, by their key in the URL.
    static let countTables = ["flow", "age", "municipality", "outcomes", "coverage", "time", "waiting", "continuity"]

    /// With `split`, the count tables that can be split (all but "age" and "municipality", which
    /// are splits themselves) list their rows for each age band or municipality in turn.
    func figureTables(
        _ figures: FollowUpFigures,
        _ loaded: Loaded,
        split: FollowUpFigures.SplitKind? = nil,
        language: Language
    ) -> [FigureTable] {
        Self.countTables.map { key in
            guard let split, !["age", "municipality"].contains(key) else { return countTable(key, figures, loaded, language: language) }
            return splitTable(key, figures, split, loaded, language: language)
        }
            + loaded.distance.flatMap { progressionTables($0, loaded, language: language) }
            + beliefTables(loaded, language: language)
            + loaded.byOccasion.compactMap { occasionTable($0, loaded, language: language) }
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

    private func rowLabels(_ key: String, _ table: CrossTable, _ loaded: Loaded, language: Language) -> [String] {
        switch key {
        case "municipality": table.rows.map { id in loaded.municipalities.first { $0.id.description == id }?.name ?? id }
        case "outcomes": table.rows.map { Texts.text("outcome." + $0, language) }
        default: table.rows.map { Texts.text("figureRow." + $0, language) }
        }
    }

    private func splitLabel(_ split: FollowUpFigures.Split, _ loaded: Loaded, language: Language) -> String {
        switch split {
        case .age(let band): Texts.text("figureRow." + band.rawValue, language)
        case .municipality(let id): loaded.municipalities.first { $0.id == id }?.name ?? id.description
        }
    }

    /// A count table split by age band or municipality: each part's rows (and its column sums) in
    /// turn, labelled with the part; the chart has a bar group for each row.
    private func splitTable(
        _ key: String,
        _ figures: FollowUpFigures,
        _ kind: FollowUpFigures.SplitKind,
        _ loaded: Loaded,
        language: Language
    ) -> FigureTable {
        let parts = (figures.splitOrder[kind] ?? []).compactMap { split in
            figures.splits[kind]?[split].map { (split, Self.table(key, of: $0)) }
        }
        let title = Texts.text("figure." + key, language) + " " + Texts.text("splitTitle." + kind.rawValue, language)
        var rows: [FigureTable.Row] = []
        for (split, table) in parts {
            let part = splitLabel(split, loaded, language: language)
            for (row, label) in rowLabels(key, table, loaded, language: language).enumerated() {
                rows.append(
                    FigureTable.Row(
                        label: part + ": " + label,
                        cells: table.columns.indices.map { FigureFormat.count(table.cell(row, $0)) } + [
                            FigureFormat.count(table.rowTotal(row))
                        ]
                    )
                )
            }
            if key != "flow" {
                rows.append(
                    FigureTable.Row(
                        label: part + ": " + Texts.text("total", language).lowercased(),
                        cells: table.columns.indices.map { FigureFormat.count(table.columnTotal($0)) } + [FigureFormat.count(table.total)]
                    )
                )
            }
        }
        let columns = Gender.allCases.map { Texts.text("genderGroup." + $0.rawValue, language) }
        var figure = FigureTable(
            key: key,
            title: title,
            help: Texts.text("figureHelp." + key, language),
            columns: columns + [Texts.text("total", language)],
            rows: rows
        )
        figure.rowHeader = Texts.text("splitBy." + kind.rawValue, language)
        figure.chart = FigureChart.bars(
            values: rows.map { row in row.cells.prefix(columns.count).map { Int($0).map(Double.init) } },
            labels: rows.map(\.label),
            series: columns,
            id: "figure-\(key)",
            title: title
        ) { String(Int($0)) }
        return figure
    }

    private func countTable(_ key: String, _ figures: FollowUpFigures, _ loaded: Loaded, language: Language) -> FigureTable {
        let table: CrossTable =
            switch key {
            case "age": figures.byAge
            case "municipality": figures.byMunicipality
            default: Self.table(key, of: figures.tables)
            }
        let labels = rowLabels(key, table, loaded, language: language)
        // The flow's rows overlap (one person is referred, started and active): no column sums.
        var figure = FigureTable.counts(
            key: key,
            title: Texts.text("figure." + key, language),
            help: Texts.text("figureHelp." + key, language),
            table: table,
            labels: labels,
            withSums: key != "flow",
            language: language
        )
        func share(_ column: Int?) -> String {
            table.share(ofRow: 0, column: column).map { FigureFormat.percent($0) } ?? FigureFormat.hidden
        }
        switch key {
        case "coverage":
            figure.notes.append(
                Texts.text("coverageShare", language).replacingOccurrences(of: "{share}", with: share(nil))
                    .replacingOccurrences(of: "{goal}", with: figures.coverageGoal.map { FigureFormat.percent($0) } ?? "–")
            )
            figure.notes.append(
                Texts.text("byGenderShares", language) + " "
                    + table.columns.indices.map { column in
                        Texts.text("genderGroup." + table.columns[column], language) + " " + share(column)
                    }.joined(separator: ", ")
            )
        case "time":
            figure.notes.append(Texts.text("meanDays", language) + " " + means(figures.meanDaysInProgramme, language))
        case "waiting":
            figure.notes.append(Texts.text("waitingShare", language).replacingOccurrences(of: "{share}", with: share(nil)))
            figure.notes.append(Texts.text("meanWaiting", language) + " " + means(figures.meanWaitingDays, language))
        case "continuity":
            figure.notes.append(Texts.text("continuityShare", language).replacingOccurrences(of: "{share}", with: share(nil)))
        default: break
        }
        if ["coverage", "waiting", "continuity"].contains(key) {
            figure.exportExtras = [
                [Texts.text("shareOfTotal", language)]
                    + (table.columns.indices.map(Optional.some) + [nil]).map { column in
                        table.share(ofRow: 0, column: column).map { SwedishCSV.decimal($0 * 100) } ?? FigureFormat.hidden
                    }
            ]
        }
        return figure
    }

    private func means(_ means: [Gender?: Double], _ language: Language) -> String {
        ([nil] + Gender.allCases.map(Optional.some)).map { gender -> String in
            let label = gender.map { Texts.text("genderGroup." + $0.rawValue, language) } ?? Texts.text("everyone", language)
            return label + " " + (means[gender].map { "\(Int($0.rounded()))" } ?? FigureFormat.hidden)
        }.joined(separator: ", ")
    }

    private static let columnsByGender: [Gender?] = Gender.allCases.map(Optional.some) + [nil]

    /// Distance travelled with one instrument; for BIP also the change by intervention mix.
    private func progressionTables(_ instrument: Instrument, _ loaded: Loaded, language: Language) -> [FigureTable] {
        guard let set = instrument.indicatorSet else { return [] }
        let (changes, improvement) = loaded.sums.progressions[instrument.id] ?? ([], [])
        let progression = Progression(
            changes: changes,
            improvement: improvement,
            indicators: set.indicators.map(\.id),
            improvedAtLeast: instrument.improvedAtLeast
        )
        let name = instrument.title.text(language)
        var figure = FigureTable.means(
            key: "progression-" + instrument.id,
            title: Texts.text("progressionTitle", language) + ": " + name,
            help: Texts.text("progressionHelp", language),
            rowHeader: Texts.text("indicator", language),
            labels: set.indicators.map { $0.label.text(language) },
            values: progression.rows.map { row in Self.columnsByGender.map { row.meanChange[$0] } },
            language: language,
            format: FigureTable.signedText
        )
        figure.sums = [
            FigureTable.Row(
                label: Texts.text("measuredTwice", language),
                cells: Gender.allCases.indices.map { FigureFormat.count(progression.measuredTwice.cell(0, $0)) }
                    + [FigureFormat.count(progression.measuredTwice.total)]
            )
        ]
        if let least = progression.improvedAtLeast, let improved = progression.improved {
            let share = improved.share(ofRow: 0, column: nil).map { FigureFormat.percent($0) } ?? FigureFormat.hidden
            figure.notes.append(
                Texts.text("improvedShare", language).replacingOccurrences(of: "{least}", with: String(least))
                    .replacingOccurrences(of: "{of}", with: String(set.indicators.count)).replacingOccurrences(of: "{share}", with: share)
            )
            figure.exportExtras = [
                [Texts.text("improvedRow", language).replacingOccurrences(of: "{least}", with: String(least))]
                    + Gender.allCases.indices.map { FigureFormat.count(improved.cell(0, $0)) } + [FigureFormat.count(improved.rowTotal(0))]
            ]
        }
        guard instrument.id == MeasurementSchedule.instrumentID else { return [figure] }
        var byMix = FigureTable.means(
            key: "interventions",
            title: Texts.text("figure.interventions", language),
            help: Texts.text("figureHelp.interventions", language),
            rowHeader: Texts.text("interventionMix", language),
            labels: InterventionMix.allCases.map { Texts.text("mixRow." + $0.rawValue, language) },
            values: InterventionMix.allCases.map { mix in Self.columnsByGender.map { progression.meanChangeByMix[mix]?[$0] } },
            language: language,
            format: FigureTable.signedText
        )
        byMix.sums = InterventionMix.allCases.enumerated().map { row, mix in
            FigureTable.Row(
                label: Texts.text("participantsWith", language) + " " + Texts.text("mixRow." + mix.rawValue, language).lowercased(),
                cells: Gender.allCases.indices.map { FigureFormat.count(progression.byMix.cell(row, $0)) } + [
                    FigureFormat.count(progression.byMix.rowTotal(row))
                ]
            )
        }
        return [figure, byMix]
    }

    /// Outcome by the counsellor's belief at the first BIP, for those who ended in the period.
    private func beliefTables(_ loaded: Loaded, language: Language) -> [FigureTable] {
        let outcomes = BeliefOutcomes(loaded.sums.beliefOutcomes)
        guard !outcomes.byOutcome.isEmpty else { return [] }
        let bands = BeliefBand.allCases.map { Texts.text("belief." + $0.rawValue, language) }
        let share = FigureTable.means(
            key: "belief",
            title: Texts.text("figure.belief", language),
            help: Texts.text("figureHelp.belief", language),
            rowHeader: Texts.text("beliefAtStart", language),
            labels: bands,
            values: BeliefBand.allCases.map { band in Self.columnsByGender.map { outcomes.share(band, gender: $0) } },
            language: language,
            format: FigureFormat.percent
        )
        let table = outcomes.byOutcome
        var byOutcome = FigureTable(
            key: "belief-outcomes",
            title: Texts.text("figure.belief-outcomes", language),
            help: Texts.text("figureHelp.belief-outcomes", language),
            columns: ExitOutcome.allCases.map { Texts.text("outcome." + $0.rawValue, language) } + [Texts.text("total", language)],
            rowHeader: Texts.text("beliefAtStart", language),
            rows: bands.enumerated().map { row, label in
                FigureTable.Row(
                    label: label,
                    cells: table.columns.indices.map { FigureFormat.count(table.cell(row, $0)) } + [FigureFormat.count(table.rowTotal(row))]
                )
            }
        )
        byOutcome.sums = [
            FigureTable.Row(
                label: Texts.text("total", language),
                cells: table.columns.indices.map { FigureFormat.count(table.columnTotal($0)) } + [FigureFormat.count(table.total)]
            )
        ]
        byOutcome.chart = FigureChart.bars(
            values: bands.indices.map { row in table.columns.indices.map { table.cell(row, $0).map(Double.init) } },
            labels: bands,
            series: ExitOutcome.allCases.map { Texts.text("outcome." + $0.rawValue, language) },
            id: "figure-belief-outcomes",
            title: byOutcome.title
        ) { String(Int($0)) }
        return [share, byOutcome]
    }

    /// Mean scores at start, midway and exit (KASAM) per subscale and the total.
    private func occasionTable(_ instrument: Instrument, _ loaded: Loaded, language: Language) -> FigureTable? {
        let scales = instrument.scoredScales
        let means = OccasionMeans(loaded.sums.occasionScores[instrument.id] ?? [], scales: scales.map(\.id))
        let labels = means.rows.map { row in
            Texts.text("occasionPoint." + row.occasion.rawValue, language) + ": "
                + (scales.first { $0.id == row.scaleID }?.title.text(language) ?? row.scaleID)
        }
        var figure = FigureTable.means(
            key: "occasions-" + instrument.id,
            title: instrument.title.text(language) + ": " + Texts.text("figure.occasions", language),
            help: Texts.text("figureHelp.occasions", language),
            rowHeader: Texts.text("occasionAndScale", language),
            labels: labels,
            values: means.rows.map { row in Self.columnsByGender.map { row.mean[$0] } },
            language: language
        )
        figure.sums = OccasionMeans.occasions.enumerated().map { row, occasion in
            FigureTable.Row(
                label: Texts.text("measurementsAt", language) + " "
                    + Texts.text("occasionPoint." + occasion.rawValue, language).lowercased(),
                cells: Gender.allCases.indices.map { FigureFormat.count(means.measured.cell(row, $0)) } + [
                    FigureFormat.count(means.measured.rowTotal(row))
                ]
            )
        }
        return figure
    }
}
