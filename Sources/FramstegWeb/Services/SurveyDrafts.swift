import Crypto
import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// Half-answered anonymous surveys, kept in the participant's browser: a cookie sealed with
/// AES-GCM under a key derived from the key file, bound to the signed-in session and the offer.
/// Nothing partial is ever written where it could be tied to anyone (not the database, not the
/// server's memory), and every node with the same key file opens it. A draft is gone when the
/// survey is completed, when the device is given back (the cookie is cleared, and the session's
/// token changes, so a kept copy no longer opens), and after the session's idle time untouched.
struct SurveyDrafts: Sendable {
    /// Which sitting a draft belongs to: it opens only for the same session and offer.
    struct Binding: Sendable {
        let tokenHash: String
        let offer: SurveyOfferID

        /// A version tag, then each part with its length in front, as `FieldBinding` does.
        var authenticatedData: Data {
            var data = Data("framsteg.survey-draft.1".utf8)
            for part in [tokenHash, offer.description] {
                let bytes = Data(part.utf8)
                withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { data.append(contentsOf: $0) }
                data.append(bytes)
            }
            return data
        }
    }

    /// What the cookie seals: when it was saved and the answers in their stored form.
    private struct Payload: Codable {
        let t: Int64
        let a: [String: String]
    }

    static let cookieName = "framsteg_survey"
    /// The cookie goes only to participant mode's pages.
    static let path = "/take"
    /// Its own HKDF label, so the draft key is no other key of the file.
    static let derivationInfo = "framsteg survey draft v1"
    /// Browsers keep cookies of 4,096 bytes, name, value and attributes together; this leaves the attributes room.
    static let maximumLength = 3_900
    /// A draft saved on a node whose clock runs this much ahead still opens on the others.
    static let clockSkew: TimeInterval = 300

    private let key: SymmetricKey
    /// The session's idle time: a draft untouched for longer no longer opens.
    let lifetime: TimeInterval

    init(keyring: FieldKeyring, lifetime: TimeInterval) {
        self.key = keyring.derivedKey(info: Self.derivationInfo)
        self.lifetime = lifetime
    }

    /// The answers a cookie holds; none when it is missing, changed, stale, or another sitting's.
    func answers(_ sealed: String?, binding: Binding, now: Date) -> [String: Answer] {
        guard let sealed, !sealed.isEmpty, let combined = Data(base64URLEncoded: sealed),
            let box = try? AES.GCM.SealedBox(combined: combined),
            let plain = try? AES.GCM.open(box, using: key, authenticating: binding.authenticatedData),
            let payload = try? JSONDecoder().decode(Payload.self, from: plain)
        else { return [:] }
        let age = now.timeIntervalSince(Date(timeIntervalSince1970: TimeInterval(payload.t)))
        guard age < lifetime, age > -Self.clockSkew else { return [:] }
        return payload.a.compactMapValues { Answer(storageValue: $0) }
    }

    /// The answers sealed for the cookie, saved now.
    func seal(_ answers: [String: Answer], binding: Binding, now: Date) -> String {
        let payload = Payload(t: Int64(now.timeIntervalSince1970.rounded(.down)), a: answers.mapValues(\.storageValue))
        // Encoding a dictionary of strings and sealing with a 256-bit key cannot fail.
        let plain = try! JSONEncoder().encode(payload)
        let box = try! AES.GCM.seal(plain, using: key, authenticating: binding.authenticatedData)
        return box.combined!.base64URLEncoded
    }

    static func name(secure: Bool) -> String { secure ? "__Secure-" + cookieName : cookieName }

    /// The cookie carrying a sealed draft: HttpOnly, SameSite=Strict, only for participant mode,
    /// Secure over HTTPS, and kept by the browser no longer than the server would open it.
    func cookie(_ sealed: String, secure: Bool) -> Cookie {
        Cookie(
            name: Self.name(secure: secure),
            value: sealed,
            maxAge: Int(lifetime),
            path: Self.path,
            secure: secure,
            httpOnly: true,
            sameSite: .strict
        )
    }

    /// Clears the draft from the browser.
    static func expired(secure: Bool) -> Cookie {
        Cookie(name: name(secure: secure), value: "", maxAge: 0, path: path, secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The sealed draft the request carries, if any.
    static func value(in request: Request, secure: Bool) -> String? {
        request.cookies[name(secure: secure)]?.value
    }

    /// How long the cookie's name and value can grow for this instrument: every item the
    /// participant answers, answered with its longest value.
    static func largestLength(of instrument: Instrument) -> Int {
        var longest: [String: String] = [:]
        for item in instrument.items(for: .participant) {
            var values = item.allowsNotAnswered ? [Answer.notAnswered.storageValue] : []
            switch item.scale {
            case .numeric(let min, let max, _): values += [String(min), String(max)]
            case .choice(let choices): values += choices.map { Answer.choice($0.value).storageValue }
            }
            longest[item.id] = values.max { $0.utf8.count < $1.utf8.count } ?? ""
        }
        let plain = (try? JSONEncoder().encode(Payload(t: Int64(Int32.max) * 4, a: longest)))?.count ?? 0
        // Nonce (12) and tag (16) around the ciphertext, then base64 without padding.
        let sealed = 12 + plain + 16
        return name(secure: true).utf8.count + 1 + (sealed * 4 + 2) / 3
    }

    /// Whether every draft of the instrument fits in one cookie.
    static func fits(_ instrument: Instrument) -> Bool { largestLength(of: instrument) <= maximumLength }
}

extension Data {
    /// Reads base64url without padding (RFC 4648 §5), as `base64URLEncoded` writes it.
    init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
