import FramstegCore
import Hummingbird

/// How published figures look, the same on every page and in every export: counts with hidden
/// ones as "..", shares as whole percent, and the download responses.
enum FigureFormat {
    /// Every hidden count looks the same, whether it is small or hidden to protect a small one:
    /// marking only the small ones would let a reader bound the others, and a sum pin them.
    static let hidden = ".."

    static func count(_ value: Int?) -> String { value.map(String.init) ?? hidden }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }

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
