import Foundation
import FramstegCore
import FramstegStore
import SQLKit

/// Signing in and out: the throttle, the password check that takes as long for an unknown address
/// as for a known one (the dummy hash and every stored one share the configured bcrypt cost: a hash
/// of another cost is made again at the owner's next sign-in), a fresh session per sign-in, and the
/// audit rows of every attempt.
struct SignInService {
    let store: Store
    let keyring: FieldKeyring
    let passwords: Passwords
    let throttle: SignInThrottle
    let sessionLifetime: SessionLifetime
    /// Checked against when an account does not exist, so a failed sign-in takes the same time either way.
    let dummyPasswordHash: String
    let now: @Sendable () -> Date

    /// How an attempt ended. Every refusal looks the same to the person signing in.
    enum Outcome: Sendable {
        /// `token` is the new session's, for the cookie; only its hash is stored.
        case signedIn(User, token: String)
        /// The password was right and the account has (or must now enrol) a second factor: the
        /// sign-in waits under `token` (its own cookie) for the code.
        case secondFactor(User, token: String, isEnrolled: Bool)
        case refused
        case throttled
        /// The password was right, but the association's staff sign in through its identity provider.
        case useIdentityProvider
    }

    /// How long a sign-in waits for its second factor (or its enrolment) after the password.
    static let pendingLifetime: TimeInterval = 10 * 60

    /// Checks the address and password typed, from `address`; a session the browser already had
    /// (`replacing`, its token hash) ends, so a token planted before sign-in is worthless after.
    func signIn(email: String, password: String, from address: String, replacing oldSession: String?) async throws -> Outcome {
        let accountKey = Email.normalised(email)
        let now = self.now()
        let counts = try await store.read { [throttle] db in
            try await SignInFailureRepository(db).counts(accountKey: accountKey, address: address, since: throttle.windowStart(now: now))
        }
        let allowed = throttle.allowsAttempt(
            failuresForAccount: counts.account,
            latestAccountFailure: counts.latest,
            failuresFromAddress: counts.address,
            now: now
        )
        guard allowed else {
            try await store.audit(
                AuditEntry(at: now, by: nil, action: .signInThrottled, objectType: "account", objectID: accountKey, result: .denied)
            )
            return .throttled
        }
        let accounts = try await store.read { db in try await UserRepository(db).credentials(email: accountKey) }
        guard let credentials = try await verified(password, accounts) else {
            try await recordFailure(accountKey: accountKey, address: address, known: accounts.first?.user, now: now)
            return .refused
        }
        let user = credentials.user
        // A hash made with another cost than the dummy's would make this account's sign-ins take
        // another time than an unknown address's: it is made again with today's cost.
        let rehashed = Passwords.cost(of: credentials.passwordHash) == passwords.cost ? nil : try await passwords.hash(password)
        if let provider = try await store.read({ [keyring] db in
            try await IdentityProviderRepository(db, keyring: keyring).settings(of: user.associationID)
        }),
            !provider.allowsPassword
        {
            try await store.audit(
                AuditEntry(
                    at: now,
                    by: user.principal,
                    action: .signInPassword,
                    objectType: "account",
                    objectID: user.id.description,
                    result: .denied
                )
            )
            return .useIdentityProvider
        }
        let (isRequired, isEnrolled) = try await secondFactorStatus(of: user)
        if isRequired || isEnrolled {
            let token = Tokens.random()
            try await store.write { db in
                if let rehashed { try await UserRepository(db).setPasswordHash(user.id, rehashed) }
                try await SignInFailureRepository(db).clear(accountKey: accountKey)
                let pending = PendingSignInRepository(db)
                try await pending.deleteOlder(than: now.addingTimeInterval(-Self.pendingLifetime))
                try await pending.create(tokenHash: Tokens.hash(token), userID: user.id, now: now)
                try await AuditLog(db).append(
                    AuditEntry(at: now, by: user.principal, action: .signInPassword, objectType: "account", objectID: user.id.description)
                )
            }
            return .secondFactor(user, token: token, isEnrolled: isEnrolled)
        }
        let token = try await openSession(for: user, replacing: oldSession, now: now) { db in
            if let rehashed { try await UserRepository(db).setPasswordHash(user.id, rehashed) }
            try await SignInFailureRepository(db).clear(accountKey: accountKey)
        }
        return .signedIn(user, token: token)
    }

