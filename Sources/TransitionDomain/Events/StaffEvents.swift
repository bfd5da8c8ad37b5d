/// One employee in a staff baseline (Appendix A): contract and the FTE allocated to the cohort.
public struct BaselineMember: Hashable, Sendable, Codable {
  /// The pseudonymous id.
  public let employee: EmployeeID
  /// The function at the employer.
  public let function: String
  /// The team (since 2024-10 the municipal team of the werkcoaches, or the employer).
  public let team: String
  /// The employer on the baseline day.
  public let employer: OrganisationID
  /// Contract hours per week.
  public let contractHours: Int
  /// The full-time norm in hours per week (36).
  public let normHours: Int
  /// The FTE of the employment contract.
  public let contractFTE: FTE
  /// The part of the contract counted in the cohort (at most `contractFTE`).
  public let allocatedFTE: FTE
  /// The cao that applies, such as "Cao SGO".
  public let cao: String
  /// Permanent or fixed term.
  public let contractType: ContractType
  /// For a fixed-term contract: its last day.
  public var contractEnd: CalendarDay?
}

/// The staff cohort as of the record's effective day: who is in it and with how much FTE.
public struct StaffBaselineRecorded: EventPayload {
  public static let eventType = "StaffBaselineRecorded.v1"
  /// The cohort's id, such as `RI-IJW` (the re-integration part of IJW!).
  public let cohort: String
  /// The members.
  public let members: [BaselineMember]
  public var stream: String { "cohort/\(cohort)" }
}

/// One move of a staff transfer batch (Appendix B); a move never changes FTE.
public struct TransferLine: Hashable, Sendable, Codable {
  /// The line id that HR audits, such as `T-B-08`.
  public let line: String
  /// Who moves.
  public let employee: EmployeeID
  /// The employer before the move.
  public let from: OrganisationID
  /// The employer after the move.
  public let to: OrganisationID
  /// The function before.
  public let functionBefore: String
  /// The function after.
  public let functionAfter: String
  /// The cohort FTE that moves: exactly the employee's allocated FTE.
  public let fte: FTE
  /// The cao before.
  public let caoBefore: String
  /// The cao after (a switch is explicit here, never implied).
  public let caoAfter: String
  /// The legal form of this move.
  public let legalForm: LegalForm
  /// The decisions that back the move (checked by the projections' audit, not refused).
  public let decisions: [DecisionID]
  /// The OR advice records the move relies on (record ids).
  public let orAdvice: [String]
}

/// A batch of staff moves between employers on the record's effective day.
public struct StaffTransferred: EventPayload {
  public static let eventType = "StaffTransferred.v1"
  /// The batch id, such as `IJM-082`.
  public let batch: String
  /// The moves.
  public let lines: [TransferLine]
  public var stream: String { "transfer/\(batch)" }
}

/// An employee's cohort FTE left the cohort while the employer stayed the same.
public struct StaffReassigned: EventPayload {
  public static let eventType = "StaffReassigned.v1"
  /// Who.
  public let employee: EmployeeID
  /// The employer, unchanged.
  public let employer: OrganisationID
  /// The unit left, such as "RI-deel".
  public let fromUnit: String
  /// The unit joined, such as "Wsw/Beschut".
  public let toUnit: String
  /// The cohort FTE that leaves the cohort with this reassignment.
  public let fte: FTE
  /// Why.
  public let reason: String
  public var stream: String { "staff/\(employee)" }
}

/// An employee's contract changed; only the fields given change, and it is not a move.
///
/// A change of `contractFTE` changes the contract, not the cohort allocation, so the cohort's
/// FTE stays conserved (Appendix C lists such changes as separate deltas).
public struct ContractChanged: EventPayload {
  public static let eventType = "ContractChanged.v1"
  /// Who.
  public let employee: EmployeeID
  /// The employer, which must employ them on the effective day.
  public let employer: OrganisationID
  /// The contract FTE before, when the FTE changes.
  public var contractFTEBefore: FTE?
  /// The contract FTE after (at most 1.0000).
  public var contractFTEAfter: FTE?
  /// The contract hours per week after.
  public var contractHoursAfter: Int?
  /// The cao before, when the cao changes.
  public var caoBefore: String?
  /// The cao after.
  public var caoAfter: String?
  /// The function after.
  public var functionAfter: String?
  /// The salary scale after.
  public var salaryScaleAfter: String?
  /// The contract type after; `onbepaalde tijd` clears the end date.
  public var contractTypeAfter: ContractType?
  /// The contract end after (fixed term).
  public var contractEndAfter: CalendarDay?
  /// The decision it rests on, if any.
  public var basis: DecisionID?
  /// Why.
  public let reason: String
  public var stream: String { "staff/\(employee)" }
}

/// An employee was declared surplus (boventallig) with a work-to-work period.
public struct SurplusDeclared: EventPayload {
  public static let eventType = "SurplusDeclared.v1"
  /// Who.
  public let employee: EmployeeID
  /// The employer.
  public let employer: OrganisationID
  /// The status.
  public let status: SurplusStatus
  /// The first day of the VWNW (van werk naar werk) period.
  public let vwnwFrom: CalendarDay
  /// The last day of the VWNW period.
  public let vwnwUntil: CalendarDay
  public var stream: String { "staff/\(employee)" }
}

/// An employee left; the record's effective day is the last working day.
public struct StaffDeparted: EventPayload {
  public static let eventType = "StaffDeparted.v1"
  /// Who.
  public let employee: EmployeeID
  /// The employer left.
  public let employer: OrganisationID
  /// A neutral reason code; never health information.
  public let reason: DepartureReason
  public var stream: String { "staff/\(employee)" }
}
