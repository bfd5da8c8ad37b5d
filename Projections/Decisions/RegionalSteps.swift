import TransitionDomain

/// One participant's own decision on one regional step, or its absence.
public struct RegionalStep: Equatable, Sendable {
  /// The step's name, such as `transitieplan` or `uittreding GRW`.
  public let step: String
  /// The participant (a municipality when the log declares no transition).
  public let municipality: String
  /// Its decision, if recorded (several, joined, when inherited from merged predecessors).
  public let decision: String?
  /// The day it was taken (the latest, when inherited).
  public let taken: CalendarDay?
  /// The record that holds it (the first, when inherited).
  public let seq: Int64?
  /// For a successor: the predecessors whose decisions it holds, such as `OOS, WST`.
  public var inheritedFrom: String? = nil
  /// For a step of a GR's members: the GR.
  public var membersOf: String? = nil
  /// Every record that holds the decision(s).
  public var seqs: [Int64] = []
}

extension ViewContext {
  /// The decision kinds that are regional: each council must take its own (DOMAIN.md 12.7).
  static let regionalKinds: [DecisionKind] = [.scenariokeuze, .transitieplan, .grToestemming]

  /// Per regional step: every participant's own decision or its absence (the risk rule,
  /// DOMAIN.md 3.3; issue 19 items 1, 3, 9).
  ///
  /// When the log declares its transition (`TransitionDeclared`), the steps are the declared
  /// ones and the deciders are the participants that joined by the day (after a merger: the
  /// successor, which holds a step when it decided it or all its predecessors did), or for a
  /// step of a GR's members, the GR's members on the day. A decision counts for a step when its
  /// `step` (or, without one, its kind) names the step: consent to one step is no consent to
  /// another. Without a declaration: every registered municipality's council on the kinds
  /// `regionalKinds`, for the steps at least one council decided.
  public func regionalSteps() -> [RegionalStep] {
    ViewMemo.value(memo.regionalSteps) { computeRegionalSteps() }
  }

  private func computeRegionalSteps() -> [RegionalStep] {
    let declarations = ledger.versions(of: TransitionDeclared.self).filter {
      $0.version.effective <= day
    }
    guard !declarations.isEmpty else { return computeMunicipalSteps() }
    return computeDeclaredSteps(declarations.map(\.event))
  }

  private func computeMunicipalSteps() -> [RegionalStep] {
    let bodies = bodyOrganisations
    let kinds = bodyKinds
    let entries = decisions().values.filter {
      $0.taken.status == .definitief && kinds[$0.taken.body.rawValue] == .raad
    }
    var result: [RegionalStep] = []
    for kind in Self.regionalKinds {
      let decided = entries.filter { $0.taken.stepName == kind.rawValue }
      guard !decided.isEmpty else { continue }
      for municipality in municipalities {
        let own = decided.filter {
          (bodies[$0.taken.body.rawValue] ?? []).contains(municipality)
        }.min { $0.version.seq < $1.version.seq }
        result.append(
          RegionalStep(
            step: kind.rawValue, municipality: municipality,
            decision: own?.taken.decision.rawValue, taken: own?.version.effective,
            seq: own?.version.seq, seqs: own.map { [$0.version.seq] } ?? []))
      }
    }
    return result
  }

  /// The mergers effective by the day, in day order.
  func mergers() -> [(version: RecordVersion, event: OrganisationsMerged)] {
    ledger.versions(of: OrganisationsMerged.self).filter { $0.version.effective <= day }
      .sorted { ($0.version.effective, $0.version.seq) < ($1.version.effective, $1.version.seq) }
  }

