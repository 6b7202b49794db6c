import Foundation
import FramstegCore
import SQLKit

/// Measurements with their answers. An answer is saved
/// the moment it is given (replacing an earlier answer to the same item), so nothing is lost when a
/// connection drops and a measurement can be resumed. Answers are health data: each is sealed and
/// bound to its measurement and item. (The scores the dashboards read are kept apart, in
/// `ProgressSummaryRepository`'s tables.)
public struct MeasurementRepository: Sendable {
    let db: any SQLDatabase
    /// Nil only for `beforeSealing`.
    let sealed: SealedColumns?

    public init(_ db: any SQLDatabase, keyring: FieldKeyring) {
        self.db = db
        self.sealed = SealedColumns(keyring, table: "measurement_answers")
    }

    /// Reads answers as stored before answers were sealed, for migration 17 alone: it runs before
    /// `PlaintextSealing` (the keyed step after every migration) can have sealed any. It writes no
    /// answer and refuses to read a sealed one.
    init(beforeSealing db: any SQLDatabase) {
        self.db = db
        self.sealed = nil
    }

    /// An answer's row key: its measurement and item.
    static func row(_ measurement: MeasurementID, _ item: String) -> String { "\(measurement.rawValue)/\(item)" }

    private func seal(_ answer: Answer, item: String, in measurement: MeasurementID) throws -> String {
        guard let sealed else { throw StoreError.corrupt("answers written without keys") }
        return try sealed.seal(answer.storageValue, "answer", row: Self.row(measurement, item))
    }

    // MARK: Measurements

    public func start(
        _ instrument: Instrument,
        for participant: ParticipantID,
        occasion: MeasurementOccasion,
        on day: Day,
        by user: UserID?
    ) async throws -> MeasurementID {
        MeasurementID(
            try await db.insertReturningID(
                db.insert(into: "measurements").columns("participant_id", "instrument_id", "version", "occasion", "taken_on", "started_by")
                    .values(
                        SQLBind(participant.rawValue),
                        SQLBind(instrument.id),
                        SQLBind(instrument.version),
                        SQLBind(occasion.rawValue),
                        SQLBind(day.description),
                        SQLBind(user?.rawValue)
                    )
            )
        )
    }

    /// Saves one answer, replacing an earlier one to the same item. One statement (an upsert), so
    /// two saves of the same item at once (the autosave and the page's own submit) cannot both
    /// insert: on PostgreSQL a delete followed by an insert let the second fail on the key.
    public func saveAnswer(_ answer: Answer, item: String, respondent: Respondent, in measurement: MeasurementID, now: Date) async throws {
        try await db.insert(into: "measurement_answers").columns("measurement_id", "item_id", "answer", "respondent", "answered_at")
            .values(
                SQLBind(measurement.rawValue),
                SQLBind(item),
                SQLBind(try seal(answer, item: item, in: measurement)),
                SQLBind(respondent.rawValue),
                SQLBind(now.storedSeconds)
            )
            .onConflict(with: ["measurement_id", "item_id"]) { update in
                update.set(excludedValueOf: "answer").set(excludedValueOf: "respondent").set(excludedValueOf: "answered_at")
            }
            .run()
    }

    /// A measurement taken in full at once (the demo, an import): one statement for all answers.
    @discardableResult
    public func addCompleted(
        _ instrument: Instrument,
        for participant: ParticipantID,
        occasion: MeasurementOccasion,
        on day: Day,
        answers: [String: Answer],
        by user: UserID?,
        now: Date
    ) async throws -> MeasurementID {
        let id = try await start(instrument, for: participant, occasion: occasion, on: day, by: user)
        let insert = db.insert(into: "measurement_answers").columns("measurement_id", "item_id", "answer", "respondent", "answered_at")
        for (item, answer) in answers.sorted(by: { $0.key < $1.key }) {
            let respondent = instrument.item(item)?.respondent ?? .participant
            insert.values(
                SQLBind(id.rawValue),
                SQLBind(item),
                SQLBind(try seal(answer, item: item, in: id)),
                SQLBind(respondent.rawValue),
                SQLBind(now.storedSeconds)
            )
        }
        if !answers.isEmpty { try await insert.run() }
        try await complete(id, now: now)
        try await ProgressSummaryRepository(db).record(
            instrument,
            answers: answers,
            measurement: id,
            occasion: occasion,
            participant: participant,
            on: day
        )
        return id
    }

