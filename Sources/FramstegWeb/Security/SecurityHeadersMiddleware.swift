import Hummingbird
import HTTPTypes

/// Headers every response carries: a strict CSP with no inline scripts, no framing, no caching of pages.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'",
    ].joined(separator: "; ")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        if context.isSecureRequest {
            response.headers[.strictTransportSecurity] = "max-age=31536000"
        }
        // Pages may show personal data: never keep them in a cache. Only the stylesheet may be cached.
        if request.uri.path.hasPrefix("/static/") {
            response.headers[.cacheControl] = "public, max-age=3600"
        } else {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
