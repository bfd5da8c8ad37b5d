import CanonicalJSON

// Versions of one event type: a `.v1` record is read into the `.v2` shape (the model), and a
// command writes the oldest version that holds its facts, so that a log using none of the new
// facts stays readable by older programs and byte-identical to what they wrote.

/// A payload type that has an earlier version it can sometimes be written as.
public protocol VersionedPayload: EventPayload {
  /// The earlier version's type.
  static var earlierVersion: any EventPayload.Type { get }
  /// The same facts as the earlier version, or nil when it cannot hold them.
  var asEarlierVersion: (any EventPayload)? { get }
  /// The data members this version has and the earlier one has not.
  static var newMembers: Set<String> { get }
  /// Whether `data` is meant as this version (not the earlier one), for error messages.
  static func isMeantAsCurrent(_ data: JSONObject) -> Bool
}

extension VersionedPayload {
  /// Whether `data` uses a member only this version has.
  public static func isMeantAsCurrent(_ data: JSONObject) -> Bool {
    data.keys.contains { newMembers.contains($0) }
  }
}

extension DecisionTakenV2: VersionedPayload {
  public static var earlierVersion: any EventPayload.Type { DecisionTaken.self }
  public var asEarlierVersion: (any EventPayload)? { asVersion1 }
  public static let newMembers: Set<String> = [
    "step", "amount", "deviatesFromAdvice", "backing",
  ]
}

extension OrganisationRegisteredV2: VersionedPayload {
  public static var earlierVersion: any EventPayload.Type { OrganisationRegistered.self }
  public static let newMembers: Set<String> = ["startsOn", "endsOn"]

  /// A `.v1` registration in the current shape (it exists throughout the log).
  public init(_ v1: OrganisationRegistered) {
    self.init(
      organisation: v1.organisation, name: v1.name, kind: v1.kind.rawValue, members: v1.members,
      governingText: v1.governingText, role: v1.role, startsOn: nil, endsOn: nil)
  }

  /// The kind when the rules know it, else nil.
  public var knownKind: OrganisationKind? { OrganisationKind(rawValue: kind) }

  public var asEarlierVersion: (any EventPayload)? {
    guard let known = knownKind, startsOn == nil, endsOn == nil else { return nil }
    return OrganisationRegistered(
      organisation: organisation, name: name, kind: known, members: members,
      governingText: governingText, role: role)
  }

  /// Whether it exists on `day` by its own days (ignoring later `OrganisationEnded` records).
  public func exists(on day: CalendarDay) -> Bool {
    (startsOn.map { $0 <= day } ?? true) && (endsOn.map { day < $0 } ?? true)
  }
}

extension BodyRegisteredV2: VersionedPayload {
  public static var earlierVersion: any EventPayload.Type { BodyRegistered.self }
  public static let newMembers: Set<String> = ["startsOn", "endsOn"]

  /// A `.v1` registration in the current shape.
  public init(_ v1: BodyRegistered) {
    self.init(
      body: v1.body, organisations: v1.organisations, kind: v1.kind.rawValue, name: v1.name,
      startsOn: nil, endsOn: nil)
  }

  /// The kind when the rules know it, else nil.
  public var knownKind: BodyKind? { BodyKind(rawValue: kind) }

  public var asEarlierVersion: (any EventPayload)? {
    guard let known = knownKind, startsOn == nil, endsOn == nil else { return nil }
    return BodyRegistered(body: body, organisations: organisations, kind: known, name: name)
  }

  /// Whether it exists on `day` by its own days.
  public func exists(on day: CalendarDay) -> Bool {
    (startsOn.map { $0 <= day } ?? true) && (endsOn.map { day < $0 } ?? true)
  }
}

extension DocumentRegisteredV2: VersionedPayload {
  public static var earlierVersion: any EventPayload.Type { DocumentRegistered.self }
  public static let newMembers: Set<String> = []

  /// Meant as `.v2` unless `geheimhouding` is given as true or false.
  public static func isMeantAsCurrent(_ data: JSONObject) -> Bool {
    data["geheimhouding"]?.boolValue == nil
  }

  /// A `.v1` registration in the current shape.
  public init(_ v1: DocumentRegistered) {
    self.init(
      document: v1.document, title: v1.title, kind: v1.kind.rawValue,
      organisation: v1.organisation, geheimhouding: YesNoUnknown(v1.geheimhouding),
      attachments: v1.attachments, documentDate: v1.documentDate)
  }

  public var asEarlierVersion: (any EventPayload)? {
    guard let known = DocumentKind(rawValue: kind), let secret = geheimhouding.known else {
      return nil
    }
    return DocumentRegistered(
      document: document, title: title, kind: known, organisation: organisation,
      geheimhouding: secret, attachments: attachments, documentDate: documentDate)
  }
}

extension DomainEvent {
  /// The payload in its current shape: a `.v1` organisation, body, document or decision as
  /// its `.v2` model; any other payload as it is.
  public var currentPayload: any EventPayload {
    switch payload {
    case .decisionTaken(let v1): DecisionTakenV2(v1)
    case .organisationRegistered(let v1): OrganisationRegisteredV2(v1)
    case .bodyRegistered(let v1): BodyRegisteredV2(v1)
    case .documentRegistered(let v1): DocumentRegisteredV2(v1)
    default: payload.value
    }
  }
}
