import FramstegCore

/// The survey results export for the national systems: counts per question, answer and gender,
/// every count published through the cell key method, then each question's total and share positive.
enum SurveyResultsCSV {
    static func text(_ results: SurveyResults, _ query: SurveyResultsQuery, language: Language) -> String {
        let groups = results.questions.first?.rows.map { $0.group.label(language) } ?? []
        var rows: [[String]] = [
            [
                Texts.text("survey", language), Texts.text("version", language), Texts.text("area", language),
                Texts.text("reportingPeriod", language),
                Texts.text("question", language), Texts.text("answer", language),
            ] + groups
        ]
        let head = [
            query.instrument.id, String(query.instrument.version), area(query.scope),
            "\(Quarter(query.period.first))–\(Quarter(query.period.last))",
        ]
        for question in results.questions {
            let label = question.item.label.text(language)
            for (index, choice) in question.choices.enumerated() {
                rows.append(head + [label, choice.label.text(language)] + question.rows.map { FigureFormat.count($0.counts[index]) })
            }
            rows.append(head + [label, Texts.text("total", language)] + question.rows.map { FigureFormat.count($0.total) })
            rows.append(
                head + [label, SurveyCharts.shareLabel(results.instrument, language) + " (%)"]
                    + question.rows.map { $0.positiveShare.map { SwedishCSV.decimal($0 * 100) } ?? "–" }
            )
            if question.hasMiddle {
                rows.append(
                    head + [label, Texts.text("withMiddleShare", language) + " (%)"]
                        + question.rows.map { $0.withMiddleShare.map { SwedishCSV.decimal($0 * 100) } ?? "–" }
                )
            }
        }
        return SwedishCSV.write(rows)
    }

    /// The area column: the municipality's or unit's name, or `association`.
    private static func area(_ scope: SurveyResultsScope) -> String {
        switch scope {
        case .association: "association"
        case .municipality(let municipality): municipality.name
        case .unit(let unit): unit.name
        }
    }
}
