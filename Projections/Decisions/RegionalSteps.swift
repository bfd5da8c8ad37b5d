import TransitionDomain

/// One municipality's own council decision on one regional step, or its absence.
public struct RegionalStep: Equatable, Sendable {
  /// The decision kind of the step, such as `transitieplan`.
  public let step: String
  /// The municipality.
  public let municipality: String
  /// Its council's decision, if recorded.
  public let decision: String?
  /// The day it was taken.
  public let taken: CalendarDay?
  /// The record that holds it.
  public let seq: Int64?
}

extension ViewContext {
  /// The decision kinds that are regional: each council must take its own (DOMAIN.md 12.7).
  static let regionalKinds: [DecisionKind] = [.scenariokeuze, .transitieplan, .grToestemming]

  /// Per regional step that at least one council decided by the day: every municipality's own
  /// council decision or its absence (the risk rule, DOMAIN.md 3.3).
  public func regionalSteps() -> [RegionalStep] {
    ViewMemo.value(memo.regionalSteps) { computeRegionalSteps() }
  }

  private func computeRegionalSteps() -> [RegionalStep] {
    let bodies = bodyOrganisations
    let kinds = bodyKinds
    let entries = decisions().values.filter {
      $0.taken.status == .definitief && kinds[$0.taken.body.rawValue] == .raad
    }
    var result: [RegionalStep] = []
    for kind in Self.regionalKinds {
      let decided = entries.filter { $0.taken.kind == kind }
      guard !decided.isEmpty else { continue }
      for municipality in municipalities {
        let own = decided.filter {
          (bodies[$0.taken.body.rawValue] ?? []).contains(municipality)
        }.min { $0.version.seq < $1.version.seq }
        result.append(
          RegionalStep(
            step: kind.rawValue, municipality: municipality,
            decision: own?.taken.decision.rawValue, taken: own?.version.effective,
            seq: own?.version.seq))
      }
    }
    return result
  }

  /// Rows per regional step and municipality: decided (with the decision) or missing.
  func regionalTable() -> ViewTable {
    let steps = regionalSteps()
    let rows = steps.map {
      [
        $0.step, $0.municipality, $0.decision ?? "-", Cell.day($0.taken),
        $0.decision == nil ? "missing" : "decided",
      ]
    }.sorted { $0.lexicographicallyPrecedes($1) }
    return ViewTable(
      name: ViewName.regional.rawValue, title: "Regional steps per municipality \(words)",
      columns: [
        .init("step"), .init("gemeente"), .init("decision"), .init("taken"), .init("state"),
      ], rows: rows, keyColumnCount: 2, notes: regionalNotes())
  }

  /// One line per regional step: in force for the region, or which councils are missing.
  func regionalNotes() -> [String] {
    let steps = regionalSteps()
    var order: [String] = []
    for step in steps where !order.contains(step.step) { order.append(step.step) }
    return order.map { step in
      let missing = steps.filter { $0.step == step && $0.decision == nil }.map(\.municipality)
      return missing.isEmpty
        ? "\(step): decided by every council; in force for the region"
        : "\(step): NOT in force for the region; no council decision of \(missing.joined(separator: ", "))"
    }
  }
}
