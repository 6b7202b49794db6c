import Hummingbird

/// Health check for load balancers, the stylesheet and the scripts.
struct SystemRoutes {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.publicRoute(.get, "/healthz") { _, _ in
            do {
                try await site.services.health.checkDatabase()
                return Response(
                    status: .ok,
                    headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#))
                )
            } catch {
                site.logger.error("health check failed", metadata: ["error": "\(error)"])
                return Response(
                    status: .serviceUnavailable,
                    headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: #"{"status":"database unavailable"}"#))
                )
            }
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
}
