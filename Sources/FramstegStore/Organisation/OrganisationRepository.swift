import Foundation
import FramstegCore
import SQLKit

/// Associations, their municipalities and units, and the units' budgeted places.
public struct OrganisationRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    // MARK: Associations

    public func createAssociation(name: String, organisationNumber: String = "", now: Date) async throws -> Association {
        let id = try await db.insertReturningID(
            db.insert(into: "associations").columns("name", "organisation_number", "created_at")
                .values(SQLBind(name), SQLBind(organisationNumber), SQLBind(now.storedSeconds))
        )
        // Every association starts from the standard checklist, which its admin then adapts. On a
        // schema from before the checklist was data (tests of older migrations), migration 36
        // gives it the same checklist when it runs.
        let hasChecklist =
            try await db.select().column("version").from("schema_migrations")
            .where("version", .equal, Migrations.eligibilityRules.version).first() != nil
        if hasChecklist { try await EligibilityRepository(db).addStandard(to: AssociationID(id)) }
        return Association(id: AssociationID(id), name: name, organisationNumber: organisationNumber)
    }

    public func association(_ id: AssociationID) async throws -> Association? {
        try await db.select().columns("id", "name", "organisation_number", "survey_share_reading").from("associations")
            .where("id", .equal, id.rawValue).first().map(Self.association(from:))
    }

    public func associations() async throws -> [Association] {
        try await db.select().columns("id", "name", "organisation_number", "survey_share_reading").from("associations")
            .orderBy("name").all().map(Self.association(from:))
    }

    /// Which answers the association's exit survey goal counts (`positive` for an association not found).
    public func surveyShareReading(of id: AssociationID) async throws -> SurveyShareReading {
        try await association(id)?.surveyShareReading ?? .positive
    }

    /// Every association's id: what a migration may read at any schema version, unlike
    /// `associations()`, whose columns later migrations add.
    public func associationIDs() async throws -> [AssociationID] {
        try await db.select().column("id").from("associations").orderBy("id").all().map { try $0.id("id") }
    }

    public func updateAssociation(_ association: Association) async throws {
        try await db.update("associations")
            .set("name", to: association.name).set("organisation_number", to: association.organisationNumber)
            .set("survey_share_reading", to: association.surveyShareReading.rawValue)
            .where("id", .equal, association.id.rawValue).run()
    }

    static func association(from row: any SQLRow) throws -> Association {
        Association(
            id: try row.id("id"),
            name: try row.decode(column: "name", as: String.self),
            organisationNumber: try row.decode(column: "organisation_number", as: String.self),
            surveyShareReading: SurveyShareReading(rawValue: try row.decode(column: "survey_share_reading", as: String.self)) ?? .positive
        )
    }

    // MARK: Municipalities

    public func createMunicipality(in associationID: AssociationID, name: String) async throws -> Municipality {
        let id = try await db.insertReturningID(
            db.insert(into: "municipalities").columns("association_id", "name")
                .values(SQLBind(associationID.rawValue), SQLBind(name))
        )
        return Municipality(id: MunicipalityID(id), associationID: associationID, name: name)
    }

    public func municipalities(of associationID: AssociationID) async throws -> [Municipality] {
        try await db.select().columns("id", "association_id", "name").from("municipalities")
            .where("association_id", .equal, associationID.rawValue).orderBy("name").all()
            .map(Self.municipality(from:))
    }

    public func municipality(_ id: MunicipalityID) async throws -> Municipality? {
        try await db.select().columns("id", "association_id", "name").from("municipalities")
            .where("id", .equal, id.rawValue).first().map(Self.municipality(from:))
    }

    public func renameMunicipality(_ id: MunicipalityID, to name: String) async throws {
        try await db.update("municipalities").set("name", to: name).where("id", .equal, id.rawValue).run()
    }

    /// Whether another municipality of the association already has this name (case-insensitive).
    public func isMunicipalityNameTaken(
        _ name: String,
        in associationID: AssociationID,
        excluding: MunicipalityID? = nil
    ) async throws -> Bool {
        try await municipalities(of: associationID).contains {
            $0.name.lowercased() == name.lowercased() && $0.id != excluding
        }
    }

    /// Where someone who answers yes to the questions about violence in close relationships is
    /// referred in this municipality (free text: the service, phone, hours); empty when not set.
    public func supportContact(of municipality: MunicipalityID) async throws -> String {
        try await db.select().column("support_contact").from("municipalities").where("id", .equal, municipality.rawValue).first()?
            .decode(column: "support_contact", as: String.self) ?? ""
    }

    public func setSupportContact(_ text: String, of municipality: MunicipalityID) async throws {
        try await db.update("municipalities").set("support_contact", to: text).where("id", .equal, municipality.rawValue).run()
    }

    static func municipality(from row: any SQLRow) throws -> Municipality {
        Municipality(
            id: try row.id("id"),
            associationID: try row.id("association_id"),
            name: try row.decode(column: "name", as: String.self)
        )
    }

    // MARK: Units

    public func createUnit(in associationID: AssociationID, municipalityID: MunicipalityID, name: String) async throws -> OrganisationUnit {
        let id = try await db.insertReturningID(
            db.insert(into: "units").columns("association_id", "municipality_id", "name")
                .values(SQLBind(associationID.rawValue), SQLBind(municipalityID.rawValue), SQLBind(name))
        )
        return OrganisationUnit(id: UnitID(id), associationID: associationID, municipalityID: municipalityID, name: name)
    }

    public func units(of associationID: AssociationID) async throws -> [OrganisationUnit] {
        try await db.select().columns("id", "association_id", "municipality_id", "name").from("units")
            .where("association_id", .equal, associationID.rawValue).orderBy("name").all()
            .map(Self.unit(from:))
    }

    /// Every unit of every association: for the operator's command line only.
    public func allUnits() async throws -> [OrganisationUnit] {
        try await db.select().column("*").from("units").orderBy("id").all().map(Self.unit(from:))
    }

    public func unit(_ id: UnitID) async throws -> OrganisationUnit? {
        try await db.select().columns("id", "association_id", "municipality_id", "name").from("units")
            .where("id", .equal, id.rawValue).first().map(Self.unit(from:))
    }

    public func updateUnit(_ unit: OrganisationUnit) async throws {
        try await db.update("units").set("name", to: unit.name).set("municipality_id", to: unit.municipalityID.rawValue)
            .where("id", .equal, unit.id.rawValue).run()
    }

    public func isUnitNameTaken(_ name: String, in associationID: AssociationID, excluding: UnitID? = nil) async throws -> Bool {
        try await units(of: associationID).contains { $0.name.lowercased() == name.lowercased() && $0.id != excluding }
    }

    static func unit(from row: any SQLRow) throws -> OrganisationUnit {
        OrganisationUnit(
            id: try row.id("id"),
            associationID: try row.id("association_id"),
            municipalityID: try row.id("municipality_id"),
            name: try row.decode(column: "name", as: String.self)
        )
    }

    // MARK: Measurement schedule

    /// Weeks between the unit's progression measurements.
    public func measurementInterval(of unit: UnitID) async throws -> Int {
        try await db.select().column("measurement_interval_weeks").from("units").where("id", .equal, unit.rawValue).first()?
            .decode(column: "measurement_interval_weeks", as: Int.self) ?? MeasurementSchedule.defaultIntervalWeeks
    }

    public func setMeasurementInterval(_ weeks: Int, of unit: UnitID) async throws {
        try await db.update("units").set("measurement_interval_weeks", to: weeks).where("id", .equal, unit.rawValue).run()
    }

    // MARK: Budgeted places

    /// Sets the places for one unit and year, replacing an earlier figure for the same year.
    public func setPlaces(_ places: BudgetedPlaces) async throws {
        try await db.delete(from: "budgeted_places")
            .where("unit_id", .equal, places.unitID.rawValue).where("year", .equal, places.year).run()
        try await db.insert(into: "budgeted_places").columns("unit_id", "year", "places", "budget_kr")
            .values(SQLBind(places.unitID.rawValue), SQLBind(places.year), SQLBind(places.places), SQLBind(places.budget.map(Int64.init)))
            .run()
    }

    public func places(of unitID: UnitID) async throws -> [BudgetedPlaces] {
        try await db.select().columns("unit_id", "year", "places", "budget_kr").from("budgeted_places")
            .where("unit_id", .equal, unitID.rawValue).orderBy("year").all().map(Self.places(from:))
    }

    /// All budgeted places of every unit in the association.
    public func places(inAssociation associationID: AssociationID) async throws -> [BudgetedPlaces] {
        try await db.select()
            .columns(SQLColumn("unit_id", table: "budgeted_places"), SQLColumn("year"), SQLColumn("places"), SQLColumn("budget_kr"))
            .from("budgeted_places")
            .join("units", on: SQLColumn("id", table: "units"), .equal, SQLColumn("unit_id", table: "budgeted_places"))
            .where(SQLColumn("association_id", table: "units"), .equal, SQLBind(associationID.rawValue))
            .orderBy("year").all().map(Self.places(from:))
    }

    static func places(from row: any SQLRow) throws -> BudgetedPlaces {
        BudgetedPlaces(
            unitID: try row.id("unit_id"),
            year: try row.decode(column: "year", as: Int.self),
            places: try row.decode(column: "places", as: Int.self),
            budget: try row.decode(column: "budget_kr", as: Int64?.self).map { Int($0) }
        )
    }

    /// The unit a participant belongs to, for the audit row of something done on their record
    /// (nothing of the participant is read).
    public func unit(ofParticipant participant: ParticipantID) async throws -> UnitID? {
        try await db.select().column("unit_id").from("participants").where("id", .equal, participant.rawValue).first()?
            .decode(column: "unit_id", as: Int64?.self).map { UnitID($0) }
    }
}
