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

  /// How to run this program again, as the next commands print it: `swift run transition`
  /// when it was started from a package's `.build` folder (a clone), else `transition`.
  static var program: String {
    (CommandLine.arguments.first ?? "").contains("/.build/") ? "swift run transition" : "transition"
  }

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(words, valued: ["output"], booleans: ["force"], usage: usage)
    try arguments.expectPositionals(atMost: 0, usage: usage)
    let path = arguments.value("output") ?? "ijmond-demo.log"
    try write(to: path, force: arguments.flag("force"))
    ProjectionSidecar(logPath: path).remove()
    let report: VerifyReport
    do {
      report = try LogVerifier.verify(path: path)
    } catch {
      throw LogFailures.failure(error, path: path)
    }
    let reportPath = ReportCommand.defaultOutput(
      log: path, moment: Moment(validAt: firstJuly), language: .nl)
    try ReportCommand.report(
      path, request: .init(query: Moment(validAt: firstJuly).query), to: reportPath,
      console: nil)
    try tour(
      path: path, report: report, program: program, console: console, reportPath: reportPath)
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
    console.print("")
  }

  private static func printTable(_ table: ViewTable, console: Console) {
    console.print(String(TableRenderer.text(table, console: console).dropLast()))
  }

  /// The days section 2 shows staffing on: before, just after and long after the moves.
  static let staffingDays = [
    CalendarDay(2025, 12, 31), CalendarDay(2026, 7, 1), CalendarDay(2027, 12, 31),
  ]

  /// The end of the tour's last day: every view of the tour is valid on it.
  static let lastDay = CalendarDay(2027, 12, 31)

  /// The moves of 2026-07-01 and the moment before IJM-077 was recorded (end of 2026-07-02 in
  /// Dutch time, as `--known-at 2026-07-02` means it).
  static let firstJuly = CalendarDay(2026, 7, 1)
  static let beforeLateRecord = Moment.Known.instant(DutchTime.endOfDay(CalendarDay(2026, 7, 2)))

  /// The commands the tour ends with, for the log at `path`; each works as printed (`audit`
  /// exits 1 because the example has findings).
  static func nextCommands(path: String, program: String) -> [String] {
    let log = program + " " + RecordExamples.shellQuoted(path)
    let verb = { (words: String) in
      let parts = words.split(separator: " ", maxSplits: 1)
      return program + " " + parts[0] + " " + RecordExamples.shellQuoted(path) + " " + parts[1]
    }
    return [
      log.replacingOccurrences(of: program + " ", with: program + " verify "),
      verb("state --view staffing --valid-at 2026-07-01"),
      verb("state --view decisions --valid-at 2026-07-01 --known-at 2026-07-02"),
      verb("state --view regional --valid-at 2026-04-01"),
      verb("state --view costs --valid-at 2027-12-31 --as-recorded"),
      verb("history E017"),
      verb("history IJM-077"),
      verb("diff --view decisions --valid-at 2026-07-01 --from-known-at 2026-07-02"),
      verb("diff --view staffing --from-valid-at 2026-06-30 --to-valid-at 2026-07-01"),
      verb("audit --valid-at 2027-12-31"),
      verb("audit --valid-at 2026-07-01 --known-at 2026-07-02"),
      verb("export --format csv --view staffing --valid-at 2026-07-01"),
      verb("show IJM-077"),
      verb("report --valid-at 2026-07-01 --since-known-at 2026-07-02 --lang en"),
    ]
  }

  /// The tour, read from the log just written through the read models.
  static func tour(
    path: String, report: VerifyReport, program: String, console: Console,
    reportPath: String? = nil
  ) throws(CommandFailure) {
    console.print(
      "Wrote \(path): the IJmond example log, \(report.recordCount) records, verified"
        + " (head \(report.headHash.hexString.prefix(16))…).")
    console.print(
      AuditCommand.wrap(
        "It tells how the re-integration work of IJmond Werkt! (IJW) moves to Beverwijk (BEV),"
          + " Heemskerk (HKK) and Velsen (VLS): decisions, OR advice, staff moves and costs,"
          + " 2023 to 2027. The names and numbers are illustrative. Two time axes: --valid-at"
          + " is the day the facts are about, --known-at what the log knew at a moment.",
        indent: ""))
    let views = try ViewSource(path: path)
    let log = RecordExamples.shellQuoted(path)

    section("1. Decisions per council and board", console: console)
    console.print("From `\(program) state \(log) --view decisions --valid-at \(lastDay)`:")
    console.print("")
    printTable(
      decisionTimeline(try views.table("decisions", moment: Moment(validAt: lastDay))),
      console: console)

    section("2. Staffing on three days", console: console)
    console.print(
      AuditCommand.wrap(
        "Headcount / contract fte per organisation, from `\(program) state \(log) --view"
          + " staffing --valid-at DAY`:", indent: ""))
    console.print("")
    var staffing: [ViewTable] = []
    for day in staffingDays {
      staffing.append(try views.table("staffing", moment: Moment(validAt: day)))
    }
    printTable(staffingTotals(staffing, days: staffingDays), console: console)

    section(
      "3. An accountant asks: were the Beverwijk moves of 1 July 2026 backed?", console: console)
    console.print(
      AuditCommand.wrap(
        "On 2026-07-01, 14 employees moved from IJW to BEV (IJM-082). Beverwijk's"
          + " plaatsingsbesluit IJM-077, taken on 2026-06-09, was recorded only on 2026-07-14."
          + " The same question, valid on 2026-07-01, answered as known now and as known on"
          + " 2026-07-02:", indent: ""))
    for known in [Moment.Known.everything, beforeLateRecord] {
      let moment = Moment(validAt: firstJuly, knownAt: known)
      console.print("")
      printTable(
        beverwijkDecisions(try views.table("decisions", moment: moment), moment: moment),
        console: console)
      let findings = try views.audit(moment).filter {
        $0.seqs.contains { views.recordID($0) == "IJM-082" }
      }
      console.print("")
      for finding in findings {
        console.print(
          AuditCommand.wrap(
            "\(finding.rule): \(finding.message)", indent: "  "
          ).replacingOccurrences(
            of: "\n  ", with: "\n    "))
      }
    }
    console.print("")
    console.print(
      AuditCommand.wrap(
        "Known now, the moves are backed by IJM-077, and the audit notes it was recorded late."
          + " As known on 2026-07-02 they were unbacked. The log keeps both answers: nothing is"
          + " overwritten, and --known-at asks what the log knew at a moment.", indent: ""))

    section("4. The audit rules' findings, valid on \(lastDay), as known now", console: console)
    let moment = Moment(validAt: lastDay)
    let findings = try views.audit(moment)
    console.writeOutput(
      AuditCommand.text(
        findings, views: views, moment: moment, seq: views.lastSeq, chain: report,
        console: console))

    section("5. Next: try these", console: console)
    for command in nextCommands(path: path, program: program) { console.print("  " + command) }
    console.print("")
    console.print(
      AuditCommand.wrap(
        "`audit` exits with status 1 because the example has findings. The views are folded"
          + " once and cached in \(ViewSource.cachePath(path)): a cache only, rebuilt whenever"
          + " it does not match the log, safe to delete; `verify` never reads it.", indent: ""))
    if let reportPath {
      console.print(
        AuditCommand.wrap(
          "The report of the example on \(firstJuly), as known now, in Dutch, for people who do"
            + " not read terminal tables, is in \(reportPath): open it in a browser, print it on"
            + " A4 (`\(program) report --help`).", indent: ""))
    }
    console.print(
      AuditCommand.wrap(
        "Then start your own log: `\(program) init transitie.log --name NAME`, and"
          + " `\(program) record --help`.", indent: ""))
  }

  /// The decisions view as a timeline: every decision per body, in the order taken
  /// (proposals left out: they are not decisions yet).
  static func decisionTimeline(_ view: ViewTable) -> ViewTable {
    let picked = ["body", "taken", "decision", "kind", "status", "in force", "recorded"]
    var rows = select(
      picked, of: view.rows.filter { cell("kind", $0, view) != "proposal" }, in: view)
    rows = rows.map { row in
      var row = row
      row[6] = String(row[6].prefix(10))
      return row
    }
    rows.sort { ($0[0], $0[1], $0[2]) < ($1[0], $1[1], $1[2]) }
    return ViewTable(
      name: "decisions", title: "",
      columns: picked.map { ViewTable.Column($0) }, rows: rows, keyColumnCount: 3,
      notes: ["\(rows.count) decisions; \"recorded\" is the day each reached the log"])
  }

  /// The decisions of Beverwijk and the regional board in force at `moment`.
  static func beverwijkDecisions(_ view: ViewTable, moment: Moment) -> ViewTable {
    let picked = ["decision", "body", "kind", "taken", "recorded"]
    let rows = view.rows.filter { row in
      cell("in force", row, view) == "yes"
        && ["COL-BEV", "RAAD-BEV", "GR-IJW-BESTUUR"].contains(cell("body", row, view))
    }
    return ViewTable(
      name: "decisions",
      title: "BEV and IJW decisions in force, \(moment.description)",
      columns: picked.map { ViewTable.Column($0) },
      rows: select(picked, of: rows, in: view),
      keyColumnCount: 1)
  }

  /// Headcount and contract fte per organisation on each day, summed from staffing views.
  static func staffingTotals(_ views: [ViewTable], days: [CalendarDay]) -> ViewTable {
    var totals: [String: [Int: (Int, FTE)]] = [:]
    for (index, view) in views.enumerated() {
      for row in view.rows {
        let organisation = cell("organisation", row, view)
        let headcount = Int(cell("headcount", row, view)) ?? 0
        let fte = FTE(parsing: cell("contract fte", row, view)) ?? FTE(tenThousandths: 0)
        let sum = totals[organisation, default: [:]][index] ?? (0, FTE(tenThousandths: 0))
        totals[organisation, default: [:]][index] = (sum.0 + headcount, sum.1 + fte)
      }
    }
    let rows = totals.keys.sorted().map { organisation in
      [organisation]
        + days.indices.map { index in
          totals[organisation]?[index].map { "\($0.0) / \($0.1)" } ?? "-"
        }
    }
    return ViewTable(
      name: "staffing", title: "",
      columns: [.init("organisation")] + days.map { .init($0.description, alignment: .right) },
      rows: rows)
  }

  /// The cells of `columns` of each of `rows` of `view`.
  private static func select(_ columns: [String], of rows: [[String]], in view: ViewTable)
    -> [[String]]
  {
    rows.map { row in columns.map { cell($0, row, view) } }
  }

  /// The cell of `column` in `row` of `view`, or "" when the view has no such column.
  private static func cell(_ column: String, _ row: [String], _ view: ViewTable) -> String {
    guard let index = view.columns.firstIndex(where: { $0.name == column }) else { return "" }
    return row[index]
  }
}
