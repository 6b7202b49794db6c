import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

@Suite("Participant repository")
struct ParticipantRepositoryTests {
    static let today = Day("2026-11-23")!
    static let now = today.date

    static func draft(_ number: String = "19811218-9876") -> ParticipantDraft {
        ParticipantDraft(
            personalIdentityNumber: number,
            name: "Sara Lind",
            phone: "070-123 45 67",
            email: "",
            gender: "woman",
            municipalityID: "1",
            referrerKind: "fk",
            referrerName: "Handläggare Ek",
            authorities: ["fk", "region"],
            reason: "Långvarig sjukskrivning, behöver stöd från flera håll.",
            consent: true
        )
    }

    static func seed(_ store: Store) async throws -> (OrganisationUnit, UserID, ParticipantID) {
        try await store.write { db in
            let organisation = OrganisationRepository(db)
            let association = try await organisation.createAssociation(name: "Insjöriket", now: now)
            let municipality = try await organisation.createMunicipality(in: association.id, name: "Lerum")
            let unit = try await organisation.createUnit(in: association.id, municipalityID: municipality.id, name: "ACTivera Lerum")
            let user = try await UserRepository(db).create(
                in: association.id,
                email: "h@a.se",
                name: "H",
                role: .counsellor,
                unitIDs: [unit.id],
                passwordHash: "x",
                now: now
            )
            let valid = try draft().validated(municipalities: [municipality], today: now)
            let id = try await ParticipantRepository(db, keyring: TestKeys.keyring).register(
                valid,
                unit: unit,
                on: today,
                by: user.id,
                now: now
            )
            return (unit, user.id, id)
        }
    }

    @Test(
        "the stored row holds no trace of the number, name, phone, referrer, authorities or reason, each bound to its row",
        arguments: TestDatabase.available
    )
    func encryptedAtRest(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            _ = try await Self.seed(store)
            let columns = ["pnr_sealed", "name", "phone", "email", "referrer_name", "authorities", "reason_sealed"]
            let stored = try await store.read { db in
                try await db.select().columns(columns + ["pnr_lookup"]).from("participants").all()
                    .map { row in try (columns + ["pnr_lookup"]).map { try row.decode(column: $0, as: String.self) } }
            }
            #expect(stored.count == 1)
            let text = stored[0].joined(separator: "|")
            for fragment in [
                "198112189876", "8112189876", "19811218", "811218-9876", "sjukskrivning", "Sara", "Lind", "123 45", "Handläggare", "region",
            ] {
                #expect(!text.contains(fragment), "found \(fragment)")
            }
            for value in stored[0].dropLast() { #expect(value.hasPrefix("~2026-01:"), "bound form, got \(value.prefix(12))") }
        }
    }

    @Test("the record opens with the number and reason; look-up by number finds it", arguments: TestDatabase.available)
    func readBack(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, _, id) = try await Self.seed(store)
            try await store.read { db throws in
                let repository = ParticipantRepository(db, keyring: TestKeys.keyring)
                let participant = try #require(try await repository.participant(id))
                #expect(participant.personalIdentityNumber?.formatted == "19811218-9876")
                #expect(participant.reason == "Långvarig sjukskrivning, behöver stöd från flera håll.")
                #expect(participant.authorities == [.socialInsurance, .region])
                #expect(participant.birthYear == 1981)
                #expect(participant.state == .registered)
                let number = try PersonalIdentityNumber(parsing: "811218-9876", today: Self.now)
                #expect(try await repository.ongoing(with: number, in: unit.associationID).map(\.id) == [id])
                #expect(try await repository.participants(inUnit: unit.id).map(\.name) == ["Sara Lind"])
            }
        }
    }

    @Test("steps are kept with their day, who recorded them, and a sealed reason", arguments: TestDatabase.available)
    func steps(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (_, user, id) = try await Self.seed(store)
            try await store.write { db throws in
                let repository = ParticipantRepository(db, keyring: TestKeys.keyring)
                let informed = try Journey.transition(
                    from: .registered,
                    .informationConversation,
                    on: Self.today,
                    previousDay: Self.today,
                    today: Self.today,
                    by: user
                )
                try await repository.record(informed, participant: id, now: Self.now)
                let withdrawn = try Journey.transition(
                    from: .informed,
                    .withdraw(reason: "Har fått arbete"),
                    on: Self.today,
                    previousDay: Self.today,
                    today: Self.today,
                    by: user
                )
                try await repository.record(withdrawn, participant: id, now: Self.now)
                try await repository.assignCounsellor(user, to: id, from: Self.today, by: user, now: Self.now)
            }
            try await store.read { db throws in
                let repository = ParticipantRepository(db, keyring: TestKeys.keyring)
                let steps = try await repository.steps(of: id)
                #expect(steps.map(\.transition.to) == [.registered, .informed, .withdrawn])
                #expect(steps.last?.reason == "Har fått arbete")
                #expect(steps.last?.transition.recordedBy == user)
                #expect(try await repository.participant(id)?.state == .withdrawn)
                #expect(try await repository.participant(id)?.responsibleCounsellor == user)
                #expect(try await repository.counsellorHistory(of: id).map(\.counsellor) == [user])
                let row: (any SQLRow)? = try await db.select().column("reason_sealed").from("journey_steps").where(
                    "event",
                    .equal,
                    "withdraw"
                ).first()
                let sealed = try #require(row).decode(column: "reason_sealed", as: String.self)
                #expect(!sealed.contains("arbete"))
            }
        }
    }
}
