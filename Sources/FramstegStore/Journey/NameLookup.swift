import Foundation
import FramstegCore
import SQLKit

/// The keyed look-up for participants' names: one keyed hash per word of the name, so a search
/// finds "Anna" or "Lindqvist" exactly while the database holds no name in the clear.
struct NameLookup: Sendable {
    let db: any SQLDatabase
    let keyring: FieldKeyring

    static let table = "participant_name_tokens"

    /// The words a name is found by: split on spaces and hyphens, trimmed, lowercased, in composed
    /// form. å, ä and ö are letters of their own in Swedish, so diacritics are kept ("Åberg" is not "Aberg").
    static func tokens(of name: String) -> Set<String> {
        Set(
            name.precomposedStringWithCanonicalMapping.lowercased()
                .split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2013}" })
                .map(String.init).filter { !$0.isEmpty }
        )
    }

    /// A word's keyed hash; the `name:` prefix keeps it apart from the hashes of personal identity numbers.
    func hash(_ token: String) -> String { keyring.lookupHash("name:" + token) }

    /// Replaces the participant's words with those of `name`.
    func index(_ participant: Int64, name: String) async throws {
        try await db.delete(from: Self.table).where("participant_id", .equal, participant).run()
        let hashes = Self.tokens(of: name).map(hash).sorted()
        guard !hashes.isEmpty else { return }
        let insert = db.insert(into: Self.table).columns("participant_id", "token_hash")
        for hash in hashes { insert.values(SQLBind(participant), SQLBind(hash)) }
        try await insert.run()
    }

    /// The ids of the association's participants whose name has every word of `query`.
    func participants(matching query: String, in association: AssociationID) async throws -> [Int64] {
        let hashes = Self.tokens(of: query).map(hash).sorted()
        guard !hashes.isEmpty else { return [] }
        return try await db.select().column(SQLColumn("participant_id", table: Self.table)).from(Self.table)
            .join("participants", on: SQLColumn("participant_id", table: Self.table), .equal, SQLColumn("id", table: "participants"))
            .where(SQLColumn("association_id", table: "participants"), .equal, SQLBind(association.rawValue))
            .where(SQLColumn("token_hash", table: Self.table), .in, SQLBind.group(hashes))
            .groupBy(SQLColumn("participant_id", table: Self.table))
            .having(SQLFunction("COUNT", args: SQLRaw("*")), .equal, SQLBind(hashes.count))
            .all().map { try $0.decode(column: "participant_id", as: Int64.self) }
    }
}
