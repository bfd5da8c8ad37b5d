extension IdentifierKinds {
  /// Marks fund (reserve or budget) ids.
  public enum Fund: IdentifierKind {}
  /// Marks authorised withdrawal ids.
  public enum Withdrawal: IdentifierKind {}
}

/// A reserve or budget held by one organisation: `RES-TRANSITIE-GEM-A`.
public typealias FundID = Identifier<IdentifierKinds.Fund>
/// An authorised withdrawal from a fund; the examples use the id of the authorising decision.
public typealias WithdrawalID = Identifier<IdentifierKinds.Withdrawal>

/// A council created a reserve (bestemmingsreserve) or budget with an amount.
///
/// The amount is what the fund holds from the effective day on; withdrawals are authorised by
/// `WithdrawalAuthorised` and spent by `CostBooked.v2` lines that name the fund.
public struct FundCreated: EventPayload {
  public static let eventType = "FundCreated.v1"
  /// The fund's id, such as "RES-TRANSITIE-A".
  public let fund: FundID
  /// Its name as the source gives it, such as "bestemmingsreserve transitie".
  public let name: String
  /// What kind of fund, in the source's words, such as "bestemmingsreserve" or "budget".
  public let kind: String
  /// The organisation that holds it (its council decides on withdrawals).
  public let holder: OrganisationID
  /// The amount put in the fund.
  public let amount: Money
  /// The decision that created it, if recorded.
  public var decision: DecisionID?
  /// What it is for.
  public let purpose: String
  public var stream: String { "fund/\(fund)" }
}

/// A decision authorised a withdrawal from a fund up to an amount (onttrekking).
///
/// Bookings that draw on it name it (`withdrawal` of a `CostBooked.v2` line); the audit flags
/// bookings above the amount and bookings on the fund that name no authorised withdrawal.
public struct WithdrawalAuthorised: EventPayload {
  public static let eventType = "WithdrawalAuthorised.v1"
  /// The withdrawal's id, such as the authorising decision's id "GEM-A-RB-2026-14".
  public let withdrawal: WithdrawalID
  /// The fund it draws on.
  public let fund: FundID
  /// The most that may be withdrawn.
  public let amount: Money
  /// The decision that authorises it.
  public let decision: DecisionID
  /// What it may be spent on.
  public let purpose: String
  public var stream: String { "fund/\(fund)" }
}

/// One booked cost line (version 2): a `CostLine` that may be charged to a fund.
public struct FundedCostLine: Hashable, Sendable, Codable {
  /// The line id, such as `K01`.
  public let line: CostLineID
  /// The category.
  public let category: CostCategory
  /// What the cost is for.
  public let description: String
  /// The amount of the line.
  public let amount: Money
  /// Shared by key or direct.
  public let allocation: CostAllocation
  /// For key allocation: the key version used.
  public var keyVersion: Int?
  /// The amounts charged per municipality; they sum to `amount`.
  public let charged: [OrganisationAmount]
  /// The budget that pays.
  public let funding: FundingSource
  /// The organisation whose administration books it.
  public let bookedBy: OrganisationID
  /// The fund (reserve or budget) the whole line is charged to, if any.
  public var fund: FundID?
  /// The authorised withdrawal of that fund the line draws on, if any.
  public var withdrawal: WithdrawalID?
}

extension FundedCostLine {
  /// A version-1 line read as a version-2 line: no fund, no withdrawal.
  public init(_ line: CostLine) {
    self.init(
      line: line.line, category: line.category, description: line.description,
      amount: line.amount, allocation: line.allocation, keyVersion: line.keyVersion,
      charged: line.charged, funding: line.funding, bookedBy: line.bookedBy, fund: nil,
      withdrawal: nil)
  }

  /// The line without its fund, as the version-1 rules read it.
  public var costLine: CostLine {
    CostLine(
      line: line, category: category, description: description, amount: amount,
      allocation: allocation, keyVersion: keyVersion, charged: charged, funding: funding,
      bookedBy: bookedBy)
  }
}

/// Cost lines were booked (version 2: a line may be charged to a fund and a withdrawal).
///
/// `CostBooked.v1` records are read as this shape with no fund (`init(_:)`).
public struct CostBookedV2: EventPayload {
  public static let eventType = "CostBooked.v2"
  /// The cost stream, such as "frictiekosten".
  public let costs: String
  /// The lines.
  public let lines: [FundedCostLine]
  public var stream: String { "costs/\(costs)" }
}

extension CostBookedV2 {
  /// A version-1 booking in the version-2 shape.
  public init(_ booked: CostBooked) {
    self.init(costs: booked.costs, lines: booked.lines.map(FundedCostLine.init))
  }

  /// The booking of `event` in the version-2 shape, or nil when it is no cost booking.
  public static func reading(_ payload: any EventPayload) -> CostBookedV2? {
    switch payload {
    case let event as CostBookedV2: event
    case let event as CostBooked: CostBookedV2(event)
    default: nil
    }
  }
}