    /// Whether the user must show a second factor (admins always, others when their association
    /// requires it), and whether they have a confirmed one.
    func secondFactorStatus(of user: User) async throws -> (isRequired: Bool, isEnrolled: Bool) {
        try await store.read { [keyring] db in
            let requires = try await SignInSettingsRepository(db).requiresSecondFactor(user.associationID)
            let factor = try await SecondFactorRepository(db, keyring: keyring).factor(of: user.id)
            return (SecondFactor.isRequired(for: user.role, associationRequires: requires), factor?.isEnrolled ?? false)
        }
    }

    /// Opens a new session for `user` (ending the one the browser came with) in one transaction with
    /// `alongside` and the audit row, and returns its token for the cookie.
    func openSession(
        for user: User,
        replacing oldSession: String?,
        now: Date,
        alongside: @escaping @Sendable (any SQLDatabase) async throws -> Void = { _ in }
    ) async throws -> String {
        let token = Tokens.random()
        try await store.write { db in
            try await alongside(db)
            try await insertSession(db, token: token, for: user, replacing: oldSession, now: now)
        }
        return token
    }

    /// The session row and its audit row, inside the caller's transaction.
    func insertSession(_ db: any SQLDatabase, token: String, for user: User, replacing oldSession: String?, now: Date) async throws {
        let sessions = SessionRepository(db)
        if let oldSession { try await sessions.delete(tokenHash: oldSession) }
        try await sessions.create(tokenHash: Tokens.hash(token), userID: user.id, csrfToken: Tokens.random(), now: now)
        // Housekeeping rides on sign-in: ended sessions and old failures are not kept.
        try await sessions.deleteExpired(lifetime: sessionLifetime, now: now)
        try await SignInFailureRepository(db).deleteOlder(than: throttle.windowStart(now: now))
        // The row names the session it opens, not the one the browser came with.
        var entry = AuditEntry(at: now, by: user.principal, action: .signIn, objectType: "session")
        entry.sessionID = store.auditKey?.sessionID(tokenHash: Tokens.hash(token))
        try await AuditLog(db).append(entry)
    }

    /// Ends the session with this token hash (if the browser still had one).
    func signOut(session tokenHash: String?, by principal: Principal) async throws {
        let now = self.now()
        try await store.write { db in
            if let tokenHash { try await SessionRepository(db).delete(tokenHash: tokenHash) }
            try await AuditLog(db).append(AuditEntry(at: now, by: principal, action: .signOut, objectType: "session"))
        }
    }

    /// The user, when the password is theirs and the account is enabled. Without an account, or
    /// for one still waiting for its owner to choose a password, the dummy hash is checked, so the
    /// answer takes as long.
    ///
    /// An address with accounts in several associations signs in to the oldest whose password it is:
    /// each is checked, so such an address takes longer, but only its owner's own accounts are told apart.
    private func verified(
        _ password: String,
        _ accounts: [(user: User, passwordHash: String)]
    ) async throws -> (user: User, passwordHash: String)? {
        var found: (user: User, passwordHash: String)?
        var checked = false
        for account in accounts where Passwords.cost(of: account.passwordHash) != nil {
            checked = true
            if try await passwords.verify(password, hash: account.passwordHash), !account.user.isDisabled, found == nil { found = account }
        }
        if !checked { _ = try await passwords.verify(password, hash: dummyPasswordHash) }
        return found
    }

    /// Counts the failure for the throttle and audits it, naming the account when it exists.
    private func recordFailure(accountKey: String, address: String, known user: User?, now: Date) async throws {
        try await store.write { db in
            try await SignInFailureRepository(db).record(accountKey: accountKey, address: address, now: now)
            try await AuditLog(db).append(
                AuditEntry(at: now, by: user?.principal, action: .signIn, objectType: "account", objectID: accountKey, result: .failure)
            )
        }
    }
}
