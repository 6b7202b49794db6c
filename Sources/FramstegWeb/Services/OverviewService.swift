import Foundation
import FramstegCore
import FramstegStore

/// What the overviews read: the office's home page (the association's units and their places,
/// no individual), a unit's own page, and the working view of what is due, in one read.
struct OverviewService {
    let store: Store
    /// Opens the participants' names for the lists.
    let keyring: FieldKeyring
    let now: @Sendable () -> Date

    /// The association, its municipalities and units, and every unit's budgeted places.
    struct Office: Sendable {
        let association: Association?
        let municipalities: [Municipality]
        let units: [OrganisationUnit]
        let places: [BudgetedPlaces]
    }

    /// A unit's municipality, places by year, active staff and participants.
    struct UnitOverview: Sendable {
        let municipality: Municipality?
        let places: [BudgetedPlaces]
        let staff: [User]
        let participants: [ParticipantSummary]
    }

    /// The association's units and municipalities, for the list of one's units and their names.
    struct Organisation: Sendable {
        let units: [OrganisationUnit]
        let municipalities: [Municipality]
    }

    /// What needs doing, for one user on `today`: registrations waiting in their units, the
    /// participants they are responsible for, and what is due for them (overdue first).
    struct WorkingView: Sendable {
        let today: Day
        let waiting: [ParticipantSummary]
        let mine: [ParticipantSummary]
        let due: [DueItem]
        /// The board's waiting goal this year: days from registration to start.
        let waitingDays: Int
    }

    func office(_ association: AssociationID) async throws -> Office {
        try await store.read { db in
            let organisation = OrganisationRepository(db)
            return Office(
                association: try await organisation.association(association),
                municipalities: try await organisation.municipalities(of: association),
                units: try await organisation.units(of: association),
                places: try await organisation.places(inAssociation: association)
            )
        }
    }

    /// A unit's page, after writing that `principal` saw its list of participants; a manager
    /// without the right to open records gets the page without the list (and nothing to audit).
    func unit(_ unit: OrganisationUnit, by principal: Principal) async throws -> UnitOverview {
        let keyring = self.keyring
        let listsParticipants = principal.mayOpenRecords
        if listsParticipants { try await auditList(objectType: "unit", objectID: unit.id.description, by: principal) }
        return try await store.read { db in
            UnitOverview(
                municipality: try await OrganisationRepository(db).municipality(unit.municipalityID),
                places: try await OrganisationRepository(db).places(of: unit.id),
                staff: try await UserRepository(db).users(of: unit.associationID).filter { $0.unitIDs.contains(unit.id) && !$0.isDisabled },
                participants: listsParticipants
                    ? try await ParticipantRepository(db, keyring: keyring).participants(inUnit: unit.id).map {
                        $0.shown(to: principal.userID)
                    }
                    : []
            )
        }
    }

    func organisation(of association: AssociationID) async throws -> Organisation {
        try await store.read { db in
            let organisation = OrganisationRepository(db)
            return Organisation(
                units: try await organisation.units(of: association),
                municipalities: try await organisation.municipalities(of: association)
            )
        }
    }

