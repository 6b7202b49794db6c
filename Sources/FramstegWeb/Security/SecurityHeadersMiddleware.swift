import Foundation
import HTTPTypes
import Hummingbird

/// Headers every response carries: a strict CSP with no inline scripts, no framing, no caching of pages.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let configuration: WebConfiguration

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
        // This middleware runs outside the session middleware, so it reads the request itself.
        if ConnectionFacts(request, configuration: configuration, socketAddress: context.socketAddress).isSecure {
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

/// What the connection says about the client: its address and whether it came over TLS,
/// believing a reverse proxy's headers only when configured to, and only from a trusted proxy.
struct ConnectionFacts {
    let clientAddress: String?
    let isSecure: Bool

    init(_ request: Request, configuration: WebConfiguration, socketAddress: String?) {
        var address = socketAddress
        var isSecure = configuration.secureCookies
        let trusted = configuration.trustedProxies
        let fromTrustedProxy = trusted.map { proxies in socketAddress.map(proxies.contains) ?? false } ?? true
        if configuration.trustForwardedHeaders, fromTrustedProxy {
            let hops = (request.headers[HTTPField.Name("X-Forwarded-For")!] ?? "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            // Right to left: each trusted proxy appended the address it saw; the first one that is
            // not a trusted proxy is the client. Anything to its left the client may have written.
            if let client = hops.reversed().first(where: { hop in !(trusted?.contains(hop) ?? false) }) ?? hops.first {
                address = client
            }
            if request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https" { isSecure = true }
        }
        self.clientAddress = address
        self.isSecure = isSecure
    }
}
