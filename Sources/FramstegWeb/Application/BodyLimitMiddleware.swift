import Hummingbird

/// Refuses with 413, before any handler reads it, a request whose declared body is over the
/// limit; a body without a length is held to the limit where it is read (`collectBody(upTo:)`).
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let maximumSize: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximumSize { throw WebError.tooLarge }
        return try await next(request, context)
    }
}
