/// CSV the way Swedish Excel opens it: UTF-8 with a byte order mark, semicolons between fields,
/// CRLF between lines, decimal comma. Fields with a semicolon, quote or line break are quoted; text
/// that would start a formula is neutralised (`SpreadsheetText`).
public enum SwedishCSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func write(_ rows: [[String]]) -> String {
        byteOrderMark + rows.map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ raw: String) -> String {
        let text = SpreadsheetText.neutralised(raw)
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number with a decimal comma and the given decimals: `81,3`.
    public static func decimal(_ value: Double, decimals: Int = 1) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = Int((value * factor).rounded())
        let whole = scaled / Int(factor)
        let fraction = abs(scaled % Int(factor))
        guard decimals > 0 else { return String(whole) }
        let digits = String(fraction)
        return "\(scaled < 0 && whole == 0 ? "-" : "")\(whole),\(String(repeating: "0", count: decimals - digits.count))\(digits)"
    }
}
