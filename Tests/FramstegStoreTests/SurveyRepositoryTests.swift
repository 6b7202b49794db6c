import Foundation
import FramstegCore
import FramstegTestSupport
import SQLKit
import Testing

@testable import FramstegStore

/// The claims of `SurveyRepository`'s threat model, at the storage level.
@Suite("Anonymous responses at rest")
struct SurveyRepositoryTests {
    static func seed(_ store: Store) async throws -> [OrganisationUnit] {
        try await store.write { db throws in
            let organisation = OrganisationRepository(db)
            let association = try await organisation.createAssociation(name: "Insjöriket", now: Date(timeIntervalSince1970: 1_800_000_000))
            let municipality = try await organisation.createMunicipality(in: association.id, name: "Partille")
            return [
                try await organisation.createUnit(in: association.id, municipalityID: municipality.id, name: "A"),
                try await organisation.createUnit(in: association.id, municipalityID: municipality.id, name: "B"),
            ]
        }
    }

    /// A response whose answer spells `marker`, so the test can look for it in raw storage.
    static func response(_ unit: UnitID, month: String, marker: String, gender: Gender? = .woman) -> AnonymousResponse {
        AnonymousResponse(
            instrumentID: "deltagarenkat",
            version: 1,
            unitID: unit,
            month: Month(month)!,
            gender: gender,
            answers: ["fraga-1": marker],
            recordKey: .drawn()
        )
    }

    static func count(_ table: String, _ store: Store) async throws -> Int {
        try await store.read { db in try await db.select().column("id").from(table).all().count }
    }

    @Test(
        "a response waits, sealed, until four more of its survey and unit have come in; then the five appear together",
        arguments: TestDatabase.available
    )
    func heldUntilFive(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let units = try await Self.seed(store)
            // Unit B's response waits in a pool of its own, however many unit A gets.
            try await store.write { db in
                try await SurveyRepository(db, keyring: TestKeys.keyring).add(
                    Self.response(units[1].id, month: "2026-10", marker: "unit-b")
                )
            }
            for index in 0..<4 {
                try await store.write { db in
                    try await SurveyRepository(db, keyring: TestKeys.keyring).add(
                        Self.response(units[0].id, month: "2026-10", marker: "held-\(index)")
                    )
                }
                #expect(try await Self.count("survey_responses", store) == 0)
            }
            #expect(try await Self.count("survey_held", store) == 5)
            let raw = try await store.read { db in
                try await db.select().columns("id", "sealed").from("survey_held").all().map {
                    // The sealed value without the name of its key.
                    String(try $0.decode(column: "sealed", as: String.self).drop { $0 != ":" })
                }
            }
            #expect(
                raw.allSatisfy { !$0.contains("held-") && !$0.contains("deltagarenkat") && !$0.contains("2026") },
                "a held row says nothing in plain"
            )

