/// Why the domain refused a command; a refused command yields no records.
///
/// Each message names the thing, the day, the numbers and a next step.
///
/// Refusals versus findings: a refusal is a fact the log could never make true later (a
/// person with two employers, FTE out of thin air, a key that does not add up, a correction of
/// nothing). What the organisation may legitimately record late or out of order is accepted and
/// left to the audit rules of the projections (findings):
///
/// | rule | refusal or finding | why |
/// |---|---|---|
/// | unknown organisation, body, employee, decision (when revoked, superseded, corrected), advice request, milestone (replanned), key version, cost line, record | refusal | the command would refer to nothing; record the thing first |
/// | transfer, contract change, secondment, surplus, departure for an employee not employed by the stated organisation that day | refusal | contradicts what is known for that day |
/// | an employee with two employers on one day (baseline, hire or batch) | refusal | DOMAIN.md 12.4 |
/// | any staff event after the last working day; a departure before already recorded events | refusal | DOMAIN.md 12.4 (corrections remain possible) |
/// | transfer FTE more than the employee's cohort FTE, or different from it | refusal | a move never changes FTE (12.3) |
/// | reassignment that would leave negative cohort FTE; allocated FTE above the contract; contract FTE above 1.0000; a stale `contractFTEBefore` | refusal | FTE conservation (12.3) |
/// | key shares not summing to 100.00 %; charged amounts not summing to the line; key lines not split by largest remainder | refusal | DOMAIN.md 12.10 |
/// | a correcting line whose effective day differs from the line it corrects | refusal | corrections keep the original day (12.10) |
/// | a correction of a missing or retracted record, of the wrong type, or without a reason | refusal | 12.1 |
/// | a GR left with fewer than two members | refusal | record `GRDissolved` instead (12.9) |
/// | a cost line on an unknown fund or withdrawal, a withdrawal of another fund or without its fund; a negative fund or withdrawal amount | refusal | the line would draw on nothing (issue 19 item 4) |
/// | advice "negatief op onderdelen" without a negative part | refusal | the parts say what it is negative on (art. 25 WOR) |
/// | a cohort FTE after a contract change above the contract or above the cohort FTE before; a transfer of the contract FTE while a version-1 change left more cohort FTE | refusal | FTE conservation (12.3): the cohort follows the contract (issue 19 item 8) |
/// | a booking on a fund without an authorised withdrawal, above the authorised amount, or overdrawing the fund | finding | flagged, not blocked (12.10) |
/// | a staff move without the advice of its old employer's OR; a transfer within a month of a decision that deviates from an advice | finding | 12.6, art. 25 lid 6 WOR |
/// | effective days that are not real dates; malformed command input | refusal | input checked where it enters |
/// | a decision, advice, transfer, hire, secondment, caseload move, merger or participation by or to an organisation or body that does not exist on the effective day (starts later, ended, merged) | refusal | issue 19 item 2: it could not act; a mention in free text is not checked |
/// | a participant of an undeclared transition, or a step the transition does not declare; a disposal of a decision that is not a motie | refusal | issue 19 items 1, 7 |
/// | staff move without a definitive backing decision in force (or decision recorded later) | finding | decisions are often recorded weeks late (12.5) |
/// | OR advice recorded after the decision, or missing; execution within a month of a deviating decision | finding | 12.6 |
/// | a council decision missing for one municipality; decision order within a municipality | finding | 12.7, 12.8 |
/// | a cost line with a key version that is not the one in force; totals above the estimate | finding | 12.10: flagged, not blocked |
/// | a milestone achieved without being planned; references to unregistered documents or proposals | finding | recorded facts stand on their own |
public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
  static func words(_ absence: TransitionState.Absence) -> String {
    switch absence {
    case .startsLater(let start): "exists only from \(start)"
    case .ended(let end, let successor):
      "ended on \(end)" + (successor.map { " (merged into \($0))" } ?? "")
    }
  }

  static func successor(_ absence: TransitionState.Absence) -> OrganisationID? {
    if case .ended(_, let successor) = absence { return successor }
    return nil
  }

  case unknownOrganisation(OrganisationID, command: String, day: CalendarDay)
  case unknownBody(BodyID, command: String, day: CalendarDay)
  case unknownEmployee(EmployeeID, command: String, day: CalendarDay)
  case unknownDecision(DecisionID, command: String, day: CalendarDay)
  case unknownReference(what: String, id: String, command: String, day: CalendarDay)
  case unknownRecord(seq: Int64, command: String)
  case notEmployedBy(
    EmployeeID, organisation: OrganisationID, day: CalendarDay, actual: OrganisationID?,
    command: String)
  case twoEmployers(EmployeeID, day: CalendarDay, current: OrganisationID, other: OrganisationID)
  case afterDeparture(EmployeeID, lastWorkingDay: CalendarDay, day: CalendarDay, command: String)
  case departureBeforeRecordedEvents(
    EmployeeID, lastWorkingDay: CalendarDay, laterDay: CalendarDay, laterType: String)
  case transferExceedsFTE(EmployeeID, day: CalendarDay, available: FTE, requested: FTE)
  case transferChangesFTE(EmployeeID, day: CalendarDay, available: FTE, requested: FTE)
  case fteWouldBecomeNegative(EmployeeID, day: CalendarDay, available: FTE, requested: FTE)
  case fteExceedsContract(EmployeeID, allocated: FTE, contract: FTE)
  case fteAboveFullTime(EmployeeID, day: CalendarDay, requested: FTE)
  case staleContractFTE(EmployeeID, day: CalendarDay, known: FTE, stated: FTE)
  case keySharesNotWhole(costs: String, version: Int, total: Percentage)
  case chargedDoesNotAddUp(line: CostLineID, amount: Money, charged: Money)
  case chargedDiffersFromKey(line: CostLineID, version: Int, expected: [OrganisationAmount])
  case correctionDayMismatch(
    line: CostLineID, corrects: CostLineID, original: CalendarDay, given: CalendarDay)
  case correctionOfRetracted(seq: Int64, command: String)
  case invalidCorrection(seq: Int64, correctedType: String, command: String)
  case correctionWithoutReason(seq: Int64, command: String)
  case patchDoesNotApply(seq: Int64, field: String, problem: String)
  case duplicateIdentifier(what: String, id: String, command: String)
  case tooFewMembers(arrangement: OrganisationID, members: [OrganisationID], day: CalendarDay)
  case withdrawalOfOtherFund(
    line: CostLineID, withdrawal: WithdrawalID, fund: FundID?, actual: FundID)
  case negativeAmount(what: String, id: String, amount: Money)
  case adviceWithoutNegativePart(request: AdviceRequestID, parts: Int)
  case cohortAboveContract(EmployeeID, day: CalendarDay, cohort: FTE, contract: FTE)
  case cohortWouldRise(EmployeeID, day: CalendarDay, cohort: FTE, requested: FTE)
  case transferOfContractBelowCohort(
    EmployeeID, day: CalendarDay, cohort: FTE, contract: FTE, requested: FTE)
  case notARealDay(field: String, text: String)
  case invalidInput(command: String, problem: String)
  case unknownCommand(String)
  case doesNotExist(
    what: String, id: String, day: CalendarDay, absence: TransitionState.Absence,
    through: OrganisationID?, command: String)
  case notAMotion(DecisionID, kind: String, command: String)

  public var description: String {
    switch self {
    case .unknownOrganisation(let id, let command, let day):
      "Cannot \(command) on \(day): organisation \(id) is not registered. Check the code, or"
        + " register it first with RegisterOrganisation."
    case .unknownBody(let id, let command, let day):
      "Cannot \(command) on \(day): body \(id) is not registered. Check the code, or register"
        + " it first with RegisterBody."
    case .unknownEmployee(let id, let command, let day):
      "Cannot \(command) on \(day): employee \(id) is not in any record by that day. Check the"
        + " id, or record the staff baseline or hire first."
    case .unknownDecision(let id, let command, let day):
      "Cannot \(command) on \(day): decision \(id) is not recorded. Check the id, or record the"
        + " decision first with TakeDecision."
    case .unknownReference(let what, let id, let command, let day):
      "Cannot \(command) on \(day): no \(what) \(id) is recorded. Check the id, or record the"
        + " \(what) first."
    case .unknownRecord(let seq, let command):
      "Cannot \(command): there is no record \(seq) to correct. Check the seq with"
        + " `transition show`; a correction names an earlier record."
    case .notEmployedBy(let employee, let organisation, let day, let actual, let command):
      "Cannot \(command) for \(employee) at \(organisation) on \(day): \(employee) is "
        + (actual.map { "employed by \($0) that day, not by \(organisation)" }
          ?? "not employed by anyone that day")
        + ". Check the employee and the organisation, or record the earlier move first."
    case .twoEmployers(let employee, let day, let current, let other):
      "Cannot give \(employee) a second employer on \(day): \(employee) is employed by"
        + " \(current) that day, and a person has one employer at a time. Record a transfer"
        + " from \(current) to \(other) instead."
    case .afterDeparture(let employee, let last, let day, let command):
      "Cannot \(command) for \(employee) on \(day): \(employee) left on \(last) (last working"
        + " day). Correct or retract the departure first if it was wrong."
    case .departureBeforeRecordedEvents(let employee, let last, let later, let type):
      "Cannot record \(employee) leaving with last working day \(last): \(type) is already"
        + " recorded for \(employee) on \(later). Correct or retract that record first."
    case .transferExceedsFTE(let employee, let day, let available, let requested):
      "Cannot move \(requested) FTE of \(employee) on \(day): \(employee) has only \(available)"
        + " cohort FTE that day. Use \(available), or record the contract change first."
    case .transferChangesFTE(let employee, let day, let available, let requested):
      "Cannot move \(requested) FTE of \(employee) on \(day): \(employee) has \(available)"
        + " cohort FTE and a move never changes FTE. Move \(available) and record a"
        + " ContractChanged for the difference."
    case .fteWouldBecomeNegative(let employee, let day, let available, let requested):
      "Cannot take \(requested) FTE of \(employee) out of the cohort on \(day): only"
        + " \(available) FTE is in the cohort, which would leave a negative amount. Use at most"
        + " \(available)."
    case .fteExceedsContract(let employee, let allocated, let contract):
      "Cannot count \(allocated) FTE of \(employee) in the cohort: the contract is only"
        + " \(contract) FTE. Lower the allocated FTE or correct the contract FTE."
    case .fteAboveFullTime(let employee, let day, let requested):
      "Cannot set the contract of \(employee) to \(requested) FTE on \(day): a contract is at"
        + " most 1.0000 FTE. Check the hours against the 36-hour norm."
    case .staleContractFTE(let employee, let day, let known, let stated):
      "Cannot change the contract of \(employee) on \(day): it is \(known) FTE that day, not"
        + " \(stated) as stated. Use \(known) as the 'before' value, or record the earlier change."
    case .keySharesNotWhole(let costs, let version, let total):
      "Cannot set key \(costs) v\(version): the shares sum to \(total) %, not 100.00 %. Adjust"
        + " the shares so that they add up exactly."
    case .chargedDoesNotAddUp(let line, let amount, let charged):
      "Cannot book line \(line): the charged amounts sum to \(charged), not to the line's"
        + " \(amount). Make the municipalities' amounts add up to the line exactly."
    case .chargedDiffersFromKey(let line, let version, let expected):
      "Cannot book line \(line): the charged amounts do not follow key v\(version) (largest"
        + " remainder gives "
        + expected.map { "\($0.organisation) \($0.amount)" }.joined(separator: ", ")
        + "). Use those amounts, or allocate the line directly."
    case .correctionDayMismatch(let line, let corrects, let original, let given):
      "Cannot book correcting line \(line) on \(given): it corrects \(corrects), booked on"
        + " \(original), and a correcting line keeps the original effective day. Use \(original)."
    case .correctionOfRetracted(let seq, let command):
      "Cannot \(command): record \(seq) has been retracted. Record the fact anew instead."
    case .invalidCorrection(let seq, let type, let command):
      "Cannot \(command) as a correction of record \(seq), a \(type): a record is corrected by"
        + " the same type, by RetractRecord, or by the matching correction command."
    case .correctionWithoutReason(let seq, let command):
      "Cannot \(command) as a correction of record \(seq) without a reason. Add a"
        + " 'correctionReason' saying why the record was wrong."
    case .patchDoesNotApply(let seq, let field, let problem):
      "Cannot correct record \(seq): field '\(field)' \(problem). Check the field path and its"
        + " current value with `transition show \(seq)`."
    case .duplicateIdentifier(let what, let id, let command):
      "Cannot \(command): \(what) \(id) is already recorded. Use a new id, or correct the"
        + " existing record."
    case .tooFewMembers(let arrangement, let members, let day):
      "Cannot leave GR \(arrangement) with \(members.count) member(s) on \(day)"
        + (members.isEmpty ? "" : " (" + members.map(\.rawValue).joined(separator: ", ") + ")")
        + ": a GR needs at least two. Record GRDissolved instead."
    case .notARealDay(let field, let text) where field == "effective":
      "'\(text)' in 'effective' is not a date. Write one of: \(EffectiveDate.acceptedForms)."
    case .withdrawalOfOtherFund(let line, let withdrawal, let fund, let actual):
      "Cannot book line \(line) on withdrawal \(withdrawal): it draws on fund \(actual), "
        + (fund.map { "not on \($0)." } ?? "and the line names no fund.")
        + " Give the line fund \(actual), or name a withdrawal of the line's fund."
    case .negativeAmount(let what, let id, let amount):
      "Cannot record \(what) \(id) with \(amount): the amount cannot be negative. Record a"
        + " positive amount; a smaller amount is a correction of the record."
    case .adviceWithoutNegativePart(let request, let parts):
      "Cannot record the advice on \(request) as 'negatief op onderdelen': "
        + (parts == 0 ? "it names no parts" : "none of its \(parts) part(s) is negatief")
        + ". Add each part it is negative on to 'parts' with outcome \"negatief\", or record"
        + " the outcome as \"negatief\" or \"positief\"."
    case .cohortAboveContract(let employee, let day, let cohort, let contract):
      "Cannot count \(cohort) FTE of \(employee) in the cohort from \(day): the contract is"
        + " \(contract) FTE that day. Use at most \(contract) for 'cohortFTEAfter'."
    case .cohortWouldRise(let employee, let day, let cohort, let requested):
      "Cannot raise the cohort FTE of \(employee) from \(cohort) to \(requested) on \(day): a"
        + " contract change only lowers it. Leave 'cohortFTEAfter' out, or use at most \(cohort)."
    case .transferOfContractBelowCohort(
      let employee, let day, let cohort, let contract, let requested):
      "Cannot move \(requested) FTE of \(employee) on \(day): the contract is \(contract) FTE,"
        + " but the cohort still counts \(cohort) FTE, because the earlier contract change was"
        + " recorded as ContractChanged.v1, which kept the cohort. Record ChangeContract with"
        + " --cohortFTEAfter \(contract) on or before \(day) first (the difference leaves the"
        + " cohort as 'contract reduced'), then move \(contract)."
    case .notARealDay(let field, let text):
      "'\(text)' in '\(field)' is not a real day. Write it as YYYY-MM-DD, such as 2026-07-01."
    case .invalidInput(let command, let problem):
      "Cannot read \(command): \(problem). See `transition help \(command)` for its fields."
    case .unknownCommand(let name):
      "Unknown command '\(name)'. See `transition help` for the list of commands."
    case .doesNotExist(let what, let id, let day, let absence, let through, let command):
      "Cannot \(command) on \(day): \(what) \(id) does not exist that day: "
        + (through.map { "its organisation \($0) " } ?? "it ")
        + Self.words(absence) + ". Check the effective day"
        + (Self.successor(absence).map { ", or record it for \($0)" } ?? "")
        + "; a mention in free text is not checked."
    case .notAMotion(let decision, let kind, let command):
      "Cannot \(command): decision \(decision) is a \(kind), not a motie. Only a motion is"
        + " disposed of (afgedaan); check the id."
    }
  }
}
