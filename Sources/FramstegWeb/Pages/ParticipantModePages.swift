import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// Participant mode: the participant answers their items on the counsellor's device, a few per
/// screen with large targets, back and forward, each answer saved as it is given. Only these pages
/// answer while the session is handed over (`ParticipantModeMiddleware`); the counsellor takes the
/// device back with the PIN or their password.
struct ParticipantModePages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/take", .changeParticipant) { request, context, principal in
            if let survey = try await surveyHandedOver(context, principal, request) {
                return try await surveys.screen(request, context, survey)
            }
            guard let (measurement, instrument, _) = try await handedOver(context, principal, request) else {
                return .redirect(to: "/", type: .normal)
            }
            let screens = instrument.screens(for: .participant)
            let requested = request.uri.queryParameters["screen"].flatMap { Int(String($0)) }
            let firstOpen = screens.firstIndex { screen in screen.contains { measurement.answers[$0.id] == nil } }
            guard let index = requested.map({ min(max($0, 1), screens.count) - 1 }) ?? firstOpen else {
                return .redirect(to: "/take/done", type: .normal)
            }
            return screen(context, measurement.answers, instrument, index: index)
        }
        routes.post("/take", .changeParticipant) { request, context, principal in
            if let survey = try await surveyHandedOver(context, principal, request) {
                return try await surveys.answerScreen(context, survey, by: principal)
            }
            guard let (measurement, instrument, _) = try await handedOver(context, principal, request) else {
                return .redirect(to: "/", type: .normal)
            }
            let screens = instrument.screens(for: .participant)
            let index = min(max((Int(context.form["screen"]) ?? 1), 1), screens.count) - 1
            let items = screens[index]
            let direction = context.form["direction"]
            let given = MeasurementPages.givenAnswers(context.form, items: items)
            do {
                // Going back never insists on answers; going on asks for every item of the screen.
                try await MeasurementService(site: site).save(
                    given,
                    required: direction == "back" ? [] : items,
                    respondent: .participant,
                    in: measurement,
                    instrument,
                    by: principal
                )
            } catch let failure as ValidationFailure {
                let reloaded =
                    try await MeasurementService(site: site).load(measurement.id, association: principal.associationID)?.0 ?? measurement
                return screen(context, reloaded.answers, instrument, index: index, typed: given, errors: failure.messages(context.language))
            }
            switch direction {
            case "back": return .redirect(to: "/take?screen=\(max(index, 1))", type: .normal)
            case _ where index + 1 < screens.count: return .redirect(to: "/take?screen=\(index + 2)", type: .normal)
            default: return .redirect(to: "/take/done", type: .normal)
            }
        }
        routes.post("/take/answer", .changeParticipant) { request, context, principal in
            // One answer as it is given (participant-mode.js): nothing is lost if the tab closes.
            if let survey = try await surveyHandedOver(context, principal, request) { return surveys.answer(context, survey) }
            guard let (measurement, instrument, _) = try await handedOver(context, principal, request) else {
                return JSON.problem(.conflict, "not-handed-over", Texts.text("apiParticipantMode", context.language))
            }
            let item = context.form["item"]
            do {
                try await MeasurementService(site: site).save(
                    [item: context.form["value"]],
                    respondent: .participant,
                    in: measurement,
                    instrument,
                    by: principal
                )
                return Response(status: .noContent)
            } catch let failure as ValidationFailure {
                let messages = failure.messages(context.language)
                return JSON.problem(
                    .unprocessableContent,
                    "invalid-answer",
                    messages[item] ?? Texts.text("formHasErrors", context.language),
                    fields: messages
                )
            }
        }
        routes.get("/take/done", .changeParticipant) { request, context, principal in
            if let survey = try await surveyHandedOver(context, principal, request) { return try await surveys.done(context, survey) }
            guard let (measurement, instrument, participantID) = try await handedOver(context, principal, request) else {
                return .redirect(to: "/", type: .normal)
            }
            guard instrument.unanswered(by: .participant, in: measurement.answers).isEmpty else {
                return .redirect(to: "/take", type: .normal)
            }
            // The participant sees their own progress with this instrument, nothing else.
            let own = try await site.store.read { db in try await MeasurementRepository(db).measurements(of: participantID) }
                .filter { $0.instrumentID == instrument.id }
            let view = ProgressView(catalog: site.instruments.catalog(for: principal.associationID), language: context.language)
            return site.renderer.page(
                "take-done",
                titleKey: "takeDoneTitle",
                context: context,
                data: [
                    "progress": view.instruments(own, idPrefix: "own"), "screens": String(instrument.screens(for: .participant).count),
                ]
            )
        }
        routes.get("/take/return", .changeParticipant) { request, context, principal in
            guard context.session?.record.handover != nil else { return .redirect(to: "/", type: .normal) }
            return returnPage(context, hasPIN: context.session?.record.handover?.pinHash != nil)
        }
        routes.post("/take/return", .changeParticipant) { request, context, principal in
            guard let session = context.session, let handover = session.record.handover else { return .redirect(to: "/", type: .normal) }
            switch try await ParticipantModeService(site: site).takeBack(secret: context.form["secret"], session: session, by: principal) {
            case .returned:
                switch handover.target {
                case .measurement(let id):
                    guard let (measurement, _) = try await MeasurementService(site: site).load(id, association: principal.associationID)
                    else { return .redirect(to: "/", type: .normal) }
                    return .redirect(
                        to: "/participants/\(measurement.participantID)/measurements/\(measurement.id)?notice=deviceReturned",
                        type: .normal
                    )
                case .survey(let id):
                    guard let (offer, _) = try await SurveyService(site: site).load(id, association: principal.associationID) else {
                        return .redirect(to: "/", type: .normal)
                    }
                    return .redirect(to: "/participants/\(offer.participantID)?notice=deviceReturned#surveys", type: .normal)
                }
            case .refused:
                return returnPage(
                    context,
                    hasPIN: handover.pinHash != nil,
                    error: FieldProblem.wrongPINOrPassword.message(context.language),
                    status: .unprocessableContent
                )
            case .signedOut:
                var response = Response.redirect(to: "/sign-in", type: .normal)
                response.setCookie(FramstegCookie.expired(FramstegCookie.session, secure: context.isSecureRequest))
                return response
            }
        }
    }

    private var surveys: SurveyModePages { SurveyModePages(site: site, screen: screen) }

    /// The handed-over survey, checked again against the policy; nil when the hand-over is not for a survey.
    private func surveyHandedOver(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ request: Request
    ) async throws -> SurveyModePages.HandedOver? {
        guard let session = context.session, let id = session.record.handover?.surveyOfferID,
            let (offer, instrument) = try await SurveyService(site: site).load(id, association: principal.associationID)
        else { return nil }
        let owner = try await site.authorizeParticipant(offer.participantID, principal, .changeParticipant, path: request.uri.path)
        return SurveyModePages.HandedOver(offer: offer, instrument: instrument, unitID: owner.unitID, session: session)
    }

    /// The handed-over measurement, checked again against the policy (the counsellor may have lost
    /// the unit since); nil when the session is not in participant mode.
    private func handedOver(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ request: Request
    ) async throws -> (ProgressMeasurement, Instrument, ParticipantID)? {
        guard let handover = context.session?.record.handover, let id = handover.measurementID,
            let (measurement, instrument) = try await MeasurementService(site: site).load(id, association: principal.associationID)
        else { return nil }
        try await site.authorizeParticipant(measurement.participantID, principal, .changeParticipant, path: request.uri.path)
        return (measurement, instrument, measurement.participantID)
    }

    /// One screen of items. A survey's screens say that the answers are anonymous, and its last
    /// button sends them in.
    @Sendable func screen(
        _ context: AppRequestContext,
        _ answers: [String: Answer],
        _ instrument: Instrument,
        index: Int,
        typed: [String: String] = [:],
        errors: [String: String] = [:]
    ) -> Response {
        let language = context.language
        let screens = instrument.screens(for: .participant)
        let items = screens[index]
        let values = ItemFields.values(of: items, in: answers).merging(typed) { $1 }
        let progress = ProgressView.participantProgress(answers, instrument, language: language)
        return site.renderer.page(
            "take",
            title: instrument.title.text(language),
            context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent,
            data: [
                "instrument": instrument.title.text(language),
                "screen": String(index + 1), "screens": String(screens.count),
                "screenOf": Texts.text("screenOf", language).replacingOccurrences(of: "{n}", with: String(index + 1)).replacingOccurrences(
                    of: "{m}",
                    with: String(screens.count)
                ),
                "answered": String(progress.answered), "total": String(progress.of), "answeredOf": progress.text,
                "isFirst": index == 0, "isLast": index == screens.count - 1,
                "items": ItemFields.items(items, values: values, errors: errors, language: language),
                "hasErrors": !errors.isEmpty, "isAnonymous": instrument.isAnonymous,
                "finishLabel": Texts.text(instrument.isAnonymous ? "sendAnswers" : "finish", language),
            ]
        )
    }

    private func returnPage(_ context: AppRequestContext, hasPIN: Bool, error: String? = nil, status: HTTPResponse.Status = .ok) -> Response
    {
        var data: [String: Any] = ["hasPIN": hasPIN]
        if let error { data["error"] = error }
        return site.renderer.page("take-return", titleKey: "takeReturnTitle", context: context, status: status, data: data)
    }
}
