import Foundation
import FramstegCore

/// What the record, participant mode and the exit document show of a participant's measurements:
/// per instrument, the spider chart of first / previous / latest, a table of every measurement with
/// a trend line per indicator, the latest scores with their reading, and where participant and
/// counsellor rate the same area differently.
struct ProgressView {
    /// Who the progress is shown to. The counsellor's items (their belief in the participant, the
    /// differences between their ratings) are an internal professional judgement: the unit's staff
    /// see them; the participant (participant mode) and every document that leaves the unit do not.
    enum Reader: Sendable {
        case staff
        case participant
    }

    let catalog: InstrumentCatalog
    let language: Language
    var reader: Reader = .staff

    /// Measurements count once the participant has answered all their items.
    static func isCounted(_ measurement: ProgressMeasurement, _ instrument: Instrument) -> Bool {
        instrument.unanswered(by: .participant, in: measurement.answers).isEmpty
    }

    /// How far the participant has come with their items: the counts, and "n av m besvarade".
    static func participantProgress(
        _ answers: [String: Answer],
        _ instrument: Instrument?,
        language: Language
    ) -> (answered: Int, of: Int, text: String) {
        let items = instrument?.items(for: .participant) ?? []
        let answered = items.filter { answers[$0.id] != nil }.count
        let text = Texts.text("answeredOf", language).replacingOccurrences(of: "{n}", with: String(answered))
            .replacingOccurrences(of: "{m}", with: String(items.count))
        return (answered, items.count, text)
    }

    /// One entry per instrument with counted measurements, in catalogue order.
    func instruments(_ measurements: [ProgressMeasurement], marked: Set<IndicatorKey> = [], idPrefix: String = "chart") -> [ProgressEntry] {
        catalog.current.compactMap { current -> ProgressEntry? in
            let taken = measurements.compactMap { measurement -> (ProgressMeasurement, Instrument)? in
                guard measurement.instrumentID == current.id, let instrument = catalog.instrument(current.id, version: measurement.version),
                    Self.isCounted(measurement, instrument)
                else { return nil }
                return (measurement, instrument)
            }
            guard !taken.isEmpty else { return nil }
            return entry(current, taken, marked: marked, chartID: "\(idPrefix)-\(current.id)")
        }
    }

    private func entry(
        _ current: Instrument,
        _ taken: [(ProgressMeasurement, Instrument)],
        marked: Set<IndicatorKey>,
        chartID: String
    ) -> ProgressEntry {
        let title = current.title.text(language)
        let columns = taken.map { measurement, _ in
            "\(Texts.text("occasion." + measurement.occasion.rawValue, language)) \(measurement.takenOn)"
        }
        let (chart, rows) =
            current.indicatorSet.map { indicators(current, $0, taken, columns: columns, marked: marked, chartID: chartID) }
            ?? (nil, [])
        let (latest, latestInstrument) = taken[taken.count - 1]
        return ProgressEntry(
            id: current.id,
            title: title,
            columns: columns,
            chart: chart,
            rows: rows,
            scores: scores(latest, latestInstrument).filter { score in reader == .staff || score.isParticipantsOwn },
            choices: latestInstrument.items(for: .participant).compactMap { item -> ProgressEntry.ChosenAnswer? in
                guard case .choice = item.scale, let answer = latest.answers[item.id] else { return nil }
                return ProgressEntry.ChosenAnswer(label: item.label.text(language), answer: describe(answer, item))
            },
            disagreements: reader == .staff ? disagreements(latest, latestInstrument) : []
        )
    }

    /// The spider chart of first / previous / latest and a row per indicator with its trend.
    private func indicators(
        _ current: Instrument,
        _ set: IndicatorSet,
        _ taken: [(ProgressMeasurement, Instrument)],
        columns: [String],
        marked: Set<IndicatorKey>,
        chartID: String
    ) -> (String, [ProgressEntry.IndicatorRow]) {
        let title = current.title.text(language)
        // Older versions are read with their own definition and matched by indicator id.
        let values: [[String: Double]] = taken.map { measurement, instrument in
            guard let own = instrument.indicatorSet else { return [:] }
            return Dictionary(
                uniqueKeysWithValues: zip(own.indicators.map(\.id), instrument.indicatorValues(measurement.answers)).compactMap {
                    id,
                    value in value.map { (id, $0) }
                }
            )
        }
        let isMarked = { (indicator: IndicatorSet.Indicator) in
            marked.contains(IndicatorKey(instrumentID: current.id, indicatorID: indicator.id))
        }
        let picked = SpiderChart.pick(Array(zip(columns, values)))
        let chart = SpiderChart(
            id: chartID,
            title: Texts.text("chartTitle", language).replacingOccurrences(of: "{instrument}", with: title),
            summary: Texts.text("chartSummary", language).replacingOccurrences(of: "{n}", with: String(set.indicators.count))
                .replacingOccurrences(of: "{m}", with: String(taken.count))
                .replacingOccurrences(of: "{min}", with: String(set.scale.lowerBound))
                .replacingOccurrences(of: "{max}", with: String(set.scale.upperBound)),
            axes: set.indicators.map { SpiderChart.Axis(label: $0.label.text(language), isMarked: isMarked($0)) },
            scale: set.scale,
            series: picked.map { column, role in
                SpiderChart.Series(
                    label: Texts.text("series." + role.rawValue, language) + " (" + column.0 + ")",
                    values: set.indicators.map { column.1[$0.id] },
                    role: role
                )
            }
        )
        let rows = set.indicators.map { indicator -> ProgressEntry.IndicatorRow in
            let series = values.map { $0[indicator.id] }
            return ProgressEntry.IndicatorRow(
                label: indicator.label.text(language),
                isMarked: isMarked(indicator),
                values: series.map { $0.map(format) ?? "–" },
                trend: taken.count > 1
                    ? Sparkline(
                        values: series,
                        scale: set.scale,
                        label: Texts.text("trendOf", language) + " " + indicator.label.text(language)
                    ).svg : ""
            )
        }
        return (chart.svg, rows)
    }

