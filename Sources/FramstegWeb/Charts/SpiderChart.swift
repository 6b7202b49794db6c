import Foundation

/// A spider (radar) chart drawn on the server as SVG: 3–12 axes with wrapped labels, labelled
/// scale rings, and up to three measurements (first, previous, latest) overlaid in distinct
/// colours and line styles with a legend. Readable on a tablet and on paper; no script.
/// The page puts the same figures in a table beside it.
public struct SpiderChart: Sendable {
    public struct Axis: Sendable {
        public let label: String
        /// An indicator the action plan has a goal for: marked on the chart.
        public let isMarked: Bool
        public init(label: String, isMarked: Bool = false) {
            self.label = label
            self.isMarked = isMarked
        }
    }

    public enum Role: String, Sendable {
        case first, previous, latest
    }

    public struct Series: Sendable {
        public let label: String
        /// One value per axis; nil where the item was not answered (the line breaks there).
        public let values: [Double?]
        public let role: Role
        public init(label: String, values: [Double?], role: Role) {
            self.label = label
            self.values = values
            self.role = role
        }
    }

    public let id: String
    public let title: String
    public let summary: String
    public let axes: [Axis]
    public let scale: ClosedRange<Int>
    public let series: [Series]

    public init(id: String, title: String, summary: String, axes: [Axis], scale: ClosedRange<Int>, series: [Series]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.axes = axes
        self.scale = scale
        self.series = series
    }

    /// First, previous and latest of a list of measurements, oldest first: one shows alone, two as
    /// first and latest, three or more as first, previous and latest.
    public static func pick<T>(_ measurements: [T]) -> [(T, Role)] {
        switch measurements.count {
        case 0: []
        case 1: [(measurements[0], .latest)]
        case 2: [(measurements[0], .first), (measurements[1], .latest)]
        default:
            [(measurements[0], .first), (measurements[measurements.count - 2], .previous), (measurements[measurements.count - 1], .latest)]
        }
    }

    static let size = 460.0
    /// Wider than tall: labels at the sides need room.
    static let width = 620.0
    static let radius = 140.0
    static let legendHeight = 28.0

