/// A cost estimate, such as the first calculation of the frictiekosten.
public struct CostEstimateRecorded: EventPayload {
  public static let eventType = "CostEstimateRecorded.v1"
  /// The cost stream, such as "frictiekosten".
  public let costs: String
  /// The estimated total.
  public let amount: Money
  /// Estimated shares, when stated (such as HKK ≈ EUR 600,000).
  public let estimatedShares: [OrganisationAmount]
  /// How it was estimated.
  public let basis: String
  /// The intended coverage (dekking).
  public let funding: [FundingSource]
  public var stream: String { "costs/\(costs)" }
}

/// A budget that pays for the transition, and who holds it.
public struct FundingRecorded: EventPayload {
  public static let eventType = "FundingRecorded.v1"
  /// The budget.
  public let fund: FundingSource
  /// The organisation that receives and holds it (such as VLS as centrumgemeente).
  public let holder: OrganisationID
  /// The organisations it is for.
  public let beneficiaries: [OrganisationID]
  /// The amount, if known.
  public var amount: Money?
  /// The period, such as "structureel vanaf 2025".
  public let period: String
  public var stream: String { "funding/\(holder)" }
}

/// A version of a cost-sharing key (verdeelsleutel); shares sum to exactly 100.00 %.
public struct CostSharingKeySet: EventPayload {
  public static let eventType = "CostSharingKeySet.v1"
  /// The cost stream the key shares, such as "frictiekosten".
  public let costs: String
  /// The version number, from 1, unique per cost stream.
  public let version: Int
  /// The shares in the order used to break ties when splitting.
  public let shares: [KeyShare]
  /// The first day the version applies.
  public let validFrom: CalendarDay
  /// Its basis, such as "inwoners medio 2024".
  public let basis: String
  public var stream: String { "costs/\(costs)" }
}

/// A new key version that corrects an earlier one (envelope `corrects` names that record).
///
/// Compensating, not replacing: lines booked with the old version keep it and are re-allocated
/// by `CostBookingCorrected` lines; new lines use the new version.
public struct CostSharingKeyCorrected: EventPayload {
  public static let eventType = "CostSharingKeyCorrected.v1"
  /// The cost stream.
  public let costs: String
  /// The new version number.
  public let version: Int
  /// The version it corrects.
  public let correctsVersion: Int
  /// The new shares.
  public let shares: [KeyShare]
  /// The first day the new version applies (may be retroactive).
  public let validFrom: CalendarDay
  /// Its basis.
  public let basis: String
  /// Why the old version was wrong.
  public let reason: String
  public var stream: String { "costs/\(costs)" }
}

/// One booked cost line, charged to municipalities by a key version or directly.
public struct CostLine: Hashable, Sendable, Codable {
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
}

/// Cost lines were booked; each line's effective day is the record's effective day.
public struct CostBooked: EventPayload {
  public static let eventType = "CostBooked.v1"
  /// The cost stream, such as "frictiekosten".
  public let costs: String
  /// The lines.
  public let lines: [CostLine]
  public var stream: String { "costs/\(costs)" }
}

/// A correcting line: reverses and rebooks part of an earlier line, as a net delta.
public struct CostCorrectionLine: Hashable, Sendable, Codable {
  /// The correcting line's id, such as `K01-R`.
  public let line: CostLineID
  /// The line it corrects.
  public let corrects: CostLineID
  /// The change of the line's amount (0 for a pure re-allocation).
  public let amount: Money
  /// The allocation after the correction.
  public let allocation: CostAllocation
  /// The key version after the correction, for key allocation.
  public var keyVersion: Int?
  /// The change per municipality; sums to `amount`.
  public let charged: [OrganisationAmount]
  /// The budget that pays.
  public let funding: FundingSource
  /// The organisation whose administration books it.
  public let bookedBy: OrganisationID
}

/// Correcting lines for booked costs; the record keeps the corrected lines' effective day.
///
/// Compensating: the original lines stay and still count; the correcting lines add to them.
public struct CostBookingCorrected: EventPayload {
  public static let eventType = "CostBookingCorrected.v1"
  /// The cost stream.
  public let costs: String
  /// The correcting lines.
  public let lines: [CostCorrectionLine]
  /// Why.
  public let reason: String
  public var stream: String { "costs/\(costs)" }
}
