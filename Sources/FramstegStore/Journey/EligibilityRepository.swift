import Foundation
import FramstegCore
import SQLKit

/// Each association's eligibility rules: its age range (on `associations`) and its checklist
/// (`eligibility_criteria`), added, reworded, retired and, while no answer uses them, removed.
public struct EligibilityRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func rules(of association: AssociationID) async throws -> EligibilityRules {
        let ages = try await db.select().columns("eligibility_min_age", "eligibility_max_age").from("associations")
            .where("id", .equal, association.rawValue).first()
        let low = try ages?.decode(column: "eligibility_min_age", as: Int.self) ?? EligibilityRules.standard.ages.lowerBound
        let high = try ages?.decode(column: "eligibility_max_age", as: Int.self) ?? EligibilityRules.standard.ages.upperBound
        let criteria = try await db.select().columns("key", "wording_sv", "wording_en", "retired_at").from("eligibility_criteria")
            .where("association_id", .equal, association.rawValue).orderBy("position").orderBy("id").all()
            .map { row in
                EligibilityCriterion(
                    key: try row.decode(column: "key", as: String.self),
                    wording: LocalizedText(
                        swedish: try row.decode(column: "wording_sv", as: String.self),
                        english: try row.decode(column: "wording_en", as: String.self)
                    ),
                    isRetired: try row.decode(column: "retired_at", as: Int64?.self) != nil
                )
            }
        return EligibilityRules(ages: low...max(low, high), criteria: criteria)
    }

    public func setAges(_ ages: ClosedRange<Int>, of association: AssociationID) async throws {
        try await db.update("associations").set("eligibility_min_age", to: ages.lowerBound).set("eligibility_max_age", to: ages.upperBound)
            .where("id", .equal, association.rawValue).run()
    }

    /// Adds a criterion last in the checklist, under a key of its own (`c` and a number).
    @discardableResult
    public func add(_ wording: LocalizedText, to association: AssociationID, key: String? = nil) async throws -> String {
        let rows = try await db.select().columns("key", "position").from("eligibility_criteria")
            .where("association_id", .equal, association.rawValue).all()
        let position = try rows.map { try $0.decode(column: "position", as: Int.self) }.max().map { $0 + 1 } ?? 1
        let taken = Set(try rows.map { try $0.decode(column: "key", as: String.self) })
        let chosen = key ?? (1...).lazy.map { "c\($0)" }.first { !taken.contains($0) }!
        try await db.insert(into: "eligibility_criteria").columns("association_id", "key", "wording_sv", "wording_en", "position")
            .values(SQLBind(association.rawValue), SQLBind(chosen), SQLBind(wording.swedish), SQLBind(wording.english), SQLBind(position))
            .run()
        return chosen
    }

    /// The checklist every new association starts from (`EligibilityRules.standard`).
    public func addStandard(to association: AssociationID) async throws {
        for criterion in EligibilityRules.standard.criteria { try await add(criterion.wording, to: association, key: criterion.key) }
    }

    /// New wording for answers given from now on; earlier answers keep theirs.
    public func reword(_ key: String, of association: AssociationID, to wording: LocalizedText) async throws {
        try await db.update("eligibility_criteria").set("wording_sv", to: wording.swedish).set("wording_en", to: wording.english)
            .where("association_id", .equal, association.rawValue).where("key", .equal, key).run()
    }

    /// Retired criteria are no longer asked; answers given under them stay on the records. Nil brings one back.
    public func retire(_ key: String, of association: AssociationID, at date: Date?) async throws {
        try await db.update("eligibility_criteria").set("retired_at", to: SQLBind(date?.storedSeconds))
            .where("association_id", .equal, association.rawValue).where("key", .equal, key).run()
    }

    /// How many of the association's participants have an answer under each criterion key (keys
    /// without answers are absent), in one grouped read.
    public func answerCounts(of association: AssociationID) async throws -> [String: Int] {
        let criterion = SQLColumn("criterion", table: "eligibility_checks")
        let rows = try await db.select().column(criterion, as: "criterion").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("eligibility_checks")
            .join(
                "participants",
                on: SQLColumn("id", table: "participants"),
                .equal,
                SQLColumn("participant_id", table: "eligibility_checks")
            )
            .join("units", on: SQLColumn("id", table: "units"), .equal, SQLColumn("unit_id", table: "participants"))
            .where(SQLColumn("association_id", table: "units"), .equal, SQLBind(association.rawValue))
            .groupBy(criterion).all()
        return Dictionary(
            uniqueKeysWithValues: try rows.map {
                (try $0.decode(column: "criterion", as: String.self), try $0.decode(column: "n", as: Int.self))
            }
        )
    }

    /// Removes a criterion no answer uses (the caller checks `answerCounts` in the same transaction).
    public func remove(_ key: String, of association: AssociationID) async throws {
        try await db.delete(from: "eligibility_criteria").where("association_id", .equal, association.rawValue).where("key", .equal, key)
            .run()
    }
}
