import CanonicalJSON
import EventLog
import Projections

/// `transition diff`: what changed in a view between two moments, and which records did it.
enum DiffCommand: Command {
  static let name = "diff"
  static let summary = "what changed in a view between two moments, and which records caused it"
  static var help: String {
    """
    transition diff LOG --view VIEW [--valid-at DAY] --from-known-at T [--to-known-at T]
                        [--as-recorded] [--json]
    transition diff LOG --view VIEW --from-valid-at DAY --to-valid-at DAY
                        [--known-at T | --known-at-seq N] [--as-recorded] [--json]

    Compares a view at two moments, row by row on the view's key columns, and prints the rows
    added, removed and changed (old → new), then the records that caused the change:

      between two known-at moments (record time), the records recorded in between;
      between two valid days (valid time), the records effective after the first day up to
      the second, as known at --known-at.

    Of those it lists the records that touch a changed row: the record names every key cell
    of the row (such as BEV, klantmanager werk, Cao Gemeenten), or its id appears in the row.
    When some changed row is touched by none (a change the keys do not show, such as a
    reassignment), it lists every record in between and says so.

    --from-known-at and --to-known-at take an instant with its offset (2020-09-30T23:59+02:00,
    2026-07-02T12:00:00.000Z), a Dutch local time, or a day, meaning the end of that day in
    Dutch time (Europe/Amsterdam); --from-known-at-seq and --to-known-at-seq take record
    numbers. Left out, --to-known-at means everything recorded.
    Views: \(ViewSource.viewNames.joined(separator: ", ")).

    Examples:
      transition diff ijmond-demo.log --view costs --valid-at 2026-09-30 --from-known-at 2026-09-30
      transition diff ijmond-demo.log --view decisions --valid-at 2026-07-01 --from-known-at-seq 117
      transition diff ijmond-demo.log --view decisions --valid-at 2026-07-01 \\
        --from-known-at 2026-07-02 --to-known-at 2026-07-15
      transition diff ijmond-demo.log --view staffing --from-valid-at 2026-06-30 --to-valid-at 2026-07-01
    """
  }

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let timeFlags: Set<String> = [
      "from-known-at", "to-known-at", "from-known-at-seq", "to-known-at-seq", "from-valid-at",
      "to-valid-at",
    ]
    let arguments = try Arguments(
      words, valued: ViewSource.valuedFlags.union(timeFlags).union(["view"]),
      booleans: ViewSource.booleanFlags.union(["json"]), usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    guard let named = arguments.value("view") else {
      throw CommandFailure.usage(
        "Give --view: one of \(ViewSource.viewNames.joined(separator: ", ")).", help: usage)
    }
    let view = try ViewSource.view(named, usage: usage)
    let base = try Moment(arguments, usage: usage)
    var from = base
    var to = base
    let byValidDay =
      arguments.value("from-valid-at") != nil || arguments.value("to-valid-at") != nil
    if byValidDay {
      guard let fromDay = arguments.value("from-valid-at"),
        let toDay = arguments.value("to-valid-at")
      else {
        throw CommandFailure.usage("Give both --from-valid-at and --to-valid-at.", help: usage)
      }
      guard arguments.value("valid-at") == nil,
        timeFlags.subtracting(["from-valid-at", "to-valid-at"]).allSatisfy({
          arguments.value($0) == nil
        })
      else {
        throw CommandFailure.usage(
          "Compare two valid days or two known-at moments, not both: with --from-valid-at and"
            + " --to-valid-at give at most --known-at or --known-at-seq.", help: usage)
      }
      from.validAt = try TimeArguments.day(fromDay, flag: "from-valid-at")
      to.validAt = try TimeArguments.day(toDay, flag: "to-valid-at")
      guard from.validAt != to.validAt else {
        throw CommandFailure.usage("Give two different days.", help: usage)
      }
    } else {
      guard arguments.value("known-at") == nil, arguments.value("known-at-seq") == nil else {
        throw CommandFailure.usage(
          "Between two known-at moments, give --from-known-at and --to-known-at (or the -seq"
            + " forms), not --known-at.", help: usage)
      }
      from.knownAt = try known(arguments, "from", usage: usage) ?? .everything
      to.knownAt = try known(arguments, "to", usage: usage) ?? .everything
      guard from.knownAt != to.knownAt else {
        throw CommandFailure.usage(
          "Give two different moments: --from-known-at T (and --to-known-at T, default now), or"
            + " --from-valid-at DAY --to-valid-at DAY.", help: usage)
      }
    }
    let views = try ViewSource(path: path, console: console)
    views.announce(console)
    let old = try views.table(view, moment: from)
    let new = try views.table(view, moment: to)
    let changes = TableDiff.compare(old, new)
    let fromSeq = try views.seq(from.knownAt)
    let toSeq = try views.seq(to.knownAt)
    let between: [LogRecord]
    let betweenWords: String
    if byValidDay {
      let low = RecordCodec.logDay(min(from.validAt, to.validAt))
      let high = RecordCodec.logDay(max(from.validAt, to.validAt))
      between =
        try LogAccess.records(path, console: console) {
          $0.seq <= fromSeq && $0.effective > low && $0.effective <= high
        }.records
      betweenWords =
        "effective after \(min(from.validAt, to.validAt)) up to"
        + " \(max(from.validAt, to.validAt)), known by record \(fromSeq)"
    } else {
      let (low, high) = (min(fromSeq, toSeq), max(fromSeq, toSeq))
      between = try LogAccess.records(path, console: console) { $0.seq > low && $0.seq <= high }
        .records
      betweenWords = "recorded after record \(low) up to record \(high)"
    }
    let causes = Causes(changes, keyColumnCount: new.keyColumnCount, records: between)
    let table = TableDiff.table(changes, of: new)
    let causeTable = causes.table(betweenWords: betweenWords)
    if arguments.flag("json") {
      console.print(
        JSONText.pretty(
          .object([
            "view": .string(view),
            "from": .string(from.description + " (record \(fromSeq))"),
            "to": .string(to.description + " (record \(toSeq))"),
            "changes": JSONText.table(columns: table.columns.map { $0.name }, rows: table.rows),
            "records": JSONText.table(
              columns: causeTable.columns.map { $0.name }, rows: causeTable.rows),
            "attributed": .bool(causes.attributed),
            "note": .string(causeTable.notes.joined(separator: " ")),
          ])))
    } else {
      console.print("\(view): from \(from.description) (record \(fromSeq))")
      console.print(
        "\(String(repeating: " ", count: view.count))    to \(to.description) (record \(toSeq))")
      console.print("")
      console.writeOutput(TableRenderer.text(table, console: console))
      console.print("")
      console.writeOutput(TableRenderer.text(causeTable, console: console))
    }
    return .ok
  }

  private static func known(_ arguments: Arguments, _ side: String, usage: String)
    throws(CommandFailure) -> Moment.Known?
  {
    switch (arguments.value("\(side)-known-at"), arguments.value("\(side)-known-at-seq")) {
    case (.some, .some):
      throw .usage(
        "Give --\(side)-known-at or --\(side)-known-at-seq, not both.", help: usage)
    case (.some(let text), nil):
      return .instant(try TimeArguments.instant(text, flag: "\(side)-known-at"))
    case (nil, .some(let text)):
      return .seq(try TimeArguments.seq(text, flag: "\(side)-known-at-seq"))
    case (nil, nil):
      return nil
    }
  }
}
