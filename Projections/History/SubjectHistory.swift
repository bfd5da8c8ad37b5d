import CanonicalJSON
import EventLog
import TransitionDomain

/// The history of one thing: every record about it, with those that back or correct it.
///
/// Streams the log twice (matches, then backing records); memory holds only the rows.
enum SubjectHistory {
  struct Row {
    let record: DomainRecord
    var relation: String
  }

  static func table(
    of subject: String, logPath: String, ledger: Ledger, knownAt: Int64, query: ViewQuery
  ) throws -> ViewTable {
    var rows: [Int64: Row] = [:]
    var references: Set<String> = []
    try scan(logPath, upTo: knownAt, asRecorded: query.asRecorded) { record in
      let direct =
        record.id == subject || record.stream.hasSuffix("/" + subject)
        || mentions(.object(record.event.encodeData()), subject)
      let correcting = record.corrects.map { rows[$0] != nil } ?? false
      guard direct || correcting else { return }
      rows[record.seq] = Row(
        record: record,
        relation: direct ? "about" : "corrects \(ledger.recordID(of: record.corrects ?? 0))")
      references.formUnion(cited(by: record.event))
    }
    guard !rows.isEmpty else {
      throw TransitionProjector.QueryError.unknownSubject(subject, knownAt: knownAt)
    }
    references.remove(subject)
    try scan(logPath, upTo: knownAt, asRecorded: query.asRecorded) { record in
      guard rows[record.seq] == nil else { return }
      if references.contains(record.id) || !references.isDisjoint(with: names(of: record.event)) {
        rows[record.seq] = Row(record: record, relation: "backs")
      } else if let target = record.corrects, let row = rows[target], row.relation == "backs" {
        rows[record.seq] = Row(
          record: record, relation: "corrects \(ledger.recordID(of: target))")
      }
    }
    var correctedBy: [Int64: [String]] = [:]
    for row in rows.values {
      if let target = row.record.corrects { correctedBy[target, default: []].append(row.record.id) }
    }
    let ordered = rows.values.sorted {
      ($0.record.effective, $0.record.seq) < ($1.record.effective, $1.record.seq)
    }
    let table = ordered.map { row -> [String] in
      let record = row.record
      return [
        String(record.seq), record.id, Cell.date(record.effectiveDate),
        Cell.instant(record.recordedMilliseconds), record.eventType, row.relation,
        Cell.list((correctedBy[record.seq] ?? []).sorted()), summary(of: record.event, subject),
      ]
    }
    let seqWords = query.describe(resolvedSeq: knownAt, lastSeq: ledger.lastSeq)
      .split(separator: ",", maxSplits: 1).dropFirst().joined().drop { $0 == " " }
    return ViewTable(
      name: "history", title: "History of \(subject), \(seqWords)",
      columns: [
        .init("seq", alignment: .right), .init("record"), .init("effective"),
        .init("recorded"), .init("type"), .init("relation"), .init("corrected by"),
        .init("summary"),
      ], rows: table, keyColumnCount: 1,
      notes: [
        "\(table.count) records: \(rows.values.filter { $0.relation == "about" }.count) about"
          + " \(subject), \(rows.values.filter { $0.relation == "backs" }.count) backing,"
          + " \(rows.values.filter { $0.relation.hasPrefix("corrects") }.count) corrections"
      ])
  }

  private static func scan(
    _ path: String, upTo seq: Int64, asRecorded: Bool, _ body: (DomainRecord) -> Void
  ) throws {
    guard seq > 0 else { return }
    try LogReader(path: path).forEachRecord(upTo: seq) { raw in
      let record = try RecordCodec.domainRecord(raw)
      if asRecorded && record.corrects != nil { return }
      body(record)
    }
  }

  /// Whether any text in `value` is `subject` or selects it (`placements[E017].destination`).
  static func mentions(_ value: JSONValue, _ subject: String) -> Bool {
    switch value {
    case .string(let text): return text == subject || text.contains("[" + subject + "]")
    case .array(let elements): return elements.contains { mentions($0, subject) }
    case .object(let object): return object.members.contains { mentions($0.value, subject) }
    default: return false
    }
  }

