import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// The counsellor's side of anonymous surveys: offering one and handing the device over from the
/// record, going on with a half-answered one, throwing it away, and the page that says where to
/// refer someone who answers yes to the questions about violence.
struct SurveyPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.post("/participants/:participant/surveys", .changeParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            guard let session = context.session else { throw WebError.forbidden }
            let form = context.form
            do {
                let offer = try await site.services.surveys.offer(form["instrument"], to: participant, by: principal)
                try await site.services.participantMode.handOver(
                    .survey(offer.id),
                    of: participant.id,
                    pin: form["pin"],
                    language: form["language"],
                    session: session,
                    by: principal
                )
                return .redirect(to: "/take", type: .normal)
            } catch let failure as ValidationFailure {
                let typed = ["instrument": form["instrument"], "language": form["language"]]
                return try await ParticipantPages(site: site).recordPage(
                    context,
                    principal,
                    participant,
                    unit,
                    sections: ["surveyForm": FormState(values: typed, errors: failure.messages(context.language))],
                    audit: false
                )
            }
        }
        routes.post("/participants/:participant/surveys/:offer/hand-over", .changeParticipant, .participant) {
            request,
            context,
            principal,
            record in
            let (participant, unit) = (record.participant, record.unit)
            let offer = try await load(context, participant)
            guard let session = context.session else { throw WebError.forbidden }
            guard !offer.isCompleted else { return .redirect(to: "/participants/\(participant.id)#surveys", type: .normal) }
            do {
                try await site.services.participantMode.handOver(
                    .survey(offer.id),
                    of: participant.id,
                    pin: context.form["pin"],
                    language: context.form["language"],
                    session: session,
                    by: principal
                )
                return .redirect(to: "/take", type: .normal)
            } catch let failure as ValidationFailure {
                return try await ParticipantPages(site: site).recordPage(
                    context,
                    principal,
                    participant,
                    unit,
                    sections: [
                        "surveyContinue-\(offer.id)": FormState(
                            values: ["language": context.form["language"]],
                            errors: failure.messages(context.language)
                        )
                    ],
                    audit: false
                )
            }
        }
        routes.post("/participants/:participant/surveys/:offer/abandon", .changeParticipant, .participant) {
            request,
            context,
            principal,
            record in
            let participant = record.participant
            let offer = try await load(context, participant)
            guard let session = context.session else { throw WebError.forbidden }
            site.services.surveys.abandon(offer, session: session)
            return .redirect(to: "/participants/\(participant.id)", notice: .surveyAbandoned, section: "surveys")
        }
        routes.get("/units/:unit/violence-support", .viewUnit, .unit) { request, context, principal, unit in
            let (municipality, contact) = try await site.store.read { db in
                (
                    try await OrganisationRepository(db).municipality(unit.municipalityID),
                    try await OrganisationRepository(db).supportContact(of: unit.municipalityID)
                )
            }
            return site.renderer.page(
                .violenceSupport,
                title: .key("violenceSupportTitle"),
                model: [
                    "unit": unit.name, "municipality": municipality?.name ?? "", "contact": contact, "hasContact": !contact.isEmpty,
                ],
                context: context
            )
        }
    }

    /// The offer named in the path, which must be this participant's.
    private func load(_ context: AppRequestContext, _ participant: Participant) async throws -> SurveyOffer {
        guard let id = context.parameters.get("offer").flatMap(SurveyOfferID.init(parsing:)),
            let (offer, _) = try await site.services.surveys.load(id, association: participant.associationID),
            offer.participantID == participant.id
        else { throw WebError.notFound }
        return offer
    }

    /// The record's surveys: each offer with its state (never its answers), a form to offer one
    /// and hand the device over, and for an open offer the way to go on or throw the draft away.
    func recordData(
        _ participant: Participant,
        unit: OrganisationUnit,
        session: ActiveSession?,
        sections: [String: FormState],
        language: Language
    ) async throws -> [String: Any] {
        let offers = try await site.store.read { db in try await SurveyRepository(db).offers(of: participant.id) }
        let catalog = site.instruments.catalog(for: participant.associationID)
        let surveys = catalog.current.filter(\.isAnonymous)
        let languages = { (chosen: String?) in MeasurementPages.languageOptions(chosen: chosen, language: language) }
        let form = sections["surveyForm"] ?? FormState(values: ["instrument": surveys.first?.id ?? ""])
        var formData = form.data
        formData["instruments"] = surveys.map {
            ["value": $0.id, "label": $0.title.text(language), "selected": form.values["instrument"] == $0.id] as [String: Any]
        }
        formData["languages"] = languages(form.values["language"])
        return [
            "surveyOffers": offers.reversed().map { offer -> [String: Any] in
                let instrument = catalog.latest(offer.instrumentID)
                let draft = session.map { site.services.surveys.answers(offer, session: $0) } ?? [:]
                let continuing = sections["surveyContinue-\(offer.id)"] ?? FormState()
                var continueData = continuing.data
                continueData["languages"] = languages(continuing.values["language"])
                return [
                    "id": offer.id.description, "day": offer.offeredOn.description,
                    "instrument": instrument?.title.text(language) ?? offer.instrumentID, "isCompleted": offer.isCompleted,
                    "draft": draft.isEmpty ? "" : ProgressView.participantProgress(draft, instrument, language: language).text,
                    "hasDraft": !draft.isEmpty, "continueForm": continueData,
                ]
            },
            "hasSurveyOffers": !offers.isEmpty,
            "surveyForm": formData,
            "hasSurveys": !surveys.isEmpty,
            "hasSupportSurvey": surveys.contains(where: \.showsSupportContact), "supportLink": "/units/\(unit.id)/violence-support",
        ]
    }
}
