import FramstegCore
import Hummingbird
import Logging

/// One log line per request for the operator: method, the route's pattern, status and duration.
/// Nothing about the person: no path with its ids, no query (a search holds names), no address,
/// no user or session.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context, status: status, since: start)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant) {
        let milliseconds = (ContinuousClock.now - start).inMilliseconds
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method)",
                "route": "\(context.endpointPath ?? (request.uri.path.hasPrefix("/static/") ? "/static" : "unmatched"))",
                "status": "\(status)",
                "duration_ms": "\((milliseconds * 10).rounded() / 10)",
            ]
        )
    }
}
