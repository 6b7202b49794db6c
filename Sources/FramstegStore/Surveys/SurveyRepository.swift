import Foundation
import FramstegCore
import Logging
import SQLKit

/// Anonymous survey responses and what the records know of them (offered, completed).
///
/// The two never meet: a response row has a random key, the instrument and version, the unit, the
/// month and perhaps a gender given as an answer, and nothing that orders it among the others.
/// Every time a response is added, all responses of its group (instrument, unit, month) are written
/// again in a random order under new random keys, so neither storage order nor keys tell which
/// came last. No read returns a single response or a key.
public struct SurveyRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    // MARK: The record's side

    public func offer(_ instrumentID: String, to participant: ParticipantID, on day: Day, by user: UserID?) async throws -> SurveyOffer {
        let id = SurveyOfferID(
            try await db.insertReturningID(
                db.insert(into: "survey_offers").columns("participant_id", "instrument_id", "offered_on", "offered_by", "is_completed")
                    .values(
                        SQLBind(participant.rawValue),
                        SQLBind(instrumentID),
                        SQLBind(day.description),
                        SQLBind(user?.rawValue),
                        SQLBind(false)
                    )
            )
        )
        return SurveyOffer(id: id, participantID: participant, instrumentID: instrumentID, offeredOn: day, isCompleted: false)
    }

    public func offers(of participant: ParticipantID) async throws -> [SurveyOffer] {
        try await db.select().columns("id", "participant_id", "instrument_id", "offered_on", "is_completed").from("survey_offers")
            .where("participant_id", .equal, participant.rawValue).orderBy("id").all().map(Self.offer)
    }

    public func offer(_ id: SurveyOfferID) async throws -> SurveyOffer? {
        try await db.select().columns("id", "participant_id", "instrument_id", "offered_on", "is_completed").from("survey_offers")
            .where("id", .equal, id.rawValue).first().map(Self.offer)
    }

    /// Marks the offer completed. The record learns that and nothing else.
    public func markCompleted(_ id: SurveyOfferID) async throws {
        try await db.update("survey_offers").set("is_completed", to: SQLBind(true)).where("id", .equal, id.rawValue).run()
    }

    static func offer(from row: any SQLRow) throws -> SurveyOffer {
        SurveyOffer(
            id: try row.id("id"),
            participantID: try row.id("participant_id"),
            instrumentID: try row.decode(column: "instrument_id", as: String.self),
            offeredOn: Day(try row.decode(column: "offered_on", as: String.self))!,
            isCompleted: try row.decode(column: "is_completed", as: Bool.self)
        )
    }

    /// Offers made in a period to participants of the units, and how many were completed (coverage).
    public func coverage(of instrumentID: String, units: [UnitID], period: MonthPeriod) async throws -> (offered: Int, completed: Int) {
        guard !units.isEmpty else { return (0, 0) }
        let rows = try await db.select().column(SQLColumn("is_completed", table: "survey_offers")).from("survey_offers")
            .join("participants", on: SQLColumn("participant_id", table: "survey_offers"), .equal, SQLColumn("id", table: "participants"))
            .where(SQLColumn("unit_id", table: "participants"), .in, SQLBind.group(units.map(\.rawValue)))
            .where("instrument_id", .equal, instrumentID)
            .where("offered_on", .greaterThanOrEqual, period.first.firstDay.description)
            .where("offered_on", .lessThan, period.last.adding(months: 1).firstDay.description)
            .all()
        let completed = try rows.count { try $0.decode(column: "is_completed", as: Bool.self) }
        return (rows.count, completed)
    }

    // MARK: The anonymous side

    /// Adds a response. Its whole group is rewritten in a random order under fresh keys, in the
    /// caller's transaction. Nothing is logged: the store logs no query at any level (`Store.unlogged`).
    public func add(_ response: AnonymousResponse) async throws {
        let group = try await db.select().columns("instrument_version", "gender", "answers").from("survey_responses")
            .where("instrument_id", .equal, response.instrumentID).where("unit_id", .equal, response.unitID.rawValue)
            .where("month", .equal, response.month.description).all()
            .map { row in
                AnonymousResponse(
                    instrumentID: response.instrumentID,
                    version: try row.decode(column: "instrument_version", as: Int.self),
                    unitID: response.unitID,
                    month: response.month,
                    gender: try row.decode(column: "gender", as: String?.self).flatMap(Gender.init(rawValue:)),
                    answers: AnonymousResponse.decodeAnswers(try row.decode(column: "answers", as: String.self))
                )
            }
        try await db.delete(from: "survey_responses")
            .where("instrument_id", .equal, response.instrumentID).where("unit_id", .equal, response.unitID.rawValue)
            .where("month", .equal, response.month.description).run()
        var generator = SystemRandomNumberGenerator()
        let shuffled = (group + [response]).shuffled(using: &generator)
        var insert = db.insert(into: "survey_responses").columns(
            "id",
            "instrument_id",
            "instrument_version",
            "unit_id",
            "month",
            "gender",
            "answers"
        )
        for row in shuffled {
            insert = insert.values(
                SQLBind(RandomIdentifier.make()),
                SQLBind(row.instrumentID),
                SQLBind(row.version),
                SQLBind(row.unitID.rawValue),
                SQLBind(row.month.description),
                SQLBind(row.gender?.rawValue),
                SQLBind(row.encodedAnswers)
            )
        }
        try await insert.run()
    }

    /// The responses of the units in a period, without their keys. Callers publish only
    /// aggregates of five or more (`SurveyResults`).
    public func responses(to instrumentID: String, units: [UnitID], period: MonthPeriod) async throws -> [AnonymousResponse] {
        guard !units.isEmpty else { return [] }
        return try await db.select().columns("instrument_version", "unit_id", "month", "gender", "answers").from("survey_responses")
            .where("instrument_id", .equal, instrumentID).where("unit_id", .in, units.map(\.rawValue))
            .where("month", .greaterThanOrEqual, period.first.description).where("month", .lessThanOrEqual, period.last.description)
            .all().map { row in
                AnonymousResponse(
                    instrumentID: instrumentID,
                    version: try row.decode(column: "instrument_version", as: Int.self),
                    unitID: try row.id("unit_id"),
                    month: Month(try row.decode(column: "month", as: String.self))!,
                    gender: try row.decode(column: "gender", as: String?.self).flatMap(Gender.init(rawValue:)),
                    answers: AnonymousResponse.decodeAnswers(try row.decode(column: "answers", as: String.self))
                )
            }
    }
}
