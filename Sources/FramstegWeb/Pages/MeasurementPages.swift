import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// The counsellor's side of a measurement: starting it from the record, answering the counsellor's
/// items, and handing the device to the participant (see `ParticipantModePages`).
struct MeasurementPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.post("/participants/:participant/measurements", .changeParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            let form = context.form
            do {
                let id = try await site.services.measurements.start(
                    instrument: form["instrument"],
                    occasion: form["occasion"],
                    for: participant,
                    by: principal
                )
                return .redirect(to: "/participants/\(participant.id)/measurements/\(id)", type: .normal)
            } catch let failure as ValidationFailure {
                let typed = ["instrument": form["instrument"], "occasion": form["occasion"]]
                return try await ParticipantPages(site: site).recordPage(
                    context,
                    principal,
                    participant,
                    unit,
                    sections: ["measurementForm": FormState(values: typed, errors: failure.messages(context.language))],
                    audit: false
                )
            }
        }
        routes.get("/participants/:participant/measurements/:measurement", .readParticipant, .participant) {
            request,
            context,
            principal,
            record in
            let participant = record.participant
            let (measurement, instrument) = try await load(context, participant)
            try await site.audit(
                AuditEntry(
                    at: site.now(),
                    by: principal,
                    action: .participantRead,
                    objectType: "participant",
                    objectID: participant.id.description
                )
            )
            return page(context, participant, measurement, instrument)
        }
        routes.post("/participants/:participant/measurements/:measurement/answers", .changeParticipant, .participant) {
            request,
            context,
            principal,
            record in
            let participant = record.participant
            let (measurement, instrument) = try await load(context, participant)
            let given = Self.givenAnswers(context.form, items: instrument.items(for: .counsellor))
            do {
                try await site.services.measurements.save(
                    given,
                    required: instrument.items(for: .counsellor),
                    respondent: .counsellor,
                    in: measurement,
                    instrument,
                    by: principal
                )
                return .redirect(to: "/participants/\(participant.id)/measurements/\(measurement.id)", notice: .answersSaved)
            } catch let failure as ValidationFailure {
                let reloaded = try await load(context, participant).0
                return page(
                    context,
                    participant,
                    reloaded,
                    instrument,
                    counsellorForm: FormState(values: given, errors: failure.messages(context.language))
                )
            }
        }
        routes.post("/participants/:participant/measurements/:measurement/hand-over", .changeParticipant, .participant) {
            request,
            context,
            principal,
            record in
            let participant = record.participant
            let (measurement, instrument) = try await load(context, participant)
            guard let session = context.session else { throw WebError.forbidden }
            do {
                try await site.services.participantMode.handOver(
                    .measurement(measurement.id),
                    of: participant.id,
                    pin: context.form["pin"],
                    language: context.form["language"],
                    session: session,
                    by: principal
                )
                return .redirect(to: "/take", type: .normal)
            } catch let failure as ValidationFailure {
                return page(
                    context,
                    participant,
                    measurement,
                    instrument,
                    handOverForm: FormState(values: ["language": context.form["language"]], errors: failure.messages(context.language))
                )
            }
        }
    }

    // MARK: What the record shows

    /// The record's measurements and action plan: the schedule's next measurement, the list with
    /// each measurement's state, the charts with indicators that have a goal marked, and the plan.
    func recordData(
        _ participant: Participant,
        unit: OrganisationUnit,
        steps: [RecordedStep],
        sections: [String: FormState],
        language: Language
    ) async throws -> [String: Any] {
        let keyring = site.keyring
        let (measurements, plan, interval, meetings) = try await site.store.read { db in
            (
                try await MeasurementRepository(db).measurements(of: participant.id),
                try await PlanRepository(db, keyring: keyring).plan(of: participant.id),
                try await OrganisationRepository(db).measurementInterval(of: unit.id),
                try await ActivityRepository(db, keyring: keyring).meetings(
                    of: [participant.id],
                    from: Day(site.now()),
                    through: Day(site.now()).adding(days: 366)
                )
            )
        }
        let catalog = site.instruments.catalog(for: participant.associationID)
        let view = ProgressView(catalog: catalog, language: language)
        let marked = Set(plan.flatMap(\.goal.indicators))
        let today = Day(site.now())
        var data: [String: Any] = [
            "measurements": measurements.reversed().map { measurement -> [String: Any] in
                let instrument = catalog.instrument(measurement.instrumentID, version: measurement.version)
                return [
                    "id": measurement.id.description, "day": measurement.takenOn.description,
                    "instrument": instrument?.title.text(language) ?? measurement.instrumentID,
                    "occasion": Texts.text("occasion." + measurement.occasion.rawValue, language), "isComplete": measurement.isComplete,
                    "progress": ProgressView.participantProgress(measurement.answers, instrument, language: language).text,
                ]
            },
            "hasMeasurements": !measurements.isEmpty,
            "progress": view.instruments(measurements, marked: marked),
            "canMeasure": participant.state.isActive,
        ]
        var suggested = MeasurementOccasion.other
        if participant.state.isActive, let started = steps.first(where: { $0.transition.event == .start })?.transition.day {
            let schedule = MeasurementSchedule(intervalWeeks: interval)
            let next = schedule.nextDue(
                started: started,
                taken: measurements.filter { $0.instrumentID == MeasurementSchedule.instrumentID }.map(\.takenOn),
                meetings: meetings,
                today: today
            )
            suggested = next.occasion
            data["nextMeasurement"] = Texts.text("nextMeasurement", language)
                .replacingOccurrences(
                    of: "{instrument}",
                    with: catalog.latest(MeasurementSchedule.instrumentID)?.title.text(language) ?? "BIP"
                )
                .replacingOccurrences(of: "{day}", with: next.day.description)
                .replacingOccurrences(of: "{occasion}", with: Texts.text("occasion." + next.occasion.rawValue, language).lowercased())
            data["nextMeasurementOverdue"] = next.day < today
        }
        let form =
            sections["measurementForm"]
            ?? FormState(values: ["instrument": MeasurementSchedule.instrumentID, "occasion": suggested.rawValue])
        var formData = form.data
        formData["instruments"] = catalog.current.filter { !$0.isAnonymous }.map {
            ["value": $0.id, "label": $0.title.text(language), "selected": form.values["instrument"] == $0.id] as [String: Any]
        }
        formData["occasions"] = MeasurementOccasion.allCases.map {
            [
                "value": $0.rawValue, "label": Texts.text("occasion." + $0.rawValue, language),
                "selected": form.values["occasion"] == $0.rawValue,
            ] as [String: Any]
        }
        data["measurementForm"] = formData
        data.merge(PlanPages(site: site).planData(participant, plan: plan, sections: sections, language: language)) { $1 }
        return data
    }

    /// The measurement named in the path, which must be this participant's.
    private func load(_ context: AppRequestContext, _ participant: Participant) async throws -> (ProgressMeasurement, Instrument) {
        guard let id = context.parameters.get("measurement").flatMap(MeasurementID.init(parsing:)),
            let (measurement, instrument) = try await site.services.measurements.load(id, association: participant.associationID),
            measurement.participantID == participant.id
        else { throw WebError.notFound }
        return (measurement, instrument)
    }

    /// The languages a participant may answer in, for a hand-over form; the page's own when none is chosen.
    static func languageOptions(chosen: String?, language: Language) -> [[String: Any]] {
        Language.allCases.map { choice -> [String: Any] in
            [
                "value": choice.rawValue, "label": Texts.text("language." + choice.rawValue, language),
                "selected": (chosen ?? language.rawValue) == choice.rawValue,
            ]
        }
    }

    /// Answers posted as `item-<id>` fields, for the given items only.
    static func givenAnswers(_ form: FormData, items: [InstrumentItem]) -> [String: String] {
        var given: [String: String] = [:]
        for item in items {
            let value = form["item-" + item.id]
            if !value.isEmpty { given[item.id] = value }
        }
        return given
    }

    private func page(
        _ context: AppRequestContext,
        _ participant: Participant,
        _ measurement: ProgressMeasurement,
        _ instrument: Instrument,
        counsellorForm: FormState? = nil,
        handOverForm: FormState? = nil
    ) -> Response {
        let language = context.language
        let view = ProgressView(catalog: site.instruments.catalog(for: participant.associationID), language: language)
        let participantItems = instrument.items(for: .participant)
        let counsellorValues = counsellorForm?.values ?? ItemFields.values(of: instrument.items(for: .counsellor), in: measurement.answers)
        var data: [String: Any] = [
            "participant": ["id": participant.id.description, "name": participant.name],
            "measurement": [
                "id": measurement.id.description, "instrument": instrument.title.text(language), "version": String(instrument.version),
                "occasion": Texts.text("occasion." + measurement.occasion.rawValue, language), "day": measurement.takenOn.description,
                "isComplete": measurement.isComplete,
                "participantProgress": ProgressView.participantProgress(measurement.answers, instrument, language: language).text,
            ] as [String: Any],
            "participantAnswers": participantItems.map { item -> [String: String] in
                ["label": item.label.text(language), "answer": measurement.answers[item.id].map { view.describe($0, item) } ?? "–"]
            },
            "hasCounsellorItems": !instrument.items(for: .counsellor).isEmpty,
            "counsellorItems": ItemFields.items(
                instrument.items(for: .counsellor),
                values: counsellorValues,
                errors: counsellorForm?.errors ?? [:],
                language: language
            ),
            "counsellorForm": (counsellorForm ?? FormState()).data,
            "handOverForm": (handOverForm ?? FormState()).data,
            "languages": Self.languageOptions(chosen: handOverForm?.values["language"], language: language),
        ]
        data["progress"] = view.instruments([measurement], idPrefix: "measurement")
        let hasProblems = counsellorForm.map { !$0.errors.isEmpty } == true || handOverForm.map { !$0.errors.isEmpty } == true
        return site.renderer.page(
            .measurement,
            title: .text(instrument.title.text(language) + " – " + participant.name),
            model: data,
            context: context,
            status: hasProblems ? .unprocessableContent : .ok
        )
    }
}