  /// The members of each GR on the day: as registered, amended, left and dissolved, and with
  /// merged members replaced by their successor.
  func arrangementMembers() -> [String: [String]] {
    var events: [(RecordVersion, any EventPayload)] = []
    for item in organisationVersions where item.event.knownKind == .gemeenschappelijkeRegeling {
      events.append((item.version, item.event))
    }
    for item in ledger.versions(of: GRAmended.self) { events.append((item.version, item.event)) }
    for item in ledger.versions(of: GRMemberLeft.self) { events.append((item.version, item.event)) }
    for item in ledger.versions(of: GRDissolved.self) { events.append((item.version, item.event)) }
    for item in mergers() { events.append((item.version, item.event)) }
    events.sort { ($0.0.effective, $0.0.seq) < ($1.0.effective, $1.0.seq) }
    var members: [String: [String]] = [:]
    for (version, payload) in events where version.effective <= day {
      switch payload {
      case let event as OrganisationRegisteredV2:
        members[event.organisation.rawValue] = event.members.map(\.rawValue)
      case let event as GRAmended:
        members[event.arrangement.rawValue] = event.membersAfter.map(\.rawValue)
      case let event as GRMemberLeft:
        members[event.arrangement.rawValue]?.removeAll { $0 == event.member.rawValue }
      case let event as GRDissolved: members[event.arrangement.rawValue] = []
      case let event as OrganisationsMerged:
        let predecessors = Set(event.predecessors.map(\.rawValue))
        for (arrangement, list) in members where list.contains(where: predecessors.contains) {
          var merged: [String] = []
          for member in list {
            let holder = predecessors.contains(member) ? event.successor.rawValue : member
            if !merged.contains(holder) { merged.append(holder) }
          }
          members[arrangement] = merged
        }
      default: break
      }
    }
    return members
  }

  /// The participants on the day, each with the steps it must decide (nil: every step), a
  /// successor taking over its predecessors' participation.
  func participants() -> [String: Set<String>?] {
    var result: [String: Set<String>?] = [:]
    var events: [(RecordVersion, any EventPayload)] = []
    for item in ledger.versions(of: ParticipantJoined.self) {
      events.append((item.version, item.event))
    }
    for item in mergers() { events.append((item.version, item.event)) }
    events.sort { ($0.0.effective, $0.0.seq) < ($1.0.effective, $1.0.seq) }
    for (version, payload) in events where version.effective <= day {
      switch payload {
      case let joined as ParticipantJoined:
        result[joined.organisation.rawValue] = joined.steps.isEmpty ? nil : Set(joined.steps)
      case let merger as OrganisationsMerged:
        let inherited = merger.predecessors.map(\.rawValue).filter { result.keys.contains($0) }
        guard !inherited.isEmpty else { continue }
        var steps: Set<String>? = result[merger.successor.rawValue] ?? Set()
        for predecessor in inherited {
          if let own = result[predecessor] {
            if let own, steps != nil { steps?.formUnion(own) }
            if own == nil { steps = nil }
          }
          result[predecessor] = nil
        }
        result[merger.successor.rawValue] = steps
      default: break
      }
    }
    return result
  }

