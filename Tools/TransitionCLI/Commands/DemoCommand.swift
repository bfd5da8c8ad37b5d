import EventLog
import Foundation
import Projections
import TransitionApp
import TransitionDomain

#if canImport(Glibc)
  import Glibc
#endif

/// `transition demo`: the IJmond example log written to a file, verified, and toured.
enum DemoCommand: Command {
  static let name = "demo"
  static let summary = "write the IJmond example log, verify it and take a guided tour"
  static let help = """
    transition demo [--output FILE] [--force]

    Writes the bundled IJmond example log (the transition of IJmond Werkt!'s re-integration
    work to Beverwijk, Heemskerk and Velsen: 172 records) to FILE (default ijmond-demo.log in
    the current folder), verifies it, and prints a short tour: the decisions per council,
    staffing on three days, an accountant's question answered as known now and as known
    before a late record, the audit findings, and the commands to try next.

    Refuses to overwrite an existing file unless --force is given.

    Examples:
      transition demo
      transition demo --output /tmp/ijmond.log --force
    """

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(words, valued: ["output"], booleans: ["force"], usage: usage)
    try arguments.expectPositionals(atMost: 0, usage: usage)
    let path = arguments.value("output") ?? "ijmond-demo.log"
    try write(to: path, force: arguments.flag("force"))
    let report: VerifyReport
    do {
      report = try LogVerifier.verify(path: path)
    } catch {
      throw LogFailures.failure(error, path: path)
    }
    tour(path: path, report: report, console: console)
    return .ok
  }

  /// Writes the example log to `path`, with mode 0640.
  static func write(to path: String, force: Bool) throws(CommandFailure) {
    let manager = FileManager.default
    if manager.fileExists(atPath: path) {
      guard force else {
        throw CommandFailure(
          status: .cannotCreate,
          message: "\(path) exists already. Give --force to overwrite it, or choose another"
            + " file with --output FILE.")
      }
      do {
        try manager.removeItem(atPath: path)
      } catch {
        throw CommandFailure(
          status: .cannotCreate,
          message: "\(path) cannot be replaced: \(error.localizedDescription)")
      }
    }
    if let bytes = ExampleLog.bundledBytes {
      let created = manager.createFile(
        atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o640])
      guard created else {
        throw CommandFailure(
          status: .cannotCreate,
          message: "\(path) cannot be created. Check that its folder exists and is writable.")
      }
      chmod(path, 0o640)
      return
    }
    do {
      try ExampleLog.build(at: path)
    } catch {
      throw CommandFailure(
        status: .cannotCreate, message: "The example log cannot be built at \(path): \(error)")
    }
  }

  private static func section(_ title: String, console: Console) {
    console.print("")
    console.print(
      console.bold("── " + title + " " + String(repeating: "─", count: max(0, 74 - title.count))))
  }

  private static func printTable(_ table: ViewTable, console: Console) {
    console.print(String(TableRenderer.text(table, console: console).dropLast()))
  }

  /// The tour, read from the log just written.
  static func tour(path: String, report: VerifyReport, console: Console) {
    let quoted = RecordExamples.shellQuoted(path)
    console.print(
      "Wrote \(path): the IJmond example log, \(report.recordCount) records, verified"
        + " (head \(report.headHash.hexString.prefix(16))…).")
    console.print(
      "It tells how the re-integration work of IJmond Werkt! (IJW) moves to Beverwijk (BEV),"
        + " Heemskerk (HKK) and Velsen (VLS): decisions, OR advice, staff moves and costs,"
        + " 2023 to 2027. The names and numbers are illustrative.")

    section("1. Decisions per council and board", console: console)
    if let records = try? LogAccess.records(path, console: console) {
      printTable(decisionTimeline(records), console: console)
    }

    section("2. Staffing on three days", console: console)
    for day in ["2025-07-01", "2026-07-01", "2026-09-01"] {
      guard let validAt = CalendarDay(parsing: day) else { continue }
      show(
        { () throws(CommandFailure) in
          try ViewSource.table("staffing", path: path, moment: Moment(validAt: validAt))
        }, console: console)
    }

    section(
      "3. An accountant asks: were the Beverwijk moves of 1 July 2026 backed?", console: console)
    console.print(
      "Beverwijk's plaatsingsbesluit (IJM-077, dated 2026-06-09) was recorded late, on"
        + " 2026-07-14, after the transfers of 2026-07-01 it backs. The decisions in force on"
        + " 2026-07-01, first as known now, then as known on 2026-07-02:")
    let firstJuly = CalendarDay(2026, 7, 1)
    let beforeLate = Moment.Known.instant(
      LogInstant(
        millisecondsSinceEpoch: Int64(CalendarDay(2026, 7, 2).dayNumber + 1) * 86_400_000 - 1))
    if let records = try? LogAccess.records(path, console: console) {
      for known in [Moment.Known.everything, beforeLate] {
        let moment = Moment(validAt: firstJuly, knownAt: known)
        let table =
          (try? ViewSource.table("decisions", path: path, moment: moment))
          ?? decisionsInForce(
            records, moment: moment, bodies: ["COL-BEV", "RAAD-BEV", "GR-IJW-BESTUUR"])
        console.print("")
        printTable(table, console: console)
      }
    }

    section("4. The audit rules' findings", console: console)
    do {
      let findings = try ViewSource.audit(path: path, moment: Moment(validAt: Moment.today))
      for finding in findings.prefix(8) {
        console.print("  \(finding.rule)  \(finding.day?.description ?? "")  \(finding.message)")
      }
      if findings.count > 8 { console.print("  … and \(findings.count - 8) more") }
    } catch {
      console.print("  (\(error.message))")
    }

    section("Next: try these", console: console)
    let next = [
      "transition verify \(quoted)",
      "transition log \(quoted) --type TakeDecision",
      "transition show \(quoted) IJM-077",
      "transition state \(quoted) --view staffing --valid-at 2026-07-01",
      "transition state \(quoted) --view decisions --valid-at 2026-07-01 --known-at 2026-07-02",
      "transition history \(quoted) E017",
      "transition diff \(quoted) --view costs --valid-at 2026-09-30 --from-known-at 2026-09-30",
      "transition audit \(quoted)",
      "transition export \(quoted) --format cloudevents --stream decision/IJM-077",
    ]
    for command in next { console.print("  " + command) }
    console.print("")
    console.print(
      "Then start your own log: `transition init transitie.log --name NAME`, and"
        + " `transition record --help`.")
  }

  private static func show(
    _ table: () throws(CommandFailure) -> ViewTable, console: Console
  ) {
    do {
      printTable(try table(), console: console)
      console.print("")
    } catch {
      console.print("  (\(error.message))")
    }
  }

  /// The decisions of the log by body and day, from the records.
  static func decisionTimeline(_ records: [LogRecord]) -> ViewTable {
    var rows: [[String]] = []
    for record in records where record.type == DecisionTaken.eventType {
      let data = record.data
      rows.append([
        data["body"]?.stringValue ?? "", record.effective.description,
        record.id, data["kind"]?.stringValue ?? "", data["status"]?.stringValue ?? "",
        String((data["subject"]?.stringValue ?? "").prefix(48)),
        record.recorded.description.prefix(10) + "",
      ])
    }
    rows.sort { ($0[0], $0[1]) < ($1[0], $1[1]) }
    return ViewTable(
      name: "decisions", title: "Every decision taken, per body, in the order decided",
      columns: [
        .init("body"), .init("day"), .init("record"), .init("kind"), .init("status"),
        .init("subject"), .init("recorded"),
      ], rows: rows, keyColumnCount: 3)
  }

  /// The definitive decisions of `bodies` taken by the moment's day, as known at its instant.
  static func decisionsInForce(_ records: [LogRecord], moment: Moment, bodies: Set<String>)
    -> ViewTable
  {
    let day = RecordCodec.logDay(moment.validAt)
    let rows = records.filter { record in
      guard record.type == DecisionTaken.eventType, record.effective <= day else { return false }
      switch moment.knownAt {
      case .everything: break
      case .instant(let instant): if record.recorded > instant { return false }
      case .seq(let seq): if record.seq > seq { return false }
      }
      let data = record.data
      return bodies.contains(data["body"]?.stringValue ?? "")
        && data["status"]?.stringValue == "definitief"
    }.map { record in
      let data = record.data
      return [
        data["body"]?.stringValue ?? "", record.effective.description, record.id,
        data["kind"]?.stringValue ?? "", String((data["subject"]?.stringValue ?? "").prefix(48)),
      ]
    }
    return ViewTable(
      name: "decisions", title: "Definitive decisions of BEV and IJW, \(moment.description)",
      columns: [.init("body"), .init("day"), .init("record"), .init("kind"), .init("subject")],
      rows: rows, keyColumnCount: 3)
  }
}
