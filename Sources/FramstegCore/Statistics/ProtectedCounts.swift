/// Counts of persons published together with sums of them, protected so that no count of 1–4
/// persons can be read or worked out.
///
/// The table is a list of cells and the sums that are published between them (a row total is the
/// sum of its cells, a share positive is the sum of the positive cells over its base, and so on).
/// Cells of 1 to `smallest − 1` are hidden first (primary suppression). Then, for as long as it is
/// needed, more cells are hidden (complementary suppression):
/// - a published sum with exactly one hidden cell among its terms and itself gives that cell away by
///   subtraction, so the smallest other cell of the sum is hidden too;
/// - any other combination of sums that still pins down a hidden small cell (found by solving the
///   published sums as a linear system) has one more cell hidden.
/// A count of 0 is no person and is shown, unless it is hidden to protect another cell.
public struct ProtectedCounts: Sendable, Hashable {
    /// A published sum: `total` is the cell holding the sum of the cells `parts`.
    public struct Sum: Sendable, Hashable {
        public let total: Int
        public let parts: [Int]

        public init(total: Int, parts: [Int]) {
            self.total = total
            self.parts = parts
        }
    }

    /// Groups smaller than this are never shown.
    public static let smallestGroup = 5

    public let values: [Int]
    public let sums: [Sum]
    /// Figures computed from the others only to be published beside them (a share positive and
    /// its base): hidden first when a sum needs one more hidden cell.
    public let derived: Set<Int>
    public private(set) var hidden: Set<Int>

    public init(values: [Int], sums: [Sum], derived: Set<Int> = [], smallestGroup: Int = ProtectedCounts.smallestGroup) {
        self.values = values
        self.sums = sums
        self.derived = derived
        let sensitive = Set(values.indices.filter { (1..<smallestGroup).contains(values[$0]) })
        hidden = sensitive
        while true {
            while let sum = sums.first(where: { sum in ([sum.total] + sum.parts).count(where: hidden.contains) == 1 }) {
                hideAnother(in: sum)
            }
            guard let exposed = Self.determined(among: sensitive, values: values, hidden: hidden, sums: sums),
                  let sum = sums.first(where: { ([$0.total] + $0.parts).contains(exposed) && hasCandidate(in: $0) })
            else { break }
            hideAnother(in: sum)
        }
        // The greedy choices above may hide more than needed: show again every complement the
        // table stays protected without, the answers first and the largest first.
        let complements = hidden.subtracting(sensitive).sorted { (derived.contains($0) ? 1 : 0, -values[$0], $0) < (derived.contains($1) ? 1 : 0, -values[$1], $1) }
        for cell in complements {
            var trial = hidden
            trial.remove(cell)
            if Self.isProtected(sensitive: sensitive, values: values, hidden: trial, sums: sums) { hidden = trial }
        }
    }

    /// No published sum leaves exactly one hidden cell, and no small cell can be worked out.
    static func isProtected(sensitive: Set<Int>, values: [Int], hidden: Set<Int>, sums: [Sum]) -> Bool {
        sums.allSatisfy { sum in ([sum.total] + sum.parts).count(where: hidden.contains) != 1 }
            && determined(among: sensitive, values: values, hidden: hidden, sums: sums) == nil
    }

    /// The count when it may be shown; nil when it is hidden ("<5").
    public func shown(_ cell: Int) -> Int? { hidden.contains(cell) ? nil : values[cell] }

    public func isHidden(_ cell: Int) -> Bool { hidden.contains(cell) }

    private func hasCandidate(in sum: Sum) -> Bool { ([sum.total] + sum.parts).contains { !hidden.contains($0) } }

