/// The period a dashboard or report covers, first and last day included: a year, a half-year, a
/// quarter, a month, or any span of days.
public struct ReportingPeriod: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case year
        case halfYear = "half-year"
        case quarter
        case month
        case custom
    }

    public let kind: Kind
    public let first: Day
    public let last: Day

    /// `part` is the half (1–2), quarter (1–4) or month (1–12); ignored for a year.
    public init?(kind: Kind, year: Int, part: Int = 1) {
        guard (1900...2999).contains(year) else { return nil }
        let months: (Int, Int)
        switch kind {
        case .year: months = (1, 12)
        case .halfYear:
            guard (1...2).contains(part) else { return nil }
            months = (part * 6 - 5, part * 6)
        case .quarter:
            guard (1...4).contains(part) else { return nil }
            months = (part * 3 - 2, part * 3)
        case .month:
            guard (1...12).contains(part) else { return nil }
            months = (part, part)
        case .custom: return nil
        }
        self.kind = kind
        first = Day(year: year, month: months.0, day: 1)!
        last = Month(year: year, month: months.1)!.adding(months: 1).firstDay.adding(days: -1)
    }

    /// Any span of days, first before or on last.
    public init?(first: Day, last: Day) {
        guard first <= last else { return nil }
        kind = .custom
        self.first = first
        self.last = last
    }

    public func contains(_ day: Day) -> Bool { first <= day && day <= last }

    /// Whether something that ran from `start` until `end` (nil: still running) overlaps the period.
    public func overlaps(from start: Day, until end: Day?) -> Bool { start <= last && (end.map { $0 >= first } ?? true) }

    /// "2026", "2026 H1", "2026 Q3", "2026-03", or "2026-01-05 – 2026-02-10".
    public var label: String {
        switch kind {
        case .year: "\(first.year)"
        case .halfYear: "\(first.year) H\(first.month <= 6 ? 1 : 2)"
        case .quarter: "\(first.year) Q\((first.month + 2) / 3)"
        case .month: Month(first).description
        case .custom: "\(first) – \(last)"
        }
    }

    /// The calendar years the period touches.
    public var years: ClosedRange<Int> { first.year...last.year }
}
