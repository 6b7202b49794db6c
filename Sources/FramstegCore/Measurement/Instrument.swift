/// A text in both interface languages; Swedish is always given, English falls back to it.
public struct LocalizedText: Hashable, Sendable {
    public let swedish: String
    public let english: String

    public init(swedish: String, english: String) {
        self.swedish = swedish
        self.english = english
    }

    public func text(_ language: Language) -> String {
        language == .english && !english.isEmpty ? english : swedish
    }
}

/// Who answers an item.
public enum Respondent: String, CaseIterable, Sendable, Hashable {
    case participant
    case counsellor
}

/// How an item is answered: a number from min to max (with labels on some or every step), or one
/// of a list of choices, each with the score it counts for (none: it is not scored).
public enum ResponseScale: Hashable, Sendable {
    case numeric(min: Int, max: Int, labels: [Int: LocalizedText])
    case choice([Choice])

    public struct Choice: Hashable, Sendable {
        public let value: String
        public let score: Double?
        public let label: LocalizedText
        /// Counts as a positive answer in a survey's share positive (always, mostly, often).
        public var isPositive = false
        /// "Don't know": shown in the distribution, left out of the share positive's base.
        public var isOutsideShare = false
        /// The answer in the middle of the scale ("Ibland", "Delvis"): positive only where the
        /// association reads its share with the middle answer (`SurveyShareReading.withMiddle`).
        public var isMiddle = false

        public init(
            value: String,
            score: Double?,
            label: LocalizedText,
            isPositive: Bool = false,
            isOutsideShare: Bool = false,
            isMiddle: Bool = false
        ) {
            self.value = value
            self.score = score
            self.label = label
            self.isPositive = isPositive
            self.isOutsideShare = isOutsideShare
            self.isMiddle = isMiddle
        }
    }

    public var choices: [Choice] { if case .choice(let choices) = self { choices } else { [] } }
}

/// One question of an instrument.
public struct InstrumentItem: Hashable, Sendable {
    public let id: String
    public let respondent: Respondent
    public let scale: ResponseScale
    public let text: LocalizedText
    /// A few words for a chart's axis and a table's row; the text itself when the definition has none.
    public let label: LocalizedText
    /// Scored as min + max − answer (only numeric scales).
    public let isReversed: Bool
    /// The respondent may answer "not answered" (vill inte svara / vet inte).
    public let allowsNotAnswered: Bool
    /// Items of different respondents with the same area rate the same thing: their difference is shown.
    public let area: String?
    /// The question that asks the respondent's gender (choices woman, man, other): an anonymous
    /// response keeps only this answer as its gender, so results can be split by it.
    public let asksGender: Bool

    public init(
        id: String,
        respondent: Respondent,
        scale: ResponseScale,
        text: LocalizedText,
        label: LocalizedText? = nil,
        isReversed: Bool = false,
        allowsNotAnswered: Bool = false,
        area: String? = nil,
        asksGender: Bool = false
    ) {
        self.asksGender = asksGender
        self.id = id
        self.respondent = respondent
        self.scale = scale
        self.text = text
        self.label = label ?? text
        self.isReversed = isReversed
        self.allowsNotAnswered = allowsNotAnswered
        self.area = area
    }
}

/// How a subscale (or the total) is computed, and how its score is read.
public struct Subscale: Hashable, Sendable {
    public enum Method: String, Sendable, Hashable {
        case sum
        case mean
    }

    /// A score below `below` reads as `text` (the first threshold that applies).
    public struct Threshold: Hashable, Sendable {
        public let below: Double
        public let text: LocalizedText
    }

    public let id: String
    public let title: LocalizedText
    public let itemIDs: [String]
    public let method: Method
    /// With fewer answered items there is no score; with more, a sum is prorated to all items.
    public let minimumAnswered: Int
    public let thresholds: [Threshold]
    /// What a score at or above every threshold reads as, if anything.
    public let otherwise: LocalizedText?
}

/// A versioned measurement instrument (BIP, Livshjulet, KASAM, …): data, not code.
public struct Instrument: Hashable, Sendable {
    public let id: String
    public let version: Int
    public let title: LocalizedText
    public let description: LocalizedText
    public let items: [InstrumentItem]
    public let subscales: [Subscale]
    /// The total over all scored items, when the instrument has one.
    public let total: Subscale?
    /// Answered without a name: responses are stored apart from every record (see `AnonymousResponse`).
    public var isAnonymous = false
    /// The wording belongs to someone else (the national network): later versions may correct the
    /// scales but not the texts of the questions.
    public var isReadOnly = false
    /// Targets for the share of positive answers (the national goal: 75 % on questions 1 and 5).
    public var shareGoals: [ShareGoal] = []
    /// After answering, the participant is shown the municipality's support contact (violence in close relationships).
    public var showsSupportContact = false
    /// The national delivery whose answers this anonymous survey collects (the violence screening
    /// for NNS): its exact counts per municipality and year go to the office user granted it.
    public var nationalDelivery: NationalDelivery?
    /// What the share positive is called in results ("Andel ja"); "share positive" when not given.
    public var shareLabel: LocalizedText?
    /// Follow-up shows the mean score of each subscale at start, midway and exit (KASAM) rather
    /// than the distance from first to latest measurement.
    public var followedByOccasion = false
    /// Follow-up's goal of improving on at least this many indicators (Livshjulet: 3 of 8 areas).
    public var improvedAtLeast: Int?

    public init(
        id: String,
        version: Int,
        title: LocalizedText,
        description: LocalizedText,
        items: [InstrumentItem],
        subscales: [Subscale],
        total: Subscale?
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.items = items
        self.subscales = subscales
        self.total = total
    }

    public func item(_ id: String) -> InstrumentItem? { items.first { $0.id == id } }
    /// The subscales and then the total: everything that is scored.
    public var scoredScales: [Subscale] { subscales + (total.map { [$0] } ?? []) }
    public func items(for respondent: Respondent) -> [InstrumentItem] { items.filter { $0.respondent == respondent } }
}

/// A target for the share of positive answers to some questions of a survey.
public struct ShareGoal: Hashable, Sendable {
    public let itemIDs: [String]
    /// 0–1: 0.75 for the national goal.
    public let share: Double

    public init(itemIDs: [String], share: Double) {
        self.itemIDs = itemIDs
        self.share = share
    }
}
