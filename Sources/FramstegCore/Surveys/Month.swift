/// A calendar month ("2026-11"): the only time an anonymous response carries.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads "2026-11" (the value of an `<input type="month">`).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else {
            return nil
        }
        self.init(year: year, month: month)
    }

    public init(_ day: Day) {
        year = day.year
        month = day.month
    }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public var firstDay: Day { Day(year: year, month: month, day: 1)! }

    public func adding(months: Int) -> Month {
        let index = year * 12 + (month - 1) + months
        return Month(year: index / 12, month: index % 12 + 1)!
    }
}

/// A span of whole months, first and last included.
public struct MonthPeriod: Hashable, Sendable {
    public let first: Month
    public let last: Month

    public init?(first: Month, last: Month) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    public func contains(_ month: Month) -> Bool { first <= month && month <= last }

    /// The quarters from `first` through `last`, as months (nil when `last` is before `first`).
    public init?(quarters first: Quarter, through last: Quarter) {
        self.init(first: first.firstMonth, last: last.lastMonth)
    }
}

/// A calendar quarter ("2026-Q3"): the finest period anonymous survey results are offered for, so
/// that the month a batch of answers was counted in is never a period of its own.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 to 4.
    public let quarter: Int

    public init?(year: Int, quarter: Int) {
        guard (1900...2999).contains(year), (1...4).contains(quarter) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// Reads "2026-Q3" (the value of the results form's quarter choices).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts[1].first == "Q",
            let year = Int(parts[0]), let quarter = Int(parts[1].dropFirst())
        else { return nil }
        self.init(year: year, quarter: quarter)
    }

    /// The quarter `month` is in.
    public init(_ month: Month) {
        year = month.year
        quarter = (month.month - 1) / 3 + 1
    }

    public var description: String { "\(year)-Q\(quarter)" }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter) }

    public var firstMonth: Month { Month(year: year, month: quarter * 3 - 2)! }
    public var lastMonth: Month { Month(year: year, month: quarter * 3)! }

    public func adding(quarters: Int) -> Quarter {
        let index = year * 4 + (quarter - 1) + quarters
        return Quarter(year: index / 4, quarter: index % 4 + 1)!
    }
}
