import TransitionDomain

/// One OR advice request behind one personnel decision, with its dates and outcome.
public struct AdviceLink: Sendable {
  /// The decision.
  public let decision: DecisionEntry
  /// The request, if one was found.
  public let request: (version: RecordVersion, event: ORAdviceRequested)?
  /// The advice given on it by the day, if any.
  public let advice: (version: RecordVersion, event: ORAdviceGiven)?
}

extension ViewContext {
  /// Whether a decision concerns personnel (so needs OR advice first, DOMAIN.md 12.6).
  static func isPersonnel(_ taken: DecisionTaken) -> Bool {
    [.plaatsingsbesluit, .werkgeversbesluit, .organisatieplan].contains(taken.kind)
      || !taken.orAdviceRequests.isEmpty || taken.deviatesFromORAdvice
  }

  /// Every personnel decision taken by the day with the OR advice requests behind it: those it
  /// names, or else the requests to a works council of its own organisations made before it.
  public func adviceLinks() -> [AdviceLink] {
    let bodies = bodyOrganisations
    let requests = ledger.versions(of: ORAdviceRequested.self).filter {
      $0.version.effective <= day
    }
    let given = ledger.versions(of: ORAdviceGiven.self).filter { $0.version.effective <= day }
    var links: [AdviceLink] = []
    for (_, entry) in decisions().sorted(by: { $0.key < $1.key })
    where Self.isPersonnel(entry.taken) {
      var chosen = requests.filter {
        entry.taken.orAdviceRequests.contains($0.event.request)
          || $0.event.intendedDecision == entry.taken.decision
      }
      if chosen.isEmpty && entry.taken.orAdviceRequests.isEmpty {
        let own = Set(organisations(of: entry.taken, bodies))
        chosen = requests.filter {
          $0.version.effective <= entry.version.effective
            && !own.isDisjoint(with: bodies[$0.event.worksCouncil.rawValue] ?? [])
        }
      }
      if chosen.isEmpty {
        links.append(AdviceLink(decision: entry, request: nil, advice: nil))
      }
      for request in chosen {
        let advice = given.filter { $0.event.request == request.event.request }.min {
          $0.version.seq < $1.version.seq
        }
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
        taken.body.rawValue, taken.kind.rawValue, taken.status.rawValue,
        Cell.date(link.decision.version.effectiveDate),
        link.request?.event.worksCouncil.rawValue ?? "-",
        link.request.map { Cell.date($0.version.effectiveDate) } ?? "-",
        link.advice.map { Cell.date($0.version.effectiveDate) } ?? "-",
        link.advice?.event.outcome.rawValue ?? "-",
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
