import Foundation
import FramstegCore
import SQLKit

/// Instrument versions added from the web, each kept as uploaded. Nothing here is personal, so
/// it needs no keys (the catalogue loads it at start-up and in migrations).
public struct InstrumentDefinitionRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Keeps a definition's text as it was uploaded, for one association; refuses an id and version
    /// the association already has (its own or one for every association). Another association's
    /// definitions are neither consulted nor revealed: a measurement's id and version name one
    /// definition within its participant's association.
    public func addDefinition(
        _ instrument: Instrument,
        text: String,
        association: AssociationID? = nil,
        by user: UserID?,
        now: Date
    ) async throws {
        let existing = try await db.select().column("version").from("instrument_definitions")
            .where("instrument_id", .equal, instrument.id).where("version", .equal, instrument.version)
            .where { group in
                group.where("association_id", .is, SQLLiteral.null)
                if let association { group.orWhere("association_id", .equal, association.rawValue) }
                return group
            }
            .first()
        if existing != nil { throw StoreError.duplicate("\(instrument.id) version \(instrument.version)") }
        try await db.insert(into: "instrument_definitions").columns(
            "instrument_id",
            "version",
            "definition",
            "association_id",
            "added_by",
            "added_at"
        )
        .values(
            SQLBind(instrument.id),
            SQLBind(instrument.version),
            SQLBind(text),
            SQLBind(association?.rawValue),
            SQLBind(user?.rawValue),
            SQLBind(now.storedSeconds)
        )
        .run()
        try await bumpGeneration()
    }

    /// Counts a change to the stored definitions, in the transaction that makes it, so every
    /// node's catalogue learns of it (`generation()`).
    func bumpGeneration() async throws {
        try await db.update("instrument_generation").set(SQLIdentifier("generation"), to: SQLRaw("generation + 1"))
            .where("id", .equal, SQLBind(1)).run()
    }

    /// How many changes the stored definitions have seen: one small read, for a cache to check
    /// whether it is still current.
    public func generation() async throws -> Int64 {
        let row = try await db.select().column("generation").from("instrument_generation").where("id", .equal, SQLBind(1)).first()
        return try row?.decode(column: "generation", as: Int64.self) ?? 0
    }

    /// Every stored definition as its file name, text and association, for the catalogue to load at start-up.
    public func definitions() async throws -> [(file: String, text: String, association: AssociationID?)] {
        try await db.select().columns("instrument_id", "version", "definition", "association_id").from("instrument_definitions")
            .orderBy("instrument_id").orderBy("version").all().map { row in
                (
                    "\(try row.decode(column: "instrument_id", as: String.self))-\(try row.decode(column: "version", as: Int.self)).json (database)",
                    try row.decode(column: "definition", as: String.self),
                    try row.decode(column: "association_id", as: Int64?.self).map { AssociationID($0) }
                )
            }
    }
}
