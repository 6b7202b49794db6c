import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HummingbirdTesting
import Testing

/// The customer's own report is the test of the follow-up (issue 16): seed 003, Porten's final
/// report, rebuilt as participants of one unit and read back from the unit's dashboard and exports,
/// where the unit's own staff see every figure exactly.
@Suite("Seed 003: Porten's report reproduced")
struct SeedReportTests {
    /// One of Porten's 123 participants as the report counts them.
    struct Porten {
        let gender: Gender
        let outcome: ExitOutcome
        let under30: Bool
        let days: Int
    }

    /// 49 women and 74 men; outcomes as the report's table (the 26 it leaves unnamed as "other");
    /// 43 under 30 and 40 of 30 and over in 0–12 months, 19 and 21 in 13–24; 307 days on average
    /// (40 × 450 + 76 × 238 + 7 × 239 = 123 × 307).
    static let cohort: [Porten] = {
        let outcomes: [(ExitOutcome, women: Int, men: Int)] = [
            (.unsubsidisedWork, 4, 6), (.subsidisedWork, 17, 33), (.studies, 2, 3), (.jobSeekerAfterWork, 15, 17), (.other, 11, 15),
        ]
        let people = outcomes.flatMap { outcome, women, men in
            Array(repeating: (Gender.woman, outcome), count: women) + Array(repeating: (Gender.man, outcome), count: men)
        }
        // Spread the age and time groups over everyone rather than in runs of one outcome.
        let order = people.indices.sorted { ($0 * 37) % people.count < ($1 * 37) % people.count }
        let groups =
            Array(repeating: (true, false), count: 43) + Array(repeating: (true, true), count: 19)
            + Array(repeating: (false, false), count: 40) + Array(repeating: (false, true), count: 21)
        var short = 0
        return zip(order.map { people[$0] }, groups).map { person, group in
            let (under30, long) = group
            var days = 450
            if !long {
                days = short < 7 ? 239 : 238
                short += 1
            }
            return Porten(gender: person.0, outcome: person.1, under30: under30, days: days)
        }
    }()

    /// A valid personal identity number for someone born in `year`.
    static func personalNumber(born year: Int, serial: Int) -> String {
        let body = String(format: "%02d%02d%02d%03d", year % 100, 1 + serial % 12, 1 + serial % 28, serial % 1000)
        let sum = body.enumerated().reduce(0) { sum, pair in
            let digit = Int(String(pair.element))! * (pair.offset % 2 == 0 ? 2 : 1)
            return sum + digit / 10 + digit % 10
        }
        return "\(year / 100)\(body.prefix(6))-\(body.suffix(3))\((10 - sum % 10) % 10)"
    }

    /// Registers, starts and ends the cohort in unit A1, every end in `year`.
    static func write(_ cohort: [Porten], endingIn year: Int, _ fixture: Fixture) async throws {
        try await fixture.store.write { db in
            let organisation = OrganisationRepository(db)
            let unit = try #require(try await organisation.unit(fixture.unitA1))
            let municipality = try #require(try await organisation.municipality(fixture.municipalityA))
            let participants = ParticipantRepository(db, keyring: TestKeys.keyring)
            let end = try #require(Day(year: year, month: 6, day: 15))
            let now = fixture.clock.now
            for (index, person) in cohort.enumerated() {
                let start = end.adding(days: -person.days)
                let registered = start.adding(days: -10)
                let draft = ParticipantDraft(
                    personalIdentityNumber: personalNumber(born: registered.year - (person.under30 ? 25 : 40), serial: 100 + index),
                    name: "Porten \(index)",
                    phone: "070-000 00 00",
                    email: "",
                    gender: person.gender.rawValue,
                    municipalityID: municipality.id.description,
                    referrerKind: "af",
                    referrerName: "",
                    authorities: ["af"],
                    reason: "",
                    consent: true
                )
                let id = try await participants.register(
                    try draft.validated(municipalities: [municipality], today: now),
                    unit: unit,
                    on: registered,
                    by: nil,
                    now: now
                )
                let by = fixture.targetUserA
                try await participants.record(
                    JourneyTransition(from: .registered, to: .introduction, event: .start, day: start, recordedBy: by),
                    participant: id,
                    now: now
                )
                try await participants.record(
                    JourneyTransition(from: .introduction, to: .exited, event: .exit(person.outcome), day: end, recordedBy: by),
                    participant: id,
                    now: now
                )
            }
        }
    }

