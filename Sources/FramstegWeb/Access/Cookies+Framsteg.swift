import Hummingbird

/// The two cookies Framsteg sets, both `HttpOnly` and `SameSite=Lax`, `Secure` behind TLS.
enum FramstegCookie {
    static let session = "framsteg_session"
    /// Before sign-in there is no session to hold the CSRF token, so this cookie holds it.
    static let csrf = "framsteg_csrf"

    static func make(_ name: String, value: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func expired(_ name: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
