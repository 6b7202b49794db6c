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
        let registeredOn: String
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
    let places: [PlacesRow]
    let hasPlaces: Bool
    let staff: [StaffMember]
    /// Counsellors, and managers the association has let open records, see and register participants.
    let mayOpenRecords: Bool

    init(_ unit: OrganisationUnit, _ overview: OverviewService.UnitOverview, mayOpenRecords: Bool, language: Language) {
        self.mayOpenRecords = mayOpenRecords
        self.unit = Heading(id: unit.id.description, name: unit.name, municipality: overview.municipality?.name ?? "")
        participants = overview.participants.map {
            ParticipantRow(id: $0.id.description, name: $0.name, state: $0.state.label(language), registeredOn: $0.registeredOn.description)
        }
        hasParticipants = !participants.isEmpty
        places = overview.places.reversed().map { PlacesRow(year: String($0.year), places: String($0.places)) }
        hasPlaces = !places.isEmpty
        staff = overview.staff.map { StaffMember(name: $0.name, role: $0.role.label(language)) }
    }
}
