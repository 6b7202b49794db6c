import HTTPTypes
import Hummingbird

extension Response {
    /// The answer to a hand-over or a take-back: the session's new cookie, and the order to drop
    /// the origin's cache, so that Back shows no page kept from before (pages are `no-store`, but
    /// the back/forward cache keeps them anyway). `page.js` reloads any page restored all the same.
    static func sessionRotated(to path: String, token: String, context: AppRequestContext) -> Response {
        var response = Response.redirect(to: path, type: .normal)
        response.setCookie(FramstegCookie.make(FramstegCookie.session, value: token, secure: context.isSecureRequest))
        response.headers[HTTPField.Name("Clear-Site-Data")!] = #""cache""#
        return response
    }
}
