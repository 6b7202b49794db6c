/// A table of counts of persons, rows by columns, published with its row, column and grand totals
/// and protected by `ProtectedCounts`: a count of 1–4, or one that would give such a count away, is
/// nil. Columns are usually the genders.
public struct CrossTable: Sendable, Hashable {
    public let rows: [String]
    public let columns: [String]
    public let counts: [[Int]]
    let protected: ProtectedCounts
    /// Where each published figure is in `protected` (a table protected jointly with others
    /// shares one; nil: not published).
    let cells: [[Int]]
    let rowTotals: [Int]
    let columnTotals: [Int]?
    let totalCell: Int?

    public init(rows: [String], columns: [String], counts: [[Int]], extraSums: [ProtectedCounts.Sum] = []) {
        self.rows = rows
        self.columns = columns
        self.counts = counts
        let r = rows.count
        let c = columns.count
        var values = counts.flatMap { $0 }
        values += counts.map { $0.reduce(0, +) }
        values += (0..<c).map { column in counts.reduce(0) { $0 + $1[column] } }
        values.append(counts.flatMap { $0 }.reduce(0, +))
        var sums = (0..<r).map { row in ProtectedCounts.Sum(total: r * c + row, parts: (0..<c).map { row * c + $0 }) }
        sums += (0..<c).map { column in ProtectedCounts.Sum(total: r * c + r + column, parts: (0..<r).map { $0 * c + column }) }
        sums.append(.init(total: values.count - 1, parts: Array(r * c..<r * c + r)))
        sums.append(.init(total: values.count - 1, parts: Array(r * c + r..<r * c + r + c)))
        protected = ProtectedCounts(values: values, sums: sums + extraSums)
        cells = (0..<r).map { row in (0..<c).map { row * c + $0 } }
        rowTotals = (0..<r).map { r * c + $0 }
        columnTotals = (0..<c).map { r * c + r + $0 }
        totalCell = values.count - 1
    }

    /// A table whose figures are cells of a protection shared with other tables (`JointCounts`).
    init(
        rows: [String],
        columns: [String],
        counts: [[Int]],
        cells: [[Int]],
        rowTotals: [Int],
        columnTotals: [Int]?,
        total: Int?,
        protected: ProtectedCounts
    ) {
        self.rows = rows
        self.columns = columns
        self.counts = counts
        self.cells = cells
        self.rowTotals = rowTotals
        self.columnTotals = columnTotals
        self.totalCell = total
        self.protected = protected
    }

    /// Rows of persons by gender (women, men, another or not stated).
    public init(rows: [String], byGender counts: [[Gender: Int]]) {
        self.init(rows: rows, columns: Gender.allCases.map(\.rawValue), counts: counts.map { row in Gender.allCases.map { row[$0] ?? 0 } })
    }

    public func cell(_ row: Int, _ column: Int) -> Int? { protected.shown(cells[row][column]) }
    public func rowTotal(_ row: Int) -> Int? { protected.shown(rowTotals[row]) }
    /// Nil also when the table publishes no column totals.
    public func columnTotal(_ column: Int) -> Int? { columnTotals.flatMap { protected.shown($0[column]) } }
    public var total: Int? { totalCell.flatMap { protected.shown($0) } }
    /// The true grand total, for deciding whether there is anything to show at all.
    public var isEmpty: Bool { counts.allSatisfy { $0.allSatisfy { $0 == 0 } } }

    /// A row's share of its column (for a yes/no table: the share yes in each column), shown only
    /// when both counts are and the column has at least five persons.
    public func share(ofRow row: Int, column: Int?) -> Double? {
        let part = column.map { cell(row, $0) } ?? rowTotal(row)
        let whole = column.map { columnTotal($0) } ?? total
        guard let part, let whole, whole >= ProtectedCounts.smallestGroup else { return nil }
        return Double(part) / Double(whole)
    }
}

/// A mean over a group, hidden when the group has fewer than five.
public enum ProtectedMean {
    public static func of(_ values: [Int]) -> Double? {
        guard values.count >= ProtectedCounts.smallestGroup else { return nil }
        return Double(values.reduce(0, +)) / Double(values.count)
    }

    /// From groups given as (whatever, sum, count).
    static func of<T>(_ groups: [(T, Int, Int)]) -> Double? {
        let count = groups.reduce(0) { $0 + $1.2 }
        guard count >= ProtectedCounts.smallestGroup else { return nil }
        return Double(groups.reduce(0) { $0 + $1.1 }) / Double(count)
    }
}
