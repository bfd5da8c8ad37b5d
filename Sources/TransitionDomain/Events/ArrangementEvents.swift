/// A gemeenschappelijke regeling was amended (such as the vijfde wijziging removing a task).
public struct GRAmended: EventPayload {
  public static let eventType = "GRAmended.v1"
  /// The GR.
  public let arrangement: OrganisationID
  /// The amendment's name, such as "GR IJmond Werkt! 2024, vijfde wijziging".
  public let amendment: String
  /// Tasks that leave the GR.
  public let tasksRemoved: [String]
  /// Tasks that join the GR.
  public let tasksAdded: [String]
  /// The members after the amendment (at least two).
  public let membersAfter: [OrganisationID]
  /// The council permissions and GR decisions it rests on.
  public let decisions: [DecisionID]
  public var stream: String { "org/\(arrangement)" }
}

/// A member left a GR (uittreding).
public struct GRMemberLeft: EventPayload {
  public static let eventType = "GRMemberLeft.v1"
  /// The GR.
  public let arrangement: OrganisationID
  /// The member leaving.
  public let member: OrganisationID
  /// The settlement (vereffening) reference.
  public let settlement: String
  public var stream: String { "org/\(arrangement)" }
}

/// A GR was dissolved (opheffing); it continues only to wind up its assets.
public struct GRDissolved: EventPayload {
  public static let eventType = "GRDissolved.v1"
  /// The GR.
  public let arrangement: OrganisationID
  /// The settlement reference.
  public let settlement: String
  public var stream: String { "org/\(arrangement)" }
}
