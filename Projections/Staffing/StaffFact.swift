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

  /// Who.
  public var employee: String
  /// What kind of change.
  public var kind: Kind
  /// The record that made this fact (orders changes on the same day).
  public var seq: Int64
  /// The original record it stands for (differs from `seq` for a replacement).
  public var source: Int64
  /// The day it takes effect.
  public var effective: CalendarDay
  /// When it counts.
  public internal(set) var span: Span
  /// The employer: of the baseline or hire, the destination of a transfer, of a contract change.
  public var employer: String?
  /// The employer left by a transfer.
  public var from: String?
  /// The function (after).
  public var function: String?
  /// The cao (after).
  public var cao: String?
  /// The team (baseline).
  public var team: String?
  /// The contract FTE (baseline, hire, contract change after).
  public var contractFTE: FTE?
  /// The cohort FTE: allocated at the baseline, moved by a transfer, reassigned.
  public var fte: FTE?
  /// The contract type (after).
  public var contractType: ContractType?
  /// The end of a fixed-term contract (after).
  public var contractEnd: CalendarDay?
  /// A secondment's host.
  public var host: String?
  /// A secondment's last day.
  public var until: CalendarDay?
  /// A transfer's line id.
  public var line: String?
  /// A transfer's legal form.
  public var legalForm: String?
  /// The decisions a transfer cites, or a contract change's basis.
  public var decisions: [String] = []
  /// The OR advice records a transfer cites.
  public var advice: [String] = []

  /// A fact of `kind` for `employee` from the record `seq`.
  init(
    employee: String, kind: Kind, seq: Int64, source: Int64, effective: CalendarDay, span: Span
  ) {
    self.employee = employee
    self.kind = kind
    self.seq = seq
    self.source = source
    self.effective = effective
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
    switch event.payload {
    case let event as StaffBaselineRecorded:
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
    case let event as ExternalHireRecorded:
      var value = fact(event.employee, .hired)
      value.employer = event.employer.rawValue
      value.function = event.function
      value.cao = event.cao
      value.contractFTE = event.contractFTE
      return [value]
    case let event as StaffTransferred:
      return event.lines.map { line in
        var value = fact(line.employee, .transferred)
        value.employer = line.to.rawValue
        value.from = line.from.rawValue
        value.function = line.functionAfter
        value.cao = line.caoAfter
        value.fte = line.fte
        value.line = line.line
        value.legalForm = line.legalForm.rawValue
        value.decisions = line.decisions.map(\.rawValue)
        value.advice = line.orAdvice
        return value
      }
    case let event as StaffReassigned:
      var value = fact(event.employee, .reassigned)
      value.employer = event.employer.rawValue
      value.fte = event.fte
      return [value]
    case let event as ContractChanged:
      var value = fact(event.employee, .contract)
      value.employer = event.employer.rawValue
      value.contractFTE = event.contractFTEAfter
      value.cao = event.caoAfter
      value.function = event.functionAfter
      value.contractType = event.contractTypeAfter
      value.contractEnd = event.contractEndAfter
      value.decisions = event.basis.map { [$0.rawValue] } ?? []
      return [value]
    case let event as SurplusDeclared:
      var value = fact(event.employee, .surplus)
      value.employer = event.employer.rawValue
      value.until = event.vwnwUntil
      return [value]
    case let event as StaffDeparted:
      var value = fact(event.employee, .departed)
      value.employer = event.employer.rawValue
      return [value]
    case let event as SecondmentStarted:
      var value = fact(event.employee, .secondment)
      value.host = event.host.rawValue
      value.until = event.until
      return [value]
    case let event as SecondmentExtended:
      var value = fact(event.employee, .secondment)
      value.host = event.host.rawValue
      value.until = event.until
      return [value]
    case let event as SecondmentEnded:
      var value = fact(event.employee, .secondmentEnded)
      value.host = event.host.rawValue
      return [value]
    default:
      return nil
    }
  }
}
