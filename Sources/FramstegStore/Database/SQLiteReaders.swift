import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// Connections that only read, beside SQLite's one writer. In WAL mode each reads the last
/// committed state while the writer writes, so a long report never stalls a counsellor's save
/// nor a health check. Each connection has a thread of its own and serves one read at a time;
/// a read waits only when all of them are busy.
final class SQLiteReaders: Sendable {
    /// Two: the machines this runs on have few cores, and each reader holds a 64 MiB page cache.
    static let standardCount = 2

    /// `FRAMSTEG_SQLITE_READERS` (0 to 8; 0 reads on the writer's connection, as before), else two.
    static var configuredCount: Int {
        guard let text = ProcessInfo.processInfo.environment["FRAMSTEG_SQLITE_READERS"], let count = Int(text) else { return standardCount }
        return min(max(count, 0), 8)
    }

    private let connections: [SQLiteConnection]
    private let threads: [NIOThreadPool]
    private let free: FreeList

    private init(connections: [SQLiteConnection], threads: [NIOThreadPool]) {
        self.connections = connections
        self.threads = threads
        self.free = FreeList(count: connections.count)
    }

    /// Opens `count` read-only connections to the database the writer has opened (and put in WAL mode).
    static func open(path: String, count: Int, logger: Logger) async throws -> SQLiteReaders {
        var connections: [SQLiteConnection] = []
        var threads: [NIOThreadPool] = []
        do {
            for _ in 0..<count {
                let thread = NIOThreadPool(numberOfThreads: 1)
                thread.start()
                threads.append(thread)
                let connection = try await SQLiteConnection.open(
                    storage: .file(path: path),
                    threadPool: thread,
                    logger: logger,
                    on: MultiThreadedEventLoopGroup.singleton.any()
                )
                connections.append(connection)
                let db = Store.unlogged(connection)
                // A read that tried to write would fail here, not quietly take the writer's place.
                try await db.raw("PRAGMA query_only = ON").run()
                try await db.raw("PRAGMA cache_size = -65536").run()
                try await db.raw("PRAGMA busy_timeout = 5000").run()
            }
        } catch {
            for connection in connections { try? await connection.close() }
            for thread in threads { try? await thread.shutdownGracefully() }
            throw StoreError.unreachable(location: path, reason: "\(error)")
        }
        return SQLiteReaders(connections: connections, threads: threads)
    }

    /// Runs `body` on a free reader, waiting for one when all are busy.
    func withReader<T: Sendable>(_ body: (SQLiteConnection) async throws -> T) async throws -> T {
        let index = await free.take()
        do {
            let value = try await body(connections[index])
            await free.give(index)
            return value
        } catch {
            await free.give(index)
            throw error
        }
    }

    func close() async {
        for connection in connections { try? await connection.close() }
        for thread in threads { try? await thread.shutdownGracefully() }
    }

    /// Which readers are free, first come first served.
    private actor FreeList {
        private var free: [Int]
        private var waiters: [CheckedContinuation<Int, Never>] = []

        init(count: Int) { free = Array(0..<count) }

        func take() async -> Int {
            if let index = free.popLast() { return index }
            return await withCheckedContinuation { waiters.append($0) }
        }

        func give(_ index: Int) {
            if waiters.isEmpty { free.append(index) } else { waiters.removeFirst().resume(returning: index) }
        }
    }
}
