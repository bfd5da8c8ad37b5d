import TransitionDomain

/// One decision as it stands for a query: the latest version that counts, and its lifecycle.
public struct DecisionEntry: Sendable {
  /// The version that counts (patched or replaced where corrections apply).
  public let version: RecordVersion
  /// The decision.
  public let taken: DecisionTakenV2
  /// The day a revocation or supersession takes effect, with its record and the word.
  public var ended: (day: CalendarDay, seq: Int64, how: String)?
  /// For a motion (motie): the day it was done (afgedaan), with its record and the words.
  public var disposed: (day: CalendarDay, seq: Int64, how: String)?

  /// The first day it applies: `validFrom`, or the day it was taken.
  public var start: CalendarDay { taken.validFrom ?? version.effective }

  /// Whether it is in force on `day`: yes, no, or unknown when the day falls inside a coarse
  /// effective period (DOMAIN.md 12.14).
  public func inForce(on day: CalendarDay) -> Bool? {
    guard taken.status == .definitief else { return false }
    if let ended, ended.day <= day { return false }
    if let until = taken.validUntil, until < day { return false }
    if taken.validFrom == nil, version.precision != .day {
      let last = version.effectiveDate.lastDay
      if day < version.effective { return false }
      if day < last { return nil }
      return true
    }
    return start <= day
  }
}

extension ViewContext {
  /// Every decision taken on or before the day, by id, as it stands for the query.
  public func decisions() -> [String: DecisionEntry] {
    ViewMemo.value(memo.decisions) { computeDecisions() }
  }

  private func computeDecisions() -> [String: DecisionEntry] {
    var result: [String: DecisionEntry] = [:]
    for (version, taken) in decisionVersions where version.effective <= day {
      result[taken.decision.rawValue] = DecisionEntry(version: version, taken: taken)
    }
    for (version, revoked) in ledger.versions(of: DecisionRevoked.self)
    where version.effective <= day {
      result[revoked.decision.rawValue]?.ended = (version.effective, version.seq, "revoked")
    }
    for (version, disposal) in ledger.versions(of: MotionDisposed.self)
    where version.effective <= day {
      result[disposal.motion.rawValue]?.disposed = (
        version.effective, version.seq,
        "afgedaan" + (disposal.disposedBy.map { " by \($0)" } ?? "") + ": \(disposal.how)"
      )
    }
    for (version, superseded) in ledger.versions(of: DecisionSuperseded.self)
    where version.effective <= day {
      result[superseded.decision.rawValue]?.ended = (
        version.effective, version.seq, "superseded by \(superseded.supersededBy)"
      )
    }
    return result
  }

  /// The ids of the decisions in force on the day, sorted.
  public func decisionsInForce() -> [String] {
    decisions().filter { $0.value.inForce(on: day) == true }.map(\.key).sorted()
  }

  /// The organisations a decision is taken for: those of its body and joint bodies.
  func organisations(of taken: DecisionTakenV2, _ bodies: [String: [String]]) -> [String] {
    let all = ([taken.body] + taken.jointlyWith).flatMap { bodies[$0.rawValue] ?? [] }
    return Array(Set(all)).sorted()
  }

  /// Rows per decision (and per undecided proposal) with lifecycle and in-force on the day.
  func decisionsTable() -> ViewTable {
    let bodies = bodyOrganisations
    let proposals = Dictionary(
      ledger.versions(of: ProposalSubmitted.self).filter { $0.version.effective <= day }.map {
        ($0.event.proposal.rawValue, $0)
      }, uniquingKeysWith: { $1 })
    var considered: [String: [String]] = [:]
    for (version, step) in ledger.versions(of: CommitteeConsidered.self)
    where version.effective <= day {
      guard let proposal = step.proposal?.rawValue else { continue }
      considered[proposal, default: []].append(
        "considered \(version.effectiveDate) (\(step.committee), \(step.outcome.rawValue))")
    }
    let entries = decisions()
    var decided: Set<String> = []
    var rows: [[String]] = []
    for id in entries.keys.sorted() {
      guard let entry = entries[id] else { continue }
      let taken = entry.taken
      var lifecycle: [String] = []
      if let proposal = taken.proposal?.rawValue {
        decided.insert(proposal)
        if let submitted = proposals[proposal] {
          lifecycle.append("proposed \(submitted.version.effectiveDate) (\(proposal))")
        }
        lifecycle.append(contentsOf: considered[proposal] ?? [])
      }
      lifecycle.append("\(taken.status.rawValue) \(entry.version.effectiveDate)")
      if let step = taken.step { lifecycle.append("step \(step)") }
      if let vote = taken.vote, vote.unanimous != nil || vote.inFavour != nil {
        lifecycle.append("vote \(vote.summary)")
      }
      if let amount = taken.amount { lifecycle.append("amount \(amount)") }
      if let ended = entry.ended { lifecycle.append("\(ended.how) \(ended.day)") }
      if let disposed = entry.disposed { lifecycle.append("\(disposed.how) (\(disposed.day))") }
      let holders = organisations(of: taken, bodies).map { ($0, holder(of: $0)) }
        .filter { $0.0 != $0.1 }
      if !holders.isEmpty {
        lifecycle.append(
          "held by " + holders.map { "\($0.1) (from \($0.0))" }.joined(separator: ", ")
            + " after the merger")
      }
      let inForce = entry.inForce(on: day).map { $0 ? "yes" : "no" } ?? "unknown"
      let corrected =
        entry.version.seq != entry.version.source
        ? "yes (\(ledger.ledger.recordID(of: entry.version.seq)))" : "-"
      rows.append([
        id, taken.body.rawValue, Cell.list(organisations(of: taken, bodies)), taken.kind,
        entry.ended.map { String($0.how.prefix { $0 != " " }) } ?? taken.status.rawValue,
        Cell.date(entry.version.effectiveDate), Cell.day(entry.start),
        Cell.day(entry.ended?.day ?? taken.validUntil), inForce, lifecycle.joined(separator: "; "),
        Cell.instant(ledger.ledger.recorded(entry.version.source)), corrected,
      ])
    }
    for proposal in proposals.keys.sorted() where !decided.contains(proposal) {
      guard let submitted = proposals[proposal] else { continue }
      let steps = considered[proposal] ?? []
      let to = submitted.event.to.map(\.rawValue)
      rows.append([
        proposal, Cell.list(to), Cell.list(Array(Set(to.flatMap { bodies[$0] ?? [] })).sorted()),
        "proposal", steps.isEmpty ? "proposed" : "considered",
        Cell.date(submitted.version.effectiveDate), "-", "-", "no",
        (["proposed \(submitted.version.effectiveDate) by \(submitted.event.from)"] + steps)
          .joined(separator: "; "),
        Cell.instant(submitted.version.recordedMilliseconds), "-",
      ])
    }
    rows.sort { $0[0] < $1[0] }
    let inForce = decisionsInForce()
    return ViewTable(
      name: ViewName.decisions.rawValue, title: "Decisions \(words)",
      columns: [
        .init("decision"), .init("body"), .init("gemeente"), .init("kind"), .init("status"),
        .init("taken"), .init("valid from"), .init("ended"), .init("in force"),
        .init("lifecycle"), .init("recorded"), .init("corrected"),
      ], rows: rows, keyColumnCount: 1,
      notes: ["in force on \(day): \(inForce.count): \(Cell.list(inForce))"] + regionalNotes())
  }
}
