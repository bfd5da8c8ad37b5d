import CanonicalJSON

/// One domain event: a typed payload plus the fields every event data object may carry.
///
/// The data object in the log is the payload's fields in declaration order, then
/// `effectivePrecision` (only when coarser than a day), `effectiveUntil` (only for a range or an
/// "on or before" a period: its last day) and `source` (provenance, DOMAIN.md 11.1).
/// Read the payload with an exhaustive `switch` on `event.payload`
/// (`case .staffTransferred(let transfer)`) or, for one type, `event.payload(as: StaffTransferred.self)`.
public struct DomainEvent: Equatable, Sendable, CustomStringConvertible {
  /// The typed data of the event.
  public let payload: Payload
  /// How precisely the record's effective day was known; `.day` unless coarser.
  public var effectivePrecision: DatePrecision
  /// The last day of a range or of an "on or before" period; nil otherwise.
  public var effectiveUntil: CalendarDay?
  /// Where the facts come from; nil when not stated.
  public var source: Provenance?

  /// An event with `payload`, recorded with `precision` and `source`.
  public init(
    _ payload: any EventPayload, effectivePrecision: DatePrecision = .day,
    effectiveUntil: CalendarDay? = nil, source: Provenance? = nil
  ) {
    self.payload = payload.payloadCase
    self.effectivePrecision = effectivePrecision
    self.effectiveUntil = effectiveUntil
    self.source = source
  }

  /// The stored type name with its version, such as `StaffTransferred.v1`.
  public var eventType: String { type(of: payload.value).eventType }

  /// The stream of the payload, such as `staff/E017`.
  public var stream: String { payload.value.stream }

  /// The payload as `type`, or nil when it is another type.
  public func payload<P: EventPayload>(as type: P.Type) -> P? { payload.value as? P }

  /// The canonical data object: payload fields in declaration order, then the common fields.
  public func encodeData() -> JSONObject {
    guard case .object(var object) = payload.value.encodedValue() else {
      preconditionFailure("\(eventType) did not encode to an object")
    }
    if effectivePrecision != .day {
      object.insert(DomainEvent.precisionKey, JSONValue.string(effectivePrecision.rawValue))
    }
    if let effectiveUntil {
      object.insert(DomainEvent.untilKey, JSONValue.string(effectiveUntil.description))
    }
    if let source {
      object.insert(DomainEvent.sourceKey, JSONValueEncoder.encode(source))
    }
    return object
  }

  /// Decodes the event stored as `type` with `data`; refuses unknown types and missing,
  /// unknown or mistyped fields with a message naming the type and the field.
  public static func decode(type: String, data: JSONObject) throws(EventDecodingError)
    -> DomainEvent
  {
    guard let payloadType = payloadTypesByName[type] else {
      throw EventDecodingError(eventType: type, problem: .unknownType)
    }
    var rest = JSONObject()
    var precision = DatePrecision.day
    var until: CalendarDay?
    var source: Provenance?
    do throws(FieldError) {
      for member in data.members {
        switch member.key {
        case precisionKey:
          precision = try JSONValueDecoder.decode(DatePrecision.self, from: member.value)
        case untilKey:
          until = try JSONValueDecoder.decode(CalendarDay.self, from: member.value)
        case sourceKey:
          do {
            source = try JSONValueDecoder.decode(Provenance.self, from: member.value)
          } catch {
            throw FieldError(
              field: sourceKey + (error.field.isEmpty ? "" : "." + error.field),
              problem: error.problem)
          }
        default: rest.insert(member.key, member.value)
        }
      }
      if precision == .range && until == nil || until != nil && !precision.hasOwnEnd {
        throw FieldError(
          field: untilKey,
          problem: "is given exactly with precision 'range' (required) or 'on-or-before'")
      }
      let payload = try decodePayload(payloadType, from: rest)
      return DomainEvent(
        payload, effectivePrecision: precision, effectiveUntil: until, source: source)
    } catch {
      throw EventDecodingError(eventType: type, problem: .field(error))
    }
  }

  private static func decodePayload<P: EventPayload>(_ type: P.Type, from data: JSONObject)
    throws(FieldError) -> any EventPayload
  {
    try JSONValueDecoder.decode(type, from: .object(data))
  }

  /// The data member that holds `effectivePrecision`.
  public static let precisionKey = "effectivePrecision"
  /// The data member that holds `effectiveUntil`.
  public static let untilKey = "effectiveUntil"
  /// The data member that holds the provenance.
  public static let sourceKey = "source"

  /// Every event type the domain knows, by stored name.
  public static let payloadTypesByName: [String: any EventPayload.Type] = {
    var byName: [String: any EventPayload.Type] = [:]
    for type in payloadTypes {
      precondition(byName[type.eventType] == nil, "duplicate event type \(type.eventType)")
      byName[type.eventType] = type
    }
    return byName
  }()

  public static func == (lhs: DomainEvent, rhs: DomainEvent) -> Bool {
    lhs.effectivePrecision == rhs.effectivePrecision && lhs.effectiveUntil == rhs.effectiveUntil
      && lhs.source == rhs.source && lhs.payload == rhs.payload
  }

  /// The type name and canonical data, for messages and debugging.
  public var description: String {
    eventType + " " + String(decoding: CanonicalJSON.encode(.object(encodeData())), as: UTF8.self)
  }
}

extension EventPayload {
  /// The payload's fields as a JSON value, in declaration order.
  func encodedValue() -> JSONValue { JSONValueEncoder.encode(self) }
}

/// Why stored event data could not be read.
public struct EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The stored type name that was being read.
  public let eventType: String
  /// What was wrong.
  public let problem: Problem

  /// What was wrong with the data.
  public enum Problem: Equatable, Sendable {
    /// The type name is not one the domain knows.
    case unknownType
    /// A field was missing, unknown or of the wrong type.
    case field(FieldError)
  }

  /// A message naming the type and the field.
  public var description: String {
    switch problem {
    case .unknownType:
      "Unknown event type '\(eventType)'. Known types end in a version, such as"
        + " 'StaffTransferred.v1'; check the spelling or upgrade the program."
    case .field(let error):
      "Cannot read \(eventType): \(error)."
    }
  }
}
