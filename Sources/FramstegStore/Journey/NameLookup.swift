import Foundation
import FramstegCore
import SQLKit

/// The keyed look-up for participants' names: one keyed hash per beginning of each word of the
/// name, so a search finds "Anna Lindqvist" by "an", "lindq" or "anna lind" while the database
/// holds no name in the clear. Words are compared without case or accents ("aberg" finds Åberg,
/// "muller" Müller): a counsellor at a phone or a keyboard without å types what they can.
public struct NameLookup: Sendable {
    let db: any SQLDatabase
    let keyring: FieldKeyring

    static let table = "participant_name_prefixes"
    /// The shortest beginning a word is found by: one letter would list half the unit.
    static let shortestPrefix = 2
    /// Beginnings longer than this are not indexed; a longer query word is cut to it.
    static let longestPrefix = 24

    /// The words of a name or a query: split on spaces and hyphens, in composed form, without case
    /// or diacritics, at most `longestPrefix` letters.
    static func words(of text: String) -> [String] {
        text.precomposedStringWithCanonicalMapping.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2013}" })
            .map { String($0.prefix(longestPrefix)) }.filter { !$0.isEmpty }
    }

    /// Every beginning a name is found by: of each word, those of `shortestPrefix` letters and more
    /// (a shorter word by itself).
    static func prefixes(of name: String) -> Set<String> {
        Set(
            words(of: name).flatMap { word in
                word.count <= shortestPrefix ? [word] : (shortestPrefix...word.count).map { String(word.prefix($0)) }
            }
        )
    }

    /// Whether `query` has a word a name can be found by (two letters or more).
    public static func isSearchable(_ query: String) -> Bool {
        words(of: query).contains { $0.count >= shortestPrefix }
    }

    /// A beginning's keyed hash; the `name:` prefix keeps it apart from the hashes of personal identity numbers.
    func hash(_ prefix: String) -> String { keyring.lookupHash("name:" + prefix) }

    /// Replaces the participant's beginnings with those of `name`.
    func index(_ participant: Int64, name: String) async throws {
        try await db.delete(from: Self.table).where("participant_id", .equal, participant).run()
        let hashes = Self.prefixes(of: name).map(hash).sorted()
        guard !hashes.isEmpty else { return }
        let insert = db.insert(into: Self.table).columns("participant_id", "prefix_hash")
        for hash in hashes { insert.values(SQLBind(participant), SQLBind(hash)) }
        try await insert.run()
    }

    /// The ids of the participants of `units` (nil: the whole association) whose name has a word
    /// beginning with each word of `query` (words of one letter are left out); none for a query
    /// without a word of two letters.
    func participants(matching query: String, in association: AssociationID, units: Set<UnitID>? = nil) async throws -> [Int64] {
        let hashes = Set(Self.words(of: query).filter { $0.count >= Self.shortestPrefix }).map(hash).sorted()
        guard !hashes.isEmpty else { return [] }
        let select = db.select().column(SQLColumn("participant_id", table: Self.table)).from(Self.table)
            .join("participants", on: SQLColumn("participant_id", table: Self.table), .equal, SQLColumn("id", table: "participants"))
            .where(SQLColumn("association_id", table: "participants"), .equal, SQLBind(association.rawValue))
            .where(SQLColumn("prefix_hash", table: Self.table), .in, SQLBind.group(hashes))
        if let units {
            guard !units.isEmpty else { return [] }
            select.where(SQLColumn("unit_id", table: "participants"), .in, SQLBind.group(units.map(\.rawValue).sorted()))
        }
        return try await select.groupBy(SQLColumn("participant_id", table: Self.table))
            .having(SQLFunction("COUNT", args: SQLRaw("*")), .equal, SQLBind(hashes.count))
            .all().map { try $0.decode(column: "participant_id", as: Int64.self) }
    }

    /// Indexes the names of participants who have no beginnings yet (a database from before the
    /// look-up by beginnings, `Migrations.namePrefixes`), opening each sealed name; returns how many. Run by
    /// `PlaintextSealing`, the keyed step after the migrations.
    static func backfill(_ store: Store, keyring: FieldKeyring, batchSize: Int) async throws -> Int {
        let sealed = SealedColumns(keyring, table: "participants")
        var indexed = 0
        var next: Int64 = 0
        while true {
            let after = next
            let (count, last) = try await store.write { db in
                let rows = try await db.select().columns("id", "name").from("participants")
                    .where("id", .greaterThan, SQLBind(after)).where("name", .notEqual, SQLBind(""))
                    .where(SQLIdentifier("id"), .notIn, SQLRaw("(SELECT participant_id FROM \(table))"))
                    .orderBy("id").limit(batchSize).all()
                for row in rows {
                    guard let name = try sealed.open("name", in: row) else { continue }
                    try await NameLookup(db: db, keyring: keyring).index(try row.decode(column: "id", as: Int64.self), name: name)
                }
                return (rows.count, try rows.last?.decode(column: "id", as: Int64.self))
            }
            indexed += count
            guard count == batchSize, let last else { return indexed }
            next = last
        }
    }
}
