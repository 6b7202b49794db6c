import Foundation
import FramstegCore
import SQLKit

/// Anonymous survey responses: held sealed until five of a pool have come in, then released
/// together, still sealed, into a group rewritten in a random order.
///
/// ## Threat model
/// The adversary is a database administrator, or anyone with the database file, its WAL, the
/// audit log and any number of backups, but not the key file. From the record they know who was
/// offered a survey; by comparing two copies, whose offers were completed in between; from the
/// audit log, when each hand-over of the tablet began and ended. They must not learn which
/// response is whose, nor what any response says. Each claim below has a test
/// (`SurveyRepositoryTests`, and `SurveyTests` through the HTTP layer):
///
/// 1. **A response names no one.** Its plain columns are survey, version, unit and month; the
///    gender given and the answers are sealed (AES-GCM under the key file's data key). There is
///    no participant, counsellor, session, address or time, and no row id that orders rows.
/// 2. **A completion adds no response.** It goes to the held set (`survey_held`): one sealed row
///    per held response, the whole table rewritten under fresh random ids and fresh nonces at
///    every addition, so two copies differ in every row and tell only how many are held.
/// 3. **Responses appear five at a time.** When a pool (survey, version, unit) holds five they
///    are released together, all stamped with the newest month among them (`ResponseBatches`),
///    into their group (survey, unit, month), which is rewritten whole in a random order under
///    new random ids. Two copies show that a batch of at least five rows alike in every plain
///    column appeared: the completers in between are linked to the batch, never to a row.
/// 4. **The record learns "completed", not when.** `SurveyOfferRepository` keeps offered and
///    completed; the completion's audit row names the unit, not the participant; the response
///    and the completion are separate transactions, so on PostgreSQL no transaction id is shared.
/// 5. **Nothing is left behind.** No query is logged at any level (`Store.unlogged`). On SQLite
///    `secure_delete` overwrites what is deleted and the WAL is checkpointed and truncated after
///    every survey write (`Store.checkpoint()`), so the files keep no earlier state of the tables.
///    PostgreSQL keeps dead row versions until vacuum, and its WAL: by 1–3 they hold only sealed
///    values and whole batches, nothing that links.
/// 6. **No read returns one response.** `responses` returns a scope's responses for counting,
///    never an id, and `SurveyResults` publishes only counts of five or more.
///
/// Not protected: someone with the key file and copies from before and after one completion can
/// open that participant's held response (so the key file is kept apart from database backups),
/// and the running application's memory.
public struct SurveyRepository: Sendable {
    let db: any SQLDatabase
    let keyring: FieldKeyring

    public init(_ db: any SQLDatabase, keyring: FieldKeyring) {
        self.db = db
        self.keyring = keyring
    }

    /// What a released row seals: everything that is not a plain column.
    struct SealedAnswers: Codable {
        var gender: Gender?
        var answers: [String: String]
        /// The response's key for the cell key method (absent in rows sealed before it existed).
        var recordKey: UInt32?
    }

    /// What a held row seals: the whole response.
    struct HeldResponse: Codable {
        var instrumentID: String
        var version: Int
        var unitID: Int64
        var month: String
        var gender: Gender?
        var answers: [String: String]
        var recordKey: UInt32

        init(_ response: AnonymousResponse) {
            instrumentID = response.instrumentID
            version = response.version
            unitID = response.unitID.rawValue
            month = response.month.description
            gender = response.gender
            answers = response.answers
            recordKey = response.recordKey.raw
        }

        var response: AnonymousResponse? {
            Month(month).map {
                AnonymousResponse(
                    instrumentID: instrumentID,
                    version: version,
                    unitID: UnitID(rawValue: unitID),
                    month: $0,
                    gender: gender,
                    answers: answers,
                    recordKey: RecordKey(raw: recordKey)
                )
            }
        }
    }

