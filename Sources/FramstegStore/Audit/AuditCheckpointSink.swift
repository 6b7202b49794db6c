import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where checkpoints go, outside the database: `file:/path` (lines appended to a file created 0600) or
/// `syslog` (the system logger, facility auth). Keep the file on other storage than the database, or let
/// syslog forward it to a host the database's administrators cannot write.
public enum AuditCheckpointSink: Equatable, Sendable, CustomStringConvertible {
    case file(path: String)
    case syslog

    public init?(parsing text: String) {
        if text == "syslog" {
            self = .syslog
        } else if text.hasPrefix("file:"), text.count > 5 {
            self = .file(path: String(text.dropFirst(5)))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .file(let path): "file:\(path)"
        case .syslog: "syslog"
        }
    }

    public struct WriteFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Appends one line. A file is opened for appending each time, so rotating it away is safe.
    public func write(_ line: String) throws {
        switch self {
        case .file(let path):
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw WriteFailure(description: "cannot open \(path) for appending") }
            defer { close(descriptor) }
            let bytes = Array((line + "\n").utf8)
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard written == bytes.count else { throw WriteFailure(description: "could not write to \(path)") }
        case .syslog:
            #if canImport(Glibc)
            openlog("framsteg", LOG_PID, LOG_AUTH)
            withVaList([line]) { vsyslog(LOG_NOTICE, "%s", $0) }
            #else
            throw WriteFailure(description: "syslog is not available on this system")
            #endif
        }
    }
}

/// Writes checkpoints of the audit log's head to a sink: on demand, and from `serve` every interval
/// in which the head moved.
public struct AuditCheckpointer: Sendable {
    let store: Store
    let sink: AuditCheckpointSink
    let now: @Sendable () -> Date

    public init(store: Store, sink: AuditCheckpointSink, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.sink = sink
        self.now = now
    }

    /// Writes a checkpoint of the head unless it is still at `unchanged`; returns the head's sequence.
    @discardableResult
    public func write(unlessAt unchanged: Int64? = nil) async throws -> AuditCheckpoint? {
        guard let key = store.auditKey else { throw AuditLog.KeyMissing() }
        let checkpoint = try await store.read { db in try await AuditLog(db).checkpoint(at: now()) }
        if checkpoint.sequence == unchanged { return nil }
        try sink.write(checkpoint.line(signedWith: key))
        return checkpoint
    }

    /// Until cancelled: a checkpoint every `interval` in which the log grew. A failed write is reported
    /// to `failed` and tried again next time. Returns the sequence of the last checkpoint written.
    public func run(every interval: Duration, after written: Int64?, failed: @Sendable (any Error) -> Void) async -> Int64? {
        var last = written
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return last }
            do {
                if let checkpoint = try await write(unlessAt: last) { last = checkpoint.sequence }
            } catch {
                failed(error)
            }
        }
        return last
    }
}
