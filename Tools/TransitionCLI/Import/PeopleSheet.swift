import Foundation
import TransitionApp
import TransitionDomain

/// The people register from an HR spreadsheet export: one row per employee.
///
/// Reads the same forms as the staff import (`StaffSheet`): the Dutch convention (`;`, UTF-8
/// with a byte order mark) and plain CSV (`,`); a header row names the columns in any order,
/// in English or Dutch, ignoring case, spaces, dashes and underscores.
enum PeopleSheet {
  /// The columns: the detail each fills, and the names it goes by.
  static let columns: [(field: String, required: Bool, names: [String])] = [
    ("employee", true, ["employee", "employee id", "medewerker", "id", "pseudoniem"]),
    ("name", false, ["name", "naam", "volledige naam"]),
    ("personnelNumber", false, ["personnel number", "personeelsnummer", "personeelsnr"]),
    ("email", false, ["email", "e-mail", "emailadres", "e-mailadres", "mail"]),
    ("since", false, ["since", "sinds", "datum", "ingangsdatum"]),
  ]

  /// One row: the employee, the details, and the day they hold from (nil: the import's day).
  struct Person {
    let employee: EmployeeID
    let details: PersonDetails
    let since: CalendarDay?
  }

  /// The people of the sheet in `bytes`, or every problem found (each bad row by its line).
  static func people(_ bytes: [UInt8]) throws(StaffSheet.Problems) -> [Person] {
    let parsed: (separator: Character, rows: [CSV.Row])
    do {
      parsed = try CSV.parse(bytes)
    } catch {
      throw StaffSheet.Problems(lines: [error.description])
    }
    guard let header = parsed.rows.first else {
      throw StaffSheet.Problems(lines: [
        "the file is empty; it needs a header row and a row per employee"
      ])
    }
    var positions: [String: Int] = [:]
    var problems: [String] = []
    for (index, name) in header.fields.enumerated() {
      let key = normalised(name)
      guard let column = columns.first(where: { $0.names.map(normalised).contains(key) }) else {
        problems.append(
          "line \(header.line): unknown column \"\(name)\"; the columns are "
            + columns.map { $0.names[0] }.joined(separator: ", "))
        continue
      }
      if positions[column.field] != nil {
        problems.append("line \(header.line): column \"\(name)\" appears twice")
      }
      positions[column.field] = index
    }
    if positions["employee"] == nil {
      problems.append("line \(header.line): the header has no column \"employee\"")
    }
    if !["name", "personnelNumber", "email"].contains(where: { positions[$0] != nil }) {
      problems.append(
        "line \(header.line): the header has no column with a detail (name, personnel number,"
          + " email)")
    }
    guard problems.isEmpty else { throw StaffSheet.Problems(lines: problems) }
    var people: [Person] = []
    var seen: [String: Int] = [:]
    for row in parsed.rows.dropFirst() {
      guard row.fields.count == header.fields.count else {
        problems.append(
          "line \(row.line): \(row.fields.count) fields, but the header has \(header.fields.count)"
            + " (is a \(parsed.separator == ";" ? "semicolon" : "comma") missing or extra?)")
        continue
      }
      func cell(_ field: String) -> String? {
        guard let position = positions[field] else { return nil }
        let text = row.fields[position].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
      }
      var rowProblems: [String] = []
      let employee = cell("employee") ?? ""
      if employee.isEmpty {
        rowProblems.append("employee is empty")
      } else if let first = seen[employee] {
        rowProblems.append("employee \(employee) is on line \(first) already")
      } else {
        seen[employee] = row.line
      }
      let details = PersonDetails(
        name: cell("name"), personnelNumber: cell("personnelNumber"), email: cell("email"))
      rowProblems += details.problems
      var since: CalendarDay?
      if let text = cell("since") {
        since = StaffSheet.day(text)
        if since == nil {
          rowProblems.append("since \"\(text)\" is not a real day (YYYY-MM-DD or DD-MM-YYYY)")
        }
      }
      if rowProblems.isEmpty {
        people.append(Person(employee: EmployeeID(employee), details: details, since: since))
      } else {
        problems.append("line \(row.line): " + rowProblems.joined(separator: "; "))
      }
    }
    guard problems.isEmpty else { throw StaffSheet.Problems(lines: problems) }
    guard !people.isEmpty else {
      throw StaffSheet.Problems(lines: ["the file has a header but no employees"])
    }
    return people
  }

  private static func normalised(_ name: String) -> String {
    String(name.lowercased().filter { $0.isLetter || $0.isNumber })
  }
}
