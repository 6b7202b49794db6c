/// The perturbation table (ptable) of the cell key method: for each true count i, the probability
/// p(i → i + j) of publishing it moved by each deviation j, and for each deviation the interval of
/// cell keys that chooses it.
///
/// Built as the sdcTools `ptable` package builds one for counts (Giessing 2016; Giessing and Tent
/// 2019): each row is the distribution of largest entropy on the deviations j with |j| ≤ D,
/// i + j ≥ 0 and i + j not in 1…js, such that the probabilities sum to 1, the mean deviation is 0
/// and the variance is at most V. Largest entropy under a mean and a variance constraint is the
/// exponential family p(j) ∝ exp(λ₁·j + λ₂·j²); its two multipliers are fitted numerically. Where the
/// constraints leave no room the row is what they force:
/// - i = 0 stays 0 (no one is no one);
/// - i in 1…js cannot stay, so its mass goes down to 0 or up past js; the least variance a mean-0
///   row can have there is a·b (a and b the nearest steps down and up), reached only by the row on
///   those two steps. When V is at most a·b, that is the row (with the defaults i = 1 gives
///   {−1: 2/3, +2: 1/3} and i = 2 gives {−2: 1/3, +1: 2/3}, variance 2, above V);
/// - a row whose allowed deviations are all ≥ 0 (or all ≤ 0) can be unbiased only by staying, so it
///   does (with the defaults i = 3, whose steps down would publish 1 or 2);
/// - a row whose largest-entropy mean-0 distribution already has variance below V keeps it.
/// From i = D + js + 1 on every deviation is allowed, so every larger count shares that row.
///
/// The `ptable` package's optional monotony condition (probabilities rising towards j = 0 from
/// below) is not imposed.
public struct PerturbationTable: Sendable, Hashable {
    /// The table's parameters, with the defaults Framsteg publishes with.
    public struct Parameters: Sendable, Hashable {
        /// D: no published count differs from the true count by more than this. ABS TableBuilder and
        /// the 2021–22 census programmes used small bounds of this order; 2 keeps a published 10
        /// within 8…12.
        public var maximumDeviation: Int
        /// V: the variance of the deviation for counts from D + js + 1 on (and at most that for
        /// smaller counts, except those in 1…js, see the type). 1 is half the variance of the uniform
        /// row on −2…2 (the most noise ±2 allows) and the `ptable` vignette's example for D = 2: the
        /// general row then keeps a count with probability 0.383 and moves it by ±2 with 0.064 each,
        /// and two independent deviations agree (what differencing needs) 27 % of the time.
        public var variance: Double
        /// js: no count from 1 to this is ever published (the smallest groups of people). Must be at
        /// most D, so that such a count can always leave 1…js within the bound.
        public var smallestPublished: Int

        public init(maximumDeviation: Int = 2, variance: Double = 1, smallestPublished: Int = 2) {
            self.maximumDeviation = maximumDeviation
            self.variance = variance
            self.smallestPublished = smallestPublished
        }
    }

    /// One deviation of a row, its probability, and where its interval of cell keys starts.
    public struct Transition: Sendable, Hashable {
        public let deviation: Int
        public let probability: Double
        /// Cell keys from this bound up to the next transition's (2³² after the last) choose this deviation.
        public let lowerBound: UInt32
    }

    /// The deviations of one true count, in rising order, with intervals that cover 0 ..< 2³².
    public struct Row: Sendable, Hashable {
        public let value: Int
        public let transitions: [Transition]

        public func probability(ofDeviation deviation: Int) -> Double {
            transitions.first { $0.deviation == deviation }?.probability ?? 0
        }

        public var meanDeviation: Double { transitions.reduce(0) { $0 + $1.probability * Double($1.deviation) } }

        /// The variance of the deviation about 0 (its mean).
        public var variance: Double {
            transitions.reduce(0) { $0 + $1.probability * Double($1.deviation * $1.deviation) }
        }

        /// The deviation whose interval holds the cell key: integers only, at most 2D + 1 comparisons.
        public func deviation(cellKey: UInt32) -> Int {
            var chosen = transitions[0].deviation
            for transition in transitions.dropFirst() {
                guard transition.lowerBound <= cellKey else { break }
                chosen = transition.deviation
            }
            return chosen
        }
    }

    public let parameters: Parameters
    /// The rows for the true counts 0 through `generalRowValue`.
    public let rows: [Row]

    /// Parameters must have D ≥ 1, 0 ≤ js ≤ D and V > 0 (they are set in code, not by users).
    public init(_ parameters: Parameters = Parameters()) {
        precondition(parameters.maximumDeviation >= 1, "the cell key method needs a maximum deviation of at least 1")
        precondition((0...parameters.maximumDeviation).contains(parameters.smallestPublished), "js must lie in 0…D")
        precondition(parameters.variance > 0, "the variance must be positive")
        self.parameters = parameters
        let general = parameters.maximumDeviation + parameters.smallestPublished + 1
        rows = (0...general).map { Self.row(value: $0, parameters) }
    }

    /// D + js + 1: the smallest count whose row every larger count shares.
    public var generalRowValue: Int { rows.count - 1 }

    public func row(for value: Int) -> Row { rows[min(value, generalRowValue)] }

    /// The deviation to add to a true count with this cell key.
    public func deviation(value: Int, cellKey: UInt32) -> Int { row(for: value).deviation(cellKey: cellKey) }
}

extension PerturbationTable {
    private static func row(value: Int, _ parameters: Parameters) -> Row {
        let bound = parameters.maximumDeviation
        let variance = parameters.variance
        let allowed = (-bound...bound).filter { value + $0 == 0 || value + $0 > parameters.smallestPublished }
        // The nearest steps down and up (the deviations are in rising order).
        guard value > 0, let down = allowed.last(where: { $0 < 0 }), let up = allowed.first(where: { $0 > 0 }) else {
            return Row(value: value, probabilities: [0: 1])
        }
        if !allowed.contains(0), variance <= Double(-down * up) {
            return Row(value: value, probabilities: [down: Double(up) / Double(up - down), up: Double(-down) / Double(up - down)])
        }
        let points = allowed.map(Double.init)
        let unbiased = MaximumEntropy.fit(points: points, features: [{ $0 }], targets: [0])
        let unbiasedVariance = zip(unbiased, points).reduce(0) { $0 + $1.0 * $1.1 * $1.1 }
        let probabilities =
            unbiasedVariance <= variance
            ? unbiased : MaximumEntropy.fit(points: points, features: [{ $0 }, { $0 * $0 }], targets: [0, variance])
        return Row(value: value, probabilities: Dictionary(uniqueKeysWithValues: zip(allowed, probabilities)))
    }
}

extension PerturbationTable.Row {
    /// The row with these probabilities (summing to 1) and their intervals: each deviation's interval
    /// starts at the rounded cumulative probability before it, times 2³².
    fileprivate init(value: Int, probabilities: [Int: Double]) {
        self.value = value
        var cumulative = 0.0
        transitions = probabilities.sorted { $0.key < $1.key }.map { deviation, probability in
            let lowerBound = UInt32(min((cumulative * 4_294_967_296).rounded(), Double(UInt32.max)))
            cumulative += probability
            return PerturbationTable.Transition(deviation: deviation, probability: probability, lowerBound: lowerBound)
        }
    }
}
