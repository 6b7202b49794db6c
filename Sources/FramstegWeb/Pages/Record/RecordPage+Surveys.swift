import FramstegCore
import FramstegStore

/// The record's anonymous surveys: each offer with its state (never its answers, nor how far a
/// sitting got), the form to offer one and hand the device over, and for an open offer the way to
/// hand it over again (it starts empty: a draft dies when the device comes back).
struct SurveySection: Sendable {
    struct Offer: Sendable {
        let id: String
        let day: String
        let instrument: String
        let isCompleted: Bool
        let continueForm: FormState
        /// The languages to choose from in this offer's hand-over form.
        let languages: [Choice]
    }

    let surveyOffers: [Offer]
    let hasSurveyOffers: Bool
    let surveyForm: FormState
    let instruments: [Choice]
    let languages: [Choice]
    let hasSurveys: Bool
    let hasSupportSurvey: Bool
    let supportLink: String

    init(_ facts: RecordFacts, forms: RecordForms, language: Language) {
        let surveys = facts.catalog.current.filter(\.isAnonymous)
        surveyOffers = facts.surveyOffers.reversed().map { offer in
            let instrument = facts.catalog.latest(offer.instrumentID)
            let continuing = forms[.surveyContinue(offer.id)] ?? FormState()
            return Offer(
                id: offer.id.description,
                day: offer.offeredOn.description,
                instrument: instrument?.title.text(language) ?? offer.instrumentID,
                isCompleted: offer.isCompleted,
                continueForm: continuing,
                languages: Self.languages(chosen: continuing.values["language"], language: language)
            )
        }
        hasSurveyOffers = !facts.surveyOffers.isEmpty
        let form = forms[.survey] ?? FormState(values: ["instrument": surveys.first?.id ?? ""])
        surveyForm = form
        instruments = surveys.map { Choice(value: $0.id, label: $0.title.text(language), isChosen: form.values["instrument"] == $0.id) }
        languages = Self.languages(chosen: form.values["language"], language: language)
        hasSurveys = !surveys.isEmpty
        hasSupportSurvey = surveys.contains(where: \.showsSupportContact)
        supportLink = "/units/\(facts.unit.id)/violence-support"
    }

    /// The languages a participant may answer in, for a hand-over form; the page's own when none is chosen.
    static func languages(chosen: String?, language: Language) -> [Choice] {
        Language.allCases.map {
            Choice(
                value: $0.rawValue,
                label: Texts.text("language." + $0.rawValue, language),
                isChosen: (chosen ?? language.rawValue) == $0.rawValue
            )
        }
    }
}