    private func scores(_ latest: ProgressMeasurement, _ instrument: Instrument) -> [ProgressEntry.ScoreRow] {
        let participantItems = Set(instrument.items(for: .participant).map(\.id))
        return instrument.scores(latest.answers).compactMap { score -> ProgressEntry.ScoreRow? in
            guard let value = score.value else { return nil }
            let subscale = instrument.scoredScales.first { $0.id == score.subscaleID }
            return ProgressEntry.ScoreRow(
                title: subscale?.title.text(language) ?? score.subscaleID,
                value: format(value),
                answered: "\(score.answered)/\(score.of)",
                reading: score.interpretation?.text(language),
                isParticipantsOwn: subscale.map { Set($0.itemIDs).isSubset(of: participantItems) } ?? false
            )
        }
    }

    /// Where participant and counsellor rate the same area, and how far apart they are.
    private func disagreements(_ latest: ProgressMeasurement, _ instrument: Instrument) -> [ProgressEntry.Disagreement] {
        instrument.sharedAreas.compactMap { _, participantItem, counsellorItem -> ProgressEntry.Disagreement? in
            guard let mine = latest.answers[participantItem.id], let theirs = latest.answers[counsellorItem.id] else { return nil }
            let gap = instrument.itemScore(participantItem.id, mine).flatMap { a in
                instrument.itemScore(counsellorItem.id, theirs).map { b in abs(a - b) }
            }
            return ProgressEntry.Disagreement(
                participantLabel: participantItem.label.text(language),
                participant: describe(mine, participantItem),
                counsellorLabel: counsellorItem.label.text(language),
                counsellor: describe(theirs, counsellorItem),
                difference: gap.map(format),
                differs: (gap ?? 0) >= 2
            )
        }
    }

    func format(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        return text.replacingOccurrences(of: ".", with: language.decimalSeparator)
    }

    /// An answer as the respondent saw it: the number, the choice's label, or "not answered".
    func describe(_ answer: Answer, _ item: InstrumentItem) -> String {
        switch (answer, item.scale) {
        case (.notAnswered, _): Texts.text("notAnswered", language)
        case (.number(let value), _): String(value)
        case (.choice(let value), .choice(let choices)): choices.first { $0.value == value }?.label.text(language) ?? value
        case (.choice(let value), _): value
        }
    }
}

/// One instrument's progress as the `progress-chart` partial draws it.
struct ProgressEntry: Sendable {
    struct IndicatorRow: Sendable {
        let label: String
        let isMarked: Bool
        let values: [String]
        /// An SVG sparkline, empty with a single measurement.
        let trend: String
    }

    struct ScoreRow: Sendable {
        let title: String
        let value: String
        let answered: String
        let reading: String?
        /// Scored from the participant's own answers alone (no counsellor item in it).
        let isParticipantsOwn: Bool
    }

    struct ChosenAnswer: Sendable {
        let label: String
        let answer: String
    }

    struct Disagreement: Sendable {
        let participantLabel: String
        let participant: String
        let counsellorLabel: String
        let counsellor: String
        let difference: String?
        let differs: Bool
    }

    let id: String
    let title: String
    let columns: [String]
    /// The spider chart's SVG, for instruments with indicators.
    let chart: String?
    let rows: [IndicatorRow]
    let scores: [ScoreRow]
    let choices: [ChosenAnswer]
    let disagreements: [Disagreement]
    let hasRows: Bool
    let hasScores: Bool
    let hasChoices: Bool
    let hasDisagreements: Bool

    init(
        id: String,
        title: String,
        columns: [String],
        chart: String?,
        rows: [IndicatorRow],
        scores: [ScoreRow],
        choices: [ChosenAnswer],
        disagreements: [Disagreement]
    ) {
        self.id = id
        self.title = title
        self.columns = columns
        self.chart = chart
        self.rows = rows
        self.scores = scores
        self.choices = choices
        self.disagreements = disagreements
        hasRows = !rows.isEmpty
        hasScores = !scores.isEmpty
        hasChoices = !choices.isEmpty
        hasDisagreements = !disagreements.isEmpty
    }
}
