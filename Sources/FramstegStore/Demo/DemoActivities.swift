import Foundation
import FramstegCore
import SQLKit

/// The demo's interventions, meetings and hours for one participant, following the steps their
/// journey took: a meeting at each step, interventions that often run together, a goal that starts
/// low and is raised towards half time, and attendance that mostly keeps up with it.
struct DemoActivities {
    let db: any SQLDatabase
    let keyring: FieldKeyring
    let today: Day
    let now: Date

    static let employers = [
        "Coop Lerum", "ICA Maxi Alingsås", "Lerums kommun, fritidsförvaltningen", "Vårgårda Trä AB", "Bygg & Fasad i Herrljunga",
        "Second hand Myrorna", "Kafé Kornet", "Lagerhuset Logistik AB", "Folktandvården", "Stadsparkens plantskola",
    ]
    static let titles: [InterventionType: [String]] = [
        .jobFocused: ["Arbetsträning", "Jobbsökarstöd", "Praktik", "Studiebesök hos arbetsgivare", "CV och intervjuträning"],
        .competence: ["Svenska för yrkeslivet", "Digital grundkurs", "Truckkort", "Studiemotivation", "Kurs i arbetsmiljö"],
        .health: ["Fysisk aktivitet i grupp", "Samtalsstöd", "Sömnskola", "Fysioterapi", "Stresshantering"],
        .social: ["Gruppträffar", "Ekonomisk rådgivning", "Boendestöd", "Vardagsrutiner", "Samhällsorientering"],
    ]
    static let notes = [
        "Gick igenom veckan och målen.", "Deltagaren berättade om framsteg med rutinerna.", "Pratade om oro inför praktiken.",
        "Planerade nästa steg tillsammans.", "Följde upp närvaron; några frånvarodagar p.g.a. sjukdom.",
    ]
    static let decisions = [
        "Fortsätter enligt plan.", "Höjer målet med två timmar i veckan.", "Startar praktik nästa månad.",
        "Kontakt tas med vårdcentralen.", "Ny avstämning om åtta veckor.",
    ]
    static let places = ["Rum 2", "Rum 4", "Videosamtal", "Arbetsförmedlingen, Storgatan 12"]
    static let plans = [
        "Börjar arbeta 75 % hos praktikplatsen med lönestöd.", "Söker till Komvux till hösten.",
        "Fortsätter hos Arbetsförmedlingen med stöd av ett arbetsmarknadsprogram.", "Fortsatt rehabilitering inom regionen.",
    ]

    func add(to id: ParticipantID, _ steps: [JourneyTransition], by user: UserID, random: inout SeededRandom) async throws {
        let activities = ActivityRepository(db, keyring: keyring)
        for step in steps {
            let kind: MeetingKind? =
                switch step.event {
                case .informationConversation: .information
                case .multiPartyMeeting: .multiParty
                case .checkIn: .checkIn
                case .exit: .exit
                default: nil
                }
            guard let kind else { continue }
            let attendees: Set<MeetingAttendee> =
                kind == .information ? [.participant, .counsellor] : [.participant, .counsellor, .referrer]
            let decision = kind == .exit ? Self.plans.randomElement(using: &random)! : Self.decisions.randomElement(using: &random)!
            _ = try await activities.addMeeting(
                MeetingDraft(
                    kind: kind.rawValue,
                    day: step.day.description,
                    attendees: attendees.map(\.rawValue),
                    notes: Self.notes.randomElement(using: &random)!,
                    decisions: decision
                ).validated(registeredOn: step.day, today: today),
                to: id,
                by: user,
                now: now
            )
        }
        guard let start = steps.first(where: { $0.event == .start })?.day else { return }
        let end = steps.last.flatMap { $0.to.isFinal ? $0.day : nil } ?? today
        try await addInterventions(to: id, from: start, until: end, ended: steps.last?.to.isFinal == true, by: user, activities, &random)
        try await addHours(to: id, from: start, until: end, by: user, activities, &random)
        // Someone still in progress has their next meeting in the calendar.
        if steps.last?.to.isActive == true {
            let next = today.adding(days: Int.random(in: 0...13, using: &random))
            let kind = random.weighted([(MeetingKind.individual, 0.6), (.checkIn, 0.25), (.multiParty, 0.15)])
            // Its time and place follow from the id, so the seeded draws (and the rest of the demo) stay as they were.
            let time = ClockTime(hour: 9 + Int(id.rawValue % 7), minute: id.rawValue % 2 == 0 ? 0 : 30)!
            _ = try await activities.addMeeting(
                MeetingDraft(
                    status: MeetingStatus.planned.rawValue,
                    kind: kind.rawValue,
                    day: next.description,
                    time: time.description,
                    place: Self.places[Int(id.rawValue % Int64(Self.places.count))],
                    attendees: [],
                    notes: "",
                    decisions: ""
                )
                .validated(registeredOn: start, today: today),
                to: id,
                by: user,
                now: now
            )
        }
    }

