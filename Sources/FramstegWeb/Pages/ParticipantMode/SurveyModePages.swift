import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// Participant mode for an anonymous survey: the same screens as a measurement, but the answers
/// are held in the browser, sealed (`SurveyDrafts`), until the participant sends them, and then
/// stored as an unlinkable response. The thank-you page shows the municipality's support contact when the
/// survey asks about violence, to everyone alike, so it reveals nothing of the answers.
struct SurveyModePages {
    struct HandedOver {
        let offer: SurveyOffer
        let instrument: Instrument
        let unitID: UnitID
        let session: ActiveSession
    }

    let site: Site
    let screen: @Sendable (AppRequestContext, [String: Answer], Instrument, Int, [String: String], [String: String]) -> Response

    init(
        site: Site,
        screen: @escaping @Sendable (AppRequestContext, [String: Answer], Instrument, Int, [String: String], [String: String]) -> Response
    ) {
        self.site = site
        self.screen = screen
    }

    private var service: SurveyService { site.services.surveys }

    private func draft(_ request: Request, _ context: AppRequestContext) -> String? {
        SurveyDrafts.value(in: request, secure: context.isSecureRequest)
    }

    /// The response, carrying the draft's new sealed value when answers were taken.
    private func keeping(_ saved: SurveyService.SavedDraft, _ context: AppRequestContext, _ response: Response) -> Response {
        guard let sealed = saved.sealed else { return response }
        var response = response
        response.setCookie(site.surveyDrafts.cookie(sealed, secure: context.isSecureRequest))
        return response
    }

    func screen(_ request: Request, _ context: AppRequestContext, _ survey: HandedOver) async throws -> Response {
        if survey.offer.isCompleted { return .redirect(to: "/take/done", type: .normal) }
        let screens = survey.instrument.screens(for: .participant)
        let answers = service.answers(survey.offer, session: survey.session, draft: draft(request, context))
        let requested = request.uri.queryParameters["screen"].flatMap { Int(String($0)) }
        let firstOpen = screens.firstIndex { screen in screen.contains { answers[$0.id] == nil } } ?? screens.count - 1
        let index = requested.map { min(max($0, 1), screens.count) - 1 } ?? firstOpen
        return screen(context, answers, survey.instrument, index, [:], [:])
    }

    func answerScreen(
        _ request: Request,
        _ context: AppRequestContext,
        _ survey: HandedOver,
        by principal: Principal
    ) async throws -> Response {
        if survey.offer.isCompleted { return .redirect(to: "/take/done", type: .normal) }
        let screens = survey.instrument.screens(for: .participant)
        let index = min(max((Int(context.form["screen"]) ?? 1), 1), screens.count) - 1
        let items = screens[index]
        let direction = context.form["direction"]
        let given = ItemField.givenAnswers(context.form, items: items)
        let saved = service.save(
            given,
            required: direction == "back" ? [] : items,
            to: survey.offer,
            survey.instrument,
            session: survey.session,
            draft: draft(request, context)
        )
        if let failure = saved.failure {
            return keeping(
                saved,
                context,
                screen(context, saved.answers, survey.instrument, index, given, failure.messages(context.language))
            )
        }
        switch direction {
        case "back": return keeping(saved, context, .redirect(to: "/take?screen=\(max(index, 1))", type: .normal))
        case _ where index + 1 < screens.count: return keeping(saved, context, .redirect(to: "/take?screen=\(index + 2)", type: .normal))
        default:
            do {
                try await service.complete(
                    survey.offer,
                    survey.instrument,
                    unit: survey.unitID,
                    session: survey.session,
                    draft: saved.sealed ?? draft(request, context),
                    by: principal
                )
            } catch is ValidationFailure {
                // An earlier screen is still open: go there.
                return keeping(saved, context, .redirect(to: "/take", type: .normal))
            }
            // Sent: the draft is gone from the browser too.
            var response = Response.redirect(to: "/take/done", type: .normal)
            response.setCookie(SurveyDrafts.expired(secure: context.isSecureRequest))
            return response
        }
    }

    /// One answer as it is chosen (participant-mode.js), into the draft.
    func answer(_ request: Request, _ context: AppRequestContext, _ survey: HandedOver) -> Response {
        let item = context.form["item"]
        let saved = service.save(
            [item: context.form["value"]],
            to: survey.offer,
            survey.instrument,
            session: survey.session,
            draft: draft(request, context)
        )
        guard let failure = saved.failure else { return keeping(saved, context, Response(status: .noContent)) }
        let messages = failure.messages(context.language)
        return JSON.problem(
            .unprocessableContent,
            "invalid-answer",
            messages[item] ?? Texts.text("formHasErrors", context.language),
            fields: messages
        )
    }

    func done(_ context: AppRequestContext, _ survey: HandedOver) async throws -> Response {
        guard survey.offer.isCompleted else { return .redirect(to: "/take", type: .normal) }
        var support: SurveyDonePage.Support?
        if survey.instrument.showsSupportContact {
            let contact = try await service.supportContact(unitID: survey.unitID)
            support = SurveyDonePage.Support(contact: contact.isEmpty ? nil : contact)
        }
        let model = SurveyDonePage(instrument: survey.instrument.title.text(context.language), support: support)
        return site.renderer.page(.surveyDone, title: .key("surveyDoneTitle"), model: model, context: context)
    }
}

/// The thank-you page after an anonymous survey; the support contact is shown to everyone who
/// answered a survey that asks about violence, whatever they answered.
struct SurveyDonePage: Sendable {
    struct Support: Sendable {
        let contact: String?
    }

    let instrument: String
    let support: Support?
}
