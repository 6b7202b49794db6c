import Foundation

/// One of the goals an association's board sets for its follow-up, year by year ("med årlig
/// justering", seed 000). Each has a level: a share in whole percent, a number of days or a
/// number of referrals.
public enum GoalKind: String, CaseIterable, Sendable, Hashable {
    /// At least this share of the budgeted places used: participants enrolled some time in the
    /// year against the places budgeted for it (per municipality in its own report).
    case placesUsed = "places-used"
    /// At least this share of active participants with a progression measurement.
    case measurementCoverage = "measurement-coverage"
    /// A start within this many days of registration; the result is the mean wait.
    case waitingDays = "waiting-days"
    /// At least this share of those measured twice improved on as many areas as the instrument
    /// asks (Livshjulet: at least 3 of 8, seed 004's 75 %).
    case improved
    /// At least this share of those who ended left for work or studies.
    case workOrStudies = "work-or-studies"
    /// At least this share answering the exit survey's goal questions positively (which questions
    /// and which answers count is the survey's own definition; without this goal its share is used).
    case exitSurvey = "exit-survey"
    /// At least this many referrals to a unit in the year: set per unit.
    case referrals

    public enum Measure: Sendable { case share, days, count }

    public var measure: Measure {
        switch self {
        case .placesUsed, .measurementCoverage, .improved, .workOrStudies, .exitSurvey: .share
        case .waitingDays: .days
        case .referrals: .count
        }
    }

    /// Whether the result grows through the year (people enrolled, referrals received), so that
    /// an interim report compares it with the part of the goal for the time that has passed.
    public var accumulates: Bool { self == .placesUsed || self == .referrals }

    /// Whether a result at or above the level meets the goal (a wait meets it at or below). A
    /// share is judged as the report prints it, in whole percent: 74.6 % reads 75 % and meets 75 %.
    public func isMet(_ result: Double, level: Double) -> Bool {
        switch measure {
        case .days: result <= level
        case .share: (result * 100).rounded() >= (level * 100).rounded()
        case .count: result >= level - 1e-9
        }
    }

    /// The largest level a board may set.
    public var maximum: Int {
        switch measure {
        case .share: 100
        case .days: 365
        case .count: 100_000
        }
    }

    /// The kinds set for the association as a whole (referrals are set per unit).
    public static let associationWide: [GoalKind] = allCases.filter { $0 != .referrals }
}

/// One decision of the board: from `year` on (until a later year's), `kind` (for `unitID` when it
/// is set per unit) is `level`, or no goal at all when `level` is nil. Decisions are never
/// changed: a new one is added, so the history of every goal is kept.
public struct GoalSetting: Hashable, Sendable {
    public let kind: GoalKind
    public let year: Int
    public let unitID: UnitID?
    /// A share as a fraction (0.8), days or a count; nil: the goal was removed from this year.
    public let level: Double?
    public let setAt: Date
    /// Who set it; nil for goals set before anyone signed in (the demo).
    public let setBy: String?

    public init(kind: GoalKind, year: Int, unitID: UnitID? = nil, level: Double?, setAt: Date, setBy: String? = nil) {
        self.kind = kind
        self.year = year
        self.unitID = unitID
        self.level = level
        self.setAt = setAt
        self.setBy = setBy
    }
}

/// Every goal decision of one association, in the order they were made. A year takes the latest
/// decision for the latest year set at or before it.
public struct AssociationGoals: Sendable, Equatable {
    public let settings: [GoalSetting]

    public init(_ settings: [GoalSetting] = []) { self.settings = settings }

    /// The level of `kind` in force in `year` (for `unit` when set per unit).
    public func level(_ kind: GoalKind, year: Int, unit: UnitID? = nil) -> Double? {
        inForce(kind, year: year, unit: unit)?.level
    }

    /// The decision in force in `year`: of the years set at or before it the latest, and of that
    /// year's decisions the last made.
    public func inForce(_ kind: GoalKind, year: Int, unit: UnitID? = nil) -> GoalSetting? {
        var found: GoalSetting?
        for setting in settings where setting.kind == kind && setting.unitID == unit && setting.year <= year {
            if found == nil || setting.year >= found!.year { found = setting }
        }
        return found
    }

    /// Days from registration to start that the waiting goal allows in `year`, or the common
    /// two weeks (`WaitingTime.goalDays`) when the board has set none.
    public func waitingDays(year: Int) -> Int {
        level(.waitingDays, year: year).map { Int($0) } ?? WaitingTime.goalDays
    }

    /// The decisions newest first, for the goals page's history.
    public var history: [GoalSetting] { settings.reversed() }
}

/// The goals of one year as typed into the goals form: each association-wide goal in whole percent
/// or days, and the referrals agreed with each unit. An empty field means no goal.
public struct GoalsDraft: Sendable, Equatable {
    public var year: String
    public var levels: [GoalKind: String]
    public var referrals: [UnitID: String]

    public static let years = 2000...2100

