import Foundation
import Hummingbird

/// Where signing in again leads back to after a session ended: a path of this site only (never
/// another host, never the sign-in pages themselves), carried in the sign-in form and, across the
/// second factor, in a short-lived cookie.
enum ReturnPath {
    static let cookie = "framsteg_return"
    static let maximumLength = 500

    /// The path when it is one of this site's, nil otherwise.
    static func local(_ text: String?) -> String? {
        guard let text, !text.isEmpty, text.count <= maximumLength, text.hasPrefix("/"), !text.hasPrefix("//"),
            !text.contains("\\"), !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
            !text.hasPrefix("/sign-in"), !text.hasPrefix("/sign-out"),
            let components = URLComponents(string: text), components.scheme == nil, components.host == nil
        else { return nil }
        return text
    }

    /// `/sign-in?expired=…`, with the page to come back to when there is one.
    static func signIn(expired reason: String, returningTo path: String?) -> String {
        guard let path = local(path) else { return "/sign-in?expired=" + reason }
        // The page's own query ("?tab=meetings&…") is encoded whole, so it stays one value.
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return "/sign-in?expired=" + reason + "&return=" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }

    /// A short-lived cookie holding the path across the second factor (ten minutes, like the code).
    static func cookie(_ path: String, secure: Bool) -> Cookie {
        Cookie(
            name: FramstegCookie.name(cookie, secure: secure),
            value: path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
            maxAge: 600,
            path: "/",
            secure: secure,
            httpOnly: true,
            sameSite: .lax
        )
    }

    static func fromCookie(_ request: Request, secure: Bool) -> String? {
        local(FramstegCookie.value(cookie, in: request, secure: secure)?.removingPercentEncoding)
    }
}
