import FramstegCore
import Testing

@Suite("Password rules")
struct PasswordPolicyTests {
    @Test("refuses passwords under 12 characters", arguments: ["", "short", "elva-tecken"])
    func tooShort(_ password: String) {
        #expect(PasswordPolicy.problem(with: password) == .tooShort(minimum: 12))
    }

    @Test(
        "refuses common and guessable passwords of sufficient length",
        arguments: [
            "password1234", "Password1234", "123456789012", "qwertyuiop12", "lösenord1234", "aaaaaaaaaaaa",
            "abababababab", "3456789012345", "asdfghjklzxcv",
        ]
    )
    func tooCommon(_ password: String) {
        #expect(PasswordPolicy.problem(with: password) == .tooCommon)
    }

    @Test("refuses the user's own e-mail address or its name part with a short suffix")
    func ownEmail() {
        #expect(PasswordPolicy.problem(with: "maria.chef@x.se", userEmail: "maria.chef@x.se") == .tooCommon)
        #expect(PasswordPolicy.problem(with: "maria.chef2026", userEmail: "maria.chef@x.se") == .tooCommon)
    }

    @Test("refuses more than bcrypt's 72 bytes")
    func tooLong() {
        #expect(PasswordPolicy.problem(with: String(repeating: "åäö-", count: 20)) == .tooLong(maximum: 72))
    }

    @Test(
        "accepts a long uncommon passphrase",
        arguments: ["Demo-Admin-Insjo-26", "korrekt häst batteri häftklammer", "Tre gröna äpplen 1977"]
    )
    func accepts(_ password: String) {
        #expect(PasswordPolicy.problem(with: password, userEmail: "admin@insjoriket.demo") == nil)
    }
}
