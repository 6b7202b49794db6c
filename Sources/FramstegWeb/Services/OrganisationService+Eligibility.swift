import Foundation
import FramstegCore
import FramstegStore

/// The association's eligibility rules: its age range and its checklist, set by the admin. Every
/// change is one transaction with its audit row.
extension OrganisationService {
    /// The rules page: the rules, and how many answers each criterion has (one in use is retired, not removed).
    struct EligibilityOverview: Sendable {
        let rules: EligibilityRules
        let answers: [String: Int]
    }

    /// A change to one criterion of the checklist.
    enum CriterionChange: String, Sendable {
        case reword, retire, restore, remove
    }

    func eligibility(of association: AssociationID) async throws -> EligibilityOverview {
        try await store.read { db in
            let repository = EligibilityRepository(db)
            return EligibilityOverview(
                rules: try await repository.rules(of: association),
                answers: try await repository.answerCounts(of: association)
            )
        }
    }

    func setEligibleAges(_ draft: EligibilityAgesDraft, by principal: Principal) async throws {
        let ages = try draft.validated()
        try await write(.eligibilityRules, "eligibility", "ages \(ages.lowerBound)-\(ages.upperBound)", by: principal) { db in
            try await EligibilityRepository(db).setAges(ages, of: principal.associationID)
        }
    }

    func addCriterion(_ draft: CriterionDraft, by principal: Principal) async throws {
        let wording = try draft.validated(prefix: "new-")
        try await write(.eligibilityRules, "eligibility", "add", by: principal) { db in
            try await EligibilityRepository(db).add(wording, to: principal.associationID)
        }
    }

    /// Rewords, retires, brings back or removes criterion `key`. A criterion answers were given
    /// under is refused removal: the count is read inside the transaction.
    func changeCriterion(_ key: String, _ change: CriterionChange, wording draft: CriterionDraft, by principal: Principal) async throws {
        let now = self.now()
        let wording = change == .reword ? try draft.validated(prefix: key + "-") : nil
        try await write(.eligibilityRules, "eligibility", "\(change.rawValue) \(key)", by: principal) { db in
            let repository = EligibilityRepository(db)
            guard try await repository.rules(of: principal.associationID).criterion(key) != nil else {
                throw ValidationFailure(problems: [key + "-remove": .unknownChoice])
            }
            switch change {
            case .reword: try await repository.reword(key, of: principal.associationID, to: wording!)
            case .retire: try await repository.retire(key, of: principal.associationID, at: now)
            case .restore: try await repository.retire(key, of: principal.associationID, at: nil)
            case .remove:
                let answers = try await repository.answerCounts(of: principal.associationID)[key] ?? 0
                guard answers == 0 else { throw ValidationFailure(problems: [key + "-remove": .criterionInUse(answers: answers)]) }
                try await repository.remove(key, of: principal.associationID)
            }
        }
    }
}
