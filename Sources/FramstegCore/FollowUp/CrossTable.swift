/// A table of counts of persons, rows by columns, with its row, column and grand totals, each
/// published as `publication` says (`FigureAudience`): exactly for a unit's own staff, through the
/// cell key method for everyone else. Every figure is shown; a total is a cell of its own, so under
/// the cell key method it need not equal the sum of its published parts. Columns are usually the genders.
public struct CrossTable: Sendable, Hashable {
    public let rows: [String]
    public let columns: [String]
    public let publication: Publication
    let cells: [[Tally]]
    let rowTotals: [Tally]
    let columnTotals: [Tally]?
    let grandTotal: Tally?

    /// - `withColumnTotals`: whether the rows divide one population between them (each person in one
    ///   row), so that a column's total and the grand total are counts of persons; rows that
    ///   overlap publish row totals only.
    public init(rows: [String], columns: [String], cells: [[Tally]], withColumnTotals: Bool = true, publication: Publication) {
        self.rows = rows
        self.columns = columns
        self.cells = cells
        self.publication = publication
        rowTotals = cells.map { $0.reduce(.zero, +) }
        columnTotals = withColumnTotals ? columns.indices.map { column in cells.reduce(.zero) { $0 + $1[column] } } : nil
        grandTotal = withColumnTotals ? rowTotals.reduce(.zero, +) : nil
    }

    /// Rows of persons by gender (women, men, another or not stated).
    public init(rows: [String], byGender tallies: [[Gender: Tally]], publication: Publication) {
        self.init(
            rows: rows,
            columns: Gender.allCases.map(\.rawValue),
            cells: tallies.map { row in Gender.allCases.map { row[$0] ?? .zero } },
            publication: publication
        )
    }

    public func cell(_ row: Int, _ column: Int) -> Int? { publication.publish(cells[row][column]) }
    public func rowTotal(_ row: Int) -> Int? { publication.publish(rowTotals[row]) }
    /// Nil when the table publishes no column totals.
    public func columnTotal(_ column: Int) -> Int? { columnTotals.map { publication.publish($0[column]) } }
    public var total: Int? { grandTotal.map(publication.publish) }
    /// The true counts, before publication: for checks, never for a page.
    public var counts: [[Int]] { cells.map { $0.map(\.count) } }
    /// Whether there is anyone in the table at all (true counts: an empty table says so, exactly).
    public var isEmpty: Bool { cells.allSatisfy { $0.allSatisfy { $0.count == 0 } } }

    /// A row's share of its column (for a yes/no table: the share yes in each column), from the
    /// published counts; nil when the column publishes no total or it is 0.
    public func share(ofRow row: Int, column: Int?) -> Double? {
        let part = column.map { cell(row, $0) } ?? rowTotal(row)
        let whole = column.map { columnTotal($0) } ?? total
        guard let part, let whole else { return nil }
        return PerturbedFigures.sharePercent(numerator: part, denominator: whole).map { $0 / 100 }
    }
}

/// A mean over a group: for a unit's own staff whatever its size, for everyone else only when the
/// group has at least five (`PerturbedFigures.meanIsPublishable`), since means are not perturbed.
public enum ProtectedMean {
    public static func of(_ values: [Int], publication: Publication) -> Double? {
        guard isShown(count: values.count, publication), !values.isEmpty else { return nil }
        return Double(values.reduce(0, +)) / Double(values.count)
    }

    /// From groups given as (whatever, sum, count).
    static func of<T>(_ groups: [(T, Int, Int)], publication: Publication) -> Double? {
        let count = groups.reduce(0) { $0 + $1.2 }
        guard isShown(count: count, publication), count > 0 else { return nil }
        return Double(groups.reduce(0) { $0 + $1.1 }) / Double(count)
    }

    static func isShown(count: Int, _ publication: Publication) -> Bool {
        publication.isExact || PerturbedFigures.meanIsPublishable(count: count)
    }
}
