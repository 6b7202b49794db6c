import FramstegCore
import Hummingbird

/// The counsellor's side of a measurement: starting it from the record, answering the counsellor's
/// items, and handing the device to the participant (see `ParticipantModePages`).
struct MeasurementPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.post("/participants/:participant/measurements", .changeParticipant, .participant) { _, context, principal, record in
            let form = context.form
            do {
                let id = try await site.services.measurements.start(
                    instrument: form["instrument"],
                    occasion: form["occasion"],
                    for: record.participant,
                    by: principal
                )
                return .redirect(to: "/participants/\(record.participant.id)/measurements/\(id)", type: .normal)
            } catch let failure as ValidationFailure {
                let typed = ["instrument": form["instrument"], "occasion": form["occasion"]]
                return try await RecordPages(site: site).page(context, principal, record, refused: .measurement, typed, failure)
            }
        }
        routes.get("/participants/:participant/measurements/:measurement", .readParticipant, .measurement) { _, context, principal, taken in
            try await page(context, principal, taken)
        }
        routes.post("/participants/:participant/measurements/:measurement/answers", .changeParticipant, .measurement) {
            _,
            context,
            principal,
            taken in
            let items = taken.instrument.items(for: .counsellor)
            let given = ItemField.givenAnswers(context.form, items: items)
            do {
                try await site.services.measurements.save(
                    given,
                    required: items,
                    respondent: .counsellor,
                    in: taken.measurement,
                    taken.instrument,
                    by: principal
                )
                let path = "/participants/\(taken.record.participant.id)/measurements/\(taken.measurement.id)"
                return .redirect(to: path, notice: .answersSaved)
            } catch let failure as ValidationFailure {
                // The valid answers were kept: show them as stored, with what was typed beside the refused ones.
                let reloaded = try await site.services.measurements.load(taken.measurement.id, association: principal.associationID)
                let now = MeasurementOnRecord(
                    record: taken.record,
                    measurement: reloaded?.0 ?? taken.measurement,
                    instrument: taken.instrument
                )
                return try await page(
                    context,
                    principal,
                    now,
                    counsellorForm: FormState(values: given, errors: failure.messages(context.language))
                )
            }
        }
        routes.post("/participants/:participant/measurements/:measurement/hand-over", .changeParticipant, .measurement) {
            _,
            context,
            principal,
            taken in
            guard let session = context.session else { throw WebError.forbidden }
            do {
                let token = try await site.services.participantMode.handOver(
                    .measurement(taken.measurement.id),
                    of: taken.record.participant.id,
                    pin: context.form["pin"],
                    language: context.form["language"],
                    session: session,
                    by: principal
                )
                return .sessionRotated(to: "/take", token: token, context: context)
            } catch let failure as ValidationFailure {
                let form = FormState(values: ["language": context.form["language"]], errors: failure.messages(context.language))
                return try await page(context, principal, taken, handOverForm: form)
            }
        }
    }

    /// The measurement page; showing it, a refused form too, is a read of the participant's data.
    private func page(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ taken: MeasurementOnRecord,
        counsellorForm: FormState? = nil,
        handOverForm: FormState? = nil
    ) async throws -> Response {
        try await site.services.record.audit(.participantRead, taken.record.participant, by: principal)
        let catalog = site.instruments.catalog(for: taken.record.participant.associationID)
        let model = MeasurementPage(
            taken,
            catalog: catalog,
            counsellorForm: counsellorForm,
            handOverForm: handOverForm,
            language: context.language
        )
        return site.renderer.page(
            .measurement,
            title: .text(taken.instrument.title.text(context.language) + " – " + taken.record.participant.name),
            model: model,
            context: context,
            status: model.hasProblems ? .unprocessableContent : .ok
        )
    }
}

/// One measurement as the counsellor sees it: its facts, the hand-over form, the counsellor's own
/// items, the participant's answers and the chart.
struct MeasurementPage: Sendable {
    struct Person: Sendable {
        let id: String
        let name: String
    }

    struct Facts: Sendable {
        let id: String
        let instrument: String
        let version: String
        let occasion: String
        let day: String
        let isComplete: Bool
        let participantProgress: String
    }

    struct GivenAnswer: Sendable {
        let label: String
        let answer: String
    }

    let participant: Person
    let measurement: Facts
    let participantAnswers: [GivenAnswer]
    let hasCounsellorItems: Bool
    let counsellorItems: [ItemField]
    let counsellorForm: FormState
    let handOverForm: FormState
    let languages: [Choice]
    let progress: [ProgressEntry]
    let hasProblems: Bool

    init(
        _ taken: MeasurementOnRecord,
        catalog: InstrumentCatalog,
        counsellorForm: FormState?,
        handOverForm: FormState?,
        language: Language
    ) {
        let (measurement, instrument) = (taken.measurement, taken.instrument)
        let view = ProgressView(catalog: catalog, language: language)
        participant = Person(id: taken.record.participant.id.description, name: taken.record.participant.name)
        self.measurement = Facts(
            id: measurement.id.description,
            instrument: instrument.title.text(language),
            version: String(instrument.version),
            occasion: Texts.text("occasion." + measurement.occasion.rawValue, language),
            day: measurement.takenOn.description,
            isComplete: measurement.isComplete,
            participantProgress: ProgressView.participantProgress(measurement.answers, instrument, language: language).text
        )
        participantAnswers = instrument.items(for: .participant).map { item in
            GivenAnswer(label: item.label.text(language), answer: measurement.answers[item.id].map { view.describe($0, item) } ?? "–")
        }
        let counsellorItems = instrument.items(for: .counsellor)
        hasCounsellorItems = !counsellorItems.isEmpty
        self.counsellorItems = ItemField.fields(
            counsellorItems,
            values: counsellorForm?.values ?? ItemField.values(of: counsellorItems, in: measurement.answers),
            errors: counsellorForm?.errors ?? [:],
            language: language
        )
        self.counsellorForm = counsellorForm ?? FormState()
        self.handOverForm = handOverForm ?? FormState()
        languages = SurveySection.languages(chosen: handOverForm?.values["language"], language: language)
        progress = view.instruments([measurement], idPrefix: "measurement")
        hasProblems = self.counsellorForm.hasErrors || self.handOverForm.hasErrors
    }
}
