/// Text as a spreadsheet may receive it from an export: a cell that would start a formula (`=`, `+`,
/// `-`, `@`, or a tab or carriage return before one) is prefixed with an apostrophe so Excel and
/// LibreOffice show it as text, and control characters (which also make an XLSX unreadable) are
/// dropped. A number, negative ones included, is left as it is.
public enum SpreadsheetText {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralised(_ text: String) -> String {
        let printable = String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
        guard let first = printable.first, formulaStarts.contains(first), !isNumber(printable) else { return printable }
        return "'" + printable
    }

    /// Tab, line feed and carriage return stay (a cell may hold lines); every other C0 control and DEL goes.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    /// `-3`, `-0,5`, `+12.5`: a signed number with a decimal comma or point.
    static func isNumber(_ text: String) -> Bool {
        let unsigned = text.dropFirst(text.first == "-" || text.first == "+" ? 1 : 0)
        return !unsigned.isEmpty && unsigned.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }
            && unsigned.contains(where: \.isNumber)
    }
}
