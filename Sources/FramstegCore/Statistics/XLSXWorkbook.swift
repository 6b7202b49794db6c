import Foundation

/// A one-sheet Excel workbook (Office Open XML) written without any library: the sheet's XML
/// parts in a zip archive, stored without compression. Cells that read as whole or decimal
/// numbers are numbers in Excel; everything else ("–" where there is no figure) is text.
public struct XLSXWorkbook: Sendable {
    public let sheetName: String
    public let rows: [[String]]

    public init(sheetName: String, rows: [[String]]) {
        // Excel allows 31 characters and none of []:*?/\ in a sheet name.
        let cleaned = sheetName.filter { !"[]:*?/\\".contains($0) }
        self.sheetName = String((cleaned.isEmpty ? "Tabell" : cleaned).prefix(31))
        self.rows = rows
    }

    public var data: Data {
        var archive = StoredZip()
        archive.add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """
        )
        archive.add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """
        )
        archive.add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\(Self.escape(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
        )
        archive.add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """
        )
        archive.add("xl/worksheets/sheet1.xml", sheet)
        return archive.data
    }

    var sheet: String {
        var xml =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (rowIndex, row) in rows.enumerated() {
            xml += #"<row r="\#(rowIndex + 1)">"#
            for (columnIndex, value) in row.enumerated() {
                let reference = Self.column(columnIndex) + String(rowIndex + 1)
                if let number = Self.number(value) {
                    xml += #"<c r="\#(reference)"><v>\#(number)</v></c>"#
                } else {
                    let text = Self.escape(SpreadsheetText.neutralised(value))
                    xml += #"<c r="\#(reference)" t="inlineStr"><is><t xml:space="preserve">\#(text)</t></is></c>"#
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// "A", "B", … "Z", "AA", …
    static func column(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(65 + remainder)!) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// A cell that is a number: digits with an optional decimal comma or point (written with a point).
    static func number(_ text: String) -> String? {
        let normalised = text.replacingOccurrences(of: ",", with: ".")
        guard !normalised.isEmpty, normalised.count <= 15, Double(normalised) != nil,
            normalised.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
        else { return nil }
        return normalised
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">",
            with: "&gt;"
        )
        .replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// A zip archive with its entries stored (no compression): local headers, then the central
/// directory, then its end record, each with the CRC-32 of the entry.
struct StoredZip {
    private var body = Data()
    private var directory = Data()
    private var count: UInt16 = 0

    mutating func add(_ name: String, _ text: String) {
        let content = Data(text.utf8)
        let nameData = Data(name.utf8)
        let crc = Self.crc32(content)
        let offset = UInt32(body.count)
        var local = Data()
        local.append(le32: 0x0403_4B50)
        local.append(le16: 20)
        local.append(le16: 0x0800)
        local.append(le16: 0)
        local.append(le16: 0)
        local.append(le16: 0x21)  // time 00:00, date 1980-01-01
        local.append(le32: crc)
        local.append(le32: UInt32(content.count))
        local.append(le32: UInt32(content.count))
        local.append(le16: UInt16(nameData.count))
        local.append(le16: 0)
        body.append(local)
        body.append(nameData)
        body.append(content)
        var central = Data()
        central.append(le32: 0x0201_4B50)
        central.append(le16: 20)
        central.append(le16: 20)
        central.append(le16: 0x0800)
        central.append(le16: 0)
        central.append(le16: 0)
        central.append(le16: 0x21)
        central.append(le32: crc)
        central.append(le32: UInt32(content.count))
        central.append(le32: UInt32(content.count))
        central.append(le16: UInt16(nameData.count))
        central.append(le16: 0)
        central.append(le16: 0)
        central.append(le16: 0)
        central.append(le16: 0)
        central.append(le32: 0)
        central.append(le32: offset)
        directory.append(central)
        directory.append(nameData)
        count += 1
    }

    var data: Data {
        var end = Data()
        end.append(le32: 0x0605_4B50)
        end.append(le16: 0)
        end.append(le16: 0)
        end.append(le16: count)
        end.append(le16: count)
        end.append(le32: UInt32(directory.count))
        end.append(le32: UInt32(body.count))
        end.append(le16: 0)
        return body + directory + end
    }

    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func append(le16 value: UInt16) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    mutating func append(le32 value: UInt32) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
}
