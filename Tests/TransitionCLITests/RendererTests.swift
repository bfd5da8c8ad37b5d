import Projections
import Testing

@testable import TransitionCLI

@Suite("the table renderer, the CSV reader and the table diff")
struct RendererTests {
  static let table = ViewTable(
    name: "costs", title: "Costs",
    columns: [.init("gemeente"), .init("bedrag", alignment: .right)],
    rows: [["BEV", "EUR 653,761.50"], ["HKK, \"de\"", "EUR 1.00"]], keyColumnCount: 1,
    notes: ["totaal EUR 653,762.50"])

  @Test("text: aligned columns, amounts right-aligned, notes below, no trailing spaces")
  func text() {
    let text = TableRenderer.render(Self.table, as: .text)
    let lines = text.split(separator: "\n")
    #expect(lines.contains("  gemeente           bedrag"))
    #expect(lines.contains("  BEV        EUR 653,761.50"))
    #expect(lines.contains("  HKK, \"de\"        EUR 1.00"))
    #expect(lines.last == "  totaal EUR 653,762.50")
    #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
  }

  @Test("json: an array of objects keyed by column name; csv: RFC 4180 with a header row")
  func jsonAndCSV() {
    let json = TableRenderer.render(Self.table, as: .json)
    #expect(json.contains(#""gemeente": "HKK, \"de\"""#))
    let csv = TableRenderer.render(Self.table, as: .csv)
    #expect(csv == "gemeente,bedrag\r\nBEV,\"EUR 653,761.50\"\r\n\"HKK, \"\"de\"\"\",EUR 1.00\r\n")
  }

  @Test("CSV: BOM, semicolons, quoted separators and line breaks, line numbers of rows")
  func csvReader() throws {
    let bytes = Array("\u{FEFF}a;b\r\n1;\"x;\ny\"\r\n\r\n2;\"\"\"q\"\"\"\r\n".utf8)
    let parsed = try CSV.parse(bytes)
    #expect(parsed.separator == ";")
    #expect(parsed.rows.map { $0.line } == [1, 2, 5])
    #expect(parsed.rows[1].fields == ["1", "x;\ny"])
    #expect(parsed.rows[2].fields == ["2", "\"q\""])
    #expect(throws: CSV.Problem.self) { try CSV.parse(Array("a,b\n1,\"open\n".utf8)) }
    #expect(try CSV.parse(Array("a,b\n1,2".utf8)).separator == ",")
  }

  @Test("staff sheet values: decimal comma FTE, Dutch and ISO days, impossible days refused")
  func staffValues() {
    #expect(StaffSheet.fte("0,8889", decimalComma: true)?.description == "0.8889")
    #expect(StaffSheet.fte("1", decimalComma: true)?.description == "1.0000")
    #expect(StaffSheet.fte("0.5", decimalComma: false)?.description == "0.5000")
    #expect(StaffSheet.fte("0,5,1", decimalComma: true) == nil)
    #expect(StaffSheet.day("31-12-2026")?.description == "2026-12-31")
    #expect(StaffSheet.day("2026-12-31")?.description == "2026-12-31")
    #expect(StaffSheet.day("29-02-2026") == nil)
  }

  @Test("diff: rows added, removed and changed on the key columns")
  func diff() {
    let old = ViewTable(
      name: "v", title: "", columns: [.init("k"), .init("v")], rows: [["a", "1"], ["b", "2"]])
    let new = ViewTable(
      name: "v", title: "", columns: [.init("k"), .init("v")],
      rows: [["a", "1"], ["c", "3"], ["b", "4"]])
    let changes = TableDiff.compare(old, new)
    #expect(changes == [.added(["c", "3"]), .changed(old: ["b", "2"], new: ["b", "4"])])
    #expect(TableDiff.table(changes, of: new).rows.last == ["changed", "b", "2 → 4"])
  }
}
