import Foundation
import Projections
import Testing

@testable import TransitionCLI

/// Issue 15, item 6: no CSV the tool writes holds a cell a spreadsheet runs as a formula.
@Suite("CSV output neutralises formula cells")
struct CSVInjectionTests {
  @Test(
    "a cell starting with = + - @ tab or CR gets a quote in front and is quoted",
    arguments: ["=", "+", "-", "@", "\t", "\r"])
  func perCharacter(first: String) {
    let text = first + "HYPERLINK(\"http://example.org\")"
    let escaped = text.replacingOccurrences(of: "\"", with: "\"\"")
    #expect(CSV.field(text) == "\"'" + escaped + "\"")
    // Through the one renderer every CSV goes through (views, export, audit --csv).
    let table = ViewTable(
      name: "t", title: "", columns: [.init("a"), .init("b")], rows: [[text, "plain"]])
    let csv = TableRenderer.render(table, as: .csv)
    #expect(csv == "a,b\r\n\"'" + escaped + "\",plain\r\n")
    // Read back as a spreadsheet would: the cell is text that starts with the quote.
    let parsed = try? CSV.parse(Array(csv.utf8))
    #expect(parsed?.rows.last?.fields.first == "'" + text)
  }

  @Test("the classic payloads are neutralised")
  func payloads() {
    #expect(CSV.field("+cmd|' /C calc'!A0") == "\"'+cmd|' /C calc'!A0\"")
    #expect(CSV.field("=1+1") == "\"'=1+1\"")
    #expect(CSV.field("@SUM(A1)") == "\"'@SUM(A1)\"")
    #expect(CSV.field("-2+3") == "\"'-2+3\"")
    #expect(CSV.field("--") == "\"'--\"")
    #expect(CSV.field("- 1") == "\"'- 1\"")
    #expect(CSV.field("-.5") == "\"'-.5\"")
    #expect(CSV.field("-1.") == "\"'-1.\"")
    #expect(CSV.field("-1e5") == "\"'-1e5\"")
  }

  @Test("plain numbers, negative ones included, a lone '-' and ordinary text are left as they were")
  func untouched() {
    for text in ["-12.50", "-3", "12.50", "0", "EUR -12.50", "IJM-077", "a=b", "", "1,5", "-"] {
      let expected = text.contains(",") ? "\"" + text + "\"" : text
      #expect(CSV.field(text) == expected, "\(text)")
    }
  }

  @Test("export --format csv of records neutralises a formula recorded as the recorder's name")
  func exportRecords() throws {
    let log = try SmallLog()
    let by = "+cmd|' /C calc'!A0"
    let run = try TransitionBinary.run(
      [
        "record", log.path, "RegisterBody", "--effective", "2020-01-01", "--body", "RAAD-BEV",
        "--name", "Raad", "--kind", "raad", "--organisations", "BEV", "--by", by,
      ])
    #expect(run.status == 0, "\(run.errors)")
    let export = try TransitionBinary.run(["export", log.path, "--format", "csv"])
    #expect(export.status == 0, "\(export.errors)")
    #expect(export.output.contains(",\"'+cmd|' /C calc'!A0\","), "\(export.output)")
    #expect(!export.output.contains(",+cmd"))
  }
}
