import FramstegCore
import FramstegStore
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Builds the router with every page, behind the middleware that every request passes.
///
/// Returns the declarations too, so tests can check that each route has an entry in the access matrix.
public func buildRouter(site: Site) -> (router: Router<AppRequestContext>, declarations: [RouteDeclaration]) {
    let router = Router(context: AppRequestContext.self)
    // Outermost, so they see every answer as sent: per-route counts and latency for the
    // operator's metrics (recording nothing unless `serve` bootstrapped them), the access log.
    router.add(middleware: MetricsMiddleware())
    if site.configuration.accessLog { router.add(middleware: AccessLogMiddleware()) }
    router.addMiddleware {
        SecurityHeadersMiddleware(configuration: site.configuration)
        SessionMiddleware(site: site)
        InstrumentRefreshMiddleware(site: site)
        ParticipantModeMiddleware()
        ErrorPageMiddleware(site: site)
        BodyLimitMiddleware(maximumSize: site.configuration.limits.maximumBodySize)
        CSRFMiddleware(maximumFormSize: site.configuration.limits.maximumBodySize)
        FormSendMiddleware(site: site)
    }
    let routes = RouteRegistrar(router: router, site: site)
    SystemRoutes(site: site).register(on: routes)
    SignInPages(site: site).register(on: routes)
    SecondFactorPages(site: site).register(on: routes)
    IdentityProviderPages(site: site).register(on: routes)
    SettingsPages(site: site).register(on: routes)
    AccountSetupPages(site: site).register(on: routes)
    AssociationAdminPages(site: site).register(on: routes)
    MunicipalityAdminPages(site: site).register(on: routes)
    UnitAdminPages(site: site).register(on: routes)
    GoalAdminPages(site: site).register(on: routes)
    EligibilityAdminPages(site: site).register(on: routes)
    UserAdminPages(site: site).register(on: routes)
    AuditLogPages(site: site).register(on: routes)
    LogReviewPages(site: site).register(on: routes)
    ExtractPages(site: site).register(on: routes)
    RetentionPages(site: site).register(on: routes)
    AccessReviewPages(site: site).register(on: routes)
    InstrumentAdminPages(site: site).register(on: routes)
    OverviewPages(site: site).register(on: routes)
    RecordPages(site: site).register(on: routes)
    SearchPages(site: site).register(on: routes)
    ActivityPages(site: site).register(on: routes)
    MeetingPages(site: site).register(on: routes)
    MeasurementPages(site: site).register(on: routes)
    PlanPages(site: site).register(on: routes)
    ParticipantModePages(site: site).register(on: routes)
    SurveyPages(site: site).register(on: routes)
    SurveyResultsPages(site: site).register(on: routes)
    FollowUpPages(site: site).register(on: routes)
    NationalDeliveryPages(site: site).register(on: routes)
    ParticipantAPI(site: site).register(on: routes)
    PublicRegistrationPages(site: site).register(on: routes)
    AccessibilityPages(site: site).register(on: routes)
    return (router, routes.declarations)
}

/// The whole HTTP application, ready to run as a service or to test with `app.test(.router)`.
public func buildApplication(site: Site, logger: Logger) -> some ApplicationProtocol {
    let (router, _) = buildRouter(site: site)
    let limits = site.configuration.limits
    return Application(
        router: router,
        server: .limited(limits),
        configuration: .init(
            address: .hostname(site.configuration.host, port: site.configuration.port),
            serverName: "Framsteg",
            availableConnectionsDelegate: MaximumAvailableConnections(limits.maximumConnections, logger: logger)
        ),
        logger: logger
    )
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with the idle timeout and the deadline on each request's head.
    static func limited(_ limits: ServerLimits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            HeaderTimeoutChannel(
                responder: responder,
                configuration: HTTP1Channel.Configuration(idleTimeout: TimeAmount(limits.idleTimeout)),
                headerTimeout: TimeAmount(limits.headerTimeout)
            )
        }
    }
}
