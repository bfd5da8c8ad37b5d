/// Comma-separated values as RFC 4180 writes them, and as spreadsheets export them.
enum CSV {
  /// One row of a file: its fields and the line it starts on (1-based, header included).
  struct Row: Equatable {
    let line: Int
    let fields: [String]
  }

  /// A malformed file: the line and what is wrong.
  struct Problem: Error, Equatable, CustomStringConvertible {
    let line: Int
    let reason: String
    var description: String { "line \(line): \(reason)" }
  }

  /// The separator a file uses: `;` (the Dutch spreadsheet convention) or `,`, judged by the
  /// header line outside quotes.
  static func separator(of text: Substring) -> Character {
    var inQuotes = false
    var semicolons = 0
    var commas = 0
    for character in text {
      if character == "\"" { inQuotes.toggle() }
      if character == "\n" && !inQuotes { break }
      if !inQuotes && character == ";" { semicolons += 1 }
      if !inQuotes && character == "," { commas += 1 }
    }
    return semicolons >= commas && semicolons > 0 ? ";" : ","
  }

  /// Parses `bytes` (UTF-8, with or without a byte order mark; CRLF or LF line ends).
  ///
  /// Quoted fields may hold separators, doubled quotes and line breaks. Empty lines are
  /// skipped. Throws on invalid UTF-8 or an unclosed quote.
  static func parse(_ bytes: [UInt8]) throws(Problem) -> (separator: Character, rows: [Row]) {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard let text = String(validating: body, as: UTF8.self) else {
      throw Problem(line: 1, reason: "the file is not UTF-8 text; export it as CSV UTF-8")
    }
    let characters = Substring(text)
    let separator = self.separator(of: characters)
    var rows: [Row] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var quoted = false
    var line = 1
    var rowLine = 1
    var index = characters.startIndex
    func endRow() {
      fields.append(field)
      if !(fields.count == 1 && fields[0].isEmpty && !quoted) {
        rows.append(Row(line: rowLine, fields: fields))
      }
      fields = []
      field = ""
      quoted = false
    }
    while index < characters.endIndex {
      let character = characters[index]
      index = characters.index(after: index)
      if inQuotes {
        if character == "\"" {
          if index < characters.endIndex && characters[index] == "\"" {
            field.append("\"")
            index = characters.index(after: index)
          } else {
            inQuotes = false
          }
        } else {
          if character == "\n" || character == "\r\n" { line += 1 }
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"" where field.isEmpty && !quoted:
        inQuotes = true
        quoted = true
      case separator:
        fields.append(field)
        field = ""
        quoted = false
      case "\n", "\r\n", "\r":
        endRow()
        line += 1
        rowLine = line
      default:
        field.append(character)
      }
    }
    if inQuotes { throw Problem(line: rowLine, reason: "a quoted field is not closed") }
    if !field.isEmpty || !fields.isEmpty || quoted { endRow() }
    return (separator, rows)
  }

  /// One field, quoted when it holds a comma, a quote or a line break, and neutralised when a
  /// spreadsheet would take it for a formula.
  ///
  /// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
  /// Excel, LibreOffice and Google Sheets (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`). As OWASP
  /// recommends, such a cell gets a single quote in front and is quoted: `'=HYPERLINK(…)`
  /// shows as text. One exception: a cell that is a plain number, such as `-12.50` or `-3`
  /// (an optional minus, digits, at most one `.` followed by digits), is left as it is, so
  /// negative amounts stay numbers a spreadsheet can add up; such a cell cannot be a formula.
  /// Nor can a lone `-`, the views' mark for "none", which is also left as it is.
  static func field(_ text: String) -> String {
    if isFormulaLike(text) {
      return "\"'" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    guard
      text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Whether a spreadsheet would read `text` as a formula (see `field`).
  static func isFormulaLike(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first,
      ["=", "+", "-", "@", "\t", "\r"].contains(first)
    else { return false }
    return text != "-" && !isPlainNumber(text)
  }

  /// Whether `text` is `-?[0-9]+(\.[0-9]+)?`.
  static func isPlainNumber(_ text: String) -> Bool {
    var bytes = text.utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2 else { return false }
    return parts.allSatisfy { part in
      !part.isEmpty && part.allSatisfy { (0x30...0x39).contains($0) }
    }
  }

  /// A record of fields joined by commas and ended by CRLF, as RFC 4180 writes it.
  static func line(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }
}
