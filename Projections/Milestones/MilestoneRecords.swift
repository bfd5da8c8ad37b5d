import TransitionDomain

/// A milestone's plan as the views read it, from `MilestonePlanned.v1` (a day and a precision)
/// or `.v2` (a date as precise as the source).
struct MilestonePlan {
  /// The record.
  let version: RecordVersion
  /// The milestone.
  let milestone: MilestoneID
  /// Its title.
  let title: String
  /// The organisations it applies to.
  let scope: [OrganisationID]
  /// The planned date.
  let planned: EffectiveDate
}

/// A replanning as the views read it, from `MilestoneReplanned.v1` (days) or `.v2`.
struct MilestoneReplan {
  /// The record.
  let version: RecordVersion
  /// The milestone.
  let milestone: MilestoneID
  /// The organisations the new date applies to (all when empty).
  let scope: [OrganisationID]
  /// The planned date before.
  let previous: EffectiveDate
  /// The new planned date.
  let new: EffectiveDate
  /// Why it moved.
  let reason: String
}

extension ViewContext {
  /// Every milestone plan that counts for the query, of either version, in record order.
  func milestonePlans() -> [MilestonePlan] {
    let first = ledger.versions(of: MilestonePlanned.self).map {
      MilestonePlan(
        version: $0.version, milestone: $0.event.milestone, title: $0.event.title,
        scope: $0.event.scope,
        planned: EffectiveDate($0.event.plannedDate, precision: $0.event.plannedPrecision))
    }
    let second = ledger.versions(of: MilestonePlannedV2.self).map {
      MilestonePlan(
        version: $0.version, milestone: $0.event.milestone, title: $0.event.title,
        scope: $0.event.scope, planned: $0.event.plannedDate)
    }
    return (first + second).sorted { $0.version.seq < $1.version.seq }
  }

  /// Every replanning that counts for the query, of either version, in record order.
  func milestoneReplans() -> [MilestoneReplan] {
    let first = ledger.versions(of: MilestoneReplanned.self).map {
      MilestoneReplan(
        version: $0.version, milestone: $0.event.milestone, scope: $0.event.scope,
        previous: EffectiveDate($0.event.previousDate), new: EffectiveDate($0.event.newDate),
        reason: $0.event.reason)
    }
    let second = ledger.versions(of: MilestoneReplannedV2.self).map {
      MilestoneReplan(
        version: $0.version, milestone: $0.event.milestone, scope: $0.event.scope,
        previous: $0.event.previousDate, new: $0.event.newDate, reason: $0.event.reason)
    }
    return (first + second).sorted { $0.version.seq < $1.version.seq }
  }
}

/// Whether a milestone was reached in time for its planned date (DOMAIN.md 12.12).
public enum MilestoneVerdict: String, Equatable, Sendable {
  /// Reached on or before the last day of the planned period.
  case onTime = "on time"
  /// Reached after the last day of the planned period; the slip counts from that day.
  case late
  /// The achieved date is too coarse to say: it begins within or before the planned period
  /// and ends after it.
  case undetermined
  /// Not reached yet.
  case open

  /// The verdict for `achieved` against `planned`, with the slip in days from the planned
  /// period's last day: one number when known, the least and most when the achieved date is a
  /// period; `(0, 0)` within the period, negative when reached before it began; nil when
  /// undetermined.
  public static func judge(planned: EffectiveDate, achieved: EffectiveDate)
    -> (verdict: MilestoneVerdict, slip: ClosedRange<Int>?)
  {
    let end = planned.lastDay
    if let earliest = achieved.earliestDay, earliest > end {
      return (.late, end.days(until: earliest)...end.days(until: achieved.lastDay))
    }
    guard achieved.lastDay <= end else { return (.undetermined, nil) }
    if let start = planned.earliestDay, achieved.lastDay < start {
      let early = start.days(until: achieved.lastDay)
      return (.onTime, early...early)
    }
    return (.onTime, 0...0)
  }
}
