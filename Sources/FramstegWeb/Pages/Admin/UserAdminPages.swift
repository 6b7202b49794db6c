import FramstegCore
import FramstegStore
import Hummingbird

/// Staff accounts: list, create, change role and units, disable (ending sessions), reset password.
struct UserAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/users", .administerUsers, .association) { request, context, principal, _ in
            return try await listPage(context, principal)
        }
        routes.get("/admin/users/new", .administerUsers, .association) { request, context, principal, _ in
            return try await newPage(context, principal, form: FormState())
        }
        routes.post("/admin/users", .administerUsers, .association) { request, context, principal, _ in
            return try await create(context, principal)
        }
        routes.get("/admin/users/:user", .administerUsers, .user) { request, context, principal, user in
            return try await userPage(context, principal, user, form: FormState(values: Self.values(of: user)))
        }
        routes.post("/admin/users/:user", .administerUsers, .user) { request, context, principal, user in
            return try await update(context, principal, user)
        }
        routes.post("/admin/users/:user/disable", .administerUsers, .user) { request, context, principal, user in
            guard user.id != principal.userID else { throw WebError.forbidden }
            try await site.store.write { db in
                try await UserRepository(db).setDisabled(user.id, true)
                try await SessionRepository(db).deleteAll(of: user.id)
                try await AuditLog(db).append(
                    AuditEntry(at: site.now(), by: principal, action: .userDisable, objectType: "user", objectID: user.id.description)
                )
            }
            return .redirect(to: "/admin/users/\(user.id)", notice: .userDisabled)
        }
        routes.post("/admin/users/:user/enable", .administerUsers, .user) { request, context, principal, user in
            try await site.store.write { db in
                try await UserRepository(db).setDisabled(user.id, false)
                try await AuditLog(db).append(
                    AuditEntry(at: site.now(), by: principal, action: .userEnable, objectType: "user", objectID: user.id.description)
                )
            }
            return .redirect(to: "/admin/users/\(user.id)", notice: .userEnabled)
        }
        routes.post("/admin/users/:user/password", .administerUsers, .user) { request, context, principal, user in
            do {
                let password = try Self.validatedPassword(context.form, email: user.email)
                let hash = try await site.passwords.hash(password)
                try await site.store.write { db in
                    try await UserRepository(db).setPasswordHash(user.id, hash)
                    try await SessionRepository(db).deleteAll(of: user.id)
                    try await AuditLog(db).append(
                        AuditEntry(
                            at: site.now(),
                            by: principal,
                            action: .userPasswordReset,
                            objectType: "user",
                            objectID: user.id.description
                        )
                    )
                }
                // Resetting one's own password ends one's own session too: go through sign-in again.
                if user.id == principal.userID { return .redirect(to: "/sign-in", type: .normal) }
                return .redirect(to: "/admin/users/\(user.id)", notice: .passwordReset)
            } catch let failure as ValidationFailure {
                return try await userPage(
                    context,
                    principal,
                    user,
                    form: FormState(values: Self.values(of: user)),
                    passwordErrors: failure.messages(context.language)
                )
            }
        }
    }

    static func values(of user: User) -> [String: String] {
        ["name": user.name, "role": user.role.rawValue, "units": user.unitIDs.map(\.description).joined(separator: ",")]
    }

    static func validatedPassword(_ form: FormData, email: String) throws(ValidationFailure) -> String {
        let password = form["password"]
        var failure = ValidationFailure()
        if let problem = PasswordPolicy.problem(with: password, userEmail: email) {
            failure.add("password", .password(problem))
        } else if password != form["repeatPassword"] {
            failure.add("repeatPassword", .passwordsDiffer)
        }
        try failure.throwIfAny()
        return password
    }

    private func create(_ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let form = context.form
        let draft = UserDraft(email: form["email"], name: form["name"], role: form["role"], unitIDs: form.all("units"))
        let typed = ["email": draft.email, "name": draft.name, "role": draft.role, "units": draft.unitIDs.joined(separator: ",")]
        do {
            let units = try await site.store.read { db in try await OrganisationRepository(db).units(of: principal.associationID) }
            var failure = ValidationFailure()
            var valid: UserDraft.Valid?
            do { valid = try draft.validated(units: units) } catch { failure = error }
            do { _ = try Self.validatedPassword(form, email: Email.normalised(draft.email)) } catch {
                for (field, problem) in error.problems { failure.add(field, problem) }
            }
            let email = Email.normalised(draft.email)
            if Email.isPlausible(email), try await site.store.read({ db in try await UserRepository(db).isEmailTaken(email) }) {
                failure.add("email", .alreadyTaken)
            }
            try failure.throwIfAny()
            let hash = try await site.passwords.hash(form["password"])
            let user = try await site.store.write { [valid] db in
                let user = try await UserRepository(db).create(
                    in: principal.associationID,
                    email: valid!.email,
                    name: valid!.name,
                    role: valid!.role,
                    unitIDs: valid!.unitIDs,
                    passwordHash: hash,
                    now: site.now()
                )
                try await AuditLog(db).append(
                    AuditEntry(at: site.now(), by: principal, action: .userCreate, objectType: "user", objectID: user.id.description)
                )
                return user
            }
            return .redirect(to: "/admin/users/\(user.id)", notice: .userCreated)
        } catch let failure as ValidationFailure {
            return try await newPage(context, principal, form: FormState(values: typed, errors: failure.messages(context.language)))
        }
    }

    private func update(_ context: AppRequestContext, _ principal: Principal, _ user: User) async throws -> Response {
        let form = context.form
        let draft = UserDraft(email: user.email, name: form["name"], role: form["role"], unitIDs: form.all("units"))
        let typed = ["name": draft.name, "role": draft.role, "units": draft.unitIDs.joined(separator: ",")]
        do {
            let units = try await site.store.read { db in try await OrganisationRepository(db).units(of: principal.associationID) }
            let valid = try draft.validated(units: units)
            // An admin must not lock the association out by demoting themself.
            if user.id == principal.userID, valid.role != .admin { throw ValidationFailure(problems: ["role": .unknownChoice]) }
            try await site.store.write { db in
                try await UserRepository(db).update(user.id, name: valid.name, role: valid.role, unitIDs: valid.unitIDs)
                try await AuditLog(db).append(
                    AuditEntry(at: site.now(), by: principal, action: .userUpdate, objectType: "user", objectID: user.id.description)
                )
            }
            return .redirect(to: "/admin/users/\(user.id)", notice: .saved)
        } catch let failure as ValidationFailure {
            return try await userPage(context, principal, user, form: FormState(values: typed, errors: failure.messages(context.language)))
        }
    }

    private func choices(_ context: AppRequestContext, _ principal: Principal, form: FormState) async throws -> [String: Any] {
        let units = try await site.store.read { db in try await OrganisationRepository(db).units(of: principal.associationID) }
        let chosenUnits = Set((form.values["units"] ?? "").split(separator: ",").map(String.init))
        let chosenRole = form.values["role"] ?? ""
        return [
            "roles": Role.allCases.map {
                ["value": $0.rawValue, "label": $0.label(context.language), "selected": $0.rawValue == chosenRole] as [String: Any]
            },
            "unitChoices": units.map {
                ["id": $0.id.description, "name": $0.name, "checked": chosenUnits.contains($0.id.description)] as [String: Any]
            },
        ]
    }

    private func listPage(_ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let (users, units) = try await site.store.read { db in
            (
                try await UserRepository(db).users(of: principal.associationID),
                try await OrganisationRepository(db).units(of: principal.associationID)
            )
        }
        let language = context.language
        let rows = users.map { user -> [String: Any] in
            [
                "id": user.id.description, "name": user.name, "email": user.email, "role": user.role.label(language),
                "units": units.filter { user.unitIDs.contains($0.id) }.map(\.name).joined(separator: ", "),
                "status": Texts.text(user.isDisabled ? "disabled" : "active", language),
            ]
        }
        return site.renderer.page(.adminUsers, title: .key("users"), model: ["users": rows], context: context)
    }

    private func newPage(_ context: AppRequestContext, _ principal: Principal, form: FormState) async throws -> Response {
        var data = form.data.merging(try await choices(context, principal, form: form)) { $1 }
        data["passwordLabel"] = Texts.text("initialPassword", context.language)
        return site.renderer.page(
            .adminUserNew,
            title: .key("addUser"),
            model: data,
            context: context,
            status: form.errors.isEmpty ? .ok : .unprocessableContent
        )
    }

    private func userPage(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ user: User,
        form: FormState,
        passwordErrors: [String: String] = [:]
    ) async throws -> Response {
        let language = context.language
        var data = form.data.merging(try await choices(context, principal, form: form)) { $1 }
        data["user"] =
            [
                "id": user.id.description, "name": user.name, "email": user.email, "isDisabled": user.isDisabled,
                "status": Texts.text(user.isDisabled ? "disabled" : "active", language),
            ] as [String: Any]
        data["passwordForm"] = ["errors": passwordErrors, "passwordLabel": Texts.text("newPassword", language)] as [String: Any]
        data["cannotDisable"] = user.id == principal.userID
        if !passwordErrors.isEmpty { data["hasErrors"] = true }
        let status: HTTPResponse.Status = form.errors.isEmpty && passwordErrors.isEmpty ? .ok : .unprocessableContent
        return site.renderer.page(.adminUser, title: .text(user.name), model: data, context: context, status: status)
    }
}
