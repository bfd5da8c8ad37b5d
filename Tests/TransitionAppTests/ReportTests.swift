import EventLog
import Foundation
import Projections
import Testing
import TransitionDomain

@testable import TransitionApp

/// The bundled IJmond example written to a fresh folder, removed when the value goes.
final class ExampleFile {
  let directory = NSTemporaryDirectory() + "report-" + UUID().uuidString
  var path: String { directory + "/ijmond.log" }

  init() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let bytes = try #require(ExampleLog.bundledBytes)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  /// The report of the example for `query` in `language`, from a fresh projector (no sidecar).
  func report(
    _ query: ViewQuery, _ language: ReportLanguage = .nl, since: KnownAt? = nil
  ) throws -> String {
    let projector = try TransitionProjector(path: path, useSidecar: false)
    return try TransitionReport.html(
      projector: projector,
      request: .init(query: query, language: language, sinceKnownAt: since))
  }
}

/// The end of `day` in Dutch time: what `--known-at DAY` means.
func endOf(_ day: CalendarDay) -> KnownAt {
  .instant(DutchTime.endOfDay(day))
}

/// The visible text of `html`: tags removed, the entities the report writes decoded, runs of
/// spaces and line breaks as one space.
func visibleText(_ html: String) -> String {
  var text = ""
  var inTag = false
  for character in html {
    if character == "<" {
      inTag = true
    } else if character == ">" {
      inTag = false
      text.append(" ")
    } else if !inTag {
      text.append(character)
    }
  }
  let decoded = text.replacingOccurrences(of: "&lt;", with: "<")
    .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
    .replacingOccurrences(of: "&amp;", with: "&")
  return decoded.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}

@Suite("transition report: the HTML report of the views")
struct ReportTests {
  static let firstJuly = CalendarDay(2026, 7, 1)
  static let beforeLateRecord = endOf(CalendarDay(2026, 7, 2))

