import ArgumentParser
import Foundation
import FramstegCore
import FramstegStore
import Logging
import SQLKit

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

    func run() async throws {
        var locations: [DatabaseLocation] = [.sqlite(path: sqlite)]
        if let url = postgres ?? ProcessInfo.processInfo.environment["FRAMSTEG_BENCH_POSTGRES_URL"], !url.isEmpty {
            locations.append(.postgres(url: url))
        }
        var logger = Logger.framsteg("framsteg.bench")
        logger.logLevel = .warning
        for location in locations {
            if case .sqlite(let path) = location {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let (participants, measurements, repeats) = (self.participants, self.measurements, self.repeats)
            try await Store.withStore(at: location, logger: logger) { store in
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
                // Names are sealed and bound to their row: what a long list costs to open (a record opens a few dozen values).
                let keyring = try FieldKeyring(text: FieldKeyring.generateText(keyID: "bench"))
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

    static func milliseconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%7.1f", value)
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
