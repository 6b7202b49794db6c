import FramstegCore
import HTTPTypes
import Hummingbird

/// While a session is handed to a participant, nothing of the system but participant mode answers:
/// every other page sends them back to their questions, the API refuses, and pages speak the
/// participant's language. The counsellor ends it with their PIN or password at `/take/return`.
struct ParticipantModeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Participant mode's own pages and the files they load.
    static func isAllowed(_ path: String) -> Bool {
        path == "/take" || path.hasPrefix("/take/") || path == "/static/app.css" || path == "/static/participant-mode.js"
            || path == "/static/page.js" || path == "/accessibility"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let handover = context.session?.record.handover else { return try await next(request, context) }
        var context = context
        context.language = handover.language
        let path = request.uri.path
        guard Self.isAllowed(path) else {
            context.logger.notice("participant mode kept a request from leaving", metadata: ["path": "\(path)"])
            if path.hasPrefix("/api/") {
                return JSON.problem(.forbidden, "participant-mode", Texts.text("apiParticipantMode", context.language))
            }
            return .redirect(to: "/take", type: .normal)
        }
        return try await next(request, context)
    }
}
