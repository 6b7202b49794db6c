import FramstegCore
import Foundation
import SQLKit

/// Reads what follow-up counts, straight from the records as they are now: no copies, no nightly
/// tables, so a figure includes what was entered a moment ago. Nothing sealed is read.
public struct FollowUpRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The facts of every participant registered in the units: four reads, whatever their number.
    public func facts(units: [UnitID]) async throws -> [ParticipantFacts] {
        guard !units.isEmpty else { return [] }
        let unitIDs = SQLBind.group(units.map(\.rawValue))
        let people = try await db.select().columns("id", "unit_id", "municipality_id", "gender", "birth_year", "registered_on")
            .from("participants").where("unit_id", .in, unitIDs).all()

        var started: [Int64: Day] = [:], ended: [Int64: (Day, ExitOutcome)] = [:]
        let steps = try await db.select()
            .column(SQLColumn("participant_id", table: "journey_steps")).column(SQLColumn("event", table: "journey_steps"))
            .column(SQLColumn("outcome", table: "journey_steps")).column(SQLColumn("day", table: "journey_steps"))
            .from("journey_steps")
            .join("participants", on: SQLColumn("participant_id", table: "journey_steps"), .equal, SQLColumn("id", table: "participants"))
            .where(SQLColumn("unit_id", table: "participants"), .in, unitIDs)
            .where(SQLColumn("event", table: "journey_steps"), .in, SQLBind.group([JourneyEventKind.start.rawValue, JourneyEventKind.exit.rawValue, JourneyEventKind.withdraw.rawValue]))
            .all()
        for row in steps {
            let id = try row.decode(column: "participant_id", as: Int64.self)
            guard let day = Day(try row.decode(column: "day", as: String.self)) else { continue }
            switch try row.decode(column: "event", as: String.self) {
            case JourneyEventKind.start.rawValue: started[id] = day
            case JourneyEventKind.exit.rawValue:
                ended[id] = (day, ExitOutcome(rawValue: try row.decode(column: "outcome", as: String?.self) ?? "") ?? .other)
            default: ended[id] = (day, .other)
            }
        }

        var counsellors: [Int64: Int] = [:]
        for row in try await db.select().column(SQLColumn("participant_id", table: "counsellor_assignments"))
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("counsellor_assignments")
            .join("participants", on: SQLColumn("participant_id", table: "counsellor_assignments"), .equal, SQLColumn("id", table: "participants"))
            .where(SQLColumn("unit_id", table: "participants"), .in, unitIDs)
            .groupBy(SQLColumn("participant_id", table: "counsellor_assignments")).all() {
            counsellors[try row.decode(column: "participant_id", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
        }

        // The first completed BIP per participant: one row each, however many measurements.
        var measured: [Int64: Day] = [:]
        for row in try await db.select().column(SQLColumn("participant_id", table: "measurements"))
            .column(SQLFunction("MIN", args: SQLColumn("taken_on", table: "measurements")), as: "first_day")
            .from("measurements")
            .join("participants", on: SQLColumn("participant_id", table: "measurements"), .equal, SQLColumn("id", table: "participants"))
            .where(SQLColumn("unit_id", table: "participants"), .in, unitIDs)
            .where(SQLColumn("instrument_id", table: "measurements"), .equal, SQLBind(MeasurementSchedule.instrumentID))
            .where(SQLColumn("completed_at", table: "measurements"), .isNot, SQLLiteral.null)
            .groupBy(SQLColumn("participant_id", table: "measurements")).all() {
            if let day = Day(try row.decode(column: "first_day", as: String.self)) {
                measured[try row.decode(column: "participant_id", as: Int64.self)] = day
            }
        }

        return try people.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            // Only an end after a start ends participation; leaving before it is not a case.
            let end = started[id] == nil ? nil : ended[id]
            return ParticipantFacts(
                id: ParticipantID(id), unitID: try row.id("unit_id"), municipalityID: try row.id("municipality_id"),
                gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated,
                birthYear: try row.decode(column: "birth_year", as: Int.self),
                registeredOn: Day(try row.decode(column: "registered_on", as: String.self))!,
                startedOn: started[id], endedOn: end?.0, outcome: end?.1, counsellors: counsellors[id] ?? 0, firstMeasuredOn: measured[id])
        }
    }
}
