import TransitionDomain

extension ViewContext {
  /// DOMAIN.md 12.10: lines split exactly, keys sum to 100.00 %, each key line names the key in
  /// force when booked, re-allocation after a key correction, totals against the estimate.
  func moneyFindings() -> [Finding] {
    var findings: [Finding] = []
    let entries = costEntries()
    for entry in entries where entry.charged.values.sum() != entry.amount {
      findings.append(
        Finding(
          rule: "money-adds-up", day: entry.version.effective, seqs: [entry.version.seq],
          message:
            "Cost line \(entry.line) (\(entry.version.id)) is \(Cell.money(entry.amount)), but its"
            + " amounts per municipality add up to \(Cell.money(entry.charged.values.sum()))."))
    }
    for (version, key) in ledger.versions(of: CostSharingKeySet.self)
    where MoneySplit.totalHundredths(key.shares) != 10_000 {
      findings.append(
        Finding(
          rule: "money-adds-up", day: version.effective, seqs: [version.seq],
          message: "Key v\(key.version) of \(key.costs) does not sum to 100.00 %."))
    }
    let booked = costBookings().filter { $0.version.effective <= day }
    // The key records as known when each line was booked: the key records of the whole ledger
    // (few) filtered per booking, instead of a scan of every version per booking.
    let everything = ledger.ledger.view(at: .max, asRecorded: false)
    let allSets = everything.unfilteredVersions(of: CostSharingKeySet.self)
    let allCorrections = everything.unfilteredVersions(of: CostSharingKeyCorrected.self)
    for (version, booking) in booked {
      let counts = { (candidate: RecordVersion) in
        candidate.span.counts(at: version.seq, asRecorded: self.ledger.asRecorded)
      }
      let keysThen = Self.keyVersions(
        of: booking.costs, sets: allSets.filter { counts($0.version) },
        corrections: allCorrections.filter { counts($0.version) })
      let inForceThen = Self.keyVersion(in: keysThen, on: version.effective)
      for line in booking.lines where line.allocation == .key {
        guard let named = line.keyVersion, let key = keysThen[named] else {
          findings.append(
            Finding(
              rule: "money-adds-up", day: version.effective, seqs: [version.seq],
              message: "Cost line \(line.line) (\(version.id)) names key version"
                + " \(line.keyVersion.map { "v\($0)" } ?? "none"), which was not recorded when it was booked."
            ))
          continue
        }
        if named != inForceThen {
          findings.append(
            Finding(
              rule: "money-adds-up", day: version.effective, seqs: [version.seq, key.seq],
              message: "Cost line \(line.line) (\(version.id)) uses key v\(named), but"
                + " v\(inForceThen.map(String.init) ?? "?") was in force on \(version.effective) when it was booked."
            ))
        }
        let split = MoneySplit.split(line.amount, by: key.shares)
        let charged = Dictionary(
          line.charged.map { ($0.organisation, $0.amount) }, uniquingKeysWith: +)
        if split.contains(where: { charged[$0.organisation] != $0.amount }) {
          findings.append(
            Finding(
              rule: "money-adds-up", day: version.effective, seqs: [version.seq, key.seq],
              message:
                "Cost line \(line.line) (\(version.id)) is not split exactly by key v\(named)"
                + " (largest remainder on cents)."))
        }
      }
    }
    findings += reallocationFindings(entries, booked: booked)
    for costs in Set(entries.map(\.costs)).sorted() {
      guard let estimate = latestEstimate(of: costs) else { continue }
      let lines = entries.filter { $0.costs == costs }
      let total = lines.map(\.amount).sum()
      guard total > estimate.event.amount else { continue }
      let difference = total - estimate.event.amount
      findings.append(
        Finding(
          rule: "costs-above-estimate", day: day,
          seqs: [estimate.version.seq] + lines.map(\.version.seq),
          message:
            "The \(costs) booked up to \(day), \(Cell.money(total)), are \(Cell.money(difference))"
            + " (\(Cell.percent(difference.cents, of: estimate.event.amount.cents)) %) above the"
            + " estimate of \(Cell.money(estimate.event.amount)) (\(estimate.version.id))."))
    }
    return findings
  }

