import SQLKit

extension Migrations {
    /// Several nodes over one database (issue 21): one row counts the changes to the stored
    /// instrument definitions, so a node that cached them sees with one cheap read that another
    /// node added one.
    static let instrumentGeneration = Migration(version: 32, name: "a generation counter of the stored instruments") { db, _ in
        try await db.create(table: "instrument_generation")
            .column("id", type: .int, .primaryKey(autoIncrement: false))
            .column("generation", type: .bigint, .notNull)
            .run()
        try await db.insert(into: "instrument_generation").columns("id", "generation").values(SQLBind(1), SQLBind(0)).run()
    }
}
