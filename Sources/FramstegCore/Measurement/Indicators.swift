/// What a spider chart, a trend line and an action-plan goal follow for one instrument: either the
/// items of its first subscale (BIP's six ratings, Livshjulet's eight areas) or, when those are too
/// many for one chart, its subscales as a mean per item (KASAM's three).
public struct IndicatorSet: Hashable, Sendable {
    public struct Indicator: Hashable, Sendable {
        /// An item id or a subscale id, unique within the instrument.
        public let id: String
        public let label: LocalizedText
        /// The items it is computed from (one for an item indicator).
        public let itemIDs: [String]
    }

    public let indicators: [Indicator]
    /// The scale every indicator is read on.
    public let scale: ClosedRange<Int>

    public static let axisRange = 3...12
}

extension Instrument {
    /// The instrument's indicators, or nil when nothing in it can be drawn (fewer than three
    /// comparable values, or choice scales only).
    public var indicatorSet: IndicatorSet? {
        for subscale in scoredScales {
            let members = subscale.itemIDs.compactMap(item)
            guard IndicatorSet.axisRange.contains(members.count), let scale = Self.sharedNumericScale(of: members) else { continue }
            return IndicatorSet(indicators: members.map { .init(id: $0.id, label: $0.label, itemIDs: [$0.id]) }, scale: scale)
        }
        guard IndicatorSet.axisRange.contains(subscales.count) else { return nil }
        var scales: [ClosedRange<Int>] = []
        for subscale in subscales {
            guard let scale = Self.sharedNumericScale(of: subscale.itemIDs.compactMap(item)) else { return nil }
            scales.append(scale)
        }
        guard let scale = scales.first, scales.allSatisfy({ $0 == scale }) else { return nil }
        return IndicatorSet(indicators: subscales.map { .init(id: $0.id, label: $0.title, itemIDs: $0.itemIDs) }, scale: scale)
    }

    /// Each indicator's value in one measurement: the item's score, or the mean of a subscale's
    /// answered item scores (reverse scoring applied); nil where nothing was answered.
    public func indicatorValues(_ answers: [String: Answer]) -> [Double?] {
        guard let set = indicatorSet else { return [] }
        return set.indicators.map { indicator in
            let values = indicator.itemIDs.compactMap { itemScore($0, answers[$0]) }
            guard !values.isEmpty else { return nil }
            return ((values.reduce(0, +) / Double(values.count)) * 100).rounded() / 100
        }
    }

    private static func sharedNumericScale(of items: [InstrumentItem]) -> ClosedRange<Int>? {
        var range: ClosedRange<Int>?
        for item in items {
            guard case .numeric(let min, let max, _) = item.scale else { return nil }
            if let range, range != min...max { return nil }
            range = min...max
        }
        return range
    }

    /// The respondent's items in screens of at most `perScreen`, in the definition's order: what
    /// participant mode shows one screen at a time.
    public func screens(for respondent: Respondent, perScreen: Int = 3) -> [[InstrumentItem]] {
        let own = items(for: respondent)
        let size = max(1, perScreen)
        return stride(from: 0, to: own.count, by: size).map { Array(own[$0..<min($0 + size, own.count)]) }
    }

    /// Whether the answers so far complete the measurement: every item of both respondents answered.
    public func isComplete(_ answers: [String: Answer]) -> Bool {
        Respondent.allCases.allSatisfy { unanswered(by: $0, in: answers).isEmpty }
    }
}

extension Instrument {
    /// The indicator values by indicator id, only those answered.
    public func indicatorMap(_ answers: [String: Answer]) -> [String: Double] {
        guard let set = indicatorSet else { return [:] }
        var map: [String: Double] = [:]
        for (indicator, value) in zip(set.indicators, indicatorValues(answers)) { if let value { map[indicator.id] = value } }
        return map
    }
}
