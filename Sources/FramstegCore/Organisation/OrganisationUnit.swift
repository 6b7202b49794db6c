/// Verksamhet: a unit run in a municipality and funded by the association (e.g. "ACTivera Mölndal").
public struct OrganisationUnit: Hashable, Sendable, Codable {
    public let id: UnitID
    public let associationID: AssociationID
    public var municipalityID: MunicipalityID
    public var name: String

    public init(id: UnitID, associationID: AssociationID, municipalityID: MunicipalityID, name: String) {
        self.id = id
        self.associationID = associationID
        self.municipalityID = municipalityID
        self.name = name
    }
}

/// Budgeterade platser: how many participants a unit is funded to serve in a year.
public struct BudgetedPlaces: Hashable, Sendable, Codable {
    public let unitID: UnitID
    public let year: Int
    public let places: Int
    /// The unit's budget for the year in whole kronor (seed 000: "ACTivera Mölndal 2 750 000 kr"), if set.
    public let budget: Int?

    public init(unitID: UnitID, year: Int, places: Int, budget: Int? = nil) {
        self.unitID = unitID
        self.year = year
        self.places = places
        self.budget = budget
    }
}
