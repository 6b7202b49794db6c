import FramstegCore
import FramstegStore
import Hummingbird
import SQLKit

/// The association's member municipalities: list, add, rename.
struct MunicipalityAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/municipalities", .administerMunicipalities, .association) { request, context, principal, _ in
            return try await page(context, principal)
        }
        routes.post("/admin/municipalities", .administerMunicipalities, .association) { request, context, principal, _ in
            let typed = context.form["name"]
            do {
                try await site.store.write { db in
                    let name = try await validatedName(typed, db: db, associationID: principal.associationID, excluding: nil)
                    let created = try await OrganisationRepository(db).createMunicipality(in: principal.associationID, name: name)
                    try await AuditLog(db).append(
                        AuditEntry(
                            at: site.now(),
                            by: principal,
                            action: .municipalityCreate,
                            objectType: "municipality",
                            objectID: created.id.description
                        )
                    )
                }
                return .redirect(to: "/admin/municipalities", notice: .saved)
            } catch let failure as ValidationFailure {
                return try await page(
                    context,
                    principal,
                    create: FormState(values: ["name": typed], errors: failure.messages(context.language))
                )
            }
        }
        routes.post("/admin/municipalities/:municipality", .administerMunicipalities, .municipality) {
            request,
            context,
            principal,
            municipality in
            let typed = context.form["name"]
            do {
                try await site.store.write { db in
                    let name = try await validatedName(typed, db: db, associationID: principal.associationID, excluding: municipality.id)
                    try await OrganisationRepository(db).renameMunicipality(municipality.id, to: name)
                    try await AuditLog(db).append(
                        AuditEntry(
                            at: site.now(),
                            by: principal,
                            action: .municipalityRename,
                            objectType: "municipality",
                            objectID: municipality.id.description
                        )
                    )
                }
                return .redirect(to: "/admin/municipalities", notice: .saved)
            } catch let failure as ValidationFailure {
                let message = failure.problems["name"]?.message(context.language)
                return try await page(context, principal, rename: (municipality.id, typed, message))
            }
        }
        routes.post("/admin/municipalities/:municipality/support-contact", .administerMunicipalities, .municipality) {
            request,
            context,
            principal,
            municipality in
            let typed = context.form["contact"].trimmed
            guard typed.count <= Self.maximumContactLength else {
                let message = FieldProblem.tooLong(maximum: Self.maximumContactLength).message(context.language)
                return try await page(context, principal, contact: (municipality.id, typed, message))
            }
            try await site.store.write { db in
                try await OrganisationRepository(db).setSupportContact(typed, of: municipality.id)
                try await AuditLog(db).append(
                    AuditEntry(
                        at: site.now(),
                        by: principal,
                        action: .municipalitySupportContact,
                        objectType: "municipality",
                        objectID: municipality.id.description
                    )
                )
            }
            return .redirect(to: "/admin/municipalities", notice: .supportContactSaved)
        }
    }

    /// The longest support contact text: a few lines of service, phone and hours.
    static let maximumContactLength = 1000

    private func validatedName(
        _ typed: String,
        db: any SQLDatabase,
        associationID: AssociationID,
        excluding: MunicipalityID?
    ) async throws -> String {
        let name = try NameDraft(name: typed).validated()
        if try await OrganisationRepository(db).isMunicipalityNameTaken(name, in: associationID, excluding: excluding) {
            throw ValidationFailure(problems: ["name": .alreadyTaken])
        }
        return name
    }

    private func page(
        _ context: AppRequestContext,
        _ principal: Principal,
        create: FormState = FormState(),
        rename: (id: MunicipalityID, value: String, error: String?)? = nil,
        contact: (id: MunicipalityID, value: String, error: String)? = nil
    ) async throws -> Response {
        let municipalities = try await site.store.read { db in
            let repository = OrganisationRepository(db)
            var loaded: [(Municipality, String)] = []
            for municipality in try await repository.municipalities(of: principal.associationID) {
                loaded.append((municipality, try await repository.supportContact(of: municipality.id)))
            }
            return loaded
        }
        let rows = municipalities.map { municipality, stored -> [String: Any] in
            let isEdited = rename?.id == municipality.id
            var row: [String: Any] = [
                "id": municipality.id.description, "name": municipality.name,
                "editValue": isEdited ? rename!.value : municipality.name,
            ]
            if isEdited, let error = rename?.error { row["editError"] = error }
            row["contact"] = contact?.id == municipality.id ? contact!.value : stored
            if contact?.id == municipality.id { row["contactError"] = contact!.error }
            return row
        }
        var data = create.data
        data["municipalities"] = rows
        if rename?.error != nil || contact != nil { data["hasErrors"] = true }
        let status: HTTPResponse.Status = (create.errors.isEmpty && rename?.error == nil && contact == nil) ? .ok : .unprocessableContent
        return site.renderer.page(.adminMunicipalities, title: .key("municipalities"), model: data, context: context, status: status)
    }
}
