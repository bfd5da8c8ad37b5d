/// An employee's contract changed (version 2); only the fields given change, and it is not a
/// move.
///
/// Unlike version 1, the cohort follows the contract: when the contract FTE falls below the
/// employee's cohort FTE, the cohort FTE falls with it, and the difference leaves the cohort
/// (the conservation view's bucket "contract reduced"). `cohortFTEAfter` sets a lower cohort
/// FTE explicitly; a version-1 change leaves the cohort as it was.
public struct ContractChangedV2: EventPayload {
  public static let eventType = "ContractChanged.v2"
  /// Who.
  public let employee: EmployeeID
  /// The employer, which must employ them on the effective day.
  public let employer: OrganisationID
  /// The contract FTE before, when the FTE changes.
  public var contractFTEBefore: FTE?
  /// The contract FTE after (at most 1.0000).
  public var contractFTEAfter: FTE?
  /// The cohort FTE after, when it falls by more than the contract (at most the contract FTE
  /// and the cohort FTE before); by default the lower of the two.
  public var cohortFTEAfter: FTE?
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

extension ContractChangedV2 {
  /// The contract fields of the change in the version-1 shape (the cohort cap is separate).
  public var contractFields: ContractChanged {
    ContractChanged(
      employee: employee, employer: employer, contractFTEBefore: contractFTEBefore,
      contractFTEAfter: contractFTEAfter, contractHoursAfter: contractHoursAfter,
      caoBefore: caoBefore, caoAfter: caoAfter, functionAfter: functionAfter,
      salaryScaleAfter: salaryScaleAfter, contractTypeAfter: contractTypeAfter,
      contractEndAfter: contractEndAfter, basis: basis, reason: reason)
  }

  /// The most cohort FTE the employee keeps after the change: `cohortFTEAfter`, else the new
  /// contract FTE; nil when the change sets neither (the cohort stays).
  public var cohortCap: FTE? {
    switch (cohortFTEAfter, contractFTEAfter) {
    case (let cohort?, let contract?): min(cohort, contract)
    case (let cohort?, nil): cohort
    case (nil, let contract?): contract
    case (nil, nil): nil
    }
  }
}