  @Test("the same inputs give the same bytes; the IJmond report's digest is pinned")
  func byteIdentical() throws {
    let example = try ExampleFile()
    let query = ViewQuery(validAt: Self.firstJuly, knownAt: Self.beforeLateRecord)
    let first = try example.report(query)
    let second = try example.report(query)
    #expect(first == second)
    // Changing the report's layout changes this digest: check the new report in a browser
    // (ReportBrowserTests) and then pin the new value.
    #expect(
      SHA256.hash(first).hexString
        == "bd7a8e85df44741b7a8e06d7dea1f2a39f303b2b63af22406463a2b9640f4cdb")
    let now = try example.report(
      ViewQuery(validAt: Self.firstJuly), .en, since: Self.beforeLateRecord)
    #expect(
      now
        == (try example.report(
          ViewQuery(validAt: Self.firstJuly), .en, since: Self.beforeLateRecord)))
    #expect(
      SHA256.hash(now).hexString
        == "b1fa239d71519a1e907138974e61f911cf9db586a8e0d5c2ec4ac812ca790440")
  }

  @Test("Dutch figures and days in Dutch forms, English in English forms")
  func numberForms() throws {
    let example = try ExampleFile()
    let dutch = visibleText(try example.report(ViewQuery(validAt: CalendarDay(2027, 12, 31))))
    #expect(dutch.contains("Nulmeting van het cohort: 55 medewerkers, 47,00 fte"))
    #expect(dutch.contains("€ 2.352.500,00"))
    #expect(dutch.contains("31 december 2027"))
    #expect(dutch.contains("verschil € 52.500,00 (2,28 %): boven de raming"))
    let english = visibleText(
      try example.report(ViewQuery(validAt: CalendarDay(2027, 12, 31)), .en))
    #expect(english.contains("Baseline of the cohort: 55 people, 47.00 fte"))
    #expect(english.contains("€ 2,352,500.00"))
    #expect(english.contains("31 December 2027"))
  }

  @Test("the cover ties the report to the log: records read, head hash, checkpoint root")
  func cover() throws {
    let example = try ExampleFile()
    let verified = try LogVerifier.verify(path: example.path, computeCheckpoint: true)
    let checkpoint = try #require(verified.checkpoint)
    let html = try example.report(
      ViewQuery(validAt: Self.firstJuly, knownAt: Self.beforeLateRecord))
    let text = visibleText(html)
    #expect(text.contains("117 van 172 gelezen"))
    #expect(text.contains(verified.headHash.hexString))
    #expect(text.contains(checkpoint.text.split(separator: "\n").joined(separator: " ")))
    #expect(
      text.contains("Stand op 1 juli 2026, zoals bekend 2 juli 2026, 23:59:59 (Nederlandse tijd)"))
    #expect(text.contains("Bevindingen 3"))
    // The staff table's last day holds the staffing view's totals on that day.
    #expect(text.contains("1 juli 2026 12,24 fte · 14 11,41 fte · 14 19,00 fte · 22"))
    #expect(text.contains("30 juni 2026 – – 43,65 fte · 51"))
  }

  @Test("a milestone date coarser than a day is written as given, never as an invented day")
  func coarseMilestoneDates() throws {
    let example = try ExampleFile()
    let text = visibleText(try example.report(ViewQuery(validAt: Self.firstJuly)))
    // F0 was achieved in March 2024 and F1 planned and achieved in June 2023, to the month.
    #expect(text.contains("F0 BEV+HKK+VLS bereikt 2024-03"))
    #expect(text.contains("F1 BEV+HKK+VLS gepland op 2023-06; bereikt 2023-06"))
    #expect(!text.contains("bereikt 1 maart 2024"))
  }

  @Test("the decision recorded late (IJM-077) is marked as known now, and absent before it")
  func lateDecision() throws {
    let example = try ExampleFile()
    let now = try example.report(ViewQuery(validAt: Self.firstJuly))
    #expect(now.contains("IJM-077 !</text>"))
    #expect(visibleText(now).contains("Laat vastgelegd: IJM-077"))
    #expect(
      visibleText(now).contains(
        "IJM-082 1 juli 2026 overgegaan BEV 14 12,24 IJM-062, IJM-070, IJM-077 (laat vastgelegd),"
          + " IJM-078"))
    let before = try example.report(
      ViewQuery(validAt: Self.firstJuly, knownAt: Self.beforeLateRecord))
    #expect(!before.contains("IJM-077 !"))
    #expect(!visibleText(before).contains("Laat vastgelegd"))
  }

  @Test("every chart has a title and a description; nothing is fetched and no script runs")
  func selfContained() throws {
    let example = try ExampleFile()
    let html = try example.report(
      ViewQuery(validAt: Self.firstJuly), .en, since: Self.beforeLateRecord)
    let charts = html.components(separatedBy: "<svg ").count - 1
    #expect(charts == 5)
    #expect(html.components(separatedBy: "<title id=").count - 1 == charts)
    #expect(html.components(separatedBy: "<desc id=").count - 1 == charts)
    #expect(!html.contains("<script"))
    #expect(
      html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
    let withoutNamespace = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
    #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
    #expect(!html.contains(" src="))
  }

  @Test("with --since-known-at, what changed names the rows and the records that caused them")
  func whatChanged() throws {
    let example = try ExampleFile()
    let text = visibleText(
      try example.report(ViewQuery(validAt: Self.firstJuly), since: Self.beforeLateRecord))
    #expect(text.contains("Wat is veranderd"))
    #expect(text.contains("record 117); nu record 172"))
    #expect(text.contains("121 IJM-077 DecisionTaken.v1"))
    #expect(text.contains("133 IJM-098 CostSharingKeyCorrected.v1"))
    let without = try example.report(ViewQuery(validAt: Self.firstJuly))
    #expect(!visibleText(without).contains("Wat is veranderd"))
  }

  @Test("no findings says so plainly")
  func noFindings() throws {
    let example = try ExampleFile()
    let text = visibleText(
      try example.report(ViewQuery(validAt: CalendarDay(2024, 1, 1), knownAt: .seq(20))))
    #expect(text.contains("Geen bevindingen: de controleregels vinden niets op deze peildatum."))
    #expect(text.contains("Bevindingen geen bevindingen"))
  }

  @Test("an empty log, or a known-at before the first record, says so instead of empty charts")
  func emptyLog() throws {
    let directory = NSTemporaryDirectory() + "report-empty-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/leeg.log"
    _ = try LogWriter.create(path: path, name: "leeg")
    let html = try TransitionReport.html(
      projector: TransitionProjector(path: path, useSidecar: false),
      request: .init(query: ViewQuery(validAt: Self.firstJuly)))
    #expect(visibleText(html).contains("Het logboek is leeg"))
    #expect(!html.contains("<svg"))
    let example = try ExampleFile()
    let before = try example.report(ViewQuery(validAt: Self.firstJuly, knownAt: .seq(0)), .en)
    #expect(visibleText(before).contains("As known at this moment the log held no records yet"))
    #expect(!before.contains("<svg"))
  }

  @Test("a known-at beyond the log throws the projector's error, as state reports it")
  func knownAtBeyondLog() throws {
    let example = try ExampleFile()
    #expect(throws: TransitionProjector.QueryError.seqOutOfRange(999, lastSeq: 172)) {
      try example.report(ViewQuery(validAt: Self.firstJuly, knownAt: .seq(999)))
    }
  }

  @Test("numbers, amounts and days in Dutch and English forms")
  func languageForms() {
    #expect(ReportLanguage.nl.money(cents: 235_250_000) == "€ 2.352.500,00")
    #expect(ReportLanguage.en.money(cents: 235_250_000) == "€ 2,352,500.00")
    #expect(ReportLanguage.nl.money(cents: -29_820) == "€ -298,20")
    #expect(ReportLanguage.nl.money(cents: 5) == "€ 0,05")
    #expect(ReportLanguage.nl.fte(tenThousandths: 470_000) == "47,00")
    #expect(ReportLanguage.nl.fte(tenThousandths: 12_245) == "1,22")
    #expect(ReportLanguage.nl.fte(tenThousandths: 12_250) == "1,23")
    #expect(ReportLanguage.en.fte(tenThousandths: -12_250) == "-1.23")
    #expect(ReportLanguage.nl.day(CalendarDay(2026, 7, 1)) == "1 juli 2026")
    #expect(ReportLanguage.en.day(CalendarDay(2026, 7, 1)) == "1 July 2026")
    #expect(ReportLanguage.nl.cell("EUR 2,352,500.00") == "€ 2.352.500,00")
    #expect(ReportLanguage.nl.cell("12.2400") == "12,24")
    #expect(ReportLanguage.nl.cell("2026-07-01") == "1 juli 2026")
    #expect(ReportLanguage.nl.cell("klantmanager werk") == "klantmanager werk")
    #expect(
      ReportLanguage.nl.instant("2026-07-14T08:30:00.000Z")
        == "14 juli 2026, 10:30:00 (Nederlandse tijd)")
    #expect(
      ReportLanguage.en.instant("2026-01-14T08:30:00.000Z")
        == "14 January 2026, 09:30:00 (Dutch time)")
    #expect(ReportLanguage.nl.instant("not an instant") == "not an instant")
    #expect(CellText.firstDay("2023-Q1") == CalendarDay(2023, 1, 1))
    #expect(CellText.firstDay("2024-07~") == CalendarDay(2024, 7, 1))
    #expect(CellText.firstDay("-") == nil)
  }

  @Test(
    "the staff chart's days: every first of the month, both ends, each change and the day before")
  func chartDays() {
    let days = ReportFacts.chartDays(
      from: CalendarDay(2025, 7, 15), to: CalendarDay(2025, 9, 10),
      changes: [CalendarDay(2025, 8, 20), CalendarDay(2025, 7, 1), CalendarDay(2025, 12, 1)])
    #expect(
      days == [
        CalendarDay(2025, 7, 15), CalendarDay(2025, 8, 1), CalendarDay(2025, 8, 19),
        CalendarDay(2025, 8, 20), CalendarDay(2025, 9, 1), CalendarDay(2025, 9, 10),
      ])
  }
}
