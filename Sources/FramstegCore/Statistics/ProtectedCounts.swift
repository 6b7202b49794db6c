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
        var suppression = Suppression(values: values, sums: sums, derived: derived, smallestGroup: smallestGroup)
        suppression.run()
        hidden = suppression.hidden
    }

    /// No published sum leaves exactly one hidden cell, and no small cell can be worked out.
    static func isProtected(sensitive: Set<Int>, values: [Int], hidden: Set<Int>, sums: [Sum]) -> Bool {
        sums.allSatisfy { sum in ([sum.total] + sum.parts).count(where: hidden.contains) != 1 }
            && determined(among: sensitive, values: values, hidden: hidden, sums: sums) == nil
    }

    /// The count when it may be shown; nil when it is hidden ("<5").
    public func shown(_ cell: Int) -> Int? { hidden.contains(cell) ? nil : values[cell] }

    public func isHidden(_ cell: Int) -> Bool { hidden.contains(cell) }

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
        // Each sum with an unknown in it is an equation; sums that share no unknown are independent,
        // so the equations are solved per connected group of unknowns (a page of many tables has
        // many small groups instead of one large system).
        var equations: [[Int: Int]] = []
        var root = Array(unknowns.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while root[x] != x {
                root[x] = root[root[x]]
                x = root[x]
            }
            return x
        }
        for sum in sums {
            var equation: [Int: Int] = [:]
            for part in sum.parts { if let index = column[part] { equation[index, default: 0] += 1 } }
            if let index = column[sum.total] { equation[index, default: 0] -= 1 }
            equation = equation.filter { $0.value != 0 }
            guard let first = equation.keys.first else { continue }
            for other in equation.keys { root[find(other)] = find(first) }
            equations.append(equation)
        }
        var byGroup: [Int: [[Int: Int]]] = [:]
        for equation in equations { byGroup[find(equation.keys.first!), default: []].append(equation) }
        // The lowest such cell over all groups, as one elimination over everything would find it.
        return byGroup.values.compactMap { group -> Int? in
            let members = Set(group.flatMap(\.keys)).sorted()
            guard members.contains(where: { sensitive.contains(unknowns[$0]) }) else { return nil }
            return solve(group, members: members).first { sensitive.contains(unknowns[$0]) }
        }.min().map { unknowns[$0] }
    }

    /// The unknowns among `members` that the equations pin down: those whose unit vector is a row
    /// of the reduced row echelon form. Worked in the integers modulo the prime 2⁶¹ − 1: the
    /// coefficients are small whole numbers, so the rows' span is the same as over the rationals
    /// unless the prime divides one of the pivots met on the way, and the arithmetic stays fast
    /// for the hundreds of unknowns of a page protected with its other views.
    private static func solve(_ equations: [[Int: Int]], members: [Int]) -> [Int] {
        let position = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        var rows: [[Int]] = equations.map { equation in
            var row = Array(repeating: 0, count: members.count)
            for (unknown, coefficient) in equation { row[position[unknown]!] = Modular.reduce(coefficient) }
            return row
        }
        var pivotRow = 0
        for pivotColumn in members.indices where pivotRow < rows.count {
            guard let found = (pivotRow..<rows.count).first(where: { rows[$0][pivotColumn] != 0 }) else { continue }
            rows.swapAt(pivotRow, found)
            let inverse = Modular.inverse(rows[pivotRow][pivotColumn])
            rows[pivotRow] = rows[pivotRow].map { Modular.multiply($0, inverse) }
            let pivot = rows[pivotRow]
            let nonZero = pivot.indices.filter { pivot[$0] != 0 }
            for other in rows.indices where other != pivotRow && rows[other][pivotColumn] != 0 {
                let factor = rows[other][pivotColumn]
                for column in nonZero {
                    rows[other][column] = Modular.subtract(rows[other][column], Modular.multiply(factor, pivot[column]))
                }
            }
            pivotRow += 1
        }
        return rows.prefix(pivotRow).compactMap { row in
            var only: Int?
            for column in row.indices where row[column] != 0 {
                if only != nil { return nil }
                only = column
            }
            return only.map { members[$0] }
        }
    }
}

/// Arithmetic modulo the Mersenne prime 2⁶¹ − 1, for the elimination above.
enum Modular {
    static let prime = (1 << 61) - 1

    static func reduce(_ value: Int) -> Int { ((value % prime) + prime) % prime }

    /// 2⁶¹ ≡ 1, so 2⁶⁴ ≡ 8: the 128-bit product folds without a division.
    static func multiply(_ a: Int, _ b: Int) -> Int {
        let product = UInt64(a).multipliedFullWidth(by: UInt64(b))
        let mask = UInt64(prime)
        var folded = (product.low & mask) + (product.low >> 61) + (product.high << 3)
        folded = (folded & mask) + (folded >> 61)
        return Int(folded >= mask ? folded - mask : folded)
    }

    static func subtract(_ a: Int, _ b: Int) -> Int { a >= b ? a - b : a - b + prime }

    /// By Fermat: a^(p−2).
    static func inverse(_ a: Int) -> Int {
        var result = 1
        var base = a
        var exponent = prime - 2
        while exponent > 0 {
            if exponent & 1 == 1 { result = multiply(result, base) }
            base = multiply(base, base)
            exponent >>= 1
        }
        return result
    }
}

/// The work behind `ProtectedCounts`: which cells to hide. Each cell knows the sums it is in and
/// each sum how many of its cells are hidden, so a page protected with all its other views (some
/// thousand cells) is worked through without rescanning every sum at every step.
private struct Suppression {
    typealias Sum = ProtectedCounts.Sum

