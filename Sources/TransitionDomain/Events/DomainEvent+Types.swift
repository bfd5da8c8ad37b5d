extension DomainEvent {
  /// Every event type, in the order of DOMAIN.md 11.2 up to `RecordRetracted`, then the types
  /// added later in the order they were added (an index is kept in sidecars: append only).
  public static let payloadTypes: [any EventPayload.Type] = [
    OrganisationRegistered.self, OrganisationChanged.self, BodyRegistered.self,
    DocumentRegistered.self, ProposalSubmitted.self, CommitteeConsidered.self,
    InformationProvided.self, StakeholderPositionSubmitted.self, ZienswijzeSubmitted.self,
    DecisionTaken.self, DecisionCorrected.self, DecisionRevoked.self, DecisionSuperseded.self,
    ORAdviceRequested.self, ORAdviceGiven.self, TransitionPlanVersionRegistered.self,
    MilestonePlanned.self, MilestoneReplanned.self, MilestoneAchieved.self,
    RiskRegisterInitialised.self, RiskRecorded.self, ExternalContextRecorded.self,
    StaffBaselineRecorded.self, PlacementProcedureStep.self, StaffTransferred.self,
    StaffReassigned.self, ContractChanged.self, SecondmentStarted.self, SecondmentExtended.self,
    SecondmentEnded.self, SurplusDeclared.self, StaffDeparted.self, ExternalHireRecorded.self,
    CaseloadTransferred.self, ReferenceDataRecorded.self, SocialPlanAgreed.self,
    CostEstimateRecorded.self, FundingRecorded.self, CostSharingKeySet.self,
    CostSharingKeyCorrected.self, CostBooked.self, CostBookingCorrected.self, GRAmended.self,
    GRMemberLeft.self, GRDissolved.self, RecordRetracted.self,
    TransitionDeclared.self, ParticipantJoined.self, OrganisationRegisteredV2.self,
    OrganisationEnded.self, OrganisationsMerged.self, BodyRegisteredV2.self,
    DocumentRegisteredV2.self, DecisionTakenV2.self, MotionDisposed.self,
  ]
}
