import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain HTTP/1.1 client over a loopback socket, so that `framsteg bench` times whole responses
/// as a browser receives them: the request written, the server's middleware, handler and template,
/// every byte of the answer read. Each request runs on a thread of its own, so waiting for the
/// server never holds one of the threads its handlers run on. One request per connection.
struct LoopbackHTTP: Sendable {
    struct Response: Sendable {
        let status: Int
        let headers: [(name: String, value: String)]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The `name=value` part of every `Set-Cookie`.
        var cookies: [String] {
            headers.filter { $0.name.lowercased() == "set-cookie" }.compactMap { $0.value.split(separator: ";").first.map(String.init) }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int

    func get(_ path: String, cookies: [String] = []) async throws -> Response {
        try await send("GET", path, cookies: cookies)
    }

    /// A form post, as a browser sends one.
    func post(_ path: String, form: [(String, String)], cookies: [String] = []) async throws -> Response {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = form.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
        return try await send(
            "POST",
            path,
            cookies: cookies,
            headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Data(body.utf8)
        )
    }

    /// Waits until something listens on the port (the server starting), for up to `seconds`.
    func waitUntilListening(seconds: Int = 30) async throws {
        for _ in 0..<(seconds * 10) {
            if (try? await get("/healthz")) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "nothing answered on 127.0.0.1:\(port) within \(seconds) s")
    }

    private func send(
        _ method: String,
        _ path: String,
        cookies: [String],
        headers: [(String, String)] = [],
        body: Data = Data()
    ) async throws -> Response {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if !cookies.isEmpty { head += "Cookie: \(cookies.joined(separator: "; "))\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        let request = Data((head + "\r\n").utf8) + body
        let port = self.port
        return try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try Self.exchange(request, port: port) }) }.start()
        }
    }

    private static func exchange(_ request: Data, port: Int) throws -> Response {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "no socket: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to 127.0.0.1:\(port): errno \(errno)") }
        try request.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let written = write(descriptor, buffer.baseAddress!.advanced(by: sent), buffer.count - sent)
                guard written > 0 else { throw Failure(description: "write failed: errno \(errno)") }
                sent += written
            }
        }
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            guard count >= 0 else { throw Failure(description: "read failed: errno \(errno)") }
            if count == 0 { break }
            received.append(contentsOf: chunk[0..<count])
        }
        return try parse(received)
    }

    private static func parse(_ data: Data) throws -> Response {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no complete response") }
        let lines = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line: \(lines[0])") }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Data(data[split.upperBound...])
        if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            body = try dechunked(body)
        }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunked(_ data: Data) throws -> Data {
        var result = Data()
        var rest = data[...]
        while let line = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<line.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw Failure(description: "bad chunk size")
            }
            if size == 0 { break }
            let start = line.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { throw Failure(description: "short chunk") }
            let end = rest.index(start, offsetBy: size)
            result.append(rest[start..<end])
            rest = rest[(rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex)...]
        }
        return result
    }
}
