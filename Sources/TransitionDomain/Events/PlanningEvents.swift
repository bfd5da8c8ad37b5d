/// A milestone was planned; its first planned date is never overwritten.
public struct MilestonePlanned: EventPayload {
  public static let eventType = "MilestonePlanned.v1"
  /// The milestone's id, such as `M1`.
  public let milestone: MilestoneID
  /// Its title.
  public let title: String
  /// The organisations it applies to.
  public let scope: [OrganisationID]
  /// The planned day (first day of a coarse period).
  public let plannedDate: CalendarDay
  /// How precisely it was planned.
  public let plannedPrecision: DatePrecision
  public var stream: String { "milestone/\(milestone)" }
}

/// A milestone's planned date moved, with a reason.
public struct MilestoneReplanned: EventPayload {
  public static let eventType = "MilestoneReplanned.v1"
  /// The milestone.
  public let milestone: MilestoneID
  /// The organisations the new date applies to (a subset when only one slips).
  public let scope: [OrganisationID]
  /// The planned date before this change.
  public let previousDate: CalendarDay
  /// The new planned date.
  public let newDate: CalendarDay
  /// Why it moved.
  public let reason: String
  public var stream: String { "milestone/\(milestone)" }
}

/// A milestone was planned for a day or a period as precise as the source.
///
/// Its first planned date is never overwritten. Replaces `MilestonePlanned.v1` for new records
/// (a v1 record reads as this with its day and precision).
public struct MilestonePlannedV2: EventPayload {
  public static let eventType = "MilestonePlanned.v2"
  /// The milestone's id, such as `M1`.
  public let milestone: MilestoneID
  /// Its title.
  public let title: String
  /// The organisations it applies to.
  public let scope: [OrganisationID]
  /// The planned date as precise as the source: a day, month, quarter, half year, season,
  /// year, range or "on or before" (`voorjaar 2024`, `2020-12 - 2021-02`, `uiterlijk 2026`).
  public let plannedDate: EffectiveDate
  public var stream: String { "milestone/\(milestone)" }

  /// A plan of `milestone` for `plannedDate`.
  public init(
    milestone: MilestoneID, title: String, scope: [OrganisationID], plannedDate: EffectiveDate
  ) {
    self.milestone = milestone
    self.title = title
    self.scope = scope
    self.plannedDate = plannedDate
  }
}

/// A milestone's planned date moved to another day or period, with a reason.
///
/// Replaces `MilestoneReplanned.v1` for new records.
public struct MilestoneReplannedV2: EventPayload {
  public static let eventType = "MilestoneReplanned.v2"
  /// The milestone.
  public let milestone: MilestoneID
  /// The organisations the new date applies to (a subset when only one slips).
  public let scope: [OrganisationID]
  /// The planned date before this change, as precise as it was planned.
  public let previousDate: EffectiveDate
  /// The new planned date, as precise as the source (`najaar 2026`, `uiterlijk 2027-01-01`).
  public let newDate: EffectiveDate
  /// Why it moved.
  public let reason: String
  public var stream: String { "milestone/\(milestone)" }

  /// A replanning of `milestone` from `previousDate` to `newDate`.
  public init(
    milestone: MilestoneID, scope: [OrganisationID], previousDate: EffectiveDate,
    newDate: EffectiveDate, reason: String
  ) {
    self.milestone = milestone
    self.scope = scope
    self.previousDate = previousDate
    self.newDate = newDate
    self.reason = reason
  }
}

/// A milestone was reached (the record's effective day is the day it was reached).
public struct MilestoneAchieved: EventPayload {
  public static let eventType = "MilestoneAchieved.v1"
  /// The milestone; an unplanned one is accepted and reported by the projections.
  public let milestone: MilestoneID
  /// Its title, for milestones that were never planned.
  public let title: String
  /// The organisations for which it was reached.
  public let scope: [OrganisationID]
  /// Notes.
  public let notes: String
  public var stream: String { "milestone/\(milestone)" }
}

/// One municipality's status of a transition plan version.
public struct PlanStatusLine: Hashable, Sendable, Codable {
  /// The municipality.
  public let organisation: OrganisationID
  /// Its status of this version.
  public let status: PlanStatus
}

/// A version of the transitieplan was registered, with its status per municipality.
public struct TransitionPlanVersionRegistered: EventPayload {
  public static let eventType = "TransitionPlanVersionRegistered.v1"
  /// The plan's id.
  public let plan: String
  /// The version number, from 1.
  public let version: Int
  /// The document holding this version, if registered.
  public var document: DocumentReference?
  /// The status per municipality.
  public let statuses: [PlanStatusLine]
  public var stream: String { "plan/\(plan)" }
}

/// One risk of a register.
public struct RiskItem: Hashable, Sendable, Codable {
  /// The risk's id.
  public let risk: RiskID
  /// Its title.
  public let title: String
  /// What could happen.
  public let description: String
}

/// A risk register was set up with its first risks.
public struct RiskRegisterInitialised: EventPayload {
  public static let eventType = "RiskRegisterInitialised.v1"
  /// The register's id.
  public let register: String
  /// The body that owns it.
  public let owner: BodyID
  /// The risks.
  public let risks: [RiskItem]
  public var stream: String { "risks/\(register)" }
}

/// A single risk was recorded or updated.
public struct RiskRecorded: EventPayload {
  public static let eventType = "RiskRecorded.v1"
  /// The register it belongs to.
  public let register: String
  /// The risk.
  public let risk: RiskItem
  /// The owner.
  public let owner: BodyID
  /// The mitigation.
  public let mitigation: String
  /// Its status, such as "open".
  public let status: String
  public var stream: String { "risks/\(register)" }
}
