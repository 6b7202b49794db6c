/// A participant's first and latest measurement with one instrument, as indicator values.
public struct ProgressSummary: Hashable, Sendable {
    public let participantID: ParticipantID
    public let gender: Gender
    public let firstDay: Day
    public let first: [String: Double]
    public let latestDay: Day
    public let latest: [String: Double]

    public init(participantID: ParticipantID, gender: Gender, firstDay: Day, first: [String: Double], latestDay: Day, latest: [String: Double]) {
        self.participantID = participantID
        self.gender = gender
        self.firstDay = firstDay
        self.first = first
        self.latestDay = latestDay
        self.latest = latest
    }
}

/// Distance travelled: for participants measured at least twice whose latest measurement falls in
/// the period, the mean change per indicator from first to latest, by gender,
/// and the share who improved on at least `improvedAreas` indicators. Every mean and share needs
/// five participants behind it.
public struct Progression: Sendable {
    public struct Row: Sendable {
        public let indicatorID: String
        /// Mean change by gender, then everyone (nil key); nil values are hidden.
        public let meanChange: [Gender?: Double]
    }

    public let rows: [Row]
    /// Participants measured twice, by gender (protected).
    public let measuredTwice: CrossTable
    /// Improved on at least `improvedAreas` indicators, and not, by gender (protected).
    public let improved: CrossTable
    public let improvedAreas: Int

    public init(_ summaries: [ProgressSummary], indicators: [String], period: ReportingPeriod, improvedAreas: Int = 3) {
        let pairs = summaries.filter { $0.firstDay < $0.latestDay && period.contains($0.latestDay) }
        self.improvedAreas = improvedAreas
        rows = indicators.map { indicator in
            var means: [Gender?: Double] = [:]
            let changes = pairs.compactMap { pair -> (Gender, Int, Int)? in
                guard let first = pair.first[indicator], let latest = pair.latest[indicator] else { return nil }
                // Hundredths, so the sums stay whole numbers.
                return (pair.gender, Int(((latest - first) * 100).rounded()), 1)
            }
            for gender in Gender.allCases { means[gender] = ProtectedMean.of(changes.filter { $0.0 == gender }).map { $0 / 100 } }
            means[nil] = ProtectedMean.of(changes).map { $0 / 100 }
            return Row(indicatorID: indicator, meanChange: means)
        }
        func byGender(_ group: [ProgressSummary]) -> [Gender: Int] { Dictionary(grouping: group, by: \.gender).mapValues(\.count) }
        measuredTwice = CrossTable(rows: ["measured-twice"], byGender: [byGender(pairs)])
        let better = pairs.filter { pair in indicators.count { id in (pair.latest[id] ?? 0) > (pair.first[id] ?? .infinity) } >= improvedAreas }
        improved = CrossTable(rows: ["improved", "not-improved"], byGender: [byGender(better), byGender(pairs.filter { !better.contains($0) })])
    }
}
