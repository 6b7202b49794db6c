import FramstegCore

/// A small bar chart of hours attended per week with the goal as a stepped line, drawn on the
/// server as SVG: no script, prints as it shows. The same figures are in a table beside it.
struct HoursChart {
    let rows: [ActivityHours.WeekRow]
    let language: Language

    static let barWidth = 22.0
    static let height = 160.0
    static let left = 34.0
    static let bottom = 24.0
    static let top = 10.0

    var svg: String {
        guard !rows.isEmpty else { return "" }
        let peak = rows.flatMap { [$0.goal ?? 0, $0.attended ?? 0] }.max() ?? 0
        let scaleTop = max(ActivityHours.halfTime, (peak / 5).rounded(.up) * 5)
        let plotHeight = Self.height - Self.bottom - Self.top
        let width = Self.left + Double(rows.count) * Self.barWidth + 8
        func y(_ hours: Double) -> Double { Self.top + plotHeight * (1 - hours / scaleTop) }
        func x(_ index: Int) -> Double { Self.left + Double(index) * Self.barWidth }
        let title = Texts.text("hoursChart", language)
        var parts = [
            #"<svg class="hours-chart" viewBox="0 0 \#(SVG.number(width)) \#(SVG.number(Self.height))" width="\#(SVG.number(width))" height="\#(SVG.number(Self.height))" role="img" aria-labelledby="hours-chart-title">"#,
            #"<title id="hours-chart-title">\#(SVG.escape(title))</title>"#,
        ]
        for tick in stride(from: 0.0, through: scaleTop, by: 5) {
            parts.append(
                #"<line x1="\#(SVG.number(Self.left))" x2="\#(SVG.number(width - 8))" y1="\#(SVG.number(y(tick)))" y2="\#(SVG.number(y(tick)))" class="grid"/>"#
            )
            parts.append(
                #"<text x="\#(SVG.number(Self.left - 4))" y="\#(SVG.number(y(tick) + 4))" text-anchor="end" class="axis">\#(Int(tick))</text>"#
            )
        }
        for (index, row) in rows.enumerated() {
            if let attended = row.attended, attended > 0 {
                let reachedGoal = row.goal.map { attended >= $0 } ?? false
                parts.append(
                    #"<rect class="\#(reachedGoal ? "attended reached" : "attended")" x="\#(SVG.number(x(index) + 3))" y="\#(SVG.number(y(attended)))" width="\#(SVG.number(Self.barWidth - 6))" height="\#(SVG.number(y(0) - y(attended)))"/>"#
                )
            }
            if index % 2 == 0 || rows.count <= 8 {
                parts.append(
                    #"<text x="\#(SVG.number(x(index) + Self.barWidth / 2))" y="\#(SVG.number(Self.height - 8))" text-anchor="middle" class="axis">\#(row.week.number)</text>"#
                )
            }
        }
        // The goal as steps: flat across each week, rising where it was raised.
        var points: [String] = []
        for (index, row) in rows.enumerated() {
            guard let goal = row.goal else { continue }
            points.append("\(SVG.number(x(index))),\(SVG.number(y(goal)))")
            points.append("\(SVG.number(x(index) + Self.barWidth)),\(SVG.number(y(goal)))")
        }
        if !points.isEmpty {
            parts.append(#"<polyline class="goal" points="\#(points.joined(separator: " "))"/>"#)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

}
