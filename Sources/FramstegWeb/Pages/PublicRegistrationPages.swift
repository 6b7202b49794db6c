import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// Intresseanmälan: the public page where a referrer or the person themself registers interest.
/// No sign-in; a honeypot field and a per-address limit keep abuse out; the thank-you page says
/// nothing about any other registration.
struct PublicRegistrationPages {
    let site: Site
    static let bucket = "public-registration"
    /// Left empty by people (its label says so); bots fill every field.
    static let honeypot = "website"

    func register(on routes: RouteRegistrar) {
        routes.publicRoute(.get, "/register/:association") { _, context in
            let association = try await loadAssociation(context)
            return try await formPage(context, association, typed: [:], errors: [:])
        }
        routes.publicRoute(.post, "/register/:association") { _, context in
            let association = try await loadAssociation(context)
            return try await submit(context, association)
        }
        routes.publicRoute(.get, "/register/:association/thanks") { _, context in
            let association = try await loadAssociation(context)
            return site.renderer.page(
                .publicThanks,
                title: .key("publicThanksTitle"),
                model: ["association": association.name],
                context: context
            )
        }
    }

    private func loadAssociation(_ context: AppRequestContext) async throws -> Association {
        guard let id = context.parameters.get("association").flatMap(AssociationID.init(parsing:)),
            let association = try await site.store.read({ db in try await OrganisationRepository(db).association(id) })
        else { throw WebError.notFound }
        return association
    }

    private func submit(_ context: AppRequestContext, _ association: Association) async throws -> Response {
        let form = context.form
        let thanks = Response.redirect(to: "/register/\(association.id)/thanks", type: .normal)
        let now = site.now()
        let limit = site.configuration.publicRegistrationLimit
        // The address is kept only as a keyed hash, and only for the limit's window.
        let clientKey = site.keyring.lookupHash("address:" + context.clientAddress)
        let recent = try await site.store.read { db in
            try await RateLimitRepository(db).count(bucket: Self.bucket, clientKey: clientKey, since: limit.windowStart(now: now))
        }
        guard limit.allows(eventsInWindow: recent) else {
            return site.renderer.page(
                .error,
                title: .key("publicTooManyTitle"),
                model: ["message": Texts.text("publicTooMany", context.language)],
                context: context,
                status: .tooManyRequests
            )
        }
        if !form[Self.honeypot].isEmpty {
            context.logger.notice("public registration dropped: honeypot filled")
            return thanks
        }
        let units = try await site.store.read { db in try await OrganisationRepository(db).units(of: association.id) }
        let unit = UnitID(parsing: form["unit"]).flatMap { id in units.first { $0.id == id } }
        let draft = ParticipantDraft(
            personalIdentityNumber: form["personalIdentityNumber"],
            name: form["name"],
            phone: form["phone"],
            email: form["email"],
            gender: form["gender"],
            municipalityID: unit?.municipalityID.description ?? "",
            referrerKind: form["referrerKind"],
            referrerName: form["referrerName"],
            authorities: form.all("authorities"),
            reason: form["reason"],
            consent: form["consent"] == "yes"
        )
        let typed: [String: Any] = [
            "unit": form["unit"], "personalIdentityNumber": draft.personalIdentityNumber, "name": draft.name, "phone": draft.phone,
            "email": draft.email, "gender": draft.gender, "referrerKind": draft.referrerKind, "referrerName": draft.referrerName,
            "authorities": draft.authorities.joined(separator: ","), "reason": draft.reason, "consent": draft.consent,
        ]
        do {
            let municipalities = try await site.store.read { db in try await OrganisationRepository(db).municipalities(of: association.id) }
            var failure = ValidationFailure()
            var valid: ParticipantDraft.Valid?
            do { valid = try draft.validated(municipalities: municipalities, today: now) } catch { failure = error }
            if unit == nil {
                failure = ValidationFailure(problems: failure.problems.filter { $0.key != "municipality" })
                failure.add("unit", form["unit"].isEmpty ? .required : .unknownChoice)
            }
            try failure.throwIfAny()
            let keyring = site.keyring
            try await site.store.write { [valid] db in
                let id = try await ParticipantRepository(db, keyring: keyring).register(
                    valid!,
                    unit: unit!,
                    on: Day(now),
                    by: nil,
                    now: now
                )
                try await RateLimitRepository(db).record(bucket: Self.bucket, clientKey: clientKey, now: now)
                try await RateLimitRepository(db).deleteOlder(than: limit.windowStart(now: now), bucket: Self.bucket)
                try await AuditLog(db).append(
                    AuditEntry(
                        occurredAt: now,
                        userID: nil,
                        role: nil,
                        action: AuditAction.participantRegisterPublic.rawValue,
                        objectType: "participant",
                        objectID: id.description,
                        associationID: association.id,
                        result: .success
                    )
                )
            }
            return thanks
        } catch let failure as ValidationFailure {
            return try await formPage(context, association, typed: typed, errors: failure.messages(context.language))
        }
    }

    private func formPage(
        _ context: AppRequestContext,
        _ association: Association,
        typed: [String: Any],
        errors: [String: String]
    ) async throws -> Response {
        let language = context.language
        let (units, municipalities) = try await site.store.read { db in
            (
                try await OrganisationRepository(db).units(of: association.id),
                try await OrganisationRepository(db).municipalities(of: association.id)
            )
        }
        let chosenAuthorities = Set(((typed["authorities"] as? String) ?? "").split(separator: ",").map(String.init))
        let data: [String: Any] = [
            "association": ["id": association.id.description, "name": association.name],
            "values": typed, "errors": errors, "hasErrors": !errors.isEmpty,
            "units": units.map { unit in
                [
                    "id": unit.id.description, "selected": (typed["unit"] as? String) == unit.id.description,
                    "name": unit.name + " (" + (municipalities.first { $0.id == unit.municipalityID }?.name ?? "") + ")",
                ] as [String: Any]
            },
            "genders": Gender.allCases.map {
                [
                    "value": $0.rawValue, "label": Texts.text("gender." + $0.rawValue, language),
                    "checked": (typed["gender"] as? String) == $0.rawValue,
                ] as [String: Any]
            },
            "referrers": ReferrerKind.allCases.map {
                [
                    "value": $0.rawValue, "label": Texts.text("referrer." + $0.rawValue, language),
                    "checked": (typed["referrerKind"] as? String) == $0.rawValue,
                ] as [String: Any]
            },
            "authorityChoices": Authority.allCases.map {
                [
                    "value": $0.rawValue, "label": Texts.text("authority." + $0.rawValue, language),
                    "checked": chosenAuthorities.contains($0.rawValue),
                ] as [String: Any]
            },
        ]
        return site.renderer.page(
            .publicRegister,
            title: .key("publicRegisterTitle"),
            model: data,
            context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent
        )
    }
}
