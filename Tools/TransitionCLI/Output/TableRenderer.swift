import Projections

/// How a command prints its results: for people, for programs, or for spreadsheets.
enum OutputFormat: Equatable {
  /// Aligned text with a title and notes.
  case text
  /// A JSON array of objects keyed by column name.
  case json
  /// RFC 4180 CSV with a header row.
  case csv

  /// The flags every table-printing command takes.
  static let flags: Set<String> = ["json", "csv"]

  /// The format chosen by `--json` or `--csv` (text when neither).
  static func from(_ arguments: Arguments, usage: String) throws(CommandFailure) -> OutputFormat {
    switch (arguments.flag("json"), arguments.flag("csv")) {
    case (true, true): throw .usage("Choose one of --json and --csv.", help: usage)
    case (true, false): return .json
    case (false, true): return .csv
    case (false, false): return .text
    }
  }
}

/// The one renderer of `ViewTable`s: aligned text, JSON or CSV.
enum TableRenderer {
  /// `table` as `format`, ready to print (ends with a newline).
  static func render(_ table: ViewTable, as format: OutputFormat, console: Console? = nil)
    -> String
  {
    switch format {
    case .json:
      return JSONText.pretty(
        JSONText.table(columns: table.columns.map { $0.name }, rows: table.rows))
        + "\n"
    case .csv:
      return CSV.line(table.columns.map { $0.name }) + table.rows.map(CSV.line).joined()
    case .text:
      return text(table, console: console)
    }
  }

  /// The widest a cell prints as text; longer cells end in `…` (JSON and CSV keep them whole).
  static let maximumCellWidth = 90

  /// `cell`, cut to `maximumCellWidth` characters ending in `…` when longer.
  static func shortened(_ cell: String) -> String {
    cell.count <= maximumCellWidth ? cell : cell.prefix(maximumCellWidth - 1) + "…"
  }

  /// Aligned columns under a title; right-aligned columns for amounts; notes below.
  ///
  /// Cells longer than `maximumCellWidth` are shortened, with a note saying so.
  static func text(_ table: ViewTable, console: Console? = nil) -> String {
    var out = ""
    if !table.title.isEmpty { out += (console?.bold(table.title) ?? table.title) + "\n\n" }
    let rows = table.rows.map { $0.map(shortened) }
    if rows.isEmpty {
      out += "  (none)\n"
    } else {
      var widths = table.columns.map { $0.name.count }
      for row in rows {
        for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
      }
      func line(_ cells: [String]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
          let padding = String(repeating: " ", count: widths[index] - cell.count)
          let last = index == cells.count - 1
          switch table.columns[index].alignment {
          case .right: parts.append(padding + cell)
          case .left: parts.append(last ? cell : cell + padding)
          }
        }
        return "  " + parts.joined(separator: "  ")
      }
      let header = line(table.columns.map { $0.name })
      out += (console?.bold(header) ?? header) + "\n"
      out += "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
      for row in rows { out += line(row) + "\n" }
    }
    var notes = table.notes
    if rows != table.rows {
      notes.append(
        "(cells longer than \(maximumCellWidth) characters are cut short here;"
          + " --json and --csv give them whole)")
    }
    if !notes.isEmpty {
      out += "\n" + notes.map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
    return out
  }
}
