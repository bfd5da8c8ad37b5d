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
    switch event.currentPayload {
    case let event as StaffTransferred:
      for line in event.lines {
        result.formUnion(line.decisions.map(\.rawValue))
        result.formUnion(line.orAdvice)
      }
    case let event as DecisionTakenV2:
      result.formUnion(event.orAdviceRequests.map(\.rawValue))
      result.formUnion(event.backing)
      if let proposal = event.proposal { result.insert(proposal.rawValue) }
    case let event as MotionDisposed:
      if let by = event.disposedBy { result.insert(by.rawValue) }
    case let event as OrganisationsMerged:
      result.formUnion(event.predecessors.map(\.rawValue) + [event.successor.rawValue])
    case let event as GRAmended: result.formUnion(event.decisions.map(\.rawValue))
    case let event as ContractChanged: if let basis = event.basis { result.insert(basis.rawValue) }
    case let event as ORAdviceGiven: result.insert(event.request.rawValue)
    case let event as DecisionSuperseded: result.insert(event.supersededBy.rawValue)
    default: break
    }
    return result
  }

  /// The ids an event defines (decision, request, proposal).
  static func names(of event: DomainEvent) -> Set<String> {
    switch event.currentPayload {
    case let event as DecisionTakenV2: [event.decision.rawValue]
    case let event as MotionDisposed: [event.motion.rawValue]
    case let event as ORAdviceRequested: [event.request.rawValue]
    case let event as ORAdviceGiven: [event.request.rawValue]
    case let event as ProposalSubmitted: [event.proposal.rawValue]
    default: []
    }
  }

  /// A short description for people.
  static func summary(of event: DomainEvent, _ subject: String) -> String {
    switch event.payload {
    case let event as StaffTransferred:
      let lines = event.lines.filter { $0.employee.rawValue == subject }
      let shown = lines.isEmpty ? event.lines : lines
      return shown.map {
        "\($0.line) \($0.employee) \($0.from)→\($0.to) \($0.fte) fte, \($0.functionAfter),"
          + " \($0.caoAfter); decisions \(Cell.list($0.decisions.map(\.rawValue)))"
      }.joined(separator: "; ")
    case let event as DecisionTaken:
      return "\(event.body) \(event.kind.rawValue) \(event.status.rawValue): \(event.subject)"
    case let event as DecisionTakenV2:
      return "\(event.body) \(event.kind) \(event.status.rawValue)"
        + (event.step.map { " (step \($0))" } ?? "") + ": \(event.subject)"
    case let event as MotionDisposed:
      return "motion \(event.motion) afgedaan" + (event.disposedBy.map { " by \($0)" } ?? "")
        + ": \(event.how)"
    case let event as OrganisationsMerged:
      return "\(event.predecessors.map(\.rawValue).joined(separator: " + ")) merged into"
        + " \(event.successor): \(event.basis)"
    case let event as ORAdviceRequested:
      return "advice asked of \(event.worksCouncil) by \(event.requestedBy): \(event.subject)"
    case let event as ORAdviceGiven:
      return "advice of \(event.worksCouncil) on \(event.request): \(event.outcome.rawValue)"
    case let event as DecisionCorrected:
      return "corrects \(event.decision): "
        + event.changes.map { "\($0.field) \($0.before)→\($0.after)" }.joined(separator: ", ")
        + " (\(event.reason))"
    case let event as MilestonePlanned:
      return "\(event.milestone) \(event.title) planned \(event.plannedDate)"
    case let event as MilestoneReplanned:
      return "\(event.milestone) \(event.previousDate)→\(event.newDate): \(event.reason)"
    case let event as MilestoneAchieved:
      return "\(event.milestone) achieved for \(Cell.list(event.scope.map(\.rawValue)))"
    default:
      let text = String(decoding: CanonicalJSON.encode(.object(event.encodeData())), as: UTF8.self)
      return text.count > 140 ? String(text.prefix(139)) + "…" : text
    }
  }
}
