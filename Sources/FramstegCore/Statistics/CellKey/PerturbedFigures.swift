/// Figures computed beside counts published by the cell key method.
public enum PerturbedFigures {
    /// A mean of fewer contributors than this is not shown.
    public static let smallestGroupForMean = 5

    /// A share in percent computed from published counts: clamped to 0…100 (the numerator and the
    /// denominator are perturbed apart, so the numerator can come out above it); nil when the
    /// published denominator is 0.
    public static func sharePercent(numerator: Int, denominator: Int) -> Double? {
        guard denominator > 0 else { return nil }
        return min(max(100 * Double(numerator) / Double(denominator), 0), 100)
    }

    /// Whether a mean over `count` contributors (the true number, not the published one) may be shown.
    public static func meanIsPublishable(count: Int) -> Bool { count >= smallestGroupForMean }
}
