import Foundation
import FramstegCore
import FramstegStore

/// The second step of a sign-in: the code of the authenticator (or a recovery code) after a right
/// password, or the enrolment of one when the account must have it and has none yet.
extension SignInService {
    /// How the second step ended. `expired` covers a made-up, used or stale pending sign-in alike.
    enum SecondStepOutcome: Sendable {
        /// `recoveryCodes` are shown once, after an enrolment.
        case signedIn(User, token: String, recoveryCodes: [String])
        case refused(ValidationFailure)
        case expired
    }

    var secondFactor: SecondFactorService {
        SecondFactorService(store: store, keyring: keyring, passwords: passwords, throttle: throttle, now: now)
    }

    /// The user a pending sign-in waits for, while it may still be completed (the account enabled).
    func pendingUser(token: String) async throws -> User? {
        let since = now().addingTimeInterval(-Self.pendingLifetime)
        return try await store.read { db in
            guard let id = try await PendingSignInRepository(db).user(tokenHash: Tokens.hash(token), since: since),
                let user = try await UserRepository(db).user(id), !user.isDisabled
            else { return nil }
            return user
        }
    }

    /// Checks the code typed after the password; a right one (never the same twice) opens the session.
    func completeSignIn(
        pending token: String,
        code: String,
        from address: String,
        replacing oldSession: String?
    ) async throws
        -> SecondStepOutcome
    {
        guard let user = try await pendingUser(token: token) else { return .expired }
        let now = self.now()
        let factors = secondFactor
        let factor = try await store.read { [keyring] db in try await SecondFactorRepository(db, keyring: keyring).factor(of: user.id) }
        guard let factor, factor.isEnrolled, let secret = factor.secret else { return .expired }
        do {
            try await factors.checkThrottle(user, address: address, now: now)
        } catch let failure as ValidationFailure {
            return .refused(failure)
        }
        guard !code.isEmpty else { return .refused(ValidationFailure(problems: ["code": .required])) }
        guard try await factors.spend(code, secret: secret, factor: factor, user: user, now: now) else {
            try await factors.recordFailure(user, address: address, action: .signInSecondFactor, now: now)
            return .refused(ValidationFailure(problems: ["code": .wrongCode]))
        }
        let session = try await openSession(for: user, replacing: oldSession, now: now) { db in
            try await PendingSignInRepository(db).delete(tokenHash: Tokens.hash(token))
            try await SignInFailureRepository(db).clear(accountKey: SecondFactorService.throttleKey(user))
            try await AuditLog(db).append(
                AuditEntry(at: now, by: user.principal, action: .signInSecondFactor, objectType: "user", objectID: user.id.description)
            )
        }
        return .signedIn(user, token: session, recoveryCodes: [])
    }

    /// Confirms the authenticator enrolled during sign-in and opens the session in the same transaction.
    func completeEnrolment(
        pending token: String,
        code: String,
        from address: String,
        replacing oldSession: String?
    ) async throws
        -> SecondStepOutcome
    {
        guard let user = try await pendingUser(token: token) else { return .expired }
        let now = self.now()
        let session = Tokens.random()
        let codes: [String]
        do {
            codes = try await secondFactor.confirmEnrolment(of: user, code: code, from: address) { db in
                try await PendingSignInRepository(db).delete(tokenHash: Tokens.hash(token))
                try await insertSession(db, token: session, for: user, replacing: oldSession, now: now)
            }
        } catch let failure as ValidationFailure {
            return .refused(failure)
        }
        return .signedIn(user, token: session, recoveryCodes: codes)
    }
}
