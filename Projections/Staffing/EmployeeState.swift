import TransitionDomain

/// One employee on one day, folded from the staff facts that count.
///
/// Mirrors `EmployeeSnapshot` of the domain, plus what the views show: the record and
/// decisions behind the last change.
public struct EmployeeState: Sendable, Equatable {
  /// Who.
  public let employee: String
  /// The employer; nil after the last working day.
  public var employer: String?
  /// The contract FTE.
  public var contractFTE = FTE.zero
  /// The cohort FTE still counted with the employee (not reassigned).
  public var allocatedFTE = FTE.zero
  /// The cohort FTE reassigned within the employer (left the cohort).
  public var reassignedFTE = FTE.zero
  /// The cohort FTE that left the cohort because the contract fell below it
  /// (`ContractChanged.v2`).
  public var contractReducedFTE = FTE.zero
  /// The function.
  public var function = ""
  /// The cao.
  public var cao = ""
  /// The contract type.
  public var contractType = ContractType.onbepaaldeTijd
  /// The end of a fixed-term contract.
  public var contractEnd: CalendarDay?
  /// The status.
  public var status = EmployeeStatus.inCohort
  /// Whether the employee belongs to a baseline.
  public var inBaseline = false
  /// A running secondment's host and last day.
  public var secondedTo: String?
  /// The last day of a running secondment.
  public var secondedUntil: CalendarDay?
  /// The last working day, once recorded.
  public var lastWorkingDay: CalendarDay?
  /// The record of the latest change on or before the day.
  public var lastChangeSeq: Int64 = 0
  /// The day of the latest change.
  public var lastChangeDay: CalendarDay?
  /// The decisions the latest transfer or contract change cites.
  public var basis: [String] = []

  /// The employee `employee` as folded from `facts` (all theirs) on `day`; nil when none counts.
  public static func fold(_ employee: String, facts: [StaffFact], on day: CalendarDay)
    -> EmployeeState?
  {
    var state = EmployeeState(employee: employee)
    var known = false
    let ordered = facts.filter { $0.effective <= day }.sorted {
      ($0.effective, $0.seq) < ($1.effective, $1.seq)
    }
    for fact in ordered {
      known = true
      state.apply(fact)
    }
    guard known else { return nil }
    return state.closed(on: day)
  }

  /// The state as seen on `day`: departed after the last working day, a secondment over after
  /// its last day.
  func closed(on day: CalendarDay) -> EmployeeState {
    var state = self
    if let last = state.lastWorkingDay, last < day {
      state.employer = nil
      state.status = .departed
    }
    if let until = state.secondedUntil, until < day {
      state.secondedTo = nil
      state.secondedUntil = nil
    }
    return state
  }

  mutating func apply(_ fact: StaffFact) {
    lastChangeSeq = fact.seq
    lastChangeDay = fact.effective
    switch fact.kind {
    case .baseline:
      employer = fact.employer
      contractFTE = fact.contractFTE ?? .zero
      allocatedFTE = fact.fte ?? .zero
      function = fact.function ?? ""
      cao = fact.cao ?? ""
      contractType = fact.contractType ?? .onbepaaldeTijd
      contractEnd = fact.contractEnd
      status = .inCohort
      inBaseline = true
    case .hired:
      employer = fact.employer
      contractFTE = fact.contractFTE ?? .zero
      function = fact.function ?? ""
      cao = fact.cao ?? ""
      status = .external
    case .transferred:
      employer = fact.employer
      function = fact.function ?? function
      cao = fact.cao ?? cao
      status = .transferred
      basis = fact.decisions
    case .reassigned:
      let moved = fact.fte ?? .zero
      let remaining = allocatedFTE.subtracting(moved) ?? .zero
      reassignedFTE = reassignedFTE + (allocatedFTE.subtracting(remaining) ?? .zero)
      allocatedFTE = remaining
      if remaining == .zero { status = .reassigned }
    case .contract:
      if let fte = fact.contractFTE { contractFTE = fte }
      if let cap = fact.fte, allocatedFTE > cap {
        contractReducedFTE = contractReducedFTE + (allocatedFTE.subtracting(cap) ?? .zero)
        allocatedFTE = cap
      }
      if let cao = fact.cao { self.cao = cao }
      if let function = fact.function { self.function = function }
      if let type = fact.contractType {
        contractType = type
        if type == .onbepaaldeTijd { contractEnd = nil }
      }
      if let end = fact.contractEnd { contractEnd = end }
      if !fact.decisions.isEmpty { basis = fact.decisions }
    case .surplus:
      status = .surplus
    case .departed:
      lastWorkingDay = fact.effective
    case .secondment:
      secondedTo = fact.host
      secondedUntil = fact.until
    case .secondmentEnded:
      secondedTo = nil
      secondedUntil = nil
    }
  }
}

extension EmployeeState {
  init(employee: String) { self.employee = employee }
}

extension LedgerView {
  /// Every employee known on `day`, sorted by id (folded once per view and day, then kept).
  public func employees(on day: CalendarDay) -> [EmployeeState] {
    memo.employees.withLock { cached in
      if let cached, cached.day == day { return cached.states }
      let states = foldEmployees(on: day)
      cached = (day, states)
      return states
    }
  }

  /// The cohort baseline in effect on `day`: the baseline facts that count, effective on or
  /// before it.
  public func baseline(on day: CalendarDay) -> Baseline {
    if let stored = ledger.stored,
      let baseline = stored.baseline(on: day, knownAt: knownAt, asRecorded: asRecorded)
    {
      return baseline
    }
    return Baseline(staffFacts.filter { $0.kind == .baseline && $0.effective <= day })
  }

  /// Folds every employee's facts on `day` (see `EmployeeFold.states(of:on:)`).
  private func foldEmployees(on day: CalendarDay) -> [EmployeeState] {
    if let stored = ledger.stored,
      let states = stored.employees(on: day, knownAt: knownAt, asRecorded: asRecorded)
    {
      return states
    }
    return EmployeeFold.states(of: staffFacts, on: day)
  }
}
