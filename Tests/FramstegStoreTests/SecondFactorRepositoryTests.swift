import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

@Suite("Second factors, recovery codes and pending sign-ins")
struct SecondFactorRepositoryTests {
    static let now = AccessRepositoryTests.now
    static let secret = Array("12345678901234567890".utf8)

    static func user(_ store: Store) async throws -> User {
        let (association, _) = try await AccessRepositoryTests.seed(store)
        return try await store.write { db throws in
            try await UserRepository(db).create(
                in: association.id,
                email: "alva@insjoriket.se",
                name: "Alva",
                role: .admin,
                unitIDs: [],
                passwordHash: "$2b$hash",
                now: now
            )
        }
    }

    @Test("a secret waits until confirmed, is sealed to its row, and a step is accepted once", arguments: TestDatabase.available)
    func secretAndSteps(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let user = try await Self.user(store)
            try await store.write { db throws in
                let factors = SecondFactorRepository(db, keyring: TestKeys.keyring)
                try await factors.setPending(user.id, secret: Self.secret, now: Self.now)
                let waiting = try #require(try await factors.factor(of: user.id))
                #expect(!waiting.isEnrolled && waiting.pendingSecret == Self.secret && waiting.pendingSince == Self.now)
                try await factors.confirmPending(user.id, secret: Self.secret, step: 100, recoveryCodes: ["abcdefghijkl"], now: Self.now)
            }
            try await store.write { db throws in
                let factors = SecondFactorRepository(db, keyring: TestKeys.keyring)
                let factor = try #require(try await factors.factor(of: user.id))
                #expect(factor.isEnrolled && factor.secret == Self.secret && factor.lastStep == 100 && factor.pendingSecret == nil)
                #expect(try await !factors.use(user.id, step: 100), "the step of the first code")
                #expect(try await factors.use(user.id, step: 101))
                #expect(try await !factors.use(user.id, step: 101), "replayed")
                #expect(try await !factors.use(user.id, step: 99), "older")
                #expect(try await factors.enrolledUsers(among: [user.id, UserID(999)]) == [user.id])
            }
            // Copied to another row's column the sealed secret does not open.
            try await store.write { db throws in
                let stored = try await db.select().column("secret").from("second_factors").first()?.decode(
                    column: "secret",
                    as: String.self
                )
                #expect(stored?.hasPrefix("~") == true && stored?.contains("GEZDGNBV") == false)
                try await db.update("second_factors").set("pending_secret", to: SQLBind(stored)).run()
            }
            await #expect(throws: FieldKeyring.Problem.self) {
                try await store.read { db throws in try await SecondFactorRepository(db, keyring: TestKeys.keyring).factor(of: user.id) }
            }
        }
    }

    @Test("a recovery code is spent once, typed in any form; removing the factor removes the codes", arguments: TestDatabase.available)
    func recoveryCodes(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let user = try await Self.user(store)
            try await store.write { db throws in
                let factors = SecondFactorRepository(db, keyring: TestKeys.keyring)
                try await factors.setPending(user.id, secret: Self.secret, now: Self.now)
                try await factors.confirmPending(
                    user.id,
                    secret: Self.secret,
                    step: 1,
                    recoveryCodes: ["abcdefghijkl", "mnopqrstuvwx"],
                    now: Self.now
                )
                #expect(try await factors.unusedRecoveryCodes(of: user.id) == 2)
                #expect(try await factors.useRecoveryCode(user.id, "ABCD-EFGH-IJKL", now: Self.now))
                #expect(try await !factors.useRecoveryCode(user.id, "abcdefghijkl", now: Self.now))
                #expect(try await !factors.useRecoveryCode(user.id, "zzzzzzzzzzzz", now: Self.now))
                #expect(try await factors.unusedRecoveryCodes(of: user.id) == 1)
                try await factors.remove(user.id)
                #expect(try await factors.factor(of: user.id) == nil)
                #expect(try await factors.unusedRecoveryCodes(of: user.id) == 0)
            }
        }
    }

    @Test(
        "a pending sign-in is found by its token hash until it is older than asked; the setting is per association",
        arguments: TestDatabase.available
    )
    func pendingAndSettings(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let user = try await Self.user(store)
            try await store.write { db throws in
                let pending = PendingSignInRepository(db)
                try await pending.create(tokenHash: "hash", userID: user.id, now: Self.now)
                #expect(try await pending.user(tokenHash: "hash", since: Self.now.addingTimeInterval(-60)) == user.id)
                #expect(try await pending.user(tokenHash: "hash", since: Self.now) == nil)
                #expect(try await pending.user(tokenHash: "other", since: Self.now.addingTimeInterval(-60)) == nil)
                try await pending.deleteOlder(than: Self.now)
                #expect(try await pending.user(tokenHash: "hash", since: .distantPast) == nil)
                let settings = SignInSettingsRepository(db)
                #expect(try await !settings.requiresSecondFactor(user.associationID))
                try await settings.setRequiresSecondFactor(user.associationID, true)
                #expect(try await settings.requiresSecondFactor(user.associationID))
                try await settings.setRequiresSecondFactor(user.associationID, false)
                #expect(try await !settings.requiresSecondFactor(user.associationID))
            }
        }
    }
}
