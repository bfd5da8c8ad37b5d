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

    --from-known-at and --to-known-at take a UTC instant 2026-07-02T12:00:00.000Z or a day,
    meaning the end of that day, UTC; --from-known-at-seq and --to-known-at-seq take record
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
    let causeTable = causes.table(betweenWords: betweenWords, views: views)
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

/// Which records between two moments caused the changes of a diff.
///
/// A record touches a changed row when every key cell of the row (such as `BEV`,
/// `klantmanager werk`, `Cao Gemeenten`) is among the record's strings (its id, stream and
/// every text value of its data), or when the record's id appears in one of the row's cells
/// (`IJM-072 corrected by IJM-075`). When a changed row is touched by none, the causes cannot
/// be told apart by the keys, and every record in between is listed, saying so.
struct Causes {
  /// The records in between, each with the keys of the changed rows it touches.
  let touches: [(record: LogRecord, rows: [String])]
  /// Whether every changed row is touched by at least one record.
  let attributed: Bool

  init(_ changes: [TableDiff.Change], keyColumnCount: Int, records: [LogRecord]) {
    let rows: [(key: [String], cells: Set<String>)] = changes.map { change in
      let cells: [String]
      switch change {
      case .added(let row), .removed(let row): cells = row
      case .changed(let old, let new): cells = old + new
      }
      let key = Array(
        {
          switch change {
          case .added(let row), .removed(let row): return row
          case .changed(_, let new): return new
          }
        }().prefix(max(1, keyColumnCount)))
      return (key, Set(cells.flatMap(Self.words)))
    }
    var touched = Set<Int>()
    var touches: [(record: LogRecord, rows: [String])] = []
    for record in records {
      let strings = Self.strings(of: record)
      var keys: [String] = []
      for (index, row) in rows.enumerated() {
        let keyCells = row.key.filter { !$0.isEmpty && $0 != "-" }
        if (!keyCells.isEmpty && keyCells.allSatisfy(strings.contains))
          || row.cells.contains(record.id)
        {
          keys.append(row.key.joined(separator: " / "))
          touched.insert(index)
        }
      }
      touches.append((record, keys))
    }
    self.attributed = touched.count == rows.count
    self.touches = attributed ? touches.filter { !$0.rows.isEmpty } : touches
  }

  /// The causes as a table, with a note saying how they were attributed.
  func table(betweenWords: String, views: ViewSource) -> ViewTable {
    let note =
      attributed
      ? "Each record listed names every key of the changed rows it touches."
      : "Not every changed row names a record by its keys, so every record in between is"
        + " listed; the changes come from these, not necessarily from each of them."
    return ViewTable(
      name: "causes",
      title: attributed
        ? "Records \(betweenWords) that touch the changed rows (\(touches.count))"
        : "Records \(betweenWords) (\(touches.count))",
      columns: [
        .init("seq", alignment: .right), .init("id"), .init("type"), .init("effective"),
        .init("recorded"), .init("touches"),
      ],
      rows: touches.map { touch in
        let record = touch.record
        return [
          String(record.seq), record.id, record.type, record.effective.description,
          record.recorded.description,
          touch.rows.isEmpty ? "-" : touch.rows.joined(separator: "; "),
        ]
      }, notes: [note])
  }

  /// The words of a cell: split on spaces, commas and parentheses (`IJM-072`, `BEV`).
  static func words(_ cell: String) -> [String] {
    [cell]
      + cell.split { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" || $0 == ";" }.map(
        String.init)
  }

  /// The strings of a record: its id, its stream and its parts, and every text value of its data.
  static func strings(of record: LogRecord) -> Set<String> {
    var result: Set<String> = [record.id, record.stream]
    result.formUnion(record.stream.split(separator: "/").map(String.init))
    func collect(_ value: JSONValue) {
      switch value {
      case .string(let text): result.insert(text)
      case .array(let items): for item in items { collect(item) }
      case .object(let object): for member in object.members { collect(member.value) }
      default: break
      }
    }
    collect(.object(record.data))
    return result
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
        ? "No rows of \(view.name) changed"
        : "\(changes.count) row\(changes.count == 1 ? "" : "s") of \(view.name) changed",
      columns: [.init("change")] + view.columns, rows: rows,
      keyColumnCount: view.keyColumnCount + 1)
  }
}
