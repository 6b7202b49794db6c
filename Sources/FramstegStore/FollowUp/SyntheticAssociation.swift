import Foundation
import FramstegCore
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
            var units: [OrganisationUnit] = []
            var counsellors: [UserID] = []
            for name in Self.municipalityNames {
                let municipality = try await organisation.createMunicipality(in: association.id, name: name)
                let unit = try await organisation.createUnit(in: association.id, municipalityID: municipality.id, name: "Enhet \(name)")
                for year in (today.year - 4)...today.year {
                    try await organisation.setPlaces(BudgetedPlaces(unitID: unit.id, year: year, places: participants / 10))
                }
                units.append(unit)
                counsellors.append(
                    try await UserRepository(db).create(
                        in: association.id,
                        email: "handledare.\(unit.id)@synthetic.invalid",
                        name: "Handledare",
                        role: .counsellor,
                        unitIDs: [unit.id],
                        passwordHash: "!",
                        now: now
                    ).id
                )
            }
            return (association, units, counsellors)
        }
        var random = SystemRandomNumberGenerator()
        let batch = 1000
        var started: [(id: Int64, day: Day, counsellor: UserID)] = []
        for offset in stride(from: 0, to: participants, by: batch) {
            var drawn:
                [(
                    unit: OrganisationUnit, counsellor: UserID, gender: Gender, born: Int, registered: Day, start: Day?,
                    end: (Day, ExitOutcome)?
                )] = []
            for _ in offset..<min(offset + batch, participants) {
                let index = Int.random(in: 0..<units.count, using: &random)
                let registered = today.adding(days: -Int.random(in: 0...(5 * 365), using: &random))
                let start =
                    Double.random(in: 0..<1, using: &random) < 0.8 ? registered.adding(days: Int.random(in: 2...40, using: &random)) : nil
                var end: (Day, ExitOutcome)?
                if let start, Double.random(in: 0..<1, using: &random) < 0.6 {
                    let day = start.adding(days: Int.random(in: 30...700, using: &random))
                    if day <= today { end = (day, ExitOutcome.allCases.randomElement(using: &random)!) }
                }
                drawn.append(
                    (
                        units[index], counsellors[index],
                        [Gender.woman, .man, .woman, .man, .anotherOrNotStated].randomElement(using: &random)!,
                        Int.random(in: 1960...2008, using: &random), registered, start.flatMap { $0 <= today ? $0 : nil }, end
                    )
                )
            }
            let rows = drawn
            let ids: [Int64] = try await store.write { db in
                var insert = db.insert(into: "participants").columns(
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
                    "has_consented",
                    "state",
                    "registered_on",
                    "responsible_counsellor",
                    "created_at",
                    "started_on",
                    "ended_on",
                    "outcome",
                    "counsellor_count"
                )
                for (position, row) in rows.enumerated() {
                    let state: JourneyState = row.end != nil ? .exited : row.start != nil ? .block(1) : .registered
                    insert = insert.values(
                        SQLBind(association.id.rawValue),
                        SQLBind(row.unit.id.rawValue),
                        SQLBind(row.unit.municipalityID.rawValue),
                        SQLBind(""),
                        SQLBind(""),
                        SQLBind(""),
                        SQLBind(row.gender.rawValue),
                        SQLBind(row.born),
                        SQLBind(""),
                        SQLBind("synthetic-\(offset + position)"),
                        SQLBind("af"),
                        SQLBind(""),
                        SQLBind(""),
                        SQLBind(true),
                        SQLBind(state.storageValue),
                        SQLBind(row.registered.description),
                        SQLBind(row.counsellor.rawValue),
                        SQLBind(now.storedSeconds),
                        SQLBind(row.start?.description),
                        SQLBind(row.end?.0.description),
                        SQLBind(row.end?.1.rawValue),
                        SQLBind(row.start == nil ? 0 : 1)
                    )
                }
                return try await insert.returning("id").all().map { try $0.decode(column: "id", as: Int64.self) }
            }
            try await store.write { db in
                var steps = db.insert(into: "journey_steps").columns(
                    "participant_id",
                    "from_state",
                    "to_state",
                    "event",
                    "outcome",
                    "day",
                    "recorded_at"
                )
                var assignments = db.insert(into: "counsellor_assignments").columns(
                    "participant_id",
                    "counsellor_id",
                    "from_day",
                    "assigned_at"
                )
                var anySteps = false
                var anyAssignments = false
                for (id, row) in zip(ids, rows) {
                    guard let start = row.start else { continue }
                    steps = steps.values(
                        SQLBind(id),
                        SQLBind("informed"),
                        SQLBind("introduction"),
                        SQLBind("start"),
                        SQLBind(String?.none),
                        SQLBind(start.description),
                        SQLBind(now.storedSeconds)
                    )
                    if let (day, outcome) = row.end {
                        steps = steps.values(
                            SQLBind(id),
                            SQLBind("block:1"),
                            SQLBind("exited"),
                            SQLBind("exit"),
                            SQLBind(outcome.rawValue),
                            SQLBind(day.description),
                            SQLBind(now.storedSeconds)
                        )
                    }
                    anySteps = true
                    assignments = assignments.values(
                        SQLBind(id),
                        SQLBind(row.counsellor.rawValue),
                        SQLBind(start.description),
                        SQLBind(now.storedSeconds)
                    )
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
            let done = written
            let starts = started
            try await store.write { db in
                var insert = db.insert(into: "measurements").columns(
                    "participant_id",
                    "instrument_id",
                    "version",
                    "occasion",
                    "taken_on",
                    "started_by",
                    "completed_at"
                )
                for index in 0..<count {
                    let participant = starts[(done + index) % starts.count]
                    let day = participant.day.adding(days: 7 * 12 * ((done + index) / starts.count))
                    insert = insert.values(
                        SQLBind(participant.id),
                        SQLBind("bip"),
                        SQLBind(1),
                        SQLBind("periodic"),
                        SQLBind(min(day, today).description),
                        SQLBind(participant.counsellor.rawValue),
                        SQLBind(now.storedSeconds)
                    )
                }
                try await insert.run()
            }
            written += count
            if written % 200_000 == 0 { progress("measurements: \(written)") }
        }
        // As completed measurements keep them: first and latest BIP indicator values (hundredths)
        // for those measured twice, their improved count and the counsellor's belief at the first.
        let indicators = ["health", "everyday", "knowledge", "belief", "cooperation", "competences"]
        let twice = started.prefix(max(0, measurements - started.count))
        for chunk in stride(from: 0, to: twice.count, by: batch) {
            let part = Array(twice.dropFirst(chunk).prefix(batch))
            var summaries: [(id: Int64, first: Day, latest: Day, improved: Int, belief: Int, changes: [Int?])] = []
            var values: [(Int64, String, Int, Int)] = []
            for participant in part {
                var improved = 0
                var changes: [Int?] = Array(repeating: nil, count: ProgressSummaryRepository.slots)
                for (slot, indicator) in indicators.enumerated() {
                    let first = Int.random(in: 1...10, using: &random)
                    let latest = min(10, max(1, first + Int.random(in: -2...3, using: &random)))
                    if latest > first { improved += 1 }
                    values.append((participant.id, indicator, first * 100, latest * 100))
                    changes[slot] = (latest - first) * 100
                }
                summaries.append(
                    (
                        participant.id, participant.day, min(today, participant.day.adding(days: 84)), improved,
                        Int.random(in: 2...20, using: &random) * 50, changes
                    )
                )
            }
            let rows = summaries
            let valueRows = values
            try await store.write { db in
                let insert = db.insert(into: "progress_summaries")
                    .columns(
                        ["participant_id", "instrument_id", "first_day", "latest_day", "improved_count", "first_belief", "indicator_ids"]
                            + (1...ProgressSummaryRepository.slots).map { "change_\($0)" }
                    )
                for row in rows {
                    insert.values(
                        [
                            SQLBind(row.id), SQLBind("bip"), SQLBind(row.first.description), SQLBind(row.latest.description),
                            SQLBind(row.improved),
                            SQLBind(row.belief), SQLBind(indicators.joined(separator: ",")),
                        ] + row.changes.map { SQLBind($0) }
                    )
                }
                try await insert.run()
                let values = db.insert(into: "progress_values").columns(
                    "participant_id",
                    "instrument_id",
                    "indicator_id",
                    "first_value",
                    "latest_value"
                )
                for row in valueRows { values.values(SQLBind(row.0), SQLBind("bip"), SQLBind(row.1), SQLBind(row.2), SQLBind(row.3)) }
                try await values.run()
            }
        }
        // Interventions for half of those who started (a quarter of them combined with job-focused
        // support), and KASAM at start, midway and exit for a tenth, scored as `record` keeps them.
        let kasamScales = ["comprehensibility", "manageability", "meaningfulness", "total"]
        for chunk in stride(from: 0, to: started.count, by: batch) {
            let part = Array(started.dropFirst(chunk).prefix(batch))
            var interventions: [(Int64, String, Day, Day?)] = []
            var scores: [(Int64, String, Day, [Int])] = []
            for participant in part {
                if Bool.random(using: &random) {
                    let type = InterventionType.allCases.randomElement(using: &random)!
                    interventions.append(
                        (participant.id, type.rawValue, participant.day.adding(days: 14), participant.day.adding(days: 200))
                    )
                    if Int.random(in: 0..<4, using: &random) == 0 {
                        interventions.append((participant.id, InterventionType.jobFocused.rawValue, participant.day.adding(days: 30), nil))
                    }
                }
                if Int.random(in: 0..<10, using: &random) == 0 {
                    for (index, occasion) in ["start", "periodic", "exit"].enumerated()
                    where participant.day.adding(days: 120 * index) <= today {
                        let parts = [
                            Int.random(in: 25...70, using: &random), Int.random(in: 25...65, using: &random),
                            Int.random(in: 20...55, using: &random),
                        ]
                        scores.append((participant.id, occasion, participant.day.adding(days: 120 * index), parts + [parts.reduce(0, +)]))
                    }
                }
            }
            let interventionRows = interventions
            let scoreRows = scores
            let counsellor = part.first?.counsellor
            guard !interventionRows.isEmpty || !scoreRows.isEmpty else { continue }
            try await store.write { db in
                if !interventionRows.isEmpty {
                    let insert = db.insert(into: "interventions").columns(
                        "participant_id",
                        "type",
                        "provider",
                        "title",
                        "start_day",
                        "end_day",
                        "recorded_by",
                        "recorded_at"
                    )
                    for row in interventionRows {
                        insert.values(
                            SQLBind(row.0),
                            SQLBind(row.1),
                            SQLBind("unit"),
                            SQLBind("Insats"),
                            SQLBind(row.2.description),
                            SQLBind(row.3?.description),
                            SQLBind(counsellor?.rawValue),
                            SQLBind(now.storedSeconds)
                        )
                    }
                    try await insert.run()
                }
                for row in scoreRows {
                    let id = try await db.insertReturningID(
                        db.insert(into: "measurements").columns(
                            "participant_id",
                            "instrument_id",
                            "version",
                            "occasion",
                            "taken_on",
                            "started_by",
                            "completed_at"
                        )
                        .values(
                            SQLBind(row.0),
                            SQLBind("kasam"),
                            SQLBind(1),
                            SQLBind(row.1),
                            SQLBind(row.2.description),
                            SQLBind(counsellor?.rawValue),
                            SQLBind(now.storedSeconds)
                        )
                    )
                    let insert = db.insert(into: "occasion_scores").columns(
                        "measurement_id",
                        "participant_id",
                        "instrument_id",
                        "occasion",
                        "taken_on",
                        "scale_id",
                        "score"
                    )
                    for (scale, score) in zip(kasamScales, row.3) {
                        insert.values(
                            SQLBind(id),
                            SQLBind(row.0),
                            SQLBind("kasam"),
                            SQLBind(row.1),
                            SQLBind(row.2.description),
                            SQLBind(scale),
                            SQLBind(score * 100)
                        )
                    }
                    try await insert.run()
                }
            }
        }
        // As `MeasurementRepository.complete` keeps it: the first completed BIP on the participant's row.
        try await store.write { db in
            try await db.raw(
                """
                UPDATE participants SET first_measured_on = (SELECT MIN(m.taken_on) FROM measurements m
                  WHERE m.participant_id = participants.id AND m.instrument_id = 'bip' AND m.completed_at IS NOT NULL)
                WHERE association_id = \(bind: association.id.rawValue)
                """
            ).run()
            // As `ActivityRepository` keeps it when interventions are written one by one.
            try await ProgressSummaryRepository.refreshAllMixes(db)
        }
        return (association.id, units.map(\.id))
    }
}
