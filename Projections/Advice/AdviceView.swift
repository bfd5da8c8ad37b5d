import TransitionDomain

/// One OR advice request behind one personnel decision, with its dates and outcome.
public struct AdviceLink: Sendable {
  /// The decision.
  public let decision: DecisionEntry
  /// The request, if one was found.
  public let request: (version: RecordVersion, event: ORAdviceRequested)?
  /// The advice given on it by the day, if any (version 1 read as version 2).
  public let advice: (version: RecordVersion, event: ORAdviceGivenV2)?
}

extension ViewContext {
  /// Whether a decision concerns personnel (so needs OR advice first, DOMAIN.md 12.6).
  static func isPersonnel(_ taken: DecisionTakenV2) -> Bool {
    guard let kind = taken.knownKind else { return false }
    return [.plaatsingsbesluit, .werkgeversbesluit, .organisatieplan].contains(kind)
      || !taken.orAdviceRequests.isEmpty || taken.deviatesFromORAdvice
  }

  /// The advice requests a decision deviates from (article 25 lid 6 WOR), or nil when it
  /// follows the advice; `linked` are the requests the advice view links to it.
  ///
  /// The one place that reads a decision's deviation: `DecisionTaken.v2`'s `deviatesFromAdvice`
  /// (a `.v1` record's `deviatesFromORAdvice` reads as the requests it names in
  /// `orAdviceRequests`, or, when it names none, as every request linked to it).
  static func deviatedRequests(of taken: DecisionTakenV2, linked: [AdviceRequestID])
    -> [AdviceRequestID]?
  {
    if taken.deviatesFromEveryLinked { return linked }
    return taken.deviatesFromAdvice.isEmpty ? nil : taken.deviatesFromAdvice
  }

  /// Every OR advice given by the day, version 1 read as version 2, in `seq` order.
  public func adviceGiven() -> [(version: RecordVersion, event: ORAdviceGivenV2)] {
    (ledger.versions(of: ORAdviceGiven.self).map { ($0.version, ORAdviceGivenV2($0.event)) }
      + ledger.versions(of: ORAdviceGivenV2.self)).filter { $0.version.effective <= day }
      .sorted { $0.version.seq < $1.version.seq }
  }

  /// Every personnel decision taken by the day with the OR advice requests behind it: those it
  /// names, or else the requests to a works council of its own organisations made before it.
  public func adviceLinks() -> [AdviceLink] {
    ViewMemo.value(memo.adviceLinks) { computeAdviceLinks() }
  }

  private func computeAdviceLinks() -> [AdviceLink] {
    let bodies = bodyOrganisations
    let requests = ledger.versions(of: ORAdviceRequested.self).filter {
      $0.version.effective <= day
    }
    let given = adviceGiven()
    // Indices into `requests` by request id, intended decision and works-council organisation,
    // and the first advice given per request: lookups instead of a scan per decision.
    var byRequest: [AdviceRequestID: [Int]] = [:]
    var byIntended: [DecisionID: [Int]] = [:]
    var byOrganisation: [String: [Int]] = [:]
    for (index, request) in requests.enumerated() {
      byRequest[request.event.request, default: []].append(index)
      if let intended = request.event.intendedDecision {
        byIntended[intended, default: []].append(index)
      }
      for organisation in Set(bodies[request.event.worksCouncil.rawValue] ?? []) {
        byOrganisation[organisation, default: []].append(index)
      }
    }
    var firstGiven: [AdviceRequestID: (version: RecordVersion, event: ORAdviceGivenV2)] = [:]
    for item in given where firstGiven[item.event.request] == nil {
      firstGiven[item.event.request] = item
    }
    var links: [AdviceLink] = []
    for (_, entry) in decisions().sorted(by: { $0.key < $1.key })
    where Self.isPersonnel(entry.taken) {
      var indices = Set(byIntended[entry.taken.decision] ?? [])
      for id in entry.taken.orAdviceRequests { indices.formUnion(byRequest[id] ?? []) }
      var chosen = indices.sorted().map { requests[$0] }
      if chosen.isEmpty && entry.taken.orAdviceRequests.isEmpty {
        var own: Set<Int> = []
        for organisation in Set(organisations(of: entry.taken, bodies)) {
          own.formUnion(byOrganisation[organisation] ?? [])
        }
        chosen = own.sorted().map { requests[$0] }.filter {
          $0.version.effective <= entry.version.effective
        }
      }
      if chosen.isEmpty {
        links.append(AdviceLink(decision: entry, request: nil, advice: nil))
      }
      for request in chosen {
        let advice = firstGiven[request.event.request]
        links.append(
          AdviceLink(
            decision: entry, request: (request.version, request.event),
            advice: advice.map { ($0.version, $0.event) }))
      }
    }
    return links
  }

  /// Rows per personnel decision and advice request.
  func adviceTable() -> ViewTable {
    let rows = adviceLinks().map { link -> [String] in
      let taken = link.decision.taken
      let waitUntil =
        taken.deviatesFromORAdvice
        ? Cell.day(link.decision.version.effective.adding(months: 1)) : "-"
      return [
        taken.decision.rawValue, link.request?.event.request.rawValue ?? "-",
        taken.body.rawValue, taken.kind, taken.status.rawValue,
        Cell.date(link.decision.version.effectiveDate),
        link.request?.event.worksCouncil.rawValue ?? "-",
        link.request.map { Cell.date($0.version.effectiveDate) } ?? "-",
        link.advice.map { Cell.date($0.version.effectiveDate) } ?? "-",
        link.advice?.event.summary ?? "-",
        Cell.list(link.advice?.event.conditions ?? []),
        taken.deviatesFromORAdvice ? "yes" : "no", waitUntil,
      ]
    }
    let missing = rows.filter { $0[1] == "-" || $0[8] == "-" }.map { $0[0] }
    return ViewTable(
      name: ViewName.advice.rawValue, title: "OR advice per personnel decision \(words)",
      columns: [
        .init("decision"), .init("request"), .init("body"), .init("kind"), .init("status"),
        .init("taken"), .init("ondernemingsraad"), .init("requested"), .init("advised"),
        .init("advies"), .init("conditions"), .init("deviates"), .init("execution not before"),
      ], rows: rows, keyColumnCount: 2,
      notes: [
        "personnel decisions: \(Set(rows.map { $0[0] }).count); without a request or advice:"
          + " \(Cell.list(Array(Set(missing)).sorted()))"
      ])
  }
}
