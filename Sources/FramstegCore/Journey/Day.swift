import Foundation

/// A calendar day without time of day, stored as `YYYY-MM-DD` on both databases.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD`; nil for anything else or a date that does not exist.
    public init?(_ text: String) {
        let parts = text.trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init?(year: Int, month: Int, day: Int) {
        let components = DateComponents(calendar: .swedish, year: year, month: month, day: day)
        guard (1...12).contains(month), (1...31).contains(day), let date = components.date,
            Calendar.swedish.component(.day, from: date) == day
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The Swedish calendar day of an instant.
    public init(_ date: Date) {
        let parts = Calendar.swedish.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// Noon of the day in Swedish time, safe from daylight-saving edges.
    public var date: Date {
        DateComponents(calendar: .swedish, year: year, month: month, day: day, hour: 12).date!
    }

    public func adding(days: Int) -> Day { Day(Calendar.swedish.date(byAdding: .day, value: days, to: date)!) }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: Day) -> Int {
        Calendar.swedish.dateComponents([.day], from: date, to: other.date).day!
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (lhs: Day, rhs: Day) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }
}
