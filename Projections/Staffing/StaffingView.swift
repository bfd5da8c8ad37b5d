import TransitionDomain

/// Headcount and FTE of one organisation (or one function and cao within it) on a day.
public struct StaffingTotals: Equatable, Sendable {
  /// People employed.
  public var headcount = 0
  /// Their contract FTE.
  public var contractFTE = FTE.zero
  /// Their cohort (allocated) FTE.
  public var cohortFTE = FTE.zero

  mutating func add(_ state: EmployeeState) {
    headcount += 1
    contractFTE = contractFTE + state.contractFTE
    cohortFTE = cohortFTE + state.allocatedFTE
  }
}

extension ViewContext {
  /// The employees employed on the day (an employer, not departed).
  var employed: [EmployeeState] {
    let states = ledger.employees(on: day).filter { $0.employer != nil && $0.status != .departed }
    guard !ledger.versions(of: OrganisationsMerged.self).isEmpty else { return states }
    // After a merger the successor holds the predecessors' employees (issue 19 item 3).
    return states.map { state in
      var held = state
      held.employer = state.employer.map(holder(of:))
      return held
    }
  }

  /// The employer on the day and, after a merger, the predecessor the employment came from:
  /// `OWS (from OOS)`.
  func employerWords(_ employer: String?) -> String {
    guard let employer else { return "-" }
    let current = holder(of: employer)
    return current == employer ? employer : "\(current) (from \(employer))"
  }

  /// One note per merger effective by the day: who holds what since when.
  func mergerNotes() -> [String] {
    mergers().map {
      "\($0.event.successor) holds the employees, decisions, GR memberships and participation of"
        + " \($0.event.predecessors.map(\.rawValue).joined(separator: ", ")) since"
        + " \($0.version.effective) (\($0.version.id))"
    }
  }

  /// Headcount and FTE per employer on the day, for everyone the log knows.
  public func staffingTotals() -> [String: StaffingTotals] {
    var totals: [String: StaffingTotals] = [:]
    for state in employed {
      totals[state.employer ?? "-", default: StaffingTotals()].add(state)
    }
    return totals
  }

  /// Rows per organisation, function and cao: headcount, contract FTE, cohort FTE.
  func staffingTable() -> ViewTable {
    var groups: [[String]: StaffingTotals] = [:]
    for state in employed {
      groups[[state.employer ?? "-", state.function, state.cao], default: StaffingTotals()].add(
        state)
    }
    let rows = groups.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key -> [String] in
      let totals = groups[key] ?? StaffingTotals()
      return key + [
        Cell.count(totals.headcount), Cell.fte(totals.contractFTE), Cell.fte(totals.cohortFTE),
      ]
    }
    let totals = staffingTotals()
    var notes = totals.keys.sorted().map { organisation -> String in
      let value = totals[organisation] ?? StaffingTotals()
      return "\(organisation): headcount \(value.headcount), contract fte"
        + " \(Cell.fte(value.contractFTE)), cohort fte \(Cell.fte(value.cohortFTE))"
    }
    let all = totals.values.reduce(into: StaffingTotals()) {
      $0.headcount += $1.headcount
      $0.contractFTE = $0.contractFTE + $1.contractFTE
      $0.cohortFTE = $0.cohortFTE + $1.cohortFTE
    }
    notes.append(
      "total: headcount \(all.headcount), contract fte \(Cell.fte(all.contractFTE)), cohort fte"
        + " \(Cell.fte(all.cohortFTE)) (staff known to the log only: the cohort and external hires)"
    )
    notes += mergerNotes()
    return ViewTable(
      name: ViewName.staffing.rawValue, title: "Staffing \(words)",
      columns: [
        .init("organisation"), .init("function"), .init("cao"),
        .init("headcount", alignment: .right), .init("contract fte", alignment: .right),
        .init("cohort fte", alignment: .right),
      ], rows: rows, keyColumnCount: 3, notes: notes)
  }

  /// Rows per employee known on the day.
  func employeesTable() -> ViewTable {
    let placements = intendedPlacements()
    let rows = ledger.employees(on: day).map { state -> [String] in
      let secondment =
        state.secondedTo.map { "\($0) until \(Cell.day(state.secondedUntil))" } ?? "-"
      return [
        state.employee, employerWords(state.employer), state.function, Cell.fte(state.contractFTE),
        Cell.fte(state.allocatedFTE), state.cao, secondment, Self.statusWord(state.status),
        Cell.day(state.lastChangeDay), ledger.ledger.recordID(of: state.lastChangeSeq),
        Cell.list(state.basis), placements[state.employee] ?? "-",
      ]
    }
    var counts: [String: Int] = [:]
    for row in rows { counts[row[7], default: 0] += 1 }
    let notes =
      [
        "employees: \(rows.count) ("
          + counts.keys.sorted().map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ") + ")"
      ] + mergerNotes()
    return ViewTable(
      name: ViewName.employees.rawValue, title: "Employees \(words)",
      columns: [
        .init("employee"), .init("employer"), .init("function"),
        .init("contract fte", alignment: .right), .init("cohort fte", alignment: .right),
        .init("cao"), .init("secondment"), .init("status"), .init("since"), .init("record"),
        .init("decisions"), .init("plaatsing"),
      ], rows: rows, keyColumnCount: 1, notes: notes)
  }

  /// The latest (intended or final) placement per employee from the placement steps on the day.
  func intendedPlacements() -> [String: String] {
    var result: [String: String] = [:]
    let steps = ledger.versions(of: PlacementProcedureStep.self).filter {
      $0.version.effective <= day
    }.sorted { ($0.version.effective, $0.version.seq) < ($1.version.effective, $1.version.seq) }
    for (version, step) in steps {
      for placement in step.placements {
        result[placement.employee.rawValue] =
          "\(placement.destination) (\(step.step.rawValue), "
          + (version.patched
            ? "\(ledger.ledger.recordID(of: version.source)) corrected by \(version.id))"
            : "\(version.id))")
      }
    }
    return result
  }

  static func statusWord(_ status: EmployeeStatus) -> String {
    switch status {
    case .inCohort: "in cohort"
    case .transferred: "transferred"
    case .surplus: "surplus"
    case .reassigned: "reassigned"
    case .departed: "departed"
    case .external: "external"
    }
  }
}
