import Foundation
import FramstegCore
import SQLKit

/// The association's goal decisions (`association_goals`): added, never changed or deleted.
public struct GoalRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Every decision of the association, in the order made, with the name of who made it.
    public func goals(of association: AssociationID) async throws -> AssociationGoals {
        let rows = try await db.select()
            .columns(
                SQLColumn("kind", table: "association_goals"),
                SQLColumn("year", table: "association_goals"),
                SQLColumn("unit_id", table: "association_goals"),
                SQLColumn("level", table: "association_goals"),
                SQLColumn("set_at", table: "association_goals")
            )
            .column(SQLColumn("name", table: "users"), as: "set_by_name")
            .from("association_goals")
            .join(
                "users",
                method: SQLJoinMethod.left,
                on: SQLColumn("id", table: "users"),
                .equal,
                SQLColumn("set_by", table: "association_goals")
            )
            .where(SQLColumn("association_id", table: "association_goals"), .equal, SQLBind(association.rawValue))
            .orderBy(SQLColumn("id", table: "association_goals"))
            .all()
        return AssociationGoals(
            try rows.compactMap { row in
                guard let kind = GoalKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
                let stored = try row.decode(column: "level", as: Int64?.self)
                return GoalSetting(
                    kind: kind,
                    year: try row.decode(column: "year", as: Int.self),
                    unitID: try row.optionalID("unit_id"),
                    level: stored.map { kind.measure == .share ? Double($0) / 100 : Double($0) },
                    setAt: try row.date("set_at"),
                    setBy: try row.decode(column: "set_by_name", as: String?.self)
                )
            }
        )
    }

    /// Adds decisions (the caller's transaction makes a set of them whole).
    public func add(_ settings: [GoalSetting], of association: AssociationID, by user: UserID?) async throws {
        for setting in settings {
            let level = setting.level.map { Int64(($0 * (setting.kind.measure == .share ? 100 : 1)).rounded()) }
            try await db.insert(into: "association_goals")
                .columns("association_id", "year", "kind", "unit_id", "level", "set_by", "set_at")
                .values(
                    SQLBind(association.rawValue),
                    SQLBind(setting.year),
                    SQLBind(setting.kind.rawValue),
                    SQLBind(setting.unitID?.rawValue),
                    SQLBind(level),
                    SQLBind(user?.rawValue),
                    SQLBind(Int64(setting.setAt.timeIntervalSince1970))
                )
                .run()
        }
    }
}
