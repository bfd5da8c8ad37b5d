import CanonicalJSON
import EventLog

/// Which records between two moments caused the changes of a diff.
///
/// A record touches a changed row when every key cell of the row (such as `BEV`,
/// `klantmanager werk`, `Cao Gemeenten`) is among the record's strings (its id, stream and
/// every text value of its data), or when the record's id appears in one of the row's cells
/// (`IJM-072 corrected by IJM-075`). When a changed row is touched by none, the causes cannot
/// be told apart by the keys, and every record in between is listed, saying so.
public struct Causes {
  /// The records in between, each with the keys of the changed rows it touches.
  public let touches: [(record: LogRecord, rows: [String])]
  /// Whether every changed row is touched by at least one record.
  public let attributed: Bool

  public init(_ changes: [TableDiff.Change], keyColumnCount: Int, records: [LogRecord]) {
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
  public func table(betweenWords: String) -> ViewTable {
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
  public static func words(_ cell: String) -> [String] {
    [cell]
      + cell.split { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" || $0 == ";" }.map(
        String.init)
  }

  /// The strings of a record: its id, its stream and its parts, and every text value of its data.
  public static func strings(of record: LogRecord) -> Set<String> {
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
public enum TableDiff {
  /// One difference.
  public enum Change: Equatable, Sendable {
    case added([String])
    case removed([String])
    case changed(old: [String], new: [String])
  }

  /// The rows added, removed and changed from `old` to `new`, in `new`'s order (removed last).
  public static func compare(_ old: ViewTable, _ new: ViewTable) -> [Change] {
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
  public static func table(_ changes: [Change], of view: ViewTable) -> ViewTable {
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
