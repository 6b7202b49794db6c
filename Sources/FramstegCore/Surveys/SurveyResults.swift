/// The results of an anonymous survey for a group of responses: per question, the distribution of
/// answers and the share positive, by gender when the survey asks it, protected by `ProtectedCounts`.
/// Fewer than five responses in all give no results at all.
public struct SurveyResults: Sendable {
    /// A row of a question's table: one gender, or everyone.
    public enum Group: Hashable, Sendable {
        case gender(Gender)
        case everyone
    }

    public struct Row: Sendable {
        public let group: Group
        /// Per choice, in the order of `QuestionResult.choices`; nil is hidden ("<5").
        public let counts: [Int?]
        /// Everyone in the row who answered the question; nil is hidden.
        public let total: Int?
        /// Positive answers over answers that count (not "don't know"); nil when hidden or not computable.
        public let positiveShare: Double?
        /// How many answers the share is out of, when it is shown.
        public let shareBase: Int?
    }

    public struct QuestionResult: Sendable {
        public let item: InstrumentItem
        public let choices: [ResponseScale.Choice]
        /// The genders first (when asked), then everyone.
        public let rows: [Row]
        /// The goal for this question's share positive, if the survey sets one.
        public let goal: Double?

        public var everyone: Row { rows[rows.count - 1] }
        /// Whether the goal is met, when there is a goal and a share shown.
        public var meetsGoal: Bool? {
            guard let goal, let share = everyone.positiveShare else { return nil }
            return share >= goal
        }
    }

    public let instrument: Instrument
    /// Every response in the group; the results exist only when this is 5 or more.
    public let responseCount: Int
    /// Responses by gender when the survey asks it (nil when hidden), in `Gender.allCases` order.
    public let byGender: [(gender: Gender, count: Int?)]
    public let questions: [QuestionResult]

    public var isShown: Bool { responseCount >= ProtectedCounts.smallestGroup }

    /// - Parameters:
    ///   - instrument: the newest version: its questions, choices and order are the table's.
    ///   - versions: every version the responses may have been given with (their choices are
    ///     added after the newest's when they differ).
    public init(instrument: Instrument, versions: [Instrument] = [], responses: [AnonymousResponse]) {
        self.instrument = instrument
        let responses = responses.filter { $0.instrumentID == instrument.id }
        responseCount = responses.count
        let asksGender = ([instrument] + versions).contains { $0.items.contains(where: \.asksGender) }
        guard responses.count >= ProtectedCounts.smallestGroup else {
            byGender = []
            questions = []
            return
        }
        let groups: [Group] = asksGender ? Gender.allCases.map(Group.gender) + [.everyone] : [.everyone]
        func group(of response: AnonymousResponse) -> Gender { response.gender ?? .anotherOrNotStated }

        if asksGender {
            let counts = Gender.allCases.map { gender in responses.count { group(of: $0) == gender } }
            let table = ProtectedCounts(
                values: counts + [responses.count],
                sums: [.init(total: counts.count, parts: Array(counts.indices))]
            )
            byGender = Gender.allCases.enumerated().map { ($1, table.shown($0)) }
        } else {
            byGender = []
        }

        let goals = instrument.shareGoals
        questions = instrument.items(for: .participant).filter { !$0.asksGender && !$0.scale.choices.isEmpty }.map { item in
            var choices = item.scale.choices
            for older in versions.compactMap({ $0.item(item.id) }) {
                for choice in older.scale.choices where !choices.contains(where: { $0.value == choice.value }) { choices.append(choice) }
            }
            let counts: [[Int]] = groups.map { row in
                let answers = responses.filter { row == .everyone || row == .gender(group(of: $0)) }.compactMap { $0.answers[item.id] }
                return choices.map { choice in answers.count { $0 == choice.value } }
            }
            let table = QuestionTable(counts: counts, choices: choices)
            // The share's positive count and base give way before any answer does.
            let protected = ProtectedCounts(values: table.values, sums: table.sums, derived: table.derived)
            let rows = groups.indices.map { row in
                let positive = protected.shown(table.positive(row))
                let base = protected.shown(table.base(row))
                let share: Double? =
                    if let positive, let base, base >= ProtectedCounts.smallestGroup { Double(positive) / Double(base) } else { nil }
                return Row(
                    group: groups[row],
                    counts: choices.indices.map { protected.shown(table.cell(row, $0)) },
                    total: protected.shown(table.total(row)),
                    positiveShare: share,
                    shareBase: share == nil ? nil : base
                )
            }
            return QuestionResult(item: item, choices: choices, rows: rows, goal: goals.first { $0.itemIDs.contains(item.id) }?.share)
        }
    }
}

/// The cells of one question's table and the sums published between them. The last row is
/// everyone (the sum of the rows above, when there are any); each row also publishes its total,
/// its positive answers and the base of its share.
struct QuestionTable {
    let rows: Int
    let columns: Int
    private(set) var values: [Int] = []
    private(set) var sums: [ProtectedCounts.Sum] = []

    func cell(_ row: Int, _ column: Int) -> Int { row * columns + column }
    func total(_ row: Int) -> Int { rows * columns + row }
    func positive(_ row: Int) -> Int { rows * columns + rows + row }
    func base(_ row: Int) -> Int { rows * columns + 2 * rows + row }
    var derived: Set<Int> { Set((0..<rows).flatMap { [positive($0), base($0)] }) }

    init(counts: [[Int]], choices: [ResponseScale.Choice]) {
        rows = counts.count
        columns = choices.count
        let positiveColumns = choices.indices.filter { choices[$0].isPositive }
        let baseColumns = choices.indices.filter { !choices[$0].isOutsideShare }
        values = counts.flatMap { $0 }
        values += counts.map { $0.reduce(0, +) }
        values += counts.map { row in positiveColumns.reduce(0) { $0 + row[$1] } }
        values += counts.map { row in baseColumns.reduce(0) { $0 + row[$1] } }
        for row in 0..<rows {
            sums.append(.init(total: total(row), parts: (0..<columns).map { cell(row, $0) }))
            if !positiveColumns.isEmpty { sums.append(.init(total: positive(row), parts: positiveColumns.map { cell(row, $0) })) }
            sums.append(.init(total: base(row), parts: baseColumns.map { cell(row, $0) }))
        }
        let everyone = rows - 1
        if rows > 1 {
            // Everyone is the sum of the gender rows: by column, and for each of the row's figures.
            for column in 0..<columns { sums.append(.init(total: cell(everyone, column), parts: (0..<everyone).map { cell($0, column) })) }
            for figure in [total, positive, base] { sums.append(.init(total: figure(everyone), parts: (0..<everyone).map(figure))) }
        }
    }
}
