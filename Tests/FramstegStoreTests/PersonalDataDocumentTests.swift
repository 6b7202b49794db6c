import Foundation
import FramstegCore
import FramstegTestSupport
import SQLKit
import Testing

@testable import FramstegStore

/// `docs/personal-data.md` is what an IT department and a data protection officer read: it must
/// cover every table and column of the schema, name none that does not exist, and mark sealed
/// every column the code seals.
@Suite("The personal data document")
struct PersonalDataDocumentTests {
    /// Table → column → the "sealed" cell, as the document lists them.
    static func documented() throws -> [String: [String: String]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/personal-data.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var tables: [String: [String: String]] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### `"), line.hasSuffix("`") {
                let name = String(line.dropFirst(5).dropLast())
                current = name
                tables[name] = tables[name] ?? [:]
            } else if line.hasPrefix("## ") {
                current = nil
            } else if let table = current, line.hasPrefix("| `") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                let column = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                tables[table]?[column] = cells.count > 2 ? cells[2] : ""
            }
        }
        return tables
    }

    @Test("every table and column is documented, nothing more, on both databases", arguments: TestDatabase.available)
    func coversSchema(_ database: TestDatabase) async throws {
        let documented = try Self.documented()
        let schema: [String: Set<String>] = try await database.withFreshStore { store in
            try await store.read { db in
                let rows: [any SQLRow]
                switch store.dialect {
                case .sqlite:
                    rows = try await db.raw(
                        "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'"
                    ).all()
                case .postgres:
                    rows = try await db.raw(
                        "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public'"
                    ).all()
                }
                var schema: [String: Set<String>] = [:]
                for row in rows {
                    schema[try row.decode(column: "t", as: String.self), default: []].insert(try row.decode(column: "c", as: String.self))
                }
                return schema
            }
        }
        #expect(
            Set(documented.keys) == Set(schema.keys),
            "tables: missing \(Set(schema.keys).subtracting(documented.keys)), extra \(Set(documented.keys).subtracting(schema.keys))"
        )
        for (table, columns) in schema {
            let listed = Set(documented[table]?.keys.map { $0 } ?? [])
            #expect(listed == columns, "\(table): missing \(columns.subtracting(listed)), extra \(listed.subtracting(columns))")
        }
    }

    @Test("every column the code seals is marked sealed")
    func sealedColumns() throws {
        let documented = try Self.documented()
        for table in PlaintextSealing.tables {
            for column in table.columns {
                #expect(documented[table.name]?[column.name] == "yes", "\(table.name).\(column.name)")
            }
        }
    }
}