  /// The decisions, advice requests, proposals and records an event cites.
  static func cited(by event: DomainEvent) -> Set<String> {
    var result: Set<String> = []
    switch event.payload {
    case .staffTransferred(let event):
      for line in event.lines {
        result.formUnion(line.decisions.map(\.rawValue))
        result.formUnion(line.orAdvice)
      }
    case .decisionTaken(let v1):
      let event = DecisionTakenV2(v1)
      result.formUnion(event.orAdviceRequests.map(\.rawValue))
      if let proposal = event.proposal { result.insert(proposal.rawValue) }
    case .decisionTakenV2(let event):
      result.formUnion(event.orAdviceRequests.map(\.rawValue))
      result.formUnion(event.backing)
      if let proposal = event.proposal { result.insert(proposal.rawValue) }
    case .motionDisposed(let event):
      if let by = event.disposedBy { result.insert(by.rawValue) }
    case .organisationsMerged(let event):
      result.formUnion(event.predecessors.map(\.rawValue) + [event.successor.rawValue])
    case .contractChangedV2(let event):
      if let basis = event.basis { result.insert(basis.rawValue) }
    case .orAdviceGivenV2(let event): result.insert(event.request.rawValue)
    case .withdrawalAuthorised(let event):
      result.formUnion([event.decision.rawValue, event.fund.rawValue])
    case .fundCreated(let event):
      if let decision = event.decision { result.insert(decision.rawValue) }
    case .costBookedV2(let event):
      for line in event.lines {
        result.formUnion([line.fund?.rawValue, line.withdrawal?.rawValue].compactMap { $0 })
      }
    case .worksCouncilAbsenceRecorded(let event):
      if let instead = event.consultedInstead { result.insert(instead.rawValue) }
    case .grAmended(let event): result.formUnion(event.decisions.map(\.rawValue))
    case .contractChanged(let event): if let basis = event.basis { result.insert(basis.rawValue) }
    case .orAdviceGiven(let event): result.insert(event.request.rawValue)
    case .decisionSuperseded(let event): result.insert(event.supersededBy.rawValue)
    case .organisationRegistered, .organisationChanged, .bodyRegistered, .documentRegistered,
      .proposalSubmitted, .committeeConsidered, .informationProvided, .stakeholderPositionSubmitted,
      .zienswijzeSubmitted, .decisionCorrected, .decisionRevoked, .orAdviceRequested,
      .transitionPlanVersionRegistered, .milestonePlanned, .milestonePlannedV2, .milestoneReplanned,
      .milestoneReplannedV2, .milestoneAchieved,
      .riskRegisterInitialised, .riskRecorded, .externalContextRecorded, .staffBaselineRecorded,
      .placementProcedureStep, .staffReassigned, .secondmentStarted, .secondmentExtended,
      .secondmentEnded, .surplusDeclared, .staffDeparted, .externalHireRecorded,
      .caseloadTransferred, .referenceDataRecorded, .socialPlanAgreed, .costEstimateRecorded,
      .fundingRecorded, .costSharingKeySet, .costSharingKeyCorrected, .costBooked,
      .costBookingCorrected, .grMemberLeft, .grDissolved, .recordRetracted,
      .personalDataErased,
      .transitionDeclared, .participantJoined, .organisationRegisteredV2, .organisationEnded,
      .bodyRegisteredV2, .documentRegisteredV2:
      break
    }
    return result
  }

  /// The ids an event defines (decision, request, proposal).
  static func names(of event: DomainEvent) -> Set<String> {
    switch event.payload {
    case .orAdviceGivenV2(let event): [event.request.rawValue]
    case .fundCreated(let event): [event.fund.rawValue]
    case .withdrawalAuthorised(let event): [event.withdrawal.rawValue]
    case .costBookedV2, .worksCouncilAbsenceRecorded, .contractChangedV2: []
    case .decisionTaken(let event): [event.decision.rawValue]
    case .decisionTakenV2(let event): [event.decision.rawValue]
    case .motionDisposed(let event): [event.motion.rawValue]
    case .orAdviceRequested(let event): [event.request.rawValue]
    case .orAdviceGiven(let event): [event.request.rawValue]
    case .proposalSubmitted(let event): [event.proposal.rawValue]
    case .organisationRegistered, .organisationChanged, .bodyRegistered, .documentRegistered,
      .committeeConsidered, .informationProvided, .stakeholderPositionSubmitted,
      .zienswijzeSubmitted, .decisionCorrected, .decisionRevoked, .decisionSuperseded,
      .transitionPlanVersionRegistered, .milestonePlanned, .milestonePlannedV2, .milestoneReplanned,
      .milestoneReplannedV2, .milestoneAchieved,
      .riskRegisterInitialised, .riskRecorded, .externalContextRecorded, .staffBaselineRecorded,
      .placementProcedureStep, .staffTransferred, .staffReassigned, .contractChanged,
      .secondmentStarted, .secondmentExtended, .secondmentEnded, .surplusDeclared, .staffDeparted,
      .externalHireRecorded, .caseloadTransferred, .referenceDataRecorded, .socialPlanAgreed,
      .costEstimateRecorded, .fundingRecorded, .costSharingKeySet, .costSharingKeyCorrected,
      .costBooked, .costBookingCorrected, .grAmended, .grMemberLeft, .grDissolved, .recordRetracted,
      .personalDataErased, .organisationsMerged,
      .transitionDeclared, .participantJoined, .organisationRegisteredV2, .organisationEnded,
      .bodyRegisteredV2, .documentRegisteredV2:
      []
    }
  }

