import CanonicalJSON
import TransitionDomain

/// A staff baseline from an HR spreadsheet export: one row per employee.
///
/// Reads the Dutch convention (`;` separators, decimal comma, UTF-8 with a byte order mark)
/// and plain CSV (`,`, decimal point). A header row names the columns in any order; names are
/// compared ignoring case, spaces, dashes and underscores, in English or Dutch.
enum StaffSheet {
  /// One column: the member field it fills, whether it is required, and the names it goes by.
  struct Column {
    let field: String
    let required: Bool
    let names: [String]
  }

  /// The columns, in `BaselineMember` order.
  static let columns = [
    Column(
      field: "employee", required: true,
      names: ["employee", "employee id", "medewerker", "personeelsnummer", "id"]),
    Column(field: "function", required: true, names: ["function", "functie"]),
    Column(field: "team", required: true, names: ["team"]),
    Column(field: "employer", required: true, names: ["employer", "werkgever"]),
    Column(
      field: "contractHours", required: true, names: ["contract hours", "contracturen", "uren"]),
    Column(field: "normHours", required: true, names: ["norm hours", "normuren", "norm"]),
    Column(field: "contractFTE", required: true, names: ["contract fte", "fte contract", "fte"]),
    Column(
      field: "allocatedFTE", required: true,
      names: ["allocated fte", "fte cohort", "toegerekende fte", "ri fte"]),
    Column(field: "cao", required: true, names: ["cao"]),
    Column(
      field: "contractType", required: true,
      names: ["contract type", "soort contract", "contractsoort", "dienstverband"]),
    Column(
      field: "contractEnd", required: false,
      names: ["contract end", "end date", "einddatum", "einde contract"]),
  ]

  /// Every bad row, each named by its line; or the members.
  struct Problems: Error {
    let lines: [String]
  }

