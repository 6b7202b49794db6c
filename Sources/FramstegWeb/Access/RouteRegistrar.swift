import FramstegCore
import HTTPTypes
import Hummingbird

/// A route as declared: its method, path and the one action it needs (nil for public routes).
public struct RouteDeclaration: Hashable, Sendable, CustomStringConvertible {
    public let method: HTTPRequest.Method
    public let path: String
    public let action: Action?

    public var description: String { "\(method) \(path)" }
}

/// Registers routes so that none can exist without declaring its permission.
///
/// A protected handler runs only for a signed-in user whose role may ever perform the action;
/// object-level checks (this unit, this user) happen inside through `Site.authorize`.
final class RouteRegistrar {
    let router: Router<AppRequestContext>
    let site: Site
    private(set) var declarations: [RouteDeclaration] = []

    init(router: Router<AppRequestContext>, site: Site) {
        self.router = router
        self.site = site
    }

    typealias PublicHandler = @Sendable (Request, AppRequestContext) async throws -> Response
    typealias ProtectedHandler = @Sendable (Request, AppRequestContext, Principal) async throws -> Response

    func publicRoute(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping PublicHandler) {
        declarations.append(RouteDeclaration(method: method, path: path, action: nil))
        router.on(RouterPath(path), method: method, use: handler)
    }

    func route(_ method: HTTPRequest.Method, _ path: String, _ action: Action, _ handler: @escaping ProtectedHandler) {
        declarations.append(RouteDeclaration(method: method, path: path, action: action))
        let site = self.site
        router.on(RouterPath(path), method: method) { request, context -> Response in
            guard let principal = context.principal else {
                if request.uri.path.hasPrefix("/api/") {
                    return JSON.problem(.unauthorized, "unauthenticated", Texts.text("apiUnauthenticated", context.language))
                }
                return .redirect(to: context.sessionExpired ? "/sign-in?expired=1" : "/sign-in", type: .found)
            }
            guard Policy.roles(for: action).contains(principal.role) else {
                try await site.recordDenial(principal, action: action, path: request.uri.path, objectType: "route", objectID: nil)
                throw WebError.forbidden
            }
            return try await handler(request, context, principal)
        }
    }

    func get(_ path: String, _ action: Action, _ handler: @escaping ProtectedHandler) { route(.get, path, action, handler) }
    func post(_ path: String, _ action: Action, _ handler: @escaping ProtectedHandler) { route(.post, path, action, handler) }
    func patch(_ path: String, _ action: Action, _ handler: @escaping ProtectedHandler) { route(.patch, path, action, handler) }
}

extension Site {
    /// Asks the policy; on refusal writes an audit row and throws 403, or 404 where existence is sensitive.
    func authorize(_ principal: Principal, _ action: Action, _ resource: Resource, path: String) async throws {
        let decision = Policy.decide(principal, action, resource)
        guard decision != .allowed else { return }
        let (type, id) = resource.auditObject
        try await recordDenial(principal, action: action, path: path, objectType: type, objectID: id)
        throw decision == .hidden ? WebError.notFound : WebError.forbidden
    }

    func recordDenial(_ principal: Principal, action: Action, path: String, objectType: String, objectID: String?) async throws {
        logger.notice(
            "access denied",
            metadata: [
                "user": "\(principal.userID)", "role": "\(principal.role.rawValue)", "action": "\(action.rawValue)", "path": "\(path)",
            ]
        )
        try await audit(
            AuditEntry(
                at: now(),
                by: principal,
                action: "access.\(action.rawValue)",
                objectType: objectType,
                objectID: objectID,
                associationID: principal.associationID,
                result: .denied
            )
        )
    }
}

extension Resource {
    var auditObject: (type: String, id: String?) {
        switch self {
        case .ownAccount: ("account", nil)
        case .association(let id): ("association", id.description)
        case .unit(let id, _): ("unit", id.description)
        case .user(let id, _): ("user", id.description)
        case .participant(let id, _, _): ("participant", id.description)
        }
    }
}
