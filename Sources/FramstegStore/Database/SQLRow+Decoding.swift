import Foundation
import FramstegCore
import SQLKit

extension SQLRow {
    func id<Tag>(_ column: String, as _: Identifier<Tag>.Type = Identifier<Tag>.self) throws -> Identifier<Tag> {
        Identifier<Tag>(rawValue: try decode(column: column, as: Int64.self))
    }

    func optionalID<Tag>(_ column: String) throws -> Identifier<Tag>? {
        try decode(column: column, as: Int64?.self).map { Identifier<Tag>(rawValue: $0) }
    }

    func date(_ column: String) throws -> Date {
        Date(timeIntervalSince1970: TimeInterval(try decode(column: column, as: Int64.self)))
    }

    /// A participant's record key for the cell key method, as stored (BIGINT).
    func recordKey(_ column: String = "record_key") throws -> RecordKey {
        guard let key = RecordKey(storedValue: try decode(column: column, as: Int64.self)) else {
            throw StoreError.corrupt("record key out of range")
        }
        return key
    }

    /// A group's record keys summed by the database (`key_sum`, BIGINT), folded modulo 2³²: its part of a cell's key.
    func keySum(_ column: String = "key_sum") throws -> UInt32 {
        UInt32(truncatingIfNeeded: try decode(column: column, as: Int64?.self) ?? 0)
    }
}

extension Date {
    /// Instants are stored as whole seconds since 1970 (UTC): identical on both databases and sortable.
    var storedSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
}

extension SQLDatabase {
    var isPostgres: Bool { dialect.name == "postgresql" }

    /// The id of the row an `INSERT … RETURNING id` created.
    func insertReturningID(_ builder: SQLInsertBuilder) async throws -> Int64 {
        guard let row = try await builder.returning("id").first() else { throw StoreError.notFound("inserted row") }
        return try row.decode(column: "id", as: Int64.self)
    }
}
