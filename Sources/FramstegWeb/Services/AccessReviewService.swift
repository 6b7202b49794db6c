import Foundation
import FramstegCore
import FramstegStore

/// The access review (behörighetsgenomgång): every user with role, units, rights, second factor,
/// last sign-in and status, for the admin to go through periodically and record that they did.
struct AccessReviewService {
    let store: Store
    let keyring: FieldKeyring
    let now: @Sendable () -> Date

    struct Row: Sendable {
        let user: User
        let unitNames: [String]
        let hasSecondFactor: Bool
        let lastSignIn: Date?
    }

    struct Listing: Sendable {
        let rows: [Row]
        let reviews: [AccessReview]
        let reviewerNames: [UserID: String]
    }

    /// The users of the association by name, with the reviews recorded; writes that the list was read.
    func listing(by principal: Principal) async throws -> Listing {
        let listing = try await store.read { [keyring] db in
            let users = try await UserRepository(db).users(of: principal.associationID)
            let units = Dictionary(
                uniqueKeysWithValues: try await OrganisationRepository(db).units(of: principal.associationID).map { ($0.id, $0.name) }
            )
            let enrolled = try await SecondFactorRepository(db, keyring: keyring).enrolledUsers(among: users.map(\.id))
            let signIns = try await AuditLog(db).lastSignIns(in: principal.associationID)
            return Listing(
                rows: users.sorted { ($0.name, $0.id.rawValue) < ($1.name, $1.id.rawValue) }.map { user in
                    Row(
                        user: user,
                        unitNames: user.unitIDs.compactMap { units[$0] }.sorted(),
                        hasSecondFactor: enrolled.contains(user.id),
                        lastSignIn: signIns[user.id]
                    )
                },
                reviews: try await ReviewRepository(db, keyring: keyring).accessReviews(in: principal.associationID),
                reviewerNames: Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.name) })
            )
        }
        try await store.audit(AuditEntry(at: now(), by: principal, action: .accessReviewRead, objectType: "users"))
        return listing
    }

    /// Records that the admin went through the list, with their conclusion (required).
    func record(conclusion: String, by principal: Principal) async throws {
        var failure = ValidationFailure()
        let conclusion = conclusion.trimmed
        if conclusion.isEmpty { failure.add("conclusion", .required) }
        if conclusion.count > 4000 { failure.add("conclusion", .tooLong(maximum: 4000)) }
        if !failure.problems.isEmpty { throw failure }
        let now = self.now()
        try await store.write { [keyring] db in
            let count = try await UserRepository(db).users(of: principal.associationID).count
            let id = try await ReviewRepository(db, keyring: keyring).recordAccessReview(
                in: principal.associationID,
                by: principal.userID,
                userCount: count,
                conclusion: conclusion,
                now: now
            )
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: .accessReview, objectType: "access-review", objectID: String(id))
            )
        }
    }
}
