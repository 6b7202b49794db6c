import Hummingbird

/// The cookies Framsteg sets, both `HttpOnly` and `SameSite=Lax`. Over HTTPS they are `Secure`
/// and named with the `__Host-` prefix, which the browser accepts only with Secure, `Path=/` and no
/// Domain: neither plain HTTP nor a sibling subdomain can plant or overwrite them.
enum FramstegCookie {
    static let session = "framsteg_session"
    /// Before sign-in there is no session to hold the CSRF token, so this cookie holds it, signed.
    static let csrf = "framsteg_csrf"
    /// A sign-in whose password was right, waiting for its second factor: opens no page but the code's.
    static let pendingSignIn = "framsteg_pending"

    static func name(_ name: String, secure: Bool) -> String { secure ? "__Host-" + name : name }

    static func make(_ name: String, value: String, secure: Bool) -> Cookie {
        Cookie(name: self.name(name, secure: secure), value: value, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func expired(_ name: String, secure: Bool) -> Cookie {
        Cookie(name: self.name(name, secure: secure), value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The cookie's value as the request carries it under the name this connection uses.
    static func value(_ name: String, in request: Request, secure: Bool) -> String? {
        request.cookies[self.name(name, secure: secure)]?.value
    }
}