  private func computeDeclaredSteps(_ declarations: [TransitionDeclared]) -> [RegionalStep] {
    let bodies = bodyOrganisations
    let kinds = bodyKinds
    let organisationKinds = Dictionary(
      organisationVersions.map { ($0.event.organisation.rawValue, $0.event.knownKind) },
      uniquingKeysWith: { $1 })
    let entries = decisions().values.filter { $0.taken.status == .definitief }
      .sorted { $0.version.seq < $1.version.seq }
    let mergers = mergers()
    let participants = participants()
    let members = arrangementMembers()
    /// The decisions of `organisation` itself on `step`: for a municipality its council's,
    /// for another organisation any of its bodies'.
    func own(_ organisation: String, _ step: String) -> DecisionEntry? {
      entries.first { entry in
        guard entry.taken.stepName == step else { return false }
        return ([entry.taken.body] + entry.taken.jointlyWith).contains { body in
          (bodies[body.rawValue] ?? []).contains(organisation)
            && (organisationKinds[organisation] != .gemeente || kinds[body.rawValue] == .raad)
        }
      }
    }
    /// The decisions that decide `step` for `organisation`, and the predecessors they come
    /// from: its own, or those of all its predecessors (recursively).
    func decided(_ organisation: String, _ step: String) -> ([DecisionEntry], [String])? {
      if let entry = own(organisation, step) { return ([entry], []) }
      guard
        let merger = mergers.last(where: { $0.event.successor.rawValue == organisation })
      else { return nil }
      var found: [DecisionEntry] = []
      var from: [String] = []
      for predecessor in merger.event.predecessors.map(\.rawValue) {
        guard let (entries, _) = decided(predecessor, step) else { return nil }
        found += entries
        from.append(predecessor)
      }
      return (found, from)
    }
    var result: [RegionalStep] = []
    var seen: Set<String> = []
    for step in declarations.flatMap(\.steps) where seen.insert(step.step).inserted {
      let deciders: [String]
      if let arrangement = step.membersOf?.rawValue {
        deciders = (members[arrangement] ?? []).sorted()
      } else {
        deciders = participants.filter { $0.value?.contains(step.step) ?? true }.map(\.key)
          .sorted()
      }
      for organisation in deciders {
        let found = decided(organisation, step.step)
        let entries = found?.0 ?? []
        result.append(
          RegionalStep(
            step: step.step, municipality: organisation,
            decision: entries.isEmpty
              ? nil
              : entries.map(\.taken.decision.rawValue).joined(
                separator: ", "),
            taken: entries.map(\.version.effective).max(), seq: entries.first?.version.seq,
            inheritedFrom: found.flatMap { $0.1.isEmpty ? nil : $0.1.joined(separator: ", ") },
            membersOf: step.membersOf?.rawValue, seqs: entries.map(\.version.seq)))
      }
    }
    return result
  }

  /// Whether the log declares its transition (participants and steps) by the day.
  var declaresTransition: Bool {
    ledger.versions(of: TransitionDeclared.self).contains { $0.version.effective <= day }
  }

  /// Rows per regional step and participant: decided (with the decision) or missing.
  func regionalTable() -> ViewTable {
    let steps = regionalSteps()
    let rows = steps.map {
      [
        $0.step, $0.municipality,
        ($0.decision ?? "-") + ($0.inheritedFrom.map { " (from \($0))" } ?? ""),
        Cell.day($0.taken), $0.decision == nil ? "missing" : "decided",
      ]
    }.sorted { $0.lexicographicallyPrecedes($1) }
    return ViewTable(
      name: ViewName.regional.rawValue,
      title: (declaresTransition
        ? "Regional steps per participant " : "Regional steps per municipality ")
        + words,
      columns: [
        .init("step"), .init(declaresTransition ? "participant" : "gemeente"), .init("decision"),
        .init("taken"), .init("state"),
      ], rows: rows, keyColumnCount: 2, notes: regionalNotes())
  }

  /// One line per regional step: in force for the region, or who is missing.
  func regionalNotes() -> [String] {
    let steps = regionalSteps()
    var order: [String] = []
    for step in steps where !order.contains(step.step) { order.append(step.step) }
    let declared = declaresTransition
    return order.map { step in
      let rows = steps.filter { $0.step == step }
      let missing = rows.filter { $0.decision == nil }.map(\.municipality)
      guard declared else {
        return missing.isEmpty
          ? "\(step): decided by every council; in force for the region"
          : "\(step): NOT in force for the region; no council decision of \(missing.joined(separator: ", "))"
      }
      let who =
        rows.first?.membersOf.map { "every member of \($0) on \(day)" } ?? "all participants"
      return missing.isEmpty
        ? "\(step): decided by \(who) (\(rows.map(\.municipality).joined(separator: ", "))); in force"
        : "\(step): NOT in force; not decided by \(missing.joined(separator: ", ")) (\(who) must decide it)"
    }
  }
}