    /// Hides a derived figure of the sum if one is shown (a share's base rather than an answer; a
    /// part's before the sum's own, the smallest first);
    /// else a shown part with someone in it, preferring one that also completes another sum left
    /// with a single hidden cell, then the smallest; else an empty part, else the total.
    /// Complements with someone in them keep every hidden cell at 1 or more, so the hidden cells
    /// can always move by one each way: an empty cell hidden beside them could be pinned at 0.
    private mutating func hideAnother(in sum: Sum) {
        let alreadyHidden = hidden
        let open = sum.parts.filter { !alreadyHidden.contains($0) }
        func mendsAnother(_ cell: Int) -> Bool {
            sums.contains { other in
                other != sum && ([other.total] + other.parts).contains(cell) && ([other.total] + other.parts).count(where: alreadyHidden.contains) == 1
            }
        }
        let filled = open.filter { values[$0] > 0 }
        let openTotal = alreadyHidden.contains(sum.total) ? [] : [sum.total]
        let choice = open.filter(derived.contains).min { values[$0] < values[$1] } ?? openTotal.first(where: derived.contains)
            ?? filled.min { (mendsAnother($0) ? 0 : 1, values[$0]) < (mendsAnother($1) ? 0 : 1, values[$1]) } ?? open.first ?? sum.total
        hidden.insert(choice)
    }

    /// The first sensitive hidden cell that the published sums determine exactly, if any.
    ///
    /// Counts are never negative, so hidden parts of a shown sum that come to 0 are all 0: those
    /// are known first. The other hidden cells are the unknowns; each sum is a linear equation in
    /// them. A cell is determined exactly when its unit vector lies in the row space of those
    /// equations, which in reduced row echelon form means some row is that unit vector.
    static func determined(among sensitive: Set<Int>, values: [Int], hidden: Set<Int>, sums: [Sum]) -> Int? {
        var known = Set<Int>()
        var changed = true
        while changed {
            changed = false
            for sum in sums where !hidden.contains(sum.total) || known.contains(sum.total) {
                let open = sum.parts.filter { hidden.contains($0) && !known.contains($0) }
                if !open.isEmpty, open.allSatisfy({ values[$0] == 0 }) {
                    known.formUnion(open)
                    changed = true
                }
            }
        }
        let unknowns = hidden.subtracting(known).sorted()
        guard !unknowns.isEmpty, !sensitive.isEmpty else { return nil }
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        var rows: [[Fraction]] = sums.compactMap { sum in
            var row = Array(repeating: Fraction.zero, count: unknowns.count)
            var any = false
            for part in sum.parts { if let index = column[part] { row[index] = row[index] + .one; any = true } }
            if let index = column[sum.total] { row[index] = row[index] - .one; any = true }
            return any ? row : nil
        }
        var pivotRow = 0
        for pivotColumn in unknowns.indices where pivotRow < rows.count {
            guard let found = (pivotRow..<rows.count).first(where: { !rows[$0][pivotColumn].isZero }) else { continue }
            rows.swapAt(pivotRow, found)
            let pivot = rows[pivotRow][pivotColumn]
            rows[pivotRow] = rows[pivotRow].map { $0 / pivot }
            for other in rows.indices where other != pivotRow && !rows[other][pivotColumn].isZero {
                let factor = rows[other][pivotColumn]
                rows[other] = zip(rows[other], rows[pivotRow]).map { $0 - factor * $1 }
            }
            pivotRow += 1
        }
        for row in rows.prefix(pivotRow) {
            let nonZero = row.indices.filter { !row[$0].isZero }
            if nonZero.count == 1, sensitive.contains(unknowns[nonZero[0]]) { return unknowns[nonZero[0]] }
        }
        return nil
    }
}

/// An exact fraction for the elimination above: the tables are small and exactness matters more than speed.
struct Fraction: Hashable, Sendable {
    let numerator: Int
    let denominator: Int

    static let zero = Fraction(0, 1)
    static let one = Fraction(1, 1)

    init(_ numerator: Int, _ denominator: Int) {
        let divisor = Self.gcd(abs(numerator), abs(denominator))
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    var isZero: Bool { numerator == 0 }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    static func + (l: Fraction, r: Fraction) -> Fraction { Fraction(l.numerator * r.denominator + r.numerator * l.denominator, l.denominator * r.denominator) }
    static func - (l: Fraction, r: Fraction) -> Fraction { Fraction(l.numerator * r.denominator - r.numerator * l.denominator, l.denominator * r.denominator) }
    static func * (l: Fraction, r: Fraction) -> Fraction { Fraction(l.numerator * r.numerator, l.denominator * r.denominator) }
    static func / (l: Fraction, r: Fraction) -> Fraction { Fraction(l.numerator * r.denominator, l.denominator * r.numerator) }
}