    public var svg: String {
        let count = axes.count
        guard (3...12).contains(count) else { return "" }
        let centre = Self.size / 2
        let centreX = Self.width / 2
        let span = Double(scale.upperBound - scale.lowerBound)
        func angle(_ index: Int) -> Double { -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count) }
        func point(_ index: Int, _ value: Double) -> (x: Double, y: Double) {
            let fraction = max(0, min(1, (value - Double(scale.lowerBound)) / span))
            // The lowest step sits a little out from the centre so it stays visible.
            let distance = Self.radius * (0.08 + 0.92 * fraction)
            return (centreX + distance * cos(angle(index)), centre + distance * sin(angle(index)))
        }
        let height = Self.size + Self.legendHeight * Double(max(1, series.count))
        var parts = [
            #"<svg class="spider-chart" id="\#(id)" viewBox="0 0 \#(SVG.number(Self.width)) \#(SVG.number(height))" width="\#(SVG.number(Self.width))" height="\#(SVG.number(height))" role="img" aria-labelledby="\#(id)-title \#(id)-desc">"#,
            #"<title id="\#(id)-title">\#(SVG.escape(title))</title>"#,
            #"<desc id="\#(id)-desc">\#(SVG.escape(summary))</desc>"#,
        ]
        // Rings at about five steps of the scale, each labelled on the first axis.
        for step in ringSteps {
            let ring = (0..<count).map { point($0, Double(step)) }.map { "\(SVG.number($0.x)),\(SVG.number($0.y))" }.joined(separator: " ")
            parts.append(#"<polygon class="ring" points="\#(ring)"/>"#)
            let label = point(0, Double(step))
            parts.append(#"<text class="ring-label" x="\#(SVG.number(label.x + 4))" y="\#(SVG.number(label.y + 4))">\#(step)</text>"#)
        }
        for index in 0..<count {
            let end = point(index, Double(scale.upperBound))
            parts.append(
                #"<line class="axis" x1="\#(SVG.number(centreX))" y1="\#(SVG.number(centre))" x2="\#(SVG.number(end.x))" y2="\#(SVG.number(end.y))"/>"#
            )
            parts.append(axisLabel(index, angle: angle(index), centreX: centreX, centreY: centre))
        }
        for item in series {
            var path = ""
            var drawing = false
            for (index, value) in item.values.prefix(count).enumerated() {
                guard let value else {
                    drawing = false
                    continue
                }
                let at = point(index, value)
                path += (drawing ? " L" : (path.isEmpty ? "M" : " M")) + "\(SVG.number(at.x)),\(SVG.number(at.y))"
                drawing = true
            }
            if item.values.count >= count, item.values.prefix(count).allSatisfy({ $0 != nil }) { path += " Z" }
            if !path.isEmpty { parts.append(#"<path class="series \#(item.role.rawValue)" d="\#(path)"/>"#) }
            for (index, value) in item.values.prefix(count).enumerated() {
                guard let value else { continue }
                let at = point(index, value)
                parts.append(#"<circle class="point \#(item.role.rawValue)" cx="\#(SVG.number(at.x))" cy="\#(SVG.number(at.y))" r="3.5"/>"#)
            }
        }
        for (index, item) in series.enumerated() {
            let y = Self.size + Self.legendHeight * Double(index) + 12
            parts.append(#"<line class="series \#(item.role.rawValue)" x1="20" y1="\#(SVG.number(y))" x2="56" y2="\#(SVG.number(y))"/>"#)
            parts.append(#"<text class="legend" x="64" y="\#(SVG.number(y + 5))">\#(SVG.escape(item.label))</text>"#)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// About five rings, on whole steps, always including the top of the scale.
    var ringSteps: [Int] {
        let span = scale.upperBound - scale.lowerBound
        let stride = max(1, Int((Double(span) / 5).rounded(.up)))
        var steps = Array(Swift.stride(from: scale.upperBound, to: scale.lowerBound, by: -stride)).reversed().map { $0 }
        if steps.first != scale.lowerBound, stride == 1 { steps.insert(scale.lowerBound, at: 0) }
        return steps
    }

    /// The label outside the axis end, wrapped to short lines and anchored away from the chart.
    private func axisLabel(_ index: Int, angle: Double, centreX: Double, centreY: Double) -> String {
        let distance = Self.radius + 18
        let x = centreX + distance * cos(angle)
        let y = centreY + distance * sin(angle)
        let anchor = abs(cos(angle)) < 0.3 ? "middle" : (cos(angle) > 0 ? "start" : "end")
        let lines = Self.wrap((axes[index].isMarked ? "◆ " : "") + axes[index].label, width: 16)
        // Labels above the centre grow upwards, those below grow downwards.
        let firstY =
            sin(angle) < -0.3 ? y - Double(lines.count - 1) * 13 : (sin(angle) > 0.3 ? y + 8 : y - Double(lines.count - 1) * 6.5 + 4)
        let spans = lines.enumerated().map { offset, line in
            #"<tspan x="\#(SVG.number(x))" y="\#(SVG.number(firstY + Double(offset) * 13))">\#(SVG.escape(line))</tspan>"#
        }.joined()
        return #"<text class="axis-label\#(axes[index].isMarked ? " marked" : "")" text-anchor="\#(anchor)">\#(spans)</text>"#
    }

    /// Words onto lines of at most `width` characters (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

}

/// A small trend line of one indicator across all measurements, for beside the table.
public struct Sparkline: Sendable {
    public let values: [Double?]
    public let scale: ClosedRange<Int>
    public let label: String

    public init(values: [Double?], scale: ClosedRange<Int>, label: String) {
        self.values = values
        self.scale = scale
        self.label = label
    }

    public var svg: String {
        let width = 96.0
        let height = 24.0
        let present = values.enumerated().compactMap { index, value in value.map { (index, $0) } }
        guard !present.isEmpty else { return "" }
        let span = Double(scale.upperBound - scale.lowerBound)
        let step = values.count > 1 ? (width - 6) / Double(values.count - 1) : 0
        let points = present.map { index, value -> String in
            let x = 3 + step * Double(index)
            let y = 3 + (height - 6) * (1 - (value - Double(scale.lowerBound)) / span)
            return String(format: "%.1f,%.1f", x, y)
        }
        let last = points.last!.split(separator: ",")
        return
            #"<svg class="sparkline" viewBox="0 0 96 24" width="96" height="24" role="img" aria-label="\#(SVG.escape(label))"><polyline points="\#(points.joined(separator: " "))"/><circle cx="\#(last[0])" cy="\#(last[1])" r="2.5"/></svg>"#
    }
}
