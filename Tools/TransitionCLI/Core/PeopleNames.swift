import Projections
import TransitionApp
import TransitionDomain

/// `--names`: the names of the people register shown beside the ids, only when asked.
///
/// Without the flag every output is as it always was: ids only. With it, a table that has an
/// `employee` column (or a `stream` column such as `staff/E017`) gets a `name` column after
/// it, filled from `LOG.people` ("(erased)" for a forgotten person, empty when the register
/// has no name). When the register cannot be read (another user's, mode 0600) the output is
/// printed without names and a note on standard error says why.
enum PeopleNames {
  /// The boolean flag.
  static let flag = "names"

  /// The names to show for the log at `path`, or nil (with a note on standard error) when the
  /// register is missing or cannot be read.
  static func load(_ path: String, console: Console) -> [EmployeeID: String]? {
    let book = PeopleBook(logPath: path)
    guard book.register.exists else {
      console.printError(
        "transition: no names shown: there is no people register \(book.register.path)"
          + " (`transition people \(path) add …` makes one).")
      return nil
    }
    do {
      return try book.displayNames()
    } catch {
      console.printError("transition: no names shown: \(error)")
      return nil
    }
  }

  /// `table` with a `name` column after its `employee` (or `stream`) column.
  static func annotate(_ table: ViewTable, names: [EmployeeID: String]) -> ViewTable {
    let position: Int
    let id: (String) -> String
    if let index = table.columns.firstIndex(where: { $0.name == "employee" }) {
      position = index
      id = { $0 }
    } else if let index = table.columns.firstIndex(where: { $0.name == "stream" }) {
      position = index
      id = { stream in
        for prefix in ["staff/", "people/"] where stream.hasPrefix(prefix) {
          return String(stream.dropFirst(prefix.count))
        }
        return ""
      }
    } else {
      return table
    }
    var columns = table.columns
    columns.insert(.init("name"), at: position + 1)
    let rows = table.rows.map { row in
      var row = row
      row.insert(names[EmployeeID(id(row[position]))] ?? "", at: position + 1)
      return row
    }
    return ViewTable(
      name: table.name, title: table.title, columns: columns, rows: rows,
      keyColumnCount: table.keyColumnCount + (position < table.keyColumnCount ? 1 : 0),
      notes: table.notes)
  }

  /// The title of a history with the subject's name, when it is a person in the register.
  static func annotateHistory(_ table: ViewTable, subject: String, names: [EmployeeID: String])
    -> ViewTable
  {
    guard let name = names[EmployeeID(subject)], !name.isEmpty else { return table }
    return ViewTable(
      name: table.name, title: table.title + " (\(subject): \(name))", columns: table.columns,
      rows: table.rows, keyColumnCount: table.keyColumnCount, notes: table.notes)
  }
}
