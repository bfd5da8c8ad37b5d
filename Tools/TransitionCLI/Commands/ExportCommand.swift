import CanonicalJSON
import EventLog
import Projections

/// `transition export`: the records for other systems, or a view for a spreadsheet.
enum ExportCommand: Command {
  static let name = "export"
  static let summary = "export records as JSON lines or CloudEvents, or a view as CSV"
  static var help: String {
    """
    transition export LOG --format jsonl|cloudevents [filters]
    transition export LOG --format csv [--view VIEW] [--valid-at DAY] [--known-at T] [--names]
                      [filters]

    Writes to standard output:
      jsonl        the records' lines exactly as stored (a filtered export is no longer a
                   chained log; `transition verify` checks only a whole file)
      cloudevents  one CloudEvents 1.0 structured JSON event per line: id = record id,
                   source = transition-log/NAME, type = record type, time = recorded,
                   subject = stream, data = the record's data, and the extension attributes
                   seq, effective, corrects (when it corrects) and prevhash
      csv          a table as RFC 4180 CSV with a header row, for a spreadsheet: the view
                   given by --view (\(ViewSource.names.joined(separator: ", "));
                   default records), with --valid-at, --known-at, --known-at-seq and
                   --as-recorded as for `transition state`; --names adds a name column
                   from the people register (LOG.people) beside employee ids and staff
                   streams. An export never holds a name without --names, and jsonl and
                   cloudevents never do: the records hold ids only.

    Filters (jsonl, cloudevents and --view records):
    \(RecordFilter.help)

    Examples:
      transition export ijmond-demo.log --format jsonl --stream staff/E017
      transition export ijmond-demo.log --format cloudevents > ijmond.events.jsonl
      transition export ijmond-demo.log --format csv --view staffing --valid-at 2026-07-01 > staffing.csv
      transition export ijmond-demo.log --format csv > records.csv
    """
  }

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(
      words, valued: RecordFilter.flags.union(["format", "view"]).union(ViewSource.valuedFlags),
      booleans: ViewSource.booleanFlags.union([PeopleNames.flag]), usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    guard let format = arguments.value("format") else {
      throw CommandFailure.usage(
        "Missing --format: jsonl, csv or cloudevents.", help: usage)
    }
    let filter = try RecordFilter(arguments)
    if arguments.flag(PeopleNames.flag) && format != "csv" {
      throw CommandFailure.usage(
        "--names goes with --format csv: the records hold ids only, and \(format) exports them"
          + " as they are.", help: usage)
    }
    guard ["jsonl", "cloudevents", "csv"].contains(format) else {
      throw CommandFailure.usage(
        "Unknown --format \(format): choose jsonl, csv or cloudevents.", help: usage)
    }
    // An export is evidence: the whole log is checked as `verify` checks it before anything
    // is written, and views come from a replay of the log, never from the cache.
    _ = try LogAccess.verify(path, console: console)
    if format != "csv" || (arguments.value("view") ?? "records") == "records" {
      ViewSource.announceLog(path, console: console)
    }
    switch format {
    case "jsonl":
      try LogAccess.forEachRecord(path, console: console) { record in
        if filter.accepts(record) { console.print(record.lineText) }
      }
    case "cloudevents":
      let header = try LogAccess.header(path)
      try LogAccess.forEachRecord(path, console: console) { record in
        if filter.accepts(record) {
          console.print(JSONText.compact(cloudEvent(record, logName: header.name)))
        }
      }
    case "csv":
      let view = arguments.value("view") ?? "records"
      var table: ViewTable
      if view == "records" {
        let records = try LogAccess.records(path, console: console, matching: filter.accepts)
        table = RecordTable.table(records.records, title: "")
      } else {
        table = try ViewSource.table(
          view, path: path, arguments: arguments, usage: usage, console: console)
      }
      if arguments.flag(PeopleNames.flag), let names = PeopleNames.load(path, console: console) {
        table = PeopleNames.annotate(table, names: names)
      }
      console.writeOutput(TableRenderer.render(table, as: .csv))
    default:
      throw CommandFailure.usage(
        "Unknown --format \(format): choose jsonl, csv or cloudevents.", help: usage)
    }
    return .ok
  }

  /// The record as a CloudEvents 1.0 event in structured JSON mode.
  static func cloudEvent(_ record: LogRecord, logName: String) -> JSONValue {
    var event: JSONObject = [
      "specversion": .string("1.0"), "id": .string(record.id),
      "source": .string("transition-log/" + logName), "type": .string(record.type),
      "time": .string(record.recorded.description), "subject": .string(record.stream),
      "datacontenttype": .string("application/json"), "data": .object(record.data),
      "seq": .integer(record.seq), "effective": .string(record.effective.description),
    ]
    if let corrects = record.corrects { event.insert("corrects", .integer(corrects)) }
    let line = try? JSONParser.parse(record.line, profile: .canonical)
    if let prev = line?.objectValue?["prev"]?.stringValue {
      event.insert("prevhash", .string(prev))
    }
    event.insert("recordedby", .string(record.by))
    return .object(event)
  }
}
