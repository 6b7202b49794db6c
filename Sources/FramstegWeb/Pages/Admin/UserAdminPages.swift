import FramstegCore
import Hummingbird

/// Staff accounts: list, create, change role and units, grant the rights given by name, disable
/// (ending sessions), and reset a password. Creating and resetting give a one-time link to hand
/// over, never a password.
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
        routes.post("/admin/users", .administerUsers, .association) { request, context, principal, _ in
            try await create(request, context, principal)
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
        routes.post("/admin/users/:user/deliveries", .administerUsers, .user) { _, context, principal, user in
            do {
                let deliveries = try Self.deliveries(context.form.all("deliveries"))
                try await site.services.users.setDeliveries(of: user, to: deliveries, by: principal)
                return .redirect(to: "/admin/users/\(user.id)", notice: .saved, section: "national-deliveries")
            } catch let failure as ValidationFailure {
                // Only an office user makes the deliveries: the page says nothing has changed.
                let form = FormState(values: Self.values(of: user), errors: failure.messages(context.language))
                return try await userPage(context, principal, user, form: form)
            }
        }
        routes.post("/admin/users/:user/enable", .administerUsers, .user) { _, _, principal, user in
            try await site.services.users.enable(user, by: principal)
            return .redirect(to: "/admin/users/\(user.id)", notice: .userEnabled)
        }
        routes.post("/admin/users/:user/password", .administerUsers, .user) { request, context, principal, user in
            let link = try await site.services.users.resetPassword(of: user, by: principal)
            return linkPage(request, context, link, kind: .passwordReset)
        }
        routes.post("/admin/users/:user/external-id", .administerUsers, .user) { _, context, principal, user in
            do {
                try await site.services.identityProvider.setExternalID(context.form["externalID"], of: user, by: principal)
                return .redirect(to: "/admin/users/\(user.id)", notice: .saved, section: "identity")
            } catch let failure as ValidationFailure {
                var values = Self.values(of: user)
                values["externalID"] = context.form["externalID"]
                return try await userPage(
                    context,
                    principal,
                    user,
                    form: FormState(values: values, errors: failure.messages(context.language))
                )
            }
        }
        routes.post("/admin/users/:user/second-factor", .administerUsers, .user) { request, context, principal, user in
            do {
                let link = try await site.services.secondFactor.reset(
                    of: user,
                    by: principal,
                    password: context.form["adminPassword"],
                    code: context.form["adminCode"],
                    from: context.clientAddress
                )
                return linkPage(request, context, link, kind: .secondFactorReset)
            } catch let failure as ValidationFailure {
                // The admin's own password and code were not right: nothing changed for the user.
                let form = FormState(values: Self.values(of: user), errors: failure.messages(context.language))
                return try await userPage(context, principal, user, form: form, factorErrors: true)
            }
        }
    }

    static func values(of user: User) -> [String: String] {
        ["name": user.name, "role": user.role.rawValue, "units": user.unitIDs.map(\.description).joined(separator: ",")]
    }

    /// The deliveries ticked on the page; a value that names none is refused, not ignored.
    static func deliveries(_ values: [String]) throws(ValidationFailure) -> Set<NationalDelivery> {
        var chosen = Set<NationalDelivery>()
        for value in values {
            guard let delivery = NationalDelivery(rawValue: value) else {
                throw ValidationFailure(problems: ["deliveries": .unknownChoice])
            }
            chosen.insert(delivery)
        }
        return chosen
    }

    private func create(_ request: Request, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let form = context.form
        let draft = UserDraft(email: form["email"], name: form["name"], role: form["role"], unitIDs: form.all("units"))
        do {
            let link = try await site.services.users.invite(draft, by: principal)
            return linkPage(request, context, link, kind: .newAccount)
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

    /// The one-time link, shown once (the page is never cached), with whom to give it to and until when.
    private func linkPage(
        _ request: Request,
        _ context: AppRequestContext,
        _ link: UserService.SetupLink,
        kind: SetupLinkPage.Kind
    ) -> Response {
        let origin = (context.isSecureRequest ? "https://" : "http://") + (request.head.authority ?? "localhost")
        let model = SetupLinkPage(link, url: origin + link.path, kind: kind, language: context.language)
        return site.renderer.page(.adminUserLink, title: .text(link.user.name), model: model, context: context)
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
        factorErrors: Bool = false
    ) async throws -> Response {
        let units = try await site.services.users.units(of: principal.associationID)
        let factor = try await site.services.secondFactor.status(of: user)
        let identity = try await site.services.identityProvider.identity(of: user)
        let model = UserPage(
            user,
            form: form,
            units: units,
            isSelf: user.id == principal.userID,
            factor: SecondFactorSection(factor, of: .user, errors: factorErrors ? form.errors : [:], language: context.language),
            identity: UserPage.Identity(
                externalID: form.values["externalID"] ?? identity.externalID ?? "",
                isLinked: identity.isLinked,
                error: form.errors["externalID"],
                language: context.language
            ),
            language: context.language
        )
        let status: HTTPResponse.Status = model.hasErrors ? .unprocessableContent : .ok
        return site.renderer.page(.adminUser, title: .text(user.name), model: model, context: context, status: status)
    }
}
