import EventLog
import TransitionDomain

#if canImport(Glibc)
  import Glibc
#endif

/// What had been recorded by when: the record-time axis of a query.
public enum KnownAt: Equatable, Sendable {
  /// Everything in the log (the default).
  case everything
  /// What had been recorded at or before this instant: the last `seq` with `recorded` ≤ it.
  case instant(LogInstant)
  /// The first `seq` records.
  case seq(Int64)
}

/// One query of a view: a valid day, a known-at and whether corrections apply.
public struct ViewQuery: Equatable, Sendable {
  /// The valid-time day the view is for.
  public var validAt: CalendarDay
  /// The record-time point the view is for.
  public var knownAt: KnownAt
  /// Whether to ignore every correcting record (the view as originally recorded).
  public var asRecorded: Bool
  /// For the costs view: the first day of the period; nil counts every line up to `validAt`.
  public var since: CalendarDay?

  /// A query for `validAt` (today in UTC when nil), as known at `knownAt`, as corrected unless
  /// `asRecorded`.
  public init(
    validAt: CalendarDay? = nil, knownAt: KnownAt = .everything, asRecorded: Bool = false,
    since: CalendarDay? = nil
  ) {
    self.validAt = validAt ?? ViewQuery.todayUTC()
    self.knownAt = knownAt
    self.asRecorded = asRecorded
    self.since = since
  }

  /// Today's date in UTC, from the system clock (whole seconds; no floating point).
  public static func todayUTC() -> CalendarDay {
    let seconds = Int(time(nil))
    return CalendarDay(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
  }

  /// Words for titles: "on 2026-07-01, as known at seq 150, as corrected".
  func describe(resolvedSeq: Int64, lastSeq: Int64) -> String {
    var text = "on \(validAt)"
    switch knownAt {
    case .everything: text += ", as known now (seq \(resolvedSeq))"
    case .instant(let instant): text += ", as known at \(instant) (seq \(resolvedSeq))"
    case .seq: text += ", as known at seq \(resolvedSeq)"
    }
    return text + (asRecorded ? ", as originally recorded" : ", as corrected")
  }
}

/// The views a projector can show.
public enum ViewName: String, CaseIterable, Sendable {
  /// FTE and headcount per organisation, function and cao.
  case staffing
  /// Every employee: employer, function, FTE, cao, secondment, status, basis.
  case employees
  /// Where every baseline FTE of the cohort is (DOMAIN.md 12.3).
  case conservation
  /// Every decision with its lifecycle and whether it is in force.
  case decisions
  /// Which municipality has and has not decided each regional step (DOMAIN.md 3.3).
  case regional
  /// OR advice per personnel decision.
  case advice
  /// Milestones: first planned date, replannings, achieved date, slip.
  case milestones
  /// Booked cost lines per municipality with key version, against the estimate.
  case costs
  /// Funds (reserves, budgets) per holder: amount, authorised and booked withdrawals, balance.
  case funds
}

/// One audit finding: a rule broken or worth a look, with the records that prove it.
public struct Finding: Equatable, Sendable, CustomStringConvertible {
  /// The rule's stable id, such as `staff-move-backed`.
  public let rule: String
  /// The valid day the finding is about, if it is about one.
  public let day: CalendarDay?
  /// The records that prove it, by `seq`, ascending.
  public let seqs: [Int64]
  /// A sentence a non-programmer understands.
  public let message: String

  /// A finding of `rule` on `day` with evidence `seqs`.
  public init(rule: String, day: CalendarDay?, seqs: [Int64], message: String) {
    self.rule = rule
    self.day = day
    self.seqs = Array(Set(seqs)).sorted()
    self.message = message
  }

  /// One line: `rule day [seqs] message`.
  public var description: String {
    "\(rule) \(day?.description ?? "-") [\(seqs.map(String.init).joined(separator: ","))] "
      + message
  }
}
