import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// Participant mode for an anonymous survey: the same screens as a measurement, but the answers
/// are held in memory (`SurveyDrafts`) until the participant sends them, and then stored as an
/// unlinkable response. The thank-you page shows the municipality's support contact when the
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

    func screen(_ request: Request, _ context: AppRequestContext, _ survey: HandedOver) async throws -> Response {
        if survey.offer.isCompleted { return .redirect(to: "/take/done", type: .normal) }
        let screens = survey.instrument.screens(for: .participant)
        let answers = service.answers(survey.offer, session: survey.session)
        let requested = request.uri.queryParameters["screen"].flatMap { Int(String($0)) }
        let firstOpen = screens.firstIndex { screen in screen.contains { answers[$0.id] == nil } } ?? screens.count - 1
        let index = requested.map { min(max($0, 1), screens.count) - 1 } ?? firstOpen
        return screen(context, answers, survey.instrument, index, [:], [:])
    }

    func answerScreen(_ context: AppRequestContext, _ survey: HandedOver, by principal: Principal) async throws -> Response {
        if survey.offer.isCompleted { return .redirect(to: "/take/done", type: .normal) }
        let screens = survey.instrument.screens(for: .participant)
        let index = min(max((Int(context.form["screen"]) ?? 1), 1), screens.count) - 1
        let items = screens[index]
        let direction = context.form["direction"]
        let given = ItemField.givenAnswers(context.form, items: items)
        do {
            try service.save(
                given,
                required: direction == "back" ? [] : items,
                to: survey.offer,
                survey.instrument,
                session: survey.session
            )
        } catch let failure as ValidationFailure {
            let answers = service.answers(survey.offer, session: survey.session)
            return screen(context, answers, survey.instrument, index, given, failure.messages(context.language))
        }
        switch direction {
        case "back": return .redirect(to: "/take?screen=\(max(index, 1))", type: .normal)
        case _ where index + 1 < screens.count: return .redirect(to: "/take?screen=\(index + 2)", type: .normal)
        default:
            do {
                try await service.complete(survey.offer, survey.instrument, unit: survey.unitID, session: survey.session, by: principal)
            } catch is ValidationFailure {
                // An earlier screen is still open: go there.
                return .redirect(to: "/take", type: .normal)
            }
            return .redirect(to: "/take/done", type: .normal)
        }
    }

    /// One answer as it is chosen (participant-mode.js), into the draft.
    func answer(_ context: AppRequestContext, _ survey: HandedOver) -> Response {
        let item = context.form["item"]
        do {
            try service.save([item: context.form["value"]], to: survey.offer, survey.instrument, session: survey.session)
            return Response(status: .noContent)
        } catch let failure as ValidationFailure {
            let messages = failure.messages(context.language)
            return JSON.problem(
                .unprocessableContent,
                "invalid-answer",
                messages[item] ?? Texts.text("formHasErrors", context.language),
                fields: messages
            )
        } catch {
            return JSON.problem(.unprocessableContent, "invalid-answer", Texts.text("formHasErrors", context.language))
        }
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
