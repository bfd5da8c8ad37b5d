import CanonicalJSON
import EventLog
import TransitionApp
import TransitionDomain

/// Real examples for `record KIND --help`: the first record of that kind in the bundled IJmond
/// example log, written back as the flags that record it.
enum RecordExamples {
  /// The example command line for `name`, or nil when the example log has no such record.
  static func example(for name: String, log: String = "t.log") -> String? {
    guard let eventType = TransitionCommand.eventTypesByName[name],
      let structure = FieldCatalogue.event(forCommand: name),
      let bytes = ExampleLog.bundledBytes
    else { return nil }
    // The command's type, or an earlier version of it that the example log holds.
    let types = Set(
      [eventType]
        + TransitionCommand.earlierVersions.filter { $0.command == name }.map(\.eventType))
    for line in bytes.split(separator: 0x0A).dropFirst() {
      guard let value = try? JSONParser.parse(Array(line), profile: .canonical),
        let record = value.objectValue, let type = record["type"]?.stringValue,
        types.contains(type) || TransitionCommand.namesByEventType[type] == name,
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
    return written[name].map { "transition record \(log) \(name) " + $0 }
  }

  /// Examples for kinds the IJmond log does not hold (newer versions), as the flags after the
  /// kind: an invented transition of five municipalities (GA … GE) and a regional service;
  /// for issue 19's participants and organisations that end and merge, another (Zaanstreek).
  static let written: [String: String] = [
    "PlanMilestone":
      "--effective 2023-11-01 --milestone P3 --title 'taken over naar de regionale dienst'"
      + " --scope GA --scope GB --plannedDate 'december 2020 - februari 2021'",
    "ReplanMilestone":
      "--effective 2024-02-01 --milestone P3 --scope GB --previousDate 'voorjaar 2024'"
      + " --newDate 'uiterlijk 2025' --reason 'raad GB besluit later'",
    "DeclareTransition":
      "--effective 2026-01-01 --transition zw --name 'Werkbedrijf Zaanstreek' --steps"
      + " '[{\"step\":\"transitieplan\"},{\"step\":\"opheffing GRW\",\"membersOf\":\"GRW\"}]'",
    "JoinTransition":
      "--effective 2026-06-01 --transition zw --organisation PUR --steps transitieplan",
    "EndOrganisation":
      "--effective 2027-01-01 --organisation GRW --successor ZWB --reason 'opgeheven bij besluit"
      + " van het algemeen bestuur'",
    "MergeOrganisations":
      "--effective 2027-01-01 --predecessors OOS --predecessors WST --successor OWS --basis"
      + " 'Wet arhi, herindeling per 2027-01-01'",
    "DisposeMotion":
      "--effective 2026-03-01 --motion M-1 --disposed-by T-ZAA --how 'afgedaan met"
      + " raadsinformatiebrief 2026-14'",
  ]

  /// Examples of the fields of issue 19 that the IJmond example log does not use (an invented
  /// transition: tasks move into a new regional organisation RUO), by command.
  static let invented: [String: String] = [
    "CreateFund":
      "transition record t.log CreateFund --effective 2026-01-15 --fund RES-A --name 'reserve"
      + " transitie RUO' --kind bestemmingsreserve --holder GEM-A --amount 10000000 --decision"
      + " RB-A-1 --purpose 'frictiekosten overgang naar de RUO'",
    "AuthoriseWithdrawal":
      "transition record t.log AuthoriseWithdrawal --effective 2026-03-01 --withdrawal W-A1"
      + " --fund RES-A --amount 4000000 --decision RB-A-2 --purpose kwartiermaker",
    "BookCosts":
      "transition record t.log BookCosts --effective 2026-04-01 --costs frictiekosten --lines"
      + " '{\"line\":\"F01\",\"category\":\"projectorganisatie\",\"description\":"
      + "\"kwartiermaker\",\"amount\":2500000,\"allocation\":\"direct\",\"charged\":"
      + "[{\"organisation\":\"GEM-A\",\"amount\":2500000}],\"funding\":\"eigen middelen\","
      + "\"bookedBy\":\"GEM-A\",\"fund\":\"RES-A\",\"withdrawal\":\"W-A1\"}'",
    "RecordORAdvice":
      "transition record t.log RecordORAdvice --effective 2026-03-15 --request ADV-GR"
      + " --worksCouncil OR-GR --outcome 'negatief op onderdelen' --conditions 'behoud"
      + " reiskosten' --parts '{\"part\":\"plaatsing teamleiders\",\"outcome\":\"negatief\","
      + "\"conditions\":[]}'",
    "RecordWorksCouncilAbsence":
      "transition record t.log RecordWorksCouncilAbsence --effective 2026-01-01 --employer RUO"
      + " --reason 'nieuwe organisatie; OR-verkiezingen in 2027' --until 2027-03-31"
      + " --consultedInstead OR-GR",
    "ChangeContract":
      "transition record t.log ChangeContract --effective 2026-06-01 --employee E201 --employer"
      + " GEM-A --contractFTEBefore 1.0000 --contractFTEAfter 0.8889 --contractHoursAfter 32"
      + " --reason 'eigen verzoek'",
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
