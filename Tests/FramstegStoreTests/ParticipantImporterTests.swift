import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

@Suite("Participant import into the database")
struct ParticipantImporterTests {
    @Test(
        "people already under way are found; the rows are written together, started ones through the state machine",
        arguments: TestDatabase.available
    )
    func importRows(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, _, existing) = try await ParticipantRepositoryTests.seed(store)
            let municipalities = try await store.read { db in try await OrganisationRepository(db).municipalities(of: unit.associationID) }
            let file = """
                personnummer,namn,kön,kommun,remittent,telefon,registrerad,startdatum
                19811218-9876,Sara Lind,kvinna,Lerum,fk,070-1,,
                19900101-0017,Nils Ny,man,Lerum,af,070-2,2026-10-01,2026-10-10
                20000229-0005,Lena Ek,kvinna,Lerum,egen,070-3,,
                """
            let today = ParticipantRepositoryTests.today
            let result = try ParticipantImport.check(file, municipalities: municipalities, today: today)
            #expect(result.problems.isEmpty)
            let importer = ParticipantImporter(store: store, keyring: TestKeys.keyring)
            let taken = try await importer.alreadyRegistered(result.valid, in: unit, column: "personnummer")
            #expect(
                taken == [
                    ParticipantImport.RowProblem(line: 2, field: "personalIdentityNumber", column: "personnummer", problem: .alreadyTaken)
                ]
            )

            let rows = result.valid.filter { $0.line != 2 }
            #expect(try await importer.write(rows, into: unit, today: today, now: ParticipantRepositoryTests.now) == 2)
            let (all, audit) = try await store.read { db in
                (
                    try await ParticipantRepository(db, keyring: TestKeys.keyring).participants(inUnit: unit.id),
                    try await AuditLog(db).recent(associationID: unit.associationID, limit: 1)
                )
            }
            #expect(all.count == 3)
            let nils = try #require(all.first { $0.name == "Nils Ny" })
            #expect(nils.state == .introduction)
            #expect(nils.registeredOn == Day("2026-10-01"))
            #expect(all.first { $0.name == "Lena Ek" }?.state == .registered)
            #expect(all.contains { $0.id == existing })
            #expect(audit.first?.entry.action == "participant.import")
            let steps = try await store.read { db in try await ParticipantRepository(db, keyring: TestKeys.keyring).steps(of: nils.id) }
            #expect(steps.map(\.transition.to) == [.registered, .informed, .introduction])
        }
    }

    @Test("a failure half-way writes nothing", arguments: TestDatabase.available)
    func allOrNothing(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, _, _) = try await ParticipantRepositoryTests.seed(store)
            let municipalities = try await store.read { db in try await OrganisationRepository(db).municipalities(of: unit.associationID) }
            let result = try ParticipantImport.check(
                "personnummer;namn;kön;kommun;remittent;telefon\n19900101-0017;Nils;man;Lerum;af;1\n",
                municipalities: municipalities,
                today: ParticipantRepositoryTests.today
            )
            // A unit that does not exist makes the insert fail after nothing else has been checked.
            let missing = OrganisationUnit(
                id: UnitID(9999),
                associationID: unit.associationID,
                municipalityID: unit.municipalityID,
                name: "Borta"
            )
            await #expect(throws: (any Error).self) {
                try await ParticipantImporter(store: store, keyring: TestKeys.keyring)
                    .write(
                        result.valid + result.valid,
                        into: missing,
                        today: ParticipantRepositoryTests.today,
                        now: ParticipantRepositoryTests.now
                    )
            }
            let count = try await store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).participants(inAssociation: unit.associationID).count
            }
            #expect(count == 1)
        }
    }

    @Test(
        "rows written without the check still meet the duplicate rule: someone under way stops the whole file",
        arguments: TestDatabase.available
    )
    func ruleHoldsWhenWriting(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, _, _) = try await ParticipantRepositoryTests.seed(store)
            let municipalities = try await store.read { db in try await OrganisationRepository(db).municipalities(of: unit.associationID) }
            // Nils is new; Sara Lind was registered by the seed (as by someone else after the check).
            let result = try ParticipantImport.check(
                "personnummer;namn;kön;kommun;remittent;telefon\n19900101-0017;Nils Ny;man;Lerum;af;070-1\n19811218-9876;Sara Lind;kvinna;Lerum;fk;070-2\n",
                municipalities: municipalities,
                today: ParticipantRepositoryTests.today
            )
            #expect(result.problems.isEmpty && result.valid.count == 2)
            await #expect(throws: (any Error).self) {
                try await ParticipantImporter(store: store, keyring: TestKeys.keyring)
                    .write(result.valid, into: unit, today: ParticipantRepositoryTests.today, now: ParticipantRepositoryTests.now)
            }
            let names = try await store.read { db in
                try await ParticipantRepository(db, keyring: TestKeys.keyring).participants(inAssociation: unit.associationID).map(\.name)
            }
            #expect(names == ["Sara Lind"])
        }
    }
}
