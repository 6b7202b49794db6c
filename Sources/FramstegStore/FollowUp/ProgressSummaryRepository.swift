import FramstegCore
import Foundation
import SQLKit

/// The first and latest completed measurement of each participant and instrument, as indicator
/// values by indicator id: what the dashboards compare as distance travelled.
public struct ProgressSummaryRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Takes in a completed measurement: it becomes the first if it is the earliest, the latest if
    /// it is the newest (one on the same day replaces it, so a corrected answer is taken in).
    public func record(_ values: [String: Double], instrument: String, participant: ParticipantID, on day: Day) async throws {
        let encoded = Self.encode(values)
        guard let row = try await db.select().columns("first_day", "latest_day").from("progress_summaries")
            .where("participant_id", .equal, participant.rawValue).where("instrument_id", .equal, instrument).first()
        else {
            try await db.insert(into: "progress_summaries").columns("participant_id", "instrument_id", "first_day", "first_values", "latest_day", "latest_values")
                .values(SQLBind(participant.rawValue), SQLBind(instrument), SQLBind(day.description), SQLBind(encoded), SQLBind(day.description), SQLBind(encoded))
                .run()
            return
        }
        let first = Day(try row.decode(column: "first_day", as: String.self))!, latest = Day(try row.decode(column: "latest_day", as: String.self))!
        var update = db.update("progress_summaries").where("participant_id", .equal, participant.rawValue).where("instrument_id", .equal, instrument)
        var changed = false
        if day <= first { update = update.set("first_day", to: day.description).set("first_values", to: encoded); changed = true }
        if day >= latest { update = update.set("latest_day", to: day.description).set("latest_values", to: encoded); changed = true }
        if changed { try await update.run() }
    }

    /// Per participant of the units: first and latest values of the instrument, with their days;
    /// with a period, only those measured twice whose latest measurement falls in it.
    public func summaries(of instrument: String, units: [UnitID], latestIn period: ReportingPeriod? = nil) async throws -> [ProgressSummary] {
        guard !units.isEmpty else { return [] }
        var query = db.select()
            .column(SQLColumn("participant_id", table: "progress_summaries")).column(SQLColumn("first_day", table: "progress_summaries"))
            .column(SQLColumn("first_values", table: "progress_summaries")).column(SQLColumn("latest_day", table: "progress_summaries"))
            .column(SQLColumn("latest_values", table: "progress_summaries")).column(SQLColumn("gender", table: "participants"))
            .from("progress_summaries")
            .join("participants", on: SQLColumn("participant_id", table: "progress_summaries"), .equal, SQLColumn("id", table: "participants"))
            .where(SQLColumn("unit_id", table: "participants"), .in, SQLBind.group(units.map(\.rawValue)))
            .where(SQLColumn("instrument_id", table: "progress_summaries"), .equal, SQLBind(instrument))
        if let period {
            query = query.where(SQLColumn("latest_day", table: "progress_summaries"), .greaterThanOrEqual, SQLBind(period.first.description))
                .where(SQLColumn("latest_day", table: "progress_summaries"), .lessThanOrEqual, SQLBind(period.last.description))
                .where(SQLColumn("first_day", table: "progress_summaries"), .lessThan, SQLColumn("latest_day", table: "progress_summaries"))
        }
        return try await query.all().map { row in
                ProgressSummary(
                    participantID: try row.id("participant_id"), gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated,
                    firstDay: Day(try row.decode(column: "first_day", as: String.self))!, first: Self.decode(try row.decode(column: "first_values", as: String.self)),
                    latestDay: Day(try row.decode(column: "latest_day", as: String.self))!, latest: Self.decode(try row.decode(column: "latest_values", as: String.self)))
            }
    }

    /// `belief=6;health=5.5`: indicator ids are identifiers (a–z, 0–9, -), so this needs no escaping
    /// and reads far faster than JSON when a dashboard takes in thousands.
    public static func encode(_ values: [String: Double]) -> String {
        values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    static func decode(_ text: String) -> [String: Double] {
        var values: [String: Double] = [:]
        for pair in text.split(separator: ";") {
            guard let equals = pair.firstIndex(of: "="), let value = Double(pair[pair.index(after: equals)...]) else { continue }
            values[String(pair[..<equals])] = value
        }
        return values
    }

    /// Fills the summaries from every completed measurement (a database from before migration 13,
    /// or after an import): the instruments' definitions compute the indicator values.
    public func backfill(catalog: InstrumentCatalog, association: AssociationID) async throws {
        let measurements = MeasurementRepository(db)
        let rows = try await db.select().column(SQLColumn("id", table: "measurements")).from("measurements")
            .join("participants", on: SQLColumn("participant_id", table: "measurements"), .equal, SQLColumn("id", table: "participants"))
            .where(SQLColumn("association_id", table: "participants"), .equal, SQLBind(association.rawValue))
            .where(SQLColumn("completed_at", table: "measurements"), .isNot, SQLLiteral.null).orderBy(SQLColumn("id", table: "measurements")).all()
        for row in rows {
            guard let measurement = try await measurements.measurement(try row.id("id")),
                  let instrument = catalog.instrument(measurement.instrumentID, version: measurement.version)
            else { continue }
            try await record(instrument.indicatorMap(measurement.answers), instrument: instrument.id, participant: measurement.participantID, on: measurement.takenOn)
        }
    }

    public func isEmpty() async throws -> Bool {
        try await db.select().column("participant_id").from("progress_summaries").limit(1).first() == nil
    }
}
