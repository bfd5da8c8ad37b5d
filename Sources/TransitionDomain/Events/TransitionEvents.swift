// Who takes part, and organisations and bodies on valid time (issue 19, items 1-3 and 7).

/// One regional step of a transition: a decision each participant must take itself (the risk
/// rule of DOMAIN.md 3.3: the step is in force only when every participant decided it).
public struct TransitionStep: Hashable, Sendable, Codable {
  /// The step's name, such as `transitieplan` or `uittreding HKK`; a decision counts for it when
  /// its `step` is this name, or (without a `step`) when its kind is this name.
  public let step: String
  /// For a step of a GR's members ("decided by every member on the day"): the GR whose members
  /// on the query day must each decide it, instead of the participants.
  public var membersOf: OrganisationID?

  /// A step named `step`, decided by the participants, or by the members of `membersOf`.
  public init(_ step: String, membersOf: OrganisationID? = nil) {
    self.step = step
    self.membersOf = membersOf
  }
}

/// The log describes this transition: its name and the regional steps its participants decide.
public struct TransitionDeclared: EventPayload {
  public static let eventType = "TransitionDeclared.v1"
  /// A short id of the transition, such as `zaanstreek-werk-2027`.
  public let transition: String
  /// Its name as the parties write it.
  public let name: String
  /// The regional steps every participant must decide, in order.
  public let steps: [TransitionStep]
  public var stream: String { "transition/\(transition)" }
}

/// An organisation takes part in the transition from the effective day on.
///
/// Only participants count for the risk rule. An organisation that is registered but never joins (a GR with
/// members outside the transition, a provider, a national body) does not count.
public struct ParticipantJoined: EventPayload {
  public static let eventType = "ParticipantJoined.v1"
  /// The transition joined, as declared.
  public let transition: String
  /// The organisation that takes part.
  public let organisation: OrganisationID
  /// The steps it must decide; empty means every step of the transition.
  public let steps: [String]
  public var stream: String { "transition/\(transition)" }
}

/// An organisation became known to the tracker, with the days it exists and an open kind.
///
/// Version 2 of `OrganisationRegistered`: the kind may be one the rules do not know, and the
/// organisation exists from `startsOn` (when it is later than the record's effective day it is
/// simply registered early; when earlier, late) until the day before `endsOn`.
public struct OrganisationRegisteredV2: EventPayload {
  public static let eventType = "OrganisationRegistered.v2"
  /// The organisation's code, such as `ZWB`.
  public let organisation: OrganisationID
  /// The name as the organisation writes it.
  public let name: String
  /// What kind of organisation it is: gemeente, gemeenschappelijke regeling, uitvoerder,
  /// marktpartij, rijk, or any other kind such as `stichting`.
  public let kind: OrganisationKindName
  /// For a GR: its members, inside this transition or not; empty otherwise.
  public let members: [OrganisationID]
  /// For a GR: the governing text in force.
  public var governingText: String?
  /// Its role in the transition, in a few words.
  public var role: String?
  /// The first day it exists; absent when it existed before anything in this log.
  public var startsOn: CalendarDay?
  /// The first day it no longer exists, when already known (or record `OrganisationEnded`).
  public var endsOn: CalendarDay?
  public var stream: String { "org/\(organisation)" }
}

/// An organisation ceased to exist: from the effective day it can no longer decide, advise,
/// employ or receive anything (a GR dissolved, a foundation wound up).
public struct OrganisationEnded: EventPayload {
  public static let eventType = "OrganisationEnded.v1"
  /// The organisation that ended; the effective day is the first day it no longer exists.
  public let organisation: OrganisationID
  /// The organisation that takes over its tasks, if any (record `OrganisationsMerged` when it
  /// also takes over its decisions, memberships and staff).
  public var successor: OrganisationID?
  /// Why, such as "opgeheven bij besluit van het algemeen bestuur".
  public let reason: String
  public var stream: String { "org/\(organisation)" }
}

/// Two or more organisations merged into a successor (herindeling, a GR succeeded by a new
/// one): from the effective day the predecessors no longer exist, and the successor holds their
/// decisions in force, GR memberships, employees and participation.
public struct OrganisationsMerged: EventPayload {
  public static let eventType = "OrganisationsMerged.v1"
  /// The organisations that merge; they end on the effective day.
  public let predecessors: [OrganisationID]
  /// The organisation that continues them; it must exist on the effective day.
  public let successor: OrganisationID
  /// The legal basis, such as "Wet arhi, herindeling per 2027-01-01".
  public let basis: String
  public var stream: String { "org/\(successor)" }
}

/// A body (orgaan) became known, with an open kind and the days it exists.
///
/// Version 2 of `BodyRegistered`: the kind may be one the rules do not know (bestuurlijke
/// commissie, cliëntenraad, adviesraad, WOR-bestuurder); the rules act on the kinds they know.
public struct BodyRegisteredV2: EventPayload {
  public static let eventType = "BodyRegistered.v2"
  /// The body's code, such as `RAAD-ZWB`.
  public let body: BodyID
  /// The organisations it belongs to (one, or several for a joint body).
  public let organisations: [OrganisationID]
  /// What kind of body it is: raad, college, ondernemingsraad, … or any other kind such as
  /// `cliëntenraad` or `WOR-bestuurder`.
  public let kind: BodyKindName
  /// Its name, without personal names.
  public let name: String
  /// The first day it exists; absent when it existed before anything in this log.
  public var startsOn: CalendarDay?
  /// The first day it no longer exists, if known.
  public var endsOn: CalendarDay?
  public var stream: String { "body/\(body)" }
}

/// A document with a registration number became known; version 2 of `DocumentRegistered`.
public struct DocumentRegisteredV2: EventPayload {
  public static let eventType = "DocumentRegistered.v2"
  /// The registration number, such as `Z/2026/0142`.
  public let document: DocumentReference
  /// The title as printed.
  public let title: String
  /// The kind of document: raadsvoorstel, memo, brief, … or any other kind such as `motie`.
  public let kind: DocumentKindName
  /// The organisation that registered it.
  public let organisation: OrganisationID
  /// Whether secrecy (geheimhouding) applies: yes, no, or unknown when the source cannot tell.
  public let geheimhouding: YesNoUnknown
  /// Its attachments (bijlagen), by registration number.
  public let attachments: [DocumentReference]
  /// The date printed on the document, when known to the day.
  public var documentDate: CalendarDay?
  public var stream: String { "doc/\(document)" }
}
