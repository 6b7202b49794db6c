import FramstegCore

/// One figure of a dashboard as it is shown and exported: a chart, a table with a label column,
/// optional sum rows and notes. The page, the CSV and the XLSX all read the same cells, so an
/// export can never show what the page hides.
struct FigureTable {
    struct Row {
        let label: String
        let cells: [String]
    }

    let key: String
    let title: String
    let help: String
    /// The header of each column after the label column.
    let columns: [String]
    var rowHeader = ""
    let rows: [Row]
    var sums: [Row] = []
    var notes: [String] = []
    var chart: String?
    /// Rows the export adds after the table (shares as plain numbers).
    var exportExtras: [[String]] = []

    var data: [String: Any] {
        func rowData(_ row: Row) -> [String: Any] { ["label": row.label, "cells": row.cells] }
        var data: [String: Any] = [
            "key": key, "title": title, "help": help, "columns": columns, "rows": rows.map(rowData), "sums": sums.map(rowData),
            "hasSums": !sums.isEmpty, "notes": notes, "rowHeader": rowHeader,
        ]
        if let chart { data["chart"] = chart }
        return data
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
            rows: labels.enumerated().map { row, label in
                Row(
                    label: label,
                    cells: table.columns.indices.map { FigureFormat.count(table.cell(row, $0)) } + [FigureFormat.count(table.rowTotal(row))]
                )
            }
        )
        if withSums {
            figure.sums = [
                Row(
                    label: Texts.text("total", language),
                    cells: table.columns.indices.map { FigureFormat.count(table.columnTotal($0)) } + [FigureFormat.count(table.total)]
                )
            ]
        }
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
                Row(label: label, cells: row.map { $0.map(format) ?? FigureFormat.hidden })
            }
        )
        figure.rowHeader = rowHeader
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
