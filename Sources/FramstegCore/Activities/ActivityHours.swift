import Foundation

/// A calendar week, Monday to Sunday, named as ISO 8601 does (`2026-W47`).
public struct Week: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let monday: Day

    public init(containing day: Day) {
        monday = day.adding(days: -day.daysSinceMonday)
    }

    /// Parses `2026-W47` (what a week field sends) or a day in the week, `2026-11-18`.
    public init?(_ text: String) {
        let text = text.trimmed
        if let day = Day(text) {
            self.init(containing: day)
            return
        }
        let parts = text.uppercased().split(separator: "-W", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let number = Int(parts[1]),
            (1...53).contains(number),
            let date = DateComponents(calendar: Self.iso, hour: 12, weekday: 2, weekOfYear: number, yearForWeekOfYear: year).date
        else { return nil }
        let week = Week(containing: Day(date))
        // Week 53 exists only in some years; anything else rolled over into the next year.
        guard week.description == String(format: "%04d-W%02d", year, number) else { return nil }
        self = week
    }

    public var sunday: Day { monday.adding(days: 6) }
    public func adding(weeks: Int) -> Week { Week(containing: monday.adding(days: 7 * weeks)) }
    public func contains(_ day: Day) -> Bool { monday <= day && day <= sunday }

    /// ISO week number, e.g. 47.
    public var number: Int { Self.iso.component(.weekOfYear, from: monday.date) }
    public var description: String {
        String(format: "%04d-W%02d", Self.iso.component(.yearForWeekOfYear, from: monday.date), number)
    }

    public static func < (lhs: Week, rhs: Week) -> Bool { lhs.monday < rhs.monday }

    static let iso: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        return calendar
    }()
}

/// Aktivitetsförmåga: the goal in hours per week, set in the introduction and raised gradually up
/// to half time, and the hours attended each week.
public enum ActivityHours {
    /// Participation goes up to half time (seed 000).
    public static let halfTime = 20.0
    /// More than this in one week is a typing mistake.
    public static let maximumAttended = 60.0

    /// One row of the hours chart: the goal in force that week and what was attended.
    public struct WeekRow: Hashable, Sendable {
        public let week: Week
        public let goal: Double?
        public let attended: Double?
    }

    /// Every week from the first goal or attendance to `last`, with the goal in force each week.
    public static func rows(goals: [HoursGoal], attended: [AttendedHours], through last: Week) -> [WeekRow] {
        let sortedGoals = goals.sorted { $0.from < $1.from }
        let byWeek = Dictionary(attended.map { ($0.week, $0.hours) }) { $1 }
        guard let first = (sortedGoals.map(\.from) + attended.map(\.week)).min(), first <= last else { return [] }
        var rows: [WeekRow] = []
        var week = first
        while week <= last {
            let goal = sortedGoals.last { $0.from <= week }?.hoursPerWeek
            rows.append(WeekRow(week: week, goal: goal, attended: byWeek[week]))
            week = week.adding(weeks: 1)
        }
        return rows
    }

    /// The goal in force in `week`: the latest set from that week or before (one set from a later
    /// week is not current yet); nil before the first.
    public static func goal(inForce goals: [HoursGoal], in week: Week) -> HoursGoal? {
        goals.filter { $0.from <= week }.max { $0.from < $1.from }
    }

    /// Parses hours as people type them: `12`, `12,5` or `12.5`.
    public static func parseHours(_ text: String) -> Double? {
        let normalised = text.trimmed.replacingOccurrences(of: ",", with: ".")
        guard !normalised.isEmpty, normalised.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(normalised), value.isFinite
        else { return nil }
        return value
    }

    /// `12,5` in Swedish, `12.5` in English; whole hours without decimals.
    public static func format(_ hours: Double, decimalSeparator: String) -> String {
        let rounded = (hours * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded).replacingOccurrences(of: ".", with: decimalSeparator)
    }
}

/// The goal in hours per week from a given week on.
public struct HoursGoal: Hashable, Sendable {
    public let from: Week
    public let hoursPerWeek: Double
    public init(from: Week, hoursPerWeek: Double) {
        self.from = from
        self.hoursPerWeek = hoursPerWeek
    }
}

/// Hours attended in one week.
public struct AttendedHours: Hashable, Sendable {
    public let week: Week
    public let hours: Double
    public init(week: Week, hours: Double) {
        self.week = week
        self.hours = hours
    }
}

/// What was typed for a goal or for a week's attendance: a week and a number of hours.
public struct HoursDraft: Sendable, Equatable {
    public var week: String
    public var hours: String

    public init(week: String, hours: String) {
        self.week = week
        self.hours = hours
    }

    /// A goal: above zero and at most half time, from a week no earlier than the start.
    public func validatedGoal(started: Day) throws(ValidationFailure) -> HoursGoal {
        let (week, hours) = try validated(started: started, range: 0.5...ActivityHours.halfTime, today: nil)
        return HoursGoal(from: week, hoursPerWeek: hours)
    }

    /// Attendance: a week that has begun, not before the start, 0–60 hours.
    public func validatedAttendance(started: Day, today: Day) throws(ValidationFailure) -> AttendedHours {
        let (week, hours) = try validated(started: started, range: 0...ActivityHours.maximumAttended, today: today)
        return AttendedHours(week: week, hours: hours)
    }

    private func validated(started: Day, range: ClosedRange<Double>, today: Day?) throws(ValidationFailure) -> (Week, Double) {
        var failure = ValidationFailure()
        let week = Week(self.week)
        if let week {
            if week.sunday < started { failure.add("week", .beforeStart(started)) }
            if let today, week.monday > today { failure.add("week", .tooFarAhead) }
        } else {
            failure.add("week", self.week.trimmed.isEmpty ? .required : .invalidWeek)
        }
        let hours = ActivityHours.parseHours(self.hours)
        if let hours {
            if !range.contains(hours) { failure.add("hours", .hoursOutOfRange(minimum: range.lowerBound, maximum: range.upperBound)) }
        } else {
            failure.add("hours", self.hours.trimmed.isEmpty ? .required : .notANumber)
        }
        try failure.throwIfAny()
        return (week!, hours!)
    }
}
