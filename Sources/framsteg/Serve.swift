import ArgumentParser
import Foundation
import FramstegStore
import FramstegWeb
import Hummingbird
import Logging
import ServiceLifecycle

/// Runs the web server until SIGTERM or SIGINT, after bringing the database schema up to date.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the web server (runs pending migrations first).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var keys: KeyOptions
    @OptionGroup var checkpoints: CheckpointOptions

    @Option(help: "Address to listen on (env: FRAMSTEG_HOST).")
    var host: String = ProcessInfo.processInfo.environment["FRAMSTEG_HOST"] ?? "127.0.0.1"

    @Option(help: "Port to listen on (env: FRAMSTEG_PORT).")
    var port: Int = Int(ProcessInfo.processInfo.environment["FRAMSTEG_PORT"] ?? "") ?? 8080

    // The flags default to false (ArgumentParser refuses a flag that starts true); their
    // environment variables are read in `run`, through `EnvironmentFlag`.
    @Flag(help: "Mark cookies Secure: the app is reached over HTTPS (env: FRAMSTEG_SECURE_COOKIES=1).")
    var secureCookies = false

    @Flag(help: "Trust X-Forwarded-For and X-Forwarded-Proto from a reverse proxy (env: FRAMSTEG_TRUST_PROXY=1).")
    var trustProxy = false

    @Option(help: "With --trust-proxy: the proxies' addresses, comma-separated (env: FRAMSTEG_TRUSTED_PROXIES; default 127.0.0.1,::1).")
    var trustedProxies: String = ProcessInfo.processInfo.environment["FRAMSTEG_TRUSTED_PROXIES"] ?? "127.0.0.1,::1"

    @OptionGroup var limits: LimitOptions

    @Option(help: "Serve Prometheus metrics at /metrics on this port (env: FRAMSTEG_METRICS_PORT; default: no metrics).")
    var metricsPort: Int? = Int(ProcessInfo.processInfo.environment["FRAMSTEG_METRICS_PORT"] ?? "")

    @Option(help: "Address the metrics port listens on (env: FRAMSTEG_METRICS_HOST; default 127.0.0.1).")
    var metricsHost: String = ProcessInfo.processInfo.environment["FRAMSTEG_METRICS_HOST"] ?? "127.0.0.1"

    @Flag(help: "Log a line per request: method, route, status, duration; no address, user or query (env: FRAMSTEG_ACCESS_LOG=1).")
    var accessLog = false

    /// Graceful shutdown (finishing requests in flight) may take this long; then what is left is cancelled.
    static let shutdownGrace: Duration = .seconds(8)

    func run() async throws {
        let logger = Logger.framsteg()
        let environment = ProcessInfo.processInfo.environment
        func flag(_ name: String) throws -> Bool {
            do { return try EnvironmentFlag.isOn(name, in: environment) } catch { throw CommandFailure(message: error.description) }
        }
        var settings = WebConfiguration(
            host: host,
            port: port,
            secureCookies: try secureCookies || flag("FRAMSTEG_SECURE_COOKIES"),
            trustForwardedHeaders: try trustProxy || flag("FRAMSTEG_TRUST_PROXY")
        )
        // Only for an identity provider running beside the tests: plain HTTP on loopback.
        settings.allowsLoopbackIdentityProvider = try flag("FRAMSTEG_ALLOW_LOOPBACK_IDENTITY_PROVIDER")
        settings.trustedProxies = Set(trustedProxies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        settings.limits = try limits.serverLimits()
        settings.accessLog = try accessLog || flag("FRAMSTEG_ACCESS_LOG")
        // Bound before the first request, so every metric reaches the registry.
        let metrics = metricsPort.map { port in (OperatorMetrics.shared, port) }
        let configuration = settings
        let location = database.location
        let keyring = try keys.privateKeyring()
        let sink = try checkpoints.sink()
        if !keyring.hasOwnAuditKey {
            logger.notice("the key file has no audit line: the audit key is derived from the lookup key")
        }
        try await database.withStore(logger: logger, auditKey: keyring.auditKey) { store in
            let applied = try await StartupChecks.run(store, keyring: keyring)
            // What older versions left in the clear is sealed before anything reads it.
            let sealed = try await PlaintextSealing(keyring: keyring).run(store)
            logger.info(
                "database ready",
                metadata: ["database": "\(location)", "migrations.applied": "\(applied)", "values.sealed": "\(sealed)"]
            )
            let site = try await Site(store: store, keyring: keyring, configuration: configuration, logger: logger)
            let app = buildApplication(site: site, logger: logger)
            print("Framsteg is running at http://\(configuration.host):\(configuration.port)/ (stop with Ctrl-C)")
            try await Self.withDailyRetention(RetentionRun(store: store, keyring: keyring), logger: logger) {
                var services: [any Service] = [app]
                if let (registry, port) = metrics {
                    services.append(registry.application(host: metricsHost, port: port, logger: logger))
                    print("Metrics for Prometheus at http://\(metricsHost):\(port)/metrics")
                }
                guard let sink else { return try await Self.runService(services, logger: logger) }
                try await Self.runWithCheckpoints(services, AuditCheckpointer(store: store, sink: sink), logger: logger)
            }
        }
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight within `shutdownGrace`
    /// and cancels the rest.
    static func runService(_ services: [any Service], logger: Logger) async throws {
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownGrace
        try await ServiceGroup(configuration: configuration).run()
    }

    /// Runs `body` (the server) while retention runs a minute after start and then every 24 hours;
    /// a failed run is logged and tried again at the next.
    static func withDailyRetention(
        _ retention: RetentionRun,
        logger: Logger,
        _ body: @escaping @Sendable () async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var wait: Duration = .seconds(60)
                while (try? await Task.sleep(for: wait)) != nil {
                    do {
                        let report = try await retention.run(now: Date())
                        logger.info(
                            "retention ran",
                            metadata: ["records.thinned": "\(report.recordTotal)", "audit.removed": "\(report.auditRows)"]
                        )
                    } catch {
                        logger.error("retention failed", metadata: ["error": "\(error)"])
                    }
                    wait = .seconds(24 * 60 * 60)
                }
            }
            try await body()
            group.cancelAll()
        }
    }

    /// Serves while writing a checkpoint of the audit log's head at start, every minute in which it
    /// moved, and after the graceful shutdown if it moved since. A sink that cannot be written at start
    /// stops `serve`.
    static func runWithCheckpoints(_ services: [any Service], _ checkpointer: AuditCheckpointer, logger: Logger) async throws {
        let first: AuditCheckpoint?
        do { first = try await checkpointer.write() } catch { throw CommandFailure(message: "audit checkpoints: \(error)") }
        let last = try await withThrowingTaskGroup(of: Int64?.self) { group in
            group.addTask {
                await checkpointer.run(every: .seconds(60), after: first?.sequence) { error in
                    logger.error("audit checkpoint not written", metadata: ["error": "\(error)"])
                }
            }
            try await Self.runService(services, logger: logger)
            group.cancelAll()
            return try await group.next() ?? nil
        }
        try await checkpointer.write(unlessAt: last)
    }
}

