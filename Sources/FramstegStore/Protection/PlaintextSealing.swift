import FramstegCore
import SQLKit

/// The keyed step after the migrations: seals what older databases hold in the clear (names,
/// contact details, answers, intervention titles …) and binds the values sealed before values were
/// bound to their row (personal identity numbers, reasons, notes, plan texts). Migrations never
/// have the keys, so `serve`, `demo` and `import` run this once the keys are loaded.
///
/// It is idempotent: only values not yet in the bound form are read, in batches of their own
/// transactions, so an interrupted run goes on where it stopped and a finished one finds nothing.
public struct PlaintextSealing: Sendable {
    /// A sealed column, and whether old databases hold it in the clear or sealed without binding.
    struct Column: Sendable {
        let name: String
        let wasSealed: Bool

        static func clear(_ name: String) -> Column { Column(name: name, wasSealed: false) }
        static func unbound(_ name: String) -> Column { Column(name: name, wasSealed: true) }
    }

    /// A table with sealed columns and its row key (what `FieldBinding.row` holds), integers or texts.
    struct Table: Sendable {
        let name: String
        let key: [(column: String, isInteger: Bool)]
        let columns: [Column]
    }

    /// Every sealed column there is. A repository that seals a new column adds it here.
    static let tables: [Table] = [
        Table(
            name: "participants",
            key: [("id", true)],
            columns: [
                .clear("name"), .clear("phone"), .clear("email"), .clear("referrer_name"), .clear("authorities"), .unbound("pnr_sealed"),
                .unbound("reason_sealed"),
            ]
        ),
        Table(name: "journey_steps", key: [("id", true)], columns: [.unbound("reason_sealed"), .unbound("withdrawal_reason_sealed")]),
        Table(name: "interventions", key: [("id", true)], columns: [.clear("title"), .clear("employer_name")]),
        Table(
            name: "meetings",
            key: [("id", true)],
            columns: [.clear("attendees"), .unbound("notes_sealed"), .unbound("decisions_sealed"), .unbound("place_sealed")]
        ),
        // Sealed bound from the start (migration 33).
        Table(name: "meeting_changes", key: [("id", true)], columns: [.unbound("previous_place_sealed"), .unbound("reason_sealed")]),
        // Sealed bound from the start (migration 39).
        Table(name: "intervention_changes", key: [("id", true)], columns: [.unbound("reason_sealed")]),
        Table(name: "eligibility_checks", key: [("participant_id", true), ("criterion", false)], columns: [.unbound("note_sealed")]),
        Table(name: "plan_goals", key: [("id", true)], columns: [.unbound("text_sealed")]),
        Table(name: "plan_steps", key: [("id", true)], columns: [.unbound("text_sealed")]),
        Table(name: "measurement_answers", key: [("measurement_id", true), ("item_id", false)], columns: [.clear("answer")]),
        // Sealed bound from the start (migration 30): listed so this is every sealed column there is.
        Table(name: "log_reviews", key: [("id", true)], columns: [.unbound("conclusion_sealed")]),
        Table(name: "access_reviews", key: [("id", true)], columns: [.unbound("conclusion_sealed")]),
    ]

    public let keyring: FieldKeyring
    public let batchSize: Int

    public init(keyring: FieldKeyring, batchSize: Int = 500) {
        self.keyring = keyring
        self.batchSize = batchSize
    }

    /// Seals and binds whatever is left; returns how many values (and anonymous survey groups) it
    /// changed: none the second time.
    @discardableResult
    public func run(_ store: Store) async throws -> Int {
        var changed = 0
        for table in Self.tables {
            for column in table.columns { changed += try await run(table, column, store) }
        }
        // Names sealed before they were found by their beginnings (`Migrations.namePrefixes`) are indexed again.
        changed += try await NameLookup.backfill(store, keyring: keyring, batchSize: batchSize)
        // Anonymous responses stored before they were sealed: their groups are rewritten sealed.
        let groups = try await store.write { db in try await SurveyRepository(db, keyring: keyring).sealLegacyResponses() }
        if groups > 0 { try await store.checkpoint() }
        return changed + groups
    }

    private func run(_ table: Table, _ column: Column, _ store: Store) async throws -> Int {
        let left = try await store.read { db in
            try await Self.unsealed(table, column, db.select().column(SQLFunction("COUNT", args: SQLRaw("*")), as: "left")).first()?
                .decode(column: "left", as: Int.self) ?? 0
        }
        var changed = 0
        // Each batch leaves the filter as it is sealed; the bound on rounds only guards against a row that would not.
        for _ in 0..<(left / batchSize + 1) where changed < left {
            changed += try await store.write { db in try await seal(batchOf: table, column, db) }
        }
        return changed
    }

    private func seal(batchOf table: Table, _ column: Column, _ db: any SQLDatabase) async throws -> Int {
        let select = db.select().columns(table.key.map(\.column) + [column.name])
        let rows = try await Self.unsealed(table, column, select).limit(batchSize).all()
        for row in rows {
            var key: [(column: String, value: SQLBind, text: String)] = []
            for part in table.key {
                if part.isInteger {
                    let value = try row.decode(column: part.column, as: Int64.self)
                    key.append((part.column, SQLBind(value), String(value)))
                } else {
                    let value = try row.decode(column: part.column, as: String.self)
                    key.append((part.column, SQLBind(value), value))
                }
            }
            let rowKey = key.map(\.text).joined(separator: "/")
            let stored = try row.decode(column: column.name, as: String.self)
            let text: String
            if column.wasSealed {
                do { text = try keyring.open(stored: stored) } catch {
                    throw StoreError.corrupt("\(table.name).\(column.name) of row \(rowKey) does not open: \(error)")
                }
            } else {
                text = stored
            }
            let binding = FieldBinding(table: table.name, column: column.name, row: rowKey)
            let update = db.update(table.name).set(column.name, to: try keyring.seal(text, binding: binding))
            for part in key { update.where(SQLIdentifier(part.column), .equal, part.value) }
            try await update.run()
            if table.name == "participants", column.name == "name", let id = Int64(rowKey) {
                try await NameLookup(db: db, keyring: keyring).index(id, name: text)
            }
        }
        return rows.count
    }

    /// The rows whose value in `column` is not yet bound (NULL stays NULL).
    private static func unsealed(_ table: Table, _ column: Column, _ select: SQLSelectBuilder) -> SQLSelectBuilder {
        select.from(table.name).where(SQLIdentifier(column.name), .isNot, SQLLiteral.null)
            .where(SQLIdentifier(column.name), .notLike, SQLBind(FieldKeyring.boundPrefix + "%"))
    }
}
