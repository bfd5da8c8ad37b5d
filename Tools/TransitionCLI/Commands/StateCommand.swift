import CanonicalJSON
import Projections

/// `transition state`: a view of the transition on one day, as known at one moment.
enum StateCommand: Command {
  static let name = "state"
  static let summary = "show a view (staffing, decisions, costs …) on a day, as known at a moment"
  static var help: String {
    """
    transition state LOG [--view VIEW] [--valid-at DAY] [--known-at T | --known-at-seq N]
                         [--as-recorded] [--names] [--json | --csv]

    Prints one view of the transition: what was in force on --valid-at (valid time), as the
    log knew it at --known-at (record time). Views:
      staffing      headcount and FTE per organisation, function and cao (the default)
      employees     every employee: employer, function, FTE, cao, placement, status
      conservation  where every baseline FTE of the cohort is
      decisions     every decision, its lifecycle and whether it is in force
      regional      which municipality has and has not decided each regional step
      advice        OR advice per personnel decision
      milestones    planned, replanned and achieved dates, and the slip
      costs         booked cost lines per municipality with the key version, against the estimate
      funds         reserves and budgets per holder: amount, authorised and booked withdrawals,
                    balance

    \(Moment.help)
      --names               add the names of the people register (LOG.people) beside the
                            employee ids, when you may read it; never without this flag

    --json prints one object: "view", "title" (the day and the moment used), "rows" (one object
    per row, keyed by column) and "summary" (every line the text prints below the table).

    The log is folded once and the result cached beside it in LOG.projections, so repeated
    questions are fast. The cache is rebuilt whenever it does not match the log and may be
    deleted at any time; `transition verify` never reads it.

    Examples:
      transition state ijmond-demo.log --view staffing --valid-at 2026-07-01
      transition state ijmond-demo.log --view decisions --valid-at 2026-07-01 --known-at 2026-07-02
      transition state ijmond-demo.log --view costs --valid-at 2026-09-30 --known-at 2026-09-30
      transition state ijmond-demo.log --view regional --valid-at 2026-04-01
      transition state ijmond-demo.log --view employees --valid-at 2026-06-01 --as-recorded --csv
      transition state ijmond-demo.log --view conservation --valid-at 2026-09-01 --json
    """
  }

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(
      words, valued: ViewSource.valuedFlags.union(["view"]),
      booleans: ViewSource.booleanFlags.union(OutputFormat.flags).union([PeopleNames.flag]),
      usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    let format = try OutputFormat.from(arguments, usage: usage)
    let view = try ViewSource.view(arguments.value("view") ?? "staffing", usage: usage)
    let moment = try Moment(arguments, usage: usage)
    let source = try ViewSource(path: path, console: console)
    var table = try source.table(view, moment: moment)
    source.announce(console)
    if arguments.flag(PeopleNames.flag), let names = PeopleNames.load(path, console: console) {
      table = PeopleNames.annotate(table, names: names)
    }
    if format == .json {
      console.writeOutput(JSONText.pretty(document(table)) + "\n")
    } else {
      console.writeOutput(TableRenderer.render(table, as: format, console: console))
    }
    return .ok
  }

  /// The view for programs: its name, its title (the day, the known-at moment with the UTC
  /// instant or record it used, and the correction mode), the rows, and every summary line
  /// the text prints below the table (counts, totals, verdicts).
  static func document(_ table: ViewTable) -> JSONValue {
    .object([
      "view": .string(table.name), "title": .string(table.title),
      "rows": JSONText.table(columns: table.columns.map(\.name), rows: table.rows),
      "summary": .array(table.notes.map { .string($0) }),
    ])
  }
}

/// `transition history`: everything that happened to one employee, decision, body or milestone.
enum HistoryCommand: Command {
  static let name = "history"
  static let summary = "the history of one employee, decision, body or milestone"
  static var help: String {
    """
    transition history LOG SUBJECT [--valid-at DAY] [--known-at T | --known-at-seq N]
                       [--as-recorded] [--names] [--json | --csv]

    Prints every record about SUBJECT in the order of its effective days, with what changed
    and the decisions and OR advice behind each change. SUBJECT is an employee (E017), a
    decision (IJM-077), a body (RAAD-BEV), a milestone (M3) or any record id. An unknown
    subject exits 65.

    \(Moment.help)
      --names               name the person (from LOG.people, when you may read it) in the
                            title and beside every staff/ stream

    Examples:
      transition history ijmond-demo.log E017
      transition history ijmond-demo.log IJM-072 --as-recorded
      transition history ijmond-demo.log IJM-077 --known-at 2026-07-14T08:30:00.000Z
      transition history ijmond-demo.log RAAD-BEV --known-at 2026-01-01
      transition history ijmond-demo.log M3 --json
    """
  }

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(
      words, valued: ViewSource.valuedFlags,
      booleans: ViewSource.booleanFlags.union(OutputFormat.flags).union([PeopleNames.flag]),
      usage: usage)
    try arguments.expectPositionals(atMost: 2, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    let subject = try arguments.positional(
      1, "the subject: an employee (E017), decision, body or milestone", usage: usage)
    let format = try OutputFormat.from(arguments, usage: usage)
    let moment = try Moment(arguments, usage: usage)
    let source = try ViewSource(path: path, console: console)
    var table = try source.history(subject, moment: moment)
    source.announce(console)
    if arguments.flag(PeopleNames.flag), let names = PeopleNames.load(path, console: console) {
      table = PeopleNames.annotateHistory(table, subject: subject, names: names)
    }
    console.writeOutput(TableRenderer.render(table, as: format, console: console))
    return .ok
  }
}