/// The server's limits (`ServerLimits`), each with an environment variable.
struct LimitOptions: ParsableArguments {
    static let environment = ProcessInfo.processInfo.environment

    @Option(help: "Seconds a keep-alive connection may sit idle before it is closed (env: FRAMSTEG_IDLE_TIMEOUT; default 60).")
    var idleTimeout = Int(environment["FRAMSTEG_IDLE_TIMEOUT"] ?? "") ?? 60

    @Option(help: "Seconds a request's line and headers may take to arrive (env: FRAMSTEG_HEADER_TIMEOUT; default 10).")
    var headerTimeout = Int(environment["FRAMSTEG_HEADER_TIMEOUT"] ?? "") ?? 10

    @Option(help: "Open connections at most; more wait in the backlog (env: FRAMSTEG_MAX_CONNECTIONS; default 512).")
    var maxConnections = Int(environment["FRAMSTEG_MAX_CONNECTIONS"] ?? "") ?? 512

    @Option(help: "Largest request body in bytes; a larger one answers 413 (env: FRAMSTEG_MAX_BODY_SIZE; default 1048576).")
    var maxBodySize = Int(environment["FRAMSTEG_MAX_BODY_SIZE"] ?? "") ?? 1024 * 1024

    func serverLimits() throws -> ServerLimits {
        guard idleTimeout > 0, headerTimeout > 0, maxConnections > 0, maxBodySize > 0 else {
            throw CommandFailure(message: "--idle-timeout, --header-timeout, --max-connections and --max-body-size take positive numbers")
        }
        var limits = ServerLimits()
        limits.idleTimeout = .seconds(idleTimeout)
        limits.headerTimeout = .seconds(headerTimeout)
        limits.maximumConnections = maxConnections
        limits.maximumBodySize = maxBodySize
        return limits
    }
}
