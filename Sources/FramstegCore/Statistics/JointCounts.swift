/// Counts published together: the tables of one page and of every other view a reader can open
/// beside it (the same figures split by age band or by municipality, a part of the association,
/// one unit's export). A count that appears in several tables (active women: a row of one, a
/// column total of another, the sum of a split) is one cell, named by its key, and every sum
/// published between cells is protected at once by one `ProtectedCounts`. Protecting each table
/// on its own would let a reader who holds two of them combine sums that neither protection saw.
public struct JointCounts<Key: Hashable & Sendable> {
    /// A table to publish: for each row and column (nil: the total over them) the key of its count.
    public struct Layout: Sendable {
        public let rows: [String]
        public let columns: [String]
        let cells: [[Key]]
        let rowTotals: [Key]
        /// Nil when the table publishes no column totals (its rows overlap).
        let columnTotals: [Key]?
        let total: Key?

        public init(rows: [String], columns: [String], withColumnTotals: Bool = true, key: (_ row: Int?, _ column: Int?) -> Key) {
            self.rows = rows
            self.columns = columns
            cells = rows.indices.map { row in columns.indices.map { key(row, $0) } }
            rowTotals = rows.indices.map { key($0, nil) }
            columnTotals = withColumnTotals ? columns.indices.map { key(nil, $0) } : nil
            total = withColumnTotals ? key(nil, nil) : nil
        }
    }

    private var index: [Key: Int] = [:]
    private var values: [Int] = []
    private var sums: [ProtectedCounts.Sum] = []
    private var seenSums: Set<ProtectedCounts.Sum> = []
    private let count: (Key) -> Int

    /// `count` gives the true count of a key.
    public init(count: @escaping (Key) -> Int) { self.count = count }

    /// The cell of `key`, added with its count the first time.
    @discardableResult
    public mutating func cell(_ key: Key) -> Int {
        if let cell = index[key] { return cell }
        values.append(count(key))
        index[key] = values.count - 1
        return values.count - 1
    }

    public func contains(_ key: Key) -> Bool { index[key] != nil }

    /// Publishes that `total` is the sum of `parts` (each published too).
    public mutating func sum(_ total: Key, of parts: [Key]) {
        let sum = ProtectedCounts.Sum(total: cell(total), parts: parts.map { cell($0) })
        if seenSums.insert(sum).inserted { sums.append(sum) }
    }

    /// Adds a table's cells and the sums it shows: each row's total, and unless its rows overlap,
    /// each column's total and the grand total (as the sum of the row totals and of the column totals).
    public mutating func add(_ layout: Layout) {
        for row in layout.rows.indices { sum(layout.rowTotals[row], of: layout.cells[row]) }
        if let columnTotals = layout.columnTotals, let total = layout.total {
            for column in layout.columns.indices { sum(columnTotals[column], of: layout.cells.map { $0[column] }) }
            sum(total, of: layout.rowTotals)
            sum(total, of: columnTotals)
        }
    }

    /// Protects everything added so far; read each table through `table(_:in:)`.
    public func protect() -> ProtectedCounts { ProtectedCounts(values: values, sums: sums) }

    /// A table as published under the joint protection.
    public func table(_ layout: Layout, in protected: ProtectedCounts) -> CrossTable {
        CrossTable(
            rows: layout.rows,
            columns: layout.columns,
            counts: layout.cells.map { $0.map { protected.values[index[$0]!] } },
            cells: layout.cells.map { $0.map { index[$0]! } },
            rowTotals: layout.rowTotals.map { index[$0]! },
            columnTotals: layout.columnTotals?.map { index[$0]! },
            total: layout.total.map { index[$0]! },
            protected: protected
        )
    }
}
