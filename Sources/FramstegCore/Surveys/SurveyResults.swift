/// The results of an anonymous survey for a group of responses: per question, the distribution of
/// answers and the share positive, by gender when the survey asks it, every count published through
/// the cell key method (never exactly, for anyone: `FigureAudience`), each response contributing its
/// record key. Fewer than five responses in all give no results at all, but for the exact
/// national delivery (where a batch of answers is released five at a time, so a municipality has
/// none or at least five).
public struct SurveyResults: Sendable {
    /// A row of a question's table: one gender, or everyone.
    public enum Group: Hashable, Sendable {
        case gender(Gender)
        case everyone
    }

    public struct Row: Sendable {
        public let group: Group
        /// Per choice, in the order of `QuestionResult.choices`.
        public let counts: [Int?]
        /// Everyone in the row who answered the question.
        public let total: Int?
        /// Positive answers over answers that count (not "don't know"), from the published counts;
        /// nil when nobody's answer counts.
        public let positiveShare: Double?
        /// How many answers the share is out of (published), when there is a share.
        public let shareBase: Int?
        /// Positive and middle answers ("Ibland", "Delvis") over the same base; nil when the
        /// question's scale has no middle answer, or nobody's answer counts.
        public let withMiddleShare: Double?

        /// The share `reading` counts: with the middle answer where the scale has one.
        public func share(_ reading: SurveyShareReading) -> Double? {
            reading == .withMiddle ? withMiddleShare ?? positiveShare : positiveShare
        }
    }

    public struct QuestionResult: Sendable {
        public let item: InstrumentItem
        public let choices: [ResponseScale.Choice]
        /// The genders first (when asked), then everyone.
        public let rows: [Row]
        /// The goal for this question's share positive, if the survey sets one.
        public let goal: Double?
        /// Which share the goal is judged by (the association's reading).
        public let reading: SurveyShareReading

        public var everyone: Row { rows[rows.count - 1] }
        /// Whether the scale has a middle answer, so that a share with it is shown too.
        public var hasMiddle: Bool { choices.contains(where: \.isMiddle) }
        /// Everyone's share as the goal reads it.
        public var goalShare: Double? { everyone.share(reading) }
        /// Whether the goal is met, when there is a goal and a share shown.
        public var meetsGoal: Bool? {
            guard let goal, let share = goalShare else { return nil }
            return share >= goal
        }
    }

    /// The fewest responses that give results at all.
    public static let smallestGroup = 5

    public let instrument: Instrument
    /// Every response in the group; the results exist only when this is 5 or more.
    public let responseCount: Int
    /// The number of responses as published.
    public let publishedResponseCount: Int
    /// Responses by gender when the survey asks it, in `Gender.allCases` order.
    public let byGender: [(gender: Gender, count: Int?)]
    public let questions: [QuestionResult]

    public var isShown: Bool { responseCount >= Self.smallestGroup }

    /// - Parameters:
    ///   - instrument: the newest version: its questions, choices and order are the table's.
    ///   - versions: every version the responses may have been given with (their choices are
    ///     added after the newest's when they differ).
    ///   - publication: the cell key method (`FigureAudience` never gives survey results exactly).
    ///   - reading: which answers the goal counts (the association's `SurveyShareReading`).
    public init(
        instrument: Instrument,
        versions: [Instrument] = [],
        responses: [AnonymousResponse],
        publication: Publication = .standard,
        reading: SurveyShareReading = .positive
    ) {
        self.instrument = instrument
        let responses = responses.filter { $0.instrumentID == instrument.id }
        responseCount = responses.count
        publishedResponseCount = publication.publish(responses.reduce(.zero) { $0 + Tally(count: 1, key: $1.recordKey.raw) })
        let asksGender = ([instrument] + versions).contains { $0.items.contains(where: \.asksGender) }
        // A national delivery is exact and takes every municipality, none answered included.
        guard responses.count >= Self.smallestGroup || publication.isExact else {
            byGender = []
            questions = []
            return
        }
        let groups: [Group] = asksGender ? Gender.allCases.map(Group.gender) + [.everyone] : [.everyone]
        func group(of response: AnonymousResponse) -> Gender { response.gender ?? .anotherOrNotStated }
        func tally(_ part: some Sequence<AnonymousResponse>) -> Tally {
            part.reduce(.zero) { $0 + Tally(count: 1, key: $1.recordKey.raw) }
        }

        byGender =
            asksGender
            ? Gender.allCases.map { gender in (gender, publication.publish(tally(responses.filter { group(of: $0) == gender }))) } : []

        let goals = instrument.shareGoals
        questions = instrument.items(for: .participant).filter { !$0.asksGender && !$0.scale.choices.isEmpty }.map { item in
            var choices = item.scale.choices
            for older in versions.compactMap({ $0.item(item.id) }) {
                for choice in older.scale.choices where !choices.contains(where: { $0.value == choice.value }) { choices.append(choice) }
            }
            let positive = Set(choices.filter(\.isPositive).map(\.value))
            let middle = Set(choices.filter(\.isMiddle).map(\.value))
            let counted = Set(choices.filter { !$0.isOutsideShare }.map(\.value))
            let rows = groups.map { row in
                let answered = responses.filter { (row == .everyone || row == .gender(group(of: $0))) && $0.answers[item.id] != nil }
                func answering(_ values: Set<String>) -> Int {
                    publication.publish(tally(answered.filter { values.contains($0.answers[item.id]!) }))
                }
                let base = counted.isEmpty ? 0 : answering(counted)
                let share = positive.isEmpty ? nil : PerturbedFigures.sharePercent(numerator: answering(positive), denominator: base)
                // Positive and middle answers are one published count, not two added: a sum of
                // perturbed counts would say more than each count does.
                let withMiddle =
                    middle.isEmpty || positive.isEmpty
                    ? nil : PerturbedFigures.sharePercent(numerator: answering(positive.union(middle)), denominator: base)
                return Row(
                    group: row,
                    counts: choices.map { choice in answering([choice.value]) },
                    total: publication.publish(tally(answered)),
                    positiveShare: share.map { $0 / 100 },
                    shareBase: share == nil ? nil : base,
                    withMiddleShare: withMiddle.map { $0 / 100 }
                )
            }
            return QuestionResult(
                item: item,
                choices: choices,
                rows: rows,
                goal: goals.first { $0.itemIDs.contains(item.id) }?.share,
                reading: reading
            )
        }
    }
}
