import Foundation
import FramstegCore
import FramstegStore

/// The board's goals, year by year: read for the goals page and the reports, set by the admin.
extension OrganisationService {
    /// The goals page: every decision, and the units whose referrals are agreed.
    struct GoalsOverview: Sendable {
        let goals: AssociationGoals
        let units: [OrganisationUnit]
    }

    func goals(of association: AssociationID) async throws -> GoalsOverview {
        try await store.read { db in
            GoalsOverview(
                goals: try await GoalRepository(db).goals(of: association),
                units: try await OrganisationRepository(db).units(of: association)
            )
        }
    }

    /// Sets the goals of one year: the goals that differ from those in force are added as new
    /// decisions, all in one transaction with one audit row; every field is checked first, so a
    /// refused form saves nothing. Returns the year and how many goals changed.
    @discardableResult
    func setGoals(_ draft: GoalsDraft, by principal: Principal) async throws -> (year: Int, changed: Int) {
        let now = self.now()
        return try await store.write { db in
            let goals = GoalRepository(db)
            let units = try await OrganisationRepository(db).units(of: principal.associationID).map(\.id)
            let decisions = try draft.decisions(against: try await goals.goals(of: principal.associationID), units: units, at: now, by: nil)
            // Valid once the decisions are: they checked every field.
            let year = draft.yearNumber!
            guard !decisions.isEmpty else { return (year, 0) }
            try await goals.add(decisions, of: principal.associationID, by: principal.userID)
            let what = decisions.map { "\($0.kind.rawValue)\($0.unitID.map { "-\($0)" } ?? "")" }.joined(separator: " ")
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: .goalsSet, objectType: "goals", objectID: "\(year) \(what)")
            )
            return (year, decisions.count)
        }
    }
}
