import CanonicalJSON

/// A request to record one fact: the imperative form of one event type.
///
/// Each event type has one command (`TransferStaff` records `StaffTransferred.v1`); see
/// `catalogue`. Its JSON form is the event's data fields plus the members below:
/// `{"command":"TransferStaff","effective":"2026-07-01","batch":"IJM-082","lines":[…]}`.
///
/// | member | meaning |
/// |---|---|
/// | `command` | the command name (required) |
/// | `effective` | the effective date: `2026-07-01`, or as precise as the source: `2024-04`, `2023-Q1`, `2025-H2`, `voorjaar 2024`, `winter 2020/2021`, `2013`, `2024-07~`, `2020-12 - 2021-02`, `uiterlijk 2026-07-01` (required; every form of `EffectiveDate`) |
/// | `corrects` | the `seq` of the record this corrects (optional; see `Correction`) |
/// | `correctionReason` | why, required with `corrects` |
/// | `id` | a record id of your choice (optional; the log assigns one otherwise) |
/// | `source` | provenance `{"kind":"illustrative","detail":"…"}` (optional) |
public struct TransitionCommand: Equatable, Sendable {
  /// The command name, such as `TransferStaff`.
  public let name: String
  /// The effective date as given.
  public let effective: EffectiveDate
  /// The `seq` of the record corrected, if any.
  public let corrects: Int64?
  /// Why, when it corrects.
  public let correctionReason: String?
  /// A chosen record id, if any.
  public let id: String?
  /// The event to record (precision and source already set).
  public let event: DomainEvent

  /// A command recording `payload` effective on `effective`.
  public init(
    _ payload: any EventPayload, effective: EffectiveDate, source: Provenance? = nil,
    corrects: Int64? = nil, correctionReason: String? = nil, id: String? = nil
  ) {
    let payload = TransitionCommand.oldestVersion(of: payload)
    let eventType = type(of: payload).eventType
    guard let name = TransitionCommand.namesByEventType[eventType] else {
      preconditionFailure("no command records \(eventType)")
    }
    self.name = name
    self.effective = effective
    self.corrects = corrects
    self.correctionReason = correctionReason
    self.id = id
    self.event = DomainEvent(
      payload, effectivePrecision: effective.precision, effectiveUntil: effective.until,
      source: source)
  }

  /// Reads the JSON form; refuses unknown commands and missing, unknown or mistyped fields.
  public init(json: JSONObject) throws(Refusal) {
    guard let name = json["command"]?.stringValue else {
      throw .invalidInput(command: "command", problem: "field 'command' is missing or not text")
    }
    guard let eventType = TransitionCommand.eventTypesByName[name] else {
      throw .unknownCommand(name)
    }
    guard let effectiveText = json["effective"]?.stringValue else {
      throw .invalidInput(command: name, problem: "field 'effective' is missing or not text")
    }
    guard let effective = EffectiveDate(parsing: effectiveText) else {
      throw .notARealDay(field: "effective", text: effectiveText)
    }
    var data = JSONObject()
    var corrects: Int64?
    var reason: String?
    var id: String?
    for member in json.members {
      switch member.key {
      case "command", "effective": continue
      case "corrects":
        guard let seq = member.value.integerValue, seq >= 1 else {
          throw .invalidInput(
            command: name, problem: "field 'corrects' should be a seq (1 or more)")
        }
        corrects = seq
      case "correctionReason":
        reason = member.value.stringValue
        guard reason != nil else {
          throw .invalidInput(command: name, problem: "field 'correctionReason' should be text")
        }
      case "id":
        id = member.value.stringValue
        guard id != nil else {
          throw .invalidInput(command: name, problem: "field 'id' should be text")
        }
      case DomainEvent.precisionKey, DomainEvent.untilKey:
        throw .invalidInput(
          command: name,
          problem: "give the precision in 'effective', not in '\(member.key)'")
      default: data.insert(member.key, member.value)
      }
    }
    if effective.precision != .day {
      data.insert(DomainEvent.precisionKey, .string(effective.precision.rawValue))
    }
    if let until = effective.until {
      data.insert(DomainEvent.untilKey, .string(until.description))
    }
    do {
      event = try TransitionCommand.decodeLatestOrEarlier(name: name, type: eventType, data: data)
    } catch {
      if case .field(let field) = error.problem, field.problem.contains("not a real date"),
        let text = TransitionCommand.text(at: field.field, in: data)
      {
        throw .notARealDay(field: field.field, text: text)
      }
      if case .field(let field) = error.problem {
        throw .invalidInput(command: name, problem: field.description)
      }
      throw .invalidInput(command: name, problem: error.description)
    }
    self.name = name
    self.effective = effective
    self.corrects = corrects
    self.correctionReason = reason
    self.id = id
  }

