import Foundation
import FramstegCore
import Hummingbird

/// Intresseanmälan: the public page where a referrer or the person themself registers interest.
/// No sign-in; a honeypot field and a per-address limit keep abuse out; the thank-you page says
/// nothing about any other registration, not even whether the person was already known.
struct PublicRegistrationPages {
    let site: Site
    /// Left empty by people (its label says so); bots fill every field.
    static let honeypot = "website"

    func register(on routes: RouteRegistrar) {
        routes.publicRoute(.get, "/register/:association") { _, context in
            let association = try await association(context)
            return try await formPage(context, association, form: FormState())
        }
        routes.publicRoute(.post, "/register/:association") { _, context in
            try await submit(context, try await association(context))
        }
        routes.publicRoute(.get, "/register/:association/thanks") { _, context in
            let association = try await association(context)
            let model = PublicThanksPage(association: association.name)
            return site.renderer.page(.publicThanks, title: .key("publicThanksTitle"), model: model, context: context)
        }
    }

    private func association(_ context: AppRequestContext) async throws -> Association {
        guard let id = context.parameters.get("association").flatMap(AssociationID.init(parsing:)),
            let association = try await site.services.publicRegistration.association(id)
        else { throw WebError.notFound }
        return association
    }

    private func submit(_ context: AppRequestContext, _ association: Association) async throws -> Response {
        let form = context.form
        let interest = PublicRegistrationService.Interest(
            unit: form["unit"],
            draft: ParticipantDraft(
                personalIdentityNumber: form["personalIdentityNumber"],
                name: form["name"],
                phone: form["phone"],
                email: form["email"],
                gender: form["gender"],
                municipalityID: "",
                referrerKind: form["referrerKind"],
                referrerName: form["referrerName"],
                authorities: form.all("authorities"),
                reason: form["reason"],
                consent: form["consent"] == "yes"
            ),
            isHoneypotFilled: !form[Self.honeypot].isEmpty
        )
        do {
            switch try await site.services.publicRegistration.submit(interest, to: association, from: context.clientAddress) {
            case .received: break
            case .ignored: context.logger.notice("public registration dropped: honeypot filled")
            case .tooMany:
                return site.renderer.page(
                    .error,
                    title: .key("publicTooManyTitle"),
                    model: PublicTooManyPage(message: Texts.text("publicTooMany", context.language)),
                    context: context,
                    status: .tooManyRequests
                )
            }
            return .redirect(to: "/register/\(association.id)/thanks", type: .normal)
        } catch let failure as ValidationFailure {
            return try await formPage(context, association, form: Self.typed(interest, failure, context.language))
        }
    }

    /// The form as it was sent, with its problems.
    static func typed(_ interest: PublicRegistrationService.Interest, _ failure: ValidationFailure, _ language: Language) -> FormState {
        let draft = interest.draft
        let values = [
            "unit": interest.unit, "personalIdentityNumber": draft.personalIdentityNumber, "name": draft.name, "phone": draft.phone,
            "email": draft.email, "gender": draft.gender, "referrerKind": draft.referrerKind, "referrerName": draft.referrerName,
            "authorities": draft.authorities.joined(separator: ","), "reason": draft.reason, "consent": draft.consent ? "yes" : "",
        ]
        return FormState(values: values, errors: failure.messages(language))
    }

    private func formPage(_ context: AppRequestContext, _ association: Association, form: FormState) async throws -> Response {
        let choices = try await site.services.publicRegistration.choices(in: association)
        let retention = try await site.services.retention.periods(of: association.id)
        return site.renderer.page(
            .publicRegister,
            title: .key("publicRegisterTitle"),
            model: PublicRegisterPage(association, choices: choices, retention: retention, form: form, language: context.language),
            context: context,
            status: form.hasErrors ? .unprocessableContent : .ok
        )
    }
}

/// The thank-you page: the same for everyone, naming only the association.
struct PublicThanksPage: Sendable {
    let association: String
}

/// The answer when one address has sent too many registrations.
struct PublicTooManyPage: Sendable {
    let message: String
}