    /// Marks the measurement completed and, for a BIP, keeps the participant's first completed
    /// measurement day up to date for follow-up (same transaction).
    public func complete(_ measurement: MeasurementID, now: Date) async throws {
        try await db.update("measurements").set("completed_at", to: now.storedSeconds).where("id", .equal, measurement.rawValue).run()
        try await db.raw(
            """
            UPDATE participants SET first_measured_on = (SELECT MIN(m.taken_on) FROM measurements m
              WHERE m.participant_id = participants.id AND m.instrument_id = \(bind: MeasurementSchedule.instrumentID) AND m.completed_at IS NOT NULL)
            WHERE id = (SELECT participant_id FROM measurements WHERE id = \(bind: measurement.rawValue))
            """
        ).run()
    }

    public func measurement(_ id: MeasurementID) async throws -> ProgressMeasurement? {
        guard let row = try await db.select().column("*").from("measurements").where("id", .equal, id.rawValue).first() else { return nil }
        return try Self.measurement(from: row, answers: try await answers(of: [id])[id] ?? [:])
    }

    /// The participant's measurements, oldest first, with their answers.
    public func measurements(of participant: ParticipantID) async throws -> [ProgressMeasurement] {
        let rows = try await db.select().column("*").from("measurements").where("participant_id", .equal, participant.rawValue)
            .orderBy("taken_on").orderBy("id").all()
        let ids = try rows.map { row -> MeasurementID in try row.id("id") }
        let answers = try await answers(of: ids)
        return try rows.map { row in try Self.measurement(from: row, answers: answers[try row.id("id")] ?? [:]) }
    }

    /// The days these participants were measured with one instrument, for the schedule.
    public func days(of participants: Set<ParticipantID>, instrument: String) async throws -> [ParticipantID: [Day]] {
        guard !participants.isEmpty else { return [:] }
        var result: [ParticipantID: [Day]] = [:]
        for row in try await db.select().columns("participant_id", "taken_on").from("measurements")
            .where("participant_id", .in, participants.map(\.rawValue).sorted()).where("instrument_id", .equal, instrument).all()
        {
            result[try row.id("participant_id"), default: []].append(try ActivityRepository.day(row, "taken_on"))
        }
        return result
    }

    private func answers(of ids: [MeasurementID]) async throws -> [MeasurementID: [String: Answer]] {
        guard !ids.isEmpty else { return [:] }
        var result: [MeasurementID: [String: Answer]] = [:]
        for row in try await db.select().columns("measurement_id", "item_id", "answer").from("measurement_answers")
            .where("measurement_id", .in, ids.map(\.rawValue)).all()
        {
            let measurement: MeasurementID = try row.id("measurement_id")
            let item = try row.decode(column: "item_id", as: String.self)
            let stored = try row.decode(column: "answer", as: String.self)
            guard let sealed else {
                if FieldKeyring.isBound(stored) { throw StoreError.corrupt("a sealed answer read without keys") }
                if let answer = Answer(storageValue: stored) { result[measurement, default: [:]][item] = answer }
                continue
            }
            let text = try sealed.open(stored, "answer", row: Self.row(measurement, item))
            guard let answer = Answer(storageValue: text) else { continue }
            result[measurement, default: [:]][item] = answer
        }
        return result
    }

    static func measurement(from row: any SQLRow, answers: [String: Answer]) throws -> ProgressMeasurement {
        ProgressMeasurement(
            id: try row.id("id"),
            participantID: try row.id("participant_id"),
            instrumentID: try row.decode(column: "instrument_id", as: String.self),
            version: try row.decode(column: "version", as: Int.self),
            occasion: MeasurementOccasion(rawValue: try row.decode(column: "occasion", as: String.self)) ?? .other,
            takenOn: try ActivityRepository.day(row, "taken_on"),
            answers: answers,
            isComplete: try row.decode(column: "completed_at", as: Int64?.self) != nil
        )
    }
}
