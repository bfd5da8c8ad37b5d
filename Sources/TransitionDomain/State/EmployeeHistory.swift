/// Where an employee's cohort FTE is on a day, for the conservation check (DOMAIN.md 12.3).
public enum EmployeeStatus: String, Hashable, Sendable, CaseIterable {
  /// In the cohort at the baseline employer.
  case inCohort
  /// Moved to another employer by a transfer.
  case transferred
  /// Declared surplus (boventallig), still employed.
  case surplus
  /// Whole cohort FTE reassigned within the same employer.
  case reassigned
  /// Left employment (after the last working day).
  case departed
  /// Hired from outside; never part of the cohort.
  case external
}

/// One dated change of an employee, from one record.
struct StaffChange: Sendable {
  enum Kind: Sendable {
    case baseline(BaselineMember)
    case hired(ExternalHireRecorded)
    case transferred(TransferLine)
    case reassigned(FTE)
    /// A contract change; `cohortCap` (version 2) lowers the cohort FTE to at most it.
    case contract(ContractChanged, cohortCap: FTE?)
    case surplus
    case departed
    case secondment(host: OrganisationID, until: CalendarDay)
    case secondmentEnded
  }
  let seq: Int64
  let effective: CalendarDay
  let eventType: String
  let kind: Kind
}

/// An employee as known on one day: employer, FTE, function, cao and status.
public struct EmployeeSnapshot: Hashable, Sendable {
  /// Who.
  public let employee: EmployeeID
  /// The employer on the day; nil before the first record and after the last working day.
  public internal(set) var employer: OrganisationID?
  /// The contract FTE.
  public internal(set) var contractFTE = FTE.zero
  /// The cohort FTE still with the employer, in surplus or departed (not reassigned).
  public internal(set) var allocatedFTE = FTE.zero
  /// The cohort FTE reassigned within the employer (left the cohort).
  public internal(set) var reassignedFTE = FTE.zero
  /// The cohort FTE that left the cohort because the contract fell below it
  /// (`ContractChanged.v2`).
  public internal(set) var contractReducedFTE = FTE.zero
  /// The function.
  public internal(set) var function = ""
  /// The cao.
  public internal(set) var cao = ""
  /// The team.
  public internal(set) var team = ""
  /// The contract type.
  public internal(set) var contractType = ContractType.onbepaaldeTijd
  /// The end of a fixed-term contract.
  public internal(set) var contractEnd: CalendarDay?
  /// The status.
  public internal(set) var status = EmployeeStatus.inCohort
  /// Whether the employee belongs to a staff baseline (cohort).
  public internal(set) var inBaseline = false
  /// The host of a running secondment.
  public internal(set) var secondedTo: OrganisationID?
  /// The last day of a running secondment.
  public internal(set) var secondedUntil: CalendarDay?
  /// The last working day, once a departure is recorded.
  public internal(set) var lastWorkingDay: CalendarDay?
}

/// All dated changes of one employee, folded on demand for any day.
struct EmployeeHistory: Sendable {
  let employee: EmployeeID
  private(set) var changes: [StaffChange] = []

  init(employee: EmployeeID) { self.employee = employee }

  mutating func add(_ change: StaffChange) {
    let index =
      changes.firstIndex { ($0.effective, $0.seq) > (change.effective, change.seq) }
      ?? changes.count
    changes.insert(change, at: index)
  }

  mutating func remove(seq: Int64) { changes.removeAll { $0.seq == seq } }

  var isEmpty: Bool { changes.isEmpty }

  /// The latest change effective after `day`, if any.
  func firstChange(after day: CalendarDay) -> StaffChange? {
    changes.first { $0.effective > day }
  }

  /// The employee as known on `day` (changes effective on or before it, in day and seq order).
  func snapshot(on day: CalendarDay) -> EmployeeSnapshot? {
    var snapshot = EmployeeSnapshot(employee: employee)
    var known = false
    for change in changes where change.effective <= day {
      known = true
      snapshot.apply(change)
    }
    guard known else { return nil }
    if let last = snapshot.lastWorkingDay, last < day {
      snapshot.employer = nil
      snapshot.status = .departed
    }
    if let until = snapshot.secondedUntil, until < day {
      snapshot.secondedTo = nil
      snapshot.secondedUntil = nil
    }
    return snapshot
  }
}

extension EmployeeSnapshot {
  init(employee: EmployeeID) { self.employee = employee }

  fileprivate mutating func apply(_ change: StaffChange) {
    switch change.kind {
    case .baseline(let member):
      employer = member.employer
      contractFTE = member.contractFTE
      allocatedFTE = member.allocatedFTE
      function = member.function
      cao = member.cao
      team = member.team
      contractType = member.contractType
      contractEnd = member.contractEnd
      status = .inCohort
      inBaseline = true
    case .hired(let hire):
      employer = hire.employer
      contractFTE = hire.contractFTE
      function = hire.function
      cao = hire.cao
      status = .external
    case .transferred(let line):
      employer = line.to
      function = line.functionAfter
      cao = line.caoAfter
      status = .transferred
    case .reassigned(let fte):
      let remaining = allocatedFTE.subtracting(fte) ?? .zero
      reassignedFTE = reassignedFTE + (allocatedFTE.subtracting(remaining) ?? .zero)
      allocatedFTE = remaining
      if remaining == .zero { status = .reassigned }
    case .contract(let changed, let cap):
      if let fte = changed.contractFTEAfter { contractFTE = fte }
      if let cap, allocatedFTE > cap {
        contractReducedFTE = contractReducedFTE + (allocatedFTE.subtracting(cap) ?? .zero)
        allocatedFTE = cap
      }
      if let cao = changed.caoAfter { self.cao = cao }
      if let function = changed.functionAfter { self.function = function }
      if let type = changed.contractTypeAfter {
        contractType = type
        if type == .onbepaaldeTijd { contractEnd = nil }
      }
      if let end = changed.contractEndAfter { contractEnd = end }
    case .surplus:
      status = .surplus
    case .departed:
      lastWorkingDay = change.effective
    case .secondment(let host, let until):
      secondedTo = host
      secondedUntil = until
    case .secondmentEnded:
      secondedTo = nil
      secondedUntil = nil
    }
  }
}
