/// When the progression measurement is due: at the start, then every N weeks (set per unit,
/// 12 unless the unit says otherwise), and before the exit meeting.
public struct MeasurementSchedule: Hashable, Sendable {
    /// The instrument the schedule is about: the BIP progression measurement.
    public static let instrumentID = "bip"
    public static let defaultIntervalWeeks = 12
    public static let intervalRange = 1...52
    /// A measurement this many days before a planned exit meeting counts as the exit measurement.
    public static let exitWindowDays = 14

    public let intervalWeeks: Int

    public init(intervalWeeks: Int = Self.defaultIntervalWeeks) {
        self.intervalWeeks = Self.intervalRange.contains(intervalWeeks) ? intervalWeeks : Self.defaultIntervalWeeks
    }

    /// The next measurement due for a participant enrolled since `started`, given the days of the
    /// measurements already taken with the scheduled instrument and the exit meeting if one is planned.
    public func nextDue(started: Day, taken: [Day], exitMeeting: Day? = nil) -> (occasion: MeasurementOccasion, day: Day) {
        let since = taken.filter { $0 >= started }.sorted()
        if let exitMeeting, !since.contains(where: { $0.days(until: exitMeeting) <= Self.exitWindowDays && $0 <= exitMeeting }) {
            let periodic = since.last.map { $0.adding(days: 7 * intervalWeeks) }
            if since.isEmpty || periodic.map({ exitMeeting <= $0 }) == true { return (.exit, exitMeeting) }
        }
        guard let last = since.last else { return (.start, started) }
        return (.periodic, last.adding(days: 7 * intervalWeeks))
    }

    /// The same, reading the exit meeting from the participant's meetings: the earliest of kind
    /// exit from today on.
    public func nextDue(started: Day, taken: [Day], meetings: [Meeting], today: Day) -> (occasion: MeasurementOccasion, day: Day) {
        nextDue(
            started: started,
            taken: taken,
            exitMeeting: meetings.filter { $0.kind == .exit && $0.status != .cancelled && $0.day >= today }.map(\.day).min()
        )
    }
}
