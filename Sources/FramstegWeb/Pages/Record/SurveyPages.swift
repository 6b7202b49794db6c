import FramstegCore
import Hummingbird

/// The counsellor's side of anonymous surveys: offering one and handing the device over from the
/// record, handing an open one over again, and the page that says where to
/// refer someone who answers yes to the questions about violence. What the record shows is `SurveySection`.
struct SurveyPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.post("/participants/:participant/surveys", .changeParticipant, .participant) { _, context, principal, record in
            guard let session = context.session else { throw WebError.forbidden }
            let form = context.form
            do {
                let offer = try await site.services.surveys.offer(form["instrument"], to: record.participant, by: principal)
                let token = try await handOver(offer, context, session, principal)
                return .sessionRotated(to: "/take", token: token, context: context)
            } catch let failure as ValidationFailure {
                let typed = ["instrument": form["instrument"], "language": form["language"]]
                return try await RecordPages(site: site).page(context, principal, record, refused: .survey, typed, failure)
            }
        }
        routes.post("/participants/:participant/surveys/:offer/hand-over", .changeParticipant, .surveyOffer) {
            _,
            context,
            principal,
            offered in
            guard let session = context.session else { throw WebError.forbidden }
            let (record, offer) = (offered.record, offered.offer)
            guard !offer.isCompleted else {
                return .redirect(to: RecordTab.measurements.path(record.participant.id) + "#surveys", type: .normal)
            }
            do {
                let token = try await handOver(offer, context, session, principal)
                return .sessionRotated(to: "/take", token: token, context: context)
            } catch let failure as ValidationFailure {
                let typed = ["language": context.form["language"]]
                return try await RecordPages(site: site).page(
                    context,
                    principal,
                    record,
                    refused: .surveyContinue(offer.id),
                    typed,
                    failure
                )
            }
        }
        routes.get("/units/:unit/violence-support", .viewUnit, .unit) { _, context, _, unit in
            let (municipality, contact) = try await site.services.surveys.supportContact(for: unit)
            return site.renderer.page(
                .violenceSupport,
                title: .key("violenceSupportTitle"),
                model: ViolenceSupportPage(
                    unit: unit.name,
                    municipality: municipality?.name ?? "",
                    contact: contact,
                    hasContact: !contact.isEmpty
                ),
                context: context
            )
        }
    }

    private func handOver(
        _ offer: SurveyOffer,
        _ context: AppRequestContext,
        _ session: ActiveSession,
        _ principal: Principal
    )
        async throws -> String
    {
        try await site.services.participantMode.handOver(
            .survey(offer.id),
            of: offer.participantID,
            pin: context.form["pin"],
            language: context.form["language"],
            session: session,
            by: principal
        )
    }
}

/// Where to refer someone who answers yes to the questions about violence in close relationships.
struct ViolenceSupportPage: Sendable {
    let unit: String
    let municipality: String
    let contact: String
    let hasContact: Bool
}
