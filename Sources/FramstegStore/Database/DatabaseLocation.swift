import Foundation

/// Where the data lives: an SQLite file (embedded, the default) or a PostgreSQL server.
public enum DatabaseLocation: Equatable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// The default for a newcomer: a file beside the working directory.
    public static let defaultSQLite = DatabaseLocation.sqlite(path: "./framsteg.sqlite")

    /// `postgres://…` or `postgresql://…` is a server; anything else is an SQLite file path.
    public init(parsing text: String) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres+") {
            self = .postgres(url: text)
        } else {
            self = .sqlite(path: text)
        }
    }

    /// Safe to print and log: the password of a URL is replaced.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return path
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}
