import ArgumentParser
import Foundation
import FramstegCore
import FramstegStore
import FramstegWeb
import Hummingbird
import Logging
import SQLKit
import ServiceLifecycle

/// `framsteg bench`: a synthetic association (100,000 participants, 1,000,000 measurements by
/// default) on SQLite and, when given a database to wipe, on PostgreSQL; prints the time of each
/// dashboard and export and of the bare SQL beneath them. Build with `-c release` for real figures.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time the dashboards and exports on a large synthetic association.")

    @Option(help: "Participants to generate.") var participants = 100_000
    @Option(help: "Measurements to generate.") var measurements = 1_000_000
    @Option(help: "The SQLite file to create (replaced).") var sqlite = "framsteg-bench.sqlite"
    @Option(help: "A postgres:// URL of a database the benchmark may wipe (env: FRAMSTEG_BENCH_POSTGRES_URL).") var postgres: String?
    @Option(help: "Runs of each timing; the median is printed.") var repeats = 5
    @Option(help: "The loopback port the benchmark serves its pages on.") var httpPort = 18_181

    func run() async throws {
        var locations: [DatabaseLocation] = [.sqlite(path: sqlite)]
        if let url = postgres ?? ProcessInfo.processInfo.environment["FRAMSTEG_BENCH_POSTGRES_URL"], !url.isEmpty {
            locations.append(.postgres(url: url))
        }
        let logger = {
            var logger = Logger.framsteg("framsteg.bench")
            logger.logLevel = .warning
            return logger
        }()
        for location in locations {
            if case .sqlite(let path) = location {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let (participants, measurements, repeats, httpPort) = (self.participants, self.measurements, self.repeats, self.httpPort)
            // The pages write audit rows (the sign-in), which are chained under the key file's audit key.
            let keyring = try FieldKeyring(text: FieldKeyring.generateText(keyID: "bench"))
            try await Store.withStore(at: location, auditKey: keyring.auditKey, logger: logger) { store in
                if store.dialect == .postgres { try await store.dropEverything() }
                try await Migrator().migrate(store)
                let today = Day(Date())
                print("== \(store.dialect.rawValue): \(participants) participants, \(measurements) measurements")
                let generation = ContinuousClock.now
                let (association, units) = try await SyntheticAssociation(
                    participants: participants,
                    measurements: measurements,
                    today: today
                )
                .write(to: store) { print("   \($0)") }
                print("   generated in \(Self.seconds(ContinuousClock.now - generation)) s")
                if store.dialect == .postgres { try await store.write { db in try await db.raw("ANALYZE").run() } }
                let period = ReportingPeriod(kind: .year, year: today.year)!
                let municipalities = Array(1...SyntheticAssociation.municipalityNames.count).map { MunicipalityID(Int64($0)) }

                func time(_ name: String, _ body: @Sendable () async throws -> Void) async throws {
                    var runs: [Duration] = []
                    for _ in 0..<repeats {
                        let start = ContinuousClock.now
                        try await body()
                        runs.append(ContinuousClock.now - start)
                    }
                    runs.sort()
                    print(
                        "   \(name.padding(toLength: 54, withPad: " ", startingAt: 0)) median \(Self.milliseconds(runs[runs.count / 2])) ms   min \(Self.milliseconds(runs[0])) ms"
                    )
                }
                // The dashboards follow every shipped instrument the way the pages do.
                let shipped = try ShippedInstruments.load().filter { !$0.isAnonymous }
                let distance = shipped.filter { !$0.followedByOccasion && $0.indicatorSet != nil }
                let byOccasion = shipped.filter(\.followedByOccasion)
                @Sendable func dashboard(_ units: [UnitID]) async throws {
                    let sums = try await FollowUpRepository.dashboard(
                        in: store,
                        units: units,
                        period: period,
                        distance: distance.map(\.id),
                        byOccasion: byOccasion.map(\.id)
                    )
                    _ = FollowUpFigures(
                        groups: sums.groups,
                        period: period,
                        municipalities: municipalities,
                        unitFlows: units.count > 1,
                        publication: .standard
                    )
                    for instrument in distance {
                        let (changes, improvement) = sums.progressions[instrument.id] ?? ([], [])
                        _ = Progression(
                            changes: changes,
                            improvement: improvement,
                            indicators: instrument.indicatorSet!.indicators.map(\.id),
                            improvedAtLeast: instrument.improvedAtLeast,
                            publication: .standard
                        )
                    }
                    for instrument in byOccasion {
                        _ = OccasionMeans(
                            sums.occasionScores[instrument.id] ?? [],
                            scales: instrument.scoredScales.map(\.id),
                            publication: .standard
                        )
                    }
                    _ = BeliefOutcomes(sums.beliefOutcomes, publication: .standard)
                }
                try await time("association dashboard, every figure (read + figures)") { try await dashboard(units) }
                try await time("  counts: the grouped scan + figures") {
                    let groups = try await store.read { db in try await FollowUpRepository(db).groups(units: units, period: period) }
                    _ = FollowUpFigures(
                        groups: groups,
                        period: period,
                        municipalities: municipalities,
                        unitFlows: true,
                        publication: .standard
                    )
                }
                let associationGroups = try await store.read { db in try await FollowUpRepository(db).groups(units: units, period: period) }
                try await time("  count figures alone, through the cell key method") {
                    _ = FollowUpFigures(
                        groups: associationGroups,
                        period: period,
                        municipalities: municipalities,
                        unitFlows: true,
                        publication: .standard
                    )
                }
                let bip = distance.first { $0.id == MeasurementSchedule.instrumentID }!
                try await time("  distance travelled, BIP (SQL sums + figures)") {
                    let (changes, improvement) = try await store.read { db in
                        try await ProgressSummaryRepository(db).progression(of: bip.id, units: units, period: period)
                    }
                    _ = Progression(
                        changes: changes,
                        improvement: improvement,
                        indicators: bip.indicatorSet!.indicators.map(\.id),
                        improvedAtLeast: bip.improvedAtLeast,
                        publication: .standard
                    )
                }
                let kasam = byOccasion.first { $0.id == "kasam" }!
                try await time("  KASAM by occasion (SQL sums + figures)") {
                    let groups = try await store.read { db in
                        try await ProgressSummaryRepository(db).occasionScores(of: kasam.id, units: units, period: period)
                    }
                    _ = OccasionMeans(groups, scales: kasam.scoredScales.map(\.id), publication: .standard)
                }
                try await time("  outcome by belief at start (SQL + figures)") {
                    _ = BeliefOutcomes(
                        try await store.read { db in try await ProgressSummaryRepository(db).beliefOutcomes(units: units, period: period) },
                        publication: .standard
                    )
                }
                try await time("unit dashboard, every figure (read + figures)") { try await dashboard([units[0]]) }
                try await time("CSV export, flow table of the association") {
                    let groups = try await store.read { db in try await FollowUpRepository(db).groups(units: units, period: period) }
                    let flow = FollowUpFigures(
                        groups: groups,
                        period: period,
                        municipalities: municipalities,
                        unitFlows: true,
                        publication: .standard
                    ).flow
                    _ = SwedishCSV.write(
                        flow.rows.indices.map { row in [flow.rows[row]] + (0..<3).map { flow.cell(row, $0).map(String.init) ?? ".." } }
                    )
                }
                try await time("Uppföljning Finsam export (per unit)") {
                    let groups = try await store.read { db in try await FollowUpRepository(db).groups(units: units, period: period) }
                    let flows = FollowUpFigures(
                        groups: groups,
                        period: period,
                        municipalities: municipalities,
                        unitFlows: true,
                        publication: .standard
                    ).unitFlows
                    _ = SwedishCSV.write(
                        units.map { unit in
                            let flow = flows[unit]!
                            return [unit.description]
                                + (0..<3).flatMap { row in (0..<3).map { flow.cell(row, $0).map(String.init) ?? ".." } }
                        }
                    )
                }
                let ids = units.map(\.rawValue).map(String.init).joined(separator: ",")
                try await time("bare SQL: the grouped scan (FollowUpRepository.groups)") {
                    _ = try await store.read { db in try await FollowUpRepository(db).groups(units: units, period: period).count }
                }
                let bare = [
                    (
                        "bare SQL: participants",
                        "SELECT id, unit_id, municipality_id, gender, birth_year, registered_on FROM participants WHERE unit_id IN (\(ids))"
                    ),
                    (
                        "bare SQL: starts and exits",
                        "SELECT s.participant_id, s.event, s.outcome, s.day FROM journey_steps s JOIN participants p ON s.participant_id = p.id WHERE p.unit_id IN (\(ids)) AND s.event IN ('start', 'exit', 'withdraw')"
                    ),
                    (
                        "bare SQL: counsellors per participant",
                        "SELECT a.participant_id, COUNT(*) AS n FROM counsellor_assignments a JOIN participants p ON a.participant_id = p.id WHERE p.unit_id IN (\(ids)) GROUP BY a.participant_id"
                    ),
                    (
                        "bare SQL: first BIP per participant",
                        "SELECT m.participant_id, MIN(m.taken_on) AS first_day FROM measurements m JOIN participants p ON m.participant_id = p.id WHERE p.unit_id IN (\(ids)) AND m.instrument_id = 'bip' AND m.completed_at IS NOT NULL GROUP BY m.participant_id"
                    ),
                    (
                        "bare SQL: referrals by gender (aggregate)",
                        "SELECT gender, COUNT(*) AS n FROM participants WHERE unit_id IN (\(ids)) AND registered_on BETWEEN '\(period.first)' AND '\(period.last)' GROUP BY gender"
                    ),
                ]
                for (name, sql) in bare {
                    try await time(name) { _ = try await store.read { db in try await db.raw(SQLQueryString(sql)).all().count } }
                }
                // The pages themselves, as a browser gets them: the real application on a loopback
                // port, an office user with the Finsam right signed in, every byte of each answer read.
                try await Self.timePages(
                    store: store,
                    association: association,
                    year: today.year,
                    port: httpPort,
                    keyring: keyring,
                    logger: logger,
                    time: time
                )
                // Names are sealed and bound to their row: what a long list costs to open (a record opens a few dozen values).
                let binding: @Sendable (Int) -> FieldBinding = { row in
                    FieldBinding(table: "participants", column: "name", row: String(row))
                }
                let names = try (0..<1000).map { try keyring.seal("Förnamn Efternamn \($0)", binding: binding($0)) }
                try await time("open 1,000 sealed names (a long list)") {
                    for (row, stored) in names.enumerated() { _ = try keyring.open(stored: stored, binding: binding(row)) }
                }
            }
        }
    }

    /// Serves the application over `store` on `port` and times the office's dashboard, the annual
    /// report and the Uppföljning Finsam export for `year`, each a whole HTTP response.
    static func timePages(
        store: Store,
        association: AssociationID,
        year: Int,
        port: Int,
        keyring: FieldKeyring,
        logger: Logger,
        time: (String, @Sendable () async throws -> Void) async throws -> Void
    ) async throws {
        let email = "kansli@synthetic.invalid"
        let password = "Bench-Kansli-Synthetic-26"
        let hash = try await Passwords(cost: 4).hash(password)
        try await store.write { db in
            let users = UserRepository(db)
            let user = try await users.create(
                in: association,
                email: email,
                name: "Kansli",
                role: .office,
                unitIDs: [],
                passwordHash: hash,
                now: Date()
            )
            try await users.setDeliveries(user.id, [.finsam])
        }
        let site = try await Site(
            store: store,
            keyring: keyring,
            configuration: WebConfiguration(port: port, bcryptCost: 4),
            logger: logger
        )
        let app = buildApplication(site: site, logger: logger)
        let client = LoopbackHTTP(port: port)
        let server = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            try await client.waitUntilListening()
            let form = try await client.get("/sign-in")
            guard let token = form.text.components(separatedBy: #"name="_csrf" value=""#).dropFirst().first?.prefix(while: { $0 != "\"" })
            else { throw LoopbackHTTP.Failure(description: "the sign-in page has no CSRF token") }
            let signedIn = try await client.post(
                "/sign-in",
                form: [("email", email), ("password", password), ("_csrf", String(token))],
                cookies: form.cookies
            )
            let cookies = signedIn.cookies.filter { $0.hasPrefix("framsteg_session") }
            guard signedIn.status == 303, !cookies.isEmpty else {
                throw LoopbackHTTP.Failure(description: "the benchmark's office user could not sign in (\(signedIn.status))")
            }
            for (name, path) in [
                ("HTTP office dashboard, the year", "/office/dashboard?period=year&year=\(year)"),
                ("HTTP annual report, the year", "/office/report?year=\(year)"),
                ("HTTP Uppföljning Finsam, exact", "/office/finsam.csv?period=year&year=\(year)"),
            ] {
                let first = try await client.get(path, cookies: cookies)
                guard first.status == 200 else { throw LoopbackHTTP.Failure(description: "\(path) answered \(first.status)") }
                // The whole response: request written, served, every byte read.
                try await time("\(name) (\(first.body.count / 1024) KB)") { _ = try await client.get(path, cookies: cookies) }
            }
            await server.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%7.1f", duration.inMilliseconds)
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", duration.inSeconds)
    }
}
