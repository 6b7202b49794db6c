import FramstegCore
import FramstegStore
import FramstegTestSupport
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@testable import FramstegWeb

@Suite("Health probes")
struct HealthTests {
    static let ready = #"{"status":"ok","database":"ok","writable":"ok","migrations":"ok","keys":"ok"}"#

    @Test("liveness and readiness answer 200 on a healthy database; /healthz is readiness", arguments: TestDatabase.available)
    func healthy(_ database: TestDatabase) async throws {
        try await TestApp.run(database: database) { _, client throws in
            let browser = TestBrowser(client)
            let live = try await browser.get("/livez")
            #expect(live.status == .ok)
            #expect(live.text == #"{"status":"ok"}"#)
            for path in ["/readyz", "/healthz"] {
                let ready = try await browser.get(path)
                #expect(ready.status == .ok)
                #expect(ready.text == Self.ready)
                #expect(ready.headers[.contentType] == "application/json")
            }
        }
    }

    @Test("probes share one round of checks: within the reuse time the answer stands, after it the database is asked again")
    func sharedAnswer() async throws {
        try await TestApp.run(configure: { $0.readinessReuse = .seconds(600) }) { fixture, client throws in
            let browser = TestBrowser(client)
            #expect(try await browser.get("/readyz").text == Self.ready)
            // A probe gets no CSRF cookie: it has no form to send.
            #expect(try await browser.get("/livez").headers[.setCookie] == nil)
            let newest = try #require(try await Migrator().appliedVersions(fixture.store).last)
            try await fixture.store.write { db in try await db.delete(from: "schema_migrations").where("version", .equal, newest).run() }
            // Within the reuse time: the answer of the round before.
            #expect(try await browser.get("/healthz").status == .ok)
            // Rounds of a service without reuse, and concurrent probes, each see the change at once.
            let service = HealthService(store: fixture.store, keyring: TestKeys.keyring)
            let rounds = await withTaskGroup(of: [HealthService.Check].self) { group in
                for _ in 0..<8 { group.addTask { await service.probe { _, _ in } } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(rounds.count == 8)
            #expect(rounds.allSatisfy { $0.first { $0.name == "migrations" }?.isPassed == false })
        }
    }

    @Test("a pending migration makes the node unready but leaves it alive", arguments: TestDatabase.available)
    func pendingMigration(_ database: TestDatabase) async throws {
        try await TestApp.run(database: database) { fixture, client throws in
            let newest = try #require(try await Migrator().appliedVersions(fixture.store).last)
            try await fixture.store.write { db in try await db.delete(from: "schema_migrations").where("version", .equal, newest).run() }
            let browser = TestBrowser(client)
            let ready = try await browser.get("/readyz")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.text == #"{"status":"unavailable","database":"ok","writable":"ok","migrations":"failed","keys":"failed"}"#)
            #expect(try await browser.get("/healthz").status == .serviceUnavailable)
            #expect(try await browser.get("/livez").status == .ok)
        }
    }

    @Test("a read-only database makes the node unready (SQLite: the connection set query_only)")
    func readOnly() async throws {
        try await TestApp.run { fixture, client throws in
            try await fixture.store.exclusively { db in try await db.raw("PRAGMA query_only = ON").run() }
            let browser = TestBrowser(client)
            let ready = try await browser.get("/readyz")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.text.contains(#""database":"ok","writable":"failed""#))
            #expect(try await browser.get("/livez").status == .ok)
            try await fixture.store.exclusively { db in try await db.raw("PRAGMA query_only = OFF").run() }
        }
    }

    /// Whether the held transaction has let go of the database.
    actor Release {
        private(set) var isReleased = false
        func release() { isReleased = true }
    }

    @Test("a database that does not answer makes the node unready within the deadline, not when it answers")
    func hungDatabase() async throws {
        try await TestApp.run(configure: { $0.readinessDeadline = .seconds(2) }) { fixture, client throws in
            let release = Release()
            let holding = Task {
                // Held long enough that even a starved full run answers the probe before it lets go.
                try await fixture.store.write { _ in try await Task.sleep(for: .seconds(30)) }
                await release.release()
            }
            try await Task.sleep(for: .milliseconds(100))
            let browser = TestBrowser(client)
            let ready = try await browser.get("/readyz")
            // Wall-clock bounds are not asserted: a full parallel test run starves two cores for seconds.
            #expect(await !release.isReleased, "answered while the database was still held")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.text.contains(#""status":"unavailable""#))
            #expect(try await browser.get("/livez").status == .ok)
            _ = try await holding.value
            // Once the database answers, nothing the abandoned check left behind is in the way: the
            // same checks over the same store pass. Asked without the 2 s deadline, because on a
            // full parallel run two starved cores can keep every probe past any short deadline
            // for minutes (CI saw 170 s of them), which says nothing about the store.
            var failures: [String] = []
            let checks = await HealthService(store: fixture.store, keyring: TestKeys.keyring, deadline: .seconds(120))
                .readiness { name, error in failures.append("\(name): \(error)") }
            let isReady = checks.allSatisfy(\.isPassed)
            #expect(isReady, "ready again once the database answers: \(failures)")
        }
    }
}
