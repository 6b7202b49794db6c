import Foundation
import FramstegCore

/// What the record, participant mode and the exit document show of a participant's measurements:
/// per instrument, the spider chart of first / previous / latest, a table of every measurement with
/// a trend line per indicator, the latest scores with their reading, and where participant and
/// counsellor rate the same area differently.
struct ProgressView {
    let catalog: InstrumentCatalog
    let language: Language

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
    func instruments(_ measurements: [ProgressMeasurement], marked: Set<IndicatorKey> = [], idPrefix: String = "chart") -> [[String: Any]] {
        catalog.current.compactMap { current -> [String: Any]? in
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
    ) -> [String: Any] {
        let title = current.title.text(language)
        var data: [String: Any] = ["id": current.id, "title": title]
        let columns = taken.map { measurement, _ in
            "\(Texts.text("occasion." + measurement.occasion.rawValue, language)) \(measurement.takenOn)"
        }
        data["columns"] = columns
        if let set = current.indicatorSet {
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
                    .replacingOccurrences(of: "{min}", with: String(set.scale.lowerBound)).replacingOccurrences(
                        of: "{max}",
                        with: String(set.scale.upperBound)
                    ),
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
            data["chart"] = chart.svg
            data["rows"] = set.indicators.map { indicator -> [String: Any] in
                let series = values.map { $0[indicator.id] }
                return [
                    "label": indicator.label.text(language), "isMarked": isMarked(indicator),
                    "values": series.map { $0.map(format) ?? "–" },
                    "trend": taken.count > 1
                        ? Sparkline(
                            values: series,
                            scale: set.scale,
                            label: Texts.text("trendOf", language) + " " + indicator.label.text(language)
                        ).svg : "",
                ]
            }
        }
        let (latest, latestInstrument) = taken[taken.count - 1]
        data["scores"] = latestInstrument.scores(latest.answers).compactMap { score -> [String: Any]? in
            guard let value = score.value else { return nil }
            let subscale = latestInstrument.scoredScales.first { $0.id == score.subscaleID }
            var row: [String: Any] = [
                "title": subscale?.title.text(language) ?? score.subscaleID, "value": format(value),
                "answered": "\(score.answered)/\(score.of)",
            ]
            if let reading = score.interpretation { row["reading"] = reading.text(language) }
            return row
        }
        data["choices"] = latestInstrument.items(for: .participant).compactMap { item -> [String: String]? in
            guard case .choice = item.scale, let answer = latest.answers[item.id] else { return nil }
            return ["label": item.label.text(language), "answer": describe(answer, item)]
        }
        data["disagreements"] = latestInstrument.sharedAreas.compactMap { _, participantItem, counsellorItem -> [String: Any]? in
            guard let mine = latest.answers[participantItem.id], let theirs = latest.answers[counsellorItem.id] else { return nil }
            var row: [String: Any] = [
                "participantLabel": participantItem.label.text(language), "participant": describe(mine, participantItem),
                "counsellorLabel": counsellorItem.label.text(language), "counsellor": describe(theirs, counsellorItem),
            ]
            if let a = latestInstrument.itemScore(participantItem.id, mine), let b = latestInstrument.itemScore(counsellorItem.id, theirs) {
                row["difference"] = format(abs(a - b))
                row["differs"] = abs(a - b) >= 2
            }
            return row
        }
        for key in ["rows", "scores", "choices", "disagreements"] {
            data["has" + key.prefix(1).uppercased() + key.dropFirst()] = !((data[key] as? [Any])?.isEmpty ?? true)
        }
        return data
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
