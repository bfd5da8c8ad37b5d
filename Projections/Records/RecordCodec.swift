import CanonicalJSON
import EventLog
import TransitionDomain

/// Converts between the domain's records and the log's, in both directions.
///
/// The log's envelope carries `seq`, `id`, `recorded`, `effective`, `type`, `stream`, `by` and
/// `corrects`; everything else is `data`. The domain's event fields go into `data` as the
/// event encodes them, and a correction's reason follows as the last member,
/// `"correctionReason"`, so that every correction says why in the log itself.
public enum RecordCodec {
  /// The `data` key that holds a correction's reason.
  public static let correctionReasonKey = "correctionReason"

  /// The log draft of a pending record, recorded by `by`.
  public static func draft(_ pending: PendingRecord, by: String) -> RecordDraft {
    var data = pending.event.encodeData()
    if let reason = pending.correctionReason {
      data.insert(correctionReasonKey, .string(reason))
    }
    return RecordDraft(
      id: pending.id, effective: logDay(pending.effective), type: pending.event.eventType,
      stream: pending.stream, by: by, corrects: pending.corrects, data: data)
  }

  /// The domain record a log record holds.
  public static func domainRecord(_ raw: RawRecord) throws -> DomainRecord {
    let value = try JSONParser.parse(raw.data, profile: .canonical)
    return try domainRecord(
      seq: raw.seq, id: raw.id, recorded: raw.recorded, effective: raw.effective,
      type: raw.type, stream: raw.stream, by: raw.by, corrects: raw.corrects,
      data: value.objectValue ?? JSONObject())
  }

  /// The domain record `raw` holds, decoded straight from its bytes (`ByteDecoder`); nil when
  /// the record must take the ordinary path (`domainRecord(_:)`), which then decodes it or
  /// reports why it cannot.
  static func fastDomainRecord(_ raw: RawRecord) -> DomainRecord? {
    guard let typeIndex = Ledger.typeIndex(of: raw.type),
      let event = ByteDecoder.event(typeIndex: typeIndex, data: raw.data)
    else { return nil }
    let reason = JSONObjectView(validated: raw.data).string(forKey: "correctionReason")
    return DomainRecord(
      seq: raw.seq, id: raw.id, recordedMilliseconds: raw.recorded.millisecondsSinceEpoch,
      effective: calendarDay(raw.effective), stream: raw.stream, by: raw.by,
      corrects: raw.corrects, correctionReason: reason, event: event)
  }

  /// The domain record an owned log record holds.
  public static func domainRecord(_ record: LogRecord) throws -> DomainRecord {
    try domainRecord(
      seq: record.seq, id: record.id, recorded: record.recorded, effective: record.effective,
      type: record.type, stream: record.stream, by: record.by, corrects: record.corrects,
      data: record.data)
  }

  /// The log's day for a calendar day.
  public static func logDay(_ day: CalendarDay) -> LogDay {
    LogDay(daysSinceEpoch: Int64(day.dayNumber))
  }

  /// The calendar day for a log day.
  public static func calendarDay(_ day: LogDay) -> CalendarDay {
    CalendarDay(dayNumber: Int(day.daysSinceEpoch))
  }

  private static func domainRecord(
    seq: Int64, id: String, recorded: LogInstant, effective: LogDay, type: String,
    stream: String, by: String, corrects: Int64?, data: JSONObject
  ) throws -> DomainRecord {
    var reason: String?
    var eventData = data
    if data.contains(correctionReasonKey) {
      reason = data[correctionReasonKey]?.stringValue
      eventData = JSONObject(
        data.members.filter { $0.key != correctionReasonKey }.map { ($0.key, $0.value) })
    }
    let event = try DomainEvent.decode(type: type, data: eventData)
    return DomainRecord(
      seq: seq, id: id, recordedMilliseconds: recorded.millisecondsSinceEpoch,
      effective: calendarDay(effective), stream: stream, by: by, corrects: corrects,
      correctionReason: reason, event: event)
  }
}