    /// The working view of `principal`. One read: the lists, and for those enrolled what the
    /// measurement schedule and the action plan need to say what is due. Its names are personal
    /// data: the view is audited like any list of participants.
    func workingView(for principal: Principal) async throws -> WorkingView {
        let keyring = self.keyring
        guard principal.mayOpenRecords else {
            return WorkingView(today: Day(now()), waiting: [], mine: [], due: [], waitingDays: WaitingTime.goalDays)
        }
        try await auditList(objectType: "working-view", objectID: principal.userID.description, by: principal)
        let today = Day(now())
        let week = Week(containing: today)
        let horizon = today.adding(days: DueItems.horizonDays)
        let read = try await store.read { db in
            let participants = ParticipantRepository(db, keyring: keyring)
            // A protected person's name is initials for everyone but their responsible counsellor.
            let waiting = try await participants.waiting(inUnits: principal.unitIDs).map { $0.shown(to: principal.userID) }
            let mine = try await participants.active(responsible: principal.userID)
            let ids = Set(mine.map(\.id))
            let enrolled = Set(mine.filter { $0.state.isActive }.map(\.id))
            var intervals: [UnitID: Int] = [:]
            for unit in Set(mine.map(\.unitID)) { intervals[unit] = try await OrganisationRepository(db).measurementInterval(of: unit) }
            return WorkingViewRead(
                waitingDays: try await GoalRepository(db).goals(of: principal.associationID).waitingDays(year: today.year),
                waiting: waiting,
                mine: mine,
                since: try await participants.stateSince(ids),
                // This week's and later ones (the measurement schedule reads a planned exit meeting
                // from them), and planned ones left without an outcome before this week.
                meetings: try await ActivityRepository(db, keyring: keyring).meetingsAwaitingOutcome(of: ids, before: week.monday)
                    + ActivityRepository(db, keyring: keyring).meetings(of: ids, from: week.monday, through: horizon.adding(days: 366)),
                started: try await participants.startDays(enrolled),
                measured: try await MeasurementRepository(db, keyring: keyring).days(
                    of: enrolled,
                    instrument: MeasurementSchedule.instrumentID
                ),
                intervals: intervals,
                steps: try await PlanRepository(db, keyring: keyring).openSteps(of: enrolled, dueThrough: horizon)
            )
        }
        return WorkingView(
            today: today,
            waiting: read.waiting,
            mine: read.mine,
            due: read.dueItems(today: today, week: week),
            waitingDays: read.waitingDays
        )
    }

    /// Writes that `principal` was shown a list of participants (names and states).
    private func auditList(objectType: String, objectID: String, by principal: Principal) async throws {
        let now = self.now()
        try await store.audit(AuditEntry(at: now, by: principal, action: .participantsListRead, objectType: objectType, objectID: objectID))
    }
}

/// What the working view's one read brings back, and the due items worked out from it.
private struct WorkingViewRead: Sendable {
    let waitingDays: Int
    let waiting: [ParticipantSummary]
    let mine: [ParticipantSummary]
    let since: [ParticipantID: Day]
    let meetings: [Meeting]
    let started: [ParticipantID: Day]
    let measured: [ParticipantID: [Day]]
    let intervals: [UnitID: Int]
    let steps: [(participant: ParticipantID, step: PlanStep)]

    func dueItems(today: Day, week: Week) -> [DueItem] {
        let names = Dictionary(uniqueKeysWithValues: mine.map { ($0.id, $0.name) })
        let meetingsOf = Dictionary(grouping: meetings, by: \.participantID)
        let measurementsDue = mine.compactMap {
            participant -> (id: ParticipantID, name: String, occasion: MeasurementOccasion, due: Day)? in
            guard participant.state.isActive, let start = started[participant.id] else { return nil }
            let next = MeasurementSchedule(intervalWeeks: intervals[participant.unitID] ?? MeasurementSchedule.defaultIntervalWeeks)
                .nextDue(started: start, taken: measured[participant.id] ?? [], meetings: meetingsOf[participant.id] ?? [], today: today)
            return (participant.id, participant.name, next.occasion, next.day)
        }
        return DueItems.items(
            inProgress: mine.map { DueItems.InProgress(id: $0.id, name: $0.name, state: $0.state, since: since[$0.id] ?? $0.registeredOn) },
            waiting: waiting.map { (id: $0.id, name: $0.name, registeredOn: $0.registeredOn) },
            meetings: meetings.map { (meeting: $0, participantName: names[$0.participantID] ?? "") },
            measurements: measurementsDue,
            planSteps: steps.map { (id: $0.participant, name: names[$0.participant] ?? "", step: $0.step) },
            waitingDays: waitingDays,
            today: today
        )
    }
}
