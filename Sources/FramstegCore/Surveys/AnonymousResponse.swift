import Foundation

/// One participant's answers to an anonymous survey, as stored: the instrument and version, the
/// unit, the month and, only when the survey asks it as a question, the gender given. Nothing else:
/// no participant, no counsellor, no day or time. Answers are choice values by item id.
public struct AnonymousResponse: Hashable, Sendable {
    public let instrumentID: String
    public let version: Int
    public let unitID: UnitID
    public let month: Month
    public let gender: Gender?
    public let answers: [String: String]
    /// The response's key for the cell key method: drawn when it is given, sealed with it, never shown.
    public let recordKey: RecordKey

    public init(
        instrumentID: String,
        version: Int,
        unitID: UnitID,
        month: Month,
        gender: Gender?,
        answers: [String: String],
        recordKey: RecordKey
    ) {
        self.instrumentID = instrumentID
        self.version = version
        self.unitID = unitID
        self.month = month
        self.gender = gender
        self.answers = answers
        self.recordKey = recordKey
    }

    /// The same response in another month (a batch is released in the month of its newest).
    public func released(in month: Month) -> AnonymousResponse {
        AnonymousResponse(
            instrumentID: instrumentID,
            version: version,
            unitID: unitID,
            month: month,
            gender: gender,
            answers: answers,
            recordKey: recordKey
        )
    }

    /// Builds the response from a finished draft: the gender question's answer becomes the gender
    /// (and is not kept again among the answers); "not answered" is left out.
    public init(
        completing answers: [String: Answer],
        of instrument: Instrument,
        unitID: UnitID,
        month: Month,
        recordKey: RecordKey
    ) {
        var kept: [String: String] = [:]
        var gender: Gender?
        for item in instrument.items(for: .participant) {
            guard case .choice(let value) = answers[item.id] else { continue }
            if item.asksGender { gender = Gender(rawValue: value) } else { kept[item.id] = value }
        }
        self.init(
            instrumentID: instrument.id,
            version: instrument.version,
            unitID: unitID,
            month: month,
            gender: gender,
            answers: kept,
            recordKey: recordKey
        )
    }

    /// The answers as stored: a JSON object with sorted keys, so equal answers are equal text.
    public var encodedAnswers: String {
        let data = try! JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    public static func decodeAnswers(_ text: String) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String] ?? [:]
    }
}

/// A random identifier for a response: 128 bits from the system's generator, hex. It orders nothing
/// and says nothing about when or by whom.
public enum RandomIdentifier {
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }
}
