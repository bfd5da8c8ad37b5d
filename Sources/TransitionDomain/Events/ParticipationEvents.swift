/// An employer asked its works council (OR) for advice on an intended decision (article 25 WOR).
public struct ORAdviceRequested: EventPayload {
  public static let eventType = "ORAdviceRequested.v1"
  /// The request's id (the scenario uses the record id, such as `IJM-041`).
  public let request: AdviceRequestID
  /// The works council asked.
  public let worksCouncil: BodyID
  /// The body asking (employer / WOR-bestuurder).
  public let requestedBy: BodyID
  /// The intended decision it is about, if recorded.
  public var intendedDecision: DecisionID?
  /// The legal basis, such as "article 25 lid 1 sub a, c, e WOR".
  public let legalBasis: String
  /// What it is about.
  public let subject: String
  /// Its documents.
  public let documents: [DocumentReference]
  public var stream: String { "advice/\(request)" }
}

/// A works council gave its advice, or documented that it gives none.
public struct ORAdviceGiven: EventPayload {
  public static let eventType = "ORAdviceGiven.v1"
  /// The request answered.
  public let request: AdviceRequestID
  /// The works council advising.
  public let worksCouncil: BodyID
  /// The outcome.
  public let outcome: AdviceOutcome
  /// Conditions attached, in order.
  public let conditions: [String]
  public var stream: String { "advice/\(request)" }
}

/// Employers and unions agreed a sociaal plan for the reorganisation.
public struct SocialPlanAgreed: EventPayload {
  public static let eventType = "SocialPlanAgreed.v1"
  /// The plan's id.
  public let plan: String
  /// The employer bodies that agreed.
  public let parties: [BodyID]
  /// Other parties, such as "vakbonden".
  public let otherParties: [String]
  /// The first day it applies.
  public let validFrom: CalendarDay
  /// The last day it applies.
  public let validUntil: CalendarDay
  /// Its main contents.
  public let contents: [String]
  public var stream: String { "socialplan/\(plan)" }
}

/// The tracker's clients moved as a count of running trajectories (no client data).
public struct CaseloadTransferred: EventPayload {
  public static let eventType = "CaseloadTransferred.v1"
  /// The organisation handing over.
  public let from: OrganisationID
  /// The organisation taking over.
  public let to: OrganisationID
  /// The day the count was taken.
  public let asOf: CalendarDay
  /// The number of running trajectories (lopende trajecten).
  public let trajectoryCount: Int64
  public var stream: String { "caseload/\(to)" }
}

/// One published figure of a reference table.
public struct ReferenceFigure: Hashable, Sendable, Codable {
  /// The row label, such as "in lopend traject IJW!".
  public let row: String
  /// The column label, such as "HKK" or "total".
  public let column: String
  /// The figure as published (counts only).
  public let value: Int64

  /// The figure `value` in `row`, `column`.
  public init(_ row: String, _ column: String, _ value: Int64) {
    self.row = row
    self.column = column
    self.value = value
  }
}

/// A reference table as published, with its as-of date and source; never "fixed".
public struct ReferenceDataRecorded: EventPayload {
  public static let eventType = "ReferenceDataRecorded.v1"
  /// The dataset's id, such as "ijmond-medio-2024".
  public let dataset: String
  /// The as-of day of the figures (first day of a coarse period).
  public let asOf: CalendarDay
  /// Who published the figures.
  public let publisher: String
  /// The figures.
  public let figures: [ReferenceFigure]
  /// Notes as published.
  public let notes: [String]
  public var stream: String { "reference/\(dataset)" }
}

/// A fact outside the transition that matters to it (elections, national decisions).
public struct ExternalContextRecorded: EventPayload {
  public static let eventType = "ExternalContextRecorded.v1"
  /// A short topic id, such as "gemeenteraadsverkiezingen-2026".
  public let topic: String
  /// What happened.
  public let description: String
  /// The organisations it concerns.
  public let scope: [OrganisationID]
  public var stream: String { "context/\(topic)" }
}
