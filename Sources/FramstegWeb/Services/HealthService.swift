import FramstegStore
import SQLKit

/// What the probes ask. Liveness: the process answers (nothing is checked, so a database outage
/// never makes an orchestrator restart every node). Readiness: the database answers and takes a
/// write, its schema is current, and the key file opens a fresh and a stored sealed value.
struct HealthService {
    let store: Store
    let keyring: FieldKeyring
    /// How long all checks together may take: a database that hangs makes the node unready
    /// within this, instead of holding the probe until the database answers.
    var deadline: Duration = .seconds(5)
    /// How long one answer serves the probes after it: a load balancer probing each node several
    /// times a second, or a burst of probes, costs the database one round of checks, not one each.
    var reuse: Duration = .zero
    /// The answer the probes share (`reuse`).
    let shared = SharedReadiness()

    /// One readiness check and how it went.
    struct Check: Sendable, Equatable {
        let name: String
        let isPassed: Bool
    }

    /// Thrown for a check still waiting when the deadline passed.
    struct DeadlinePassed: Error, CustomStringConvertible {
        let deadline: Duration
        var description: String { "no answer within \(deadline)" }
    }

    /// The readiness checks as the probes ask them: the answer of a round that ended within `reuse`
    /// ago, or that of the round under way, else a new round. A failed check is logged once per round.
    func probe(logFailure: @escaping @Sendable (String, any Error) -> Void) async -> [Check] {
        let service = self
        return await shared.checks(reuse: reuse) { await service.readiness(onFailure: logFailure) }
    }

    /// Runs the readiness checks in order; after a failure the rest are not passed either. The
    /// error of the first failed check goes to `onFailure` (for the log, never the response).
    func readiness(onFailure: (String, any Error) -> Void) async -> [Check] {
        let end = ContinuousClock.now + deadline
        let checks: [(String, @Sendable () async throws -> Void)] = [
            ("database", { try await store.read { db in try await db.raw("SELECT 1").run() } }),
            ("writable", { try await store.checkWritable() }),
            (
                "migrations",
                {
                    let pending = try await Migrator().pendingVersions(store)
                    guard pending.isEmpty else {
                        throw StoreError.notFound("migrations \(pending.map(String.init).joined(separator: ", "))")
                    }
                }
            ),
            ("keys", { try await store.read { db in try await KeyCanary(keyring: keyring).check(db) } }),
        ]
        var results: [Check] = []
        var failed = false
        for (name, check) in checks {
            if failed {
                results.append(Check(name: name, isPassed: false))
                continue
            }
            do { try await Self.run(check, until: end, deadline: deadline) } catch {
                onFailure(name, error)
                failed = true
            }
            results.append(Check(name: name, isPassed: !failed))
        }
        return results
    }

    /// Runs `check` until it ends or `end` passes, whichever is first. A check left waiting on the
    /// database goes on in its task (it cannot be stopped from outside) and its result is dropped.
    static func run(
        _ check: @escaping @Sendable () async throws -> Void,
        until end: ContinuousClock.Instant,
        deadline: Duration
    ) async throws {
        let (outcomes, continuation) = AsyncStream<Result<Void, any Error>>.makeStream()
        let work = Task {
            do { continuation.yield(.success(try await check())) } catch { continuation.yield(.failure(error)) }
            continuation.finish()
        }
        let timer = Task {
            try? await Task.sleep(until: end)
            continuation.yield(.failure(DeadlinePassed(deadline: deadline)))
            continuation.finish()
        }
        defer {
            work.cancel()
            timer.cancel()
        }
        for await outcome in outcomes { return try outcome.get() }
    }
}

/// The last readiness answer and the round under way, shared by every probe of one node.
actor SharedReadiness {
    private var last: (at: ContinuousClock.Instant, checks: [HealthService.Check])?
    private var running: Task<[HealthService.Check], Never>?

    func checks(reuse: Duration, run: @escaping @Sendable () async -> [HealthService.Check]) async -> [HealthService.Check] {
        if let last, ContinuousClock.now - last.at < reuse { return last.checks }
        if let running { return await running.value }
        let round = Task { await run() }
        running = round
        let checks = await round.value
        last = (ContinuousClock.now, checks)
        running = nil
        return checks
    }
}