    private func addInterventions(
        to id: ParticipantID,
        from start: Day,
        until end: Day,
        ended: Bool,
        by user: UserID,
        _ activities: ActivityRepository,
        _ random: inout SeededRandom
    ) async throws {
        let length = max(1, start.days(until: end))
        // Most get combined support; some only supportive or only job-focused, as BIP describes.
        let pattern = random.weighted([
            ([InterventionType.jobFocused, .health], 0.3), ([.jobFocused, .competence, .social], 0.2),
            ([.health, .social], 0.2), ([.jobFocused], 0.15), ([.competence], 0.1), ([InterventionType](), 0.05),
        ])
        for type in pattern {
            let begins = start.adding(days: Int.random(in: 0...max(0, length / 2), using: &random))
            guard begins <= today else { continue }
            let isPlacement = type == .jobFocused && random.chance(0.5)
            let provider: InterventionProvider =
                isPlacement
                ? .employer
                : random.weighted([
                    (.unit, 0.5), (.employmentService, 0.15), (.region, type == .health ? 0.3 : 0.05), (.municipality, 0.1),
                    (.socialInsurance, 0.05),
                ])
            let runs = Int.random(in: 21...120, using: &random)
            let last = begins.adding(days: runs)
            let endDay: Day? = last < end ? last : (ended ? end : nil)
            let draft = InterventionDraft(
                type: type.rawValue,
                provider: provider.rawValue,
                title: (Self.titles[type] ?? ["Insats"]).randomElement(using: &random)!,
                isPlacement: isPlacement,
                employerName: isPlacement ? Self.employers.randomElement(using: &random)! : "",
                start: begins.description,
                end: endDay?.description ?? ""
            )
            _ = try await activities.addIntervention(try draft.validated(started: start, today: today), to: id, by: user, now: now)
        }
    }

    private func addHours(
        to id: ParticipantID,
        from start: Day,
        until end: Day,
        by user: UserID,
        _ activities: ActivityRepository,
        _ random: inout SeededRandom
    ) async throws {
        var week = Week(containing: start)
        let last = Week(containing: min(end, today))
        var goal = Double(random.weighted([(4, 0.4), (6, 0.35), (8, 0.25)]))
        try await activities.setGoal(HoursGoal(from: week, hoursPerWeek: goal), for: id, by: user, now: now)
        var weeksAtGoal = 0
        while week <= last {
            // Usually close to the goal, sometimes a bad week.
            let attended =
                random.chance(0.1)
                ? goal * Double.random(in: 0...0.5, using: &random)
                : goal * Double.random(in: 0.75...1.15, using: &random)
            try await activities.recordAttendance(
                AttendedHours(week: week, hours: (attended * 2).rounded() / 2),
                for: id,
                by: user,
                now: now
            )
            weeksAtGoal += 1
            if weeksAtGoal >= 4, goal < ActivityHours.halfTime, random.chance(0.5) {
                goal = min(ActivityHours.halfTime, goal + Double(random.weighted([(2, 0.6), (4, 0.4)])))
                weeksAtGoal = 0
                try await activities.setGoal(HoursGoal(from: week.adding(weeks: 1), hoursPerWeek: goal), for: id, by: user, now: now)
            }
            week = week.adding(weeks: 1)
        }
    }
}