  /// A short description for people.
  static func summary(of event: DomainEvent, _ subject: String) -> String {
    switch event.payload {
    case .staffTransferred(let event):
      let lines = event.lines.filter { $0.employee.rawValue == subject }
      let shown = lines.isEmpty ? event.lines : lines
      return shown.map {
        "\($0.line) \($0.employee) \($0.from)→\($0.to) \($0.fte) fte, \($0.functionAfter),"
          + " \($0.caoAfter); decisions \(Cell.list($0.decisions.map(\.rawValue)))"
      }.joined(separator: "; ")
    case .decisionTaken(let event):
      return "\(event.body) \(event.kind.rawValue) \(event.status.rawValue): \(event.subject)"
    case .decisionTakenV2(let event):
      return "\(event.body) \(event.kind) \(event.status.rawValue)"
        + (event.step.map { " (step \($0))" } ?? "") + ": \(event.subject)"
    case .motionDisposed(let event):
      return "motion \(event.motion) afgedaan" + (event.disposedBy.map { " by \($0)" } ?? "")
        + ": \(event.how)"
    case .organisationsMerged(let event):
      return "\(event.predecessors.map(\.rawValue).joined(separator: " + ")) merged into"
        + " \(event.successor): \(event.basis)"
    case .orAdviceRequested(let event):
      return "advice asked of \(event.worksCouncil) by \(event.requestedBy): \(event.subject)"
    case .orAdviceGiven(let event):
      return "advice of \(event.worksCouncil) on \(event.request): \(event.outcome.rawValue)"
    case .orAdviceGivenV2(let event):
      return "advice of \(event.worksCouncil) on \(event.request): \(event.summary)"
    case .fundCreated(let event):
      return "\(event.kind) \(event.fund) of \(event.holder): \(Cell.money(event.amount))"
    case .withdrawalAuthorised(let event):
      return "withdrawal \(event.withdrawal) from \(event.fund) up to"
        + " \(Cell.money(event.amount)) by \(event.decision): \(event.purpose)"
    case .worksCouncilAbsenceRecorded(let event):
      return "\(event.employer) has no OR"
        + (event.until.map { " until \($0)" } ?? "")
        + (event.consultedInstead.map { "; consults \($0) instead" } ?? "") + ": \(event.reason)"
    case .decisionCorrected(let event):
      return "corrects \(event.decision): "
        + event.changes.map { "\($0.field) \($0.before)→\($0.after)" }.joined(separator: ", ")
        + " (\(event.reason))"
    case .milestonePlanned(let event):
      return "\(event.milestone) \(event.title) planned \(event.plannedDate)"
    case .milestoneReplanned(let event):
      return "\(event.milestone) \(event.previousDate)→\(event.newDate): \(event.reason)"
    case .milestonePlannedV2(let event):
      return "\(event.milestone) \(event.title) planned \(event.plannedDate)"
    case .milestoneReplannedV2(let event):
      return "\(event.milestone) \(event.previousDate)→\(event.newDate): \(event.reason)"
    case .milestoneAchieved(let event):
      return "\(event.milestone) achieved for \(Cell.list(event.scope.map(\.rawValue)))"
    case .organisationRegistered, .organisationChanged, .bodyRegistered, .documentRegistered,
      .proposalSubmitted, .committeeConsidered, .informationProvided, .stakeholderPositionSubmitted,
      .zienswijzeSubmitted, .decisionRevoked, .decisionSuperseded, .transitionPlanVersionRegistered,
      .riskRegisterInitialised, .riskRecorded, .externalContextRecorded, .staffBaselineRecorded,
      .placementProcedureStep, .staffReassigned, .contractChanged, .secondmentStarted,
      .secondmentExtended, .secondmentEnded, .surplusDeclared, .staffDeparted,
      .externalHireRecorded, .caseloadTransferred, .referenceDataRecorded, .socialPlanAgreed,
      .costEstimateRecorded, .fundingRecorded, .costSharingKeySet, .costSharingKeyCorrected,
      .costBooked, .costBookingCorrected, .grAmended, .grMemberLeft, .grDissolved, .recordRetracted,
      .personalDataErased, .costBookedV2, .contractChangedV2,
      .transitionDeclared, .participantJoined, .organisationRegisteredV2, .organisationEnded,
      .bodyRegisteredV2, .documentRegisteredV2:
      let text = String(decoding: CanonicalJSON.encode(.object(event.encodeData())), as: UTF8.self)
      return text.count > 140 ? String(text.prefix(139)) + "…" : text
    }
  }
}
