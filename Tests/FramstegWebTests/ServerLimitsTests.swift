import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(Glibc)
import Glibc

private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let noSignal = Int32(MSG_NOSIGNAL)
#else
import Darwin

private let streamSocket = SOCK_STREAM
private let noSignal: Int32 = 0
#endif

private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
private func sendBytes(_ descriptor: Int32, _ bytes: [UInt8]) -> Int { send(descriptor, bytes, bytes.count, noSignal) }

@Suite("Server limits", .serialized)
struct ServerLimitsTests {
    @Test("a body over the configured limit answers 413, on a page and in the API, before a handler reads it")
    func configuredBodyLimit() async throws {
        try await TestApp.run(configure: { $0.limits.maximumBodySize = 1000 }) { _, client throws in
            let page = try await client.execute(
                uri: "/sign-in",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "email=" + String(repeating: "a", count: 1200))
            )
            #expect(page.status == .contentTooLarge)
            #expect(String(buffer: page.body).contains("Det som skickades var för stort."))
            let api = try await client.execute(
                uri: "/api/units/1/participants",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"name":""# + String(repeating: "a", count: 1200) + #""}"#)
            )
            #expect(api.status == .contentTooLarge)
            #expect(String(buffer: api.body).contains(#""error":"too-large""#))
            let small = try await client.execute(
                uri: "/sign-in",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "email=a")
            )
            #expect(small.status == .forbidden, "under the limit it reaches the CSRF check")
        }
    }

    @Test("an idle connection is closed after the idle timeout; a complete request is answered first")
    func idleTimeout() async throws {
        try await Self.serve(port: 18_341, { $0.idleTimeout = .seconds(1) }) { port in
            let idle = try RawConnection(port: port)
            let closed = await idle.secondsUntilClosed(limit: 8)
            #expect(closed.map { $0 >= 0.8 && $0 < 4 } == true, "closed after \(String(describing: closed)) s")
            let used = try RawConnection(port: port)
            used.send("GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(await used.receive().hasPrefix("HTTP/1.1 200"))
            #expect(await used.secondsUntilClosed(limit: 8) != nil)
        }
    }

    @Test("a request head that trickles in is cut off at the header timeout, though bytes keep coming")
    func headerTimeout() async throws {
        try await Self.serve(port: 18_342, { $0.headerTimeout = .seconds(1) }) { port in
            let slow = try RawConnection(port: port)
            let start = ContinuousClock.now
            slow.send("GET /livez HTTP/1.1\r\nHost: localhost\r\n")
            var cutOff = false
            for _ in 0..<30 where !cutOff {
                try await Task.sleep(for: .milliseconds(200))
                cutOff = !slow.send("X-Slow: a\r\n")
            }
            let elapsed = ContinuousClock.now - start
            #expect(cutOff)
            #expect(elapsed < .seconds(4), "cut off after \(elapsed), with the idle timeout at 60 s")
        }
    }

    @Test("beyond the connection cap a new connection waits until one closes")
    func connectionCap() async throws {
        // Idle sockets are not closed during the test; a starved run may take long between steps.
        let limits = { (limits: inout ServerLimits) in
            limits.maximumConnections = 2
            limits.idleTimeout = .seconds(300)
        }
        try await Self.serve(port: 18_343, limits) { port in
            var open: [RawConnection] = []
            for _ in 0..<2 {
                // Answered, so the server has accepted it before the next connects: connections that
                // wait in the backlog together can be accepted in one read, past the cap (seen on a
                // starved full run).
                let connection = try RawConnection(port: port)
                connection.send("GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n")
                #expect(await connection.receive().hasPrefix("HTTP/1.1 200"), "an open connection within the cap is served")
                open.append(connection)
            }
            let waiting = try RawConnection(port: port, receiveTimeout: 1)
            waiting.send("GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(await waiting.receive().isEmpty, "no answer while two are open")
            open.removeFirst().close()
            waiting.setReceiveTimeout(5)
            #expect(await waiting.receive().hasPrefix("HTTP/1.1 200"))
        }
    }

    /// Serves the real application on a loopback port with these limits while `body` runs.
    static func serve(
        port: Int,
        _ limits: @escaping (inout ServerLimits) -> Void,
        _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        var configuration = WebConfiguration(host: "127.0.0.1", port: port, bcryptCost: 4)
        limits(&configuration.limits)
        let finalConfiguration = configuration
        try await TestDatabase.sqlite.withFreshStore { store in
            let site = try await Site(store: store, keyring: TestKeys.keyring, configuration: finalConfiguration, logger: TestApp.logger)
            let app = buildApplication(site: site, logger: TestApp.logger)
            let server = Task { try await app.runService(gracefulShutdownSignals: []) }
            defer { server.cancel() }
            for _ in 0..<100 where (try? RawConnection(port: port)) == nil { try await Task.sleep(for: .milliseconds(100)) }
            try await body(port)
            server.cancel()
            _ = try? await server.value
        }
    }
}

/// A client at the socket level: what a slow, idle or waiting client does, byte by byte.
final class RawConnection: @unchecked Sendable {
    struct Refused: Error {}
    private let descriptor: Int32

    init(port: Int, receiveTimeout: Int = 8) throws {
        descriptor = socket(AF_INET, streamSocket, 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            // Closed here, and marked so: deinit still runs after a throwing init once every
            // property is set, and a second close() would close whatever descriptor the number
            // belongs to by then (a server's listening socket: NIO then stops on EBADF).
            close()
            throw Refused()
        }
        setReceiveTimeout(receiveTimeout)
    }

    deinit { close() }

    func setReceiveTimeout(_ seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Whether the bytes went out (false once the server has closed the connection).
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return sendBytes(descriptor, bytes) == bytes.count
    }

    /// Runs a blocking socket call on a thread of its own: blocking one of the few threads of
    /// the concurrency pool would starve the server under test and every other suite.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in Thread { continuation.resume(returning: body()) }.start() }
    }

    /// What arrives before the receive timeout (empty when nothing does, or the server closed).
    func receive() async -> String { await Self.onThread { self.receiveNow() } }

    /// Seconds until the server closes the connection, nil if it is still open after `limit`.
    func secondsUntilClosed(limit: Int) async -> Double? { await Self.onThread { self.waitForClose(limit: limit) } }

    private func receiveNow() -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }

    private func waitForClose(limit: Int) -> Double? {
        setReceiveTimeout(limit)
        let start = Date()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 || (count < 0 && errno == ECONNRESET) { return Date().timeIntervalSince(start) }
            if count < 0 { return nil }
        }
    }

    private var isClosed = false

    func close() {
        guard !isClosed else { return }
        isClosed = true
        closeDescriptor(descriptor)
    }
}
