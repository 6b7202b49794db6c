import Foundation
import FramstegCore
import FramstegTestSupport
import SQLKit
import Testing

@testable import FramstegStore

/// The register's duties in storage: the log searched and read per person, thinned from its oldest
/// end with the chain still proved, and retention that removes identity but not a single figure.
@Suite("Log review, extracts and retention in storage")
struct DutiesRepositoryTests {
    /// A row at `1_800_000_000 + index` seconds by user `user` about `object`.
    static func row(_ action: String, _ index: Int, user: Int64 = 1, type: String = "participant", object: String? = nil) -> AuditEntry {
        AuditEntry(
            occurredAt: Date(timeIntervalSince1970: 1_800_000_000 + TimeInterval(index) * 86_400),
            userID: UserID(user),
            role: .counsellor,
            action: action,
            objectType: type,
            objectID: object,
            associationID: AssociationID(1),
            result: .success,
            unitID: UnitID(3)
        )
    }

    static func append(_ store: Store, _ entries: [AuditEntry]) async throws {
        for entry in entries { try await store.write { db in try await AuditLog(db).append(entry) } }
    }

    @Test("the log is searched by user, event, participant and period, newest first, a page at a time", arguments: TestDatabase.available)
    func search(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await Self.append(
                store,
                [
                    Self.row("participant.read", 0, user: 1, object: "12"),
                    Self.row("participant.read", 1, user: 2, object: "112"),
                    Self.row("participant.contact", 2, user: 1, object: "12"),
                    Self.row("participants.search", 3, user: 2, type: "participants", object: "5,12,40"),
                    Self.row("participants.search", 4, user: 2, type: "participants", object: "120,312"),
                    Self.row("unit.update", 5, user: 1, type: "unit", object: "3"),
                ]
            )
            try await store.read { db throws in
                let log = AuditLog(db)
                func sequences(_ filter: AuditFilter, offset: Int = 0, limit: Int = 50) async throws -> [Int64] {
                    try await log.search(filter, in: AssociationID(1), offset: offset, limit: limit).records.map(\.sequence)
                }
                // Participant 12's rows: its own two, and the search that listed it — not 112's, 120's or 312's.
                #expect(try await sequences(AuditFilter(participantID: ParticipantID(12))) == [4, 3, 1])
                #expect(try await sequences(AuditFilter(userID: UserID(2))) == [5, 4, 2])
                #expect(try await sequences(AuditFilter(action: "participant.")) == [3, 2, 1])
                let day = { (index: Int) in Day(Date(timeIntervalSince1970: 1_800_000_000 + TimeInterval(index) * 86_400)) }
                #expect(try await sequences(AuditFilter(from: day(1), through: day(3))) == [4, 3, 2])
                let first = try await log.search(AuditFilter(), in: AssociationID(1), offset: 0, limit: 4)
                let second = try await log.search(AuditFilter(), in: AssociationID(1), offset: 4, limit: 4)
                #expect(first.records.map(\.sequence) == [6, 5, 4, 3] && first.hasMore)
                #expect(second.records.map(\.sequence) == [2, 1] && !second.hasMore)
                #expect(try await log.search(AuditFilter(), in: AssociationID(2), offset: 0, limit: 10).records.isEmpty)
                #expect(try await log.about(ParticipantID(12), from: nil, through: nil).map(\.sequence) == [1, 3, 4])
                #expect(try await log.about(ParticipantID(12), from: day(2), through: day(2)).map(\.sequence) == [3])
                let reads = try await log.reads(in: AssociationID(1), from: day(0), through: day(9))
                #expect(
                    reads == [
                        LogSample.Read(sequence: 1, participant: ParticipantID(12)),
                        LogSample.Read(sequence: 2, participant: ParticipantID(112)),
                    ]
                )
            }
        }
    }

    @Test(
        "thinning removes the oldest rows behind an anchor: what remains verifies, and nothing above the anchor can be deleted",
        arguments: TestDatabase.available
    )
    func thinning(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            try await Self.append(store, (0..<12).map { Self.row("participant.read", $0, object: "7") })
            // Checkpoints written before the thinning: below the anchor, at it, and above it.
            let checkpoints = try await store.read { db in
                var lines: [String] = []
                for sequence in [Int64(3), 5, 9] {
                    let hash = try #require(try await AuditLog(db).hash(at: sequence))
                    lines.append(AuditCheckpoint(sequence: sequence, hash: hash, time: 0).line(signedWith: TestKeys.keyring.auditKey))
                }
                return lines.joined(separator: "\n")
            }
            let cutoff = Date(timeIntervalSince1970: 1_800_000_000 + 4.5 * 86_400)
            let removed = try await store.write { db in try await AuditLog(db).thin(before: cutoff, now: Date()) }
            #expect(removed == 5)
            try await store.read { db throws in
                let log = AuditLog(db)
                #expect(try await log.verify() == .intact(rows: 7))
                #expect(try await log.verifyRecent(rows: 100) == .intact(rows: 7))
                #expect(try await log.latestAnchor()?.through == 5)
                #expect(try await log.check(checkpoints: checkpoints).isEmpty, "checkpoints from before still hold")
            }
            // A second run with the same cutoff finds nothing; new rows chain on.
            #expect(try await store.write { db in try await AuditLog(db).thin(before: cutoff, now: Date()) } == 0)
            try await Self.append(store, [Self.row("unit.update", 20, type: "unit")])
            #expect(try await store.read { db in try await AuditLog(db).verify() } == .intact(rows: 8))
            // Above the anchor the log is still append-only, and the anchors themselves cannot go.
            await #expect(throws: (any Error).self) {
                try await store.write { db in try await db.raw("DELETE FROM audit_log WHERE sequence = 6").run() }
            }
            await #expect(throws: (any Error).self) {
                try await store.write { db in try await db.raw("DELETE FROM audit_anchors").run() }
            }
            // Removing a row by going around the triggers is still found.
            try await AuditLogTests.tamper(store, "DELETE FROM audit_log WHERE sequence = 8")
            #expect(try await store.read { db in try await AuditLog(db).verify() } == .broken(sequence: 9, reason: .linkBroken))
        }
    }

    @Test(
        "retention removes name, number, contact and free text of records ended past the period, keeps every figure, and runs again cleanly",
        arguments: TestDatabase.available
    )
    func retention(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let context = try await DemoData(hashPassword: { "hash:" + $0 }, keyring: TestKeys.keyring, today: Day(now), participants: 200)
                .seed(store, now: now)
            let association = try #require(context.association).id
            let units = context.units.map(\.id)
            let admin = try #require(context.staff.values.first?.first)
            let periods = try RetentionPeriods(recordMonths: "6", auditYears: "5")
            try await store.write { db in try await RetentionRepository(db).set(periods, of: association, by: admin, now: now) }

            struct Figures: Equatable, Sendable {
                let facts: Set<ParticipantFacts>
                let groups: [String]
                let summaries: Set<ProgressSummary>
            }
            @Sendable func figures() async throws -> Figures {
                try await store.read { db in
                    let repository = FollowUpRepository(db)
                    var groups: [String] = []
                    for year in [Day(now).year - 2, Day(now).year - 1, Day(now).year] {
                        let period = ReportingPeriod(kind: .year, year: year)!
                        groups += FollowUpRepositoryTests.sorted(try await repository.groups(units: units, period: period))
                    }
                    return Figures(
                        facts: Set(try await repository.facts(units: units)),
                        groups: groups,
                        summaries: Set(try await ProgressSummaryRepository(db).summaries(of: "bip", units: units))
                    )
                }
            }
            let before = try await figures()
            let dry = try await RetentionRun(store: store, keyring: TestKeys.keyring).run(now: now, dryRun: true)
            let due = dry.records[association] ?? 0
            #expect(due > 0, "the demo has journeys that ended more than six months ago")
            #expect(try await figures() == before, "a dry run changes nothing")

            // One record's thinning that fails half-way leaves it untouched: each is its own transaction.
            let ended = try await store.read { db in
                try await db.select().column("id").from("participants").where(SQLColumn("ended_on"), .isNot, SQLLiteral.null)
                    .orderBy("ended_on").first()?.decode(column: "id", as: Int64.self)
            }
            let victim = ParticipantID(try #require(ended))
            let original = try #require(
                try await store.read { db in try await ParticipantRepository(db, keyring: TestKeys.keyring).participant(victim) }
            )
            struct Interrupted: Error {}
            await #expect(throws: Interrupted.self) {
                // `-> Void`: a body that always throws would be inferred as `Never` and never run.
                try await store.write { db -> Void in
                    try await RetentionRun.thin(
                        RetentionRun.Due(id: victim, unit: original.unitID),
                        on: Day(now),
                        keyring: TestKeys.keyring,
                        db
                    )
                    let halfway = try await ParticipantRepository(db, keyring: TestKeys.keyring).participant(victim)
                    #expect(halfway?.personalIdentityNumber == nil, "the thinning ran before the interruption")
                    throw Interrupted()
                }
            }
            #expect(
                try await store.read { db in try await ParticipantRepository(db, keyring: TestKeys.keyring).participant(victim) }
                    == original
            )

            let report = try await RetentionRun(store: store, keyring: TestKeys.keyring).run(now: now)
            #expect(report.records[association] == due)
            #expect(try await figures() == before, "the figures of every year are the same after the run")
            try await store.read { db throws in
                let thinned = try #require(try await ParticipantRepository(db, keyring: TestKeys.keyring).participant(victim))
                #expect(thinned.name.isEmpty && thinned.phone.isEmpty && thinned.email.isEmpty && thinned.referrerName.isEmpty)
                #expect(thinned.personalIdentityNumber == nil && thinned.reason == nil)
                #expect(
                    (thinned.gender, thinned.birthYear, thinned.state, thinned.unitID) == (
                        original.gender, original.birthYear, original.state, original.unitID
                    )
                )
                let number = try #require(original.personalIdentityNumber)
                #expect(try await ParticipantRepository(db, keyring: TestKeys.keyring).all(with: number, in: association).isEmpty)
                let prefixes: [any SQLRow] = try await db.select().column("prefix_hash").from("participant_name_prefixes")
                    .where("participant_id", .equal, victim.rawValue).all()
                #expect(prefixes.isEmpty, "the name cannot be searched for any more")
                for meeting in try await ActivityRepository(db, keyring: TestKeys.keyring).meetings(of: victim) {
                    #expect(meeting.notes.isEmpty && meeting.decisions.isEmpty && meeting.attendees.isEmpty)
                }
                for (goal, steps) in try await PlanRepository(db, keyring: TestKeys.keyring).plan(of: victim) {
                    #expect(goal.text.isEmpty && steps.allSatisfy(\.text.isEmpty))
                }
                // Each record's thinning and the run are in the log, which still verifies.
                let rows = try await AuditLog(db).about(victim, from: nil, through: nil).map(\.entry.action)
                #expect(rows.contains("participant.retention"))
                guard case .intact = try await AuditLog(db).verify() else {
                    Issue.record("the log verifies after the run")
                    return
                }
            }
            let again = try await RetentionRun(store: store, keyring: TestKeys.keyring).run(now: now)
            #expect(again.recordTotal == 0 && again.auditRows == 0)
        }
    }

    @Test("the watch list holds those added and everyone with protected personal data", arguments: TestDatabase.available)
    func watchList(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let context = try await DemoData(hashPassword: { "hash:" + $0 }, keyring: TestKeys.keyring, today: Day(now), participants: 5)
                .seed(store, now: now)
            let association = try #require(context.association).id
            let admin = try #require(context.staff.values.first?.first)
            try await store.write { db in
                let ids = try await ParticipantRepository(db, keyring: TestKeys.keyring).participants(inAssociation: association).map(\.id)
                try await ParticipantRepository(db, keyring: TestKeys.keyring).setProtected(true, of: ids[0])
                try await WatchListRepository(db, keyring: TestKeys.keyring).add(ids[1], reason: .staffRelative, by: admin, now: now)
                try await WatchListRepository(db, keyring: TestKeys.keyring).add(ids[1], reason: .particularInterest, by: admin, now: now)
                let watched = try await WatchListRepository(db, keyring: TestKeys.keyring).watched(in: association)
                #expect(Set(watched.map(\.participantID)) == [ids[0], ids[1]])
                #expect(watched.first { $0.participantID == ids[0] }?.reason == .protectedIdentity)
                #expect(watched.first { $0.participantID == ids[1] }?.reason == .particularInterest, "added again, the newer reason holds")
                #expect(watched.allSatisfy { !$0.name.isEmpty })
                try await WatchListRepository(db, keyring: TestKeys.keyring).remove(ids[1])
                #expect(
                    try await WatchListRepository(db, keyring: TestKeys.keyring).watched(in: association).map(\.participantID) == [ids[0]]
                )
                let summary = try #require(try await ParticipantRepository(db, keyring: TestKeys.keyring).summary(ids[0]))
                #expect(summary.isProtected && summary.shown(to: UserID(999_999)).name == ProtectedIdentity.initials(of: summary.name))
            }
        }
    }

    @Test("reviews are recorded with their conclusions sealed", arguments: TestDatabase.available)
    func reviews(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let context = try await DemoData(hashPassword: { "hash:" + $0 }, keyring: TestKeys.keyring, today: Day(now), participants: 1)
                .seed(store, now: now)
            let association = try #require(context.association).id
            let admin = try #require(context.staff.values.first?.first)
            try await store.write { db in
                let reviews = ReviewRepository(db, keyring: TestKeys.keyring)
                try await reviews.recordLogReview(
                    in: association,
                    by: admin,
                    from: Day("2026-11-01")!,
                    through: Day("2026-11-30")!,
                    checked: [4, 9],
                    conclusion: "Alla läsningar hade tjänstebehov.",
                    now: now
                )
                try await reviews.recordAccessReview(in: association, by: admin, userCount: 12, conclusion: "Två konton stängda.", now: now)
                let log = try await reviews.logReviews(in: association)
                #expect(log.map(\.checked) == [[4, 9]] && log.first?.conclusion == "Alla läsningar hade tjänstebehov.")
                #expect(try await reviews.accessReviews(in: association).map(\.userCount) == [12])
                let stored = try await db.select().column("conclusion_sealed").from("log_reviews").first()?
                    .decode(column: "conclusion_sealed", as: String.self)
                #expect(stored?.contains("tjänstebehov") == false, "the conclusion is sealed at rest")
            }
        }
    }
}

@Suite("One-time form tokens")
struct FormSendRepositoryTests {
    @Test("the first send of a token claims it, a later one finds it taken, and old ones are forgotten", arguments: TestDatabase.available)
    func claim(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let claim = { @Sendable (token: String, at: Date) in
                try await store.write { db in try await FormSendRepository(db).claim(token, now: at) }
            }
            #expect(try await claim("a", now))
            #expect(try await !claim("a", now.addingTimeInterval(5)))
            #expect(try await claim("b", now.addingTimeInterval(5)))
            #expect(try await claim("a", now.addingTimeInterval(FormSendRepository.memory + 10)), "forgotten after two days")
        }
    }
}
