import SQLKit

/// The access migrations from 25 on: rights the admin grants to named users.
extension Migrations {
    /// The national deliveries an office user may make, exact (issue 16): `NationalDelivery` raw
    /// values, comma-separated, sorted; empty for everyone else. One column rather than one per
    /// delivery: the set is always read and written whole, and a delivery added later needs no
    /// migration of its own.
    static let nationalDeliveries = Migration(version: 25, name: "office users' national delivery rights") { db, _ in
        try await db.alter(table: "users").column("deliveries", type: .text, .notNull, .default("")).run()
    }
}
