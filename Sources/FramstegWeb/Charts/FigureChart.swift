import FramstegCore

/// A follow-up table drawn as grouped horizontal bars, one bar per gender in each row, on the
/// server as SVG. A hidden count is not drawn; ".." stands in its place, as in the table.
enum FigureChart {
    static let width = 640.0
    static let labelWidth = 190.0
    static let barHeight = 9.0

    static func bars(_ table: CrossTable, labels: [String], language: Language, id: String, title: String) -> String {
        let genders = table.columns.count
        let rowHeight = Double(genders) * (barHeight + 2) + 10
        let height = Double(labels.count) * rowHeight + 24
        let peak = Double((0..<labels.count).flatMap { row in (0..<genders).compactMap { table.cell(row, $0) } }.max() ?? 0)
        let plot = width - labelWidth - 40
        var parts = [
            #"<svg class="figure-chart" viewBox="0 0 \#(SVG.number(width)) \#(SVG.number(height))" width="\#(SVG.number(width))" height="\#(SVG.number(height))" role="img" aria-labelledby="\#(id)-title">"#,
            #"<title id="\#(id)-title">\#(SVG.escape(title))</title>"#,
        ]
        for (row, label) in labels.enumerated() {
            let top = 4 + Double(row) * rowHeight
            parts.append(#"<text class="label" x="\#(SVG.number(labelWidth - 6))" y="\#(SVG.number(top + rowHeight / 2))" text-anchor="end">\#(SVG.escape(label))</text>"#)
            for column in 0..<genders {
                let y = top + Double(column) * (barHeight + 2)
                if let value = table.cell(row, column) {
                    let length = peak > 0 ? plot * Double(value) / peak : 0
                    parts.append(#"<rect class="bar gender-\#(column)" x="\#(SVG.number(labelWidth))" y="\#(SVG.number(y))" width="\#(SVG.number(length))" height="\#(SVG.number(barHeight))"/>"#)
                    parts.append(#"<text class="value" x="\#(SVG.number(labelWidth + length + 3))" y="\#(SVG.number(y + barHeight - 1))">\#(value)</text>"#)
                } else {
                    parts.append(#"<text class="value hidden" x="\#(SVG.number(labelWidth + 3))" y="\#(SVG.number(y + barHeight - 1))">..</text>"#)
                }
            }
        }
        let legendY = height - 8
        for (column, key) in table.columns.enumerated() {
            let x = labelWidth + Double(column) * 150
            parts.append(#"<rect class="bar gender-\#(column)" x="\#(SVG.number(x))" y="\#(SVG.number(legendY - 8))" width="10" height="10"/>"#)
            parts.append(#"<text class="legend" x="\#(SVG.number(x + 14))" y="\#(SVG.number(legendY + 1))">\#(SVG.escape(Texts.text("genderGroup." + key, language)))</text>"#)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