            // The fifth completes the pool: released in November, the month of the newest of them.
            try await store.write { db in
                try await SurveyRepository(db, keyring: TestKeys.keyring).add(Self.response(units[0].id, month: "2026-11", marker: "fifth"))
            }
            #expect(try await Self.count("survey_responses", store) == 5)
            #expect(try await Self.count("survey_held", store) == 1)
            let released = try await store.read { db in
                try await SurveyRepository(db, keyring: TestKeys.keyring)
                    .responses(
                        to: "deltagarenkat",
                        units: units.map(\.id),
                        period: MonthPeriod(first: Month("2026-01")!, last: Month("2026-12")!)!
                    )
            }
            #expect(released.count == 5)
            #expect(Set(released.map(\.month)) == [Month("2026-11")!], "a batch shares one month")
            #expect(Set(released.map(\.unitID)) == [units[0].id])
            #expect(Set(released.compactMap { $0.answers["fraga-1"] }) == ["held-0", "held-1", "held-2", "held-3", "fifth"])
        }
    }

    @Test("a new version of the survey starts a pool of its own, so a batch never mixes versions")
    func versionsArePooledApart() {
        let unit = UnitID(rawValue: 1)
        let old = (0..<3).map { Self.response(unit, month: "2026-10", marker: "old-\($0)") }
        let new = (0..<3).map {
            AnonymousResponse(
                instrumentID: "deltagarenkat",
                version: 2,
                unitID: unit,
                month: Month("2026-10")!,
                gender: nil,
                answers: ["x": "\($0)"],
                recordKey: .drawn()
            )
        }
        let outcome = ResponseBatches.adding(new + old.prefix(2), to: old)
        #expect(outcome.released.count == 1)
        #expect(outcome.released[0].count == 5 && outcome.released[0].allSatisfy { $0.version == 1 })
        #expect(outcome.held.count == 3 && outcome.held.allSatisfy { $0.version == 2 })
    }

    @Test(
        "every addition rewrites the held set and the released group under new ids and new sealed text",
        arguments: TestDatabase.available
    )
    func rewrittenWhole(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let unit = try await Self.seed(store)[0].id
            func snapshot(_ table: String) async throws -> Set<String> {
                try await store.read { db in
                    Set(
                        try await db.select().columns("id", "sealed").from(table).all().flatMap {
                            [try $0.decode(column: "id", as: String.self), try $0.decode(column: "sealed", as: String.self)]
                        }
                    )
                }
            }
            for index in 0..<5 {
                try await store.write { db in
                    try await SurveyRepository(db, keyring: TestKeys.keyring).add(
                        Self.response(unit, month: "2026-10", marker: "a\(index)")
                    )
                }
            }
            var held = try await snapshot("survey_held")
            let group = try await snapshot("survey_responses")
            for index in 0..<5 {
                try await store.write { db in
                    try await SurveyRepository(db, keyring: TestKeys.keyring).add(
                        Self.response(unit, month: "2026-10", marker: "b\(index)")
                    )
                }
                let now = try await snapshot("survey_held")
                if index < 4 { #expect(held.isDisjoint(with: now), "no held id or sealed text survives an addition") }
                held = now
            }
            #expect(
                group.isDisjoint(with: try await snapshot("survey_responses")),
                "the group was written anew when the second batch joined it"
            )
            #expect(try await Self.count("survey_responses", store) == 10)
        }
    }

    @Test("on SQLite deleted rows are overwritten and the WAL is emptied after a survey write: the files hold no answer in plain")
    func nothingLeftInTheFiles() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("framsteg-survey-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await Store.withStore(at: .sqlite(path: path), logger: TestDatabase.logger) { store in
            try await Migrator().migrate(store)
            let unit = try await Self.seed(store)[0].id
            #expect(
                try await store.read { db in try await db.raw("PRAGMA secure_delete").first()?.decode(column: "secure_delete", as: Int.self)
                } == 1
            )
            // Rows as an earlier version stored them (plain answers), then sealed at start-up.
            try await store.write { db in
                for index in 0..<3 {
                    try await db.insert(into: "survey_responses").columns(
                        "id",
                        "instrument_id",
                        "instrument_version",
                        "unit_id",
                        "month",
                        "gender",
                        "answers"
                    )
                    .values(
                        SQLBind(RandomIdentifier.make()),
                        SQLBind("deltagarenkat"),
                        SQLBind(1),
                        SQLBind(unit.rawValue),
                        SQLBind("2026-09"),
                        SQLBind("woman"),
                        SQLBind(#"{"fraga-1":"legacy-answer-\#(index)"}"#)
                    ).run()
                }
            }
            try await store.checkpoint()
            #expect(try await store.write { db in try await SurveyRepository(db, keyring: TestKeys.keyring).sealLegacyResponses() } == 1)
            #expect(
                try await store.write { db in try await SurveyRepository(db, keyring: TestKeys.keyring).sealLegacyResponses() } == 0,
                "idempotent"
            )
            for index in 0..<7 {
                try await store.write { db in
                    try await SurveyRepository(db, keyring: TestKeys.keyring).add(
                        Self.response(unit, month: "2026-10", marker: "plain-answer-\(index)")
                    )
                }
                try await store.checkpoint()
            }
            let opened = try await store.read { db in
                try await SurveyRepository(db, keyring: TestKeys.keyring)
                    .responses(to: "deltagarenkat", units: [unit], period: MonthPeriod(first: Month("2026-09")!, last: Month("2026-10")!)!)
            }
            #expect(opened.count == 8, "the three earlier ones are still counted, sealed; five released, two held")
            #expect(opened.filter { $0.month == Month("2026-09")! }.allSatisfy { $0.gender == .woman })
        }
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0, "the WAL was checkpointed and truncated")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("plain-answer"), "no answer given is in the file, held or released")
        #expect(!text.contains("legacy-answer"), "no earlier plain answer is left in the file's free pages")
    }

    @Test("concurrent completions on the same pool lose none", arguments: TestDatabase.available)
    func concurrentAdditions(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let unit = try await Self.seed(store)[0].id
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        try await store.write { db in
                            try await SurveyRepository(db, keyring: TestKeys.keyring).add(
                                Self.response(unit, month: "2026-10", marker: "c\(index)")
                            )
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await Self.count("survey_responses", store) == 10)
            #expect(try await Self.count("survey_held", store) == 2)
        }
    }
}
