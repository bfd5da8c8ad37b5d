import Foundation
import Synchronization
import Testing

/// The IJmond report rendered in a real browser (Debian's headless `chromium`): it loads with
/// no console message and no request, shows the expected figures, draws something, and prints
/// on A4 pages.
///
/// Runs when `chromium` is on the PATH; without it plain `swift test` skips only this suite and
/// says so in one line. Under CI (`TRANSITION_CI=1`, set by `.ci/run`) it always runs and fails
/// when the browser is missing.
@Suite("transition report in headless Chromium", .serialized)
struct ReportBrowserTests {
  /// One report of the done-when list: its language and known-at, and its pages in print.
  struct Variant: CustomTestStringConvertible, Sendable {
    let language: String
    let knownAt: String?
    let pages: Int
    var testDescription: String { "\(language), as known \(knownAt ?? "now")" }
  }

  static let variants = [
    Variant(language: "nl", knownAt: "2026-07-02", pages: 8),
    Variant(language: "en", knownAt: "2026-07-02", pages: 8),
    Variant(language: "nl", knownAt: nil, pages: 8),
    Variant(language: "en", knownAt: nil, pages: 8),
  ]

  /// `EUR 83,860.00` as the report writes it in `language`.
  static func amount(_ cell: String, _ language: String) -> String {
    let number = cell.replacingOccurrences(of: "EUR ", with: "")
    guard language == "nl" else { return "€ " + number }
    return "€ "
      + number.replacingOccurrences(of: ",", with: "_").replacingOccurrences(of: ".", with: ",")
      .replacingOccurrences(of: "_", with: ".")
  }

  /// The size of a screenshot of an empty page, taken once: what "blank" weighs as a PNG.
  static func blankScreenshotSize(_ browser: HeadlessChromium) throws -> Int {
    if let size = blankSize.withLock({ $0 }) { return size }
    let work = WorkDirectory()
    try "<!DOCTYPE html><html><body></body></html>".write(
      toFile: work.file("blank.html"), atomically: true, encoding: .utf8)
    try browser.screenshot(of: work.file("blank.html"), to: work.file("blank.png"))
    let size = try Data(contentsOf: URL(fileURLWithPath: work.file("blank.png"))).count
    blankSize.withLock { $0 = size }
    return size
  }
  static let blankSize = Mutex<Int?>(nil)

  @Test(
    "the IJmond report on 2026-07-01 loads, shows its figures, draws and prints on A4",
    .enabled(
      if: HeadlessChromium.found != nil || HeadlessChromium.required,
      "chromium is not installed: the report's browser test is skipped (apt-get install chromium)"),
    arguments: variants)
  func ijmond(variant: Variant) throws {
    let browser = try #require(
      HeadlessChromium.found,
      "chromium is required under CI (TRANSITION_CI=1): apt-get install chromium")
    let demo = try DemoLog()
    let report = demo.work.file("report.html")
    let moment = ["--valid-at", "2026-07-01"] + (variant.knownAt.map { ["--known-at", $0] } ?? [])
    let run = try TransitionBinary.run(
      ["report", demo.path] + moment + ["--lang", variant.language, "--output", report])
    #expect(run.status == 0, "\(run.errors)")

    let (dom, console) = try browser.dom(of: report)
    #expect(console.isEmpty, "the page logged: \(console)")
    #expect(dom.contains("<svg"), "the DOM holds the charts")
    let nl = variant.language == "nl"
    #expect(dom.contains(nl ? "55 medewerkers, 47,00 fte" : "55 people, 47.00 fte"))
    // The costs per municipality, as the costs view states them for the same moment.
    let costs = try TransitionBinary.run(["state", demo.path, "--view", "costs"] + moment)
    let totals = try #require(
      costs.output.split(separator: "\n").first { $0.contains("total EUR") })
    for municipality in ["BEV", "HKK", "VLS"] {
      let range = try #require(totals.range(of: "\(municipality) EUR "))
      let cell =
        "EUR "
        + totals[range.upperBound...].prefix { $0 != " " && $0 != "\n" }
        .trimmingCharacters(in: [","])
      #expect(dom.contains(Self.amount(cell, variant.language)), "\(municipality) \(cell)")
    }
    if variant.knownAt == nil {
      #expect(dom.contains(nl ? "Laat vastgelegd: IJM-077" : "Recorded late: IJM-077"))
      #expect(dom.contains("IJM-077 !"))
    } else {
      #expect(!dom.contains(nl ? "Laat vastgelegd" : "Recorded late"))
    }

    let png = demo.work.file("report.png")
    try browser.screenshot(of: report, to: png)
    let screenshot = try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))
    let blank = try Self.blankScreenshotSize(browser)
    #expect(Array(screenshot.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    // A page of one colour compresses to a few kilobytes; text and charts do not.
    #expect(blank > 0)
    #expect(screenshot.count > 4 * blank, "\(screenshot.count) bytes vs blank \(blank)")

    let pdf = demo.work.file("report.pdf")
    try browser.printToPDF(report, to: pdf)
    let pages = PDFPages(try [UInt8](Data(contentsOf: URL(fileURLWithPath: pdf))))
    #expect(pages.count == variant.pages)
    #expect(pages.sizes.count >= pages.count)
    #expect(pages.sizes.allSatisfy { $0.width == 595 && $0.height == 842 }, "A4: \(pages.sizes)")
  }
}
