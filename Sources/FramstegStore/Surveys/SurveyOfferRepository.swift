import Foundation
import FramstegCore
import SQLKit

/// What the record knows of anonymous surveys: that one was offered, and that it was completed.
/// Never when it was completed, and nothing of the answers (`SurveyRepository` holds those).
public struct SurveyOfferRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

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

    /// Offers made in a period to participants of the units, completed and not (coverage), each
    /// with the participants' record keys for the cell key method.
    public func coverage(
        of instrumentID: String,
        units: [UnitID],
        period: MonthPeriod
    ) async throws -> (
        completed: Tally, notCompleted: Tally
    ) {
        guard !units.isEmpty else { return (.zero, .zero) }
        let rows = try await db.select().column(SQLColumn("is_completed", table: "survey_offers"))
            .column(SQLColumn("record_key", table: "participants")).from("survey_offers")
            .join("participants", on: SQLColumn("participant_id", table: "survey_offers"), .equal, SQLColumn("id", table: "participants"))
            .where(SQLColumn("unit_id", table: "participants"), .in, SQLBind.group(units.map(\.rawValue)))
            .where("instrument_id", .equal, instrumentID)
            .where("offered_on", .greaterThanOrEqual, period.first.firstDay.description)
            .where("offered_on", .lessThan, period.last.adding(months: 1).firstDay.description)
            .all()
        var completed = Tally.zero
        var notCompleted = Tally.zero
        for row in rows {
            let tally = Tally(count: 1, key: try row.recordKey().raw)
            if try row.decode(column: "is_completed", as: Bool.self) { completed += tally } else { notCompleted += tally }
        }
        return (completed, notCompleted)
    }
}
