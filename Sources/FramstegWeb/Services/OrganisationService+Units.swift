import Foundation
import FramstegCore
import FramstegStore
import SQLKit

/// The association's units: names and municipalities, budgeted places per year, and the weeks
/// between their progression measurements.
extension OrganisationService {
    /// The units page: every unit with the places budgeted for it, and the municipalities to choose.
    struct UnitList: Sendable {
        let municipalities: [Municipality]
        let units: [OrganisationUnit]
        let places: [BudgetedPlaces]
    }

    /// One unit's page: the municipalities to choose, its places by year and its schedule.
    struct UnitDetails: Sendable {
        let municipalities: [Municipality]
        let places: [BudgetedPlaces]
        let intervalWeeks: Int
    }

    func units(of associationID: AssociationID) async throws -> UnitList {
        try await store.read { db in
            let organisation = OrganisationRepository(db)
            return UnitList(
                municipalities: try await organisation.municipalities(of: associationID),
                units: try await organisation.units(of: associationID),
                places: try await organisation.places(inAssociation: associationID)
            )
        }
    }

    func details(of unit: OrganisationUnit) async throws -> UnitDetails {
        try await store.read { db in
            let organisation = OrganisationRepository(db)
            return UnitDetails(
                municipalities: try await organisation.municipalities(of: unit.associationID),
                places: try await organisation.places(of: unit.id),
                intervalWeeks: try await organisation.measurementInterval(of: unit.id)
            )
        }
    }

    func createUnit(_ draft: UnitDraft, by principal: Principal) async throws -> OrganisationUnit {
        let now = self.now()
        return try await store.write { db in
            let valid = try await Self.validated(draft, db: db, associationID: principal.associationID, excluding: nil)
            let unit = try await OrganisationRepository(db).createUnit(
                in: principal.associationID,
                municipalityID: valid.municipalityID,
                name: valid.name
            )
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: .unitCreate, objectType: "unit", objectID: unit.id.description)
            )
            return unit
        }
    }

    func updateUnit(_ unit: OrganisationUnit, to draft: UnitDraft, by principal: Principal) async throws {
        try await write(.unitUpdate, "unit", unit.id.description, by: principal) { db in
            let valid = try await Self.validated(draft, db: db, associationID: principal.associationID, excluding: unit.id)
            var changed = unit
            changed.name = valid.name
            changed.municipalityID = valid.municipalityID
            try await OrganisationRepository(db).updateUnit(changed)
        }
    }

    /// Sets the places budgeted for one year (replacing what that year had).
    func setPlaces(_ draft: PlacesDraft, of unit: OrganisationUnit, by principal: Principal) async throws {
        let places = try draft.validated(unitID: unit.id)
        try await write(.unitPlaces, "unit", unit.id.description, by: principal) { db in
            try await OrganisationRepository(db).setPlaces(places)
        }
    }

    /// Weeks between the unit's progression measurements (1–52; 12 unless changed).
    func setMeasurementInterval(_ typed: String, of unit: OrganisationUnit, by principal: Principal) async throws {
        let text = typed.trimmed
        let range = MeasurementSchedule.intervalRange
        guard let weeks = Int(text), range.contains(weeks) else {
            let problem: FieldProblem =
                text.isEmpty
                ? .required : Int(text) == nil ? .notAWholeNumber : .outOfRange(minimum: range.lowerBound, maximum: range.upperBound)
            throw ValidationFailure(problems: ["intervalWeeks": problem])
        }
        try await write(.unitSchedule, "unit", unit.id.description, by: principal) { db in
            try await OrganisationRepository(db).setMeasurementInterval(weeks, of: unit.id)
        }
    }

    /// The draft checked against the association's municipalities, its name against its other units'.
    private static func validated(
        _ draft: UnitDraft,
        db: any SQLDatabase,
        associationID: AssociationID,
        excluding: UnitID?
    ) async throws -> (name: String, municipalityID: MunicipalityID) {
        let organisation = OrganisationRepository(db)
        let valid = try draft.validated(municipalities: try await organisation.municipalities(of: associationID))
        if try await organisation.isUnitNameTaken(valid.name, in: associationID, excluding: excluding) {
            throw ValidationFailure(problems: ["name": .alreadyTaken])
        }
        return valid
    }
}
