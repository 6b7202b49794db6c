/// What the database sums for an instrument followed by occasion: per occasion, subscale and
/// gender, how many scores and their sum in hundredths.
public struct OccasionScoreGroup: Hashable, Sendable {
    public let occasion: MeasurementOccasion
    public let scaleID: String
    public let gender: Gender
    public let count: Int
    public let scoreSum: Int
    /// The measured participants' record keys summed modulo 2³² (one per score).
    public let keySum: UInt32

    public init(occasion: MeasurementOccasion, scaleID: String, gender: Gender, count: Int, scoreSum: Int, keySum: UInt32) {
        self.occasion = occasion
        self.scaleID = scaleID
        self.gender = gender
        self.count = count
        self.scoreSum = scoreSum
        self.keySum = keySum
    }
}

/// KASAM at start, midway and exit: the mean score of every subscale (and the total) of the
/// measurements taken in the period, by occasion and gender. A periodic measurement is the midway
/// one; measurements at other occasions are left out. Means need five measurements behind them.
public struct OccasionMeans: Sendable {
    public static let occasions: [MeasurementOccasion] = [.start, .periodic, .exit]

    public struct Row: Sendable {
        public let occasion: MeasurementOccasion
        public let scaleID: String
        /// By gender, then everyone (nil key); hidden values are absent.
        public let mean: [Gender?: Double]
    }

    public let rows: [Row]
    /// Measurements per occasion (rows in `occasions` order) by gender.
    public let measured: CrossTable

    public init(_ groups: [OccasionScoreGroup], scales: [String], publication: Publication) {
        func mean(_ part: [OccasionScoreGroup]) -> Double? {
            ProtectedMean.of(part.map { ($0, $0.scoreSum, $0.count) }, publication: publication).map { $0 / 100 }
        }
        rows = Self.occasions.flatMap { occasion in
            scales.map { scale in
                let part = groups.filter { $0.occasion == occasion && $0.scaleID == scale }
                var means: [Gender?: Double] = [:]
                means[nil] = mean(part)
                for gender in Gender.allCases { means[gender] = mean(part.filter { $0.gender == gender }) }
                return Row(occasion: occasion, scaleID: scale, mean: means)
            }
        }
        // Every scored measurement has its first scale, so that scale's counts are the measurements.
        let counted = groups.filter { $0.scaleID == scales.first }
        measured = CrossTable(
            rows: Self.occasions.map(\.rawValue),
            byGender: Self.occasions.map { occasion in
                Dictionary(grouping: counted.filter { $0.occasion == occasion }, by: \.gender).mapValues {
                    $0.reduce(.zero) { $0 + Tally(count: $1.count, key: $1.keySum) }
                }
            },
            publication: publication
        )
    }
}
