import Foundation

/// One given answer: a number, a choice, or "not answered" where the item allows it.
public enum Answer: Hashable, Sendable {
    case number(Int)
    case choice(String)
    case notAnswered

    /// Stored as text: `7`, `choice:yes`, `-`.
    public var storageValue: String {
        switch self {
        case .number(let value): String(value)
        case .choice(let value): "choice:" + value
        case .notAnswered: "-"
        }
    }

    public init?(storageValue: String) {
        if storageValue == "-" {
            self = .notAnswered
        } else if storageValue.hasPrefix("choice:") {
            self = .choice(String(storageValue.dropFirst(7)))
        } else if let number = Int(storageValue) {
            self = .number(number)
        } else {
            return nil
        }
    }
}

/// Why an answer was refused.
public enum AnswerProblem: Error, Hashable, Sendable {
    case unknownItem
    case outOfRange(min: Int, max: Int)
    case unknownChoice
    case notAnswerable
    case required
}

/// A subscale's (or the total's) result for one measurement.
public struct Score: Hashable, Sendable {
    public let subscaleID: String
    /// Nil when too few items were answered to score.
    public let value: Double?
    public let answered: Int
    public let of: Int
    public let interpretation: LocalizedText?
}

extension Instrument {
    /// Checks one answer against its item; the web layer turns the problem into a sentence.
    public func check(_ answer: Answer, for itemID: String) throws(AnswerProblem) {
        guard let item = item(itemID) else { throw .unknownItem }
        switch (answer, item.scale) {
        case (.notAnswered, _):
            if !item.allowsNotAnswered { throw .notAnswerable }
        case (.number(let value), .numeric(let min, let max, _)):
            if !(min...max).contains(value) { throw .outOfRange(min: min, max: max) }
        case (.choice(let value), .choice(let choices)):
            if !choices.contains(where: { $0.value == value }) { throw .unknownChoice }
        case (.number, .choice):
            throw .unknownChoice
        case (.choice, .numeric(let min, let max, _)):
            throw .outOfRange(min: min, max: max)
        }
    }

    /// The items of `respondent` still without an answer: what keeps a measurement from being complete.
    public func unanswered(by respondent: Respondent, in answers: [String: Answer]) -> [InstrumentItem] {
        items(for: respondent).filter { answers[$0.id] == nil }
    }

    /// The score an answer counts for, reverse scoring applied; nil when it does not count.
    public func itemScore(_ itemID: String, _ answer: Answer?) -> Double? {
        guard let item = item(itemID), let answer else { return nil }
        switch (answer, item.scale) {
        case (.number(let value), .numeric(let min, let max, _)):
            return Double(item.isReversed ? min + max - value : value)
        case (.choice(let value), .choice(let choices)):
            return choices.first { $0.value == value }?.score
        default:
            return nil
        }
    }

    /// Every subscale and the total. A sum with some items missing is prorated (the mean of the
    /// answered items times the number of items) when at least `minimumAnswered` were answered.
    public func scores(_ answers: [String: Answer]) -> [Score] {
        scoredScales.map { subscale in
            let values = subscale.itemIDs.compactMap { itemScore($0, answers[$0]) }
            var value: Double?
            if !values.isEmpty, values.count >= subscale.minimumAnswered {
                let mean = values.reduce(0, +) / Double(values.count)
                value = subscale.method == .mean ? mean : mean * Double(subscale.itemIDs.count)
                value = value.map { ($0 * 100).rounded() / 100 }
            }
            let interpretation = value.flatMap { score in subscale.thresholds.first { score < $0.below }?.text ?? subscale.otherwise }
            return Score(
                subscaleID: subscale.id,
                value: value,
                answered: values.count,
                of: subscale.itemIDs.count,
                interpretation: interpretation
            )
        }
    }

    /// Pairs of items of the participant and the counsellor that rate the same area, for showing
    /// where they disagree.
    public var sharedAreas: [(area: String, participant: InstrumentItem, counsellor: InstrumentItem)] {
        items(for: .participant).compactMap { item in
            guard let area = item.area, let other = items(for: .counsellor).first(where: { $0.area == area }) else { return nil }
            return (area, item, other)
        }
    }
}