    @Test(
        "outcome by category and gender, time in the programme 0–12 / 13–24 months, time by age band and the mean days, exactly as the report prints them, on the unit's page and in its exports"
    )
    func porten() async throws {
        try await TestApp.run { fixture, client throws in
            let year = Day(fixture.clock.now).year - 1
            try await Self.write(Self.cohort, endingIn: year, fixture)
            let manager = TestBrowser(client)
            try await manager.signIn(Fixture.email(.manager))
            let dashboard = "/units/\(fixture.unitA1)/dashboard"
            func export(_ table: String, split: String = "") async throws -> [[String]] {
                FollowUpTests.rows(try await manager.get("\(dashboard)/export.csv?table=\(table)&period=year&year=\(year)\(split)").text)
            }

            // "Totalt antal deltagare: 123, 49 kvinnor – 74 män."
            let flow = try await export("flow")
            #expect(flow.contains(["Aktiva", "49", "74", "0", "123"]), "\(flow)")

            // "Icke subventionerat arbete 4 kvinnor – 6 män = 10 personer", and so on.
            let outcomes = try await export("outcomes")
            #expect(outcomes.contains(["Arbete utan subvention", "4", "6", "0", "10"]), "\(outcomes)")
            #expect(outcomes.contains(["Arbete med lönestöd", "17", "33", "0", "50"]))
            #expect(outcomes.contains(["Studier", "2", "3", "0", "5"]))
            #expect(outcomes.contains(["Aktivt arbetssökande efter arbete under insatsen", "15", "17", "0", "32"]))
            #expect(outcomes.last == ["Totalt", "49", "74", "0", "123"])

            // "83 personer 1–12 månader, 40 personer 13–24 månader. Snittiden är 307 dagar."
            let time = try await export("time")
            #expect(time.first { $0.first == "0–12 månader" }?.last == "83", "\(time)")
            #expect(time.first { $0.first == "13–24 månader" }?.last == "40")
            #expect(time.first { $0.first == "Mer än 24 månader" }?.last == "0")
            let mean = try #require(time.first { $0.first == "Medeltid i dagar" })
            #expect(mean.last == "307", "\(mean)")

            // "Upp till 30 år: 43 i 1–12 månader, 19 i 13–24; 30 år och äldre: 40 och 21."
            let byAge = try await export("time", split: "&split=age")
            #expect(byAge.first { $0.first == "Under 30 år: 0–12 månader" }?.last == "43", "\(byAge)")
            #expect(byAge.first { $0.first == "Under 30 år: 13–24 månader" }?.last == "19")
            #expect(byAge.first { $0.first == "30 år och äldre: 0–12 månader" }?.last == "40")
            #expect(byAge.first { $0.first == "30 år och äldre: 13–24 månader" }?.last == "21")

            // The page says the same, exactly, to the unit's own staff.
            let page = try await manager.get("\(dashboard)?period=year&year=\(year)").text
            #expect(page.contains("Medeltid i dagar: Alla 307"), "the mean days under the time table")
            for table in ["flow", "outcomes", "time"] {
                let html = try #require(
                    page.components(separatedBy: "<table id=\"table-\(table)\">").dropFirst().first?.components(separatedBy: "</table>")
                        .first
                )
                #expect(!html.contains(">..<"), "no count of the unit's own is hidden from its staff: \(table)")
            }
            #expect(page.contains(#"<td class="number">50</td>"#), "subsidised work, 17 women and 33 men")
        }
    }
    @Test(
        "seed 004's Livshjulet: per area and for all 32 points of four participants, how many rose (20), stayed (8) and fell (4), by gender, exactly for the unit's manager"
    )
    func livshjuletPoints() async throws {
        try await TestApp.run { fixture, client throws in
            // Women 0 and 2, men 1 and 3; the change per area from the first measurement to the
            // latest, in the order health, work, economy, family, relations, leisure, growth, home.
            let deltas = [
                [1, 1, 1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 0, 0, -1], [1, 1, 1, 1, 0, 0, 1, -1], [1, 1, 1, -1, -1, 0, 1, 0],
            ]
            let areas = ["health", "work", "economy", "family", "relations", "leisure", "growth", "home"]
            let ids = try await SurveyTests.registerParticipants(4, fixture)
            let today = Day(fixture.clock.now)
            let now = fixture.clock.now
            let wheel = try #require(InstrumentCatalog(try ShippedInstruments.load()).latest("livshjulet"))
            @Sendable func answers(_ change: [Int]) -> [String: Answer] {
                var answers: [String: Answer] = [:]
                for (area, delta) in zip(areas, change) {
                    answers[area] = .number(5 + delta)
                    answers[area + "-desired"] = .number(8)
                }
                return answers
            }
            try await fixture.store.write { db in
                let measurements = MeasurementRepository(db, keyring: TestKeys.keyring)
                for (id, change) in zip(ids, deltas) {
                    for (occasion, day, values) in [
                        (MeasurementOccasion.start, today.adding(days: -20), Array(repeating: 0, count: 8)),
                        (.periodic, today.adding(days: -1), change),
                    ] {
                        _ = try await measurements.addCompleted(
                            wheel,
                            for: id,
                            occasion: occasion,
                            on: day,
                            answers: answers(values),
                            by: nil,
                            now: now
                        )
                    }
                }
            }
            let manager = TestBrowser(client)
            try await manager.signIn(Fixture.email(.manager))
            let query = "table=directions-livshjulet&period=year&year=\(today.adding(days: -1).year)"
            let rows = FollowUpTests.rows(try await manager.get("/units/\(fixture.unitA1)/dashboard/export.csv?\(query)").text)
            #expect(
                rows.first == [
                    "Mätpunkter som ökat, är oförändrade och minskat: Livshjulet", "Kvinnor", "Män", "Annat eller ej angivet", "Totalt",
                ]
            )
            // "20 av 32 mätpunkter har ökat", "på endast 4 av 32 mätpunkter har gruppen backat".
            #expect(rows.contains(["Alla mätpunkter: ökat", "11", "9", "0", "20"]), "\(rows)")
            #expect(rows.contains(["Alla mätpunkter: oförändrat", "4", "4", "0", "8"]))
            #expect(rows.contains(["Alla mätpunkter: minskat", "1", "3", "0", "4"]))
            #expect(rows.contains(["Hälsa: ökat", "2", "2", "0", "4"]))
            #expect(rows.contains(["Boende: oförändrat", "1", "1", "0", "2"]))
            #expect(rows.contains(["Boende: minskat", "1", "1", "0", "2"]))
            // "Mina framsteg" (personal growth) rose or stayed for everyone.
            #expect(rows.contains(["Personlig utveckling: minskat", "0", "0", "0", "0"]))
            #expect(rows.count == 1 + 9 * 3, "eight areas and all points, three directions each")
            let page = try await manager.get("/units/\(fixture.unitA1)/dashboard?period=year&year=\(today.adding(days: -1).year)").text
            #expect(page.contains(#"id="table-directions-livshjulet""#))
        }
    }
    @Test(
        "seed 003's self-rating at exit: the mean of each of the six ratings of eleven participants, 6,91 … 7,82, as the report prints them"
    )
    func selfRatingAtExit() async throws {
        try await TestApp.run { fixture, client throws in
            // Eleven participants whose ratings sum to 76, 77, 73, 76, 62 and 86: "Genomsnitt: 6,91",
            // "7,00", "6,64", "6,91", "5,64", "7,82".
            let sums = [76, 77, 73, 76, 62, 86]
            let ids = try await SurveyTests.registerParticipants(11, fixture)
            let today = Day(fixture.clock.now)
            let now = fixture.clock.now
            let rating = try #require(InstrumentCatalog(try ShippedInstruments.load()).latest("sjalvskattning"))
            let items = rating.items.map(\.id)
            try await fixture.store.write { db in
                let measurements = MeasurementRepository(db, keyring: TestKeys.keyring)
                for (person, id) in ids.enumerated() {
                    var answers: [String: Answer] = [:]
                    for (item, sum) in zip(items, sums) { answers[item] = .number(sum / 11 + (person < sum % 11 ? 1 : 0)) }
                    _ = try await measurements.addCompleted(
                        rating,
                        for: id,
                        occasion: .exit,
                        on: today.adding(days: -1),
                        answers: answers,
                        by: nil,
                        now: now
                    )
                }
            }
            let manager = TestBrowser(client)
            try await manager.signIn(Fixture.email(.manager))
            let query = "table=occasions-sjalvskattning&period=year&year=\(today.adding(days: -1).year)"
            let rows = FollowUpTests.rows(try await manager.get("/units/\(fixture.unitA1)/dashboard/export.csv?\(query)").text)
            let labels =
                ["Utveckling som person", "Självkänsla", "Initiativförmåga", "Kommunikation", "Inställning till studier"]
                + ["Känner mig närmare arbetsmarknaden"]
            for (label, mean) in zip(labels, ["6,91", "7,00", "6,64", "6,91", "5,64", "7,82"]) {
                #expect(rows.first { $0.first == "Avslut: " + label }?.last == mean, "\(label): \(rows)")
            }
            #expect(rows.first { $0.first == "Mätningar vid avslut" }?.last == "11")
        }
    }
}
