/// BIP's strongest single factor: the counsellor's belief in the participant (the mean of the two
/// counsellor ratings, 1–10) at the first measurement, in bands.
public enum BeliefBand: String, CaseIterable, Sendable, Hashable {
    case low
    case moderate
    case high
    case notMeasured = "not-measured"

    /// The BIP subscale whose score at the first measurement is the belief at start.
    public static let scaleID = "counsellor"

    /// Low below 4 (the BIP definition's own threshold for "what needs strengthening?"),
    /// moderate below 7, high from 7; from a score in hundredths, or not measured.
    public init(hundredths: Int?) {
        guard let hundredths else {
            self = .notMeasured
            return
        }
        self = hundredths < 400 ? .low : hundredths < 700 ? .moderate : .high
    }
}

/// Participants ended in the period, by gender, outcome and the counsellor's belief at the start,
/// as the database counts them.
public struct BeliefOutcomeGroup: Hashable, Sendable {
    public let gender: Gender
    public let belief: BeliefBand
    public let outcome: ExitOutcome
    public let count: Int
    /// The group's record keys summed modulo 2³².
    public let keySum: UInt32

    public init(gender: Gender, belief: BeliefBand, outcome: ExitOutcome, count: Int, keySum: UInt32) {
        self.gender = gender
        self.belief = belief
        self.outcome = outcome
        self.count = count
        self.keySum = keySum
    }

    var tally: Tally { Tally(count: count, key: keySum) }
}

/// Outcome by belief at start: how many ended with each outcome from each belief band (everyone,
/// so that small cells stay few), and by gender how many ended and how many went to work or studies.
public struct BeliefOutcomes: Sendable {
    /// The outcomes that mean work or studies.
    public static let workOrStudies: Set<ExitOutcome> = [.unsubsidisedWork, .subsidisedWork, .studies]

    /// Rows: belief bands; columns: outcomes.
    public let byOutcome: CrossTable
    /// Rows: per belief band, to work or studies and to something else; columns: genders.
    public let workOrStudiesByGender: CrossTable

    public init(_ groups: [BeliefOutcomeGroup], publication: Publication) {
        func count(_ include: (BeliefOutcomeGroup) -> Bool) -> Tally { groups.filter(include).reduce(.zero) { $0 + $1.tally } }
        byOutcome = CrossTable(
            rows: BeliefBand.allCases.map(\.rawValue),
            columns: ExitOutcome.allCases.map(\.rawValue),
            cells: BeliefBand.allCases.map { band in
                ExitOutcome.allCases.map { outcome in count { $0.belief == band && $0.outcome == outcome } }
            },
            publication: publication
        )
        var rows: [String] = []
        var counts: [[Gender: Tally]] = []
        for band in BeliefBand.allCases {
            for (suffix, toWork) in [("work-or-studies", true), ("other", false)] {
                rows.append(band.rawValue + ":" + suffix)
                var byGender: [Gender: Tally] = [:]
                for gender in Gender.allCases {
                    byGender[gender] = count {
                        $0.belief == band && $0.gender == gender && Self.workOrStudies.contains($0.outcome) == toWork
                    }
                }
                counts.append(byGender)
            }
        }
        workOrStudiesByGender = CrossTable(rows: rows, byGender: counts, publication: publication)
    }

    /// The share to work or studies of a band, for a gender or everyone, from the published counts.
    public func share(_ band: BeliefBand, gender: Gender?) -> Double? {
        let row = BeliefBand.allCases.firstIndex(of: band)! * 2
        let column = gender.map { Gender.allCases.firstIndex(of: $0)! }
        func value(_ row: Int) -> Int? { column.map { workOrStudiesByGender.cell(row, $0) } ?? workOrStudiesByGender.rowTotal(row) }
        guard let yes = value(row), let no = value(row + 1) else { return nil }
        return PerturbedFigures.sharePercent(numerator: yes, denominator: yes + no).map { $0 / 100 }
    }
}
