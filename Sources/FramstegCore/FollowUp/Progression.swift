/// A participant's first and latest measurement with one instrument, as indicator values, with the
/// interventions they had between the two (BIP's question: which combinations move people).
public struct ProgressSummary: Hashable, Sendable {
    public let participantID: ParticipantID
    public let gender: Gender
    public let firstDay: Day
    public let first: [String: Double]
    public let latestDay: Day
    public let latest: [String: Double]
    public let mix: InterventionMix
    /// The participant's key for the cell key method.
    public let recordKey: RecordKey

    public init(
        participantID: ParticipantID,
        gender: Gender,
        firstDay: Day,
        first: [String: Double],
        latestDay: Day,
        latest: [String: Double],
        mix: InterventionMix = .none,
        recordKey: RecordKey
    ) {
        self.recordKey = recordKey
        self.participantID = participantID
        self.gender = gender
        self.firstDay = firstDay
        self.first = first
        self.latestDay = latestDay
        self.latest = latest
        self.mix = mix
    }

    /// Change per indicator in hundredths, so sums stay whole numbers on every database.
    public func changes(_ indicators: [String]) -> [String: Int] {
        var changes: [String: Int] = [:]
        for id in indicators {
            guard let before = first[id], let after = latest[id] else { continue }
            changes[id] = Int((after * 100).rounded()) - Int((before * 100).rounded())
        }
        return changes
    }

    /// On how many of the indicators the latest value is above the first.
    public func improvedCount(_ indicators: [String]) -> Int {
        changes(indicators).values.count { $0 > 0 }
    }
}

/// What the database sums for distance travelled: per gender, intervention mix and indicator,
/// how many were measured twice and their summed change in hundredths.
public struct IndicatorChangeGroup: Hashable, Sendable {
    public let gender: Gender
    public let mix: InterventionMix
    public let indicatorID: String
    public let count: Int
    public let changeSum: Int
    /// Those whose latest value is above the first, the same, and below it (seed 004's "mätpunkter
    /// som ökat"), each with its record keys for the cell key method.
    public let rose: Tally
    public let unchanged: Tally
    public let fell: Tally

    public init(
        gender: Gender,
        mix: InterventionMix,
        indicatorID: String,
        count: Int,
        changeSum: Int,
        rose: Tally = .zero,
        unchanged: Tally = .zero,
        fell: Tally = .zero
    ) {
        self.gender = gender
        self.mix = mix
        self.indicatorID = indicatorID
        self.count = count
        self.changeSum = changeSum
        self.rose = rose
        self.unchanged = unchanged
        self.fell = fell
    }
}

/// Which way an indicator moved from the first measurement to the latest.
public enum ChangeDirection: String, CaseIterable, Sendable, Hashable {
    case rose
    case unchanged
    case fell

    /// The direction of a change in hundredths.
    public init(_ change: Int) { self = change > 0 ? .rose : change < 0 ? .fell : .unchanged }
}

/// Per gender and intervention mix: how many participants improved on exactly `improvedCount` indicators.
public struct ImprovementGroup: Hashable, Sendable {
    public let gender: Gender
    public let mix: InterventionMix
    public let improvedCount: Int
    public let count: Int
    /// The group's record keys summed modulo 2³².
    public let keySum: UInt32

    public init(gender: Gender, mix: InterventionMix, improvedCount: Int, count: Int, keySum: UInt32) {
        self.gender = gender
        self.mix = mix
        self.improvedCount = improvedCount
        self.count = count
        self.keySum = keySum
    }

    /// The group of those counted in `tally`.
    public init(gender: Gender, mix: InterventionMix, improvedCount: Int, tally: Tally) {
        self.init(gender: gender, mix: mix, improvedCount: improvedCount, count: tally.count, keySum: tally.key)
    }
}

/// Distance travelled: for participants measured at least twice whose latest measurement falls in
/// the period, the mean change per indicator from first to latest, by gender; the share who
/// improved on at least `improvedAtLeast` indicators; and BIP's question, the mean change per
/// rating by the interventions they had in between. Every mean and share needs five participants.
public struct Progression: Sendable {
    public struct Row: Sendable {
        public let indicatorID: String
        /// Mean change by gender, then everyone (nil key); nil values are hidden.
        public let meanChange: [Gender?: Double]
    }

    public let rows: [Row]
    /// Participants measured twice, by gender (protected).
    public let measuredTwice: CrossTable
    /// Improved on at least `improvedAtLeast` indicators, and not, by gender (protected); nil when
    /// the instrument sets no such goal.
    public let improved: CrossTable?
    public let improvedAtLeast: Int?
    /// Participants by intervention mix (rows in `InterventionMix.allCases` order) and gender.
    public let byMix: CrossTable
    /// Mean change per rating (every indicator of every participant in the group) by mix, then by
    /// gender and everyone; hidden when the group has fewer than five participants.
    public let meanChangeByMix: [InterventionMix: [Gender?: Double]]
    /// Per indicator, then for all indicators together (seed 004's "20 av 32 mätpunkter har
    /// ökat"), how many rose, stayed and fell, by gender: rows `indicator/rose`, `indicator/unchanged`,
    /// `indicator/fell` in indicator order, then `all/…`. Each cell published on its own; the rows
    /// overlap (a participant is in one row per indicator), so only row totals are published.
    public let directions: CrossTable

