/// One record of the log as the domain and the projections see it, independent of storage.
public struct DomainRecord: Equatable, Sendable {
  /// The position in the log, from 1, strictly increasing.
  public let seq: Int64
  /// The record id, such as `IJM-082` or a UUID assigned by the log.
  public let id: String
  /// When the record entered the log: UTC milliseconds since 1970 (transaction time).
  public let recordedMilliseconds: Int64
  /// The day the fact takes effect (valid time); the first day of a coarse period.
  public let effective: CalendarDay
  /// The stream, such as `staff/E017`.
  public let stream: String
  /// The pseudonymous actor who recorded it, such as `hr-ijw`.
  public let by: String
  /// The `seq` of the record this one corrects, if any (see `Correction`).
  public let corrects: Int64?
  /// Why the correction was made; present exactly when `corrects` is.
  public let correctionReason: String?
  /// The event.
  public let event: DomainEvent

  /// A record; `stream` defaults to the event's stream.
  public init(
    seq: Int64, id: String, recordedMilliseconds: Int64, effective: CalendarDay,
    stream: String? = nil, by: String, corrects: Int64? = nil, correctionReason: String? = nil,
    event: DomainEvent
  ) {
    self.seq = seq
    self.id = id
    self.recordedMilliseconds = recordedMilliseconds
    self.effective = effective
    self.stream = stream ?? event.stream
    self.by = by
    self.corrects = corrects
    self.correctionReason = correctionReason
    self.event = event
  }

  /// The stored type name, such as `StaffTransferred.v1`.
  public var eventType: String { event.eventType }

  /// The effective date as coarse as it was recorded.
  public var effectiveDate: EffectiveDate {
    EffectiveDate(effective, precision: event.effectivePrecision, until: event.effectiveUntil)
      ?? EffectiveDate(effective, precision: event.effectivePrecision)
  }
}

/// What a decision yields: a record before the log assigns `seq`, `id` (if absent) and time.
public struct PendingRecord: Equatable, Sendable {
  /// The event.
  public let event: DomainEvent
  /// The effective day.
  public let effective: CalendarDay
  /// The `seq` of the record it corrects, if any.
  public let corrects: Int64?
  /// Why, when it corrects.
  public let correctionReason: String?
  /// The stream (the corrected record's stream for retractions).
  public let stream: String
  /// An id chosen by the caller (scenario ids such as `IJM-082`); nil lets the log choose.
  public let id: String?

  /// A pending record; `stream` defaults to the event's stream.
  public init(
    event: DomainEvent, effective: CalendarDay, corrects: Int64? = nil,
    correctionReason: String? = nil, stream: String? = nil, id: String? = nil
  ) {
    self.event = event
    self.effective = effective
    self.corrects = corrects
    self.correctionReason = correctionReason
    self.stream = stream ?? event.stream
    self.id = id
  }

  /// The record this becomes at `seq`, recorded at `recordedMilliseconds` by `by`.
  public func record(seq: Int64, id: String, recordedMilliseconds: Int64, by: String)
    -> DomainRecord
  {
    DomainRecord(
      seq: seq, id: self.id ?? id, recordedMilliseconds: recordedMilliseconds,
      effective: effective, stream: stream, by: by, corrects: corrects,
      correctionReason: correctionReason, event: event)
  }
}
