import Hummingbird

/// The health probes (liveness, readiness), the stylesheet and the scripts.
struct SystemRoutes {
    let site: Site

    func register(on routes: RouteRegistrar) {
        // Liveness: the process answers; it touches no database, so an outage restarts nothing.
        routes.publicRoute(.get, "/livez") { _, _ in Self.json(.ok, #"{"status":"ok"}"#) }
        // Readiness (and /healthz, its older name): send traffic here only while this answers 200.
        for path in ["/readyz", "/healthz"] {
            routes.publicRoute(.get, path) { _, _ in await readiness() }
        }
        routes.publicRoute(.get, "/static/app.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: site.renderer.stylesheet))
            )
        }
        for (name, source) in [
            ("participant-mode.js", site.renderer.participantModeScript), ("definition-file.js", site.renderer.definitionFileScript),
            ("page.js", site.renderer.pageScript),
        ] {
            routes.publicRoute(.get, "/static/" + name) { _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: "text/javascript; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: source))
                )
            }
        }
    }

    /// 200 with every check "ok", else 503 naming the failed check; the reason goes to the log only.
    private func readiness() async -> Response {
        let logger = site.logger
        let checks = await site.services.health.probe { name, error in
            logger.error("readiness check failed", metadata: ["check": "\(name)", "error": "\(error)"])
        }
        let isReady = checks.allSatisfy(\.isPassed)
        let fields = checks.map { #""\#($0.name)":"\#($0.isPassed ? "ok" : "failed")""# }
        let body = #"{"status":"\#(isReady ? "ok" : "unavailable")",\#(fields.joined(separator: ","))}"#
        return Self.json(isReady ? .ok : .serviceUnavailable, body)
    }

    private static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
