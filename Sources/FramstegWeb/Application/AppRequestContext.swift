import FramstegCore
import FramstegStore
import Hummingbird
import NIOCore

/// Per-request state: who is signed in, in which language the page speaks, the parsed form.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's address as the socket sees it; a trusted proxy's header may replace it.
    public let socketAddress: String?
    public var session: ActiveSession?
    public var language: Language = .swedish
    /// The token forms on this page must echo back: the session's, or the anonymous cookie's.
    public var csrfToken: String = ""
    /// Cookies to set on the response (the anonymous CSRF cookie on first visit).
    public var cookiesToSet: [Cookie] = []
    /// The url-encoded body of a POST, read once by the CSRF check.
    public var form = FormData()
    public var clientAddress: String = "unknown"
    public var isSecureRequest = false
    /// The request carried a session cookie whose session has ended (idle, absolute limit, or disabled user).
    public var sessionExpired = false
    /// How long the session lasts without a request, for the page's warning before it ends.
    public var sessionIdleSeconds = 0
    /// The path of the request, to mark the current page in the menu.
    public var requestPath = "/"
    /// A confirmation to show after a redirect (`?notice=saved`).
    var notice: Notice?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.socketAddress = source.channel.remoteAddress?.ipAddress
    }

    public var principal: Principal? { session?.user.principal }
}

/// A signed-in session with its user, as loaded for the current request.
public struct ActiveSession: Sendable {
    public let record: SessionRecord
    public let user: User
}
