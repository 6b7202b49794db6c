import Foundation
import FramstegCore
import SQLKit

/// A user's second factor as stored: the authenticator's secret (opened), when it was confirmed,
/// the last time step a code was accepted for, and a new secret waiting for its first code.
public struct SecondFactorRecord: Sendable, Equatable {
    public let secret: [UInt8]?
    public let enrolledAt: Date?
    public let lastStep: Int64
    public let pendingSecret: [UInt8]?
    public let pendingSince: Date?

    /// Whether a confirmed authenticator guards the account.
    public var isEnrolled: Bool { secret != nil && enrolledAt != nil }
}

/// The second factor of password accounts: the TOTP secret sealed at rest (bound to the table,
/// column and user, as personal data is), the recovery codes as keyed hashes (HMAC under the
/// lookup key: a copy of the database without the key file cannot test guesses against them).
public struct SecondFactorRepository: Sendable {
    let db: any SQLDatabase
    let keyring: FieldKeyring
    let sealed: SealedColumns

    public init(_ db: any SQLDatabase, keyring: FieldKeyring) {
        self.db = db
        self.keyring = keyring
        sealed = SealedColumns(keyring, table: "second_factors")
    }

    public func factor(of userID: UserID) async throws -> SecondFactorRecord? {
        guard
            let row = try await db.select().columns("user_id", "secret", "enrolled_at", "last_step", "pending_secret", "pending_since")
                .from("second_factors").where("user_id", .equal, userID.rawValue).first()
        else { return nil }
        return SecondFactorRecord(
            secret: try openSecret("secret", row),
            enrolledAt: try row.decode(column: "enrolled_at", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) },
            lastStep: try row.decode(column: "last_step", as: Int64.self),
            pendingSecret: try openSecret("pending_secret", row),
            pendingSince: try row.decode(column: "pending_since", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        )
    }

    /// Which of these users have a confirmed authenticator (for the admin's list and pages).
    public func enrolledUsers(among userIDs: [UserID]) async throws -> Set<UserID> {
        guard !userIDs.isEmpty else { return [] }
        let rows = try await db.select().column("user_id").from("second_factors")
            .where("user_id", .in, SQLBind.group(userIDs.map(\.rawValue))).where("enrolled_at", .isNot, SQLLiteral.null).all()
        return Set(try rows.map { try $0.id("user_id") })
    }

    /// Keeps a new secret waiting until a code made from it is typed; the confirmed one (if any) still holds meanwhile.
    public func setPending(_ userID: UserID, secret: [UInt8], now: Date) async throws {
        let stored = try sealed.seal(Base32.encode(secret), "pending_secret", row: userID.description)
        if try await factor(of: userID) == nil {
            try await db.insert(into: "second_factors").columns("user_id", "pending_secret", "pending_since", "last_step")
                .values(SQLBind(userID.rawValue), SQLBind(stored), SQLBind(now.storedSeconds), SQLBind(0)).run()
        } else {
            try await db.update("second_factors").set("pending_secret", to: stored).set("pending_since", to: now.storedSeconds)
                .where("user_id", .equal, userID.rawValue).run()
        }
    }

    /// The waiting secret becomes the account's, its first code's step the last used, and these
    /// recovery codes (hashed here) replace any earlier ones.
    public func confirmPending(_ userID: UserID, secret: [UInt8], step: Int64, recoveryCodes: [String], now: Date) async throws {
        try await db.update("second_factors")
            .set("secret", to: try sealed.seal(Base32.encode(secret), "secret", row: userID.description))
            .set("enrolled_at", to: now.storedSeconds).set("last_step", to: step)
            .set("pending_secret", to: SQLLiteral.null).set("pending_since", to: SQLLiteral.null)
            .where("user_id", .equal, userID.rawValue).run()
        try await db.delete(from: "recovery_codes").where("user_id", .equal, userID.rawValue).run()
        for code in recoveryCodes {
            try await db.insert(into: "recovery_codes").columns("user_id", "code_hash")
                .values(SQLBind(userID.rawValue), SQLBind(recoveryCodeHash(code))).run()
        }
    }

