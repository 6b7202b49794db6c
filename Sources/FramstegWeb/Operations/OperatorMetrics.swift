import Hummingbird
import Logging
import Metrics
import NIOCore
import Prometheus

/// The metrics an operator scrapes with Prometheus: requests per route (count and latency, by
/// method and status; the route's pattern, never a path with its ids or a query) and requests in
/// flight. Served on a port of its own, which need not be reachable from outside.
public final class OperatorMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry

    private init(registry: PrometheusCollectorRegistry) { self.registry = registry }

    /// The process's one registry, bound to swift-metrics on first use (the backend can be set once).
    public static let shared: OperatorMetrics = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, dimensions in
            (prometheusName(name), dimensions.map { (prometheusName($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
        return OperatorMetrics(registry: registry)
    }()

    /// Everything recorded so far, in Prometheus's text format.
    public func exposition() -> String { registry.emitToString() }

    /// A server answering `GET /metrics` on `host:port`, and nothing else.
    public func application(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "Framsteg metrics"),
            logger: logger
        )
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/metrics") { [registry] _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
        return router
    }

    /// Prometheus names take letters, digits, `_` and `:` (swift-metrics' labels carry dots).
    static func prometheusName(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") ? $0 : "_" })
    }
}
