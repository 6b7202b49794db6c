import FramstegCore
import FramstegStore
import Hummingbird
import SQLKit

/// The association's member municipalities: list, add, rename.
struct MunicipalityAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/municipalities", .administerMunicipalities) { request, context, principal in
            try await site.authorize(principal, .administerMunicipalities, .association(principal.associationID), path: request.uri.path)
            return try await page(context, principal)
        }
        routes.post("/admin/municipalities", .administerMunicipalities) { request, context, principal in
            try await site.authorize(principal, .administerMunicipalities, .association(principal.associationID), path: request.uri.path)
            let typed = context.form["name"]
            do {
                try await site.store.write { db in
                    let name = try await validatedName(typed, db: db, associationID: principal.associationID, excluding: nil)
                    let created = try await OrganisationRepository(db).createMunicipality(in: principal.associationID, name: name)
                    try await AuditLog(db).append(AuditEntry(at: site.now(), by: principal, action: "municipality.create", objectType: "municipality", objectID: created.id.description))
                }
                return .redirect(to: "/admin/municipalities?notice=saved", type: .normal)
            } catch let failure as ValidationFailure {
                return try await page(context, principal, create: FormState(values: ["name": typed], errors: failure.messages(context.language)))
            }
        }
        routes.post("/admin/municipalities/:municipality", .administerMunicipalities) { request, context, principal in
            let municipality = try await loadMunicipality(context, principal, path: request.uri.path)
            let typed = context.form["name"]
            do {
                try await site.store.write { db in
                    let name = try await validatedName(typed, db: db, associationID: principal.associationID, excluding: municipality.id)
                    try await OrganisationRepository(db).renameMunicipality(municipality.id, to: name)
                    try await AuditLog(db).append(AuditEntry(at: site.now(), by: principal, action: "municipality.rename", objectType: "municipality", objectID: municipality.id.description))
                }
                return .redirect(to: "/admin/municipalities?notice=saved", type: .normal)
            } catch let failure as ValidationFailure {
                let message = failure.problems["name"]?.message(context.language)
                return try await page(context, principal, rename: (municipality.id, typed, message))
            }
        }
    }

    private func validatedName(_ typed: String, db: any SQLDatabase, associationID: AssociationID, excluding: MunicipalityID?) async throws -> String {
        let name = try NameDraft(name: typed).validated()
        if try await OrganisationRepository(db).isMunicipalityNameTaken(name, in: associationID, excluding: excluding) {
            throw ValidationFailure(problems: ["name": .alreadyTaken])
        }
        return name
    }

    private func loadMunicipality(_ context: AppRequestContext, _ principal: Principal, path: String) async throws -> Municipality {
        guard let id = context.parameters.get("municipality").flatMap(MunicipalityID.init(parsing:)),
              let municipality = try await site.store.read({ db in try await OrganisationRepository(db).municipality(id) })
        else { throw WebError.notFound }
        try await site.authorize(principal, .administerMunicipalities, .association(municipality.associationID), path: path)
        return municipality
    }

    private func page(
        _ context: AppRequestContext, _ principal: Principal, create: FormState = FormState(),
        rename: (id: MunicipalityID, value: String, error: String?)? = nil
    ) async throws -> Response {
        let municipalities = try await site.store.read { db in try await OrganisationRepository(db).municipalities(of: principal.associationID) }
        let rows = municipalities.map { municipality -> [String: Any] in
            let isEdited = rename?.id == municipality.id
            var row: [String: Any] = ["id": municipality.id.description, "name": municipality.name,
                                      "editValue": isEdited ? rename!.value : municipality.name]
            if isEdited, let error = rename?.error { row["editError"] = error }
            return row
        }
        var data = create.data
        data["municipalities"] = rows
        if rename?.error != nil { data["hasErrors"] = true }
        let status: HTTPResponse.Status = (create.errors.isEmpty && rename?.error == nil) ? .ok : .unprocessableContent
        return site.renderer.page("admin-municipalities", titleKey: "municipalities", context: context, status: status, data: data)
    }
}
