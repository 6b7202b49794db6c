/// A record's key for the cell key method: a random fraction in [0, 1) given to each participant
/// and each anonymous response when it is created, stored, and never shown.
///
/// The fraction is held in fixed point as `raw / 2³²`, so the key of a cell (the fractional part of
/// the sum of its contributors' keys) is the sum of their raw keys modulo 2³²: exact integer
/// arithmetic, the same on every platform and in every order.
public struct RecordKey: Sendable, Hashable, Comparable, LosslessStringConvertible {
    /// The key as a multiple of 2⁻³².
    public let raw: UInt32

    public init(raw: UInt32) { self.raw = raw }

    /// A new key, uniform over every value `raw` can take.
    public static func random(using generator: inout some RandomNumberGenerator) -> RecordKey {
        RecordKey(raw: UInt32.random(in: .min ... .max, using: &generator))
    }

    /// The key as a fraction in [0, 1), for reading; the method itself works on `raw`.
    public var fraction: Double { Double(raw) / 4_294_967_296 }

    /// The cell key of a cell whose contributors have these keys: their sum modulo 2³².
    public static func cellKey(of contributors: some Sequence<RecordKey>) -> UInt32 {
        contributors.reduce(UInt32(0)) { $0 &+ $1.raw }
    }

    public static func < (lhs: RecordKey, rhs: RecordKey) -> Bool { lhs.raw < rhs.raw }

    // MARK: Storage

    /// The key as the storage layer keeps it (a BIGINT column): 0 ..< 2³².
    public var storedValue: Int64 { Int64(raw) }

    /// The key read back from storage; nil when the stored number is not one (negative or 2³² and above).
    public init?(storedValue: Int64) {
        guard let raw = UInt32(exactly: storedValue) else { return nil }
        self.raw = raw
    }

    /// The stored number in decimal.
    public var description: String { String(raw) }

    /// A key from its decimal text; nil unless the text is a whole number in 0 ..< 2³².
    public init?(_ description: String) {
        guard let raw = UInt32(description) else { return nil }
        self.raw = raw
    }
}
