/// Decides a command against the state: the records it yields, or why it is refused.
///
/// Pure: the same state and command always give the same answer. Checks use the state on the
/// command's effective day as currently known (see `Refusal` for the refusal/finding table).
public func decide(_ command: TransitionCommand, state: TransitionState) throws(Refusal)
  -> [PendingRecord]
{
  let check = CommandCheck(command: command, state: state)
  try check.correction()
  try check.payload()
  var stream: String?
  if let corrects = command.corrects, case .recordRetracted = command.event.payload {
    stream = state.recordStreams[corrects]
  }
  return [
    PendingRecord(
      event: command.event, effective: command.effective.firstDay, corrects: command.corrects,
      correctionReason: command.correctionReason, stream: stream, id: command.id)
  ]
}

/// The checks of one command; each throws the first refusal found.
struct CommandCheck {
  let command: TransitionCommand
  let state: TransitionState
  let day: CalendarDay
  let verb: String

  init(command: TransitionCommand, state: TransitionState) {
    self.command = command
    self.state = state
    self.day = command.effective.firstDay
    self.verb = command.name
  }

  func correction() throws(Refusal) {
    guard let seq = command.corrects else { return }
    guard let correctedType = state.recordTypes[seq] else {
      throw .unknownRecord(seq: seq, command: verb)
    }
    if state.retracted.contains(seq) { throw .correctionOfRetracted(seq: seq, command: verb) }
    guard Correction.kind(of: command.event.eventType, correcting: correctedType) != nil else {
      throw .invalidCorrection(seq: seq, correctedType: correctedType, command: verb)
    }
    guard let reason = command.correctionReason, !reason.isEmpty else {
      throw .correctionWithoutReason(seq: seq, command: verb)
    }
    if let patch = command.event.payload(as: DecisionCorrected.self),
      let record = state.record(seq: state.currentSeq(standingFor: seq))
    {
      do {
        _ = try Correction.patch(record.event.encodeData(), with: patch.changes)
      } catch {
        throw .patchDoesNotApply(seq: seq, field: error.field, problem: error.problem)
      }
    }
  }

  func organisation(_ id: OrganisationID) throws(Refusal) {
    guard state.organisations[id] != nil else {
      throw .unknownOrganisation(id, command: verb, day: day)
    }
  }

  func body(_ id: BodyID) throws(Refusal) {
    guard state.bodies[id] != nil else { throw .unknownBody(id, command: verb, day: day) }
  }

  /// The organisation is registered and exists on the day (issue 19, item 2).
  func existing(_ id: OrganisationID) throws(Refusal) {
    try organisation(id)
    if let absence = state.absence(of: id, on: day) {
      throw .doesNotExist(
        what: "organisation", id: id.rawValue, day: day, absence: absence, through: nil,
        command: verb)
    }
  }

  /// The body is registered and exists on the day: its own days, and at least one of its
  /// organisations exists.
  func existing(_ id: BodyID) throws(Refusal) {
    try body(id)
    if let (absence, organisation) = state.absence(of: id, on: day) {
      throw .doesNotExist(
        what: "body", id: id.rawValue, day: day, absence: absence, through: organisation,
        command: verb)
    }
  }

  func decision(_ id: DecisionID) throws(Refusal) {
    guard state.decisions[id] != nil else { throw .unknownDecision(id, command: verb, day: day) }
  }

  /// The employee on the day, employed by `organisation`, not departed.
  @discardableResult
  func employed(_ employee: EmployeeID, by organisation: OrganisationID) throws(Refusal)
    -> EmployeeSnapshot
  {
    try existing(organisation)
    guard let snapshot = state.employee(employee, on: day) else {
      throw .unknownEmployee(employee, command: verb, day: day)
    }
    if let last = snapshot.lastWorkingDay, last < day {
      throw .afterDeparture(employee, lastWorkingDay: last, day: day, command: verb)
    }
    // After a merger the successor holds the predecessor's employees.
    guard let employer = snapshot.employer, state.holder(of: employer, on: day) == organisation
    else {
      throw .notEmployedBy(
        employee, organisation: organisation, day: day, actual: snapshot.employer, command: verb)
    }
    return snapshot
  }

  /// Refuses a second employer for `employee` on the day.
  func notEmployedElsewhere(_ employee: EmployeeID, joining organisation: OrganisationID)
    throws(Refusal)
  {
    if let snapshot = state.employee(employee, on: day), let current = snapshot.employer {
      throw .twoEmployers(employee, day: day, current: current, other: organisation)
    }
  }

  func keyShares(_ costs: String, _ version: Int, _ shares: [KeyShare]) throws(Refusal) {
    for share in shares { try organisation(share.organisation) }
    let total = MoneySplit.totalHundredths(shares)
    guard total == 10_000 else {
      throw .keySharesNotWhole(costs: costs, version: version, total: Percentage(hundredths: total))
    }
    if state.keys[costs]?[version] != nil, command.corrects == nil {
      throw .duplicateIdentifier(what: "key version", id: "\(costs) v\(version)", command: verb)
    }
  }

  func charged(
    line: CostLineID, amount: Money, allocation: CostAllocation, keyVersion: Int?,
    charged: [OrganisationAmount], costs: String, isCorrection: Bool
  ) throws(Refusal) {
    for part in charged { try organisation(part.organisation) }
    let total = charged.map(\.amount).sum()
    guard total == amount else {
      throw .chargedDoesNotAddUp(line: line, amount: amount, charged: total)
    }
    guard allocation == .key else { return }
    guard let version = keyVersion, let key = state.keys[costs]?[version] else {
      throw .unknownReference(
        what: "key version", id: "\(costs) v\(keyVersion ?? 0)", command: verb, day: day)
    }
    guard !isCorrection else { return }
    let expected = MoneySplit.split(amount, by: key.shares)
    guard expected == charged else {
      throw .chargedDiffersFromKey(line: line, version: version, expected: expected)
    }
  }
}
