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
        let sent = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? context.form["_csrf"]
        guard !context.csrfToken.isEmpty, Tokens.constantTimeEquals(sent, context.csrfToken) else {
            context.logger.notice("CSRF token rejected", metadata: ["path": "\(request.uri.path)"])
            throw WebError.csrfRejected
        }
        return try await next(request, context)
    }
}