    public init(year: String, levels: [GoalKind: String], referrals: [UnitID: String]) {
        self.year = year
        self.levels = levels
        self.referrals = referrals
    }

    /// The year as typed, digits grouped with spaces allowed ("2 026" is 2026).
    var typedYear: String { year.replacingOccurrences(of: " ", with: "") }

    /// The year the form is for, when it is one of `years`.
    public var yearNumber: Int? { Int(typedYear).flatMap { Self.years.contains($0) ? $0 : nil } }

    /// The form field of a goal: `goal-places-used`, or `referrals-12` for unit 12's referrals.
    public static func field(_ kind: GoalKind, unit: UnitID? = nil) -> String {
        unit.map { "referrals-\($0)" } ?? "goal-\(kind.rawValue)"
    }

    /// The decisions this draft makes against the goals in force: only the goals whose level
    /// differs from the one in force for the year (a cleared field removes a goal). Every field is
    /// checked before anything is returned, so nothing is saved half.
    public func decisions(
        against goals: AssociationGoals,
        units: [UnitID],
        at now: Date,
        by name: String?
    ) throws(ValidationFailure) -> [GoalSetting] {
        var failure = ValidationFailure()
        let year = failure.wholeNumber(typedYear, field: "year", in: Self.years)
        var typed: [(GoalKind, UnitID?, Double?)] = []
        func read(_ text: String?, _ kind: GoalKind, _ unit: UnitID?) {
            let field = Self.field(kind, unit: unit)
            var digits = (text ?? "").trimmed.replacingOccurrences(of: " ", with: "")
            if kind.measure == .share, digits.hasSuffix("%") { digits.removeLast() }
            guard !digits.isEmpty else { return typed.append((kind, unit, nil)) }
            guard let whole = failure.wholeNumber(digits, field: field, in: 0...kind.maximum) else { return }
            typed.append((kind, unit, kind.measure == .share ? Double(whole) / 100 : Double(whole)))
        }
        for kind in GoalKind.associationWide { read(levels[kind], kind, nil) }
        for unit in units { read(referrals[unit], .referrals, unit) }
        try failure.throwIfAny()
        return typed.compactMap { kind, unit, level in
            let current = goals.level(kind, year: year!, unit: unit)
            guard !Self.same(current, level) else { return nil }
            return GoalSetting(kind: kind, year: year!, unitID: unit, level: level, setAt: now, setBy: name)
        }
    }

    private static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) < 1e-9
        default: false
        }
    }

    /// The form for `year` filled with the goals in force then.
    public static func inForce(_ goals: AssociationGoals, year: Int, units: [UnitID]) -> GoalsDraft {
        func typed(_ kind: GoalKind, _ unit: UnitID?) -> String {
            guard let level = goals.level(kind, year: year, unit: unit) else { return "" }
            return String(Int((kind.measure == .share ? level * 100 : level).rounded()))
        }
        return GoalsDraft(
            year: String(year),
            levels: Dictionary(uniqueKeysWithValues: GoalKind.associationWide.map { ($0, typed($0, nil)) }),
            referrals: Dictionary(uniqueKeysWithValues: units.map { ($0, typed(.referrals, $0)) })
        )
    }
}

/// How one goal stands in a report: its result against its level, and for a year not yet over
/// whether the result is on track for the part of the year that has passed.
public struct GoalOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// The year is over (or the report is of a whole year that has passed) and the goal was met.
        case met
        case notMet = "not-met"
        /// Part of the year has passed and the result so far keeps pace with the goal.
        case onTrack = "on-track"
        case behind
        /// No result to judge: nobody to count, or the figure is hidden.
        case unknown
    }

    public let kind: GoalKind
    public let unitID: UnitID?
    public let result: Double?
    public let level: Double
    /// What the result is compared with: the level, or for a goal that accumulates over the year
    /// the level's part for the time passed.
    public let levelSoFar: Double
    public let status: Status

    /// - `yearPassed`: the share of the goal's year that has passed by the end of the report (1 for
    ///   a year that is over, 0.5 after its first half).
    public init(kind: GoalKind, unitID: UnitID? = nil, result: Double?, level: Double, yearPassed: Double) {
        self.kind = kind
        self.unitID = unitID
        self.result = result
        self.level = level
        let passed = min(max(yearPassed, 0), 1)
        let isOver = passed >= 1
        levelSoFar = kind.accumulates && !isOver ? level * passed : level
        status =
            if let result {
                kind.isMet(result, level: levelSoFar) ? (isOver ? .met : .onTrack) : (isOver ? .notMet : .behind)
            } else { .unknown }
    }

    /// The share of `year` that has passed by the end of `period` or by `today`, whichever is earlier.
    public static func yearPassed(_ year: Int, period: ReportingPeriod, today: Day) -> Double {
        let whole = ReportingPeriod(kind: .year, year: year)!
        let end = min(period.last, today, whole.last)
        guard end >= whole.first else { return 0 }
        let days = Double(whole.first.days(until: whole.last) + 1)
        return Double(whole.first.days(until: end) + 1) / days
    }
}