    /// Records that a code of `step` was accepted, only if no code of that step or a later one was:
    /// false when another request used it first (a replayed code), so one code signs in once.
    public func use(_ userID: UserID, step: Int64) async throws -> Bool {
        let rows = try await db.update("second_factors").set("last_step", to: step)
            .where("user_id", .equal, userID.rawValue).where("last_step", .lessThan, step)
            .returning("user_id").all()
        return !rows.isEmpty
    }

    /// Spends a recovery code: true once for each code, false for any other text.
    public func useRecoveryCode(_ userID: UserID, _ typed: String, now: Date) async throws -> Bool {
        let rows = try await db.update("recovery_codes").set("used_at", to: now.storedSeconds)
            .where("user_id", .equal, userID.rawValue).where("code_hash", .equal, recoveryCodeHash(typed))
            .where("used_at", .is, SQLLiteral.null)
            .returning("user_id").all()
        return !rows.isEmpty
    }

    public func unusedRecoveryCodes(of userID: UserID) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("recovery_codes")
            .where("user_id", .equal, userID.rawValue).where("used_at", .is, SQLLiteral.null)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Removes the factor and its recovery codes (an admin's reset).
    public func remove(_ userID: UserID) async throws {
        try await db.delete(from: "recovery_codes").where("user_id", .equal, userID.rawValue).run()
        try await db.delete(from: "second_factors").where("user_id", .equal, userID.rawValue).run()
    }

    func recoveryCodeHash(_ code: String) -> String {
        keyring.lookupHash("recovery-code:" + SecondFactor.normalisedRecoveryCode(code))
    }

    private func openSecret(_ column: String, _ row: any SQLRow) throws -> [UInt8]? {
        guard let text = try sealed.open(column, in: row, id: "user_id") else { return nil }
        guard let secret = Base32.decode(text) else { throw StoreError.corrupt("second factor secret") }
        return secret
    }
}

/// A sign-in whose password was right and that waits for the second factor (or its enrolment):
/// a hashed token in its own cookie, never a session, so nothing else is reachable with it.
public struct PendingSignInRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func create(tokenHash: String, userID: UserID, now: Date) async throws {
        try await db.insert(into: "pending_sign_ins").columns("token_hash", "user_id", "created_at")
            .values(SQLBind(tokenHash), SQLBind(userID.rawValue), SQLBind(now.storedSeconds)).run()
    }

    /// The user waiting under this token, if it was made after `since`.
    public func user(tokenHash: String, since: Date) async throws -> UserID? {
        try await db.select().column("user_id").from("pending_sign_ins").where("token_hash", .equal, tokenHash)
            .where("created_at", .greaterThan, since.storedSeconds).first()?.id("user_id")
    }

    public func delete(tokenHash: String) async throws {
        try await db.delete(from: "pending_sign_ins").where("token_hash", .equal, tokenHash).run()
    }

    public func deleteAll(of userID: UserID) async throws {
        try await db.delete(from: "pending_sign_ins").where("user_id", .equal, userID.rawValue).run()
    }

    public func deleteOlder(than date: Date) async throws {
        try await db.delete(from: "pending_sign_ins").where("created_at", .lessThanOrEqual, date.storedSeconds).run()
    }
}

/// How an association's staff sign in: whether every staff role needs the second factor.
public struct SignInSettingsRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func requiresSecondFactor(_ associationID: AssociationID) async throws -> Bool {
        try await db.select().column("requires_second_factor").from("sign_in_settings")
            .where("association_id", .equal, associationID.rawValue).first()?
            .decode(column: "requires_second_factor", as: Int.self) == 1
    }

    public func setRequiresSecondFactor(_ associationID: AssociationID, _ requires: Bool) async throws {
        try await db.delete(from: "sign_in_settings").where("association_id", .equal, associationID.rawValue).run()
        try await db.insert(into: "sign_in_settings").columns("association_id", "requires_second_factor")
            .values(SQLBind(associationID.rawValue), SQLBind(requires ? 1 : 0)).run()
    }
}
