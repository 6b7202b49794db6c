import Hummingbird
import Logging
import NIOCore

/// Turns refusals and unexpected errors into a page in the user's language, never a stack trace.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let isAPI = request.uri.path.hasPrefix("/api/")
        do {
            return try await next(request, context)
        } catch is NIOTooManyBytesError {
            // A body over the limit is the sender's mistake, not the server's.
            return isAPI
                ? JSON.problem(.contentTooLarge, "too-large", Texts.text("errorTooLarge", context.language))
                : page(.contentTooLarge, "errorTooLarge", context)
        } catch let error as WebError where isAPI {
            switch error {
            case .forbidden: return JSON.problem(.forbidden, "forbidden", Texts.text("errorForbidden", context.language))
            case .notFound: return JSON.problem(.notFound, "not-found", Texts.text("errorNotFound", context.language))
            case .csrfRejected: return JSON.problem(.forbidden, "csrf", Texts.text("errorCsrf", context.language))
            case .tooLarge: return JSON.problem(.contentTooLarge, "too-large", Texts.text("errorTooLarge", context.language))
            }
        } catch APIProblem.malformed(let detail) {
            return JSON.problem(
                .badRequest,
                "malformed",
                Texts.text("apiMalformed", context.language) + (detail.isEmpty ? "" : " (\(detail))")
            )
        } catch let error as WebError {
            switch error {
            case .forbidden: return page(.forbidden, "errorForbidden", context)
            case .notFound: return page(.notFound, "errorNotFound", context)
            case .csrfRejected: return page(.forbidden, "errorCsrf", context)
            case .tooLarge: return page(.contentTooLarge, "errorTooLarge", context)
            }
        } catch let error as HTTPError where error.status == .notFound {
            return page(.notFound, "errorNotFound", context)
        } catch let error as HTTPError where (400..<500).contains(error.status.code) {
            throw error
        } catch  where isAPI {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return JSON.problem(.internalServerError, "server", Texts.text("errorServer", context.language))
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return page(.internalServerError, "errorServer", context)
        }
    }

    private func page(_ status: HTTPResponse.Status, _ key: String, _ context: Context) -> Response {
        site.renderer.page(
            .error,
            title: .key(key + "Title"),
            model: ErrorPage(message: Texts.text(key, context.language)),
            context: context,
            status: status
        )
    }
}

/// The error page: one sentence in the user's language.
struct ErrorPage: Sendable {
    let message: String
}
