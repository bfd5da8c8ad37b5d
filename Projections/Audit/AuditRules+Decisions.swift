import TransitionDomain

extension ViewContext {
  /// Every decision that counts for the query, whatever its day, by id.
  func allDecisions() -> [String: DecisionEntry] {
    var result: [String: DecisionEntry] = [:]
    for (version, taken) in decisionVersions {
      result[taken.decision.rawValue] = DecisionEntry(version: version, taken: taken)
    }
    for (version, revoked) in ledger.versions(of: DecisionRevoked.self) {
      result[revoked.decision.rawValue]?.ended = (version.effective, version.seq, "revoked")
    }
    for (version, superseded) in ledger.versions(of: DecisionSuperseded.self) {
      result[superseded.decision.rawValue]?.ended = (version.effective, version.seq, "superseded")
    }
    return result
  }

  /// Every transfer line (staff move) effective by the day, grouped by the record holding it.
  func moves() -> [Int64: [StaffFact]] {
    Dictionary(
      grouping: ledger.staffFacts.filter { $0.kind == .transferred && $0.effective <= day },
      by: \.seq)
  }

  /// DOMAIN.md 12.5: every move backed by definitive decisions in force on its day.
  func backingFindings() -> [Finding] {
    let decisions = allDecisions()
    let bodies = bodyOrganisations
    let kinds = bodyKinds
    let organisationKinds = Dictionary(
      organisationVersions.map { ($0.event.organisation.rawValue, $0.event.knownKind) },
      uniquingKeysWith: { $1 })
    var findings: [Finding] = []
    // The decisions in force on each move day, by what the rules ask (`BackingSweep`).
    let moves = moves().sorted(by: { $0.key < $1.key })
    let mergers = mergers()
    var questions: [BackingSweep.Question] = []
    for (_, lines) in moves {
      for line in lines {
        let to = line.employer ?? "-"
        // A successor holds its predecessors' decisions from the merger day (issue 19 item 3).
        let predecessors =
          mergers.last {
            $0.event.successor.rawValue == to && $0.version.effective <= line.effective
          }?.event.predecessors.map(\.rawValue) ?? []
        questions.append(
          BackingSweep.Question(
            day: line.effective, to: to, from: line.from ?? "-", employee: line.employee,
            predecessors: predecessors))
      }
    }
    let answers = BackingSweep.answers(
      questions, decisions: decisions, kinds: kinds, bodies: bodies)
    var answerIndex = 0
    for (seq, lines) in moves {
      var problems: [String: (employees: [String], seqs: Set<Int64>)] = [:]
      var late: [String: (employees: [String], decisionSeq: Int64)] = [:]
      func problem(_ text: String, _ employee: String, _ evidence: [Int64] = []) {
        problems[text, default: ([], [])].employees.append(employee)
        problems[text]?.seqs.formUnion(evidence)
      }
      for line in lines {
        let moveDay = line.effective
        for id in line.decisions {
          guard let entry = decisions[id] else {
            problem(
              "cite \(id), which is not in the log as known at seq \(ledger.knownAt)", line.employee
            )
            continue
          }
          if entry.taken.status != .definitief {
            problem("cite \(id), which is only voorgenomen", line.employee, [entry.version.seq])
          } else if entry.inForce(on: moveDay) != true {
            problem(
              "cite \(id), which is not in force on \(moveDay)", line.employee, [entry.version.seq])
          } else if entry.version.source > seq {
            late[id, default: ([], entry.version.source)].employees.append(line.employee)
          }
        }
        let backing = answers[answerIndex]
        answerIndex += 1
        let to = line.employer ?? "-"
        let from = line.from ?? "-"
        if organisationKinds[to] == .gemeente {
          if !backing.transitieplan {
            problem("have no transitieplan decision of the raad of \(to) in force", line.employee)
          }
          if !backing.plaatsing {
            problem(
              "have no definitive plaatsingsbesluit of the college of \(to) in force",
              line.employee)
          }
        }
        if organisationKinds[from] == .gemeenschappelijkeRegeling {
          if !backing.grWijziging {
            problem("have no GR-wijziging of \(from) in force", line.employee)
          }
          if !backing.employerDecision {
            problem("have no employer decision of \(from) in force", line.employee)
          }
        }
      }
      let first = lines.first
      let place =
        "\(ledger.ledger.recordID(of: seq)) (\(first?.from ?? "-") → \(first?.employer ?? "-") on \(Cell.day(first?.effective)))"
      for (text, value) in problems.sorted(by: { $0.key < $1.key }) {
        let employees = value.employees.sorted()
        findings.append(
          Finding(
            rule: "staff-move-backed", day: first?.effective, seqs: [seq] + Array(value.seqs),
            message:
              "\(employees.count) move(s) of \(place) \(text): \(employees.joined(separator: ", "))."
              + " As known at seq \(ledger.knownAt) these moves are unbacked."))
      }
      for (id, value) in late.sorted(by: { $0.key < $1.key }) {
        findings.append(
          Finding(
            rule: "backing-recorded-late", day: first?.effective, seqs: [seq, value.decisionSeq],
            message:
              "\(value.employees.count) move(s) of \(place) were recorded on"
              + " \(Cell.instant(ledger.ledger.recorded(seq))), before their backing decision \(id)"
              + " was recorded on \(Cell.instant(ledger.ledger.recorded(value.decisionSeq)))"
              + " (seq \(value.decisionSeq)); as known in between, they were unbacked."))
      }
    }
    return findings
  }

