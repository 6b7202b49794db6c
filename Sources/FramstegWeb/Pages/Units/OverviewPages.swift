import FramstegCore
import FramstegStore
import Hummingbird

/// The association office's overview and the units' own pages. No individual appears on either.
struct OverviewPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/office", .viewAssociationOverview, .association) { request, context, principal, _ in
            return try await officePage(context, principal)
        }
        routes.get("/units", .viewUnit, .ownAccount) { request, context, principal, _ in
            let (units, municipalities) = try await site.store.read { db in
                let organisation = OrganisationRepository(db)
                return (
                    try await organisation.units(of: principal.associationID),
                    try await organisation.municipalities(of: principal.associationID)
                )
            }
            let mine = units.filter { principal.unitIDs.contains($0.id) }.map { unit -> [String: String] in
                [
                    "id": unit.id.description, "name": unit.name,
                    "municipality": municipalities.first { $0.id == unit.municipalityID }?.name ?? "",
                ]
            }
            var data: [String: Any] = ["units": mine]
            data.merge(try await workingView(context, principal, units: units)) { $1 }
            return site.renderer.page(.myUnits, title: .key("myUnits"), model: data, context: context)
        }
        routes.get("/units/:unit", .viewUnit, .unit) { request, context, principal, unit in
            try await unitPage(context, unit)
        }
    }

    /// What needs doing: registrations waiting (longest first, past the two-week goal marked) and
    /// the participants the user is responsible for.
    private func workingView(_ context: AppRequestContext, _ principal: Principal, units: [OrganisationUnit]) async throws -> [String: Any]
    {
        let keyring = site.keyring
        let today = Day(site.now())
        let week = Week(containing: today)
        let horizon = today.adding(days: DueItems.horizonDays)
        // One read: the lists, and for those enrolled what the schedule and the plan need.
        let (waiting, mine, since, meetings, started, measured, intervals, steps) = try await site.store.read { db in
            let participants = ParticipantRepository(db, keyring: keyring)
            let waiting = try await participants.waiting(inUnits: principal.unitIDs)
            let mine = try await participants.active(responsible: principal.userID)
            let ids = Set(mine.map(\.id))
            let enrolled = Set(mine.filter { $0.state.isActive }.map(\.id))
            var intervals: [UnitID: Int] = [:]
            for unit in Set(mine.map(\.unitID)) { intervals[unit] = try await OrganisationRepository(db).measurementInterval(of: unit) }
            return (
                waiting, mine, try await participants.stateSince(ids),
                try await ActivityRepository(db, keyring: keyring).meetings(of: ids, from: week.monday, through: horizon.adding(days: 366)),
                try await participants.startDays(enrolled),
                try await MeasurementRepository(db).days(of: enrolled, instrument: MeasurementSchedule.instrumentID), intervals,
                try await PlanRepository(db, keyring: keyring).openSteps(of: enrolled, dueThrough: horizon)
            )
        }
        let names = Dictionary(uniqueKeysWithValues: mine.map { ($0.id, $0.name) })
        let meetingsOf = Dictionary(grouping: meetings, by: \.participantID)
        let measurementsDue = mine.compactMap {
            participant -> (id: ParticipantID, name: String, occasion: MeasurementOccasion, due: Day)? in
            guard participant.state.isActive, let start = started[participant.id] else { return nil }
            let next = MeasurementSchedule(intervalWeeks: intervals[participant.unitID] ?? MeasurementSchedule.defaultIntervalWeeks)
                .nextDue(started: start, taken: measured[participant.id] ?? [], meetings: meetingsOf[participant.id] ?? [], today: today)
            return (participant.id, participant.name, next.occasion, next.day)
        }
        let due = DueItems.items(
            inProgress: mine.map { DueItems.InProgress(id: $0.id, name: $0.name, state: $0.state, since: since[$0.id] ?? $0.registeredOn) },
            waiting: waiting.map { (id: $0.id, name: $0.name, registeredOn: $0.registeredOn) },
            meetings: meetings.filter { week.contains($0.day) }.map { (meeting: $0, participantName: names[$0.participantID] ?? "") },
            measurements: measurementsDue,
            planSteps: steps.map { (id: $0.participant, name: names[$0.participant] ?? "", step: $0.step) },
            today: today
        )
        let dueRows = due.map { item -> [String: Any] in
            let what: String =
                switch item.kind {
                case .registrationWaiting: Texts.text("due.registration", context.language)
                case .multiPartyMeeting: Texts.text("due.multi-party", context.language)
                case .checkIn(let block): Texts.text("due.check-in", context.language).replacingOccurrences(of: "{n}", with: String(block))
                case .meeting(let kind):
                    Texts.text("due.meeting", context.language).replacingOccurrences(
                        of: "{kind}",
                        with: Texts.text("meetingKind." + kind.rawValue, context.language)
                    )
                case .measurement(let occasion):
                    Texts.text("due.measurement", context.language).replacingOccurrences(
                        of: "{occasion}",
                        with: Texts.text("occasion." + occasion.rawValue, context.language).lowercased()
                    )
                case .planStep(let text): Texts.text("due.plan-step", context.language).replacingOccurrences(of: "{step}", with: text)
                }
            return [
                "id": item.participantID.description, "name": item.participantName, "what": what, "due": item.due.description,
                "isOverdue": item.isOverdue,
            ]
        }
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let waitingRows = waiting.map { participant -> [String: Any] in
            let days = participant.registeredOn.days(until: today)
            return [
                "id": participant.id.description, "name": participant.name, "unit": unitNames[participant.unitID] ?? "",
                "state": participant.state.label(context.language), "registeredOn": participant.registeredOn.description,
                "daysWaited": String(days), "isOverdue": days > WaitingTime.goalDays,
            ]
        }
        let mineRows = mine.map { participant -> [String: Any] in
            [
                "id": participant.id.description, "name": participant.name, "state": participant.state.label(context.language),
                "unit": unitNames[participant.unitID] ?? "",
            ]
        }
        return [
            "due": dueRows, "hasDue": !dueRows.isEmpty, "waiting": waitingRows, "hasWaiting": !waitingRows.isEmpty, "mine": mineRows,
            "hasMine": !mineRows.isEmpty,
            "waitingGoal": String(WaitingTime.goalDays),
        ]
    }

    private func officePage(_ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let (association, municipalities, units, places) = try await site.store.read { db in
            let organisation = OrganisationRepository(db)
            return (
                try await organisation.association(principal.associationID),
                try await organisation.municipalities(of: principal.associationID),
                try await organisation.units(of: principal.associationID),
                try await organisation.places(inAssociation: principal.associationID)
            )
        }
        let years = Array(Set(places.map(\.year))).sorted()
        let sortedUnits = units.sorted { lhs, rhs in
            let left = municipalities.first { $0.id == lhs.municipalityID }?.name ?? ""
            let right = municipalities.first { $0.id == rhs.municipalityID }?.name ?? ""
            return (left, lhs.name) < (right, rhs.name)
        }
        let rows = sortedUnits.map { unit -> [String: Any] in
            [
                "municipality": municipalities.first { $0.id == unit.municipalityID }?.name ?? "",
                "unit": unit.name,
                "places": years.map { year in places.first { $0.unitID == unit.id && $0.year == year }.map { String($0.places) } ?? "–" },
            ]
        }
        let totals = years.map { year in String(places.filter { $0.year == year }.reduce(0) { $0 + $1.places }) }
        return site.renderer.page(
            .officeHome,
            title: .text(association?.name ?? ""),
            model: [
                "association": association?.name ?? "", "years": years.map(String.init), "rows": rows, "totals": totals,
            ],
            context: context
        )
    }

    private func unitPage(_ context: AppRequestContext, _ unit: OrganisationUnit) async throws -> Response {
        let keyring = site.keyring
        let (municipality, places, staff, participants) = try await site.store.read { db in
            (
                try await OrganisationRepository(db).municipality(unit.municipalityID),
                try await OrganisationRepository(db).places(of: unit.id),
                try await UserRepository(db).users(of: unit.associationID).filter { $0.unitIDs.contains(unit.id) && !$0.isDisabled },
                try await ParticipantRepository(db, keyring: keyring).participants(inUnit: unit.id)
            )
        }
        return site.renderer.page(
            .unit,
            title: .text(unit.name),
            model: [
                "unit": ["id": unit.id.description, "name": unit.name, "municipality": municipality?.name ?? ""],
                "participants": participants.map {
                    [
                        "id": $0.id.description, "name": $0.name, "state": $0.state.label(context.language),
                        "registeredOn": $0.registeredOn.description,
                    ]
                },
                "hasParticipants": !participants.isEmpty,
                "places": places.reversed().map { ["year": String($0.year), "places": String($0.places)] },
                "hasPlaces": !places.isEmpty,
                "staff": staff.map { ["name": $0.name, "role": $0.role.label(context.language)] },
            ],
            context: context
        )
    }
}
