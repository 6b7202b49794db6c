import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

@Suite("Follow-up reads")
struct FollowUpRepositoryTests {
    static func sorted(_ groups: [FactGroup]) -> [String] {
        groups.map { "\($0.key) \($0.count) \($0.daysInProgramme) \($0.waitingDays)" }.sorted()
    }

    @Test(
        "the follow-up columns match the history they summarise, and the database's groups match the ones counted from the facts",
        arguments: TestDatabase.available
    )
    func groupsMatchFacts(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let context = try await DemoData(hashPassword: { "hash:" + $0 }, keyring: TestKeys.keyring, today: Day(now)).seed(
                store,
                now: now
            )
            let units = context.units.map(\.id)
            try await store.read { db throws in
                // The columns kept by the repositories equal a recount from the journey steps,
                // the counsellor assignments and the measurements.
                let mismatches = try await db.raw(
                    """
                    SELECT COUNT(*) AS n FROM participants p WHERE
                      COALESCE(p.started_on, '') <> COALESCE((SELECT MIN(s.day) FROM journey_steps s WHERE s.participant_id = p.id AND s.event = 'start'), '')
                      OR p.counsellor_count <> (SELECT COUNT(*) FROM counsellor_assignments a WHERE a.participant_id = p.id)
                      OR COALESCE(p.first_measured_on, '') <> COALESCE((SELECT MIN(m.taken_on) FROM measurements m
                           WHERE m.participant_id = p.id AND m.instrument_id = 'bip' AND m.completed_at IS NOT NULL), '')
                      OR (p.started_on IS NOT NULL AND COALESCE(p.ended_on, '') <> COALESCE((SELECT MAX(s.day) FROM journey_steps s
                           WHERE s.participant_id = p.id AND s.event IN ('exit', 'withdraw')), ''))
                    """
                ).first()?.decode(column: "n", as: Int.self)
                #expect(mismatches == 0)

                let repository = FollowUpRepository(db)
                let facts = try await repository.facts(units: units)
                #expect(facts.count == 600)
                #expect(facts.contains { $0.endedOn != nil } && facts.contains { $0.firstMeasuredOn != nil })
                let year = Day(now).year
                for period in [
                    ReportingPeriod(kind: .year, year: year)!, ReportingPeriod(kind: .year, year: year - 1)!,
                    ReportingPeriod(kind: .quarter, year: year, part: 1)!, ReportingPeriod(kind: .month, year: year - 1, part: 7)!,
                    ReportingPeriod(first: Day(now).adding(days: -500), last: Day(now))!,
                ] {
                    let grouped = try await repository.groups(units: units, period: period)
                    #expect(Self.sorted(grouped) == Self.sorted(FactGroup.grouping(facts, period: period)), "\(period.label)")
                    let concerned = facts.filter { $0.registeredOn <= period.last && ($0.endedOn.map { $0 >= period.first } ?? true) }
                    #expect(grouped.reduce(0) { $0 + $1.count } == concerned.count, "only those the period concerns are read")
                }
                #expect(try await repository.firstRegistration(units: units) == facts.map(\.registeredOn).min())
            }
            // The database's sums for distance travelled equal the sums of the summaries, with the
            // intervention mix worked out here from each participant's interventions.
            let catalog = InstrumentCatalog(try ShippedInstruments.load())
            let year = Day(now).year
            try await store.read { db throws in
                let progress = ProgressSummaryRepository(db)
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                for instrument in ["bip", "livshjulet"] {
                    let indicators = try #require(catalog.latest(instrument)?.indicatorSet).indicators.map(\.id)
                    var summaries: [ProgressSummary] = []
                    for summary in try await progress.summaries(of: instrument, units: units) {
                        let interventions = try await activities.interventions(of: summary.participantID)
                        let types = Set(
                            interventions.filter { $0.start <= summary.latestDay && ($0.end.map { $0 >= summary.firstDay } ?? true) }.map(
                                \.type
                            )
                        )
                        #expect(summary.mix == InterventionMix(types), "the SQL's mix for \(summary.participantID)")
                        summaries.append(summary)
                    }
                    for period in [
                        ReportingPeriod(kind: .year, year: year)!, ReportingPeriod(kind: .year, year: year - 1)!,
                        ReportingPeriod(first: Day(now).adding(days: -700), last: Day(now))!,
                    ] {
                        let (changes, improvement) = try await progress.progression(
                            of: instrument,
                            units: units,
                            period: period,
                            directions: true
                        )
                        let (expectedChanges, expectedImprovement) = Progression.groups(
                            summaries.filter { $0.firstDay < $0.latestDay && period.contains($0.latestDay) },
                            indicators: indicators
                        )
                        #expect(Set(changes) == Set(expectedChanges), "\(instrument) \(period.label)")
                        #expect(Set(improvement) == Set(expectedImprovement), "\(instrument) \(period.label)")
                        // Without directions: the same counts and sums, and no direction counted.
                        let (plain, plainImprovement) = try await progress.progression(of: instrument, units: units, period: period)
                        #expect(
                            Set(plain.map { "\($0.gender) \($0.mix) \($0.indicatorID) \($0.count) \($0.changeSum)" })
                                == Set(changes.map { "\($0.gender) \($0.mix) \($0.indicatorID) \($0.count) \($0.changeSum)" })
                        )
                        #expect(plain.allSatisfy { $0.rose == .zero && $0.unchanged == .zero && $0.fell == .zero })
                        #expect(Set(plainImprovement) == Set(improvement))
                    }
                }
                let withInterventions = try await db.raw("SELECT COUNT(DISTINCT participant_id) AS n FROM interventions").first()?.decode(
                    column: "n",
                    as: Int.self
                )
                #expect((withInterventions ?? 0) > 50, "the demo gives the mix something to tell apart")
            }
            // What is kept as measurements complete equals a rebuild from every measurement.
            let association = try #require(context.association).id
            @Sendable func snapshot(_ db: any SQLDatabase) async throws -> [String] {
                var rows: [String] = []
                for row in try await db.raw(
                    "SELECT participant_id, instrument_id, first_day, latest_day, improved_count, first_belief, mix FROM progress_summaries"
                ).all() {
                    rows.append(
                        "s \(try row.decode(column: "participant_id", as: Int.self)) \(try row.decode(column: "instrument_id", as: String.self)) "
                            + "\(try row.decode(column: "first_day", as: String.self)) \(try row.decode(column: "latest_day", as: String.self)) "
                            + "\(try row.decode(column: "improved_count", as: Int.self)) \(try row.decode(column: "mix", as: String.self)) "
                            + "\(String(describing: try row.decode(column: "first_belief", as: Int?.self)))"
                    )
                }
                for row in try await db.raw(
                    "SELECT participant_id, instrument_id, indicator_id, first_value, latest_value FROM progress_values"
                ).all() {
                    rows.append(
                        "v \(try row.decode(column: "participant_id", as: Int.self)) \(try row.decode(column: "instrument_id", as: String.self)) "
                            + "\(try row.decode(column: "indicator_id", as: String.self)) \(try row.decode(column: "first_value", as: Int.self)) \(try row.decode(column: "latest_value", as: Int.self))"
                    )
                }
                for row in try await db.raw("SELECT measurement_id, occasion, taken_on, scale_id, score FROM occasion_scores").all() {
                    rows.append(
                        "o \(try row.decode(column: "measurement_id", as: Int.self)) \(try row.decode(column: "occasion", as: String.self)) "
                            + "\(try row.decode(column: "taken_on", as: String.self)) \(try row.decode(column: "scale_id", as: String.self)) \(try row.decode(column: "score", as: Int.self))"
                    )
                }
                return rows.sorted()
            }
            let (kept, rebuilt) = try await store.write { db in
                let kept = try await snapshot(db)
                for table in ["progress_values", "progress_summaries", "occasion_scores"] { try await db.delete(from: table).run() }
                try await ProgressSummaryRepository(db).backfill(
                    catalog: catalog,
                    association: association,
                    measurements: MeasurementRepository(db, keyring: TestKeys.keyring)
                )
                return (kept, try await snapshot(db))
            }
            #expect(kept.filter { $0.hasPrefix("s ") }.count > 100)
            #expect(kept.filter { $0.hasPrefix("o ") }.count > 20, "KASAM scores by occasion")
            #expect(kept.contains { $0.hasPrefix("s ") && $0.contains("bip") && !$0.hasSuffix("nil") }, "belief at start kept")
            #expect(kept == rebuilt)
            // A database whose summaries are gone (from before they existed, or cleared by
            // migration 15) gets them back from migration 17, not from a step at start-up. Such a
            // database is also from before answers were sealed: its answers are in the clear.
            try await store.write { db in
                for table in ["progress_values", "progress_summaries", "occasion_scores"] { try await db.delete(from: table).run() }
                try await db.delete(from: "schema_migrations").where("version", .equal, 17).run()
                for row in try await db.select().columns("measurement_id", "item_id", "answer").from("measurement_answers").all() {
                    let (id, item) = (
                        try row.decode(column: "measurement_id", as: Int64.self), try row.decode(column: "item_id", as: String.self)
                    )
                    let binding = FieldBinding(table: "measurement_answers", column: "answer", row: "\(id)/\(item)")
                    let answer = try TestKeys.keyring.open(stored: try row.decode(column: "answer", as: String.self), binding: binding)
                    try await db.update("measurement_answers").set("answer", to: answer).where("measurement_id", .equal, id)
                        .where("item_id", .equal, item).run()
                }
            }
            #expect(try await Migrator().migrate(store) == [17])
            #expect(try await store.read { db in try await snapshot(db) } == kept)
            #expect(try await PlaintextSealing(keyring: TestKeys.keyring).run(store) > 1000, "and the keyed step seals the answers again")
        }
    }

    @Test(
        "the intervention mix kept on a summary follows interventions added and ended after the measurements",
        arguments: TestDatabase.available
    )
    func mixFollowsInterventions(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, user, participant) = try await ParticipantRepositoryTests.seed(store)
            let bip = try #require(try ShippedInstruments.load().first { $0.id == "bip" })
            let (first, latest) = (Day("2026-03-02")!, Day("2026-09-01")!)
            try await store.write { db throws in
                let measurements = MeasurementRepository(db, keyring: TestKeys.keyring)
                let progress = ProgressSummaryRepository(db)
                let activities = ActivityRepository(db, keyring: TestKeys.keyring)
                for (day, occasion) in [(first, MeasurementOccasion.start), (latest, .periodic)] {
                    _ = try await measurements.addCompleted(
                        bip,
                        for: participant,
                        occasion: occasion,
                        on: day,
                        answers: ["health": .number(5)],
                        by: user,
                        now: ParticipantRepositoryTests.now
                    )
                }
                func mix() async throws -> InterventionMix? { try await progress.summaries(of: "bip", units: [unit.id]).first?.mix }
                func add(_ type: InterventionType, from start: Day) async throws -> InterventionID {
                    let valid = try InterventionDraft(
                        type: type.rawValue,
                        provider: "unit",
                        title: "Insats",
                        isPlacement: false,
                        employerName: "",
                        start: start.description,
                        end: ""
                    )
                    .validated(started: start, today: start)
                    return try await activities.addIntervention(valid, to: participant, by: user, now: ParticipantRepositoryTests.now)
                }
                #expect(try await mix() == InterventionMix.none)
                let health = try await add(.health, from: first.adding(days: -30))
                #expect(try await mix() == .onlySupportive)
                try await activities.endIntervention(health, of: participant, on: first.adding(days: -1))
                #expect(try await mix() == InterventionMix.none, "ended before the first measurement")
                _ = try await add(.jobFocused, from: latest.adding(days: 1))
                #expect(try await mix() == InterventionMix.none, "begun after the latest measurement")
                _ = try await measurements.addCompleted(
                    bip,
                    for: participant,
                    occasion: .exit,
                    on: latest.adding(days: 10),
                    answers: ["health": .number(6)],
                    by: user,
                    now: ParticipantRepositoryTests.now
                )
                #expect(try await mix() == .onlyJobFocused, "a later measurement takes in what ran before it")
                _ = try await add(.social, from: first)
                #expect(try await mix() == .combined)
            }
        }
    }
}