/// The answer fields of a few items, as participant mode and the counsellor's form draw them:
/// one group of large choices per item, the given answer checked, a message beside a refused one.
enum ItemFields {
    /// Each given answer as its field's value (`7`, `yes`, `-`), the inverse of `MeasurementService.answer`.
    static func values(of items: [InstrumentItem], in answers: [String: Answer]) -> [String: String] {
        var values: [String: String] = [:]
        for item in items {
            switch answers[item.id] {
            case .number(let value): values[item.id] = String(value)
            case .choice(let value): values[item.id] = value
            case .notAnswered: values[item.id] = "-"
            case nil: break
            }
        }
        return values
    }

    static func items(_ items: [InstrumentItem], values: [String: String], errors: [String: String], language: Language) -> [[String: Any]]
    {
        items.map { item -> [String: Any] in
            var options: [[String: Any]] = []
            switch item.scale {
            case .numeric(let min, let max, let labels):
                options = (min...max).map { step in
                    var option: [String: Any] = ["value": String(step), "label": String(step), "checked": values[item.id] == String(step)]
                    if let label = labels[step] { option["hint"] = label.text(language) }
                    return option
                }
            case .choice(let choices):
                options = choices.map { ["value": $0.value, "label": $0.label.text(language), "checked": values[item.id] == $0.value] }
            }
            if item.allowsNotAnswered {
                options.append([
                    "value": "-", "label": Texts.text("preferNotToAnswer", language), "checked": values[item.id] == "-",
                    "isNotAnswered": true,
                ])
            }
            var row: [String: Any] = [
                "id": item.id, "text": item.text.text(language), "options": options,
                "isNumeric": { if case .numeric = item.scale { return true } else { return false } }(),
            ]
            if let error = errors[item.id] { row["error"] = error }
            return row
        }
    }
}
