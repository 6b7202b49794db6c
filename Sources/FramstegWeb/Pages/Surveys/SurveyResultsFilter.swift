import FramstegCore
import Hummingbird

/// The survey, scope and quarters asked for in the query, with the choices the form offers: the
/// query when all of it reads, and always the form with what was typed and its problems. The
/// year's quarters up to the current one, of the first survey and the first scope, when nothing
/// is asked. Quarters are the finest period offered (`Quarter`).
struct SurveyResultsFilter {
    let query: SurveyResultsQuery?
    let form: FormState
    /// The anonymous surveys to choose from.
    let surveys: [Instrument]
    /// The scopes the principal may choose.
    let scopes: [SurveyResultsScope]
    /// The quarters to choose from, newest first: this one and the six years before it, and an
    /// older one the query names.
    let quarters: [Quarter]

    /// How many years back the quarter choices reach.
    static let yearsOffered = 6

    init(_ request: Request, surveys: [Instrument], scopes: [SurveyResultsScope], today: Month, language: Language) {
        self.surveys = surveys
        self.scopes = scopes
        let current = Quarter(today)
        let values: [String: String] = [
            "instrument": request.query("instrument", otherwise: surveys.first?.id ?? ""),
            "scope": request.query("scope", otherwise: scopes.first?.value ?? ""),
            "from": request.query("from", otherwise: Quarter(year: current.year, quarter: 1)!.description),
            "to": request.query("to", otherwise: current.description),
        ]
        var failure = ValidationFailure()
        let instrument = surveys.first { $0.id == values["instrument"] }
        if instrument == nil { failure.add("instrument", .unknownChoice) }
        let scope = scopes.first { $0.value == values["scope"] }
        // Someone else's unit or municipality was refused before the handler ran (`RouteResource.surveyScope`).
        if scope == nil { failure.add("scope", .unknownChoice) }
        let first = Quarter(values["from"] ?? "")
        let last = Quarter(values["to"] ?? "")
        if first == nil { failure.add("from", .invalidQuarter) }
        if last == nil { failure.add("to", .invalidQuarter) }
        if let first, let last, first > last { failure.add("to", .endBeforeStart) }
        form = FormState(values: values, errors: failure.messages(language))
        let oldest = Quarter(year: current.year - Self.yearsOffered, quarter: 1)!
        var quarters = (0...(current.year - oldest.year) * 4 + current.quarter - 1).map { current.adding(quarters: -$0) }
        for named in [first, last].compactMap({ $0 }) where !quarters.contains(named) { quarters.append(named) }
        self.quarters = quarters.sorted(by: >)
        if let instrument, let scope, let first, let last, let period = MonthPeriod(quarters: first, through: last) {
            query = SurveyResultsQuery(instrument: instrument, scope: scope, period: period)
        } else {
            query = nil
        }
    }
}