    /// A sealed value is bound to its table and row, so it cannot be moved to another row.
    static func binding(_ table: String, _ id: String) -> FieldBinding {
        FieldBinding(table: table, column: "sealed", row: id)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    /// Adds finished responses: they are held, and every pool that reaches five is released.
    /// Returns how many were released. Runs in the caller's transaction; call `Store.checkpoint()`
    /// after it commits.
    @discardableResult
    public func add(_ responses: [AnonymousResponse]) async throws -> Int {
        // Concurrent completions on PostgreSQL queue here, so none is lost from the rewritten set.
        if db.isPostgres { try await db.raw("SELECT pg_advisory_xact_lock(7311003)").run() }
        let held = try await heldResponses()
        let outcome = ResponseBatches.adding(responses, to: held)
        try await db.delete(from: "survey_held").run()
        var generator = SystemRandomNumberGenerator()
        if !outcome.held.isEmpty {
            var insert = db.insert(into: "survey_held").columns("id", "sealed")
            for response in outcome.held.shuffled(using: &generator) {
                let text = String(decoding: try Self.encoder.encode(HeldResponse(response)), as: UTF8.self)
                let id = RandomIdentifier.make()
                insert = insert.values(SQLBind(id), SQLBind(try keyring.seal(text, binding: Self.binding("survey_held", id))))
            }
            try await insert.run()
        }
        for batch in outcome.released { try await release(batch) }
        return outcome.released.reduce(0) { $0 + $1.count }
    }

    public func add(_ response: AnonymousResponse) async throws {
        try await add([response])
    }

    /// How many responses are held, waiting for their pool to reach five.
    public func heldCount() async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("survey_held").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    func heldResponses() async throws -> [AnonymousResponse] {
        try await db.select().columns("id", "sealed").from("survey_held").all().map { row in
            let binding = Self.binding("survey_held", try row.decode(column: "id", as: String.self))
            let text = try keyring.open(stored: try row.decode(column: "sealed", as: String.self), binding: binding)
            guard let response = try JSONDecoder().decode(HeldResponse.self, from: Data(text.utf8)).response else {
                throw FieldKeyring.Problem.undecryptable
            }
            return response
        }
    }

    /// Puts a batch (one survey, version, unit and month) into its group, and writes the whole
    /// group again in a random order under fresh keys and fresh nonces.
    func release(_ batch: [AnonymousResponse]) async throws {
        guard let first = batch.first else { return }
        try await rewriteGroup(first.instrumentID, unit: first.unitID, month: first.month, adding: batch)
    }

    /// Reads the group (survey, unit, month), deletes it and writes it again with `batch` added:
    /// every row sealed anew under a fresh key and nonce, in a random order.
    private func rewriteGroup(_ instrumentID: String, unit: UnitID, month: Month, adding batch: [AnonymousResponse]) async throws {
        let group = try await responses(in: instrumentID, unitIDs: [unit], months: month, month)
        try await db.delete(from: "survey_responses")
            .where("instrument_id", .equal, instrumentID).where("unit_id", .equal, unit.rawValue)
            .where("month", .equal, month.description).run()
        guard !(group + batch).isEmpty else { return }
        var generator = SystemRandomNumberGenerator()
        var insert = db.insert(into: "survey_responses").columns(
            "id",
            "instrument_id",
            "instrument_version",
            "unit_id",
            "month",
            "gender",
            "answers",
            "sealed"
        )
        for row in (group + batch).shuffled(using: &generator) {
            let sealed = String(
                decoding: try Self.encoder.encode(SealedAnswers(gender: row.gender, answers: row.answers, recordKey: row.recordKey.raw)),
                as: UTF8.self
            )
            let id = RandomIdentifier.make()
            insert = insert.values(
                SQLBind(id),
                SQLBind(row.instrumentID),
                SQLBind(row.version),
                SQLBind(row.unitID.rawValue),
                SQLBind(row.month.description),
                SQLBind(String?.none),
                SQLBind(""),
                SQLBind(try keyring.seal(sealed, binding: Self.binding("survey_responses", id)))
            )
        }
        try await insert.run()
    }

    /// The released responses of the units in a period, without their keys. Callers publish only
    /// aggregates of five or more (`SurveyResults`).
    public func responses(to instrumentID: String, units: [UnitID], period: MonthPeriod) async throws -> [AnonymousResponse] {
        try await responses(in: instrumentID, unitIDs: units, months: period.first, period.last)
    }

    func responses(in instrumentID: String, unitIDs: [UnitID], months first: Month, _ last: Month) async throws -> [AnonymousResponse] {
        guard !unitIDs.isEmpty else { return [] }
        return try await db.select().columns("id", "instrument_version", "unit_id", "month", "gender", "answers", "sealed")
            .from("survey_responses")
            .where("instrument_id", .equal, instrumentID).where("unit_id", .in, unitIDs.map(\.rawValue))
            .where("month", .greaterThanOrEqual, first.description).where("month", .lessThanOrEqual, last.description)
            .all().map { row in
                let id = try row.decode(column: "id", as: String.self)
                var gender = try row.decode(column: "gender", as: String?.self).flatMap(Gender.init(rawValue:))
                var answers = AnonymousResponse.decodeAnswers(try row.decode(column: "answers", as: String.self))
                var recordKey = Self.legacyRecordKey(id)
                if let sealed = try row.decode(column: "sealed", as: String?.self) {
                    let binding = Self.binding("survey_responses", id)
                    let opened = try JSONDecoder().decode(
                        SealedAnswers.self,
                        from: Data(try keyring.open(stored: sealed, binding: binding).utf8)
                    )
                    gender = opened.gender
                    answers = opened.answers
                    recordKey = opened.recordKey.map(RecordKey.init(raw:)) ?? recordKey
                }
                return AnonymousResponse(
                    instrumentID: instrumentID,
                    version: try row.decode(column: "instrument_version", as: Int.self),
                    unitID: try row.id("unit_id"),
                    month: Month(try row.decode(column: "month", as: String.self))!,
                    gender: gender,
                    answers: answers,
                    recordKey: recordKey
                )
            }
    }

    /// The record key of a response stored before responses had one: taken from its random id
    /// (FNV-1a), so it is the same at every read until the response is next rewritten with it.
    static func legacyRecordKey(_ id: String) -> RecordKey {
        RecordKey(raw: id.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 })
    }

    /// Seals the gender and answers of responses stored before they were sealed (before migration
    /// 21), rewriting each group they belong to. Idempotent; returns how many groups it rewrote.
    @discardableResult
    public func sealLegacyResponses() async throws -> Int {
        let groups = try await db.select().distinct().columns("instrument_id", "unit_id", "month").from("survey_responses")
            .where("sealed", .is, SQLLiteral.null).all()
        for row in groups {
            let instrumentID = try row.decode(column: "instrument_id", as: String.self)
            let unitID: UnitID = try row.id("unit_id")
            let month = Month(try row.decode(column: "month", as: String.self))!
            try await rewriteGroup(instrumentID, unit: unitID, month: month, adding: [])
        }
        return groups.count
    }
}
