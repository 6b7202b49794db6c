import FramstegCore

/// The survey results drawn on the server as SVG: the share positive per question against its
/// goal, and each question's distribution as one stacked bar. Hidden cells are never drawn at
/// their size: what the shown cells leave of the total is one grey "hidden" segment.
enum SurveyCharts {
    static let width = 640.0
    static let labelWidth = 170.0
    static let rowHeight = 26.0

    /// One bar per question: the share positive of everyone, a tick at the goal where there is one.
    static func shares(_ results: SurveyResults, language: Language, id: String) -> String {
        let questions = results.questions
        guard !questions.isEmpty else { return "" }
        let plot = width - labelWidth - 50
        let height = Double(questions.count) * rowHeight + 28
        let title = shareLabel(results.instrument, language)
        var parts = [
            #"<svg class="survey-chart" viewBox="0 0 \#(SVG.number(width)) \#(SVG.number(height))" width="\#(SVG.number(width))" height="\#(SVG.number(height))" role="img" aria-labelledby="\#(id)-title">"#,
            #"<title id="\#(id)-title">\#(SVG.escape(title))</title>"#,
        ]
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = labelWidth + plot * tick
            parts.append(#"<line class="grid" x1="\#(SVG.number(x))" x2="\#(SVG.number(x))" y1="4" y2="\#(SVG.number(height - 20))"/>"#)
            parts.append(
                #"<text class="axis" x="\#(SVG.number(x))" y="\#(SVG.number(height - 6))" text-anchor="middle">\#(Int(tick * 100)) %</text>"#
            )
        }
        for (index, question) in questions.enumerated() {
            parts += shareRow(question, y: 4 + Double(index) * rowHeight, plot: plot, language: language)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// One question's bar of the share positive (or "hidden"), and its goal's tick.
    private static func shareRow(_ question: SurveyResults.QuestionResult, y: Double, plot: Double, language: Language) -> [String] {
        var parts: [String] = []
        parts.append(
            #"<text class="label" x="\#(SVG.number(labelWidth - 6))" y="\#(SVG.number(y + 16))" text-anchor="end">\#(SVG.escape(question.item.label.text(language)))</text>"#
        )
        if let share = question.everyone.positiveShare {
            let reached = question.meetsGoal == true ? " reached" : ""
            // The middle answer ("Ibland", "Delvis") continues the bar in a lighter shade.
            let middle = question.everyone.withMiddleShare.map { max($0, share) }
            if let middle, middle > share {
                parts.append(
                    #"<rect class="share middle\#(reached)" x="\#(SVG.number(labelWidth + plot * share))" y="\#(SVG.number(y + 4))" width="\#(SVG.number(plot * (middle - share)))" height="\#(SVG.number(rowHeight - 8))"/>"#
                )
            }
            parts.append(
                #"<rect class="share\#(reached)" x="\#(SVG.number(labelWidth))" y="\#(SVG.number(y + 4))" width="\#(SVG.number(plot * share))" height="\#(SVG.number(rowHeight - 8))"/>"#
            )
            let value = FigureFormat.percent(share) + (middle.map { " / " + FigureFormat.percent($0) } ?? "")
            parts.append(
                #"<text class="value" x="\#(SVG.number(labelWidth + plot * (middle ?? share) + 4))" y="\#(SVG.number(y + 16))">\#(value)</text>"#
            )
        } else {
            parts.append(
                #"<text class="value hidden" x="\#(SVG.number(labelWidth + 4))" y="\#(SVG.number(y + 16))">\#(SVG.escape(Texts.text("hiddenShare", language)))</text>"#
            )
        }
        if let goal = question.goal {
            let x = labelWidth + plot * goal
            parts.append(
                #"<line class="goal" x1="\#(SVG.number(x))" x2="\#(SVG.number(x))" y1="\#(SVG.number(y + 1))" y2="\#(SVG.number(y + rowHeight - 1))"/>"#
            )
        }
        return parts
    }

    /// One question's answers for everyone as a stacked bar, each choice its own segment. The bar
    /// is the sum of the published counts (each perturbed on its own, they need not add up to the
    /// published total), so the segments fill it.
    static func distribution(_ question: SurveyResults.QuestionResult, language: Language, id: String) -> String {
        let row = question.everyone
        let total = row.counts.compactMap { $0 }.reduce(0, +)
        guard total > 0 else { return "" }
        let height = 30.0
        var parts = [
            #"<svg class="distribution-chart" viewBox="0 0 \#(SVG.number(width)) \#(SVG.number(height))" width="\#(SVG.number(width))" height="\#(SVG.number(height))" role="img" aria-labelledby="\#(id)-title">"#,
            #"<title id="\#(id)-title">\#(SVG.escape(question.item.label.text(language)))</title>"#,
        ]
        var x = 0.0
        for (index, choice) in question.choices.enumerated() {
            guard let count = row.counts[index], count > 0 else { continue }
            let segment = width * Double(count) / Double(total)
            let kind = choice.isPositive ? "positive" : choice.isMiddle ? "middle" : choice.isOutsideShare ? "outside" : "other"
            parts.append(
                #"<rect class="segment \#(kind) step-\#(index)" x="\#(SVG.number(x))" y="2" width="\#(SVG.number(segment))" height="\#(SVG.number(height - 4))"><title>\#(SVG.escape(choice.label.text(language))): \#(count)</title></rect>"#
            )
            x += segment
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    static func shareLabel(_ instrument: Instrument, _ language: Language) -> String {
        instrument.shareLabel?.text(language) ?? Texts.text("positiveShare", language)
    }
}
