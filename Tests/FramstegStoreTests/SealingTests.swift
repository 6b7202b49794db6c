import Foundation
import FramstegCore
import FramstegTestSupport
import SQLKit
import Testing

// Internal: the demo's own lists of what it writes, and the inventory of sealed columns.
@testable import FramstegStore

@Suite("Personal data sealed and bound to its row")
struct SealingTests {
    static let today = ParticipantRepositoryTests.today
    static let now = ParticipantRepositoryTests.now
    static let keyring = TestKeys.keyring

    /// Every sealed column's values that are not in the bound form, as "table.column".
    static func unbound(_ store: Store) async throws -> [String] {
        try await store.read { db in
            var found: [String] = []
            for table in PlaintextSealing.tables {
                for column in table.columns {
                    let rows = try await db.select().column(SQLIdentifier(column.name)).from(table.name)
                        .where(SQLIdentifier(column.name), .isNot, SQLLiteral.null)
                        .where(SQLIdentifier(column.name), .notLike, SQLBind("~%")).all()
                    found += rows.map { _ in "\(table.name).\(column.name)" }
                }
            }
            return found
        }
    }

    /// After the demo (`DemoAndLocationTests.demo`): every personal column is sealed, and the
    /// SQLite file holds none of its names, numbers, addresses, referrers, titles, employers, notes or answers.
    static func expectNothingInTheClear(_ store: Store) async throws {
        #expect(try await unbound(store) == [])
        guard case .sqlite(let path) = store.location else { return }
        _ = try await store.read { db in try await db.raw("PRAGMA wal_checkpoint(TRUNCATE)").all() }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal")) { bytes += wal }
        #expect(bytes.count > 1_000_000, "the demo was written")
        #expect(found(demoTexts(), in: bytes) == [])
        // The search itself finds what is there.
        #expect(found(["ACTivera Lerum", "Anna Ek"], in: bytes) == ["ACTivera Lerum"])
    }

    /// What the demo generator writes about people, from its own lists. Full names, not single
    /// words: a short word can turn up by chance in base64.
    static func demoTexts() -> [String] {
        var texts: [String] = []
        for first in DemoNames.women + DemoNames.men + DemoNames.others {
            for surname in DemoNames.surnames {
                texts.append(first + " " + surname)
                texts.append(DemoNames.email(for: first + " " + surname))
            }
        }
        texts += DemoNames.referrers + DemoNames.reasons
        texts += DemoActivities.employers + DemoActivities.titles.values.flatMap { $0 } + DemoActivities.notes + DemoActivities.decisions
        // Phone numbers all begin "070-"; the sealed forms never hold a dash and a digit after it.
        texts.append("070-")
        // BIP's choices as stored, except those an anonymous survey answer (kept apart, not sealed) also begins with.
        let catalog = InstrumentCatalog(try! ShippedInstruments.load())
        let choices = { (instrument: Instrument) -> [String] in
            instrument.items.flatMap { item -> [String] in
                guard case .choice(let choices) = item.scale else { return [] }
                return choices.map { Answer.choice($0.value).storageValue }
            }
        }
        let anonymous = ["deltagarenkat", "vald-i-nara-relationer"].compactMap { catalog.latest($0) }.flatMap(choices)
        texts += choices(catalog.latest("bip")!).filter { bip in !anonymous.contains { $0.hasPrefix(bip) } }
        return texts
    }

    /// The needles that occur in `bytes`, in one pass: a position's first four bytes pick the candidates.
    static func found(_ needles: [String], in bytes: [UInt8]) -> Set<String> {
        func prefix(_ bytes: [UInt8], _ at: Int) -> UInt32 {
            UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
        }
        var byPrefix: [UInt32: [[UInt8]]] = [:]
        for needle in Set(needles) {
            let utf8 = Array(needle.utf8)
            precondition(utf8.count >= 4, "\(needle) is too short to look for")
            byPrefix[prefix(utf8, 0), default: []].append(utf8)
        }
        var found: Set<String> = []
        for position in 0..<max(0, bytes.count - 3) {
            guard let candidates = byPrefix[prefix(bytes, position)] else { continue }
            for candidate in candidates where position + candidate.count <= bytes.count {
                if bytes[position..<position + candidate.count].elementsEqual(candidate) {
                    found.insert(String(decoding: candidate, as: UTF8.self))
                }
            }
        }
        return found
    }

