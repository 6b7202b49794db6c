import FramstegCore

/// The office's home page: every unit of the association by municipality, with its budgeted
/// places for each year any unit has them, and the year's total.
struct OfficeHomePage: Sendable {
    struct Row: Sendable {
        let municipality: String
        let unit: String
        /// One cell per year; "–" where the unit has none.
        let places: [String]
    }

    let association: String
    let years: [String]
    let rows: [Row]
    let totals: [String]

    init(_ office: OverviewService.Office) {
        let municipalities = office.municipalities
        let places = office.places
        let years = Array(Set(places.map(\.year))).sorted()
        func municipalityName(_ unit: OrganisationUnit) -> String { municipalities.first { $0.id == unit.municipalityID }?.name ?? "" }
        let sortedUnits = office.units.sorted { lhs, rhs in (municipalityName(lhs), lhs.name) < (municipalityName(rhs), rhs.name) }
        association = office.association?.name ?? ""
        self.years = years.map(String.init)
        rows = sortedUnits.map { unit in
            Row(
                municipality: municipalityName(unit),
                unit: unit.name,
                places: years.map { year in places.first { $0.unitID == unit.id && $0.year == year }.map { String($0.places) } ?? "–" }
            )
        }
        totals = years.map { year in String(places.filter { $0.year == year }.reduce(0) { $0 + $1.places }) }
    }
}
