import Foundation

/// The distribution of largest entropy on a few points with given expectations of some features:
/// the exponential family p(x) ∝ exp(Σₖ λₖ·fₖ(x)), its multipliers λ fitted by Newton's method on
/// the convex dual log Z(λ) − λ·targets. Used to build the rows of a `PerturbationTable`.
enum MaximumEntropy {
    /// The probabilities of `points` (in their order). `features[k](x)` is fₖ(x); the targets must lie
    /// strictly inside what distributions on the points can reach, or the multipliers run off to infinity.
    static func fit(points: [Double], features: [(Double) -> Double], targets: [Double]) -> [Double] {
        let values = points.map { point in features.map { $0(point) } }
        var multipliers = Array(repeating: 0.0, count: features.count)
        for _ in 0..<200 {
            let state = evaluate(values, multipliers, targets)
            if state.gradient.allSatisfy({ abs($0) < 1e-14 }) { break }
            guard let step = solve(state.hessian, state.gradient.map { -$0 }) else { break }
            // Backtracking (Armijo) on the dual, so a step from a poor start cannot overshoot.
            let slope = zip(state.gradient, step).reduce(0) { $0 + $1.0 * $1.1 }
            var length = 1.0
            while length > 1e-12 {
                let trial = zip(multipliers, step).map { $0 + length * $1 }
                if evaluate(values, trial, targets).dual <= state.dual + 1e-4 * length * slope {
                    multipliers = trial
                    break
                }
                length /= 2
            }
            if length <= 1e-12 { break }
        }
        return evaluate(values, multipliers, targets).probabilities
    }

    private struct State {
        var probabilities: [Double]
        var dual: Double
        var gradient: [Double]
        var hessian: [[Double]]
    }

    /// The distribution of the multipliers, the dual's value, its gradient (E[f] − targets) and Hessian (Cov f).
    private static func evaluate(_ values: [[Double]], _ multipliers: [Double], _ targets: [Double]) -> State {
        let exponents = values.map { row in zip(row, multipliers).reduce(0) { $0 + $1.0 * $1.1 } }
        let largest = exponents.max() ?? 0
        let weights = exponents.map { exp($0 - largest) }
        let total = weights.reduce(0, +)
        let probabilities = weights.map { $0 / total }
        let count = multipliers.count
        let means = (0..<count).map { k in zip(probabilities, values).reduce(0) { $0 + $1.0 * $1.1[k] } }
        let hessian = (0..<count).map { k in
            (0..<count).map { l in
                zip(probabilities, values).reduce(0) { $0 + $1.0 * ($1.1[k] - means[k]) * ($1.1[l] - means[l]) }
            }
        }
        let dual = largest + log(total) - zip(multipliers, targets).reduce(0) { $0 + $1.0 * $1.1 }
        return State(probabilities: probabilities, dual: dual, gradient: zip(means, targets).map { $0 - $1 }, hessian: hessian)
    }

    /// x with a·x = b by Gaussian elimination with partial pivoting; nil when a is singular.
    private static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var rows = zip(a, b).map { $0 + [$1] }
        let count = b.count
        for column in 0..<count {
            guard let pivot = (column..<count).max(by: { abs(rows[$0][column]) < abs(rows[$1][column]) }),
                abs(rows[pivot][column]) > 1e-300
            else { return nil }
            rows.swapAt(column, pivot)
            for row in 0..<count where row != column {
                let factor = rows[row][column] / rows[column][column]
                for entry in column...count { rows[row][entry] -= factor * rows[column][entry] }
            }
        }
        return (0..<count).map { rows[$0][count] / rows[$0][$0] }
    }
}