  /// DOMAIN.md 12.6: OR advice asked and given before each personnel decision; a deviation
  /// from the advice means one month before anything is executed.
  func adviceFindings() -> [Finding] {
    var findings: [Finding] = []
    let links = adviceLinks().filter { $0.decision.taken.status == .definitief }
    let byDecision = Dictionary(grouping: links, by: { $0.decision.taken.decision.rawValue })
    // The transfer facts that count, by each decision they cite (one pass over the facts).
    var transfersCiting: [String: [StaffFact]] = [:]
    for fact in ledger.staffFacts where fact.kind == .transferred {
      for id in Set(fact.decisions) { transfersCiting[id, default: []].append(fact) }
    }
    for (id, group) in byDecision.sorted(by: { $0.key < $1.key }) {
      guard let entry = group.first?.decision else { continue }
      let decided = entry.version.effective
      let good = group.first { link in
        guard let request = link.request, let advice = link.advice else { return false }
        return request.version.effective < decided && advice.version.effective <= decided
      }
      if good == nil, !consultedInsteadSuffices(for: entry) {
        let requests = group.compactMap(\.request)
        let detail =
          requests.isEmpty
          ? "no OR advice request is recorded for it"
          : "request "
            + requests.map { "\($0.event.request) (\($0.version.effectiveDate))" }
            .joined(separator: ", ")
            + " was not both asked before it and answered by then"
        findings.append(
          Finding(
            rule: "or-advice-before-decision", day: decided,
            seqs: [entry.version.seq] + requests.map(\.version.seq)
              + group.compactMap { $0.advice?.version.seq },
            message:
              "Personnel decision \(id) of \(entry.taken.body) on \(entry.version.effectiveDate):"
              + " \(detail)."))
      }
      guard
        let deviated = Self.deviatedRequests(
          of: entry.taken, linked: group.compactMap { $0.request?.event.request })
      else { continue }
      let deviatedLinks = group.filter { link in
        link.request.map { deviated.contains($0.event.request) } ?? false
      }
      let waitEnd = decided.adding(months: 1)
      let evidence =
        [entry.version.seq] + deviatedLinks.compactMap { $0.request?.version.seq }
        + deviatedLinks.compactMap { $0.advice?.version.seq }
      let councils = Set(deviatedLinks.compactMap { $0.advice?.event.worksCouncil })
      let advices = deviatedLinks.compactMap { $0.advice }.map {
        "\($0.event.summary) advice \($0.version.id)"
          + (councils.count > 1 ? " of \($0.event.worksCouncil)" : "")
      }
      findings.append(
        Finding(
          rule: "or-advice-deviation", day: decided, seqs: evidence,
          message:
            "\(id) of \(entry.taken.body) (\(decided)) deviates from the OR's"
            + " \(Cell.list(advices)): nothing may be executed before \(waitEnd) (art. 25 lid 6 WOR)."
        ))
      let early = (transfersCiting[id] ?? []).filter { $0.effective < waitEnd }
      if !early.isEmpty || (entry.taken.validFrom.map { $0 < waitEnd } ?? false) {
        findings.append(
          Finding(
            rule: "or-advice-deviation-wait", day: early.map(\.effective).min() ?? entry.start,
            seqs: evidence + early.map(\.seq),
            message:
              "\(id) deviates from the OR advice, yet it is executed before \(waitEnd):"
              + " \(early.isEmpty ? "in force from \(entry.start)" : Cell.list(early.map { "\($0.employee) (from \($0.from ?? "-")) on \($0.effective)" }))."
          ))
      }
    }
    return findings
  }

  /// DOMAIN.md 12.7 and 3.3: each council's own decision on each regional step.
  func regionalFindings() -> [Finding] {
    if declaresTransition { return declaredRegionalFindings() }
    let steps = regionalSteps()
    var findings: [Finding] = []
    for step in steps where step.decision == nil {
      let decided = steps.filter { $0.step == step.step && $0.decision != nil }
      findings.append(
        Finding(
          rule: "regional-decision-missing", day: day, seqs: decided.compactMap(\.seq),
          message:
            "On \(day) the councils of \(decided.map(\.municipality).joined(separator: ", "))"
            + " decided the \(step.step) (\(decided.compactMap(\.decision).joined(separator: ", "))),"
            + " but no decision of the council of \(step.municipality) is recorded: the step is"
            + " not in force for the region, and \(step.municipality) risks being left out."))
    }
    return findings
  }

