import FramstegCore
import FramstegStore
import FramstegTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Follow-up reads")
struct FollowUpRepositoryTests {
    static func sorted(_ groups: [FactGroup]) -> [String] { groups.map { "\($0.key) \($0.count) \($0.daysInProgramme) \($0.waitingDays)" }.sorted() }

    @Test("the follow-up columns match the history they summarise, and the database's groups match the ones counted from the facts",
          arguments: TestDatabase.available)
    func groupsMatchFacts(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let context = try await DemoData(hashPassword: { "hash:" + $0 }, keyring: TestKeys.keyring, today: Day(now)).seed(store, now: now)
            let units = context.units.map(\.id)
            try await store.read { db throws in
                // The columns kept by the repositories equal a recount from the journey steps,
                // the counsellor assignments and the measurements.
                let mismatches = try await db.raw("""
                    SELECT COUNT(*) AS n FROM participants p WHERE
                      COALESCE(p.started_on, '') <> COALESCE((SELECT MIN(s.day) FROM journey_steps s WHERE s.participant_id = p.id AND s.event = 'start'), '')
                      OR p.counsellor_count <> (SELECT COUNT(*) FROM counsellor_assignments a WHERE a.participant_id = p.id)
                      OR COALESCE(p.first_measured_on, '') <> COALESCE((SELECT MIN(m.taken_on) FROM measurements m
                           WHERE m.participant_id = p.id AND m.instrument_id = 'bip' AND m.completed_at IS NOT NULL), '')
                      OR (p.started_on IS NOT NULL AND COALESCE(p.ended_on, '') <> COALESCE((SELECT MAX(s.day) FROM journey_steps s
                           WHERE s.participant_id = p.id AND s.event IN ('exit', 'withdraw')), ''))
                    """).first()?.decode(column: "n", as: Int.self)
                #expect(mismatches == 0)

                let repository = FollowUpRepository(db)
                let facts = try await repository.facts(units: units)
                #expect(facts.count == 600)
                #expect(facts.contains { $0.endedOn != nil } && facts.contains { $0.firstMeasuredOn != nil })
                let year = Day(now).year
                for period in [ReportingPeriod(kind: .year, year: year)!, ReportingPeriod(kind: .year, year: year - 1)!,
                               ReportingPeriod(kind: .quarter, year: year, part: 1)!, ReportingPeriod(kind: .month, year: year - 1, part: 7)!,
                               ReportingPeriod(first: Day(now).adding(days: -500), last: Day(now))!] {
                    let grouped = try await repository.groups(units: units, period: period)
                    #expect(Self.sorted(grouped) == Self.sorted(FactGroup.grouping(facts, period: period)), "\(period.label)")
                    #expect(grouped.reduce(0) { $0 + $1.count } == 600)
                }
                #expect(try await repository.firstRegistration(units: units) == facts.map(\.registeredOn).min())
            }
            // The progress summaries kept as measurements complete equal the ones rebuilt from every measurement.
            let catalog = InstrumentCatalog(try ShippedInstruments.load())
            let association = try #require(context.association).id
            let (kept, rebuilt) = try await store.write { db in
                let summaries = ProgressSummaryRepository(db)
                let kept = try await summaries.summaries(of: "bip", units: units) + (try await summaries.summaries(of: "livshjulet", units: units))
                try await db.delete(from: "progress_summaries").run()
                try await summaries.backfill(catalog: catalog, association: association)
                return (kept, try await summaries.summaries(of: "bip", units: units) + (try await summaries.summaries(of: "livshjulet", units: units)))
            }
            #expect(kept.count > 100)
            #expect(kept.filter { $0.firstDay < $0.latestDay }.count > 50, "many measured more than once")
            #expect(Set(kept) == Set(rebuilt))
        }
    }
}
