import FramstegCore

/// One figure of a dashboard as it is shown and exported: a chart, a table with a label column,
/// optional sum rows and notes. The page, the CSV and the XLSX all read the same cells, so an
/// export can never show what the page hides. The `dashboard` template renders it as it is.
struct FigureTable: Sendable {
    struct Row: Sendable {
        let label: String
        let cells: [String]

        /// Row `row` of `table`'s counts, then its total.
        static func counts(_ label: String, _ table: CrossTable, row: Int) -> Row {
            Row(
                label: label,
                cells: table.columns.indices.map { FigureFormat.count(table.cell(row, $0)) } + [FigureFormat.count(table.rowTotal(row))]
            )
        }

        /// The column sums of `table`, then its total.
        static func sums(_ label: String, _ table: CrossTable) -> Row {
            Row(
                label: label,
                cells: table.columns.indices.map { FigureFormat.count(table.columnTotal($0)) } + [FigureFormat.count(table.total)]
            )
        }
    }

    let key: String
    let title: String
    let help: String
    /// The header of each column after the label column.
    let columns: [String]
    var rowHeader = ""
    let rows: [Row]
    var sums: [Row] = [] {
        didSet { hasSums = !sums.isEmpty }
    }
    private(set) var hasSums = false
    var notes: [String] = []
    /// The chart as SVG, drawn on the server.
    var chart: String?
    /// Rows the export adds after the table (shares as plain numbers).
    var exportExtras: [[String]] = []

    init(key: String, title: String, help: String, columns: [String], rowHeader: String = "", rows: [Row]) {
        self.key = key
        self.title = title
        self.help = help
        self.columns = columns
        self.rowHeader = rowHeader
        self.rows = rows
    }

    /// Header, rows, sums and extras; signed means lose their typographic signs so Excel reads numbers.
    var exportRows: [[String]] {
        func plain(_ cell: String) -> String {
            let text = cell.replacingOccurrences(of: "−", with: "-")
            return text.hasPrefix("+") ? String(text.dropFirst()) : text
        }
        return [[title] + columns] + (rows + sums).map { [$0.label] + $0.cells.map(plain) } + exportExtras
    }

    /// A table of counts by gender with row totals (and column sums unless its rows overlap).
    static func counts(
        key: String,
        title: String,
        help: String,
        table: CrossTable,
        labels: [String],
        withSums: Bool,
        language: Language
    ) -> FigureTable {
        var figure = FigureTable(
            key: key,
            title: title,
            help: help,
            columns: table.columns.map { Texts.text("genderGroup." + $0, language) } + [Texts.text("total", language)],
            rows: labels.enumerated().map { row, label in .counts(label, table, row: row) }
        )
        if withSums { figure.sums = [.sums(Texts.text("total", language), table)] }
        figure.chart = FigureChart.bars(table, labels: labels, language: language, id: "figure-\(key)", title: title)
        return figure
    }

    /// Means (or changes, or shares) by gender and for everyone: `values[row]` holds women, men,
    /// another or not stated, everyone; `format` writes one.
    static func means(
        key: String,
        title: String,
        help: String,
        rowHeader: String,
        labels: [String],
        values: [[Double?]],
        language: Language,
        format: (Double) -> String = { SwedishCSV.decimal($0, decimals: 1) }
    ) -> FigureTable {
        let columns = Gender.allCases.map { Texts.text("genderGroup." + $0.rawValue, language) } + [Texts.text("everyone", language)]
        var figure = FigureTable(
            key: key,
            title: title,
            help: help,
            columns: columns,
            rows: zip(labels, values).map { label, row in
                Row(label: label, cells: row.map { $0.map(format) ?? FigureFormat.noFigure })
            }
        )
        figure.rowHeader = rowHeader
        if values.joined().contains(where: { $0 == nil }) { figure.notes.append(Texts.text("noMeanNote", language)) }
        figure.chart = FigureChart.bars(
            values: values.map { Array($0.prefix(Gender.allCases.count)) },
            labels: labels,
            series: Array(columns.prefix(Gender.allCases.count)),
            id: "figure-\(key)",
            title: title,
            text: format
        )
        return figure
    }

    /// "+1,2", "−0,5", "0,0": one decimal, the sign always shown.
    static func signedText(_ value: Double) -> String {
        let text = SwedishCSV.decimal(abs(value), decimals: 1)
        return value >= 0.05 ? "+" + text : value <= -0.05 ? "−" + text : text
    }
}
