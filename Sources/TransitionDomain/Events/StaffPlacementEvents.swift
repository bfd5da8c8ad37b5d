/// An employee was seconded (gedetacheerd): works elsewhere, employer unchanged.
public struct SecondmentStarted: EventPayload {
  public static let eventType = "SecondmentStarted.v1"
  /// Who.
  public let employee: EmployeeID
  /// The employer, unchanged.
  public let employer: OrganisationID
  /// Where they work.
  public let host: OrganisationID
  /// The last day of the secondment.
  public let until: CalendarDay
  public var stream: String { "staff/\(employee)" }
}

/// A running secondment was extended.
public struct SecondmentExtended: EventPayload {
  public static let eventType = "SecondmentExtended.v1"
  /// Who.
  public let employee: EmployeeID
  /// The host.
  public let host: OrganisationID
  /// The new last day.
  public let until: CalendarDay
  public var stream: String { "staff/\(employee)" }
}

/// A running secondment ended on the record's effective day.
public struct SecondmentEnded: EventPayload {
  public static let eventType = "SecondmentEnded.v1"
  /// Who.
  public let employee: EmployeeID
  /// The host.
  public let host: OrganisationID
  public var stream: String { "staff/\(employee)" }
}

/// Someone outside the cohort was hired; never counted in the cohort's FTE.
public struct ExternalHireRecorded: EventPayload {
  public static let eventType = "ExternalHireRecorded.v1"
  /// A new pseudonymous id, such as `X001`.
  public let employee: EmployeeID
  /// The hiring employer.
  public let employer: OrganisationID
  /// The function.
  public let function: String
  /// The contract FTE.
  public let contractFTE: FTE
  /// The cao.
  public let cao: String
  public var stream: String { "staff/\(employee)" }
}

/// One intended or final placement of an employee in a placement procedure.
public struct Placement: Hashable, Sendable, Codable {
  /// Who.
  public let employee: EmployeeID
  /// The organisation the employee is placed at (their current employer when staying).
  public let destination: OrganisationID
  /// The function, if stated.
  public var function: String?
}

/// A step of the placement procedure (functieboek … definitief plaatsingsbesluit).
public struct PlacementProcedureStep: EventPayload {
  public static let eventType = "PlacementProcedureStep.v1"
  /// The procedure's id, such as "plaatsing-2026".
  public let procedure: String
  /// The step.
  public let step: PlacementStep
  /// The bodies acting.
  public let bodies: [BodyID]
  /// The employees concerned without a placement (objections, not placed).
  public let employees: [EmployeeID]
  /// The placements of this step, for (intended) placement decisions.
  public let placements: [Placement]
  /// Details.
  public let details: String
  /// The last day of the step, such as the end of a registration window.
  public var until: CalendarDay?
  public var stream: String { "placement/\(procedure)" }
}
