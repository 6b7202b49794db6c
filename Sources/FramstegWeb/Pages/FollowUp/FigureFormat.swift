import FramstegCore
import Hummingbird

/// How published figures look, the same on every page and in every export: counts as they are
/// published (no count is hidden: `Publication`), shares as whole percent, a mean or share that
/// there is none of as "–", and the download responses.
enum FigureFormat {
    /// No figure: nobody to count a share or mean of, or a mean of fewer than five, which readers
    /// of perturbed figures are not shown (`ProtectedMean`). Tables with one say so in a note.
    static let noFigure = "–"

    static func count(_ value: Int?) -> String { value.map(String.init) ?? noFigure }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }

    /// Whole kronor grouped in threes as Swedes write them: "2 750 000 kr" (no-break spaces).
    static func kronor(_ amount: Int) -> String {
        let digits = String(abs(amount))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (amount < 0 ? "−" : "") + groups.joined(separator: "\u{00A0}") + "\u{00A0}kr"
    }

    static func csv(_ text: String, name: String) -> Response {
        download(ByteBuffer(string: text), type: "text/csv; charset=utf-8", name: name)
    }

    static func xlsx(_ workbook: XLSXWorkbook, name: String) -> Response {
        download(ByteBuffer(bytes: workbook.data), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: name)
    }

    private static func download(_ body: ByteBuffer, type: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: body)
        )
    }
}
