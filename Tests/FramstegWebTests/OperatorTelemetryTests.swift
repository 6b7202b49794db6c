import Foundation
import FramstegStore
import FramstegTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import FramstegWeb

/// What an operator gets to watch the service with (issue 21): Prometheus metrics per route, a JSON
/// log format, and an access log; none of it says anything about a person.
@Suite("Metrics and logs for the operator")
struct OperatorTelemetryTests {
    @Test("metrics count and time each request by route pattern, never by path or query")
    func metricsPerRoute() async throws {
        let metrics = OperatorMetrics.shared
        try await TestApp.run { fixture, client in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            #expect(try await browser.get("/participants/\(fixture.participantA1)").status == .ok)
            #expect(try await browser.get("/participants/\(fixture.participantA1)?q=Sara").status == .ok)
        }
        let text = metrics.exposition()
        #expect(text.contains(#"hb_requests{http_route="/participants/{participant}""#), "\(text.prefix(2000))")
        #expect(text.contains("http_server_request_duration_count"))
        // No path with an id, no query, no name.
        #expect(!text.contains("/participants/1\""))
        #expect(!text.contains("Sara"))
    }

    @Test("the metrics port answers GET /metrics in Prometheus's text format")
    func metricsEndpoint() async throws {
        let app = Application(router: OperatorMetrics.shared.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            }
            try await client.execute(uri: "/", method: .get) { response in #expect(response.status == .notFound) }
        }
    }

    @Test("swift-metrics' dotted labels become Prometheus names")
    func names() {
        #expect(OperatorMetrics.prometheusName("http.server.request.duration") == "http_server_request_duration")
        #expect(OperatorMetrics.prometheusName("hb.requests") == "hb_requests")
    }

    @Test("a JSON log line is one object with time, level, label, message, source and the metadata")
    func jsonLog() throws {
        let lines = Lines()
        var logger = Logger(label: "framsteg.test") { label in JSONLogHandler(label: label, write: { lines.append($0) }) }
        logger[metadataKey: "node"] = "a"
        logger.warning("database unavailable", metadata: ["path": "/overview", "tries": .array(["1", "2"])])
        let written = lines.all
        #expect(written.count == 1 && written[0].hasSuffix("\n") && !written[0].dropLast().contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any])
        #expect(object["level"] as? String == "warning")
        #expect(object["label"] as? String == "framsteg.test")
        #expect(object["message"] as? String == "database unavailable")
        #expect(object["node"] as? String == "a")
        #expect(object["path"] as? String == "/overview")
        #expect(object["tries"] as? [String] == ["1", "2"])
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
        #expect(object["source"] as? String == "FramstegWebTests")
    }

    @Test("the access log names method, route, status and duration, and nothing about the person")
    func accessLog() async throws {
        let log = CapturedLog()
        var logger = log.logger
        logger.logLevel = .info
        try await TestApp.run(logger: logger, configure: { $0.accessLog = true }) { fixture, client in
            let browser = TestBrowser(client, address: "198.51.100.7")
            try await browser.signIn(Fixture.email(.counsellor))
            try await browser.get("/participants/\(fixture.participantA1)?q=Sara")
        }
        let lines = log.text.split(separator: "\n").filter { $0.contains(" request ") }
        #expect(
            lines.contains { $0.contains("/participants/{participant}") && $0.contains("200") && $0.contains("duration_ms") },
            "\(log.text.suffix(3000))"
        )
        for line in lines {
            #expect(!line.contains("198.51.100.7") && !line.contains("Sara") && !line.contains("?q="), "\(line)")
            #expect(!line.contains(Fixture.email(.counsellor)), "\(line)")
        }
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }
}
