import Foundation
import FramstegCore
import Hummingbird

/// The association's instruments: what is in use (shipped and added), definitions that failed to
/// load at start-up, and adding an instrument or a new version: checked, previewed, then saved.
struct InstrumentAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/instruments", .administerInstruments, .association) { _, context, principal, _ in
            page(context, principal)
        }
        routes.post("/admin/instruments/preview", .administerInstruments, .association) { _, context, principal, _ in
            let text = context.form["definition"]
            do {
                let instrument = try site.services.instruments.checked(text, for: principal.associationID)
                return page(context, principal, text: text, preview: instrument)
            } catch let failure as ValidationFailure {
                return page(context, principal, text: text, errors: failure.messages(context.language))
            }
        }
        routes.post("/admin/instruments", .administerInstruments, .association) { _, context, principal, _ in
            let text = context.form["definition"]
            do {
                try await site.services.instruments.add(text, by: principal)
                return .redirect(to: "/admin/instruments", notice: .instrumentAdded)
            } catch let failure as ValidationFailure {
                return page(context, principal, text: text, errors: failure.messages(context.language))
            }
        }
    }

    private func page(
        _ context: AppRequestContext,
        _ principal: Principal,
        text: String = "",
        preview: Instrument? = nil,
        errors: [String: String] = [:]
    ) -> Response {
        let instruments = site.services.instruments
        let model = InstrumentsPage(
            catalog: instruments.catalog(for: principal.associationID),
            problems: instruments.problems(for: principal.associationID),
            definition: text,
            definitionError: errors["definition"],
            preview: preview,
            language: context.language
        )
        return site.renderer.page(
            .adminInstruments,
            title: .key("instruments"),
            model: model,
            context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent,
            script: "definition-file.js"
        )
    }
}

/// The instruments page: the catalogue, the stored definitions left out, the definition being
/// added with its problem, and its preview once it reads.
struct InstrumentsPage: Sendable {
    struct Row: Sendable {
        let id: String
        let title: String
        let version: String
        let versions: String
        let items: String
        let subscales: String
    }

    let instruments: [Row]
    let problems: [String]
    let hasProblems: Bool
    let definition: String
    let definitionError: String?
    let hasErrors: Bool
    let preview: InstrumentPreview?

    init(
        catalog: InstrumentCatalog,
        problems: [String],
        definition: String,
        definitionError: String?,
        preview: Instrument?,
        language: Language
    ) {
        instruments = catalog.current.map { instrument in
            Row(
                id: instrument.id,
                title: instrument.title.text(language),
                version: String(instrument.version),
                versions: catalog.versions(of: instrument.id).map(String.init).joined(separator: ", "),
                items: String(instrument.items.count),
                subscales: instrument.scoredScales.map { $0.title.text(language) }.joined(separator: ", ")
            )
        }
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.definition = definition
        self.definitionError = definitionError
        hasErrors = definitionError != nil
        self.preview = preview.map { InstrumentPreview($0, language: language) }
    }
}

/// What a definition will ask and how it scores, for the admin to read before saving.
struct InstrumentPreview: Sendable {
    struct Item: Sendable {
        let id: String
        let text: String
        let respondent: String
        let scale: String
        let reversed: Bool
    }

    struct Subscale: Sendable {
        let title: String
        let method: String
        let items: String
        let thresholds: String
    }

    let title: String
    let id: String
    let version: String
    let description: String
    let items: [Item]
    let subscales: [Subscale]

    init(_ instrument: Instrument, language: Language) {
        title = instrument.title.text(language)
        id = instrument.id
        version = String(instrument.version)
        description = instrument.description.text(language)
        items = instrument.items.map { item in
            let scale: String =
                switch item.scale {
                case .numeric(let min, let max, _): "\(min)–\(max)"
                case .choice(let choices): choices.map { $0.label.text(language) }.joined(separator: " / ")
                }
            return Item(
                id: item.id,
                text: item.text.text(language),
                respondent: Texts.text("respondent." + item.respondent.rawValue, language),
                scale: scale,
                reversed: item.isReversed
            )
        }
        subscales = instrument.scoredScales.map { subscale in
            Subscale(
                title: subscale.title.text(language),
                method: subscale.method.rawValue,
                items: String(subscale.itemIDs.count),
                thresholds: subscale.thresholds.map { "< \($0.below): \($0.text.text(language))" }.joined(separator: "; ")
            )
        }
    }
}
