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
    /// The year's budget in kronor; empty for none.
    public var budget: String

    public static let years = 2000...2100
    public static let maximumPlaces = 100_000
    public static let maximumBudget = 2_000_000_000

    public init(year: String, places: String, budget: String = "") {
        self.year = year
        self.places = places
        self.budget = budget
    }

    public func validated(unitID: UnitID) throws(ValidationFailure) -> BudgetedPlaces {
        var failure = ValidationFailure()
        // Digits may be grouped with spaces, as Swedes write "1 000"; a budget may end in "kr".
        func digits(_ text: String) -> String {
            var text = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            if text.lowercased().hasSuffix("kr") { text.removeLast(2) }
            return text
        }
        let year = failure.wholeNumber(digits(self.year), field: "year", in: Self.years)
        let places = failure.wholeNumber(digits(self.places), field: "places", in: 0...Self.maximumPlaces)
        let budget =
            digits(self.budget).isEmpty ? nil : failure.wholeNumber(digits(self.budget), field: "budget", in: 0...Self.maximumBudget)
        try failure.throwIfAny()
        return BudgetedPlaces(unitID: unitID, year: year!, places: places!, budget: budget)
    }
}
