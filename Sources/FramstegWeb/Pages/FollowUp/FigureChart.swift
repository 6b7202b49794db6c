import FramstegCore

/// A follow-up table drawn as grouped horizontal bars, one bar per gender in each row, on the
/// server as SVG. A value there is none of (a mean of too few) is not drawn; "–" stands in its
/// place, as in the table.
enum FigureChart {
    static let width = 640.0
    static let labelWidth = 190.0
    static let barHeight = 9.0

    static func bars(_ table: CrossTable, labels: [String], language: Language, id: String, title: String) -> String {
        bars(
            values: labels.indices.map { row in table.columns.indices.map { table.cell(row, $0).map(Double.init) } },
            labels: labels,
            series: table.columns.map { Texts.text("genderGroup." + $0, language) },
            id: id,
            title: title
        ) { String(Int($0)) }
    }

    /// Rows of values, one bar per series in each row; a nil value is not drawn and shows "–". A
    /// negative value is drawn left of the zero line, so a mean change can fall as well as rise.
    static func bars(values: [[Double?]], labels: [String], series: [String], id: String, title: String, text: (Double) -> String) -> String
    {
        // Room for the longest label (about 6.6 units a character at the chart's font size), within limits.
        let labelWidth = min(330, max(Self.labelWidth, Double(labels.map(\.count).max() ?? 0) * 6.6 + 12))
        let rowHeight = Double(series.count) * (barHeight + 2) + 10
        let legendRows = (series.count + 2) / 3
        let height = Double(labels.count) * rowHeight + 10 + Double(legendRows) * 16
        let shown = values.flatMap { $0.compactMap { $0 } }
        let high = max(0, shown.max() ?? 0)
        let low = min(0, shown.min() ?? 0)
        let plot = width - labelWidth - 50
        let span = high - low
        let axis = Axis(zero: labelWidth + (span > 0 ? plot * -low / span : 0), plot: plot, span: span)
        var parts = [
            #"<svg class="figure-chart" viewBox="0 0 \#(SVG.number(width)) \#(SVG.number(height))" width="\#(SVG.number(width))" height="\#(SVG.number(height))" role="img" aria-labelledby="\#(id)-title">"#,
            #"<title id="\#(id)-title">\#(SVG.escape(title))</title>"#,
        ]
        for (row, label) in labels.enumerated() {
            let top = 4 + Double(row) * rowHeight
            parts.append(
                #"<text class="label" x="\#(SVG.number(labelWidth - 6))" y="\#(SVG.number(top + rowHeight / 2))" text-anchor="end">\#(SVG.escape(label))</text>"#
            )
            for column in series.indices {
                let value = row < values.count && column < values[row].count ? values[row][column] : nil
                parts += bar(value, column: column, y: top + Double(column) * (barHeight + 2), axis, text: text)
            }
        }
        if low < 0 {
            let bottom = 4 + Double(labels.count) * rowHeight
            parts.append(
                #"<line class="axis" x1="\#(SVG.number(axis.zero))" y1="2" x2="\#(SVG.number(axis.zero))" y2="\#(SVG.number(bottom))"/>"#
            )
        }
        parts += legend(series, left: labelWidth, top: Double(labels.count) * rowHeight)
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// One bar from the zero line with its value beside it, or "–" where there is none.
    private static func bar(_ value: Double?, column: Int, y: Double, _ axis: Axis, text: (Double) -> String) -> [String] {
        let zero = axis.zero
        guard let value else {
            return [
                #"<text class="value hidden" x="\#(SVG.number(zero + 3))" y="\#(SVG.number(y + barHeight - 1))">\#(FigureFormat.noFigure)</text>"#
            ]
        }
        let length = axis.length(value)
        let x = value < 0 ? zero - length : zero
        return [
            #"<rect class="bar gender-\#(column)" x="\#(SVG.number(x))" y="\#(SVG.number(y))" width="\#(SVG.number(length))" height="\#(SVG.number(barHeight))"/>"#,
            #"<text class="value" x="\#(SVG.number(value < 0 ? x - 3 : x + length + 3))" y="\#(SVG.number(y + barHeight - 1))"\#(value < 0 ? #" text-anchor="end""# : "")>\#(SVG.escape(text(value)))</text>"#,
        ]
    }

    /// Where the zero line is, and how long a value's bar is: the values' range fills the plot.
    private struct Axis {
        let zero: Double
        let plot: Double
        let span: Double

        func length(_ value: Double) -> Double { span > 0 ? plot * abs(value) / span : 0 }
    }

    /// A swatch and name for each series, three to a line, under the rows.
    private static func legend(_ series: [String], left: Double, top: Double) -> [String] {
        series.enumerated().flatMap { column, name in
            let x = left + Double(column % 3) * 150
            let y = top + 14 + Double(column / 3) * 16
            return [
                #"<rect class="bar gender-\#(column)" x="\#(SVG.number(x))" y="\#(SVG.number(y - 8))" width="10" height="10"/>"#,
                #"<text class="legend" x="\#(SVG.number(x + 14))" y="\#(SVG.number(y + 1))">\#(SVG.escape(name))</text>"#,
            ]
        }
    }
}
