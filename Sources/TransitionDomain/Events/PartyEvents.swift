/// An organisation became known to the tracker: a gemeente, a GR, an uitvoerder or another party.
public struct OrganisationRegistered: EventPayload {
  public static let eventType = "OrganisationRegistered.v1"
  /// The organisation's code, such as `IJW`.
  public let organisation: OrganisationID
  /// The name as the organisation writes it.
  public let name: String
  /// What kind of organisation it is.
  public let kind: OrganisationKind
  /// For a GR: its member municipalities; empty otherwise.
  public let members: [OrganisationID]
  /// For a GR: the governing text in force, such as "GR IJmond Werkt! 2024, vierde wijziging".
  public var governingText: String?
  /// Its role in the transition, in a few words.
  public var role: String?
  public var stream: String { "org/\(organisation)" }
}

/// Something changed in how an organisation works (such as teams per municipality since 2024-10).
public struct OrganisationChanged: EventPayload {
  public static let eventType = "OrganisationChanged.v1"
  /// The organisation that changed.
  public let organisation: OrganisationID
  /// What changed.
  public let change: String
  public var stream: String { "org/\(organisation)" }
}

/// A body (orgaan) of one or more organisations became known: a raad, college, OR, stuurgroep ….
public struct BodyRegistered: EventPayload {
  public static let eventType = "BodyRegistered.v1"
  /// The body's code, such as `RAAD-HKK`.
  public let body: BodyID
  /// The organisations it belongs to (one, or several for a joint body such as the PHO).
  public let organisations: [OrganisationID]
  /// What kind of body it is.
  public let kind: BodyKind
  /// Its name, without personal names.
  public let name: String
  public var stream: String { "body/\(body)" }
}

/// A document with a registration number became known.
public struct DocumentRegistered: EventPayload {
  public static let eventType = "DocumentRegistered.v1"
  /// The registration number, such as `D/2025/708641`.
  public let document: DocumentReference
  /// The title as printed.
  public let title: String
  /// The kind of document.
  public let kind: DocumentKind
  /// The organisation that registered it.
  public let organisation: OrganisationID
  /// Whether secrecy (geheimhouding) applies.
  public let geheimhouding: Bool
  /// Its attachments (bijlagen), by registration number.
  public let attachments: [DocumentReference]
  /// The date printed on the document, when known to the day.
  public var documentDate: CalendarDay?
  public var stream: String { "doc/\(document)" }
}
