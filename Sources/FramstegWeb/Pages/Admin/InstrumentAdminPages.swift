import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// The association's instruments: what is in use (shipped and added), definitions that failed to
/// load at start-up, and adding an instrument or a new version: checked, previewed, then saved.
/// A version once saved is never changed; measurements keep the version they were taken with.
struct InstrumentAdminPages {
    let site: Site

    /// Definitions are small; anything larger is not one.
    static let maximumLength = 200_000

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/instruments", .administerInstruments, .association) { request, context, principal, _ in
            return page(context, principal)
        }
        routes.post("/admin/instruments/preview", .administerInstruments, .association) { request, context, principal, _ in
            let text = context.form["definition"]
            do {
                let instrument = try checked(text, principal)
                return page(context, principal, text: text, preview: instrument)
            } catch let failure as ValidationFailure {
                return page(context, principal, text: text, errors: failure.messages(context.language))
            }
        }
        routes.post("/admin/instruments", .administerInstruments, .association) { request, context, principal, _ in
            let text = context.form["definition"]
            do {
                let instrument = try checked(text, principal)
                let now = site.now()
                do {
                    try await site.store.write { db in
                        try await MeasurementRepository(db).addDefinition(
                            instrument,
                            text: text,
                            association: principal.associationID,
                            by: principal.userID,
                            now: now
                        )
                        try await AuditLog(db).append(
                            AuditEntry(
                                at: now,
                                by: principal,
                                action: .instrumentAdd,
                                objectType: "instrument",
                                objectID: "\(instrument.id)-\(instrument.version)"
                            )
                        )
                    }
                } catch StoreError.duplicate {
                    // Taken by another association: ids and versions are unique across the deployment.
                    throw ValidationFailure(problems: ["definition": .versionExists(id: instrument.id, version: instrument.version)])
                }
                site.instruments.add(instrument, for: principal.associationID)
                return .redirect(to: "/admin/instruments", notice: .instrumentAdded)
            } catch let failure as ValidationFailure {
                return page(context, principal, text: text, errors: failure.messages(context.language))
            }
        }
    }

    /// Reads the definition and checks it against the association's catalogue.
    private func checked(_ text: String, _ principal: Principal) throws -> Instrument {
        if text.trimmed.isEmpty { throw ValidationFailure(problems: ["definition": .required]) }
        if text.utf8.count > Self.maximumLength { throw ValidationFailure(problems: ["definition": .tooLong(maximum: Self.maximumLength)]) }
        let instrument: Instrument
        do {
            instrument = try Instrument(definition: Data(text.utf8), file: "definition")
        } catch {
            throw ValidationFailure(problems: ["definition": .definition(error)])
        }
        do {
            try site.instruments.check(instrument, for: principal.associationID)
        } catch .wordingLocked(let id, let item) {
            throw ValidationFailure(problems: ["definition": .wordingLocked(id: id, item: item)])
        } catch .anonymityLocked(let id) {
            throw ValidationFailure(problems: ["definition": .anonymityLocked(id: id)])
        } catch {
            throw ValidationFailure(problems: ["definition": .versionExists(id: instrument.id, version: instrument.version)])
        }
        return instrument
    }

    private func page(
        _ context: AppRequestContext,
        _ principal: Principal,
        text: String = "",
        preview: Instrument? = nil,
        errors: [String: String] = [:]
    ) -> Response {
        let language = context.language
        let catalog = site.instruments.catalog(for: principal.associationID)
        var data = FormState(values: ["definition": text], errors: errors).data
        data["instruments"] = catalog.current.map { instrument -> [String: Any] in
            [
                "id": instrument.id, "title": instrument.title.text(language), "version": String(instrument.version),
                "versions": catalog.versions(of: instrument.id).map(String.init).joined(separator: ", "),
                "items": String(instrument.items.count),
                "subscales": instrument.scoredScales.map { $0.title.text(language) }.joined(separator: ", "),
            ]
        }
        let problems = site.instruments.problems(for: principal.associationID)
        data["problems"] = problems
        data["hasProblems"] = !problems.isEmpty
        data["script"] = "definition-file.js"
        if let preview { data["preview"] = Self.preview(preview, language: language) }
        return site.renderer.page(
            .adminInstruments,
            title: .key("instruments"),
            model: data,
            context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent
        )
    }

    /// What the definition will ask and how it scores, for the admin to read before saving.
    static func preview(_ instrument: Instrument, language: Language) -> [String: Any] {
        [
            "title": instrument.title.text(language), "id": instrument.id, "version": String(instrument.version),
            "description": instrument.description.text(language),
            "items": instrument.items.map { item -> [String: Any] in
                let scale: String =
                    switch item.scale {
                    case .numeric(let min, let max, _): "\(min)–\(max)"
                    case .choice(let choices): choices.map { $0.label.text(language) }.joined(separator: " / ")
                    }
                return [
                    "id": item.id, "text": item.text.text(language),
                    "respondent": Texts.text("respondent." + item.respondent.rawValue, language),
                    "scale": scale, "reversed": item.isReversed,
                ]
            },
            "subscales": instrument.scoredScales.map { subscale -> [String: Any] in
                [
                    "title": subscale.title.text(language), "method": subscale.method.rawValue, "items": String(subscale.itemIDs.count),
                    "thresholds": subscale.thresholds.map { "< \($0.below): \($0.text.text(language))" }.joined(separator: "; "),
                ]
            },
        ]
    }
}
