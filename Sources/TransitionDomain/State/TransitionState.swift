/// What the domain knows after folding records in `seq` order, corrections applied.
///
/// Built by `apply(_:)` from `DomainRecord`s; `decide` validates commands against it, and the
/// projections may reuse its queries. Staff facts are kept as dated changes, so every query
/// takes a day and answers "as currently known" for that day, whatever the recording order.
public struct TransitionState: Sendable {
  /// The highest `seq` applied; 0 for an empty log.
  public internal(set) var lastSeq: Int64 = 0
  /// The stored type of every record by `seq`.
  public internal(set) var recordTypes: [Int64: String] = [:]
  /// The stream of every record by `seq`.
  public internal(set) var recordStreams: [Int64: String] = [:]
  /// Records withdrawn by a `RecordRetracted` (or replaced: see `replacedBy`).
  public internal(set) var retracted: Set<Int64> = []
  /// For a replaced record: the `seq` of the record that now stands for it.
  public internal(set) var replacedBy: [Int64: Int64] = [:]
  /// Organisations by id, every version read into the `.v2` model.
  public internal(set) var organisations: [OrganisationID: OrganisationRegisteredV2] = [:]
  /// The first day each ended organisation no longer exists (`OrganisationEnded`, a merger).
  public internal(set) var organisationEnds: [OrganisationID: CalendarDay] = [:]
  /// For each organisation merged into another: the successor and the merger day.
  public internal(set) var successors: [OrganisationID: Succession] = [:]
  /// The declared transitions by id: their regional steps.
  public internal(set) var transitions: [String: [TransitionStep]] = [:]
  /// The participants of each transition: the day each joined and the steps it must decide.
  public internal(set) var participants: [String: [OrganisationID: ParticipantJoined]] = [:]
  /// The current members of each GR (after amendments, leavings, dissolution).
  public internal(set) var arrangementMembers: [OrganisationID: [OrganisationID]] = [:]
  /// Bodies by id, every version read into the `.v2` model.
  public internal(set) var bodies: [BodyID: BodyRegisteredV2] = [:]
  /// Decisions by id, as corrected.
  public internal(set) var decisions: [DecisionID: DecisionState] = [:]
  /// OR advice requests by id, with the `seq` that recorded each.
  public internal(set) var adviceRequests: [AdviceRequestID: Int64] = [:]
  /// Planned milestones by id: the current planned date.
  public internal(set) var milestones: [MilestoneID: CalendarDay] = [:]
  /// Cost-sharing key versions by cost stream and version.
  public internal(set) var keys: [String: [Int: KeyVersion]] = [:]
  /// Booked cost lines by id, with their effective day.
  public internal(set) var costLines: [CostLineID: BookedLine] = [:]
  /// Funds (reserves, budgets) by id.
  public internal(set) var funds: [FundID: FundCreated] = [:]
  /// Authorised withdrawals by id.
  public internal(set) var withdrawals: [WithdrawalID: WithdrawalAuthorised] = [:]
  var employees: [EmployeeID: EmployeeHistory] = [:]
  var recordsBySeq: [Int64: DomainRecord] = [:]

  /// An empty state (an empty log).
  public init() {}

  /// A state folded from `records` in their order.
  public init(records: some Sequence<DomainRecord>) throws(ReplayError) {
    for record in records { try apply(record) }
  }

  /// A decision as currently known.
  public struct DecisionState: Sendable, Equatable {
    /// The decision as taken, in the `.v2` model (patched by `DecisionCorrected`).
    public internal(set) var taken: DecisionTakenV2
    /// The record that took it.
    public let seq: Int64
    /// The day it was taken.
    public let effective: CalendarDay
    /// The day a `DecisionRevoked` or `DecisionSuperseded` takes effect, if any.
    public internal(set) var endedOn: CalendarDay?
  }

  /// A version of a cost-sharing key.
  public struct KeyVersion: Sendable, Equatable {
    /// The shares in tie-break order.
    public let shares: [KeyShare]
    /// The first day it applies.
    public let validFrom: CalendarDay
    /// The record that set it.
    public let seq: Int64
    /// The version that corrects it, if any.
    public internal(set) var correctedByVersion: Int?
  }

  /// A booked cost line and its effective day.
  public struct BookedLine: Sendable, Equatable {
    /// The line.
    public let line: CostLine
    /// Its effective day (the booking record's).
    public let effective: CalendarDay
    /// The booking record.
    public let seq: Int64
  }

  /// The record at `seq` as applied, or nil.
  public func record(seq: Int64) -> DomainRecord? { recordsBySeq[seq] }

  /// The employee as known on `day`, or nil when no record covers them by then.
  public func employee(_ employee: EmployeeID, on day: CalendarDay) -> EmployeeSnapshot? {
    employees[employee]?.snapshot(on: day)
  }

  /// The employer of `employee` on `day`, or nil when not employed that day.
  public func employer(of employee: EmployeeID, on day: CalendarDay) -> OrganisationID? {
    self.employee(employee, on: day)?.employer
  }

  /// Every employee id ever recorded, sorted.
  public var employeeIDs: [EmployeeID] { employees.keys.sorted() }

  /// Whether the employee appears in any record.
  public func knows(_ employee: EmployeeID) -> Bool { employees[employee] != nil }

