import TransitionDomain

extension ViewContext {
  /// When an organisation exists as known for the query: from its start to the day before it
  /// ended, with the records that say so.
  struct Existence {
    var startsOn: CalendarDay?
    var endsOn: CalendarDay?
    var successor: String?
    var seqs: [Int64] = []

    func absence(on day: CalendarDay) -> String? {
      if let startsOn, day < startsOn { return "exists only from \(startsOn)" }
      if let endsOn, endsOn <= day {
        return "ended on \(endsOn)" + (successor.map { " (merged into \($0))" } ?? "")
      }
      return nil
    }
  }

  /// Every registered organisation's existence, as known for the query.
  func organisationExistence() -> [String: Existence] {
    var result: [String: Existence] = [:]
    for (version, organisation) in organisationVersions {
      result[organisation.organisation.rawValue] = Existence(
        startsOn: organisation.startsOn, endsOn: organisation.endsOn, successor: nil,
        seqs: [version.seq])
    }
    for (version, ended) in ledger.versions(of: OrganisationEnded.self) {
      let id = ended.organisation.rawValue
      if result[id]?.endsOn.map({ version.effective < $0 }) ?? true {
        result[id]?.endsOn = version.effective
      }
      result[id]?.seqs.append(version.seq)
    }
    for (version, merger) in ledger.versions(of: OrganisationsMerged.self) {
      for predecessor in merger.predecessors.map(\.rawValue) {
        if result[predecessor]?.endsOn.map({ version.effective < $0 }) ?? true {
          result[predecessor]?.endsOn = version.effective
        }
        result[predecessor]?.successor = merger.successor.rawValue
        result[predecessor]?.seqs.append(version.seq)
      }
    }
    return result
  }

  /// Issue 19 item 2: every decision, OR advice and staff move by or to an organisation or
  /// body on a day it does not exist as known now (a start or end recorded after the act).
  func existenceFindings() -> [Finding] {
    let organisations = organisationExistence()
    var bodies: [String: (organisations: [String], own: Existence)] = [:]
    for (version, body) in bodyVersions {
      bodies[body.body.rawValue] = (
        body.organisations.map(\.rawValue),
        Existence(startsOn: body.startsOn, endsOn: body.endsOn, seqs: [version.seq])
      )
    }
    func bodyAbsence(_ id: String, on day: CalendarDay) -> (String, [Int64])? {
      guard let body = bodies[id] else { return nil }
      if let own = body.own.absence(on: day) { return ("body \(id) \(own)", body.own.seqs) }
      let absent = body.organisations.compactMap { organisation in
        organisations[organisation].flatMap { existence in
          existence.absence(on: day).map {
            ("organisation \(organisation), which \($0)", existence.seqs)
          }
        }
      }
      guard !absent.isEmpty, absent.count == body.organisations.count, let first = absent.first
      else { return nil }
      return ("body \(id) belongs to \(first.0)", first.1)
    }
    var findings: [Finding] = []
    func finding(_ seq: Int64, _ day: CalendarDay, _ act: String, _ why: (String, [Int64])) {
      findings.append(
        Finding(
          rule: "acting-outside-existence", day: day, seqs: [seq] + why.1,
          message:
            "\(ledger.ledger.recordID(of: seq)) records \(act) on \(day), but \(why.0) as known"
            + " at seq \(ledger.knownAt): it could not act or be acted on that day."))
    }
    for (version, taken) in decisionVersions where version.effective <= day {
      for body in [taken.body] + taken.jointlyWith {
        if let why = bodyAbsence(body.rawValue, on: version.effective) {
          finding(version.seq, version.effective, "decision \(taken.decision) of \(body)", why)
        }
      }
    }
    for (version, request) in ledger.versions(of: ORAdviceRequested.self)
    where version.effective <= day {
      for body in [request.worksCouncil, request.requestedBy] {
        if let why = bodyAbsence(body.rawValue, on: version.effective) {
          finding(
            version.seq, version.effective, "advice request \(request.request) of \(body)", why)
        }
      }
    }
    for (version, advice) in ledger.versions(of: ORAdviceGiven.self)
    where version.effective <= day {
      if let why = bodyAbsence(advice.worksCouncil.rawValue, on: version.effective) {
        finding(
          version.seq, version.effective, "advice on \(advice.request) of \(advice.worksCouncil)",
          why)
      }
    }
    var reported: Set<String> = []
    for fact in ledger.staffFacts where fact.kind == .transferred && fact.effective <= day {
      for organisation in [fact.from, fact.employer].compactMap({ $0 }) {
        guard let existence = organisations[organisation],
          let why = existence.absence(on: fact.effective),
          reported.insert("\(fact.seq) \(organisation)").inserted
        else { continue }
        finding(
          fact.seq, fact.effective, "a staff move \(fact.from ?? "-") → \(fact.employer ?? "-")",
          ("organisation \(organisation) \(why)", existence.seqs))
      }
    }
    return findings
  }

  /// DOMAIN.md 3.3, issue 19 items 1 and 9, for a log that declares its transition: each
  /// participant's own decision on each declared step (per step: consent to one step is no
  /// consent to another).
  func declaredRegionalFindings() -> [Finding] {
    let steps = regionalSteps()
    var findings: [Finding] = []
    for step in steps where step.decision == nil {
      let decided = steps.filter { $0.step == step.step && $0.decision != nil }
      let who = step.membersOf.map { "a member of \($0) on \(day)" } ?? "a participant"
      findings.append(
        Finding(
          rule: "regional-decision-missing", day: day, seqs: decided.flatMap(\.seqs),
          message:
            "On \(day) the step \"\(step.step)\" is not decided by \(step.municipality), \(who)"
            + (decided.isEmpty
              ? ""
              : " (decided by \(decided.map(\.municipality).joined(separator: ", ")):"
                + " \(decided.compactMap(\.decision).joined(separator: ", ")))")
            + ": it is not in force for the transition, and \(step.municipality) risks being"
            + " left out."))
    }
    return findings
  }

  /// What holds, said positively (not findings; `transition audit` prints them after the
  /// findings): each declared regional step decided by every participant or member.
  public func auditConfirmations() -> [Finding] {
    guard declaresTransition else { return [] }
    let steps = regionalSteps()
    var order: [String] = []
    for step in steps where !order.contains(step.step) { order.append(step.step) }
    return order.compactMap { name in
      let rows = steps.filter { $0.step == name }
      guard !rows.isEmpty, rows.allSatisfy({ $0.decision != nil }) else { return nil }
      let who =
        rows.first?.membersOf.map { "every member of \($0) on \(day)" } ?? "all participants"
      return Finding(
        rule: "regional-step-complete", day: day, seqs: rows.flatMap(\.seqs),
        message:
          "On \(day) the step \"\(name)\" is decided by \(who): "
          + rows.map {
            "\($0.municipality) \($0.decision ?? "-")"
              + ($0.inheritedFrom.map { " (from \($0))" } ?? "")
          }.joined(separator: "; ") + ".")
    }
  }
}
