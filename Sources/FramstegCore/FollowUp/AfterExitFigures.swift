/// One group of participants who ended in a period, alike in everything follow-up counts after
/// the exit: counted and key-summed by the database for the cell key method.
public struct AfterExitGroup: Hashable, Sendable {
    public let gender: Gender
    public let facts: AfterExit
    /// Whether the next step began within `AfterExit.promptDays` of the exit (nil: no next step with a day).
    public let isPrompt: Bool?
    public let count: Int
    public let keySum: UInt32

    public init(gender: Gender, facts: AfterExit, isPrompt: Bool?, count: Int, keySum: UInt32) {
        self.gender = gender
        self.facts = facts
        self.isPrompt = isPrompt
        self.count = count
        self.keySum = keySum
    }
}

/// The after-exit figures for those who ended in a period, by gender, each count a `Tally`
/// published for the reader: work or studies during participation, the next step and whether it
/// came within two weeks, and the situation 3 and 6 months after. "Not recorded" is a row of its own,
/// so every table adds up to everyone who ended.
public struct AfterExitFigures: Sendable {
    public static let notRecorded = "not-recorded"

    /// Rows "yes", "no", "not-recorded".
    public let during: CrossTable
    /// Rows: each next step, then "not-recorded".
    public let nextStep: CrossTable
    /// Of those with a next step and its day: rows "within" and "later" (than `AfterExit.promptDays`).
    public let prompt: CrossTable
    /// Rows: each situation, then "not-recorded".
    public let after3Months: CrossTable
    public let after6Months: CrossTable

    public init(_ groups: [AfterExitGroup], publication: Publication) {
        func table<Value: Hashable>(_ rows: [String], _ value: (AfterExitGroup) -> Value?, _ key: (Value) -> String) -> CrossTable {
            var tallies: [String: [Gender: Tally]] = [:]
            for group in groups {
                let row = value(group).map(key) ?? Self.notRecorded
                tallies[row, default: [:]][group.gender, default: .zero] += Tally(count: group.count, key: group.keySum)
            }
            return CrossTable(rows: rows, byGender: rows.map { tallies[$0] ?? [:] }, publication: publication)
        }
        during = table(["yes", "no", Self.notRecorded], \.facts.workedOrStudied) { $0 ? "yes" : "no" }
        nextStep = table(NextStepKind.allCases.map(\.rawValue) + [Self.notRecorded], \.facts.nextStep, \.rawValue)
        let situations = FollowUpSituation.allCases.map(\.rawValue) + [Self.notRecorded]
        after3Months = table(situations, \.facts.situationAfter3Months, \.rawValue)
        after6Months = table(situations, \.facts.situationAfter6Months, \.rawValue)
        var prompt: [String: [Gender: Tally]] = [:]
        for group in groups {
            guard let isPrompt = group.isPrompt else { continue }
            prompt[isPrompt ? "within" : "later", default: [:]][group.gender, default: .zero] += Tally(
                count: group.count,
                key: group.keySum
            )
        }
        self.prompt = CrossTable(
            rows: ["within", "later"],
            byGender: ["within", "later"].map { prompt[$0] ?? [:] },
            publication: publication
        )
    }
}
