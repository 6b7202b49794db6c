import Foundation

/// What every chart needs to write SVG by hand: escaped text and short numbers.
enum SVG {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">",
            with: "&gt;"
        )
        .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// At most one decimal, none when whole: `12`, `12.5`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
