import Projections

/// `transition state`: a view of the transition on one day, as known at one moment.
enum StateCommand: Command {
  static let name = "state"
  static let summary = "show a view (staffing, decisions, costs …) on a day, as known at a moment"
  static var help: String {
    """
    transition state LOG [--view VIEW] [--valid-at DAY] [--known-at T | --known-at-seq N]
                         [--as-recorded] [--json | --csv]

    Replays LOG and prints one view of the transition: what was in force on --valid-at, as the
    log knew it at --known-at. Views: \(ViewSource.viewNames.joined(separator: ", "))
    (default staffing).

    \(Moment.help)

    Examples:
      transition state ijmond-demo.log --view staffing --valid-at 2026-07-01
      transition state ijmond-demo.log --view decisions --valid-at 2026-07-01 --known-at 2026-07-02
      transition state ijmond-demo.log --view costs --valid-at 2026-09-30 --known-at 2026-09-30
      transition state ijmond-demo.log --view conservation --valid-at 2026-09-01 --json
    """
  }

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(
      words, valued: ViewSource.valuedFlags.union(["view"]),
      booleans: ViewSource.booleanFlags.union(OutputFormat.flags), usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    let format = try OutputFormat.from(arguments, usage: usage)
    let view = arguments.value("view") ?? "staffing"
    guard ViewSource.viewNames.contains(view) else {
      throw CommandFailure.usage(
        "Unknown view \(view): choose one of \(ViewSource.viewNames.joined(separator: ", ")).",
        help: usage)
    }
    let moment = try Moment(arguments, usage: usage)
    try LogAccess.requireFile(path)
    let table = try ViewSource.table(view, path: path, moment: moment)
    console.writeOutput(TableRenderer.render(table, as: format, console: console))
    return .ok
  }
}

/// `transition history`: everything that happened to one employee, decision, body or milestone.
enum HistoryCommand: Command {
  static let name = "history"
  static let summary = "the history of one employee, decision, body or milestone"
  static var help: String {
    """
    transition history LOG SUBJECT [--valid-at DAY] [--known-at T | --known-at-seq N]
                       [--as-recorded] [--json | --csv]

    Prints every record about SUBJECT in the order of its effective days, with what changed
    and the decisions and OR advice behind each change. SUBJECT is an employee (E017), a
    decision (IJM-077), a body (RAAD-BEV) or a milestone (M3-VLS); or a stream (staff/E017).

    \(Moment.help)

    Examples:
      transition history ijmond-demo.log E017
      transition history ijmond-demo.log IJM-072 --as-recorded
      transition history ijmond-demo.log RAAD-BEV --known-at 2026-01-01
    """
  }

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(
      words, valued: ViewSource.valuedFlags,
      booleans: ViewSource.booleanFlags.union(OutputFormat.flags), usage: usage)
    try arguments.expectPositionals(atMost: 2, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    let subject = try arguments.positional(
      1, "the subject: an employee (E017), decision, body or milestone", usage: usage)
    let format = try OutputFormat.from(arguments, usage: usage)
    let moment = try Moment(arguments, usage: usage)
    try LogAccess.requireFile(path)
    let table = try ViewSource.history(subject, path: path, moment: moment)
    console.writeOutput(TableRenderer.render(table, as: format, console: console))
    return .ok
  }
}

/// `transition audit`: the audit rules' findings; exit status 1 when there are any.
enum AuditCommand: Command {
  static let name = "audit"
  static let summary = "check the audit rules; exit status 1 when there are findings"
  static var help: String {
    """
    transition audit LOG [--valid-at DAY] [--known-at T | --known-at-seq N] [--json | --csv]

    Runs the auditor's rules (DOMAIN.md section 12) over LOG as known at --known-at: staff
    moves without a definitive decision in force, OR advice after the decision, a council
    decision missing for a municipality, cost lines with a key version not in force, FTE not
    conserved, and more. Prints every finding with its rule, day and the records involved.
    Exits 0 when there are none and 1 when there are findings, so scripts can check.

    \(Moment.help)

    Examples:
      transition audit ijmond-demo.log
      transition audit ijmond-demo.log --known-at 2026-07-02
      transition audit transitie.log --json > findings.json
    """
  }

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(
      words, valued: ViewSource.valuedFlags,
      booleans: ViewSource.booleanFlags.union(OutputFormat.flags), usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    let format = try OutputFormat.from(arguments, usage: usage)
    let moment = try Moment(arguments, usage: usage)
    try LogAccess.requireFile(path)
    let findings = try ViewSource.audit(path: path, moment: moment)
    let table = ViewTable(
      name: "findings",
      title: findings.isEmpty
        ? "No findings: every audit rule holds for \(path), \(moment.description)."
        : "\(findings.count) finding\(findings.count == 1 ? "" : "s") for \(path),"
          + " \(moment.description)",
      columns: [.init("rule"), .init("day"), .init("records"), .init("finding")],
      rows: findings.map {
        [
          $0.rule, $0.day?.description ?? "", $0.seqs.map { String($0) }.joined(separator: " "),
          $0.message,
        ]
      })
    if format == .text && findings.isEmpty {
      console.print(table.title)
    } else {
      console.writeOutput(TableRenderer.render(table, as: format, console: console))
    }
    return findings.isEmpty ? .ok : .findings
  }
}