    /// A second participant in the seeded unit, with this number and name.
    static func register(
        _ name: String,
        number: String,
        unit: OrganisationUnit,
        user: UserID,
        _ db: any SQLDatabase
    ) async throws -> ParticipantID {
        var draft = ParticipantRepositoryTests.draft(number)
        draft.name = name
        let municipalities = try await OrganisationRepository(db).municipalities(of: unit.associationID)
        let valid = try draft.validated(municipalities: municipalities, today: now)
        return try await ParticipantRepository(db, keyring: keyring).register(valid, unit: unit, on: today, by: user, now: now)
    }

    @Test("a sealed value moved to another row or column no longer opens", arguments: TestDatabase.available)
    func swappedValuesDoNotOpen(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, user, first) = try await ParticipantRepositoryTests.seed(store)
            let second = try await store.write { db in
                try await Self.register("Sara Lind", number: "19900101-1239", unit: unit, user: user, db)
            }
            #expect(
                try await store.read { db in try await ParticipantRepository(db, keyring: Self.keyring).participant(second) }?.name
                    == "Sara Lind"
            )
            // Another row's name, the same row's phone in the name column: neither opens.
            try await store.write { db in
                try await db.raw(
                    "UPDATE participants SET name = (SELECT name FROM participants WHERE id = \(bind: first.rawValue)) WHERE id = \(bind: second.rawValue)"
                ).run()
                try await db.raw("UPDATE participants SET name = phone WHERE id = \(bind: first.rawValue)").run()
            }
            for id in [first, second] {
                await #expect(throws: FieldKeyring.Problem.undecryptable) {
                    try await store.read { db in try await ParticipantRepository(db, keyring: Self.keyring).participant(id) }
                }
                await #expect(throws: FieldKeyring.Problem.undecryptable) {
                    try await store.read { db in try await ParticipantRepository(db, keyring: Self.keyring).summary(id) }
                }
            }
            // Two answers of one measurement swapped between their items.
            let kasam = try #require(InstrumentCatalog(try ShippedInstruments.load()).latest("kasam"))
            let measurement = try await store.write { db in
                try await MeasurementRepository(db, keyring: Self.keyring).addCompleted(
                    kasam,
                    for: first,
                    occasion: .start,
                    on: Self.today,
                    answers: ["k1": .number(2), "k2": .number(6)],
                    by: user,
                    now: Self.now
                )
            }
            try await store.write { db in
                let id = measurement.rawValue
                try await db.raw(
                    """
                    UPDATE measurement_answers SET answer = CASE item_id
                      WHEN 'k1' THEN (SELECT a.answer FROM measurement_answers a WHERE a.measurement_id = \(bind: id) AND a.item_id = 'k2')
                      ELSE (SELECT a.answer FROM measurement_answers a WHERE a.measurement_id = \(bind: id) AND a.item_id = 'k1') END
                    WHERE measurement_id = \(bind: id)
                    """
                ).run()
            }
            await #expect(throws: FieldKeyring.Problem.undecryptable) {
                try await store.read { db in try await MeasurementRepository(db, keyring: Self.keyring).measurement(measurement) }
            }
        }
    }

    @Test(
        "a database written by the older code (plaintext, unbound seals) is sealed and bound in batches, once, and reads as before",
        arguments: TestDatabase.available
    )
    func upgradeFromPlaintext(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, user, _) = try await ParticipantRepositoryTests.seed(store)
            let old = try await store.write { db in try await Self.writeAsTheOlderCodeDid(db, unit: unit, user: user) }
            #expect(try await Self.unbound(store).count == 17)

            #expect(try await PlaintextSealing(keyring: Self.keyring, batchSize: 2).run(store) == 17)
            #expect(try await Self.unbound(store) == [])
            #expect(try await PlaintextSealing(keyring: Self.keyring, batchSize: 2).run(store) == 0, "nothing left the second time")

            try await store.read { db in
                let participants = ParticipantRepository(db, keyring: Self.keyring)
                let record = try #require(try await participants.participant(old.participant))
                #expect(record.name == "Örjan Åberg" && record.phone == "070-999 88 77" && record.email == "orjan@exempel.se")
                #expect(record.referrerName == "Ulf Ekström" && record.authorities == [.employmentService, .socialInsurance])
                #expect(record.personalIdentityNumber?.digits == "199001011239" && record.reason == "Vill pröva arbetsträning.")
                #expect(try await participants.steps(of: old.participant).last?.reason == "Flyttar.")
                #expect(try await participants.participants(matchingName: "åberg", in: unit.associationID).map(\.id) == [old.participant])
                let activities = ActivityRepository(db, keyring: Self.keyring)
                let intervention = try #require(try await activities.interventions(of: old.participant).first)
                #expect(intervention.title == "Truckkort" && intervention.employerName == "Vårgårda Trä AB")
                let meeting = try #require(try await activities.meetings(of: old.participant).first)
                #expect(meeting.attendees == [.participant, .counsellor] && meeting.notes == "Pratade om oro." && meeting.decisions == "")
                let plan = try await PlanRepository(db, keyring: Self.keyring).plan(of: old.participant)
                #expect(plan.map(\.goal.text) == ["Arbeta halvtid."] && plan.first?.steps.map(\.text) == ["Ringa vårdcentralen."])
                let measurement = try #require(try await MeasurementRepository(db, keyring: Self.keyring).measurement(old.measurement))
                #expect(measurement.answers == ["k1": .number(7), "k2": .notAnswered, "k3": .number(3)])
            }
        }
    }

    /// One participant with everything, as the code before sealing stored it: names, contact
    /// details, titles, attendees and answers in the clear; number, reasons, notes and plan texts
    /// sealed without binding (`keyID:base64`).
    static func writeAsTheOlderCodeDid(
        _ db: any SQLDatabase,
        unit: OrganisationUnit,
        user: UserID
    ) async throws -> (participant: ParticipantID, measurement: MeasurementID) {
        let unbound = { (text: String) in try keyring.seal(text).stored }
        let participant = try await db.insertReturningID(
            db.insert(into: "participants").columns(
                "association_id",
                "unit_id",
                "municipality_id",
                "name",
                "phone",
                "email",
                "gender",
                "birth_year",
                "pnr_sealed",
                "pnr_lookup",
                "referrer_kind",
                "referrer_name",
                "authorities",
                "reason_sealed",
                "has_consented",
                "state",
                "registered_on",
                "created_at"
            )
            .values(
                SQLBind(unit.associationID.rawValue),
                SQLBind(unit.id.rawValue),
                SQLBind(unit.municipalityID.rawValue),
                SQLBind("Örjan Åberg"),
                SQLBind("070-999 88 77"),
                SQLBind("orjan@exempel.se"),
                SQLBind("man"),
                SQLBind(1990),
                SQLBind(try unbound("199001011239")),
                SQLBind(keyring.lookupHash("199001011239")),
                SQLBind("af"),
                SQLBind("Ulf Ekström"),
                SQLBind("af,fk"),
                SQLBind(try unbound("Vill pröva arbetsträning.")),
                SQLBind(true),
                SQLBind("withdrawn"),
                SQLBind(today.description),
                SQLBind(now.storedSeconds)
            )
        )
        try await db.insert(into: "journey_steps").columns(
            "participant_id",
            "from_state",
            "to_state",
            "event",
            "reason_sealed",
            "day",
            "recorded_at"
        )
        .values(
            SQLBind(participant),
            SQLBind("registered"),
            SQLBind("withdrawn"),
            SQLBind("withdraw"),
            SQLBind(try unbound("Flyttar.")),
            SQLBind(today.description),
            SQLBind(now.storedSeconds)
        ).run()
        try await db.insert(into: "interventions").columns(
            "participant_id",
            "type",
            "provider",
            "title",
            "employer_name",
            "start_day",
            "recorded_at"
        )
        .values(
            SQLBind(participant),
            SQLBind("job"),
            SQLBind("employer"),
            SQLBind("Truckkort"),
            SQLBind("Vårgårda Trä AB"),
            SQLBind(today.description),
            SQLBind(now.storedSeconds)
        ).run()
        try await db.insert(into: "meetings").columns(
            "participant_id",
            "kind",
            "day",
            "attendees",
            "notes_sealed",
            "recorded_by",
            "recorded_at"
        )
        .values(
            SQLBind(participant),
            SQLBind("individual"),
            SQLBind(today.description),
            SQLBind("counsellor,participant"),
            SQLBind(try unbound("Pratade om oro.")),
            SQLBind(user.rawValue),
            SQLBind(now.storedSeconds)
        ).run()
        let goal = try await db.insertReturningID(
            db.insert(into: "plan_goals").columns("participant_id", "text_sealed", "indicators", "created_on")
                .values(SQLBind(participant), SQLBind(try unbound("Arbeta halvtid.")), SQLBind(""), SQLBind(today.description))
        )
        try await db.insert(into: "plan_steps").columns("goal_id", "text_sealed", "owner", "due_on", "status", "changed_at")
            .values(
                SQLBind(goal),
                SQLBind(try unbound("Ringa vårdcentralen.")),
                SQLBind(PlanStepOwner.counsellor.storageValue),
                SQLBind(today.description),
                SQLBind("planned"),
                SQLBind(now.storedSeconds)
            ).run()
        let measurement = try await db.insertReturningID(
            db.insert(into: "measurements").columns("participant_id", "instrument_id", "version", "occasion", "taken_on")
                .values(SQLBind(participant), SQLBind("kasam"), SQLBind(1), SQLBind("start"), SQLBind(today.description))
        )
        let answers = db.insert(into: "measurement_answers").columns("measurement_id", "item_id", "answer", "respondent", "answered_at")
        for (item, answer) in [("k1", "7"), ("k2", "-"), ("k3", "3")] {
            answers.values(SQLBind(measurement), SQLBind(item), SQLBind(answer), SQLBind("participant"), SQLBind(now.storedSeconds))
        }
        try await answers.run()
        return (ParticipantID(participant), MeasurementID(measurement))
    }

    @Test(
        "a name is found by the beginnings of its words, without case or accents, within the units asked for",
        arguments: TestDatabase.available
    )
    func nameLookup(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, user, sara) = try await ParticipantRepositoryTests.seed(store)
            let association = unit.associationID
            let (annaKarin, anna) = try await store.write { db in
                (
                    try await Self.register("Anna-Karin  Lindqvist", number: "19900101-1239", unit: unit, user: user, db),
                    try await Self.register("Anna Åberg", number: "19811218-9876", unit: unit, user: user, db)
                )
            }
            let found = { (query: String) in
                try await store.read { db in
                    try await ParticipantRepository(db, keyring: Self.keyring).participants(matchingName: query, in: association).map(\.id)
                }
            }
            #expect(try await found("anna") == [annaKarin, anna])
            #expect(try await found("ANNA") == [annaKarin, anna])
            #expect(try await found("Karin") == [annaKarin])
            #expect(try await found("lindqvist") == [annaKarin])
            #expect(try await found("Anna Lindqvist") == [annaKarin], "every word must match")
            #expect(try await found("Lind") == [sara, annaKarin], "a beginning: Lind and Lindqvist")
            #expect(try await found("an li") == [annaKarin], "every word begins one of the name's")
            #expect(try await found("åberg") == [anna])
            #expect(try await found("Aberg") == [anna], "typed without å on a phone")
            #expect(try await found("a") == [], "one letter would list half the unit")
            #expect(try await found("  ") == [])
            #expect(
                try await store.read { db in
                    try await ParticipantRepository(db, keyring: Self.keyring).participants(
                        matchingName: "anna",
                        in: association,
                        units: []
                    )
                } == [],
                "no units, nobody"
            )
            #expect(try await found("anna") == [annaKarin, anna])
            let other = try await store.write { db in try await OrganisationRepository(db).createAssociation(name: "Annat", now: Self.now) }
            #expect(
                try await store.read { db in
                    try await ParticipantRepository(db, keyring: Self.keyring).participants(matchingName: "anna", in: other.id)
                } == []
            )
            // A new name replaces the old words.
            try await store.write { db in
                try await ParticipantRepository(db, keyring: Self.keyring).updateContact(
                    of: anna,
                    name: "Anna Öberg",
                    phone: "070-1",
                    email: "",
                    referrerName: ""
                )
            }
            #expect(try await found("åberg") == [])
            #expect(try await found("öberg") == [anna])
            #expect(try await found("oberg") == [anna])
            // No word is stored in the clear.
            let hashes = try await store.read { db in
                try await db.select().column("prefix_hash").from("participant_name_prefixes").all().map {
                    try $0.decode(column: "prefix_hash", as: String.self)
                }
            }
            let names = try await store.read { db in
                try await ParticipantRepository(db, keyring: Self.keyring).participants(inAssociation: association).map(\.name)
            }
            #expect(hashes.count == names.map { NameLookup.prefixes(of: $0).count }.reduce(0, +))
            #expect(hashes.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) }, "no beginning is stored in the clear")
            #expect(NameLookup.prefixes(of: "Jo Åberg-Li") == ["jo", "ab", "abe", "aber", "aberg", "li"])
            // A database from before the look-up by beginnings: the keyed step indexes the sealed names again.
            try await store.write { db in try await db.delete(from: "participant_name_prefixes").run() }
            #expect(try await found("oberg") == [])
            #expect(try await PlaintextSealing(keyring: Self.keyring, batchSize: 2).run(store) == names.count)
            #expect(try await found("oberg") == [anna])
            #expect(try await PlaintextSealing(keyring: Self.keyring, batchSize: 2).run(store) == 0, "nothing left the second time")
        }
    }

    @Test("the counsellor's own participants are listed by name in Swedish order, sorted after opening", arguments: TestDatabase.available)
    func activeByName(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (unit, user, _) = try await ParticipantRepositoryTests.seed(store)
            let names = try await store.write { db in
                let participants = ParticipantRepository(db, keyring: Self.keyring)
                // Ended and waiting participants are left out (in the query: their names are never opened).
                let states: [JourneyState] = [.block(1), .introduction, .block(3), .block(1), .block(2), .exited, .registered]
                for (index, name) in ["Örjan Ek", "Zara Holm", "åsa Berg", "Anna Ek", "Ärla Lind", "Bo Slut", "Cecilia Väntar"].enumerated()
                {
                    let id = try await Self.register(
                        name,
                        number: ["19900101-1239", "19811218-9876"][index % 2],
                        unit: unit,
                        user: user,
                        db
                    )
                    if states[index] != .registered {
                        try await participants.record(
                            JourneyTransition(from: .registered, to: states[index], event: .start, day: Self.today, recordedBy: user),
                            participant: id,
                            now: Self.now
                        )
                    }
                    try await participants.assignCounsellor(user, to: id, from: Self.today, by: user, now: Self.now)
                }
                return try await participants.active(responsible: user).map(\.name)
            }
            #expect(names == ["Anna Ek", "Zara Holm", "åsa Berg", "Ärla Lind", "Örjan Ek"])
        }
    }
}
