import EventLog
import Projections

/// `transition diff`: what changed in a view between two moments, and which records did it.
enum DiffCommand: Command {
  static let name = "diff"
  static let summary = "what changed in a view between two moments, and which records caused it"
  static var help: String {
    """
    transition diff LOG --view VIEW [--valid-at DAY] --from-known-at T [--to-known-at T]
    transition diff LOG --view VIEW --from-valid-at DAY --to-valid-at DAY [--known-at T]

    Compares a view at two moments, row by row on the view's key columns, and prints the rows
    added, removed and changed (old → new). Between two known-at moments it also lists the
    records recorded in between: the records that caused the change. Between two valid days
    it lists the records effective in between. The --*-known-at flags take a UTC time or a
    day (its end); --from-known-at-seq and --to-known-at-seq take record numbers.
    Views: \(ViewSource.viewNames.joined(separator: ", ")).

    Examples:
      transition diff ijmond-demo.log --view costs --valid-at 2026-09-30 --from-known-at 2026-09-30
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
    guard let view = arguments.value("view"), ViewSource.viewNames.contains(view) else {
      throw CommandFailure.usage(
        "Give --view: one of \(ViewSource.viewNames.joined(separator: ", ")).", help: usage)
    }
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
      from.validAt = try TimeArguments.day(fromDay, flag: "from-valid-at")
      to.validAt = try TimeArguments.day(toDay, flag: "to-valid-at")
    } else {
      from.knownAt = try known(arguments, "from", usage: usage) ?? .everything
      to.knownAt = try known(arguments, "to", usage: usage) ?? .everything
      guard from.knownAt != to.knownAt else {
        throw CommandFailure.usage(
          "Give two different moments: --from-known-at T (and --to-known-at T, default now), or"
            + " --from-valid-at DAY --to-valid-at DAY.", help: usage)
      }
    }
    try LogAccess.requireFile(path)
    let old = try ViewSource.table(view, path: path, moment: from)
    let new = try ViewSource.table(view, path: path, moment: to)
    let changes = TableDiff.compare(old, new)
    let records = try LogAccess.records(path, console: console).filter { record in
      if byValidDay {
        let low = RecordCodec.logDay(min(from.validAt, to.validAt))
        let high = RecordCodec.logDay(max(from.validAt, to.validAt))
        return record.effective > low && record.effective <= high
      }
      return !includes(from.knownAt, record) && includes(to.knownAt, record)
        || includes(from.knownAt, record) && !includes(to.knownAt, record)
    }
    let table = TableDiff.table(changes, of: new)
    let causes = RecordTable.table(
      records,
      title: byValidDay
        ? "Records effective after \(min(from.validAt, to.validAt)) up to \(max(from.validAt, to.validAt))"
        : "Records known at one moment and not the other")
    if arguments.flag("json") {
      console.print(
        JSONText.pretty(
          .object([
            "changes": JSONText.table(
              columns: table.columns.map { $0.name }, rows: table.rows),
            "records": JSONText.table(
              columns: causes.columns.map { $0.name }, rows: causes.rows),
          ])))
    } else {
      console.print("\(view): from \(from.description)")
      console.print("\(String(repeating: " ", count: view.count))    to \(to.description)")
      console.print("")
      console.writeOutput(TableRenderer.text(table, console: console))
      console.print("")
      console.writeOutput(TableRenderer.text(causes, console: console))
    }
    return .ok
  }

  private static func known(_ arguments: Arguments, _ side: String, usage: String)
    throws(CommandFailure) -> Moment.Known?
  {
    if let text = arguments.value("\(side)-known-at") {
      return .instant(try TimeArguments.instant(text, flag: "\(side)-known-at"))
    }
    if let text = arguments.value("\(side)-known-at-seq") {
      guard let seq = Int64(text), seq >= 0 else {
        throw CommandFailure(
          status: .dataError, message: "--\(side)-known-at-seq \(text) is not a record number.")
      }
      return .seq(seq)
    }
    return nil
  }

  private static func includes(_ known: Moment.Known, _ record: LogRecord) -> Bool {
    switch known {
    case .everything: return true
    case .instant(let instant): return record.recorded <= instant
    case .seq(let seq): return record.seq <= seq
    }
  }
}

/// Row-by-row comparison of two tables of one view on their key columns.
enum TableDiff {
  /// One difference.
  enum Change: Equatable {
    case added([String])
    case removed([String])
    case changed(old: [String], new: [String])
  }

  /// The rows added, removed and changed from `old` to `new`, in `new`'s order (removed last).
  static func compare(_ old: ViewTable, _ new: ViewTable) -> [Change] {
    let keys = max(1, min(new.keyColumnCount, new.columns.count))
    func key(_ row: [String]) -> [String] { Array(row.prefix(keys)) }
    var oldByKey: [[String]: [String]] = [:]
    for row in old.rows { oldByKey[key(row)] = row }
    var changes: [Change] = []
    var seen: Set<[String]> = []
    for row in new.rows {
      seen.insert(key(row))
      if let before = oldByKey[key(row)] {
        if before != row { changes.append(.changed(old: before, new: row)) }
      } else {
        changes.append(.added(row))
      }
    }
    for row in old.rows where !seen.contains(key(row)) { changes.append(.removed(row)) }
    return changes
  }

  /// The changes as a table: a `change` column, then the view's columns (old → new).
  static func table(_ changes: [Change], of view: ViewTable) -> ViewTable {
    let rows: [[String]] = changes.map { change in
      switch change {
      case .added(let row): return ["added"] + row
      case .removed(let row): return ["removed"] + row
      case .changed(let old, let new):
        return ["changed"]
          + zip(old, new).map { $0 == $1 ? $1 : "\($0) → \($1)" }
      }
    }
    return ViewTable(
      name: view.name + "-diff",
      title: changes.isEmpty
        ? "No rows of \(view.name) changed" : "\(changes.count) rows of \(view.name) changed",
      columns: [.init("change")] + view.columns, rows: rows,
      keyColumnCount: view.keyColumnCount + 1)
  }
}
