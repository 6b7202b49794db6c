import Foundation
import FramstegCore
import FramstegStore

/// What a signed-in user changes about their own account.
struct AccountService {
    let store: Store
    let now: @Sendable () -> Date

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