  /// The key version of `costs` in force on `day` as currently known: the latest `validFrom`
  /// on or before `day`, a correcting version winning over the version it corrects.
  public func keyVersion(of costs: String, on day: CalendarDay) -> Int? {
    let versions = keys[costs] ?? [:]
    return versions.filter { $0.value.validFrom <= day && $0.value.correctedByVersion == nil }
      .max { ($0.value.validFrom, $0.key) < ($1.value.validFrom, $1.key) }?.key
  }

  /// The cohort FTE per bucket on `day`: per employer for staff at an employer, and the
  /// `surplus`, `reassigned`, `contract reduced` and `departed` buckets; sums to the baseline
  /// (DOMAIN.md 12.3).
  public func cohortFTEBuckets(on day: CalendarDay) -> [String: FTE] {
    var buckets: [String: FTE] = [:]
    for history in employees.values {
      guard let snapshot = history.snapshot(on: day), snapshot.inBaseline else { continue }
      let bucket: String
      switch snapshot.status {
      case .surplus: bucket = "surplus"
      case .departed: bucket = "departed"
      default: bucket = snapshot.employer?.rawValue ?? "departed"
      }
      buckets[bucket, default: .zero] = buckets[bucket, default: .zero] + snapshot.allocatedFTE
      if snapshot.reassignedFTE > .zero {
        buckets["reassigned", default: .zero] =
          buckets["reassigned", default: .zero] + snapshot.reassignedFTE
      }
      if snapshot.contractReducedFTE > .zero {
        buckets["contract reduced", default: .zero] =
          buckets["contract reduced", default: .zero] + snapshot.contractReducedFTE
      }
    }
    return buckets.filter { $0.value > .zero }
  }

  /// The cohort's allocated FTE at the baselines that are in effect on `day`.
  public func baselineFTE(on day: CalendarDay) -> FTE {
    employees.values.compactMap { history -> FTE? in
      for change in history.changes where change.effective <= day {
        if case .baseline(let member) = change.kind { return member.allocatedFTE }
      }
      return nil
    }.sum()
  }

  /// The contract FTE on `day` of the cohort members employed by `organisation`.
  public func cohortContractFTE(at organisation: OrganisationID, on day: CalendarDay) -> FTE {
    employees.values.compactMap { $0.snapshot(on: day) }
      .filter { $0.inBaseline && $0.employer == organisation && $0.status != .departed }
      .map(\.contractFTE).sum()
  }

  /// Why `organisation` does not exist on `day`, or nil when it does (or is not registered):
  /// it starts later, or it ended (merged into a successor).
  public func absence(of organisation: OrganisationID, on day: CalendarDay) -> Absence? {
    guard let registered = organisations[organisation] else { return nil }
    if let start = registered.startsOn, day < start { return .startsLater(start) }
    let ends = [registered.endsOn, organisationEnds[organisation]].compactMap { $0 }.min()
    if let ends, ends <= day { return .ended(ends, successor: successors[organisation]?.successor) }
    return nil
  }

  /// Why `body` does not exist on `day`, or nil when it does: its own days, or every
  /// organisation it belongs to is absent that day.
  public func absence(of body: BodyID, on day: CalendarDay) -> (Absence, OrganisationID?)? {
    guard let registered = bodies[body] else { return nil }
    if let start = registered.startsOn, day < start { return (.startsLater(start), nil) }
    if let end = registered.endsOn, end <= day { return (.ended(end, successor: nil), nil) }
    let absent = registered.organisations.map { ($0, absence(of: $0, on: day)) }
    guard !absent.isEmpty, absent.allSatisfy({ $0.1 != nil }), let first = absent.first,
      let why = first.1
    else { return nil }
    return (why, first.0)
  }

  /// The organisation that continues another after a merger, from a day.
  public struct Succession: Sendable, Equatable {
    /// The successor.
    public let successor: OrganisationID
    /// The merger day: the first day the successor holds what the predecessor held.
    public let day: CalendarDay
  }

  /// Why an organisation or body does not exist on a day.
  public enum Absence: Equatable, Sendable {
    /// It exists only from this day.
    case startsLater(CalendarDay)
    /// It no longer exists from this day; merged into the successor, if any.
    case ended(CalendarDay, successor: OrganisationID?)
  }

  /// The organisation that holds what `organisation` held, on `day`: itself, or (after a
  /// merger) its successor, following successive mergers.
  public func holder(of organisation: OrganisationID, on day: CalendarDay) -> OrganisationID {
    var current = organisation
    var seen: Set<OrganisationID> = [current]
    while let next = successors[current], next.day <= day, seen.insert(next.successor).inserted {
      current = next.successor
    }
    return current
  }

  /// Whether `seq` counts as corrected: not retracted and not replaced.
  public func isInForce(seq: Int64) -> Bool { !retracted.contains(seq) && replacedBy[seq] == nil }
}

/// Why a sequence of records cannot be folded: the log itself is inconsistent.
public enum ReplayError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A record's `seq` does not follow the previous one.
  case seqOutOfOrder(previous: Int64, found: Int64)
  /// A record corrects a `seq` that was never applied.
  case correctsUnknownRecord(seq: Int64, corrects: Int64)

  public var description: String {
    switch self {
    case .seqOutOfOrder(let previous, let found):
      "Record \(found) follows record \(previous); records must be applied in increasing seq"
        + " order. Replay the log from its start."
    case .correctsUnknownRecord(let seq, let corrects):
      "Record \(seq) corrects record \(corrects), which is not in the log before it. The log is"
        + " inconsistent; run `transition verify` on it."
    }
  }
}
