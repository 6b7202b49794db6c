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
        routes.get("/take", .changeParticipant, .handedOver) { request, context, _, task in
            let (measurement, instrument): (ProgressMeasurement, Instrument)
            switch task {
            case .survey(let survey): return try await surveys.screen(request, context, survey)
            case .nothing: return .redirect(to: "/", type: .normal)
            case .measurement(let handed, let definition): (measurement, instrument) = (handed, definition)
            }
            let screens = instrument.screens(for: .participant)
            let requested = request.uri.queryParameters["screen"].flatMap { Int(String($0)) }
            let firstOpen = screens.firstIndex { screen in screen.contains { measurement.answers[$0.id] == nil } }
            guard let index = requested.map({ min(max($0, 1), screens.count) - 1 }) ?? firstOpen else {
                return .redirect(to: "/take/done", type: .normal)
            }
            return screen(context, measurement.answers, instrument, index: index)
        }
        routes.post("/take", .changeParticipant, .handedOver) { request, context, principal, task in
            let (measurement, instrument): (ProgressMeasurement, Instrument)
            switch task {
            case .survey(let survey): return try await surveys.answerScreen(request, context, survey, by: principal)
            case .nothing: return .redirect(to: "/", type: .normal)
            case .measurement(let handed, let definition): (measurement, instrument) = (handed, definition)
            }
            let screens = instrument.screens(for: .participant)
            let index = min(max((Int(context.form["screen"]) ?? 1), 1), screens.count) - 1
            let items = screens[index]
            let direction = context.form["direction"]
            let given = ItemField.givenAnswers(context.form, items: items)
            do {
                // Going back never insists on answers; going on asks for every item of the screen.
                try await site.services.measurements.save(
                    given,
                    required: direction == "back" ? [] : items,
                    respondent: .participant,
                    in: measurement,
                    instrument,
                    by: principal
                )
            } catch let failure as ValidationFailure {
                let reloaded =
                    try await site.services.measurements.load(measurement.id, association: principal.associationID)?.0 ?? measurement
                return screen(context, reloaded.answers, instrument, index: index, typed: given, errors: failure.messages(context.language))
            }
            switch direction {
            case "back": return .redirect(to: "/take?screen=\(max(index, 1))", type: .normal)
            case _ where index + 1 < screens.count: return .redirect(to: "/take?screen=\(index + 2)", type: .normal)
            default: return .redirect(to: "/take/done", type: .normal)
            }
        }
        routes.post("/take/answer", .changeParticipant, .handedOver) { request, context, principal, task in
            // One answer as it is given (participant-mode.js): nothing is lost if the tab closes.
            let (measurement, instrument): (ProgressMeasurement, Instrument)
            switch task {
            case .survey(let survey): return surveys.answer(request, context, survey)
            case .nothing: return JSON.problem(.conflict, "not-handed-over", Texts.text("apiParticipantMode", context.language))
            case .measurement(let handed, let definition): (measurement, instrument) = (handed, definition)
            }
            let item = context.form["item"]
            do {
                try await site.services.measurements.save(
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
        routes.get("/take/done", .changeParticipant, .handedOver) { _, context, principal, task in
            let (measurement, instrument): (ProgressMeasurement, Instrument)
            switch task {
            case .survey(let survey): return try await surveys.done(context, survey)
            case .nothing: return .redirect(to: "/", type: .normal)
            case .measurement(let handed, let definition): (measurement, instrument) = (handed, definition)
            }
            let participantID = measurement.participantID
            guard instrument.unanswered(by: .participant, in: measurement.answers).isEmpty else {
                return .redirect(to: "/take", type: .normal)
            }
            // The participant sees their own progress with this instrument, nothing else.
            let own = try await site.services.measurements.measurements(of: participantID).filter { $0.instrumentID == instrument.id }
            let view = ProgressView(
                catalog: site.instruments.catalog(for: principal.associationID),
                language: context.language,
                reader: .participant
            )
            let model = TakeDonePage(
                progress: view.instruments(own, idPrefix: "own"),
                screens: String(instrument.screens(for: .participant).count)
            )
            return site.renderer.page(.takeDone, title: .key("takeDoneTitle"), model: model, context: context)
        }
        routes.get("/take/return", .changeParticipant, .session) { _, context, _, session in
            guard let handover = session.record.handover else { return .redirect(to: "/", type: .normal) }
            return try await returnPage(context, session, hasPIN: handover.pinHash != nil)
        }
        routes.post("/take/return", .changeParticipant, .session) { _, context, principal, session in
            guard let handover = session.record.handover else { return .redirect(to: "/", type: .normal) }
            let outcome = try await site.services.participantMode.takeBack(
                secret: context.form["secret"],
                code: context.form["code"],
                session: session,
                by: principal
            )
            switch outcome {
            case .returned(let token):
                let home: String
                switch handover.target {
                case .measurement(let id):
                    let measurement = try await site.services.measurements.load(id, association: principal.associationID)?.0
                    home =
                        measurement.map { Notice.deviceReturned.location("/participants/\($0.participantID)/measurements/\($0.id)") } ?? "/"
                case .survey(let id):
                    let offer = try await site.services.surveys.load(id, association: principal.associationID)?.0
                    home =
                        offer.map { Notice.deviceReturned.location(RecordTab.measurements.path($0.participantID), section: "surveys") }
                        ?? "/"
                }
                // A half-answered survey's draft goes with the participant's turn.
                var response = Response.sessionRotated(to: home, token: token, context: context)
                response.setCookie(SurveyDrafts.expired(secure: context.isSecureRequest))
                return response
            case .refused:
                return try await returnPage(
                    context,
                    session,
                    hasPIN: handover.pinHash != nil,
                    error: FieldProblem.wrongPINOrPassword.message(context.language),
                    status: .unprocessableContent
                )
            case .signedOut:
                var response = Response.redirect(to: "/sign-in", type: .normal)
                response.setCookie(FramstegCookie.expired(FramstegCookie.session, secure: context.isSecureRequest))
                response.setCookie(SurveyDrafts.expired(secure: context.isSecureRequest))
                return response
            }
        }
    }

    private var surveys: SurveyModePages { SurveyModePages(site: site, screen: screen) }

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
        let values = ItemField.values(of: items, in: answers).merging(typed) { $1 }
        let progress = ProgressView.participantProgress(answers, instrument, language: language)
        let model = TakeScreen(
            instrument: instrument.title.text(language),
            screen: String(index + 1),
            screens: String(screens.count),
            screenOf: Texts.text("screenOf", language).replacingOccurrences(of: "{n}", with: String(index + 1))
                .replacingOccurrences(of: "{m}", with: String(screens.count)),
            answered: String(progress.answered),
            total: String(progress.of),
            answeredOf: progress.text,
            isFirst: index == 0,
            isLast: index == screens.count - 1,
            items: ItemField.fields(items, values: values, errors: errors, language: language),
            hasErrors: !errors.isEmpty,
            isAnonymous: instrument.isAnonymous,
            finishLabel: Texts.text(instrument.isAnonymous ? "sendAnswers" : "finish", language)
        )
        return site.renderer.page(
            .take,
            title: .text(instrument.title.text(language)),
            model: model,
            context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent
        )
    }

    private func returnPage(
        _ context: AppRequestContext,
        _ session: ActiveSession,
        hasPIN: Bool,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let asksCode = try await site.services.secondFactor.status(of: session.user).isEnrolled
        return site.renderer.page(
            .takeReturn,
            title: .key("takeReturnTitle"),
            model: TakeReturnPage(hasPIN: hasPIN, asksCode: asksCode, error: error),
            context: context,
            status: status
        )
    }
}

/// One screen of participant mode: a few items with large choices, and where the participant is.
struct TakeScreen: Sendable {
    let instrument: String
    let screen: String
    let screens: String
    let screenOf: String
    let answered: String
    let total: String
    let answeredOf: String
    let isFirst: Bool
    let isLast: Bool
    let items: [ItemField]
    let hasErrors: Bool
    let isAnonymous: Bool
    let finishLabel: String
}

/// The participant's own progress with the instrument they just answered, nothing else.
struct TakeDonePage: Sendable {
    let progress: [ProgressEntry]
    let screens: String
}

/// Giving the device back: the PIN or the counsellor's password.
struct TakeReturnPage: Sendable {
    let hasPIN: Bool
    /// With the password, an account with a second factor also types its code.
    let asksCode: Bool
    let error: String?
}
