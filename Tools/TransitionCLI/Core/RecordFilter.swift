import EventLog
import Projections
import TransitionDomain

/// The filters of `log` and `export`: stream, type, who, and ranges on both time axes.
struct RecordFilter {
  /// The flags that take a value.
  static let flags: Set<String> = [
    "stream", "type", "by", "effective-from", "effective-to", "recorded-from", "recorded-to",
  ]

  /// Flag help, shared by the verbs that filter.
  static let help = """
      --stream S             records of stream S (staff/E017); S/ for a prefix (staff/)
      --type T               records of type T: StaffTransferred.v1, or every version:
                             StaffTransferred or the command name TransferStaff
      --by WHO               records recorded by WHO
      --effective-from DAY   effective on or after DAY; --effective-to DAY: on or before
      --recorded-from T      recorded at or after T; --recorded-to T: at or before T
                             (T is a UTC time 2026-07-14T10:30:00Z or a day: its end)
    """

  var streams: [String] = []
  var types: [String] = []
  var recorders: [String] = []
  var effectiveFrom: LogDay?
  var effectiveTo: LogDay?
  var recordedFrom: LogInstant?
  var recordedTo: LogInstant?

  init(_ arguments: Arguments) throws(CommandFailure) {
    streams = arguments.all("stream")
    types = arguments.all("type").map(Self.eventType)
    recorders = arguments.all("by")
    if let text = arguments.value("effective-from") {
      effectiveFrom = RecordCodec.logDay(try TimeArguments.day(text, flag: "effective-from"))
    }
    if let text = arguments.value("effective-to") {
      effectiveTo = RecordCodec.logDay(try TimeArguments.day(text, flag: "effective-to"))
    }
    if let text = arguments.value("recorded-from") {
      if let day = CalendarDay(parsing: text) {
        recordedFrom = LogInstant(millisecondsSinceEpoch: Int64(day.dayNumber) * 86_400_000)
      } else {
        recordedFrom = try TimeArguments.instant(text, flag: "recorded-from")
      }
    }
    if let text = arguments.value("recorded-to") {
      recordedTo = try TimeArguments.instant(text, flag: "recorded-to")
    }
  }

  /// The stored type a `--type` value names: `Name.vN` exactly; a type name or a command name
  /// without a version names every version of its type (as `Name.v*`).
  static func eventType(_ text: String) -> String {
    if text.contains(".") { return text }
    if let type = TransitionCommand.eventTypesByName[text] { return baseName(type) + ".v*" }
    return text + ".v*"
  }

  /// `DecisionTaken` for `DecisionTaken.v2`.
  static func baseName(_ type: String) -> String {
    guard let dot = type.lastIndex(of: "."), type[dot...].hasPrefix(".v") else { return type }
    return String(type[..<dot])
  }

  /// Whether a record's stored type matches a `--type` value as `eventType` gives it.
  static func matches(_ pattern: String, _ type: String) -> Bool {
    pattern.hasSuffix(".v*") ? baseName(type) + ".v*" == pattern : pattern == type
  }

  /// Whether `record` passes every filter given.
  func accepts(_ record: LogRecord) -> Bool {
    if !streams.isEmpty
      && !streams.contains(where: {
        $0.hasSuffix("/") ? record.stream.hasPrefix($0) : record.stream == $0
      })
    {
      return false
    }
    if !types.isEmpty && !types.contains(where: { Self.matches($0, record.type) }) { return false }
    if !recorders.isEmpty && !recorders.contains(record.by) { return false }
    if let effectiveFrom, record.effective < effectiveFrom { return false }
    if let effectiveTo, record.effective > effectiveTo { return false }
    if let recordedFrom, record.recorded < recordedFrom { return false }
    if let recordedTo, record.recorded > recordedTo { return false }
    return true
  }
}

/// The log's records as a table.
enum RecordTable {
  /// One row per record: seq, recorded, effective, type, stream, by, corrects, id.
  static func table(_ records: [LogRecord], title: String) -> ViewTable {
    ViewTable(
      name: "records", title: title,
      columns: [
        .init("seq", alignment: .right), .init("recorded"), .init("effective"), .init("type"),
        .init("stream"), .init("by"), .init("corrects", alignment: .right), .init("id"),
      ],
      rows: records.map {
        [
          String($0.seq), $0.recorded.description, $0.effective.description, $0.type, $0.stream,
          $0.by, $0.corrects.map { String($0) } ?? "", $0.id,
        ]
      })
  }
}
