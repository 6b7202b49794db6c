import Foundation
import FramstegCore
import Testing

/// The secret of the RFC test vectors: ASCII "12345678901234567890".
private let rfcSecret = Array("12345678901234567890".utf8)

@Suite("One-time passwords (RFC 4226, RFC 6238)")
struct OneTimePasswordTests {
    @Test("HOTP gives the RFC 4226 appendix D values for counters 0 to 9")
    func hotpVectors() {
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        let hotp = OneTimePassword(secret: rfcSecret)
        #expect((0..<10).map { hotp.code(counter: UInt64($0)) } == expected)
    }

    @Test(
        "TOTP with SHA-1 gives the RFC 6238 appendix B values (8 digits)",
        arguments: [
            (59.0, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ]
    )
    func totpVectors(seconds: TimeInterval, code: String) {
        let totp = OneTimePassword(secret: rfcSecret, digits: 8)
        #expect(totp.code(at: Date(timeIntervalSince1970: seconds)) == code)
    }

    @Test("a six-digit code is the last six digits of the eight-digit one, padded with zeros")
    func sixDigits() {
        let totp = OneTimePassword(secret: rfcSecret)
        #expect(totp.code(at: Date(timeIntervalSince1970: 1_111_111_109)) == "081804")
        #expect(totp.code(at: Date(timeIntervalSince1970: 59)) == "287082")
    }

    @Test("a code is accepted one step early or late, not two, and never again once used")
    func windowAndReplay() {
        let totp = OneTimePassword(secret: rfcSecret)
        let now = Date(timeIntervalSince1970: 1_800_000_015)
        let step = totp.step(at: now)
        let current = totp.code(at: now)
        #expect(totp.matchingStep(current, at: now, after: 0) == step)
        #expect(totp.matchingStep(String(current.prefix(3)) + " " + String(current.suffix(3)), at: now, after: 0) == step)
        #expect(totp.matchingStep(totp.code(counter: UInt64(step - 1)), at: now, after: 0) == step - 1)
        #expect(totp.matchingStep(totp.code(counter: UInt64(step + 1)), at: now, after: 0) == step + 1)
        #expect(totp.matchingStep(totp.code(counter: UInt64(step - 2)), at: now, after: 0) == nil)
        #expect(totp.matchingStep(totp.code(counter: UInt64(step + 2)), at: now, after: 0) == nil)
        #expect(totp.matchingStep(current, at: now, after: step) == nil, "the step already used")
        #expect(totp.matchingStep(totp.code(counter: UInt64(step - 1)), at: now, after: step) == nil, "older than the one used")
        #expect(totp.matchingStep("12345", at: now, after: 0) == nil)
        #expect(totp.matchingStep("abcdef", at: now, after: 0) == nil)
    }

    @Test("Base32 follows RFC 4648's test vectors, without padding, and reads what it writes")
    func base32() {
        let vectors = [
            ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI"),
        ]
        for (plain, encoded) in vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base32.decode("mzxw 6ytb-oi======") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil, "1 is not in the alphabet")
    }

    @Test("the provisioning address names issuer and account and carries the secret in Base32")
    func provisioningURI() {
        let totp = OneTimePassword(secret: rfcSecret)
        #expect(
            totp.provisioningURI(issuer: "Framsteg Insjöriket", account: "admin@insjoriket.demo")
                == "otpauth://totp/Framsteg%20Insj%C3%B6riket:admin%40insjoriket.demo?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Framsteg%20Insj%C3%B6riket&algorithm=SHA1&digits=6&period=30"
        )
    }

    @Test("admins always need a second factor; other staff when their association requires it")
    func whoNeedsIt() {
        for role in Role.allCases {
            #expect(SecondFactor.isRequired(for: role, associationRequires: true))
            #expect(SecondFactor.isRequired(for: role, associationRequires: false) == (role == .admin))
        }
    }

    @Test("recovery codes are typed in any case, with or without hyphens, and shown in groups of four")
    func recoveryCodes() {
        #expect(SecondFactor.normalisedRecoveryCode("ABCD-efgh 2345") == "abcdefgh2345")
        #expect(SecondFactor.isRecoveryCodeShaped("abcd-efgh-2345"))
        #expect(!SecondFactor.isRecoveryCodeShaped("123456"))
        #expect(SecondFactor.displayed(recoveryCode: "abcdefgh2345") == "abcd-efgh-2345")
    }
}
