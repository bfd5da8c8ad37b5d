import EventLog

extension ViewTable {
  /// The table as canonical text: name, title, columns, rows and notes, one per line, cells
  /// separated by a tab; what `digest` hashes, so equal tables hash equally everywhere.
  public var canonicalText: String {
    var lines = [name, title, columns.map(\.name).joined(separator: "\t")]
    lines.append(contentsOf: rows.map { $0.joined(separator: "\t") })
    lines.append(contentsOf: notes.map { "# " + $0 })
    return lines.joined(separator: "\n") + "\n"
  }

  /// SHA-256 of `canonicalText`, lowercase hex.
  public var digest: String { SHA256.hash(Array(canonicalText.utf8)).hexString }

  /// The rows whose first cell is `key`.
  public func rows(key: String) -> [[String]] { rows.filter { $0.first == key } }

  /// The cell of `column` in the first row whose leading cells are `key`, if any.
  public func cell(_ column: String, key: String...) -> String? {
    guard let index = columns.firstIndex(where: { $0.name == column }),
      let row = rows.first(where: { Array($0.prefix(key.count)) == key })
    else { return nil }
    return row[index]
  }
}
