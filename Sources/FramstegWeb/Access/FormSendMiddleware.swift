import Foundation
import FramstegStore
import HTTPTypes
import Hummingbird

/// A form sent twice (a double click, a resend after Back) does its work once: every form a page
/// renders carries a one-time token (`_once`, see `Layout`), and the API's clients may send an
/// `Idempotency-Key` header. The first send claims the token; a later one with the same token
/// goes back to the page it came from with a notice (the API answers 409), and nothing is stored
/// again. Runs after the CSRF check, which has parsed the form.
struct FormSendMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let site: Site

    static let apiHeader = HTTPField.Name("Idempotency-Key")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .patch else { return try await next(request, context) }
        let isAPI = request.uri.path.hasPrefix("/api/")
        let token = isAPI ? request.headers[Self.apiHeader].map { "api:" + $0 } : context.form["_once"].nilIfEmpty.map { "form:" + $0 }
        guard let token, token.count <= 200 else { return try await next(request, context) }
        let now = site.now()
        let isFirst = try await site.store.write { db in try await FormSendRepository(db).claim(Tokens.hash(token), now: now) }
        if isFirst { return try await next(request, context) }
        context.logger.notice("form sent again", metadata: ["path": "\(request.uri.path)"])
        if isAPI { return JSON.problem(.conflict, "already-sent", Texts.text("alreadySent", context.language)) }
        return .redirect(to: Self.pageSentFrom(request) ?? "/", notice: .alreadySent)
    }

    /// The path of the page the form was on, when the browser says so and it is this site's.
    static func pageSentFrom(_ request: Request) -> String? {
        guard let referer = request.headers[.referer], let url = URLComponents(string: referer) else { return nil }
        let path = url.percentEncodedPath
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return nil }
        if let host = url.host, let own = request.head.authority?.split(separator: ":").first, host != own { return nil }
        // The record's tab the form was on is kept, so the notice shows where the form was.
        if let tab = url.queryItems?.first(where: { $0.name == "tab" })?.value, let known = RecordTab(rawValue: tab) {
            return path + "?tab=" + known.rawValue
        }
        return path
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
