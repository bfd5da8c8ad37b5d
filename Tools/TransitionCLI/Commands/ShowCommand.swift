import CanonicalJSON
import EventLog

/// `transition show`: one record in full, with the records that correct it and that it corrects.
enum ShowCommand: Command {
  static let name = "show"
  static let summary = "show one record in full, with its corrections"
  static let help = """
    transition show LOG SEQ|ID [--json]

    Prints the record with number SEQ (or id ID) in full: its envelope and its data, indented.
    Below it: the record it corrects, if any, and every later record that corrects it, so
    that a corrected fact is never read without its correction.

    Examples:
      transition show ijmond-demo.log 65
      transition show ijmond-demo.log IJM-077
      transition show ijmond-demo.log IJM-075 --json
    """

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(words, valued: [], booleans: ["json"], usage: usage)
    try arguments.expectPositionals(atMost: 2, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    let key = try arguments.positional(1, "the record's seq or id", usage: usage)
    // One streaming pass finds the record (by seq, else by id) and what corrects it later.
    var bySeq: LogRecord?
    var byID: LogRecord?
    var later: [LogRecord] = []
    let total = try LogAccess.forEachRecord(path, console: console) { candidate in
      if String(candidate.seq) == key { bySeq = candidate }
      if byID == nil, candidate.id == key { byID = candidate }
      if candidate.corrects != nil { later.append(candidate) }
    }
    ViewSource.announceLog(path, console: console)
    guard let record = bySeq ?? byID else {
      throw CommandFailure(
        status: .dataError,
        message: "\(path) has no record with seq or id \(key) (it has \(total) records)."
          + " `transition log \(path)` lists them.")
    }
    let corrections = later.filter { $0.corrects == record.seq }
    var corrected: LogRecord?
    if let target = record.corrects {
      try LogAccess.forEachRecord(path, console: console, upTo: target) { candidate in
        if candidate.seq == target { corrected = candidate }
      }
    }
    if arguments.flag("json") {
      var object = JSONObject()
      object.insert("record", lineValue(record))
      object.insert("corrects", corrected.map(lineValue) ?? .null)
      object.insert("correctedBy", .array(corrections.map(lineValue)))
      console.print(JSONText.pretty(.object(object)))
      return .ok
    }
    console.print(console.bold("Record \(record.seq) of \(path)"))
    console.print(JSONText.pretty(lineValue(record)))
    if let corrected {
      console.print("")
      console.print(
        "It corrects record \(corrected.seq) (\(corrected.id), \(corrected.type), effective"
          + " \(corrected.effective)): `transition show \(path) \(corrected.seq)`.")
    }
    if corrections.isEmpty {
      console.print("")
      console.print("No later record corrects it.")
    } else {
      console.print("")
      console.print("Corrected by:")
      for correction in corrections {
        let reason = correction.data["correctionReason"]?.stringValue.map { ": \($0)" } ?? ""
        console.print(
          "  seq \(correction.seq)  \(correction.id)  \(correction.type)  recorded"
            + " \(correction.recorded)\(reason)")
      }
    }
    return .ok
  }

  /// The record's line as a JSON value (parsed from the stored line).
  static func lineValue(_ record: LogRecord) -> JSONValue {
    (try? JSONParser.parse(record.line, profile: .canonical)) ?? .string(record.lineText)
  }
}
