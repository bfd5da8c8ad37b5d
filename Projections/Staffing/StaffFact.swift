import TransitionDomain

/// One dated change of one employee, compact: what a staff record says about that employee.
///
/// Fields are set only where the change sets them; `apply(to:)` mirrors the domain's own fold
/// (`TransitionState.employee(_:on:)`), which the tests check on every employee and day.
public struct StaffFact: Sendable, Equatable {
  /// What kind of change it is.
  public enum Kind: UInt8, Sendable, Equatable, CaseIterable {
    case baseline, hired, transferred, reassigned, contract, surplus, departed, secondment
    case secondmentEnded
  }

  // Stored compactly: strings and lists as ids into `Interned`, days as day numbers, FTE as
  // ten-thousandths, absence as a sentinel (-1, `Int32.min`, 255). About 120 bytes a fact.
  /// The record that made this fact (orders changes on the same day).
  public var seq: Int64
  /// The original record it stands for (differs from `seq` for a replacement).
  public var source: Int64
  /// When it counts.
  public internal(set) var span: Span
  var contractFTEValue: Int64 = -1
  var fteValue: Int64 = -1
  var employeeID: Int32
  /// The effective day as a day number (see `effective`).
  var effectiveNumber: Int32
  var employerID: Int32 = -1
  var fromID: Int32 = -1
  var functionID: Int32 = -1
  var caoID: Int32 = -1
  var teamID: Int32 = -1
  var hostID: Int32 = -1
  var legalFormID: Int32 = -1
  var decisionsID: Int32 = -1
  var adviceID: Int32 = -1
  var contractEndNumber = Int32.min
  var untilNumber = Int32.min
  /// What kind of change.
  public var kind: Kind
  var contractTypeCode: UInt8 = 255

  /// Who.
  public var employee: String {
    get { Interned.strings.value(employeeID) }
    set { employeeID = Interned.strings.id(newValue) }
  }
  /// The day it takes effect.
  public var effective: CalendarDay {
    get { CalendarDay.stored(Int(effectiveNumber)) }
    set { effectiveNumber = Int32(newValue.dayNumber) }
  }
  /// The employer: of the baseline or hire, the destination of a transfer, of a contract change.
  public var employer: String? {
    get { Interned.text(employerID) }
    set { employerID = Interned.id(newValue) }
  }
  /// The employer left by a transfer.
  public var from: String? {
    get { Interned.text(fromID) }
    set { fromID = Interned.id(newValue) }
  }
  /// The function (after).
  public var function: String? {
    get { Interned.text(functionID) }
    set { functionID = Interned.id(newValue) }
  }
  /// The cao (after).
  public var cao: String? {
    get { Interned.text(caoID) }
    set { caoID = Interned.id(newValue) }
  }
  /// The team (baseline).
  public var team: String? {
    get { Interned.text(teamID) }
    set { teamID = Interned.id(newValue) }
  }
  /// The contract FTE (baseline, hire, contract change after).
  public var contractFTE: FTE? {
    get { contractFTEValue < 0 ? nil : FTE(tenThousandths: contractFTEValue) }
    set { contractFTEValue = newValue?.tenThousandths ?? -1 }
  }
  /// The cohort FTE: allocated at the baseline, moved by a transfer, reassigned; for a
  /// version-2 contract change, the most the cohort keeps.
  public var fte: FTE? {
    get { fteValue < 0 ? nil : FTE(tenThousandths: fteValue) }
    set { fteValue = newValue?.tenThousandths ?? -1 }
  }
  /// The contract type (after).
  public var contractType: ContractType? {
    get {
      let all = ContractType.allCases
      return Int(contractTypeCode) < all.count
        ? all[all.index(all.startIndex, offsetBy: Int(contractTypeCode))] : nil
    }
    set {
      contractTypeCode =
        newValue.flatMap { value in
          ContractType.allCases.firstIndex(of: value).map {
            UInt8(ContractType.allCases.distance(from: ContractType.allCases.startIndex, to: $0))
          }
        } ?? 255
    }
  }
  /// The end of a fixed-term contract (after).
  public var contractEnd: CalendarDay? {
    get { Self.day(contractEndNumber) }
    set { contractEndNumber = Self.number(newValue) }
  }
  /// A secondment's host.
  public var host: String? {
    get { Interned.text(hostID) }
    set { hostID = Interned.id(newValue) }
  }
  /// A secondment's last day.
  public var until: CalendarDay? {
    get { Self.day(untilNumber) }
    set { untilNumber = Self.number(newValue) }
  }
  /// A transfer's legal form.
  public var legalForm: String? {
    get { Interned.text(legalFormID) }
    set { legalFormID = Interned.id(newValue) }
  }
  /// The decisions a transfer cites, or a contract change's basis.
  public var decisions: [String] {
    get { Interned.list(decisionsID) }
    set { decisionsID = Interned.id(newValue) }
  }
  /// The OR advice records a transfer cites.
  public var advice: [String] {
    get { Interned.list(adviceID) }
    set { adviceID = Interned.id(newValue) }
  }

  private static func day(_ number: Int32) -> CalendarDay? {
    number == .min ? nil : CalendarDay.stored(Int(number))
  }

  private static func number(_ day: CalendarDay?) -> Int32 {
    day.map { Int32($0.dayNumber) } ?? .min
  }

