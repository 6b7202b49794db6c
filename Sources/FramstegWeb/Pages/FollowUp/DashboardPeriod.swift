import FramstegCore
import Hummingbird

/// The period and split a dashboard, its exports and the annual report are asked for, read from
/// the query (period, year, part, from, to, split): the current year when nothing is asked, or
/// the form with its problems and what was typed.
struct DashboardPeriod {
    /// Nil when the form has a problem.
    let period: ReportingPeriod?
    let form: FormState

    /// `kinds`: the periods that may be asked for (the board's reports: a year or a half-year).
    init(_ request: Request, today: Day, language: Language, kinds: [ReportingPeriod.Kind] = ReportingPeriod.Kind.allCases) {
        let values = [
            "period": request.query("period", otherwise: "year"), "year": request.query("year", otherwise: String(today.year)),
            "part": request.query("part", otherwise: "1"),
            "from": request.query("from", otherwise: ""), "to": request.query("to", otherwise: ""),
            "split": request.query("split", otherwise: ""),
        ]
        var failure = ValidationFailure()
        let split = values["split"] ?? ""
        if !split.isEmpty, FollowUpFigures.SplitKind(rawValue: split) == nil { failure.add("split", .unknownChoice) }
        let kind = ReportingPeriod.Kind(rawValue: values["period"] ?? "").flatMap { kinds.contains($0) ? $0 : nil }
        if kind == nil { failure.add("period", .unknownChoice) }
        let period: ReportingPeriod? =
            switch kind {
            case .custom?: Self.custom(from: values["from"] ?? "", to: values["to"] ?? "", &failure)
            case let kind?: Self.part(kind, year: values["year"] ?? "", part: values["part"] ?? "", &failure)
            case nil: nil
            }
        self.period = failure.problems.isEmpty ? period : nil
        form = FormState(values: values, errors: failure.messages(language))
    }

    /// From one day through another.
    private static func custom(from: String, to: String, _ failure: inout ValidationFailure) -> ReportingPeriod? {
        let first = Day(from)
        let last = Day(to)
        if first == nil { failure.add("from", from.isEmpty ? .required : .invalidDay) }
        if last == nil { failure.add("to", to.isEmpty ? .required : .invalidDay) }
        guard let first, let last else { return nil }
        let period = ReportingPeriod(first: first, last: last)
        if period == nil { failure.add("to", .endBeforeStart) }
        return period
    }

    /// A year, or its half, quarter or month numbered `part`.
    private static func part(
        _ kind: ReportingPeriod.Kind,
        year: String,
        part: String,
        _ failure: inout ValidationFailure
    )
        -> ReportingPeriod?
    {
        let number = Int(year)
        if number == nil || !(1900...2999).contains(number!) { failure.add("year", .outOfRange(minimum: 1900, maximum: 2999)) }
        guard let number else { return nil }
        let period = ReportingPeriod(kind: kind, year: number, part: Int(part) ?? 0)
        if period == nil, failure.problems["year"] == nil { failure.add("part", .unknownChoice) }
        return period
    }

    /// The split asked for (validated with the period).
    var split: FollowUpFigures.SplitKind? { FollowUpFigures.SplitKind(rawValue: form.values["split"] ?? "") }

    /// The period and split as a query, for the export links (and the municipality the office chose).
    func query(_ scope: DashboardScope) -> String {
        let values = form.values
        let municipality = if case .association(let chosen?) = scope { "&municipality=\(chosen.id)" } else { "" }
        return
            "period=\(values["period"] ?? "")&year=\(values["year"] ?? "")&part=\(values["part"] ?? "")&from=\(values["from"] ?? "")&to=\(values["to"] ?? "")&split=\(values["split"] ?? "")"
            + municipality
    }
}
