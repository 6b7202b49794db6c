import Foundation
import FramstegCore
import FramstegStore

/// What a signed-in user changes about their own account.
struct AccountService {
    let store: Store
    let passwords: Passwords
    let now: @Sendable () -> Date

    /// Changes the user's own password after checking the current one. Every other session of the
    /// account ends; the one in use stays.
    func changePassword(current: String, new: String, repeated: String, by principal: Principal, keeping session: String?) async throws {
        let (found, storedHash) = try await store.read { db in
            let users = UserRepository(db)
            return (try await users.user(principal.userID), try await users.passwordHash(of: principal.userID))
        }
        guard let user = found else { throw WebError.notFound }
        let stored = storedHash ?? ""
        var failure = ValidationFailure()
        if current.isEmpty {
            failure.add("currentPassword", .required)
        } else if !(try await passwords.verify(current, hash: stored)) {
            failure.add("currentPassword", .wrongPassword)
        }
        for (field, problem) in UserService.passwordProblems(new, repeated: repeated, email: user.email).problems {
            failure.add(field, problem)
        }
        try failure.throwIfAny()
        let hash = try await passwords.hash(new)
        let now = self.now()
        try await store.write { db in
            try await UserRepository(db).setPasswordHash(user.id, hash)
            try await SessionRepository(db).deleteAll(of: user.id, except: session)
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: .userPasswordChange, objectType: "user", objectID: user.id.description)
            )
        }
    }

    /// Sets the interface language; `browser` (or nothing) follows the browser's.
    func setLanguage(_ choice: String, by principal: Principal) async throws {
        let isBrowserDefault = choice.isEmpty || choice == "browser"
        let language = Language(rawValue: choice)
        guard isBrowserDefault || language != nil else { throw ValidationFailure(problems: ["language": .unknownChoice]) }
        let now = self.now()
        try await store.write { db in
            try await UserRepository(db).setLanguage(principal.userID, language)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .settingsLanguage,
                    objectType: "user",
                    objectID: principal.userID.description
                )
            )
        }
    }
}
