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
            #"<svg class="hours-chart" viewBox="0 0 \#(n(width)) \#(n(Self.height))" width="\#(n(width))" height="\#(n(Self.height))" role="img" aria-labelledby="hours-chart-title">"#,
            #"<title id="hours-chart-title">\#(escape(title))</title>"#,
        ]
        for tick in stride(from: 0.0, through: scaleTop, by: 5) {
            parts.append(#"<line x1="\#(n(Self.left))" x2="\#(n(width - 8))" y1="\#(n(y(tick)))" y2="\#(n(y(tick)))" class="grid"/>"#)
            parts.append(#"<text x="\#(n(Self.left - 4))" y="\#(n(y(tick) + 4))" text-anchor="end" class="axis">\#(Int(tick))</text>"#)
        }
        for (index, row) in rows.enumerated() {
            if let attended = row.attended, attended > 0 {
                let reachedGoal = row.goal.map { attended >= $0 } ?? false
                parts.append(#"<rect class="\#(reachedGoal ? "attended reached" : "attended")" x="\#(n(x(index) + 3))" y="\#(n(y(attended)))" width="\#(n(Self.barWidth - 6))" height="\#(n(y(0) - y(attended)))"/>"#)
            }
            if index % 2 == 0 || rows.count <= 8 {
                parts.append(#"<text x="\#(n(x(index) + Self.barWidth / 2))" y="\#(n(Self.height - 8))" text-anchor="middle" class="axis">\#(row.week.number)</text>"#)
            }
        }
        // The goal as steps: flat across each week, rising where it was raised.
        var points: [String] = []
        for (index, row) in rows.enumerated() {
            guard let goal = row.goal else { continue }
            points.append("\(n(x(index))),\(n(y(goal)))")
            points.append("\(n(x(index) + Self.barWidth)),\(n(y(goal)))")
        }
        if !points.isEmpty {
            parts.append(#"<polyline class="goal" points="\#(points.joined(separator: " "))"/>"#)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private func n(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
