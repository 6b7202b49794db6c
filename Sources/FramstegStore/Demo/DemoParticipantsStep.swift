import Foundation
import FramstegCore
import SQLKit

/// About 600 participants over two years across the units, in every state of the journey, with a
/// realistic spread (about 60 % women, ages 16–66, outcomes that differ by gender as in seed 004).
/// Every journey goes through the real state machine, and started ones get interventions,
/// meetings (with sealed notes), an hours goal raised gradually and weekly attendance.
public struct DemoParticipantsStep: DemoStep {
    public let name = "participants"
    let keyring: FieldKeyring
    let count: Int
    let today: Day

    public init(keyring: FieldKeyring, count: Int = 600, today: Day) {
        self.keyring = keyring
        self.count = count
        self.today = today
    }

    public func apply(to context: inout DemoContext, db: any SQLDatabase) async throws {
        var random = SeededRandom(seed: 2026)
        let repository = ParticipantRepository(db, keyring: keyring)
        let catalog = InstrumentCatalog(try ShippedInstruments.load())
        let weights = context.units.enumerated().map { index, unit in
            (unit, Double(DemoOrganisationStep.places[index].places))
        }
        var responses: [AnonymousResponse] = []
        for index in 0..<count {
            let unit = random.weighted(weights)
            let gender = random.weighted([(Gender.woman, 0.58), (.man, 0.40), (.anotherOrNotStated, 0.02)])
            let registeredOn = today.adding(days: -Int.random(in: 0...730, using: &random))
            let number = Self.personalIdentityNumber(registeredOn: registeredOn, gender: gender, serial: index, random: &random)
            let name = DemoNames.name(gender, &random)
            let phone = Self.phone(&random)
            let referrerKind = random.weighted([
                (ReferrerKind.employmentService, 0.35), (.socialInsurance, 0.2), (.socialServices, 0.25),
                (.region, 0.1), (.selfReferral, 0.07), (.other, 0.03),
            ])
            // A stream of its own for the contact details, so the rest of the demo stays as it was.
            var contact = SeededRandom(seed: 70_000 + UInt64(index))
            let valid = ParticipantDraft.Valid(
                personalIdentityNumber: number,
                name: name,
                phone: phone,
                email: contact.chance(0.6) ? DemoNames.email(for: name) : "",
                gender: gender,
                municipalityID: unit.municipalityID,
                referrerKind: referrerKind,
                referrerName: referrerKind == .selfReferral ? "" : DemoNames.referrers.randomElement(using: &contact)!,
                authorities: Self.authorities(&random),
                reason: DemoNames.reasons.randomElement(using: &random)!
            )
            let staff = context.staff[unit.id] ?? []
            let recorder = staff.randomElement(using: &random)
            // The record key from a stream of its own, so the rest of the demo is what it was.
            var keys = SeededRandom(seed: 31_000 + UInt64(index))
            let id = try await repository.register(
                valid,
                unit: unit,
                on: registeredOn,
                by: nil,
                now: context.now,
                recordKey: .random(using: &keys)
            )
            guard let recorder else { continue }
            let timeline = try await walk(
                id,
                gender: gender,
                from: registeredOn,
                by: recorder,
                staff: staff,
                repository: repository,
                random: &random,
                now: context.now
            )
            try await DemoActivities(db: db, keyring: keyring, today: today, now: context.now)
                .add(to: id, timeline, by: recorder, random: &random)
            try await DemoMeasurements(db: db, keyring: keyring, catalog: catalog, today: today, now: context.now).add(
                to: id,
                timeline,
                by: recorder
            )
            responses += try await DemoSurveys(db: db, catalog: catalog, today: today)
                .add(to: id, unit: unit.id, gender: gender, timeline, by: recorder)
        }
        // In the order they were given, so each pool releases its batches of five as it would have.
        let given = responses.enumerated().sorted { ($0.element.month, $0.offset) < ($1.element.month, $1.offset) }.map(\.element)
        try await SurveyRepository(db, keyring: keyring).add(given)
    }

    /// Moves one participant along the journey as far as the time since registration allows.
    /// Returns the steps taken, with their days, for the activities to follow.
    private func walk(
        _ id: ParticipantID,
        gender: Gender,
        from registeredOn: Day,
        by user: UserID,
        staff: [UserID],
        repository: ParticipantRepository,
        random: inout SeededRandom,
        now: Date
    ) async throws -> [JourneyTransition] {
        var state = JourneyState.registered
        var day = registeredOn
        var taken: [JourneyTransition] = []
        func step(_ event: JourneyEvent, after days: Int) async throws -> Bool {
            let next = day.adding(days: days)
            guard next <= today else { return false }
            let transition = try Journey.transition(from: state, event, on: next, previousDay: day, today: today, by: user)
            try await repository.record(transition, participant: id, now: now)
            taken.append(transition)
            state = transition.to
            day = next
            return true
        }
        guard try await step(.informationConversation, after: Int.random(in: 2...10, using: &random)) else { return taken }
        if random.chance(0.08) {
            _ = try await step(.decline(reason: "Uppfyller inte kriterierna för insatsen"), after: Int.random(in: 1...7, using: &random))
            return taken
        }
        guard try await step(.start, after: Int.random(in: 1...14, using: &random)) else { return taken }
        try await repository.assignCounsellor(user, to: id, from: day, by: user, now: now)
        guard try await step(.multiPartyMeeting, after: Int.random(in: 42...120, using: &random)) else { return taken }
        // Where the unit has another counsellor, about one in five is handed over after the meeting.
        if staff.count > 1, random.chance(0.2), let other = staff.filter({ $0 != user }).randomElement(using: &random) {
            try await repository.assignCounsellor(other, to: id, from: day, by: user, now: now)
        }
        let blocks = Int.random(in: 1...4, using: &random)
        for _ in 1..<blocks {
            if random.chance(0.06) {
                _ = try await step(.withdraw(reason: "Flyttat från kommunen"), after: Int.random(in: 10...60, using: &random))
                return taken
            }
            guard try await step(.checkIn, after: Int.random(in: 56...90, using: &random)) else { return taken }
        }
        let outcome = Self.outcome(gender, &random)
        guard try await step(.exit(outcome), after: Int.random(in: 40...90, using: &random)) else { return taken }
        try await AfterExitRepository(repository.db).set(
            Self.afterExit(id, outcome: outcome, exitOn: day, today: today),
            for: id,
            by: user,
            now: now
        )
        return taken
    }

