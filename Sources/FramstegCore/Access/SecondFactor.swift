/// Who must sign in with a second factor after the password, and the one-time recovery codes
/// that stand in for a lost authenticator.
public enum SecondFactor {
    /// Admins always; every other staff role when the association requires it.
    public static func isRequired(for role: Role, associationRequires: Bool) -> Bool {
        role == .admin || associationRequires
    }

    /// How many recovery codes an enrolment gives.
    public static let recoveryCodeCount = 10

    /// A recovery code as typed, in the one form it is hashed in: lower case, without spaces or hyphens.
    public static func normalisedRecoveryCode(_ typed: String) -> String {
        String(typed.lowercased().filter { $0 != " " && $0 != "-" })
    }

    /// Whether what was typed looks like a recovery code (`xxxx-xxxx-xxxx`) rather than a six-digit code.
    public static func isRecoveryCodeShaped(_ typed: String) -> Bool {
        normalisedRecoveryCode(typed).count == 12
    }

    /// A code in the form it is shown: three groups of four.
    public static func displayed(recoveryCode code: String) -> String {
        let characters = Array(code)
        return stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<min($0 + 4, characters.count)]) }
            .joined(separator: "-")
    }
}
