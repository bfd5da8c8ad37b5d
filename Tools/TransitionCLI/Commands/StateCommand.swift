import Projections

/// `transition state`: a view of the transition on one day, as known at one moment.
enum StateCommand: Command {
  static let name = "state"
  static let summary = "show a view (staffing, decisions, costs …) on a day, as known at a moment"
  static var help: String {
    """
    transition state LOG [--view VIEW] [--valid-at DAY] [--known-at T | --known-at-seq N]
                         [--as-recorded] [--json | --csv]

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
      booleans: ViewSource.booleanFlags.union(OutputFormat.flags), usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    let format = try OutputFormat.from(arguments, usage: usage)
    let view = try ViewSource.view(arguments.value("view") ?? "staffing", usage: usage)
    let moment = try Moment(arguments, usage: usage)
    let table = try ViewSource(path: path, console: console).table(view, moment: moment)
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
    decision (IJM-077), a body (RAAD-BEV), a milestone (M3) or any record id. An unknown
    subject exits 65.

    \(Moment.help)

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
      booleans: ViewSource.booleanFlags.union(OutputFormat.flags), usage: usage)
    try arguments.expectPositionals(atMost: 2, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    let subject = try arguments.positional(
      1, "the subject: an employee (E017), decision, body or milestone", usage: usage)
    let format = try OutputFormat.from(arguments, usage: usage)
    let moment = try Moment(arguments, usage: usage)
    let table = try ViewSource(path: path, console: console).history(subject, moment: moment)
    console.writeOutput(TableRenderer.render(table, as: format, console: console))
    return .ok
  }
}
