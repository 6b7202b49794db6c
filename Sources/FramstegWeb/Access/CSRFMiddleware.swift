import HTTPTypes
import Hummingbird

/// Every state-changing request must echo the page's CSRF token, as the `_csrf` form field
/// or the `X-CSRF-Token` header. Reads and parses the form body once for the handlers.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// The largest form body read (`ServerLimits.maximumBodySize`); a larger one answers 413.
    let maximumFormSize: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method) else { return try await next(request, context) }
        var request = request
        var context = context
        let contentType = request.headers[.contentType] ?? ""
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            let body = try await request.collectBody(upTo: maximumFormSize)
            context.form = FormData(urlEncoded: String(buffer: body))
        }
        // The session ended while the form was open (idle, or its absolute limit): nothing is
        // changed, and the person is asked to sign in again with the page to come back to; what
        // they typed is kept by the browser (page.js), never here.
        if context.sessionExpired && context.session == nil && !request.uri.path.hasPrefix("/api/") {
            context.logger.notice("form sent after the session ended", metadata: ["path": "\(request.uri.path)"])
            return .redirect(to: ReturnPath.signIn(expired: "form", returningTo: FormSendMiddleware.pageSentFrom(request)), type: .normal)
        }
        let sent = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? context.form["_csrf"]
        guard !context.csrfToken.isEmpty, Tokens.constantTimeEquals(sent, context.csrfToken) else {
            context.logger.notice("CSRF token rejected", metadata: ["path": "\(request.uri.path)"])
            throw WebError.csrfRejected
        }
        return try await next(request, context)
    }
}
