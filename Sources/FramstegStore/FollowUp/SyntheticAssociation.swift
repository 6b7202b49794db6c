import FramstegCore
import Foundation
import SQLKit

/// A large made-up association for the benchmark: participants, their starts and exits, counsellor
/// assignments and completed BIP measurements, written in batches straight into the tables. Nothing
/// personal is real or sealed (names and numbers are blank), so it must never share a database with
/// real data; `framsteg bench` creates its own.
public struct SyntheticAssociation: Sendable {
    public let participants: Int
    public let measurements: Int
    public let today: Day

    public init(participants: Int, measurements: Int, today: Day) {
        self.participants = participants
        self.measurements = measurements
        self.today = today
    }

    public static let municipalityNames = ["Mölndal", "Partille", "Härryda", "Lerum", "Alingsås"]

    /// Writes everything; returns the association and its units.
    public func write(to store: Store, progress: @Sendable (String) -> Void = { _ in }) async throws -> (AssociationID, [UnitID]) {
        let now = Date()
        let (association, units, counsellors) = try await store.write { db in
            let organisation = OrganisationRepository(db)
            let association = try await organisation.createAssociation(name: "Syntetiska förbundet", now: now)
            var units: [OrganisationUnit] = [], counsellors: [UserID] = []
            for name in Self.municipalityNames {
                let municipality = try await organisation.createMunicipality(in: association.id, name: name)
                let unit = try await organisation.createUnit(in: association.id, municipalityID: municipality.id, name: "Enhet \(name)")
                for year in (today.year - 4)...today.year {
                    try await organisation.setPlaces(BudgetedPlaces(unitID: unit.id, year: year, places: participants / 10))
                }
                units.append(unit)
                counsellors.append(try await UserRepository(db).create(
                    in: association.id, email: "handledare.\(unit.id)@synthetic.invalid", name: "Handledare", role: .counsellor,
                    unitIDs: [unit.id], passwordHash: "!", now: now).id)
            }
            return (association, units, counsellors)
        }
        var random = SystemRandomNumberGenerator()
        let batch = 1000
        var started: [(id: Int64, day: Day, counsellor: UserID)] = []
        for offset in stride(from: 0, to: participants, by: batch) {
            var drawn: [(unit: OrganisationUnit, counsellor: UserID, gender: Gender, born: Int, registered: Day, start: Day?, end: (Day, ExitOutcome)?)] = []
            for _ in offset..<min(offset + batch, participants) {
                let index = Int.random(in: 0..<units.count, using: &random)
                let registered = today.adding(days: -Int.random(in: 0...(5 * 365), using: &random))
                let start = Double.random(in: 0..<1, using: &random) < 0.8 ? registered.adding(days: Int.random(in: 2...40, using: &random)) : nil
                var end: (Day, ExitOutcome)?
                if let start, Double.random(in: 0..<1, using: &random) < 0.6 {
                    let day = start.adding(days: Int.random(in: 30...700, using: &random))
                    if day <= today { end = (day, ExitOutcome.allCases.randomElement(using: &random)!) }
                }
                drawn.append((units[index], counsellors[index], [Gender.woman, .man, .woman, .man, .anotherOrNotStated].randomElement(using: &random)!,
                             Int.random(in: 1960...2008, using: &random), registered, start.flatMap { $0 <= today ? $0 : nil }, end))
            }
            let rows = drawn
            let ids: [Int64] = try await store.write { db in
                var insert = db.insert(into: "participants").columns(
                    "association_id", "unit_id", "municipality_id", "name", "phone", "email", "gender", "birth_year", "pnr_sealed", "pnr_lookup",
                    "referrer_kind", "referrer_name", "authorities", "has_consented", "state", "registered_on", "responsible_counsellor", "created_at",
                    "started_on", "ended_on", "outcome", "counsellor_count")
                for (position, row) in rows.enumerated() {
                    let state: JourneyState = row.end != nil ? .exited : row.start != nil ? .block(1) : .registered
                    insert = insert.values(
                        SQLBind(association.id.rawValue), SQLBind(row.unit.id.rawValue), SQLBind(row.unit.municipalityID.rawValue), SQLBind(""), SQLBind(""),
                        SQLBind(""), SQLBind(row.gender.rawValue), SQLBind(row.born), SQLBind(""), SQLBind("synthetic-\(offset + position)"),
                        SQLBind("af"), SQLBind(""), SQLBind(""), SQLBind(true), SQLBind(state.storageValue), SQLBind(row.registered.description),
                        SQLBind(row.counsellor.rawValue), SQLBind(now.storedSeconds), SQLBind(row.start?.description), SQLBind(row.end?.0.description),
                        SQLBind(row.end?.1.rawValue), SQLBind(row.start == nil ? 0 : 1))
                }
                return try await insert.returning("id").all().map { try $0.decode(column: "id", as: Int64.self) }
            }
            try await store.write { db in
                var steps = db.insert(into: "journey_steps").columns("participant_id", "from_state", "to_state", "event", "outcome", "day", "recorded_at")
                var assignments = db.insert(into: "counsellor_assignments").columns("participant_id", "counsellor_id", "from_day", "assigned_at")
                var anySteps = false, anyAssignments = false
                for (id, row) in zip(ids, rows) {
                    guard let start = row.start else { continue }
                    steps = steps.values(SQLBind(id), SQLBind("informed"), SQLBind("introduction"), SQLBind("start"), SQLBind(String?.none), SQLBind(start.description), SQLBind(now.storedSeconds))
                    if let (day, outcome) = row.end {
                        steps = steps.values(SQLBind(id), SQLBind("block:1"), SQLBind("exited"), SQLBind("exit"), SQLBind(outcome.rawValue), SQLBind(day.description), SQLBind(now.storedSeconds))
                    }
                    anySteps = true
                    assignments = assignments.values(SQLBind(id), SQLBind(row.counsellor.rawValue), SQLBind(start.description), SQLBind(now.storedSeconds))
                    anyAssignments = true
                }
                if anySteps { try await steps.run() }
                if anyAssignments { try await assignments.run() }
            }
            for (id, row) in zip(ids, rows) { if let start = row.start { started.append((id, start, row.counsellor)) } }
            if offset % 20_000 == 0 { progress("participants: \(offset + rows.count)") }
        }
        // Measurements spread over those who started, each some weeks after the start.
        var written = 0
        while written < measurements, !started.isEmpty {
            let count = min(batch, measurements - written)
            let done = written, starts = started
            try await store.write { db in
                var insert = db.insert(into: "measurements").columns("participant_id", "instrument_id", "version", "occasion", "taken_on", "started_by", "completed_at")
                for index in 0..<count {
                    let participant = starts[(done + index) % starts.count]
                    let day = participant.day.adding(days: 7 * 12 * ((done + index) / starts.count))
                    insert = insert.values(SQLBind(participant.id), SQLBind("bip"), SQLBind(1), SQLBind("periodic"), SQLBind(min(day, today).description),
                                           SQLBind(participant.counsellor.rawValue), SQLBind(now.storedSeconds))
                }
                try await insert.run()
            }
            written += count
            if written % 200_000 == 0 { progress("measurements: \(written)") }
        }
        // As completed measurements keep them: first and latest BIP indicator values for those measured twice.
        let indicators = ["health", "everyday", "knowledge", "belief", "cooperation", "competences"]
        let twice = started.filter { _ in true }.prefix(max(0, measurements - started.count))
        for chunk in stride(from: 0, to: twice.count, by: batch) {
            let part = Array(twice.dropFirst(chunk).prefix(batch))
            var values: [(Int64, String, String, String)] = []
            for participant in part {
                let first = Dictionary(uniqueKeysWithValues: indicators.map { ($0, Double(Int.random(in: 1...10, using: &random))) })
                let latest = first.mapValues { min(10, max(1, $0 + Double(Int.random(in: -2...3, using: &random)))) }
                values.append((participant.id, participant.day.description, ProgressSummaryRepository.encode(first), ProgressSummaryRepository.encode(latest)))
            }
            let rows = values, latestDay = today.description
            try await store.write { db in
                var insert = db.insert(into: "progress_summaries").columns("participant_id", "instrument_id", "first_day", "first_values", "latest_day", "latest_values")
                for row in rows {
                    insert = insert.values(SQLBind(row.0), SQLBind("bip"), SQLBind(row.1), SQLBind(row.2), SQLBind(min(latestDay, Day(row.1)!.adding(days: 84).description)), SQLBind(row.3))
                }
                try await insert.run()
            }
        }
        // As `MeasurementRepository.complete` keeps it: the first completed BIP on the participant's row.
        try await store.write { db in
            try await db.raw("""
                UPDATE participants SET first_measured_on = (SELECT MIN(m.taken_on) FROM measurements m
                  WHERE m.participant_id = participants.id AND m.instrument_id = 'bip' AND m.completed_at IS NOT NULL)
                WHERE association_id = \(bind: association.id.rawValue)
                """).run()
        }
        return (association.id, units.map(\.id))
    }
}