  /// The members of the sheet in `bytes`, or every problem found.
  static func members(_ bytes: [UInt8]) throws(Problems) -> [JSONValue] {
    let parsed: (separator: Character, rows: [CSV.Row])
    do {
      parsed = try CSV.parse(bytes)
    } catch {
      throw Problems(lines: [error.description])
    }
    guard let header = parsed.rows.first else {
      throw Problems(lines: ["the file is empty; it needs a header row and a row per employee"])
    }
    var positions: [String: Int] = [:]
    var problems: [String] = []
    for (index, name) in header.fields.enumerated() {
      let key = normalised(name)
      guard
        let column = columns.first(where: {
          $0.names.map(normalised).contains(key) || normalised($0.field) == key
        })
      else {
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
    for column in columns where column.required && positions[column.field] == nil {
      problems.append("line \(header.line): the header has no column \"\(column.names[0])\"")
    }
    guard problems.isEmpty else { throw Problems(lines: problems) }
    let decimalComma = parsed.separator == ";"
    var members: [JSONValue] = []
    var seen: [String: Int] = [:]
    for row in parsed.rows.dropFirst() {
      var rowProblems: [String] = []
      guard row.fields.count == header.fields.count else {
        problems.append(
          "line \(row.line): \(row.fields.count) fields, but the header has \(header.fields.count)"
            + " (is a \(parsed.separator == ";" ? "semicolon" : "comma") missing or extra?)")
        continue
      }
      func cell(_ field: String) -> String {
        positions[field].map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
      }
      if let control = row.fields.firstIndex(where: { $0.unicodeScalars.contains(where: isControl) }
      ) {
        problems.append(
          "line \(row.line): the \(ordinal(control + 1)) field holds a control character (such"
            + " as NUL or a tab); remove it from the sheet")
        continue
      }
      var object = JSONObject()
      for column in columns {
        let text = cell(column.field)
        if text.isEmpty {
          if column.required { rowProblems.append("\(column.names[0]) is empty") }
          continue
        }
        switch column.field {
        case "contractHours", "normHours":
          guard let hours = Int64(text), hours >= 0, hours <= 80 else {
            rowProblems.append("\(column.names[0]) \"\(text)\" is not a whole number of hours")
            continue
          }
          if column.field == "normHours" && hours == 0 {
            rowProblems.append("norm hours is 0; a full-time week has more than 0 hours")
            continue
          }
          object.insert(column.field, .integer(hours))
        case "employee", "employer", "team":
          if let problem = identifierProblem(text) {
            rowProblems.append("\(column.names[0]) \"\(text)\" \(problem)")
            continue
          }
          object.insert(column.field, .string(text))
        case "contractFTE", "allocatedFTE":
          guard let fte = fte(text, decimalComma: decimalComma) else {
            rowProblems.append(
              "\(column.names[0]) \"\(text)\" is not an FTE such as "
                + (decimalComma ? "0,8889" : "0.8889"))
            continue
          }
          object.insert(column.field, .string(fte.description))
        case "contractType":
          guard ContractType(rawValue: text.lowercased()) != nil else {
            rowProblems.append(
              "contract type \"\(text)\" is not \"onbepaalde tijd\" or \"bepaalde tijd\"")
            continue
          }
          object.insert(column.field, .string(text.lowercased()))
        case "contractEnd":
          guard let day = day(text) else {
            rowProblems.append(
              "end date \"\(text)\" is not a real day (YYYY-MM-DD or DD-MM-YYYY)")
            continue
          }
          object.insert(column.field, .string(day.description))
        default:
          object.insert(column.field, .string(text))
        }
      }
      if let contract = object["contractFTE"]?.stringValue.flatMap(FTE.init(parsing:)),
        let allocated = object["allocatedFTE"]?.stringValue.flatMap(FTE.init(parsing:)),
        allocated > contract
      {
        rowProblems.append("allocated FTE \(allocated) is more than the contract FTE \(contract)")
      }
      if let contract = object["contractFTE"]?.stringValue.flatMap(FTE.init(parsing:)),
        let hours = object["contractHours"]?.integerValue,
        let norm = object["normHours"]?.integerValue, norm > 0
      {
        // contract FTE = contract hours / norm hours, to four decimals (one in the last
        // decimal either way for the spreadsheet's rounding).
        let expected = (hours * 20_000 + norm) / (2 * norm)
        if abs(contract.tenThousandths - expected) > 1 {
          rowProblems.append(
            "contract FTE \(contract) does not match \(hours) contract hours of \(norm) norm"
              + " hours (\(FTE(tenThousandths: expected)))")
        }
      }
      let employee = cell("employee")
      if !employee.isEmpty {
        if let first = seen[employee] {
          rowProblems.append("employee \(employee) is on line \(first) already")
        } else {
          seen[employee] = row.line
        }
      }
      if rowProblems.isEmpty {
        members.append(.object(object))
      } else {
        problems.append("line \(row.line): " + rowProblems.joined(separator: "; "))
      }
    }
    guard problems.isEmpty else { throw Problems(lines: problems) }
    guard !members.isEmpty else {
      throw Problems(lines: ["the file has a header but no employees"])
    }
    return members
  }

  /// Why `text` cannot be an id (employee, employer, team), or nil: an id is 1 to 64
  /// characters of A-Z a-z 0-9 `.` `-` `_`, and is not `.`, `..` nor holds `..` (no path).
  static func identifierProblem(_ text: String) -> String? {
    guard text.utf8.count <= 64 else { return "is longer than 64 characters" }
    guard
      text.utf8.allSatisfy({ byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
          || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F
      })
    else {
      return "may hold only letters A-Z and a-z, digits, '.', '-' and '_' (no spaces, slashes"
        + " or other characters)"
    }
    guard !text.contains("..") else { return "may not hold \"..\"" }
    return nil
  }

  /// Whether `scalar` is a control character (C0, DEL or C1).
  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// The ordinal of `number`: "1st", "2nd", "3rd", "4th" and so on.
  private static func ordinal(_ number: Int) -> String {
    let suffix =
      (11...13).contains(number % 100)
      ? "th" : number % 10 == 1 ? "st" : number % 10 == 2 ? "nd" : number % 10 == 3 ? "rd" : "th"
    return "\(number)\(suffix)"
  }

  private static func normalised(_ name: String) -> String {
    String(name.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  /// An FTE written `0,8889` (decimal comma) or `0.8889`, with up to four decimals.
  static func fte(_ text: String, decimalComma: Bool) -> FTE? {
    var body = text
    if decimalComma || !text.contains(".") { body = body.replacingOccurrences(of: ",", with: ".") }
    guard body.filter({ $0 == "." }).count <= 1, body.allSatisfy({ $0.isASCIIDigit || $0 == "." })
    else { return nil }
    return FTE(parsing: body)
  }

  /// A day written `2026-12-31` or, as Dutch spreadsheets do, `31-12-2026`.
  static func day(_ text: String) -> CalendarDay? {
    if let day = CalendarDay(parsing: text) { return day }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]),
      let year = Int(parts[2])
    else { return nil }
    return CalendarDay(year: year, month: month, day: day)
  }
}

extension Character {
  /// Whether it is one of 0-9.
  var isASCIIDigit: Bool { isASCII && isNumber }
}