  /// DOMAIN.md 12.8: proposal, committee and council in order within a municipality.
  ///
  /// The council decision must name its proposal; coarse dates only count when certain. Only
  /// decisions of a kind the rules know: a motie or amendement is not decided on a proposal.
  func orderFindings() -> [Finding] {
    let kinds = bodyKinds
    let bodies = bodyOrganisations
    let proposals = Dictionary(
      ledger.versions(of: ProposalSubmitted.self).map { ($0.event.proposal.rawValue, $0) },
      uniquingKeysWith: { $1 })
    let committees = ledger.versions(of: CommitteeConsidered.self)
    var findings: [Finding] = []
    for (id, entry) in decisions().sorted(by: { $0.key < $1.key })
    where kinds[entry.taken.body.rawValue] == .raad && entry.taken.status == .definitief
      && entry.taken.knownKind != nil
    {
      guard let proposalID = entry.taken.proposal?.rawValue else {
        findings.append(
          Finding(
            rule: "decision-order", day: entry.version.effective, seqs: [entry.version.seq],
            message:
              "Council decision \(id) of \(entry.taken.body) does not name the proposal it decides."
          ))
        continue
      }
      guard let proposal = proposals[proposalID] else {
        findings.append(
          Finding(
            rule: "decision-order", day: entry.version.effective, seqs: [entry.version.seq],
            message: "Council decision \(id) names proposal \(proposalID), which is not in the log."
          ))
        continue
      }
      let own = Set(bodies[entry.taken.body.rawValue] ?? [])
      let steps = committees.filter {
        $0.event.proposal?.rawValue == proposalID
          && !own.isDisjoint(with: bodies[$0.event.committee.rawValue] ?? [])
      }
      func after(_ a: EffectiveDate, _ b: EffectiveDate) -> Bool { a.firstDay > b.lastDay }
      if after(proposal.version.effectiveDate, entry.version.effectiveDate) {
        findings.append(
          Finding(
            rule: "decision-order", day: entry.version.effective,
            seqs: [proposal.version.seq, entry.version.seq],
            message:
              "Council decision \(id) (\(entry.version.effectiveDate)) comes before its proposal \(proposalID) (\(proposal.version.effectiveDate))."
          ))
      }
      for step in steps
      where after(proposal.version.effectiveDate, step.version.effectiveDate)
        || after(step.version.effectiveDate, entry.version.effectiveDate)
      {
        findings.append(
          Finding(
            rule: "decision-order", day: entry.version.effective,
            seqs: [proposal.version.seq, step.version.seq, entry.version.seq],
            message:
              "Committee \(step.event.committee) considered \(proposalID) on \(step.version.effectiveDate), outside proposal (\(proposal.version.effectiveDate)) to council decision \(id) (\(entry.version.effectiveDate))."
          ))
      }
    }
    return findings
  }

  /// DOMAIN.md 12.9: a GR has at least two members unless it is dissolved.
  func membershipFindings() -> [Finding] {
    var members: [String: [String]] = [:]
    var dissolved: Set<String> = []
    var evidence: [String: [Int64]] = [:]
    enum Step {
      case registered(OrganisationRegisteredV2)
      case amended(GRAmended)
      case memberLeft(GRMemberLeft)
      case dissolved(GRDissolved)
    }
    var events: [(RecordVersion, Step)] = []
    for item in organisationVersions where item.event.knownKind == .gemeenschappelijkeRegeling {
      events.append((item.version, .registered(item.event)))
    }
    for item in ledger.versions(of: GRAmended.self) {
      events.append((item.version, .amended(item.event)))
    }
    for item in ledger.versions(of: GRMemberLeft.self) {
      events.append((item.version, .memberLeft(item.event)))
    }
    for item in ledger.versions(of: GRDissolved.self) {
      events.append((item.version, .dissolved(item.event)))
    }
    events.sort { ($0.0.effective, $0.0.seq) < ($1.0.effective, $1.0.seq) }
    for (version, payload) in events where version.effective <= day {
      switch payload {
      case .registered(let event):
        members[event.organisation.rawValue] = event.members.map(\.rawValue)
        evidence[event.organisation.rawValue, default: []].append(version.seq)
      case .amended(let event):
        members[event.arrangement.rawValue] = event.membersAfter.map(\.rawValue)
        evidence[event.arrangement.rawValue, default: []].append(version.seq)
      case .memberLeft(let event):
        members[event.arrangement.rawValue]?.removeAll { $0 == event.member.rawValue }
        evidence[event.arrangement.rawValue, default: []].append(version.seq)
      case .dissolved(let event):
        dissolved.insert(event.arrangement.rawValue)
      }
    }
    return members.keys.sorted().compactMap { arrangement in
      let current = members[arrangement] ?? []
      guard current.count < 2, !dissolved.contains(arrangement) else { return nil }
      return Finding(
        rule: "gr-membership", day: day, seqs: evidence[arrangement] ?? [],
        message:
          "On \(day) the GR \(arrangement) has \(current.count) member(s)"
          + " (\(Cell.list(current))); a GR needs at least two, or its dissolution must be recorded."
      )
    }
  }
}
