import TransitionDomain

extension ViewContext {
  /// Issue 19 item 8, DOMAIN.md 12.3: no employee counts more cohort FTE than their contract.
  ///
  /// A `ContractChanged.v2` lowers the cohort with the contract; a `ContractChanged.v1` (whose
  /// meaning is that the cohort stays) can leave more cohort FTE than contract FTE, which this
  /// rule reports with the record to add.
  func contractFindings() -> [Finding] {
    var findings: [Finding] = []
    var lastContract: [String: StaffFact] = [:]
    for fact in ledger.staffFacts
    where fact.kind == .contract && fact.contractFTE != nil && fact.effective <= day {
      if let known = lastContract[fact.employee],
        (known.effective, known.seq) > (fact.effective, fact.seq)
      {
        continue
      }
      lastContract[fact.employee] = fact
    }
    for state in ledger.employees(on: day)
    where state.inBaseline && state.employer != nil && state.allocatedFTE > state.contractFTE {
      let change = lastContract[state.employee]
      let since =
        change.map {
          " since \($0.effective) (\(ledger.ledger.recordID(of: $0.seq)),"
            + " \(ledger.ledger.eventType(of: $0.seq) ?? "-"), which kept the cohort)"
        } ?? ""
      findings.append(
        Finding(
          rule: "cohort-above-contract", day: day, seqs: change.map { [$0.seq] } ?? [],
          message:
            "On \(day) \(state.employee) counts \(Cell.fte(state.allocatedFTE)) cohort fte at"
            + " \(state.employer ?? "-"), but the contract is \(Cell.fte(state.contractFTE))"
            + " fte\(since). Record ChangeContract with --cohortFTEAfter"
            + " \(Cell.fte(state.contractFTE)) so that the cohort follows the contract (the"
            + " difference then shows as 'contract reduced')."))
    }
    return findings
  }
}
