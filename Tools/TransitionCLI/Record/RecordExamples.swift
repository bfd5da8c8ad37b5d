import CanonicalJSON
import EventLog
import TransitionApp
import TransitionDomain

/// Real examples for `record KIND --help`: the first record of that kind in the bundled IJmond
/// example log, written back as the flags that record it.
enum RecordExamples {
  /// The example command line for `name`, or nil when the example log has no such record.
  static func example(for name: String, log: String = "t.log") -> String? {
    if let invented = invented[name] {
      return (["transition", "record", log, name] + invented).map(shellQuoted).joined(
        separator: " ")
    }
    guard let structure = FieldCatalogue.event(forCommand: name),
      let bytes = ExampleLog.bundledBytes
    else { return nil }
    for line in bytes.split(separator: 0x0A).dropFirst() {
      guard let value = try? JSONParser.parse(Array(line), profile: .canonical),
        let record = value.objectValue, let type = record["type"]?.stringValue,
        TransitionCommand.namesByEventType[type] == name,
        let data = record["data"]?.objectValue
      else { continue }
      var words = ["transition", "record", log, name]
      words += ["--effective", effective(record: record, data: data)]
      if let corrects = record["corrects"]?.integerValue {
        words += ["--corrects", String(corrects)]
      }
      for field in structure.fields {
        guard let value = data[field.name], value != .array([]) else { continue }
        switch value {
        case .array(let items) where field.kind != .structure:
          for item in items { words += ["--" + field.name, text(item)] }
        case .array(let items):
          words += ["--" + field.name, JSONText.compact(.array(Array(items.prefix(1))))]
        case .object:
          words += ["--" + field.name, JSONText.compact(value)]
        default:
          words += ["--" + field.name, text(value)]
        }
      }
      if let reason = data["correctionReason"]?.stringValue {
        words += ["--correction-reason", reason]
      }
      return words.map(shellQuoted).joined(separator: " ")
    }
    return nil
  }

  /// Examples of the kinds the IJmond log does not use (issue 19), from an invented
  /// transition: flags after the kind.
  static let invented: [String: [String]] = [
    "DeclareTransition": [
      "--effective", "2026-01-01", "--transition", "zw", "--name", "Werkbedrijf Zaanstreek",
      "--steps", #"[{"step":"transitieplan"},{"step":"opheffing GRW","membersOf":"GRW"}]"#,
    ],
    "JoinTransition": [
      "--effective", "2026-06-01", "--transition", "zw", "--organisation", "PUR", "--steps",
      "transitieplan",
    ],
    "EndOrganisation": [
      "--effective", "2027-01-01", "--organisation", "GRW", "--successor", "ZWB", "--reason",
      "opgeheven bij besluit van het algemeen bestuur",
    ],
    "MergeOrganisations": [
      "--effective", "2027-01-01", "--predecessors", "OOS", "--predecessors", "WST",
      "--successor", "OWS", "--basis", "Wet arhi, herindeling per 2027-01-01",
    ],
    "DisposeMotion": [
      "--effective", "2026-03-01", "--motion", "M-1", "--disposed-by", "T-ZAA", "--how",
      "afgedaan met raadsinformatiebrief 2026-14",
    ],
  ]

  private static func effective(record: JSONObject, data: JSONObject) -> String {
    let day = record["effective"]?.stringValue ?? ""
    guard let precision = data[DomainEvent.precisionKey]?.stringValue,
      let parsed = CalendarDay(parsing: day), let kind = DatePrecision(rawValue: precision)
    else { return day }
    return EffectiveDate(parsed, precision: kind).description
  }

  private static func text(_ value: JSONValue) -> String {
    switch value {
    case .string(let text): return text
    case .integer(let number): return String(number)
    case .bool(let flag): return flag ? "true" : "false"
    default: return JSONText.compact(value)
    }
  }

  /// `word` as a POSIX shell reads it back: bare when safe, else in single quotes.
  static func shellQuoted(_ word: String) -> String {
    let safe = word.allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:=,+@".contains($0))
    }
    if safe && !word.isEmpty { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
