import Foundation
import FramstegCore
import FramstegStore
import SQLKit

/// The second factor of password accounts (tvåstegsverifiering): enrolling an authenticator app,
/// the ten recovery codes, re-authentication before a sensitive change, an admin's reset of
/// someone else's factor, and the association's requirement. Every step is audited; wrong codes
/// count in the sign-in throttle under the account's own key.
struct SecondFactorService: Sendable {
    let store: Store
    let keyring: FieldKeyring
    let passwords: Passwords
    let throttle: SignInThrottle
    let now: @Sendable () -> Date

    /// What an authenticator app shows as the account's issuer.
    static let issuer = "Framsteg"
    /// How long a new secret waits for its first code.
    static let enrolmentLifetime: TimeInterval = 10 * 60

    /// Whether the account must have a factor, whether it has one, and how many recovery codes are left.
    struct Status: Sendable {
        let isRequired: Bool
        let isEnrolled: Bool
        let unusedRecoveryCodes: Int
    }

    /// An authenticator secret waiting for its first code, and what the QR code carries.
    struct Enrolment: Sendable {
        let secret: [UInt8]
        let uri: String

        /// The secret as it is typed into an app by hand, in groups of four.
        var typedSecret: String {
            let characters = Array(Base32.encode(secret))
            return stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<min($0 + 4, characters.count)]) }
                .joined(separator: " ")
        }
    }

    func status(of user: User) async throws -> Status {
        try await store.read { [keyring] db in
            let requires = try await SignInSettingsRepository(db).requiresSecondFactor(user.associationID)
            let factors = SecondFactorRepository(db, keyring: keyring)
            let isEnrolled = try await factors.factor(of: user.id)?.isEnrolled ?? false
            return Status(
                isRequired: SecondFactor.isRequired(for: user.role, associationRequires: requires),
                isEnrolled: isEnrolled,
                unusedRecoveryCodes: isEnrolled ? try await factors.unusedRecoveryCodes(of: user.id) : 0
            )
        }
    }

    /// The secret waiting for `user`'s first code: the one made in the last ten minutes (a reload
    /// shows the same QR code), or a new one.
    func enrolment(for user: User) async throws -> Enrolment {
        let now = self.now()
        let secret = try await store.write { [keyring] db in
            let factors = SecondFactorRepository(db, keyring: keyring)
            if let factor = try await factors.factor(of: user.id), let pending = factor.pendingSecret, let since = factor.pendingSince,
                now.timeIntervalSince(since) < Self.enrolmentLifetime
            {
                return pending
            }
            let secret = Self.randomSecret()
            try await factors.setPending(user.id, secret: secret, now: now)
            return secret
        }
        return Enrolment(secret: secret, uri: OneTimePassword(secret: secret).provisioningURI(issuer: Self.issuer, account: user.email))
    }

    /// The waiting secret while it may still be confirmed.
    func pendingEnrolment(for user: User) async throws -> Enrolment? {
        let now = self.now()
        let factor = try await store.read { [keyring] db in try await SecondFactorRepository(db, keyring: keyring).factor(of: user.id) }
        guard let secret = factor?.pendingSecret, let since = factor?.pendingSince, now.timeIntervalSince(since) < Self.enrolmentLifetime
        else { return nil }
        return Enrolment(secret: secret, uri: OneTimePassword(secret: secret).provisioningURI(issuer: Self.issuer, account: user.email))
    }

    /// Confirms the waiting secret with a code made from it: it becomes the account's factor, and
    /// ten new recovery codes are returned (shown once; only their hashes are kept). `alongside`
    /// runs in the same transaction (the sign-in opens its session there, settings end other sessions).
    func confirmEnrolment(
        of user: User,
        code: String,
        from address: String,
        alongside: @escaping @Sendable (any SQLDatabase) async throws -> Void = { _ in }
    ) async throws -> [String] {
        let now = self.now()
        try await checkThrottle(user, address: address, now: now)
        let factor = try await store.read { [keyring] db in try await SecondFactorRepository(db, keyring: keyring).factor(of: user.id) }
        guard let secret = factor?.pendingSecret, let since = factor?.pendingSince, now.timeIntervalSince(since) < Self.enrolmentLifetime,
            let step = OneTimePassword(secret: secret).matchingStep(code, at: now, after: -1)
        else {
            try await recordFailure(user, address: address, action: .secondFactorEnrol, now: now)
            throw ValidationFailure(problems: ["code": code.isEmpty ? .required : .wrongCode])
        }
        let codes = (0..<SecondFactor.recoveryCodeCount).map { _ in Self.randomRecoveryCode() }
        try await store.write { [keyring] db in
            try await SecondFactorRepository(db, keyring: keyring).confirmPending(
                user.id,
                secret: secret,
                step: step,
                recoveryCodes: codes,
                now: now
            )
            try await SignInFailureRepository(db).clear(accountKey: Self.throttleKey(user))
            try await alongside(db)
            try await AuditLog(db).append(
                AuditEntry(at: now, by: user.principal, action: .secondFactorEnrol, objectType: "user", objectID: user.id.description)
            )
        }
        return codes.map(SecondFactor.displayed(recoveryCode:))
    }

    /// Confirms an authenticator set up from the settings: every other session of the account ends,
    /// as with a new password; the one in use (`keeping`, its token hash) stays.
    func confirmEnrolment(of user: User, code: String, from address: String, keeping session: String?) async throws -> [String] {
        try await confirmEnrolment(of: user, code: code, from: address) { db in
            try await SessionRepository(db).deleteAll(of: user.id, except: session)
        }
    }

    /// Checks the password and (when the account has one) a one-time or recovery code of a signed-in
    /// user before a sensitive change; a wrong one is a field problem, counted by the throttle.
    func reauthenticate(_ principal: Principal, password: String, code: String, from address: String, for purpose: String) async throws {
        let now = self.now()
        let (found, hash, factor) = try await store.read { [keyring] db in
            (
                try await UserRepository(db).user(principal.userID),
                try await UserRepository(db).passwordHash(of: principal.userID),
                try await SecondFactorRepository(db, keyring: keyring).factor(of: principal.userID)
            )
        }
        guard let user = found else { throw WebError.notFound }
        do {
            try await checkThrottle(user, address: address, now: now)
        } catch let failure as ValidationFailure {
            throw ValidationFailure(problems: ["currentPassword": failure.problems["code"] ?? .tooManyAttempts])
        }
        var failure = ValidationFailure()
        if password.isEmpty {
            failure.add("currentPassword", .required)
        } else if !(try await passwords.verify(password, hash: hash ?? "")) {
            failure.add("currentPassword", .wrongPassword)
        }
        if let factor, factor.isEnrolled, let secret = factor.secret {
            if code.isEmpty {
                failure.add("code", .required)
            } else if failure.isEmpty, !(try await spend(code, secret: secret, factor: factor, user: user, now: now)) {
                failure.add("code", .wrongCode)
            }
        }
        guard failure.isEmpty else {
            try await recordFailure(user, address: address, action: .reauthenticate, objectID: purpose, now: now)
            throw failure
        }
        try await store.write { db in
            try await SignInFailureRepository(db).clear(accountKey: Self.throttleKey(user))
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: .reauthenticate, objectType: "user", objectID: purpose)
            )
        }
    }

    /// Whether `code` is a current code (or unused recovery code) of the user's authenticator; true
    /// for an account without one, whose password alone is its sign-in.
    func confirms(_ code: String, of user: User) async throws -> Bool {
        let factor = try await store.read { [keyring] db in try await SecondFactorRepository(db, keyring: keyring).factor(of: user.id) }
        guard let factor, factor.isEnrolled, let secret = factor.secret else { return true }
        return try await spend(code, secret: secret, factor: factor, user: user, now: now())
    }

    /// Accepts a code of the authenticator (once per time step) or an unused recovery code.
    func spend(_ code: String, secret: [UInt8], factor: SecondFactorRecord, user: User, now: Date) async throws -> Bool {
        if let step = OneTimePassword(secret: secret).matchingStep(code, at: now, after: factor.lastStep) {
            return try await store.write { [keyring] db in try await SecondFactorRepository(db, keyring: keyring).use(user.id, step: step) }
        }
        guard SecondFactor.isRecoveryCodeShaped(code) else { return false }
        return try await store.write { [keyring] db in
            let used = try await SecondFactorRepository(db, keyring: keyring).useRecoveryCode(user.id, code, now: now)
            if used {
                try await AuditLog(db).append(
                    AuditEntry(at: now, by: user.principal, action: .recoveryCodeUse, objectType: "user", objectID: user.id.description)
                )
            }
            return used
        }
    }

    /// An admin resets another user's factor, after showing their own password and code: the factor,
    /// the recovery codes, the password and every session of the account end, and the one-time
    /// setup link returned is the only way back in (its owner chooses a password, then enrols anew).
    func reset(
        of user: User,
        by principal: Principal,
        password: String,
        code: String,
        from address: String
    ) async throws
        -> UserService.SetupLink
    {
        guard user.id != principal.userID else { throw WebError.forbidden }
        try await reauthenticate(principal, password: password, code: code, from: address, for: "second-factor-reset")
        let now = self.now()
        let setup = UserService.newSetup(now: now)
        try await store.write { [keyring] db in
            try await SecondFactorRepository(db, keyring: keyring).remove(user.id)
            try await PendingSignInRepository(db).deleteAll(of: user.id)
            try await UserRepository(db).setSetupToken(
                user.id,
                hash: Tokens.hash(setup.token),
                expiresAt: setup.expiresAt,
                unsetPassword: true
            )
            try await SessionRepository(db).deleteAll(of: user.id)
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: .secondFactorReset, objectType: "user", objectID: user.id.description)
            )
        }
        return UserService.SetupLink(user: user, token: setup.token, expiresAt: setup.expiresAt)
    }

    func requiresSecondFactor(_ associationID: AssociationID) async throws -> Bool {
        try await store.read { db in try await SignInSettingsRepository(db).requiresSecondFactor(associationID) }
    }

    /// The association requires (or no longer requires) a second factor of every staff role.
    func setRequirement(_ requires: Bool, by principal: Principal) async throws {
        let now = self.now()
        try await store.write { db in
            try await SignInSettingsRepository(db).setRequiresSecondFactor(principal.associationID, requires)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .associationSecondFactor,
                    objectType: "association",
                    objectID: principal.associationID.description
                )
            )
        }
    }

    // MARK: Throttling

    /// Wrong codes are counted under the account itself (not the typed address), so a guesser is
    /// slowed down however they came by the password.
    static func throttleKey(_ user: User) -> String { "second-factor:\(user.id)" }

    func checkThrottle(_ user: User, address: String, now: Date) async throws {
        let key = Self.throttleKey(user)
        let counts = try await store.read { [throttle] db in
            try await SignInFailureRepository(db).counts(accountKey: key, address: address, since: throttle.windowStart(now: now))
        }
        let allowed = throttle.allowsAttempt(
            failuresForAccount: counts.account,
            latestAccountFailure: counts.latest,
            failuresFromAddress: counts.address,
            now: now
        )
        guard allowed else {
            try await store.audit(
                AuditEntry(
                    at: now,
                    by: user.principal,
                    action: .signInThrottled,
                    objectType: "second-factor",
                    objectID: user.id.description,
                    result: .denied
                )
            )
            throw ValidationFailure(problems: ["code": .tooManyAttempts])
        }
    }

    func recordFailure(_ user: User, address: String, action: AuditAction, objectID: String? = nil, now: Date) async throws {
        try await store.write { db in
            try await SignInFailureRepository(db).record(accountKey: Self.throttleKey(user), address: address, now: now)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: user.principal,
                    action: action,
                    objectType: "user",
                    objectID: objectID ?? user.id.description,
                    result: .failure
                )
            )
        }
    }

    // MARK: Randomness

    /// 160 random bits, the length RFC 4226 recommends.
    static func randomSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Twelve characters of lower-case Base32: 60 random bits.
    static func randomRecoveryCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        return String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
