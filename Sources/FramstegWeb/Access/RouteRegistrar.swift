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

/// Registers routes so that none can exist without declaring its permission and what it acts on.
///
/// A route is its method, path, action and `RouteResource`. Before the handler runs, the registrar
/// checks that someone is signed in, that their role may ever perform the action, finds the resource
/// named by the request, asks `Policy.decide` once, and on refusal writes the audit row and answers
/// 403 (404 for another association's objects). The handler gets the principal and the authorised
/// object; it never asks the policy itself.
final class RouteRegistrar {
    let router: Router<AppRequestContext>
    let site: Site
    private(set) var declarations: [RouteDeclaration] = []

    init(router: Router<AppRequestContext>, site: Site) {
        self.router = router
        self.site = site
    }

    typealias PublicHandler = @Sendable (Request, AppRequestContext) async throws -> Response
    /// Gets who asked and the object the policy allowed them to act on.
    typealias Handler<Object: Sendable> = @Sendable (Request, AppRequestContext, Principal, Object) async throws -> Response

    func publicRoute(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping PublicHandler) {
        declarations.append(RouteDeclaration(method: method, path: path, action: nil))
        router.on(RouterPath(path), method: method, use: handler)
    }

    func route<Object: Sendable>(
        _ method: HTTPRequest.Method,
        _ path: String,
        _ action: Action,
        _ resource: RouteResource<Object>,
        _ handler: @escaping Handler<Object>
    ) {
        declarations.append(RouteDeclaration(method: method, path: path, action: action))
        let site = self.site
        router.on(RouterPath(path), method: method) { request, context -> Response in
            guard let principal = context.principal else {
                if request.uri.path.hasPrefix("/api/") {
                    return JSON.problem(.unauthorized, "unauthenticated", Texts.text("apiUnauthenticated", context.language))
                }
                guard context.sessionExpired else { return .redirect(to: "/sign-in", type: .found) }
                let page = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return .redirect(to: ReturnPath.signIn(expired: "1", returningTo: method == .get ? page : nil), type: .found)
            }
            let path = request.uri.path
            guard Policy.roles(for: action).contains(principal.role) else {
                try await site.recordDenial(principal, action: action, path: path, objectType: "route", objectID: nil)
                throw WebError.forbidden
            }
            guard let located = try await resource.locate(site, request, context, principal) else { throw WebError.notFound }
            if let judged = located.resource {
                let decision = Policy.decide(principal, action, judged)
                guard decision == .allowed else {
                    let (type, id) = judged.auditObject
                    try await site.recordDenial(
                        principal,
                        action: action,
                        path: path,
                        objectType: type,
                        objectID: id,
                        unitID: judged.unitID
                    )
                    throw decision == .hidden ? WebError.notFound : WebError.forbidden
                }
            }
            // Only now is anything personal read: the policy has seen where the object belongs.
            guard let object = try await located.load() else { throw WebError.notFound }
            return try await handler(request, context, principal, object)
        }
    }

    func get<Object: Sendable>(
        _ path: String,
        _ action: Action,
        _ resource: RouteResource<Object>,
        _ handler: @escaping Handler<Object>
    ) {
        route(.get, path, action, resource, handler)
    }

    func post<Object: Sendable>(
        _ path: String,
        _ action: Action,
        _ resource: RouteResource<Object>,
        _ handler: @escaping Handler<Object>
    ) {
        route(.post, path, action, resource, handler)
    }

    func patch<Object: Sendable>(
        _ path: String,
        _ action: Action,
        _ resource: RouteResource<Object>,
        _ handler: @escaping Handler<Object>
    ) {
        route(.patch, path, action, resource, handler)
    }
}

extension Site {
    /// Writes the audit row of a refusal (and a log line without personal data).
    func recordDenial(
        _ principal: Principal,
        action: Action,
        path: String,
        objectType: String,
        objectID: String?,
        unitID: UnitID? = nil
    ) async throws {
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
                action: .accessDenied(action),
                objectType: objectType,
                objectID: objectID,
                associationID: principal.associationID,
                unitID: unitID,
                result: .denied
            )
        )
    }
}

extension Resource {
    /// The unit the judged object belongs to, for the audit row of a refusal.
    var unitID: UnitID? {
        switch self {
        case .unit(let id, _): id
        case .participant(_, let unitID, _): unitID
        case .ownAccount, .association, .user, .nationalDelivery: nil
        }
    }

    var auditObject: (type: String, id: String?) {
        switch self {
        case .ownAccount: ("account", nil)
        case .association(let id): ("association", id.description)
        case .unit(let id, _): ("unit", id.description)
        case .user(let id, _): ("user", id.description)
        case .participant(let id, _, _): ("participant", id.description)
        case .nationalDelivery(let delivery, _): ("delivery", delivery.rawValue)
        }
    }
}
