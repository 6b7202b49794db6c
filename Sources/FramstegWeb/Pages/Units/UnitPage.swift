import FramstegCore

/// A unit's own page: its participants, its budgeted places by year (newest first) and its staff.
struct UnitPage: Sendable {
    struct Heading: Sendable {
        let id: String
        let name: String
        let municipality: String
    }

    struct ParticipantRow: Sendable {
        let id: String
        let name: String
        let state: String
        let counsellor: String
        let registeredOn: String
    }

    /// A link to one page of the list.
    struct PageLink: Sendable {
        let number: String
        let href: String
        let isCurrent: Bool
    }

    struct PlacesRow: Sendable {
        let year: String
        let places: String
    }

    struct StaffMember: Sendable {
        let name: String
        let role: String
    }

    let unit: Heading
    let participants: [ParticipantRow]
    let hasParticipants: Bool
    /// Whether the unit has anyone registered at all (else the list's filters are not offered).
    let hasAnyParticipant: Bool
    let showChoices: [Choice]
    let counsellorChoices: [Choice]
    let sortChoices: [Choice]
    /// "Visar 1–25 av 120".
    let shown: String
    let pages: [PageLink]
    let hasPages: Bool
    let previous: String?
    let next: String?
    let places: [PlacesRow]
    let hasPlaces: Bool
    let staff: [StaffMember]
    /// Counsellors, and managers the association has let open records, see and register participants.
    let mayOpenRecords: Bool

    init(
        _ unit: OrganisationUnit,
        _ overview: OverviewService.UnitOverview,
        query: ParticipantListQuery = ParticipantListQuery(),
        viewer: UserID,
        mayOpenRecords: Bool,
        language: Language
    ) {
        self.mayOpenRecords = mayOpenRecords
        self.unit = Heading(id: unit.id.description, name: unit.name, municipality: overview.municipality?.name ?? "")
        let names = Dictionary(overview.staff.map { ($0.id, $0.name) }) { first, _ in first }
        let result = query.apply(overview.participants, viewer: viewer)
        participants = result.rows.map {
            ParticipantRow(
                id: $0.id.description,
                name: $0.name,
                state: $0.state.label(language),
                counsellor: $0.responsibleCounsellor.flatMap { names[$0] } ?? "–",
                registeredOn: $0.registeredOn.description
            )
        }
        hasParticipants = !participants.isEmpty
        hasAnyParticipant = !overview.participants.isEmpty
        let text = { (key: String) in Texts.text(key, language) }
        showChoices = ParticipantListQuery.Show.allCases.map {
            Choice(value: $0.rawValue, label: text("listShow." + $0.rawValue), isChosen: $0 == query.show)
        }
        let counsellors = overview.staff.filter { $0.role == .counsellor }.sorted { $0.name < $1.name }
        counsellorChoices =
            [
                Choice(value: "", label: text("listCounsellor.anyone"), isChosen: query.counsellor == .anyone),
                Choice(value: "mine", label: text("listCounsellor.mine"), isChosen: query.counsellor == .mine),
                Choice(value: "none", label: text("listCounsellor.none"), isChosen: query.counsellor == .nobody),
            ]
            + counsellors.map { Choice(value: $0.id.description, label: $0.name, isChosen: query.counsellor == .one($0.id)) }
        sortChoices = ParticipantListQuery.Sort.allCases.map {
            Choice(value: $0.rawValue, label: text("listSort." + $0.rawValue), isChosen: $0 == query.sort)
        }
        shown =
            result.total == 0
            ? text("listNoneShown")
            : Texts.text(
                "listShown",
                language,
                ["from": String(result.first), "to": String(result.first + result.rows.count - 1), "total": String(result.total)]
            )
        pages = (1...result.pages).map {
            PageLink(number: String($0), href: query.path(unit: unit.id, page: $0), isCurrent: $0 == result.page)
        }
        hasPages = result.pages > 1
        previous = result.page > 1 ? query.path(unit: unit.id, page: result.page - 1) : nil
        next = result.page < result.pages ? query.path(unit: unit.id, page: result.page + 1) : nil
        places = overview.places.reversed().map { PlacesRow(year: String($0.year), places: String($0.places)) }
        hasPlaces = !places.isEmpty
        staff = overview.staff.map { StaffMember(name: $0.name, role: $0.role.label(language)) }
    }
}