  /// The event of `data` as the command's latest type, else as an earlier version of it.
  ///
  /// Input written for the earlier version (`earlierVersions`) records what it always did; the
  /// latest type's error is the one reported.
  private static func decodeLatestOrEarlier(name: String, type: String, data: JSONObject)
    throws(EventDecodingError) -> DomainEvent
  {
    do {
      return try decodeOldestVersion(type: type, data: data)
    } catch {
      for earlier in earlierVersions where earlier.command == name {
        if let event = try? DomainEvent.decode(type: earlier.eventType, data: data) {
          return event
        }
      }
      throw error
    }
  }

  private static func text(at path: String, in data: JSONObject) -> String? {
    guard !path.contains("["), !path.contains(".") else { return nil }
    return data[path]?.stringValue
  }

  /// The command name for each event type, earlier versions included (`DecisionTaken.v1` and
  /// `.v2` are both recorded by `TakeDecision`).
  public static let namesByEventType: [String: String] = {
    var names = Dictionary(
      uniqueKeysWithValues: catalogue.map { ($0.eventType, $0.name) }
        + earlierVersions.map { ($0.eventType, $0.command) }
    ).merging([
      MilestonePlanned.eventType: "PlanMilestone", MilestoneReplanned.eventType: "ReplanMilestone",
    ]) { current, _ in current }
    for entry in catalogue {
      if let versioned = DomainEvent.payloadTypesByName[entry.eventType]
        as? any VersionedPayload.Type
      {
        names[versioned.earlierVersion.eventType] = entry.name
      }
    }
    return names
  }()

  /// `payload`, or its earlier version when that holds the same facts: a command writes the
  /// oldest version that can hold what it records.
  static func oldestVersion(of payload: any EventPayload) -> any EventPayload {
    var current = payload
    while let versioned = current as? any VersionedPayload, let earlier = versioned.asEarlierVersion
    {
      current = earlier
    }
    return current
  }

  /// The data read as `type`, or as its earlier version when written in that version's shape.
  ///
  /// The result is written as the oldest version that holds its facts. When neither reads, the
  /// error is the one of the version the data is meant as (`isMeantAsCurrent`).
  static func decodeOldestVersion(type: String, data: JSONObject) throws(EventDecodingError)
    -> DomainEvent
  {
    let event: DomainEvent
    do {
      event = try DomainEvent.decode(type: type, data: data)
    } catch {
      guard let versioned = DomainEvent.payloadTypesByName[type] as? any VersionedPayload.Type
      else { throw error }
      // Members only the later version has, left at their defaults (an empty list, false; as
      // `record` fills them in), say nothing the earlier version cannot.
      let earlier = JSONObject(
        data.members.filter {
          !(versioned.newMembers.contains($0.key)
            && ($0.value == .array([]) || $0.value == .bool(false) || $0.value == .null))
        }.map { ($0.key, $0.value) })
      do {
        return try DomainEvent.decode(type: versioned.earlierVersion.eventType, data: earlier)
      } catch let earlierError {
        throw versioned.isMeantAsCurrent(data) ? error : earlierError
      }
    }
    let oldest = oldestVersion(of: event.payload.value)
    return DomainEvent(
      oldest, effectivePrecision: event.effectivePrecision, effectiveUntil: event.effectiveUntil,
      source: event.source)
  }
  /// The event type each command records.
  public static let eventTypesByName: [String: String] = Dictionary(
    uniqueKeysWithValues: catalogue.map { ($0.name, $0.eventType) })
}
