/// A body put a proposal to another body: a raadsvoorstel, commissievoorstel or draft GR change.
public struct ProposalSubmitted: EventPayload {
  public static let eventType = "ProposalSubmitted.v1"
  /// The proposal's id (the scenario uses the record id, such as `IJM-026`).
  public let proposal: ProposalID
  /// The body that proposes, usually a college or the GR board.
  public let from: BodyID
  /// The bodies that decide or discuss it.
  public let to: [BodyID]
  /// The committee it passes on the way, if any.
  public var via: BodyID?
  /// What it is about.
  public let subject: String
  /// The numbered points proposed (the dictum as proposed; the decision keeps its own).
  public let dictum: [DictumPoint]
  /// Its documents, by registration number.
  public let documents: [DocumentReference]
  /// The planned committee date, if stated.
  public var plannedCommitteeDate: CalendarDay?
  /// The planned council date, if stated.
  public var plannedCouncilDate: CalendarDay?
  public var stream: String { "proposal/\(proposal)" }
}

/// A council committee (or a council meeting without decision) considered a subject.
public struct CommitteeConsidered: EventPayload {
  public static let eventType = "CommitteeConsidered.v1"
  /// The committee, or the raad for a raadsbijeenkomst.
  public let committee: BodyID
  /// The proposal considered, if one was recorded.
  public var proposal: ProposalID?
  /// What the committee did.
  public let outcome: CommitteeOutcome
  /// The body advised, when the outcome is an advice.
  public var advises: BodyID?
  /// Notes, such as who was present.
  public let notes: String
  public var stream: String { "body/\(committee)" }
}

/// A body informed others (raadsmemo, raadsinformatiebrief, meeting).
public struct InformationProvided: EventPayload {
  public static let eventType = "InformationProvided.v1"
  /// The informing bodies (at least one).
  public let from: [BodyID]
  /// The bodies informed.
  public let to: [BodyID]
  /// Others informed that are not bodies, such as "medewerkers IJW!".
  public var audience: String?
  /// The form of the information.
  public let form: InformationForm
  /// What it was about.
  public let subject: String
  /// Its documents.
  public let documents: [DocumentReference]
  public var stream: String { "body/\(from.first?.rawValue ?? "-")" }
}

/// A stakeholder (OR, MT, Participatieraad) put its position to bodies.
public struct StakeholderPositionSubmitted: EventPayload {
  public static let eventType = "StakeholderPositionSubmitted.v1"
  /// The submitting bodies (at least one).
  public let from: [BodyID]
  /// The addressed bodies.
  public let to: [BodyID]
  /// The points made.
  public let points: [String]
  /// Its documents, including replies.
  public let documents: [DocumentReference]
  public var stream: String { "body/\(from.first?.rawValue ?? "-")" }
}

/// A council gave its zienswijze (formal view) on a draft, such as a GR amendment.
public struct ZienswijzeSubmitted: EventPayload {
  public static let eventType = "ZienswijzeSubmitted.v1"
  /// The council.
  public let raad: BodyID
  /// The body that receives it.
  public let to: BodyID
  /// The draft it is about.
  public let draft: String
  /// Whether the council raised no objections.
  public let noObjections: Bool
  /// Its content.
  public let content: String
  public var stream: String { "body/\(raad)" }
}
