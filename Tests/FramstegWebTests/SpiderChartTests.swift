import Foundation
import FramstegWeb
import Testing

/// The spider chart's SVG against snapshots kept in `Snapshots/`. After a deliberate change to the
/// drawing, run with FRAMSTEG_RECORD_SNAPSHOTS=1 once, look at the files, and commit them.
@Suite("Spider chart")
struct SpiderChartTests {
    static let labels = [
        "Hantering av hälsoutmaningar", "Hantering av vardagen", "Kunskap om möjligheter att få ett arbete",
        "Tron på att klara av ett arbete", "Förmåga att samarbeta", "Kompetenser", "Jobbsökningsbeteende",
        "Förväntningar på lön", "Självkänsla", "Initiativförmåga", "Kommunikation", "Studier",
    ]
    static let measurements: [[Double?]] = [
        [3, 4, 2, 3, 5, 4, 2, 5, 3, 4, 2, 3],
        [5, 5, 4, 4, 6, 5, nil, 6, 5, 5, 4, 4],
        [7, 6, 6, 5, 7, 7, 5, 6, 6, 7, 6, 5],
    ]

    static func chart(axes: Int, measurements: Int) -> SpiderChart {
        let picked = SpiderChart.pick(Array(Self.measurements.prefix(measurements).enumerated()))
        let names: [SpiderChart.Role: String] = [
            .first: "Första (2026-01-15)", .previous: "Förra (2026-04-09)", .latest: "Senaste (2026-07-02)",
        ]
        return SpiderChart(
            id: "bip-chart",
            title: "BIP: skattningar över tid",
            summary: "\(axes) indikatorer, \(measurements) mätningar på skalan 1–10.",
            axes: labels.prefix(axes).enumerated().map { SpiderChart.Axis(label: $0.element, isMarked: $0.offset == 1) },
            scale: 1...10,
            series: picked.map { entry, role in
                SpiderChart.Series(label: names[role]!, values: Array(entry.element.prefix(axes)), role: role)
            }
        )
    }

    static let cases = [3, 8, 12].flatMap { axes in [1, 2, 3].map { (axes, $0) } }

    @Test("3, 8 and 12 axes with one, two and three measurements match their snapshots", arguments: cases)
    func snapshot(_ axes: Int, _ measurements: Int) throws {
        let svg = Self.chart(axes: axes, measurements: measurements).svg
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Snapshots/spider-\(axes)-axes-\(measurements).svg"
        )
        if ProcessInfo.processInfo.environment["FRAMSTEG_RECORD_SNAPSHOTS"] == "1" {
            try svg.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(svg == expected, "the chart for \(axes) axes and \(measurements) measurements changed; see \(url.path)")
    }

    @Test("the drawing's promises: one path per measurement in its role, a legend line each, labels wrapped, title and description")
    func structure() {
        let svg = Self.chart(axes: 8, measurements: 3).svg
        #expect(svg.components(separatedBy: #"<path class="series "#).count - 1 == 3)
        for role in ["first", "previous", "latest"] { #expect(svg.contains(#"<path class="series \#(role)""#)) }
        #expect(svg.components(separatedBy: #"<text class="legend""#).count - 1 == 3)
        #expect(svg.contains(#"role="img" aria-labelledby="bip-chart-title bip-chart-desc""#))
        #expect(svg.contains("<title id=\"bip-chart-title\">BIP: skattningar över tid</title>"))
        #expect(svg.contains("◆ Hantering av"), "an indicator with a goal is marked")
        #expect(svg.contains(">Kunskap om</tspan>"), "a long label is wrapped")
        // The second measurement lacks axis 7: its line breaks there and does not close.
        let previous = svg.components(separatedBy: #"<path class="series previous" d=""#)[1].prefix { $0 != "\"" }
        #expect(previous.filter { $0 == "M" }.count == 2)
        #expect(!previous.hasSuffix("Z"))
        #expect(
            SpiderChart(id: "x", title: "", summary: "", axes: [SpiderChart.Axis(label: "a")], scale: 1...10, series: []).svg.isEmpty,
            "fewer than 3 axes draw nothing"
        )
    }

    @Test("first, previous and latest are picked from any number of measurements")
    func picking() {
        #expect(SpiderChart.pick([Int]()).isEmpty)
        #expect(SpiderChart.pick([1]).map(\.1) == [.latest])
        #expect(SpiderChart.pick([1, 2]).map(\.0) == [1, 2])
        #expect(SpiderChart.pick([1, 2, 3, 4, 5]).map(\.0) == [1, 4, 5])
        #expect(SpiderChart.pick([1, 2, 3, 4, 5]).map(\.1) == [.first, .previous, .latest])
    }

    @Test("a trend line per indicator skips missing measurements and ends on the latest")
    func sparkline() {
        let svg = Sparkline(values: [2, nil, 6, 8], scale: 1...10, label: "Vardagen: 2 → 8").svg
        #expect(svg.contains(#"points="3.0,19.0 63.0,11.0 93.0,7.0""#), "2, 6 and 8 on 1–10, by hand")
        #expect(svg.contains(#"aria-label="Vardagen: 2 → 8""#))
        #expect(Sparkline(values: [nil, nil], scale: 1...10, label: "x").svg.isEmpty)
    }
}
