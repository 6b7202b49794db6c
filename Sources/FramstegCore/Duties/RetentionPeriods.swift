import Foundation

/// How long an association keeps what Framsteg holds (gallring): a record's personal data for so
/// many months after the journey ended, and the audit log for so many years. Set by the admin
/// within limits: the log at least five years (HSLF-FS 2016:40 4 kap.), nothing beyond a sanity
/// limit; a record at least until the follow-ups after exit are done.
public struct RetentionPeriods: Hashable, Sendable {
    /// Months after the end of the journey before the record's identity and free text are removed.
    public let recordMonths: Int
    /// Years an audit row is kept.
    public let auditYears: Int

    /// The follow-up six months after exit must still find the person; ten years is beyond any plan.
    public static let recordMonthsRange = 6...120
    /// Five years is the legal minimum for the access log; twenty a sanity limit.
    public static let auditYearsRange = 5...20
    /// What an association keeps until its admin decides: two years after exit, the log five years.
    public static let standard = RetentionPeriods(validRecordMonths: 24, auditYears: 5)

    private init(validRecordMonths: Int, auditYears: Int) {
        self.recordMonths = validRecordMonths
        self.auditYears = auditYears
    }

    /// Periods as typed by the admin: whole numbers within the limits, each problem named by field
    /// (`recordMonths`, `auditYears`) with the limits it broke.
    public init(recordMonths: String, auditYears: String) throws(ValidationFailure) {
        var failure = ValidationFailure()
        let months = failure.wholeNumber(recordMonths, field: "recordMonths", in: Self.recordMonthsRange)
        let years = failure.wholeNumber(auditYears, field: "auditYears", in: Self.auditYearsRange)
        guard let months, let years, failure.problems.isEmpty else { throw failure }
        self.init(validRecordMonths: months, auditYears: years)
    }

    /// Periods as stored; values outside the limits (an older, looser version) are brought within them.
    public init(storedRecordMonths: Int, auditYears: Int) {
        self.init(
            validRecordMonths: min(max(storedRecordMonths, Self.recordMonthsRange.lowerBound), Self.recordMonthsRange.upperBound),
            auditYears: min(max(auditYears, Self.auditYearsRange.lowerBound), Self.auditYearsRange.upperBound)
        )
    }

    /// Whether a journey that ended on `ended` is past its retention on `today`.
    public func isDue(endedOn ended: Day, today: Day) -> Bool {
        Self.adding(months: recordMonths, to: ended) <= today
    }

    /// The newest instant an audit row may carry and still be removed on `now`.
    public func auditCutoff(now: Date) -> Date {
        Calendar.swedish.date(byAdding: .year, value: -auditYears, to: now)!
    }

    private static func adding(months: Int, to day: Day) -> Day {
        Day(Calendar.swedish.date(byAdding: .month, value: months, to: day.date)!)
    }
}
