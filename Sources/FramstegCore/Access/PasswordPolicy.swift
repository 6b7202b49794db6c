/// Why a chosen password is refused.
public enum PasswordProblem: Hashable, Sendable {
    case tooShort(minimum: Int)
    case tooLong(maximum: Int)
    case tooCommon
}

/// Rules for new passwords: long enough, and not one that attackers try first.
public enum PasswordPolicy {
    public static let minimumLength = 12
    /// bcrypt reads at most 72 bytes; refuse more rather than silently ignore the tail.
    public static let maximumBytes = 72

    public static func problem(with password: String, userEmail: String? = nil) -> PasswordProblem? {
        if password.count < minimumLength { return .tooShort(minimum: minimumLength) }
        if password.utf8.count > maximumBytes { return .tooLong(maximum: maximumBytes) }
        if isCommon(password, userEmail: userEmail) { return .tooCommon }
        return nil
    }

    /// True for listed passwords, one repeated character, keyboard or digit runs, and the user's own e-mail.
    static func isCommon(_ password: String, userEmail: String?) -> Bool {
        let folded = password.lowercased()
        if CommonPasswords.list.contains(folded) { return true }
        if Set(folded).count <= 2 { return true }
        if let userEmail, !userEmail.isEmpty {
            let local = userEmail.lowercased().split(separator: "@").first.map(String.init) ?? ""
            if folded == userEmail.lowercased() || (local.count >= 4 && folded.hasPrefix(local) && folded.count - local.count <= 4) {
                return true
            }
        }
        return CommonPasswords.sequences.contains { $0.contains(folded) }
    }
}
