import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

@Suite("Measurement repository")
struct MeasurementRepositoryTests {
    @Test("saves of the same item at once all succeed and one of them is kept", arguments: TestDatabase.available)
    func concurrentSaves(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, participant) = try await ParticipantRepositoryTests.seed(store)
            let kasam = try #require(InstrumentCatalog(try ShippedInstruments.load()).latest("kasam"))
            let now = ParticipantRepositoryTests.now
            let id = try await store.write { db in
                try await MeasurementRepository(db, keyring: TestKeys.keyring).start(
                    kasam,
                    for: participant,
                    occasion: .start,
                    on: ParticipantRepositoryTests.today,
                    by: user
                )
            }
            // The autosave and the page's submit save the same item together; on PostgreSQL they run side by side.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for value in 1...8 {
                    group.addTask {
                        try await store.write { db in
                            try await MeasurementRepository(db, keyring: TestKeys.keyring).saveAnswer(
                                .number(value),
                                item: "k1",
                                respondent: .participant,
                                in: id,
                                now: now
                            )
                        }
                    }
                }
                try await group.waitForAll()
            }
            let answers = try await store.read { db in try await MeasurementRepository(db, keyring: TestKeys.keyring).measurement(id) }?
                .answers
            #expect(answers?.count == 1)
            #expect((1...8).map { Answer.number($0) }.contains(try #require(answers?["k1"])))
        }
    }

    @Test(
        "answers are saved one by one, a changed answer replaces the old, and the measurement resumes where it was",
        arguments: TestDatabase.available
    )
    func autosaveAndResume(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, participant) = try await ParticipantRepositoryTests.seed(store)
            let kasam = try #require(InstrumentCatalog(try ShippedInstruments.load()).latest("kasam"))
            let now = ParticipantRepositoryTests.now
            let id = try await store.write { db in
                try await MeasurementRepository(db, keyring: TestKeys.keyring).start(
                    kasam,
                    for: participant,
                    occasion: .start,
                    on: ParticipantRepositoryTests.today,
                    by: user
                )
            }
            for (item, answer) in [("k1", Answer.number(3)), ("k2", .number(5)), ("k1", .number(6)), ("k3", .notAnswered)] {
                try await store.write { db in
                    try await MeasurementRepository(db, keyring: TestKeys.keyring).saveAnswer(
                        answer,
                        item: item,
                        respondent: .participant,
                        in: id,
                        now: now
                    )
                }
            }
            // A new connection, as after a closed tab: everything given so far is there.
            let resumed = try #require(
                try await store.read { db in try await MeasurementRepository(db, keyring: TestKeys.keyring).measurement(id) }
            )
            #expect(resumed.answers == ["k1": .number(6), "k2": .number(5), "k3": .notAnswered])
            #expect(!resumed.isComplete)
            #expect(kasam.unanswered(by: .participant, in: resumed.answers).count == 26)
            try await store.write { db in try await MeasurementRepository(db, keyring: TestKeys.keyring).complete(id, now: now) }
            let list = try await store.read { db in
                try await MeasurementRepository(db, keyring: TestKeys.keyring).measurements(of: participant)
            }
            #expect(list.map(\.isComplete) == [true])
            #expect(list.first?.instrumentID == "kasam" && list.first?.version == 1 && list.first?.occasion == .start)
        }
    }

    @Test("a definition version is stored once; a measurement keeps the version it was taken with", arguments: TestDatabase.available)
    func versions(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, participant) = try await ParticipantRepositoryTests.seed(store)
            let text = """
                {"id": "egen", "version": 2, "title": {"sv": "Egen"}, "scales": {"s": {"min": 1, "max": 5}},
                 "items": [{"id": "a", "respondent": "participant", "scale": "s", "text": {"sv": "A"}}]}
                """
            let instrument = try Instrument(definition: Data(text.utf8), file: "egen-2.json")
            let now = ParticipantRepositoryTests.now
            let id = try await store.write { db in
                let repository = MeasurementRepository(db, keyring: TestKeys.keyring)
                try await InstrumentDefinitionRepository(db).addDefinition(instrument, text: text, by: user, now: now)
                return try await repository.start(
                    instrument,
                    for: participant,
                    occasion: .other,
                    on: ParticipantRepositoryTests.today,
                    by: user
                )
            }
            await #expect(throws: StoreError.duplicate("egen version 2")) {
                try await store.write { db in
                    try await InstrumentDefinitionRepository(db).addDefinition(instrument, text: text, by: user, now: now)
                }
            }
            let stored = try await store.read { db in try await InstrumentDefinitionRepository(db).definitions() }
            #expect(stored.count == 1)
            #expect(try Instrument(definition: Data(stored[0].text.utf8), file: stored[0].file) == instrument)
            #expect(
                try await store.read { db in try await MeasurementRepository(db, keyring: TestKeys.keyring).measurement(id) }?.version == 2
            )
        }
    }
}
