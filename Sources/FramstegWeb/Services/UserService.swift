import Foundation
import FramstegCore
import FramstegStore

/// Staff accounts, for the admin pages and `framsteg user add` alike: one way to create a user
/// (the same checks, one transaction with its audit row), and the changes an admin makes afterwards.
///
/// An admin never chooses or learns a password: a new or reset account gets a one-time setup link
/// (`SetupLink`, valid 72 hours, stored only as a hash) with which its owner chooses their own.
/// Only the operator at the command line sets a first password (the first admin of an association).
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

    /// A one-time link with which the account's owner chooses a password: shown once to the admin
    /// who made it, to hand over; only its hash is stored.
    public struct SetupLink: Sendable {
        public let user: User
        public let token: String
        public let expiresAt: Date

        public var path: String { "/setup/" + token }
    }

    /// How long a setup link works.
    public static let setupLinkLifetime: TimeInterval = 72 * 3600

    /// Creates the account in `associationID` with the password typed at the command line. Every
    /// problem is named at once (`ValidationFailure`); a missing association is `StoreError.notFound`.
    public func create(_ account: NewAccount, in associationID: AssociationID, by creator: Creator) async throws -> User {
        let valid = try await checked(account.draft, in: associationID, password: (account.password, account.repeatedPassword))
        let hash = try await passwords.hash(account.password)
        let (principal, action): (Principal?, AuditAction) =
            switch creator {
            case .admin(let principal): (principal, .userCreate)
            case .commandLine: (nil, .userCreateCLI)
            }
        return try await insert(valid, in: associationID, passwordHash: hash, principal: principal, action: action, setup: nil)
    }

    /// A fresh one-time token and the moment its link stops working: what a setup link stores (as
    /// a hash) and what the admin is shown are the same expiry.
    static func newSetup(now: Date) -> (token: String, expiresAt: Date) {
        (Tokens.random() + Tokens.random(), now.addingTimeInterval(Self.setupLinkLifetime))
    }

    /// Creates the account without a password and returns the one-time link its owner sets one with.
    func invite(_ draft: UserDraft, by principal: Principal) async throws -> SetupLink {
        let valid = try await checked(draft, in: principal.associationID, password: nil)
        let setup = Self.newSetup(now: now())
        let user = try await insert(
            valid,
            in: principal.associationID,
            passwordHash: UserRepository.unusablePasswordHash,
            principal: principal,
            action: .userCreate,
            setup: setup
        )
        return SetupLink(user: user, token: setup.token, expiresAt: setup.expiresAt)
    }

    private func insert(
        _ valid: UserDraft.Valid,
        in associationID: AssociationID,
        passwordHash hash: String,
        principal: Principal?,
        action: AuditAction,
        setup: (token: String, expiresAt: Date)?
    ) async throws -> User {
        let now = self.now()
        return try await store.write { db in
            let users = UserRepository(db)
            // Checked again where it is written: another admin may have taken the address meanwhile.
            if try await users.isEmailTaken(valid.email, in: associationID) { throw ValidationFailure(problems: ["email": .alreadyTaken]) }
            let user = try await users.create(
                in: associationID,
                email: valid.email,
                name: valid.name,
                role: valid.role,
                unitIDs: valid.unitIDs,
                passwordHash: hash,
                now: now
            )
            if let setup {
                try await users.setSetupToken(user.id, hash: Tokens.hash(setup.token), expiresAt: setup.expiresAt, unsetPassword: false)
            }
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

    /// The draft checked against the association's units, the password (when one is typed) against
    /// the rules, and the address against every account's.
    private func checked(
        _ draft: UserDraft,
        in associationID: AssociationID,
        password: (typed: String, repeated: String)?
    ) async throws -> UserDraft.Valid {
        let email = Email.normalised(draft.email)
        let (exists, units, isTaken) = try await store.read { db in
            (
                try await OrganisationRepository(db).association(associationID) != nil,
                try await OrganisationRepository(db).units(of: associationID),
                Email.isPlausible(email) ? try await UserRepository(db).isEmailTaken(email, in: associationID) : false
            )
        }
        guard exists else { throw StoreError.notFound("association \(associationID)") }
        var failure = ValidationFailure()
        var valid: UserDraft.Valid?
        do { valid = try draft.validated(units: units) } catch { failure = error }
        if let password {
            for (field, problem) in Self.passwordProblems(password.typed, repeated: password.repeated, email: email).problems {
                failure.add(field, problem)
            }
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

    /// Changes name, role and units (the e-mail address stays). An admin may not demote themself
    /// (the association must not be locked out) nor give themself units: another admin must.
    func update(_ user: User, to draft: UserDraft, by principal: Principal) async throws {
        let valid = try draft.validated(units: try await units(of: principal.associationID))
        if user.id == principal.userID, valid.role != .admin { throw ValidationFailure(problems: ["role": .unknownChoice]) }
        let unitsGiven = draft.unitIDs.contains { !$0.isEmpty }
        if user.id == principal.userID, unitsGiven || valid.unitIDs != user.unitIDs {
            throw ValidationFailure(problems: ["units": .ownAccess])
        }
        try await write(.userUpdate, user, by: principal) { users, _ in
            try await users.update(user.id, name: valid.name, role: valid.role, unitIDs: valid.unitIDs)
            // Leaving the office leaves its deliveries: returning to it must not bring them back unasked.
            if valid.role != .office, !user.deliveries.isEmpty { try await users.setDeliveries(user.id, []) }
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

    /// Sets the national deliveries an office user may make, exact; only the office makes them
    /// (an admin, not being office, cannot grant them to themself).
    func setDeliveries(of user: User, to deliveries: Set<NationalDelivery>, by principal: Principal) async throws {
        guard user.role == .office else { throw ValidationFailure(problems: ["deliveries": .unknownChoice]) }
        try await write(.userDeliveries, user, by: principal) { users, sessions in
            // Read where it is written: another admin may have granted one meanwhile.
            let held = try await users.user(user.id)?.deliveries ?? user.deliveries
            try await users.setDeliveries(user.id, deliveries)
            // A withdrawn right ends the sessions that were opened with it.
            if !held.isSubset(of: deliveries) { try await sessions.deleteAll(of: user.id) }
        }
    }

    func enable(_ user: User, by principal: Principal) async throws {
        try await write(.userEnable, user, by: principal) { users, _ in try await users.setDisabled(user.id, false) }
    }

    /// Resets another user's password: the old one stops working, their sessions end, and the link
    /// returned lets its owner choose a new one. An admin's own password is changed in the settings.
    func resetPassword(of user: User, by principal: Principal) async throws -> SetupLink {
        guard user.id != principal.userID else { throw WebError.forbidden }
        let setup = Self.newSetup(now: now())
        try await write(.userPasswordReset, user, by: principal) { users, sessions in
            try await users.setSetupToken(user.id, hash: Tokens.hash(setup.token), expiresAt: setup.expiresAt, unsetPassword: true)
            try await sessions.deleteAll(of: user.id)
        }
        return SetupLink(user: user, token: setup.token, expiresAt: setup.expiresAt)
    }

    /// The account a setup link is for, while it works.
    func account(setupToken token: String) async throws -> User? {
        let now = self.now()
        return try await store.read { db in try await UserRepository(db).user(setupTokenHash: Tokens.hash(token), now: now) }
    }

    /// Sets the password its owner chose through the link, which then stops working; any session of
    /// the account ends. Audited as the owner's own act.
    func completeSetup(token: String, password: String, repeated: String) async throws -> User {
        guard let user = try await account(setupToken: token) else { throw WebError.notFound }
        try Self.passwordProblems(password, repeated: repeated, email: user.email).throwIfAny()
        let hash = try await passwords.hash(password)
        let now = self.now()
        try await store.write { db in
            let users = UserRepository(db)
            // Used once: a second request with the same link finds nothing.
            guard try await users.user(setupTokenHash: Tokens.hash(token), now: now) != nil else { throw WebError.notFound }
            try await users.setPasswordHash(user.id, hash)
            try await users.setSetupToken(user.id, hash: nil, expiresAt: nil, unsetPassword: false)
            try await SessionRepository(db).deleteAll(of: user.id)
            try await AuditLog(db).append(
                AuditEntry(at: now, by: user.principal, action: .userSetup, objectType: "user", objectID: user.id.description)
            )
        }
        return user
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