  /// A fact from its stored fields (the sidecar).
  init(
    employeeID: Int32, kind: Kind, seq: Int64, source: Int64, effectiveNumber: Int32, span: Span
  ) {
    self.employeeID = employeeID
    self.kind = kind
    self.seq = seq
    self.source = source
    self.effectiveNumber = effectiveNumber
    self.span = span
  }

  /// A fact of `kind` for `employee` from the record `seq`.
  init(
    employee: String, kind: Kind, seq: Int64, source: Int64, effective: CalendarDay, span: Span
  ) {
    self.employeeID = Interned.strings.id(employee)
    self.kind = kind
    self.seq = seq
    self.source = source
    self.effectiveNumber = Int32(effective.dayNumber)
    self.span = span
  }

  /// The facts a staff record holds, one per employee line; empty for other records.
  static func facts(of event: DomainEvent, seq: Int64, source: Int64, effective: CalendarDay)
    -> [StaffFact]?
  {
    let span = Span(from: seq, until: .max, original: seq == source)
    func fact(_ employee: EmployeeID, _ kind: Kind) -> StaffFact {
      StaffFact(
        employee: employee.rawValue, kind: kind, seq: seq, source: source, effective: effective,
        span: span)
    }
    func contract(_ event: ContractChanged) -> StaffFact {
      var value = fact(event.employee, .contract)
      value.employer = event.employer.rawValue
      value.contractFTE = event.contractFTEAfter
      value.cao = event.caoAfter
      value.function = event.functionAfter
      value.contractType = event.contractTypeAfter
      value.contractEnd = event.contractEndAfter
      value.decisions = event.basis.map { [$0.rawValue] } ?? []
      return value
    }
    switch event.payload {
    case .staffBaselineRecorded(let event):
      return event.members.map { member in
        var value = fact(member.employee, .baseline)
        value.employer = member.employer.rawValue
        value.function = member.function
        value.cao = member.cao
        value.team = member.team
        value.contractFTE = member.contractFTE
        value.fte = member.allocatedFTE
        value.contractType = member.contractType
        value.contractEnd = member.contractEnd
        return value
      }
    case .externalHireRecorded(let event):
      var value = fact(event.employee, .hired)
      value.employer = event.employer.rawValue
      value.function = event.function
      value.cao = event.cao
      value.contractFTE = event.contractFTE
      return [value]
    case .staffTransferred(let event):
      return event.lines.map { line in
        var value = fact(line.employee, .transferred)
        value.employer = line.to.rawValue
        value.from = line.from.rawValue
        value.function = line.functionAfter
        value.cao = line.caoAfter
        value.fte = line.fte
        value.legalForm = line.legalForm.rawValue
        value.decisions = line.decisions.map(\.rawValue)
        value.advice = line.orAdvice
        return value
      }
    case .staffReassigned(let event):
      var value = fact(event.employee, .reassigned)
      value.employer = event.employer.rawValue
      value.fte = event.fte
      return [value]
    case .contractChanged(let event):
      return [contract(event)]
    case .contractChangedV2(let event):
      // The same contract fields; version 2 also caps the cohort FTE (version 1 keeps it).
      var value = contract(event.contractFields)
      value.fte = event.cohortCap
      return [value]
    case .surplusDeclared(let event):
      var value = fact(event.employee, .surplus)
      value.employer = event.employer.rawValue
      value.until = event.vwnwUntil
      return [value]
    case .staffDeparted(let event):
      var value = fact(event.employee, .departed)
      value.employer = event.employer.rawValue
      return [value]
    case .secondmentStarted(let event):
      var value = fact(event.employee, .secondment)
      value.host = event.host.rawValue
      value.until = event.until
      return [value]
    case .secondmentExtended(let event):
      var value = fact(event.employee, .secondment)
      value.host = event.host.rawValue
      value.until = event.until
      return [value]
    case .secondmentEnded(let event):
      var value = fact(event.employee, .secondmentEnded)
      value.host = event.host.rawValue
      return [value]
    case .organisationRegistered, .organisationChanged, .bodyRegistered, .documentRegistered,
      .proposalSubmitted, .committeeConsidered, .informationProvided, .stakeholderPositionSubmitted,
      .zienswijzeSubmitted, .decisionTaken, .decisionCorrected, .decisionRevoked,
      .decisionSuperseded, .orAdviceRequested, .orAdviceGiven, .transitionPlanVersionRegistered,
      .milestonePlanned, .milestonePlannedV2, .milestoneReplanned, .milestoneReplannedV2,
      .milestoneAchieved, .riskRegisterInitialised,
      .riskRecorded, .externalContextRecorded, .placementProcedureStep, .caseloadTransferred,
      .referenceDataRecorded, .socialPlanAgreed, .costEstimateRecorded, .fundingRecorded,
      .costSharingKeySet, .costSharingKeyCorrected, .costBooked, .costBookingCorrected, .grAmended,
      .grMemberLeft, .grDissolved, .recordRetracted, .personalDataErased, .fundCreated,
      .withdrawalAuthorised, .costBookedV2, .orAdviceGivenV2, .worksCouncilAbsenceRecorded,
      .transitionDeclared, .participantJoined, .organisationRegisteredV2, .organisationEnded,
      .organisationsMerged, .bodyRegisteredV2, .documentRegisteredV2, .decisionTakenV2,
      .motionDisposed:
      return nil
    }
  }
}