    let values: [Int]
    let sums: [Sum]
    let derived: Set<Int>
    let sensitive: Set<Int>
    /// For each cell, the sums it is in (as total or part).
    let sumsOf: [[Int]]
    private(set) var hidden: Set<Int> = []
    /// For each sum, how many of its cells are hidden; and the sums with exactly one.
    private var hiddenCount: [Int]
    private var single: Set<Int> = []

    init(values: [Int], sums: [Sum], derived: Set<Int>, smallestGroup: Int) {
        self.values = values
        self.sums = sums
        self.derived = derived
        sensitive = Set(values.indices.filter { (1..<smallestGroup).contains(values[$0]) })
        var sumsOf = Array(repeating: [Int](), count: values.count)
        for (index, sum) in sums.enumerated() { for cell in Set([sum.total] + sum.parts) { sumsOf[cell].append(index) } }
        self.sumsOf = sumsOf
        hiddenCount = Array(repeating: 0, count: sums.count)
    }

    private func cells(_ sum: Int) -> [Int] { [sums[sum].total] + sums[sum].parts }

    private mutating func hide(_ cell: Int) {
        guard hidden.insert(cell).inserted else { return }
        for sum in sumsOf[cell] {
            hiddenCount[sum] += cells(sum).count { $0 == cell }
            if hiddenCount[sum] == 1 { single.insert(sum) } else { single.remove(sum) }
        }
    }

    private mutating func show(_ cell: Int) {
        guard hidden.remove(cell) != nil else { return }
        for sum in sumsOf[cell] {
            hiddenCount[sum] -= cells(sum).count { $0 == cell }
            if hiddenCount[sum] == 1 { single.insert(sum) } else { single.remove(sum) }
        }
    }

    mutating func run() {
        for cell in sensitive.sorted() { hide(cell) }
        while true {
            // The first sum (in the order given) that a single hidden cell would leave open.
            while let sum = single.min() { hideAnother(in: sum) }
            guard let exposed = ProtectedCounts.determined(among: sensitive, values: values, hidden: hidden, sums: sums),
                let sum = sumsOf[exposed].sorted().first(where: hasCandidate) ?? linkedSum(to: exposed)
            else { break }
            hideAnother(in: sum)
        }
        // The greedy choices above may hide more than needed: show again every complement the
        // table stays protected without, the answers first and the largest first. Showing a cell
        // changes only the equations it is linked to through hidden cells, so only those are checked.
        let complements = hidden.subtracting(sensitive).sorted {
            (derived.contains($0) ? 1 : 0, -values[$0], $0) < (derived.contains($1) ? 1 : 0, -values[$1], $1)
        }
        for cell in complements {
            show(cell)
            guard sumsOf[cell].allSatisfy({ hiddenCount[$0] != 1 }),
                ProtectedCounts.determined(among: sensitive, values: values, hidden: hidden, sums: linked(to: cell).map { sums[$0] }) == nil
            else {
                hide(cell)
                continue
            }
        }
    }

    /// The sums reached from `cell` through hidden cells: every equation that showing it can change.
    private func linked(to cell: Int) -> [Int] {
        var sumReached = Array(repeating: false, count: sums.count)
        var cellReached = Array(repeating: false, count: values.count)
        var reached: [Int] = []
        var frontier = [cell]
        cellReached[cell] = true
        while let next = frontier.popLast() {
            for sum in sumsOf[next] where !sumReached[sum] {
                sumReached[sum] = true
                reached.append(sum)
                for other in [sums[sum].total] + sums[sum].parts where !cellReached[other] && hidden.contains(other) {
                    cellReached[other] = true
                    frontier.append(other)
                }
            }
        }
        return reached.sorted()
    }

    /// When every sum through an exposed cell is hidden already, the equations that pin it down
    /// run through other hidden cells: the first sum with a shown cell among those reached from it.
    private func linkedSum(to exposed: Int) -> Int? {
        var reached: Set<Int> = [exposed]
        var frontier = [exposed]
        while let cell = frontier.popLast() {
            for sum in sumsOf[cell].sorted() {
                if hasCandidate(sum) { return sum }
                for other in cells(sum) where hidden.contains(other) && reached.insert(other).inserted { frontier.append(other) }
            }
        }
        return nil
    }

    private func hasCandidate(_ sum: Int) -> Bool { cells(sum).contains { !hidden.contains($0) } }

    /// Hides a derived figure of the sum if one is shown (a share's base rather than an answer; a
    /// part's before the sum's own, the smallest first);
    /// else a shown part with someone in it, preferring one that also completes another sum left
    /// with a single hidden cell, then the smallest; else an empty part, else the total.
    /// Complements with someone in them keep every hidden cell at 1 or more, so the hidden cells
    /// can always move by one each way: an empty cell hidden beside them could be pinned at 0.
    private mutating func hideAnother(in index: Int) {
        let sum = sums[index]
        let open = sum.parts.filter { !hidden.contains($0) }
        func mendsAnother(_ cell: Int) -> Bool { sumsOf[cell].contains { $0 != index && hiddenCount[$0] == 1 } }
        let filled = open.filter { values[$0] > 0 }
        let openTotal = hidden.contains(sum.total) ? [] : [sum.total]
        let choice =
            open.filter(derived.contains).min { values[$0] < values[$1] } ?? openTotal.first(where: derived.contains)
            ?? filled.min { (mendsAnother($0) ? 0 : 1, values[$0]) < (mendsAnother($1) ? 0 : 1, values[$1]) } ?? open.first ?? sum.total
        hide(choice)
    }
}
