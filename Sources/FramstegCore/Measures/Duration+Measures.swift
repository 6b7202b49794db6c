extension Duration {
    /// The duration in seconds, as a fraction (for reports and logs).
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// The duration in milliseconds, as a fraction.
    public var inMilliseconds: Double { inSeconds * 1000 }
}
