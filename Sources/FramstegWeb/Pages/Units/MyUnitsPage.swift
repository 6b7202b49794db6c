import FramstegCore
import FramstegStore

/// The list of one's units with the working view ("På tur") above it: what is due (overdue
/// marked), registrations waiting (past the two-week goal marked) and one's own participants.
struct MyUnitsPage: Sendable {
    struct DueRow: Sendable {
        let id: String
        let name: String
        let what: String
        let due: String
        let time: String?
        let place: String?
        /// Where the work is done: the meeting's page, the record's tab and section.
        let href: String
        let isOverdue: Bool
    }

    /// Today, this week, overdue, later: the work list's groups, in that order, empty ones left out.
    struct DueGroup: Sendable {
        let id: String
        let title: String
        let rows: [DueRow]
    }

    struct WaitingRow: Sendable {
        let id: String
        let name: String
        let unit: String
        let state: String
        let registeredOn: String
        let daysWaited: String
        let isOverdue: Bool
    }

    struct ParticipantRow: Sendable {
        let id: String
        let name: String
        let state: String
        let unit: String
    }

    struct UnitRow: Sendable {
        let id: String
        let name: String
        let municipality: String
    }

    let dueGroups: [DueGroup]
    let hasDue: Bool
    let waiting: [WaitingRow]
    let hasWaiting: Bool
    let mine: [ParticipantRow]
    let hasMine: Bool
    /// The waiting time goal, in days.
    let waitingGoal: String
    let units: [UnitRow]

    init(_ organisation: OverviewService.Organisation, _ view: OverviewService.WorkingView, principal: Principal, language: Language) {
        let unitNames = Dictionary(uniqueKeysWithValues: organisation.units.map { ($0.id, $0.name) })
        let grouped = Dictionary(grouping: view.due) { $0.group(today: view.today) }
        dueGroups = DueItem.Group.allCases.compactMap { group in
            guard let items = grouped[group], !items.isEmpty else { return nil }
            return DueGroup(
                id: "due-" + group.rawValue,
                title: Texts.text("dueGroup." + group.rawValue, language),
                rows: items.map { Self.dueRow($0, language) }
            )
        }
        hasDue = !dueGroups.isEmpty
        waiting = view.waiting.map {
            Self.waitingRow($0, unit: unitNames[$0.unitID] ?? "", today: view.today, goal: view.waitingDays, language)
        }
        hasWaiting = !waiting.isEmpty
        mine = view.mine.map { participant in
            ParticipantRow(
                id: participant.id.description,
                name: participant.name,
                state: participant.state.label(language),
                unit: unitNames[participant.unitID] ?? ""
            )
        }
        hasMine = !mine.isEmpty
        waitingGoal = String(view.waitingDays)
        units = organisation.units.filter { principal.unitIDs.contains($0.id) }.map { unit in
            UnitRow(
                id: unit.id.description,
                name: unit.name,
                municipality: organisation.municipalities.first { $0.id == unit.municipalityID }?.name ?? ""
            )
        }
    }

    private static func dueRow(_ item: DueItem, _ language: Language) -> DueRow {
        var place: String?
        if case .meeting(_, _, let meetingPlace) = item.kind, !meetingPlace.isEmpty { place = meetingPlace }
        return DueRow(
            id: item.participantID.description,
            name: item.participantName,
            what: what(item.kind, language),
            due: item.due.description,
            time: item.time?.description,
            place: place,
            href: href(item),
            isOverdue: item.isOverdue
        )
    }

    /// The page and section where the item is worked on.
    private static func href(_ item: DueItem) -> String {
        let participant = item.participantID
        let section: String
        switch item.kind {
        case .meeting(let id, _, _): return MeetingPage.path(id, of: participant)
        case .meetingOutcome(let id, _): return MeetingPage.path(id, of: participant) + "#held"
        case .registrationWaiting, .multiPartyMeeting, .checkIn: section = "journey"
        case .measurement: section = "measurements"
        case .planStep: section = "plan"
        }
        return RecordTab(section: section).path(participant) + "#" + section
    }

    /// A registration waiting, with the days it has waited (past the goal marked).
    private static func waitingRow(
        _ participant: ParticipantSummary,
        unit: String,
        today: Day,
        goal: Int,
        _ language: Language
    ) -> WaitingRow {
        let days = participant.registeredOn.days(until: today)
        return WaitingRow(
            id: participant.id.description,
            name: participant.name,
            unit: unit,
            state: participant.state.label(language),
            registeredOn: participant.registeredOn.description,
            daysWaited: String(days),
            isOverdue: days > goal
        )
    }

    /// What is due, in words.
    private static func what(_ kind: DueItem.Kind, _ language: Language) -> String {
        switch kind {
        case .registrationWaiting: Texts.text("due.registration", language)
        case .multiPartyMeeting: Texts.text("due.multi-party", language)
        case .checkIn(let block): Texts.text("due.check-in", language).replacingOccurrences(of: "{n}", with: String(block))
        case .meeting(_, let kind, _): Texts.text("meetingKind." + kind.rawValue, language)
        case .meetingOutcome(_, let kind):
            Texts.text("due.meetingOutcome", language, ["kind": Texts.text("meetingKind." + kind.rawValue, language)])
        case .measurement(let occasion):
            Texts.text("due.measurement", language).replacingOccurrences(
                of: "{occasion}",
                with: Texts.text("occasion." + occasion.rawValue, language).lowercased()
            )
        case .planStep(let text): Texts.text("due.plan-step", language).replacingOccurrences(of: "{step}", with: text)
        }
    }
}
