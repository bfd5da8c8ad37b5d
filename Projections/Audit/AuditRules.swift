import TransitionDomain

/// The auditor's rules (DOMAIN.md 12) evaluated over the views of one query.
///
/// Rule ids are stable: `fte-conservation`, `one-employer`, `staff-move-backed`,
/// `backing-recorded-late`, `or-advice-before-decision`, `or-advice-deviation`,
/// `or-advice-deviation-wait`, `regional-decision-missing`, `decision-order`,
/// `gr-membership`, `money-adds-up`, `costs-not-reallocated`, `costs-above-estimate`,
/// `milestone-history`, `acting-outside-existence`; issue 19: `or-advice-missing-per-employer`,
/// `fund-booking-unauthorised`, `fund-withdrawal-exceeded`, `fund-overdrawn`,
/// `cohort-above-contract` (see `issue19Rules` for their bases). Every finding names only
/// records that count for the query, so a
/// finding at known-at N stays the same when records are appended.
extension ViewContext {
  /// Every finding for the query, sorted by rule, day and evidence.
  public func audit() -> [Finding] {
    var findings: [Finding] = []
    findings += conservationFindings()
    findings += contractFindings()
    findings += employerFindings()
    findings += backingFindings()
    findings += adviceFindings()
    findings += employerAdviceFindings()
    findings += regionalFindings()
    findings += orderFindings()
    findings += membershipFindings()
    findings += moneyFindings()
    findings += fundFindings()
    findings += milestoneFindings()
    findings += existenceFindings()
    return findings.sorted {
      (
        $0.rule, $0.day?.dayNumber ?? 0, $0.seqs.lexicographicallyPrecedes($1.seqs) ? 0 : 1,
        $0.message
      )
        < (
          $1.rule, $1.day?.dayNumber ?? 0, $1.seqs.lexicographicallyPrecedes($0.seqs) ? 0 : 1,
          $1.message
        )
    }
  }

  func conservationFindings() -> [Finding] {
    let value = conservation()
    guard !value.conserved else { return [] }
    return [
      Finding(
        rule: "fte-conservation", day: day, seqs: value.baselineSeqs,
        message:
          "On \(day) the cohort's buckets hold \(value.bucketFTE) fte, but its baseline holds"
          + " \(value.baselineFTE) fte: \(value.bucketFTE < value.baselineFTE ? "some" : "extra")"
          + " fte is unaccounted for.")
    ]
  }

  /// The staff facts that name the employer they happen at, in words.
  static let employerActs: [StaffFact.Kind: String] = [
    .contract: "contract change", .surplus: "surplus declaration", .reassigned: "reassignment",
    .departed: "departure",
  ]

  func employerFindings() -> [Finding] {
    var findings: [Finding] = []
    var byEmployee: [String: [StaffFact]] = [:]
    for fact in ledger.staffFacts where fact.effective <= day {
      byEmployee[fact.employee, default: []].append(fact)
    }
    for employee in byEmployee.keys.sorted() {
      let facts = (byEmployee[employee] ?? []).sorted {
        ($0.effective, $0.seq) < ($1.effective, $1.seq)
      }
      // Events after the departure; an employee who never departed is still checked below.
      if let departure = facts.first(where: { $0.kind == .departed }) {
        for fact in facts where fact.effective > departure.effective {
          findings.append(
            Finding(
              rule: "one-employer", day: fact.effective, seqs: [departure.seq, fact.seq],
              message:
                "\(employee) left \(departure.employer ?? "their employer") after"
                + " \(departure.effective) (\(ledger.ledger.recordID(of: departure.seq))), yet"
                + " \(ledger.ledger.recordID(of: fact.seq)) records a \(fact.kind) on"
                + " \(fact.effective)."))
        }
      }
      var employer: String?
      for fact in facts {
        if fact.kind == .transferred, let from = fact.from, let current = employer, from != current
        {
          findings.append(
            Finding(
              rule: "one-employer", day: fact.effective, seqs: [fact.seq],
              message:
                "\(employee) moves from \(from) on \(fact.effective)"
                + " (\(ledger.ledger.recordID(of: fact.seq))), but was employed by \(current)."))
        }
        if let act = Self.employerActs[fact.kind], let named = fact.employer,
          let current = employer, named != current
        {
          findings.append(
            Finding(
              rule: "one-employer", day: fact.effective, seqs: [fact.seq],
              message:
                "\(ledger.ledger.recordID(of: fact.seq)) records the \(act) of \(employee) at"
                + " \(named) on \(fact.effective), but \(employee) was employed by \(current) then."
            ))
        }
        if [.baseline, .hired, .transferred].contains(fact.kind) { employer = fact.employer }
      }
    }
    return findings
  }
}
