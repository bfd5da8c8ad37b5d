import EventLog
import Projections
import TransitionApp
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
      --type T               records of type T: StaffTransferred.v1, or every version of
                             StaffTransferred or of what the command TransferStaff records
      --by WHO               records recorded by WHO
      --effective-from DAY   effective on or after DAY; --effective-to DAY: on or before
      --recorded-from T      recorded at or after T; --recorded-to T: at or before T
                             (T is a time with its offset, 2026-07-14T10:30+02:00 or
                             2026-07-14T08:30:00Z, a Dutch local time 2026-07-14T10:30, or
                             a day: from its start, to its end, in Dutch time)
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
    for text in arguments.all("type") {
      let matching = Self.eventTypes(text)
      guard !matching.isEmpty else {
        throw CommandFailure(
          status: .usage,
          message: "Unknown --type \(text): choose a stored type, its name without version, or"
            + " its command name; stored types: "
            + DomainEvent.payloadTypes.map { $0.eventType }.sorted().joined(separator: ", ")
            + ".")
      }
      types += matching
    }
    recorders = arguments.all("by")
    if let text = arguments.value("effective-from") {
      effectiveFrom = RecordCodec.logDay(try TimeArguments.day(text, flag: "effective-from"))
    }
    if let text = arguments.value("effective-to") {
      effectiveTo = RecordCodec.logDay(try TimeArguments.day(text, flag: "effective-to"))
    }
    if let text = arguments.value("recorded-from") {
      if let day = CalendarDay(parsing: text) {
        recordedFrom = DutchTime.startOfDay(day)
      } else {
        recordedFrom = try TimeArguments.instant(text, flag: "recorded-from")
      }
    }
    if let text = arguments.value("recorded-to") {
      recordedTo = try TimeArguments.instant(text, flag: "recorded-to")
    }
  }

  /// The stored types a `--type` value names: one with a version (`StaffTransferred.v1`), or
  /// every version of a name (`MilestonePlanned`) or of the type a command records
  /// (`PlanMilestone`: `MilestonePlanned.v1` and `.v2`); none when it names nothing.
  static func eventTypes(_ text: String) -> [String] {
    let known = DomainEvent.payloadTypes.map { $0.eventType }
    if text.contains(".") { return known.filter { $0 == text } }
    let base = TransitionCommand.eventTypesByName[text].map { String($0.prefix { $0 != "." }) }
    return known.filter {
      let name = String($0.prefix { $0 != "." })
      return name == text || name == base
    }
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
    if !types.isEmpty && !types.contains(record.type) { return false }
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
