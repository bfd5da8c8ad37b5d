/// Text escaped for HTML and SVG, and the few elements the report is written with.
enum HTMLText {
  /// `text` with `&`, `<`, `>` and `"` escaped, for element text and attribute values.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }

  /// A table with a caption, a header row repeated on every printed page, and the rows;
  /// columns in `right` align right (figures).
  static func table(
    caption: String?, headers: [String], rows: [[String]], right: Set<Int> = [],
    className: String? = nil
  ) -> String {
    var html = "<table" + (className.map { " class=\"\($0)\"" } ?? "") + ">\n"
    if let caption { html += "<caption>\(escape(caption))</caption>\n" }
    html += "<thead><tr>"
    for (index, header) in headers.enumerated() {
      html +=
        "<th scope=\"col\"\(right.contains(index) ? " class=\"num\"" : "")>"
        + escape(header) + "</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for row in rows {
      html += "<tr>"
      for (index, cell) in row.enumerated() {
        html += "<td\(right.contains(index) ? " class=\"num\"" : "")>" + escape(cell) + "</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// A paragraph of escaped text.
  static func paragraph(_ text: String, className: String? = nil) -> String {
    "<p" + (className.map { " class=\"\($0)\"" } ?? "") + ">" + escape(text) + "</p>\n"
  }

  /// A number for SVG coordinates: an integer, or one decimal (tenths), never a float's digits.
  static func coordinate(_ tenths: Int) -> String {
    let magnitude = tenths.magnitude
    let text = magnitude % 10 == 0 ? String(magnitude / 10) : "\(magnitude / 10).\(magnitude % 10)"
    return (tenths < 0 ? "-" : "") + text
  }
}
