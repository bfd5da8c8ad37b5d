/// How a record corrects an earlier one; the rules the "as corrected" views follow.
///
/// Nothing is ever edited or deleted. A correcting record names the earlier record by the
/// envelope field `corrects` (its `seq`) and gives a reason (`correctionReason` in the envelope,
/// and `reason` in the data where the type has one). "As originally recorded" views ignore
/// every record with `corrects`; "as corrected" views apply them in `seq` order:
///
/// | kind | correcting record | effect as corrected |
/// |---|---|---|
/// | replacement | same event type as the corrected record, in any version | its data and effective day replace the corrected record's; the corrected record no longer counts |
/// | patch | `DecisionCorrected.v1` on `DecisionTaken`, `ProposalSubmitted` or `PlacementProcedureStep` | the corrected record's data with `changes` applied (`FieldChange.field` is a path; use `Correction.patch`) |
/// | retraction | `RecordRetracted.v1` | the corrected record, and every replacement or patch of it, no longer counts |
/// | compensation | `CostBookingCorrected.v1` on `CostBooked` (v1 or v2); `CostSharingKeyCorrected.v1` on `CostSharingKeySet` | the corrected record still counts; the correcting lines add to it, and the new key version takes over from its `validFrom` |
///
/// A replacement of a replacement names the latest version. Correcting a retracted record is
/// refused. `DecisionRevoked` and `DecisionSuperseded` are not corrections: they are later legal
/// acts with their own effective day, and the revoked decision was in force until then.
public enum Correction: String, Hashable, Sendable, CaseIterable {
  case replacement, patch, retraction, compensation

  /// The kind of correction `correctingType` makes to a record of `correctedType`, or nil when
  /// that pair is not a valid correction.
  public static func kind(of correctingType: String, correcting correctedType: String)
    -> Correction?
  {
    switch correctingType {
    case RecordRetracted.eventType:
      return correctedType == RecordRetracted.eventType ? nil : .retraction
    case DecisionCorrected.eventType:
      let patchable = [
        DecisionTaken.eventType, DecisionTakenV2.eventType, ProposalSubmitted.eventType,
        PlacementProcedureStep.eventType,
      ]
      return patchable.contains(correctedType) ? .patch : nil
    case CostBookingCorrected.eventType:
      return [CostBooked.eventType, CostBookedV2.eventType].contains(correctedType)
        ? .compensation : nil
    case CostSharingKeyCorrected.eventType:
      return [CostSharingKeySet.eventType, CostSharingKeyCorrected.eventType].contains(
        correctedType)
        ? .compensation : nil
    default:
      return baseName(correctingType) == baseName(correctedType) ? .replacement : nil
    }
  }

  /// The type name without its version: `CostBooked` for `CostBooked.v2`.
  static func baseName(_ eventType: String) -> Substring {
    guard let dot = eventType.lastIndex(of: "."), eventType[dot...].hasPrefix(".v") else {
      return eventType[...]
    }
    return eventType[..<dot]
  }
}
