/// A body took a decision, intended (voorgenomen) or final (definitief).
public struct DecisionTaken: EventPayload {
  public static let eventType = "DecisionTaken.v1"
  /// The decision's id (the scenario uses the record id, such as `IJM-032`).
  public let decision: DecisionID
  /// The deciding body.
  public let body: BodyID
  /// Bodies that took it jointly with `body`.
  public let jointlyWith: [BodyID]
  /// What kind of decision it is.
  public let kind: DecisionKind
  /// Voorgenomen or definitief.
  public let status: DecisionStatus
  /// What it is about.
  public let subject: String
  /// The numbered points as decided.
  public let dictum: [DictumPoint]
  /// The proposal it decides on, if any.
  public var proposal: ProposalID?
  /// Legal bases cited, such as "Participatiewet", "article 1 lid 4 Wgr".
  public let legalBasis: [String]
  /// The vote, when recorded (such as "meerderheid").
  public var vote: String?
  /// The first day it is in force, when it differs from the decision day.
  public var validFrom: CalendarDay?
  /// The last day it is in force, if limited.
  public var validUntil: CalendarDay?
  /// For personnel decisions: the employees concerned (pseudonymous ids).
  public let subjectEmployees: [EmployeeID]
  /// Conditions attached.
  public let conditions: [String]
  /// The OR advice requests this decision answers to.
  public let orAdviceRequests: [AdviceRequestID]
  /// Whether the decision deviates from the OR's advice (article 25 lid 6 WOR: wait one month).
  public let deviatesFromORAdvice: Bool
  /// Its documents.
  public let documents: [DocumentReference]
  public var stream: String { "decision/\(decision)" }
}

/// A decision was revoked (ingetrokken) by the body that took it or its successor.
public struct DecisionRevoked: EventPayload {
  public static let eventType = "DecisionRevoked.v1"
  /// The revoked decision.
  public let decision: DecisionID
  /// The body revoking it.
  public let body: BodyID
  /// Why.
  public let reason: String
  public var stream: String { "decision/\(decision)" }
}

/// A decision was replaced by a later decision from the effective day on.
public struct DecisionSuperseded: EventPayload {
  public static let eventType = "DecisionSuperseded.v1"
  /// The decision that no longer applies.
  public let decision: DecisionID
  /// The decision that takes its place.
  public let supersededBy: DecisionID
  /// Why.
  public let reason: String
  public var stream: String { "decision/\(decision)" }
}

/// One changed field of a corrected record: a path into its data and the old and new text.
public struct FieldChange: Hashable, Sendable, Codable {
  /// The path into the corrected record's data: members joined by `.`, an array element
  /// chosen by its `line` or `employee` member in brackets: `placements[E017].destination`.
  public let field: String
  /// The value before, as stored (strings only).
  public let before: String
  /// The value after.
  public let after: String

  /// A change of `field` from `before` to `after`.
  public init(_ field: String, from before: String, to after: String) {
    self.field = field
    self.before = before
    self.after = after
  }
}

/// A field patch of an earlier decision record (envelope `corrects` names that record).
///
/// Applies to `DecisionTaken`, `ProposalSubmitted` and `PlacementProcedureStep` records. As
/// corrected, the record reads as its data with every patch applied in log order; as originally
/// recorded, the patches are ignored. See `Correction` for all correction kinds.
public struct DecisionCorrected: EventPayload {
  public static let eventType = "DecisionCorrected.v1"
  /// The decision or record id corrected, such as `IJM-072`.
  public let decision: String
  /// The fields changed.
  public let changes: [FieldChange]
  /// The first day the correction applies to.
  public let retroactiveFrom: CalendarDay
  /// The bodies with the authority to correct.
  public let authority: [BodyID]
  /// Why.
  public let reason: String
  public var stream: String { "decision/\(decision)" }
}

/// A retraction: the record named by the envelope's `corrects` is withdrawn without replacement.
///
/// As corrected, the retracted record (and any replacement or patch of it) no longer counts;
/// as originally recorded, it still does. Nothing is deleted.
public struct RecordRetracted: EventPayload {
  public static let eventType = "RecordRetracted.v1"
  /// The id of the retracted record, for readers of the log.
  public let record: String
  /// Why.
  public let reason: String
  public var stream: String { "corrections" }
}
