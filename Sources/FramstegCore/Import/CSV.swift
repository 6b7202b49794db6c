/// A small RFC 4180 reader: quoted fields may hold the delimiter, quotes ("") and line breaks.
/// The delimiter is `;` (what Swedish spreadsheet programs write) or `,`, whichever the header uses.
public enum CSV {
    public enum Problem: Error, Equatable, Sendable {
        /// A quoted field was still open at the end of the file; the line it began on.
        case unterminatedQuote(line: Int)
        case empty
    }

    /// The records with the line each began on (1-based), blank lines skipped.
    public static func parse(_ text: String) throws(Problem) -> [(line: Int, fields: [String])] {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }  // a byte-order mark from Excel
        let headerEnd = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) ?? text.endIndex
        let header = text[..<headerEnd]
        let delimiter: Character = header.filter { $0 == ";" }.count >= header.filter { $0 == "," }.count ? ";" : ","

        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var fieldWasQuoted = false
        var iterator = text.makeIterator()
        var pending: Character? = iterator.next()

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { records.append((recordLine, fields)) }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let character = pending {
            pending = iterator.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                inQuotes = true
                fieldWasQuoted = true
            case delimiter:
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        if records.isEmpty { throw .empty }
        return records
    }
}
