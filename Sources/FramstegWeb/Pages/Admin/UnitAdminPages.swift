import FramstegCore
import FramstegStore
import Hummingbird
import SQLKit

/// Units of the association: list with budgeted places, add, change, set places per year.
struct UnitAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/units", .administerUnits, .association) { request, context, principal, _ in
            return try await listPage(context, principal)
        }
        routes.post("/admin/units", .administerUnits, .association) { request, context, principal, _ in
            let draft = UnitDraft(name: context.form["name"], municipalityID: context.form["municipality"])
            do {
                let created = try await site.store.write { db in
                    let valid = try await validated(draft, db: db, associationID: principal.associationID, excluding: nil)
                    let unit = try await OrganisationRepository(db).createUnit(
                        in: principal.associationID,
                        municipalityID: valid.municipalityID,
                        name: valid.name
                    )
                    try await AuditLog(db).append(
                        AuditEntry(at: site.now(), by: principal, action: .unitCreate, objectType: "unit", objectID: unit.id.description)
                    )
                    return unit
                }
                return .redirect(to: "/admin/units/\(created.id)", notice: .saved)
            } catch let failure as ValidationFailure {
                let form = FormState(
                    values: ["name": draft.name, "municipality": draft.municipalityID],
                    errors: failure.messages(context.language)
                )
                return try await listPage(context, principal, form: form)
            }
        }
        routes.get("/admin/units/:unit", .administerUnits, .unit) { request, context, principal, unit in
            return try await unitPage(
                context,
                unit,
                form: FormState(values: ["name": unit.name, "municipality": unit.municipalityID.description])
            )
        }
        routes.post("/admin/units/:unit", .administerUnits, .unit) { request, context, principal, unit in
            let draft = UnitDraft(name: context.form["name"], municipalityID: context.form["municipality"])
            do {
                try await site.store.write { db in
                    let valid = try await validated(draft, db: db, associationID: principal.associationID, excluding: unit.id)
                    var changed = unit
                    changed.name = valid.name
                    changed.municipalityID = valid.municipalityID
                    try await OrganisationRepository(db).updateUnit(changed)
                    try await AuditLog(db).append(
                        AuditEntry(at: site.now(), by: principal, action: .unitUpdate, objectType: "unit", objectID: unit.id.description)
                    )
                }
                return .redirect(to: "/admin/units/\(unit.id)", notice: .saved)
            } catch let failure as ValidationFailure {
                let form = FormState(
                    values: ["name": draft.name, "municipality": draft.municipalityID],
                    errors: failure.messages(context.language)
                )
                return try await unitPage(context, unit, form: form)
            }
        }
        routes.post("/admin/units/:unit/schedule", .administerUnits, .unit) { request, context, principal, unit in
            return try await saveSchedule(context, principal, unit)
        }
        routes.post("/admin/units/:unit/places", .administerUnits, .unit) { request, context, principal, unit in
            let draft = PlacesDraft(year: context.form["year"], places: context.form["places"])
            do {
                let places = try draft.validated(unitID: unit.id)
                try await site.store.write { db in
                    try await OrganisationRepository(db).setPlaces(places)
                    try await AuditLog(db).append(
                        AuditEntry(at: site.now(), by: principal, action: .unitPlaces, objectType: "unit", objectID: unit.id.description)
                    )
                }
                return .redirect(to: "/admin/units/\(unit.id)", notice: .saved)
            } catch let failure as ValidationFailure {
                let placesForm = FormState(
                    values: ["year": draft.year, "places": draft.places],
                    errors: failure.messages(context.language)
                )
                return try await unitPage(
                    context,
                    unit,
                    form: FormState(values: ["name": unit.name, "municipality": unit.municipalityID.description]),
                    placesForm: placesForm
                )
            }
        }
    }

    /// Weeks between the unit's progression measurements (1–52; 12 unless changed).
    private func saveSchedule(_ context: AppRequestContext, _ principal: Principal, _ unit: OrganisationUnit) async throws -> Response {
        let text = context.form["intervalWeeks"].trimmed
        guard let weeks = Int(text), MeasurementSchedule.intervalRange.contains(weeks) else {
            let problem: FieldProblem =
                text.isEmpty
                ? .required
                : Int(text) == nil
                    ? .notAWholeNumber
                    : .outOfRange(
                        minimum: MeasurementSchedule.intervalRange.lowerBound,
                        maximum: MeasurementSchedule.intervalRange.upperBound
                    )
            return try await unitPage(
                context,
                unit,
                form: FormState(values: ["name": unit.name, "municipality": unit.municipalityID.description]),
                scheduleForm: FormState(values: ["intervalWeeks": text], errors: ["intervalWeeks": problem.message(context.language)])
            )
        }
        try await site.store.write { db in
            try await OrganisationRepository(db).setMeasurementInterval(weeks, of: unit.id)
            try await AuditLog(db).append(
                AuditEntry(at: site.now(), by: principal, action: .unitSchedule, objectType: "unit", objectID: unit.id.description)
            )
        }
        return .redirect(to: "/admin/units/\(unit.id)", notice: .scheduleSaved)
    }

    private func validated(
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

    private func municipalityOptions(_ municipalities: [Municipality], selected: String) -> [[String: Any]] {
        municipalities.map { ["id": $0.id.description, "name": $0.name, "selected": $0.id.description == selected] }
    }

    private func listPage(_ context: AppRequestContext, _ principal: Principal, form: FormState = FormState()) async throws -> Response {
        let (municipalities, units, places) = try await site.store.read { db in
            let organisation = OrganisationRepository(db)
            return (
                try await organisation.municipalities(of: principal.associationID),
                try await organisation.units(of: principal.associationID),
                try await organisation.places(inAssociation: principal.associationID)
            )
        }
        let years = Array(Set(places.map(\.year))).sorted().suffix(3)
        let rows = units.map { unit -> [String: Any] in
            [
                "id": unit.id.description, "name": unit.name,
                "municipality": municipalities.first { $0.id == unit.municipalityID }?.name ?? "",
                "placesByYear": years.map { year in
                    places.first { $0.unitID == unit.id && $0.year == year }.map { String($0.places) } ?? "–"
                },
            ]
        }
        var data = form.data
        data["units"] = rows
        data["hasUnits"] = !rows.isEmpty
        data["years"] = Array(years)
        data["municipalities"] = municipalityOptions(municipalities, selected: form.values["municipality"] ?? "")
        data["hasMunicipalities"] = !municipalities.isEmpty
        return site.renderer.page(
            .adminUnits,
            title: .key("units"),
            model: data,
            context: context,
            status: form.errors.isEmpty ? .ok : .unprocessableContent
        )
    }

    private func unitPage(
        _ context: AppRequestContext,
        _ unit: OrganisationUnit,
        form: FormState,
        placesForm: FormState = FormState(),
        scheduleForm: FormState? = nil
    ) async throws -> Response {
        let (municipalities, places, interval) = try await site.store.read { db in
            let organisation = OrganisationRepository(db)
            return (
                try await organisation.municipalities(of: unit.associationID), try await organisation.places(of: unit.id),
                try await organisation.measurementInterval(of: unit.id)
            )
        }
        var data = form.data
        data["unit"] = ["id": unit.id.description, "name": unit.name]
        data["municipalities"] = municipalityOptions(municipalities, selected: form.values["municipality"] ?? "")
        data["places"] = places.reversed().map { ["year": String($0.year), "places": String($0.places)] }
        data["hasPlaces"] = !places.isEmpty
        data["placesValues"] = placesForm.values
        data["placesErrors"] = placesForm.errors
        if !placesForm.errors.isEmpty { data["hasErrors"] = true }
        data["scheduleForm"] = (scheduleForm ?? FormState(values: ["intervalWeeks": String(interval)])).data
        let scheduleOK = scheduleForm?.errors.isEmpty ?? true
        let status: HTTPResponse.Status = form.errors.isEmpty && placesForm.errors.isEmpty && scheduleOK ? .ok : .unprocessableContent
        return site.renderer.page(.adminUnit, title: .text(unit.name), model: data, context: context, status: status)
    }
}
