/// One view of the log as a table: what every read model hands to the CLI to print.
///
/// The CLI renders a table as aligned text for people, as JSON (an array of objects keyed by
/// column name) for programs, and as CSV for spreadsheets; `diff` compares two tables row by
/// row on their key columns. Cells are already formatted text (FTE with 4 decimals, amounts
/// in cents as `EUR 2,352,500.00`, days as `YYYY-MM-DD`), so every machine prints the same.
public struct ViewTable: Equatable, Sendable {
  /// How a column's cells line up.
  public enum Alignment: Sendable, Equatable {
    case left
    case right
  }

  /// One column.
  public struct Column: Equatable, Sendable {
    /// The column's name: a header for people and the key in JSON; Dutch terms stay Dutch.
    public let name: String
    public let alignment: Alignment

    public init(_ name: String, alignment: Alignment = .left) {
      self.name = name
      self.alignment = alignment
    }
  }

  /// The view's name, such as `staffing`.
  public let name: String
  /// A title line for people, such as "Staffing on 2026-07-01, as known now".
  public let title: String
  public let columns: [Column]
  /// The rows, each with one cell per column.
  public let rows: [[String]]
  /// How many leading columns identify a row (for `diff`).
  public let keyColumnCount: Int
  /// Lines printed under the table for people (totals, caveats); not part of JSON or CSV rows.
  public let notes: [String]

  public init(
    name: String, title: String, columns: [Column], rows: [[String]], keyColumnCount: Int = 1,
    notes: [String] = []
  ) {
    precondition(
      rows.allSatisfy { $0.count == columns.count },
      "every row of \(name) needs \(columns.count) cells")
    self.name = name
    self.title = title
    self.columns = columns
    self.rows = rows
    self.keyColumnCount = keyColumnCount
    self.notes = notes
  }
}
