import FramstegCore
import Hummingbird

/// Staff accounts: list, create, change role and units, disable (ending sessions), reset password.
struct UserAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/users", .administerUsers, .association) { _, context, principal, _ in
            let (users, units) = try await site.services.users.users(of: principal.associationID)
            let model = UsersPage(users: users, units: units, language: context.language)
            return site.renderer.page(.adminUsers, title: .key("users"), model: model, context: context)
        }
        routes.get("/admin/users/new", .administerUsers, .association) { _, context, principal, _ in
            try await newPage(context, principal, form: FormState())
        }
        routes.post("/admin/users", .administerUsers, .association) { _, context, principal, _ in
            try await create(context, principal)
        }
        routes.get("/admin/users/:user", .administerUsers, .user) { _, context, principal, user in
            try await userPage(context, principal, user, form: FormState(values: Self.values(of: user)))
        }
        routes.post("/admin/users/:user", .administerUsers, .user) { _, context, principal, user in
            try await update(context, principal, user)
        }
        routes.post("/admin/users/:user/disable", .administerUsers, .user) { _, _, principal, user in
            try await site.services.users.disable(user, by: principal)
            return .redirect(to: "/admin/users/\(user.id)", notice: .userDisabled)
        }
        routes.post("/admin/users/:user/records", .administerUsers, .user) { _, context, principal, user in
            do {
                try await site.services.users.setRecordAccess(of: user, to: context.form["mayOpenRecords"] == "yes", by: principal)
                return .redirect(to: "/admin/users/\(user.id)", notice: .saved, section: "record-access")
            } catch let failure as ValidationFailure {
                // Only a manager's right is the association's to grant: the page says nothing has changed.
                let form = FormState(values: Self.values(of: user), errors: failure.messages(context.language))
                return try await userPage(context, principal, user, form: form)
            }
        }
        routes.post("/admin/users/:user/enable", .administerUsers, .user) { _, _, principal, user in
            try await site.services.users.enable(user, by: principal)
            return .redirect(to: "/admin/users/\(user.id)", notice: .userEnabled)
        }
        routes.post("/admin/users/:user/password", .administerUsers, .user) { _, context, principal, user in
            do {
                let form = context.form
                try await site.services.users.resetPassword(of: user, to: form["password"], repeated: form["repeatPassword"], by: principal)
                // Resetting one's own password ends one's own session too: go through sign-in again.
                if user.id == principal.userID { return .redirect(to: "/sign-in", type: .normal) }
                return .redirect(to: "/admin/users/\(user.id)", notice: .passwordReset)
            } catch let failure as ValidationFailure {
                let form = FormState(values: Self.values(of: user))
                return try await userPage(context, principal, user, form: form, passwordErrors: failure.messages(context.language))
            }
        }
    }

    static func values(of user: User) -> [String: String] {
        ["name": user.name, "role": user.role.rawValue, "units": user.unitIDs.map(\.description).joined(separator: ",")]
    }

    private func create(_ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let form = context.form
        let draft = UserDraft(email: form["email"], name: form["name"], role: form["role"], unitIDs: form.all("units"))
        let account = UserService.NewAccount(draft: draft, password: form["password"], repeatedPassword: form["repeatPassword"])
        do {
            let user = try await site.services.users.create(account, in: principal.associationID, by: .admin(principal))
            return .redirect(to: "/admin/users/\(user.id)", notice: .userCreated)
        } catch let failure as ValidationFailure {
            let typed = ["email": draft.email, "name": draft.name, "role": draft.role, "units": draft.unitIDs.joined(separator: ",")]
            return try await newPage(context, principal, form: FormState(values: typed, errors: failure.messages(context.language)))
        }
    }

    private func update(_ context: AppRequestContext, _ principal: Principal, _ user: User) async throws -> Response {
        let form = context.form
        let draft = UserDraft(email: user.email, name: form["name"], role: form["role"], unitIDs: form.all("units"))
        do {
            try await site.services.users.update(user, to: draft, by: principal)
            return .redirect(to: "/admin/users/\(user.id)", notice: .saved)
        } catch let failure as ValidationFailure {
            let typed = ["name": draft.name, "role": draft.role, "units": draft.unitIDs.joined(separator: ",")]
            return try await userPage(context, principal, user, form: FormState(values: typed, errors: failure.messages(context.language)))
        }
    }

    private func newPage(_ context: AppRequestContext, _ principal: Principal, form: FormState) async throws -> Response {
        let units = try await site.services.users.units(of: principal.associationID)
        return site.renderer.page(
            .adminUserNew,
            title: .key("addUser"),
            model: NewUserPage(form: form, units: units, language: context.language),
            context: context,
            status: form.hasErrors ? .unprocessableContent : .ok
        )
    }

    private func userPage(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ user: User,
        form: FormState,
        passwordErrors: [String: String] = [:]
    ) async throws -> Response {
        let units = try await site.services.users.units(of: principal.associationID)
        let model = UserPage(
            user,
            form: form,
            passwordErrors: passwordErrors,
            units: units,
            isSelf: user.id == principal.userID,
            language: context.language
        )
        let status: HTTPResponse.Status = model.hasErrors ? .unprocessableContent : .ok
        return site.renderer.page(.adminUser, title: .text(user.name), model: model, context: context, status: status)
    }
}
