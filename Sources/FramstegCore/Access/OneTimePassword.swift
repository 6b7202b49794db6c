import Crypto
import Foundation

/// Time-based one-time passwords (TOTP, RFC 6238) over HMAC-based ones (HOTP, RFC 4226), as
/// authenticator apps make them: HMAC-SHA1, 30-second steps, 6 digits.
///
/// Tvåstegsverifiering: the second factor of a password account.
public struct OneTimePassword: Sendable, Equatable {
    /// The shared secret, as the authenticator app holds it.
    public let secret: [UInt8]
    public let digits: Int
    public let period: TimeInterval

    /// How many steps before or after the current one a code is still accepted (clock drift, slow typing).
    public static let window: Int64 = 1

    public init(secret: [UInt8], digits: Int = 6, period: TimeInterval = 30) {
        self.secret = secret
        self.digits = digits
        self.period = period
    }

    /// The HOTP value for `counter` (RFC 4226 section 5.3: dynamic truncation, then modulo 10^digits),
    /// zero-padded.
    public func code(counter: UInt64) -> String {
        var bigEndian = counter.bigEndian
        let message = withUnsafeBytes(of: &bigEndian) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The time step `date` falls in: whole periods since 1970.
    public func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / period).rounded(.down))
    }

    /// The code an authenticator shows at `date`.
    public func code(at date: Date) -> String {
        code(counter: UInt64(max(0, step(at: date))))
    }

    /// The step whose code `typed` is, within the window around `date` and later than `lastUsedStep`
    /// (a code once accepted is never accepted again, RFC 6238 section 5.2); nil when none matches.
    /// Spaces are ignored, as people type codes the way apps show them ("123 456").
    public func matchingStep(_ typed: String, at date: Date, after lastUsedStep: Int64) -> Int64? {
        let code = typed.filter { !$0.isWhitespace }
        guard code.count == digits, code.allSatisfy(\.isASCIIDigit) else { return nil }
        let now = step(at: date)
        var found: Int64?
        // Every step of the window is compared, so the time taken does not tell which one matched.
        for candidate in (now - Self.window)...(now + Self.window) where candidate > lastUsedStep && candidate >= 0 {
            if constantTimeEquals(self.code(counter: UInt64(candidate)), code), found == nil { found = candidate }
        }
        return found
    }

    /// The `otpauth://` address an authenticator app reads from a QR code (Google Authenticator's
    /// key URI format, which every common app reads).
    public func provisioningURI(issuer: String, account: String) -> String {
        let label = Self.escaped(issuer) + ":" + Self.escaped(account)
        return
            "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(Self.escaped(issuer))&algorithm=SHA1&digits=\(digits)&period=\(Int(period))"
    }

    private static func escaped(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