    /// What happened after an exit in the demo, derived from the participant's id so that the
    /// seeded sequence, and with it the rest of the demo, is unchanged: work or studies during
    /// participation for those who left for them and a third of the others, a next step for most
    /// (joint assessment first), and the follow-ups whose months have passed.
    static func afterExit(_ id: ParticipantID, outcome: ExitOutcome, exitOn: Day, today: Day) -> AfterExit {
        let number = Int(id.rawValue)
        let toWork = [ExitOutcome.unsubsidisedWork, .subsidisedWork, .studies].contains(outcome)
        let steps: [NextStepKind] = [.jointAssessment, .jointAssessment, .employmentService, .healthcare, .otherIntervention, .none]
        let next = steps[number % steps.count]
        let nextOn = next == .none ? nil : min(exitOn.adding(days: number % 29), today)
        func situation(_ months: Int) -> FollowUpSituation? {
            guard today >= AfterExit.followUpDay(months: months, exitOn: exitOn) else { return nil }
            if number % 9 == months { return .notReached }
            switch outcome {
            case .unsubsidisedWork: return number % 7 == 0 ? .jobSeeking : .work
            case .subsidisedWork: return .subsidisedWork
            case .studies: return .studies
            case .jobSeekerAfterWork: return number % 4 == 0 ? .work : .jobSeeking
            case .furtherRehabilitation: return .rehabilitation
            case .other: return .other
            }
        }
        return AfterExit(
            workedOrStudied: toWork || number % 3 == 0,
            nextStep: next,
            nextStepOn: nextOn,
            situationAfter3Months: situation(3),
            situationAfter6Months: situation(6)
        )
    }

    /// Men reach work more often than women (seed 004): the weights differ a little by gender.
    static func outcome(_ gender: Gender, _ random: inout SeededRandom) -> ExitOutcome {
        let work = gender == .man ? 0.30 : 0.20
        return random.weighted([
            (ExitOutcome.unsubsidisedWork, work), (.subsidisedWork, 0.15), (.studies, 0.15),
            (.jobSeekerAfterWork, 0.10), (.furtherRehabilitation, 0.22), (.other, 0.18),
        ])
    }

    static func authorities(_ random: inout SeededRandom) -> Set<Authority> {
        var result: Set<Authority> = [
            random.weighted([(Authority.employmentService, 0.5), (.socialServices, 0.3), (.socialInsurance, 0.2)])
        ]
        for authority in Authority.allCases where random.chance(0.35) { result.insert(authority) }
        return result
    }

    static func phone(_ random: inout SeededRandom) -> String {
        String(
            format: "070-%03d %02d %02d",
            Int.random(in: 0...999, using: &random),
            Int.random(in: 0...99, using: &random),
            Int.random(in: 0...99, using: &random)
        )
    }

    /// A valid personnummer for someone aged 16–66 at registration, with a gender-matching serial digit.
    static func personalIdentityNumber(registeredOn: Day, gender: Gender, serial: Int, random: inout SeededRandom) -> PersonalIdentityNumber
    {
        let age = random.weighted([
            (Int.random(in: 16...29, using: &random), 0.45), (Int.random(in: 30...49, using: &random), 0.4),
            (Int.random(in: 50...66, using: &random), 0.15),
        ])
        let birth = registeredOn.adding(days: -(age * 365 + Int.random(in: 0...360, using: &random)))
        var third = (serial / 10) % 10
        let wantsOdd = gender == .man || (gender == .anotherOrNotStated && random.chance(0.5))
        if (third % 2 == 1) != wantsOdd { third = (third + 1) % 10 }
        let nine = String(format: "%02d%02d%02d%02d%d", birth.year % 100, birth.month, birth.day, serial % 100, third)
        let check = (10 - luhnSum(nine) % 10) % 10
        let text = String(format: "%04d", birth.year) + nine.dropFirst(2) + String(check)
        return try! PersonalIdentityNumber(parsing: text, today: registeredOn.date)
    }

    static func luhnSum(_ digits: String) -> Int {
        digits.compactMap(\.wholeNumberValue).enumerated().reduce(0) { total, pair in
            let product = pair.element * (pair.offset % 2 == 0 ? 2 : 1)
            return total + product / 10 + product % 10
        }
    }
}
