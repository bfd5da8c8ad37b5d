import Testing

@testable import TransitionDomain

@Suite("Event payload enum")
struct PayloadEnumTests {
  /// The stored order of the event types: sidecars and ledgers keep a type as its index here.
  static let storedOrder: [String] = [
    "OrganisationRegistered.v1",
    "OrganisationChanged.v1",
    "BodyRegistered.v1",
    "DocumentRegistered.v1",
    "ProposalSubmitted.v1",
    "CommitteeConsidered.v1",
    "InformationProvided.v1",
    "StakeholderPositionSubmitted.v1",
    "ZienswijzeSubmitted.v1",
    "DecisionTaken.v1",
    "DecisionCorrected.v1",
    "DecisionRevoked.v1",
    "DecisionSuperseded.v1",
    "ORAdviceRequested.v1",
    "ORAdviceGiven.v1",
    "TransitionPlanVersionRegistered.v1",
    "MilestonePlanned.v1",
    "MilestoneReplanned.v1",
    "MilestoneAchieved.v1",
    "RiskRegisterInitialised.v1",
    "RiskRecorded.v1",
    "ExternalContextRecorded.v1",
    "StaffBaselineRecorded.v1",
    "PlacementProcedureStep.v1",
    "StaffTransferred.v1",
    "StaffReassigned.v1",
    "ContractChanged.v1",
    "SecondmentStarted.v1",
    "SecondmentExtended.v1",
    "SecondmentEnded.v1",
    "SurplusDeclared.v1",
    "StaffDeparted.v1",
    "ExternalHireRecorded.v1",
    "CaseloadTransferred.v1",
    "ReferenceDataRecorded.v1",
    "SocialPlanAgreed.v1",
    "CostEstimateRecorded.v1",
    "FundingRecorded.v1",
    "CostSharingKeySet.v1",
    "CostSharingKeyCorrected.v1",
    "CostBooked.v1",
    "CostBookingCorrected.v1",
    "GRAmended.v1",
    "GRMemberLeft.v1",
    "GRDissolved.v1",
    "RecordRetracted.v1", "PersonalDataErased.v1",
    "MilestonePlanned.v2",
    "MilestoneReplanned.v2",
    "FundCreated.v1",
    "WithdrawalAuthorised.v1",
    "CostBooked.v2",
    "ORAdviceGiven.v2",
    "WorksCouncilAbsenceRecorded.v1",
    "ContractChanged.v2",
    "TransitionDeclared.v1",
    "ParticipantJoined.v1",
    "OrganisationRegistered.v2",
    "OrganisationEnded.v1",
    "OrganisationsMerged.v1",
    "BodyRegistered.v2",
    "DocumentRegistered.v2",
    "DecisionTaken.v2",
    "MotionDisposed.v1",
  ]

  @Test("the event types keep their stored order (new types go at the end)")
  func storedOrderKept() {
    #expect(DomainEvent.payloadTypes.map { $0.eventType } == Self.storedOrder)
  }

  @Test("each case wraps, unwraps and names its own struct", arguments: GoldenExamples.all)
  func caseMatchesStruct(event: DomainEvent) {
    let value = event.payload.value
    #expect(value.payloadCase == event.payload)
    #expect(event.payload.kind.payloadType == type(of: value))
    #expect(event.payload.kind.payloadType.eventType == event.eventType)
  }

  @Test("the examples cover every kind once")
  func everyKindCovered() {
    let kinds = GoldenExamples.all.map(\.payload.kind)
    #expect(Set(kinds) == Set(DomainEvent.Payload.Kind.allCases))
    #expect(kinds.count == DomainEvent.Payload.Kind.allCases.count)
  }
}
