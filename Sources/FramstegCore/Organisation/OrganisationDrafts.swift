import Foundation

/// What an administrator typed to create or rename an association, municipality or unit.
public struct NameDraft: Sendable, Equatable {
    public var name: String
    public init(name: String) { self.name = name }

    /// The trimmed name, or the problem with it.
    public func validated(field: String = "name") throws(ValidationFailure) -> String {
        let trimmed = name.trimmed
        var failure = ValidationFailure()
        if trimmed.isEmpty { failure.add(field, .required) } else if trimmed.count > 120 { failure.add(field, .tooLong(maximum: 120)) }
        try failure.throwIfAny()
        return trimmed
    }
}

/// What an administrator typed to create or change a unit.
public struct UnitDraft: Sendable, Equatable {
    public var name: String
    public var municipalityID: String

    public init(name: String, municipalityID: String) {
        self.name = name
        self.municipalityID = municipalityID
    }

    /// Checks the draft against the association's municipalities.
    public func validated(municipalities: [Municipality]) throws(ValidationFailure) -> (name: String, municipalityID: MunicipalityID) {
        var failure = ValidationFailure()
        let trimmed = name.trimmed
        if trimmed.isEmpty { failure.add("name", .required) } else if trimmed.count > 120 { failure.add("name", .tooLong(maximum: 120)) }
        let chosen = MunicipalityID(parsing: municipalityID.trimmed)
        if municipalityID.trimmed.isEmpty {
            failure.add("municipality", .required)
        } else if chosen == nil || !municipalities.contains(where: { $0.id == chosen }) {
            failure.add("municipality", .unknownChoice)
        }
        try failure.throwIfAny()
        return (trimmed, chosen!)
    }
}

/// What an administrator typed to set a unit's budgeted places for a year.
public struct PlacesDraft: Sendable, Equatable {
    public var year: String
    public var places: String

    public static let years = 2000...2100
    public static let maximumPlaces = 100_000

    public init(year: String, places: String) {
        self.year = year
        self.places = places
    }

    public func validated(unitID: UnitID) throws(ValidationFailure) -> BudgetedPlaces {
        var failure = ValidationFailure()
        // Digits may be grouped with spaces, as Swedes write "1 000".
        let year = failure.wholeNumber(self.year.replacingOccurrences(of: " ", with: ""), field: "year", in: Self.years)
        let places = failure.wholeNumber(self.places.replacingOccurrences(of: " ", with: ""), field: "places", in: 0...Self.maximumPlaces)
        try failure.throwIfAny()
        return BudgetedPlaces(unitID: unitID, year: year!, places: places!)
    }
}
