import Foundation
import FramstegCore
import FramstegStore

/// Staff accounts, for the admin pages and `framsteg user add` alike: one way to create a user
/// (the same checks and password rules, one transaction with its audit row), and the changes an
/// admin makes afterwards.
public struct UserService: Sendable {
    let store: Store
    let passwords: Passwords
    let now: @Sendable () -> Date

    public init(store: Store, passwords: Passwords, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.passwords = passwords
        self.now = now
    }

    /// Who creates an account: an admin on the web, or the operator at the command line (the first
    /// admin of a new association), audited as `user.create.cli` without a user.
    public enum Creator: Sendable {
        case admin(Principal)
        case commandLine
    }

    /// A new account as typed: who it is for, and the first password with its repetition.
    public struct NewAccount: Sendable {
        public let draft: UserDraft
        public let password: String
        public let repeatedPassword: String

        public init(draft: UserDraft, password: String, repeatedPassword: String) {
            self.draft = draft
            self.password = password
            self.repeatedPassword = repeatedPassword
        }
    }

    /// Creates the account in `associationID`. Every problem is named at once (`ValidationFailure`);
    /// an association that does not exist is `StoreError.notFound`.
    public func create(_ account: NewAccount, in associationID: AssociationID, by creator: Creator) async throws -> User {
        let valid = try await checked(account, in: associationID)
        let hash = try await passwords.hash(account.password)
        let now = self.now()
        let (principal, action): (Principal?, AuditAction) =
            switch creator {
            case .admin(let principal): (principal, .userCreate)
            case .commandLine: (nil, .userCreateCLI)
            }
        return try await store.write { db in
            let users = UserRepository(db)
            // Checked again where it is written: another admin may have taken the address meanwhile.
            if try await users.isEmailTaken(valid.email) { throw ValidationFailure(problems: ["email": .alreadyTaken]) }
            let user = try await users.create(
                in: associationID,
                email: valid.email,
                name: valid.name,
                role: valid.role,
                unitIDs: valid.unitIDs,
                passwordHash: hash,
                now: now
            )
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: action,
                    objectType: "user",
                    objectID: user.id.description,
                    associationID: associationID
                )
            )
            return user
        }
    }

    /// The draft checked against the association's units, the password against the rules, and the
    /// address against every account's.
    private func checked(_ account: NewAccount, in associationID: AssociationID) async throws -> UserDraft.Valid {
        let email = Email.normalised(account.draft.email)
        let (exists, units, isTaken) = try await store.read { db in
            (
                try await OrganisationRepository(db).association(associationID) != nil,
                try await OrganisationRepository(db).units(of: associationID),
                Email.isPlausible(email) ? try await UserRepository(db).isEmailTaken(email) : false
            )
        }
        guard exists else { throw StoreError.notFound("association \(associationID)") }
        var failure = ValidationFailure()
        var valid: UserDraft.Valid?
        do { valid = try account.draft.validated(units: units) } catch { failure = error }
        for (field, problem) in Self.passwordProblems(account.password, repeated: account.repeatedPassword, email: email).problems {
            failure.add(field, problem)
        }
        if isTaken { failure.add("email", .alreadyTaken) }
        try failure.throwIfAny()
        guard let valid else { throw failure }
        return valid
    }

    /// The password rules for a new or reset password: the policy (the user's own address is one
    /// of the common ones), then that both fields say the same.
    static func passwordProblems(_ password: String, repeated: String, email: String) -> ValidationFailure {
        var failure = ValidationFailure()
        if let problem = PasswordPolicy.problem(with: password, userEmail: email) {
            failure.add("password", .password(problem))
        } else if password != repeated {
            failure.add("repeatPassword", .passwordsDiffer)
        }
        return failure
    }

    /// The association's users, and its units (to name the ones each user works in).
    func users(of associationID: AssociationID) async throws -> (users: [User], units: [OrganisationUnit]) {
        try await store.read { db in
            (try await UserRepository(db).users(of: associationID), try await OrganisationRepository(db).units(of: associationID))
        }
    }

    /// The units a user of the association may be placed in.
    func units(of associationID: AssociationID) async throws -> [OrganisationUnit] {
        try await store.read { db in try await OrganisationRepository(db).units(of: associationID) }
    }

    /// Changes name, role and units (the e-mail address stays). An admin may not demote themself:
    /// the association must not be locked out.
    func update(_ user: User, to draft: UserDraft, by principal: Principal) async throws {
        let valid = try draft.validated(units: try await units(of: principal.associationID))
        if user.id == principal.userID, valid.role != .admin { throw ValidationFailure(problems: ["role": .unknownChoice]) }
        try await write(.userUpdate, user, by: principal) { users, _ in
            try await users.update(user.id, name: valid.name, role: valid.role, unitIDs: valid.unitIDs)
        }
    }

    /// Disables the account and ends its sessions. No one disables themself.
    func disable(_ user: User, by principal: Principal) async throws {
        guard user.id != principal.userID else { throw WebError.forbidden }
        try await write(.userDisable, user, by: principal) { users, sessions in
            try await users.setDisabled(user.id, true)
            try await sessions.deleteAll(of: user.id)
        }
    }

    /// Grants or withdraws a manager's right to open their units' participants' records; only a
    /// manager has it to change (a counsellor always may, nobody else ever).
    func setRecordAccess(of user: User, to may: Bool, by principal: Principal) async throws {
        guard user.role == .manager else { throw ValidationFailure(problems: ["mayOpenRecords": .unknownChoice]) }
        try await write(.userRecordAccess, user, by: principal) { users, sessions in
            try await users.setMayOpenRecords(user.id, may)
            // A withdrawn right ends the sessions that were opened with it.
            if !may { try await sessions.deleteAll(of: user.id) }
        }
    }

    func enable(_ user: User, by principal: Principal) async throws {
        try await write(.userEnable, user, by: principal) { users, _ in try await users.setDisabled(user.id, false) }
    }

    /// Sets a new password and ends the user's sessions, their own included when it is the admin's.
    func resetPassword(of user: User, to password: String, repeated: String, by principal: Principal) async throws {
        try Self.passwordProblems(password, repeated: repeated, email: user.email).throwIfAny()
        let hash = try await passwords.hash(password)
        try await write(.userPasswordReset, user, by: principal) { users, sessions in
            try await users.setPasswordHash(user.id, hash)
            try await sessions.deleteAll(of: user.id)
        }
    }

    /// One change of `user` and its audit row in one transaction.
    private func write(
        _ action: AuditAction,
        _ user: User,
        by principal: Principal,
        _ change: @Sendable (UserRepository, SessionRepository) async throws -> Void
    ) async throws {
        let now = self.now()
        try await store.write { db in
            try await change(UserRepository(db), SessionRepository(db))
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: action, objectType: "user", objectID: user.id.description)
            )
        }
    }
}
