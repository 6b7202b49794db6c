import Foundation
import Hummingbird
import Logging
import Mustache
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

// The bare reference of Benchmarks/run: what Hummingbird, SQLiteKit and swift-mustache cost on
// their own on this machine, so Framsteg's pages can be given as a share of it.
//
//     reference PORT DATABASE
//
// GET /      a short text, nothing else: the bare route.
// GET /page  20 rows read from SQLite (SQLKit over SQLiteNIO, like the product) and rendered with a
//            Mustache template inside a small HTML layout: the bare page.

let arguments = CommandLine.arguments
guard arguments.count == 3, let port = Int(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: reference PORT DATABASE\n".utf8))
    exit(64)
}
let databasePath = arguments[2]

var logger = Logger(label: "reference")
logger.logLevel = .warning

/// A few read connections, each on a thread of its own, as the product reads beside its writer.
final class Readers: Sendable {
    let connections: [SQLiteConnection]
    let threads: [NIOThreadPool]
    let next = NIOLockedValueBox(0)

    init(connections: [SQLiteConnection], threads: [NIOThreadPool]) {
        self.connections = connections
        self.threads = threads
    }

    static func open(path: String, count: Int, logger: Logger) async throws -> Readers {
        var connections: [SQLiteConnection] = []
        var threads: [NIOThreadPool] = []
        for _ in 0..<count {
            let thread = NIOThreadPool(numberOfThreads: 1)
            thread.start()
            threads.append(thread)
            connections.append(
                try await SQLiteConnection.open(
                    storage: .file(path: path),
                    threadPool: thread,
                    logger: logger,
                    on: MultiThreadedEventLoopGroup.singleton.any()
                )
            )
        }
        return Readers(connections: connections, threads: threads)
    }

    /// The next connection, round robin: SQLite serialises what runs on one connection.
    var database: any SQLDatabase {
        let index = next.withLockedValue { value in
            value = (value + 1) % connections.count
            return value
        }
        return connections[index].sql(queryLogLevel: nil)
    }
}

/// Creates the table of 20 rows the bare page reads, when the file has none.
func prepare(path: String, logger: Logger) async throws {
    let thread = NIOThreadPool(numberOfThreads: 1)
    thread.start()
    let connection = try await SQLiteConnection.open(
        storage: .file(path: path),
        threadPool: thread,
        logger: logger,
        on: MultiThreadedEventLoopGroup.singleton.any()
    )
    let db = connection.sql(queryLogLevel: nil)
    try await db.raw("PRAGMA journal_mode = WAL").run()
    // The day as text: the bare page formats nothing, it only reads and renders.
    try await db.raw(
        "CREATE TABLE IF NOT EXISTS bare_row (id INTEGER PRIMARY KEY, name TEXT NOT NULL, municipality TEXT NOT NULL, started TEXT NOT NULL)"
    ).run()
    let count = try await db.raw("SELECT COUNT(*) AS n FROM bare_row").first()?.decode(column: "n", as: Int.self) ?? 0
    if count < 20 {
        let municipalities = ["Mölndal", "Partille", "Härryda", "Lerum", "Alingsås"]
        for index in count..<20 {
            let started = "2025-01-\(index < 9 ? "0" : "")\(index + 1)"
            try await db.raw(
                "INSERT INTO bare_row (name, municipality, started) VALUES (\(bind: "Deltagare \(index + 1)"), \(bind: municipalities[index % 5]), \(bind: started))"
            ).run()
        }
    }
    try await connection.close()
    try await thread.shutdownGracefully()
}

struct Item: Sendable {
    let id: Int
    let name: String
    let municipality: String
    let started: String
}

struct PageModel: Sendable {
    let title: String
    let items: [Item]
    let count: Int
}

let template = """
    <!doctype html>
    <html lang="sv">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} – Referens</title>
    <link rel="stylesheet" href="/static/app.css">
    </head>
    <body>
    <header class="site-header"><a class="brand" href="/">Referens</a></header>
    <main id="main">
    <h1>{{title}}</h1>
    <p>{{count}} rader.</p>
    <table>
    <thead><tr><th scope="col">Namn</th><th scope="col">Kommun</th><th scope="col">Start</th></tr></thead>
    <tbody>
    {{#items}}
    <tr><td><a href="/items/{{id}}">{{name}}</a></td><td>{{municipality}}</td><td>{{started}}</td></tr>
    {{/items}}
    </tbody>
    </table>
    </main>
    </body>
    </html>
    """

try await prepare(path: databasePath, logger: logger)
let readers = try await Readers.open(path: databasePath, count: 2, logger: logger)
let library = MustacheLibrary(templates: ["page": try MustacheTemplate(string: template)])

let router = Router()
router.get("/") { _, _ in "Hello, world!" }
router.get("/page") { _, _ -> Response in
    let rows = try await readers.database.raw("SELECT id, name, municipality, started FROM bare_row ORDER BY id LIMIT 20").all()
    let items = try rows.map { row in
        Item(
            id: try row.decode(column: "id", as: Int.self),
            name: try row.decode(column: "name", as: String.self),
            municipality: try row.decode(column: "municipality", as: String.self),
            started: try row.decode(column: "started", as: String.self)
        )
    }
    let html = library.render(PageModel(title: "Deltagare", items: items, count: items.count), withTemplate: "page") ?? ""
    return Response(
        status: .ok,
        headers: [.contentType: "text/html; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: html))
    )
}

let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "Reference"),
    logger: logger
)
try await app.runService()
