import FramstegCore
import FramstegStore
import Hummingbird

/// The admin's home and the association's own details.
struct AssociationAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin", .administerAssociation, .association) { request, context, principal, _ in
            let summary = try await site.store.read { db in
                let organisation = OrganisationRepository(db)
                return (
                    association: try await organisation.association(principal.associationID),
                    municipalities: try await organisation.municipalities(of: principal.associationID).count,
                    units: try await organisation.units(of: principal.associationID).count,
                    users: try await UserRepository(db).users(of: principal.associationID).count
                )
            }
            guard let association = summary.association else { throw WebError.notFound }
            return site.renderer.page(
                .adminHome,
                title: .key("administration"),
                model: [
                    "association": ["name": association.name],
                    "municipalityCount": summary.municipalities, "unitCount": summary.units, "userCount": summary.users,
                ],
                context: context
            )
        }
        routes.get("/admin/association", .administerAssociation, .association) { request, context, principal, _ in
            guard
                let association = try await site.store.read({ db in
                    try await OrganisationRepository(db).association(principal.associationID)
                })
            else { throw WebError.notFound }
            return page(context, FormState(values: ["name": association.name, "organisationNumber": association.organisationNumber]))
        }
        routes.post("/admin/association", .administerAssociation, .association) { request, context, principal, _ in
            let values = ["name": context.form["name"], "organisationNumber": context.form["organisationNumber"]]
            do {
                let name = try NameDraft(name: values["name"]!).validated()
                let number = values["organisationNumber"]!.trimmed
                if number.count > 20 { throw ValidationFailure(problems: ["organisationNumber": .tooLong(maximum: 20)]) }
                try await site.store.write { db in
                    try await OrganisationRepository(db).updateAssociation(
                        Association(id: principal.associationID, name: name, organisationNumber: number)
                    )
                    try await AuditLog(db).append(
                        AuditEntry(
                            at: site.now(),
                            by: principal,
                            action: .associationUpdate,
                            objectType: "association",
                            objectID: principal.associationID.description
                        )
                    )
                }
                return .redirect(to: "/admin/association", notice: .saved)
            } catch let failure as ValidationFailure {
                return page(context, FormState(values: values, errors: failure.messages(context.language)), status: .unprocessableContent)
            }
        }
    }

    private func page(_ context: AppRequestContext, _ form: FormState, status: HTTPResponse.Status = .ok) -> Response {
        site.renderer.page(.adminAssociation, title: .key("associationDetails"), model: form.data, context: context, status: status)
    }
}