    public init(
        changes: [IndicatorChangeGroup],
        improvement: [ImprovementGroup],
        indicators: [String],
        improvedAtLeast: Int?,
        publication: Publication
    ) {
        self.improvedAtLeast = improvedAtLeast
        func participants(_ groups: [ImprovementGroup]) -> [Gender: Tally] {
            Dictionary(grouping: groups, by: \.gender).mapValues { $0.reduce(.zero) { $0 + Tally(count: $1.count, key: $1.keySum) } }
        }
        func mean(_ groups: [IndicatorChangeGroup]) -> Double? {
            ProtectedMean.of(groups.map { ($0, $0.changeSum, $0.count) }, publication: publication).map { $0 / 100 }
        }
        rows = indicators.map { indicator in
            let groups = changes.filter { $0.indicatorID == indicator }
            var means: [Gender?: Double] = [:]
            means[nil] = mean(groups)
            for gender in Gender.allCases { means[gender] = mean(groups.filter { $0.gender == gender }) }
            return Row(indicatorID: indicator, meanChange: means)
        }
        measuredTwice = CrossTable(rows: ["measured-twice"], byGender: [participants(improvement)], publication: publication)
        improved = improvedAtLeast.map { least in
            CrossTable(
                rows: ["improved", "not-improved"],
                byGender: [
                    participants(improvement.filter { $0.improvedCount >= least }),
                    participants(improvement.filter { $0.improvedCount < least }),
                ],
                publication: publication
            )
        }
        byMix = CrossTable(
            rows: InterventionMix.allCases.map(\.rawValue),
            byGender: InterventionMix.allCases.map { mix in participants(improvement.filter { $0.mix == mix }) },
            publication: publication
        )
        var byMixMeans: [InterventionMix: [Gender?: Double]] = [:]
        for mix in InterventionMix.allCases {
            // The group is the participants, not their ratings: five people, however many indicators.
            let people = participants(improvement.filter { $0.mix == mix })
            let groups = changes.filter { $0.mix == mix && indicators.contains($0.indicatorID) }
            func perRating(_ part: [IndicatorChangeGroup], persons: Int) -> Double? {
                let ratings = part.reduce(0) { $0 + $1.count }
                guard ProtectedMean.isShown(count: persons, publication), ratings > 0 else { return nil }
                return Double(part.reduce(0) { $0 + $1.changeSum }) / Double(ratings) / 100
            }
            var means: [Gender?: Double] = [:]
            means[nil] = perRating(groups, persons: people.values.reduce(0) { $0 + $1.count })
            for gender in Gender.allCases {
                means[gender] = perRating(groups.filter { $0.gender == gender }, persons: people[gender]?.count ?? 0)
            }
            byMixMeans[mix] = means
        }
        meanChangeByMix = byMixMeans
        var directionRows: [String] = []
        var directionCells: [[Tally]] = []
        for indicator in indicators + ["all"] {
            let groups =
                indicator == "all" ? changes.filter { indicators.contains($0.indicatorID) } : changes.filter { $0.indicatorID == indicator }
            for direction in ChangeDirection.allCases {
                directionRows.append(indicator + "/" + direction.rawValue)
                directionCells.append(
                    Gender.allCases.map { gender in
                        groups.filter { $0.gender == gender }.reduce(.zero) { total, group in
                            total + (direction == .rose ? group.rose : direction == .fell ? group.fell : group.unchanged)
                        }
                    }
                )
            }
        }
        directions = CrossTable(
            rows: directionRows,
            columns: Gender.allCases.map(\.rawValue),
            cells: directionCells,
            withColumnTotals: false,
            publication: publication
        )
    }

    /// The same figures counted from the summaries themselves (what the database's sums must equal).
    public init(
        _ summaries: [ProgressSummary],
        indicators: [String],
        period: ReportingPeriod,
        improvedAtLeast: Int? = 3,
        publication: Publication
    ) {
        let pairs = summaries.filter { $0.firstDay < $0.latestDay && period.contains($0.latestDay) }
        let (changes, improvement) = Self.groups(pairs, indicators: indicators)
        self.init(
            changes: changes,
            improvement: improvement,
            indicators: indicators,
            improvedAtLeast: improvedAtLeast,
            publication: publication
        )
    }

    /// The sums of summaries, grouped as the database groups them.
    public static func groups(_ summaries: [ProgressSummary], indicators: [String]) -> ([IndicatorChangeGroup], [ImprovementGroup]) {
        struct ChangeKey: Hashable { let gender: Gender, mix: InterventionMix, indicator: String }
        struct ImprovementKey: Hashable { let gender: Gender, mix: InterventionMix, improved: Int }
        var changes: [ChangeKey: (count: Int, sum: Int, directions: [ChangeDirection: Tally])] = [:]
        var improvement: [ImprovementKey: Tally] = [:]
        for summary in summaries {
            for (indicator, change) in summary.changes(indicators) {
                let key = ChangeKey(gender: summary.gender, mix: summary.mix, indicator: indicator)
                changes[key, default: (0, 0, [:])].count += 1
                changes[key, default: (0, 0, [:])].sum += change
                changes[key, default: (0, 0, [:])].directions[ChangeDirection(change), default: .zero] += Tally(
                    count: 1,
                    key: summary.recordKey.raw
                )
            }
            improvement[
                ImprovementKey(gender: summary.gender, mix: summary.mix, improved: summary.improvedCount(indicators)),
                default: .zero
            ] += Tally(count: 1, key: summary.recordKey.raw)
        }
        return (
            changes.map {
                IndicatorChangeGroup(
                    gender: $0.key.gender,
                    mix: $0.key.mix,
                    indicatorID: $0.key.indicator,
                    count: $0.value.count,
                    changeSum: $0.value.sum,
                    rose: $0.value.directions[.rose] ?? .zero,
                    unchanged: $0.value.directions[.unchanged] ?? .zero,
                    fell: $0.value.directions[.fell] ?? .zero
                )
            },
            improvement.map { ImprovementGroup(gender: $0.key.gender, mix: $0.key.mix, improvedCount: $0.key.improved, tally: $0.value) }
        )
    }
}