  /// Key lines whose key was corrected must be re-allocated by correcting lines.
  private func reallocationFindings(
    _ entries: [CostEntry], booked: [(version: RecordVersion, event: CostBookedV2)]
  ) -> [Finding] {
    var findings: [Finding] = []
    var keysByCosts: [String: [Int: KeyVersionInfo]] = [:]
    for (version, booking) in booked {
      let keys = keysByCosts[booking.costs] ?? keyVersions(of: booking.costs)
      keysByCosts[booking.costs] = keys
      for line in booking.lines where line.allocation == .key {
        guard let named = line.keyVersion, keys[named]?.correctedBy != nil,
          let current = Self.keyVersion(in: keys, on: version.effective),
          current != named, let shares = keys[current]?.shares
        else { continue }
        var net: [String: Money] = [:]
        var seqs: [Int64] = [version.seq]
        for entry in entries
        where entry.line == line.line.rawValue || entry.corrects == line.line.rawValue {
          for (organisation, amount) in entry.charged {
            net[organisation, default: .zero] += amount
          }
          seqs.append(entry.version.seq)
        }
        let target = MoneySplit.split(line.amount, by: shares)
        guard target.contains(where: { net[$0.organisation.rawValue] != $0.amount }) else {
          continue
        }
        findings.append(
          Finding(
            rule: "costs-not-reallocated", day: version.effective,
            seqs: seqs + [keys[current]?.seq ?? version.seq],
            message:
              "Cost line \(line.line) (\(version.id)) was split with key v\(named), which v\(current)"
              + " corrects from \(keys[current].map { "\($0.validFrom)" } ?? "?"); no correcting"
              + " line re-allocates it to v\(current) yet."))
      }
    }
    return findings
  }

  /// DOMAIN.md 12.12: the first planned date is never overwritten and every replanning says
  /// from which date and why.
  func milestoneFindings() -> [Finding] {
    var findings: [Finding] = []
    var planned:
      [String: (date: EffectiveDate, seq: Int64, byOrganisation: [String: EffectiveDate])] = [:]
    var events: [(RecordVersion, Either)] = []
    enum Either {
      case plan(MilestonePlan)
      case replan(MilestoneReplan)
    }
    events += milestonePlans().map { ($0.version, .plan($0)) }
    events += milestoneReplans().map { ($0.version, .replan($0)) }
    events.sort { $0.0.seq < $1.0.seq }
    // A v1 replanning names the previous date as a day: the first day of a coarser plan.
    func same(_ plannedDate: EffectiveDate, _ previous: EffectiveDate) -> Bool {
      plannedDate == previous || (previous.isDay && plannedDate.firstDay == previous.firstDay)
    }
    for (version, item) in events where version.effective <= day {
      switch item {
      case .plan(let event):
        let id = event.milestone.rawValue
        if let first = planned[id] {
          findings.append(
            Finding(
              rule: "milestone-history", day: version.effective, seqs: [first.seq, version.seq],
              message: "Milestone \(id) is planned again by \(version.id); its first planned date"
                + " \(first.date) must stay, and a new date needs a replanning with a reason."))
          continue
        }
        planned[id] = (
          event.planned, version.seq,
          Dictionary(event.scope.map { ($0.rawValue, event.planned) }, uniquingKeysWith: { $1 })
        )
      case .replan(let event):
        let id = event.milestone.rawValue
        guard var plan = planned[id] else {
          findings.append(
            Finding(
              rule: "milestone-history", day: version.effective, seqs: [version.seq],
              message: "Milestone \(id) is replanned by \(version.id) but was never planned."))
          continue
        }
        let scope =
          event.scope.isEmpty ? Array(plan.byOrganisation.keys) : event.scope.map(\.rawValue)
        let differing = scope.filter { !same(plan.byOrganisation[$0] ?? plan.date, event.previous) }
        if scope.isEmpty, !same(plan.date, event.previous) {
          // A milestone planned without organisations: one planned date to compare with.
          findings.append(
            Finding(
              rule: "milestone-history", day: version.effective, seqs: [plan.seq, version.seq],
              message: "Replanning \(version.id) of \(id) starts from \(event.previous), but"
                + " the planned date was \(plan.date)."))
        }
        if !differing.isEmpty {
          findings.append(
            Finding(
              rule: "milestone-history", day: version.effective, seqs: [plan.seq, version.seq],
              message: "Replanning \(version.id) of \(id) starts from \(event.previous), but"
                + " the planned date of \(differing.sorted().joined(separator: ", ")) was another.")
          )
        }
        if event.reason.allSatisfy({ $0 == " " }) {
          findings.append(
            Finding(
              rule: "milestone-history", day: version.effective, seqs: [version.seq],
              message: "Replanning \(version.id) of \(id) gives no reason."))
        }
        for organisation in scope { plan.byOrganisation[organisation] = event.new }
        if scope.isEmpty { plan.date = event.new }
        planned[id] = plan
      }
    }
    return findings
  }
}

extension ViewContext {
  /// A context over `view` for `day` (audit helpers that look at an earlier known-at).
  init(view: LedgerView, day: CalendarDay) {
    self.init(ledgerView: view, day: day, since: nil, words: "")
  }
}
