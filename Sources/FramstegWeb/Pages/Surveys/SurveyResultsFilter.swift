import FramstegCore
import Hummingbird

/// The survey, scope and months asked for in the query, with the choices the form offers: the
/// query when all of it reads, and always the form with what was typed and its problems. The
/// year so far of the first survey and the first scope when nothing is asked.
struct SurveyResultsFilter {
    let query: SurveyResultsQuery?
    let form: FormState
    /// The anonymous surveys to choose from.
    let surveys: [Instrument]
    /// The scopes the principal may choose.
    let scopes: [SurveyResultsScope]

    init(_ request: Request, surveys: [Instrument], scopes: [SurveyResultsScope], today: Month, language: Language) {
        self.surveys = surveys
        self.scopes = scopes
        let defaultPeriod = MonthPeriod.yearToDate(today)
        let values: [String: String] = [
            "instrument": request.query("instrument", otherwise: surveys.first?.id ?? ""),
            "scope": request.query("scope", otherwise: scopes.first?.value ?? ""),
            "from": request.query("from", otherwise: defaultPeriod.first.description),
            "to": request.query("to", otherwise: defaultPeriod.last.description),
        ]
        var failure = ValidationFailure()
        let instrument = surveys.first { $0.id == values["instrument"] }
        if instrument == nil { failure.add("instrument", .unknownChoice) }
        let scope = scopes.first { $0.value == values["scope"] }
        // Someone else's unit or municipality was refused before the handler ran (`RouteResource.surveyScope`).
        if scope == nil { failure.add("scope", .unknownChoice) }
        let first = Month(values["from"] ?? "")
        let last = Month(values["to"] ?? "")
        if first == nil { failure.add("from", .invalidMonth) }
        if last == nil { failure.add("to", .invalidMonth) }
        if let first, let last, first > last { failure.add("to", .endBeforeStart) }
        form = FormState(values: values, errors: failure.messages(language))
        if let instrument, let scope, let first, let last, let period = MonthPeriod(first: first, last: last) {
            query = SurveyResultsQuery(instrument: instrument, scope: scope, period: period)
        } else {
            query = nil
        }
    }
}
