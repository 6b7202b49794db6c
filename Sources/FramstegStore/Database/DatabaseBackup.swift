import Foundation
import FramstegCore
import Logging
import SQLKit

/// An online, consistent copy of the database and the way back into a fresh one.
///
/// SQLite: `VACUUM INTO` copies one read transaction's snapshot (WAL lets `serve` go on writing
/// meanwhile) into a new, compact file; a plain copy of the file without its WAL loses what the WAL
/// holds. PostgreSQL: `pg_dump --format=custom`, itself one snapshot, restored with `pg_restore`.
/// The key file is never part of a backup.
public enum DatabaseBackup {
    /// What stops a backup or a restore, in one line for a person.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case targetExists(String)
        case targetNotEmpty(String)
        case notABackup(path: String, expected: String)
        case toolMissing(String)
        case toolFailed(tool: String, message: String)

        public var description: String {
            switch self {
            case .targetExists(let path): "\(path) already exists; a backup or restore never overwrites a file"
            case .targetNotEmpty(let database): "\(database) is not empty; restore into a new, empty database"
            case .notABackup(let path, let expected): "\(path) is not \(expected)"
            case .toolMissing(let tool): "\(tool) was not found; install PostgreSQL's client tools or set FRAMSTEG_PG_BIN to their folder"
            case .toolFailed(let tool, let message): "\(tool) failed: \(message)"
            }
        }
    }

    /// Writes a consistent copy of the database the store is open on to `path`, a new file.
    public static func backUp(_ store: Store, to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.targetExists(path) }
        switch store.location {
        case .sqlite:
            try await store.exclusively { db in try await db.raw("VACUUM INTO \(bind: path)").run() }
        case .postgres(let url):
            let target = PostgresTarget(url: url)
            try run("pg_dump", ["--format=custom", "--no-password", "--file=\(path)", target.url], password: target.password)
        }
    }

    /// Restores the backup at `path` into `location`: a new SQLite file, or an empty PostgreSQL database.
    public static func restore(from path: String, into location: DatabaseLocation, logger: Logger) async throws {
        switch location {
        case .sqlite(let target):
            guard try header(path, length: 16) == Data("SQLite format 3\0".utf8) else {
                throw Failure.notABackup(path: path, expected: "an SQLite backup (framsteg backup of an SQLite database)")
            }
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: target + suffix) {
                throw Failure.targetExists(target + suffix)
            }
            try FileManager.default.copyItem(atPath: path, toPath: target)
        case .postgres(let url):
            guard try header(path, length: 5) == Data("PGDMP".utf8) else {
                throw Failure.notABackup(path: path, expected: "a PostgreSQL backup (framsteg backup of a PostgreSQL database)")
            }
            let tables = try await Store.withStore(at: location, logger: logger) { store in
                try await store.read { db in
                    try await db.raw("SELECT COUNT(*) AS tables FROM information_schema.tables WHERE table_schema = 'public'").first()?
                        .decode(column: "tables", as: Int.self) ?? 0
                }
            }
            guard tables == 0 else { throw Failure.targetNotEmpty(location.description) }
            let target = PostgresTarget(url: url)
            try run(
                "pg_restore",
                [
                    "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--no-password", "--dbname=\(target.url)",
                    path,
                ],
                password: target.password
            )
        }
    }

    private static func header(_ path: String, length: Int) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure.notABackup(path: path, expected: "a readable file") }
        defer { try? handle.close() }
        return try handle.read(upToCount: length) ?? Data()
    }

    /// The URL without its password, which goes to the tool in its environment instead of its
    /// arguments (where every user of the machine could read it).
    struct PostgresTarget {
        let url: String
        let password: String?

        init(url: String) {
            guard var components = URLComponents(string: url) else {
                self.url = url
                self.password = nil
                return
            }
            self.password = components.password
            components.password = nil
            if components.scheme?.hasPrefix("postgres+") == true { components.scheme = "postgresql" }
            self.url = components.string ?? url
        }
    }

    /// Runs one of PostgreSQL's client tools and throws its standard error when it fails.
    static func run(_ tool: String, _ arguments: [String], password: String?) throws {
        let process = Process()
        process.executableURL = try executable(tool)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text =
                String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init)
                ?? "exit \(process.terminationStatus)"
            throw Failure.toolFailed(tool: tool, message: text)
        }
    }

    /// The tool in FRAMSTEG_PG_BIN, else the first on the PATH.
    static func executable(_ tool: String) throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        let folders =
            [environment["FRAMSTEG_PG_BIN"]].compactMap { $0 } + (environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for folder in folders where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure.toolMissing(tool)
    }
}
