extension DomainEvent {
  /// The typed data of an event: one case per event type and version.
  ///
  /// The one list of event types. `switch` on it without `default:` so that a new event type
  /// makes the compiler name every place that has to decide what the type means. Cases are
  /// boxed (`indirect`), so a payload costs one reference whatever the struct's size.
  public indirect enum Payload: Equatable, Sendable {
    /// The `OrganisationRegistered` event.
    case organisationRegistered(OrganisationRegistered)
    /// The `OrganisationChanged` event.
    case organisationChanged(OrganisationChanged)
    /// The `BodyRegistered` event.
    case bodyRegistered(BodyRegistered)
    /// The `DocumentRegistered` event.
    case documentRegistered(DocumentRegistered)
    /// The `ProposalSubmitted` event.
    case proposalSubmitted(ProposalSubmitted)
    /// The `CommitteeConsidered` event.
    case committeeConsidered(CommitteeConsidered)
    /// The `InformationProvided` event.
    case informationProvided(InformationProvided)
    /// The `StakeholderPositionSubmitted` event.
    case stakeholderPositionSubmitted(StakeholderPositionSubmitted)
    /// The `ZienswijzeSubmitted` event.
    case zienswijzeSubmitted(ZienswijzeSubmitted)
    /// The `DecisionTaken` event.
    case decisionTaken(DecisionTaken)
    /// The `DecisionCorrected` event.
    case decisionCorrected(DecisionCorrected)
    /// The `DecisionRevoked` event.
    case decisionRevoked(DecisionRevoked)
    /// The `DecisionSuperseded` event.
    case decisionSuperseded(DecisionSuperseded)
    /// The `ORAdviceRequested` event.
    case orAdviceRequested(ORAdviceRequested)
    /// The `ORAdviceGiven` event.
    case orAdviceGiven(ORAdviceGiven)
    /// The `TransitionPlanVersionRegistered` event.
    case transitionPlanVersionRegistered(TransitionPlanVersionRegistered)
    /// The `MilestonePlanned` event.
    case milestonePlanned(MilestonePlanned)
    /// The `MilestonePlanned.v2` event.
    case milestonePlannedV2(MilestonePlannedV2)
    /// The `MilestoneReplanned` event.
    case milestoneReplanned(MilestoneReplanned)
    /// The `MilestoneReplanned.v2` event.
    case milestoneReplannedV2(MilestoneReplannedV2)
    /// The `MilestoneAchieved` event.
    case milestoneAchieved(MilestoneAchieved)
    /// The `RiskRegisterInitialised` event.
    case riskRegisterInitialised(RiskRegisterInitialised)
    /// The `RiskRecorded` event.
    case riskRecorded(RiskRecorded)
    /// The `ExternalContextRecorded` event.
    case externalContextRecorded(ExternalContextRecorded)
    /// The `StaffBaselineRecorded` event.
    case staffBaselineRecorded(StaffBaselineRecorded)
    /// The `PlacementProcedureStep` event.
    case placementProcedureStep(PlacementProcedureStep)
    /// The `StaffTransferred` event.
    case staffTransferred(StaffTransferred)
    /// The `StaffReassigned` event.
    case staffReassigned(StaffReassigned)
    /// The `ContractChanged` event.
    case contractChanged(ContractChanged)
    /// The `SecondmentStarted` event.
    case secondmentStarted(SecondmentStarted)
    /// The `SecondmentExtended` event.
    case secondmentExtended(SecondmentExtended)
    /// The `SecondmentEnded` event.
    case secondmentEnded(SecondmentEnded)
    /// The `SurplusDeclared` event.
    case surplusDeclared(SurplusDeclared)
    /// The `StaffDeparted` event.
    case staffDeparted(StaffDeparted)
    /// The `ExternalHireRecorded` event.
    case externalHireRecorded(ExternalHireRecorded)
    /// The `CaseloadTransferred` event.
    case caseloadTransferred(CaseloadTransferred)
    /// The `ReferenceDataRecorded` event.
    case referenceDataRecorded(ReferenceDataRecorded)
    /// The `SocialPlanAgreed` event.
    case socialPlanAgreed(SocialPlanAgreed)
    /// The `CostEstimateRecorded` event.
    case costEstimateRecorded(CostEstimateRecorded)
    /// The `FundingRecorded` event.
    case fundingRecorded(FundingRecorded)
    /// The `CostSharingKeySet` event.
    case costSharingKeySet(CostSharingKeySet)
    /// The `CostSharingKeyCorrected` event.
    case costSharingKeyCorrected(CostSharingKeyCorrected)
    /// The `CostBooked` event.
    case costBooked(CostBooked)
    /// The `CostBookingCorrected` event.
    case costBookingCorrected(CostBookingCorrected)
    /// The `GRAmended` event.
    case grAmended(GRAmended)
    /// The `GRMemberLeft` event.
    case grMemberLeft(GRMemberLeft)
    /// The `GRDissolved` event.
    case grDissolved(GRDissolved)
    /// The `RecordRetracted` event.
    case recordRetracted(RecordRetracted)
    /// The `PersonalDataErased` event.
    case personalDataErased(PersonalDataErased)
    /// The `FundCreated` event (issue 19).
    case fundCreated(FundCreated)
    /// The `WithdrawalAuthorised` event (issue 19).
    case withdrawalAuthorised(WithdrawalAuthorised)
    /// The `CostBookedV2` event (issue 19).
    case costBookedV2(CostBookedV2)
    /// The `ORAdviceGivenV2` event (issue 19).
    case orAdviceGivenV2(ORAdviceGivenV2)
    /// The `WorksCouncilAbsenceRecorded` event (issue 19).
    case worksCouncilAbsenceRecorded(WorksCouncilAbsenceRecorded)
    /// The `ContractChangedV2` event (issue 19).
    case contractChangedV2(ContractChangedV2)
    /// The `TransitionDeclared.v1` event (issue 19).
    case transitionDeclared(TransitionDeclared)
    /// The `ParticipantJoined.v1` event (issue 19).
    case participantJoined(ParticipantJoined)
    /// The `OrganisationRegistered.v2` event (issue 19).
    case organisationRegisteredV2(OrganisationRegisteredV2)
    /// The `OrganisationEnded.v1` event (issue 19).
    case organisationEnded(OrganisationEnded)
    /// The `OrganisationsMerged.v1` event (issue 19).
    case organisationsMerged(OrganisationsMerged)
    /// The `BodyRegistered.v2` event (issue 19).
    case bodyRegisteredV2(BodyRegisteredV2)
    /// The `DocumentRegistered.v2` event (issue 19).
    case documentRegisteredV2(DocumentRegisteredV2)
    /// The `DecisionTaken.v2` event (issue 19).
    case decisionTakenV2(DecisionTakenV2)
    /// The `MotionDisposed.v1` event (issue 19).
    case motionDisposed(MotionDisposed)

    /// The payload as its struct, for what every payload has (stream, encoding).
    public var value: any EventPayload {
      switch self {
      case .organisationRegistered(let event): event
      case .organisationChanged(let event): event
      case .bodyRegistered(let event): event
      case .documentRegistered(let event): event
      case .proposalSubmitted(let event): event
      case .committeeConsidered(let event): event
      case .informationProvided(let event): event
      case .stakeholderPositionSubmitted(let event): event
      case .zienswijzeSubmitted(let event): event
      case .decisionTaken(let event): event
      case .decisionCorrected(let event): event
      case .decisionRevoked(let event): event
      case .decisionSuperseded(let event): event
      case .orAdviceRequested(let event): event
      case .orAdviceGiven(let event): event
      case .transitionPlanVersionRegistered(let event): event
      case .milestonePlanned(let event): event
      case .milestonePlannedV2(let event): event
      case .milestoneReplanned(let event): event
      case .milestoneReplannedV2(let event): event
      case .milestoneAchieved(let event): event
      case .riskRegisterInitialised(let event): event
      case .riskRecorded(let event): event
      case .externalContextRecorded(let event): event
      case .staffBaselineRecorded(let event): event
      case .placementProcedureStep(let event): event
      case .staffTransferred(let event): event
      case .staffReassigned(let event): event
      case .contractChanged(let event): event
      case .secondmentStarted(let event): event
      case .secondmentExtended(let event): event
      case .secondmentEnded(let event): event
      case .surplusDeclared(let event): event
      case .staffDeparted(let event): event
      case .externalHireRecorded(let event): event
      case .caseloadTransferred(let event): event
      case .referenceDataRecorded(let event): event
      case .socialPlanAgreed(let event): event
      case .costEstimateRecorded(let event): event
      case .fundingRecorded(let event): event
      case .costSharingKeySet(let event): event
      case .costSharingKeyCorrected(let event): event
      case .costBooked(let event): event
      case .costBookingCorrected(let event): event
      case .grAmended(let event): event
      case .grMemberLeft(let event): event
      case .grDissolved(let event): event
      case .recordRetracted(let event): event
      case .personalDataErased(let event): event
      case .fundCreated(let event): event
      case .withdrawalAuthorised(let event): event
      case .costBookedV2(let event): event
      case .orAdviceGivenV2(let event): event
      case .worksCouncilAbsenceRecorded(let event): event
      case .contractChangedV2(let event): event
      case .transitionDeclared(let event): event
      case .participantJoined(let event): event
      case .organisationRegisteredV2(let event): event
      case .organisationEnded(let event): event
      case .organisationsMerged(let event): event
      case .bodyRegisteredV2(let event): event
      case .documentRegisteredV2(let event): event
      case .decisionTakenV2(let event): event
      case .motionDisposed(let event): event
      }
    }

    /// Which type the payload is.
    public var kind: Kind {
      switch self {
      case .organisationRegistered: .organisationRegistered
      case .organisationChanged: .organisationChanged
      case .bodyRegistered: .bodyRegistered
      case .documentRegistered: .documentRegistered
      case .proposalSubmitted: .proposalSubmitted
      case .committeeConsidered: .committeeConsidered
      case .informationProvided: .informationProvided
      case .stakeholderPositionSubmitted: .stakeholderPositionSubmitted
      case .zienswijzeSubmitted: .zienswijzeSubmitted
      case .decisionTaken: .decisionTaken
      case .decisionCorrected: .decisionCorrected
      case .decisionRevoked: .decisionRevoked
      case .decisionSuperseded: .decisionSuperseded
      case .orAdviceRequested: .orAdviceRequested
      case .orAdviceGiven: .orAdviceGiven
      case .transitionPlanVersionRegistered: .transitionPlanVersionRegistered
      case .milestonePlanned: .milestonePlanned
      case .milestonePlannedV2: .milestonePlannedV2
      case .milestoneReplanned: .milestoneReplanned
      case .milestoneReplannedV2: .milestoneReplannedV2
      case .milestoneAchieved: .milestoneAchieved
      case .riskRegisterInitialised: .riskRegisterInitialised
      case .riskRecorded: .riskRecorded
      case .externalContextRecorded: .externalContextRecorded
      case .staffBaselineRecorded: .staffBaselineRecorded
      case .placementProcedureStep: .placementProcedureStep
      case .staffTransferred: .staffTransferred
      case .staffReassigned: .staffReassigned
      case .contractChanged: .contractChanged
      case .secondmentStarted: .secondmentStarted
      case .secondmentExtended: .secondmentExtended
      case .secondmentEnded: .secondmentEnded
      case .surplusDeclared: .surplusDeclared
      case .staffDeparted: .staffDeparted
      case .externalHireRecorded: .externalHireRecorded
      case .caseloadTransferred: .caseloadTransferred
      case .referenceDataRecorded: .referenceDataRecorded
      case .socialPlanAgreed: .socialPlanAgreed
      case .costEstimateRecorded: .costEstimateRecorded
      case .fundingRecorded: .fundingRecorded
      case .costSharingKeySet: .costSharingKeySet
      case .costSharingKeyCorrected: .costSharingKeyCorrected
      case .costBooked: .costBooked
      case .costBookingCorrected: .costBookingCorrected
      case .grAmended: .grAmended
      case .grMemberLeft: .grMemberLeft
      case .grDissolved: .grDissolved
      case .recordRetracted: .recordRetracted
      case .personalDataErased: .personalDataErased
      case .fundCreated: .fundCreated
      case .withdrawalAuthorised: .withdrawalAuthorised
      case .costBookedV2: .costBookedV2
      case .orAdviceGivenV2: .orAdviceGivenV2
      case .worksCouncilAbsenceRecorded: .worksCouncilAbsenceRecorded
      case .contractChangedV2: .contractChangedV2
      case .transitionDeclared: .transitionDeclared
      case .participantJoined: .participantJoined
      case .organisationRegisteredV2: .organisationRegisteredV2
      case .organisationEnded: .organisationEnded
      case .organisationsMerged: .organisationsMerged
      case .bodyRegisteredV2: .bodyRegisteredV2
      case .documentRegisteredV2: .documentRegisteredV2
      case .decisionTakenV2: .decisionTakenV2
      case .motionDisposed: .motionDisposed
      }
    }

    /// The event types without their data.
    ///
    /// In the order of DOMAIN.md 11.2 up to `RecordRetracted`, then newer ones. The order is
    /// stored (a type's index in sidecars and ledgers): add new types at the end.
    public enum Kind: CaseIterable, Hashable, Sendable {
      /// `OrganisationRegistered`.
      case organisationRegistered
      /// `OrganisationChanged`.
      case organisationChanged
      /// `BodyRegistered`.
      case bodyRegistered
      /// `DocumentRegistered`.
      case documentRegistered
      /// `ProposalSubmitted`.
      case proposalSubmitted
      /// `CommitteeConsidered`.
      case committeeConsidered
      /// `InformationProvided`.
      case informationProvided
      /// `StakeholderPositionSubmitted`.
      case stakeholderPositionSubmitted
      /// `ZienswijzeSubmitted`.
      case zienswijzeSubmitted
      /// `DecisionTaken`.
      case decisionTaken
      /// `DecisionCorrected`.
      case decisionCorrected
      /// `DecisionRevoked`.
      case decisionRevoked
      /// `DecisionSuperseded`.
      case decisionSuperseded
      /// `ORAdviceRequested`.
      case orAdviceRequested
      /// `ORAdviceGiven`.
      case orAdviceGiven
      /// `TransitionPlanVersionRegistered`.
      case transitionPlanVersionRegistered
      /// `MilestonePlanned`.
      case milestonePlanned
      /// `MilestoneReplanned`.
      case milestoneReplanned
      /// `MilestoneAchieved`.
      case milestoneAchieved
      /// `RiskRegisterInitialised`.
      case riskRegisterInitialised
      /// `RiskRecorded`.
      case riskRecorded
      /// `ExternalContextRecorded`.
      case externalContextRecorded
      /// `StaffBaselineRecorded`.
      case staffBaselineRecorded
      /// `PlacementProcedureStep`.
      case placementProcedureStep
      /// `StaffTransferred`.
      case staffTransferred
      /// `StaffReassigned`.
      case staffReassigned
      /// `ContractChanged`.
      case contractChanged
      /// `SecondmentStarted`.
      case secondmentStarted
      /// `SecondmentExtended`.
      case secondmentExtended
      /// `SecondmentEnded`.
      case secondmentEnded
      /// `SurplusDeclared`.
      case surplusDeclared
      /// `StaffDeparted`.
      case staffDeparted
      /// `ExternalHireRecorded`.
      case externalHireRecorded
      /// `CaseloadTransferred`.
      case caseloadTransferred
      /// `ReferenceDataRecorded`.
      case referenceDataRecorded
      /// `SocialPlanAgreed`.
      case socialPlanAgreed
      /// `CostEstimateRecorded`.
      case costEstimateRecorded
      /// `FundingRecorded`.
      case fundingRecorded
      /// `CostSharingKeySet`.
      case costSharingKeySet
      /// `CostSharingKeyCorrected`.
      case costSharingKeyCorrected
      /// `CostBooked`.
      case costBooked
      /// `CostBookingCorrected`.
      case costBookingCorrected
      /// `GRAmended`.
      case grAmended
      /// `GRMemberLeft`.
      case grMemberLeft
      /// `GRDissolved`.
      case grDissolved
      /// `RecordRetracted`.
      case recordRetracted
      /// `PersonalDataErased` (issue 17), after `RecordRetracted`: new kinds go last, since the
      /// order is stored.
      case personalDataErased
      /// `MilestonePlanned.v2`.
      case milestonePlannedV2
      /// `MilestoneReplanned.v2`.
      case milestoneReplannedV2
      /// `FundCreated` (issue 19).
      case fundCreated
      /// `WithdrawalAuthorised` (issue 19).
      case withdrawalAuthorised
      /// `CostBookedV2` (issue 19).
      case costBookedV2
      /// `ORAdviceGivenV2` (issue 19).
      case orAdviceGivenV2
      /// `WorksCouncilAbsenceRecorded` (issue 19).
      case worksCouncilAbsenceRecorded
      /// `ContractChangedV2` (issue 19).
      case contractChangedV2
      /// `TransitionDeclared.v1` (issue 19).
      case transitionDeclared
      /// `ParticipantJoined.v1` (issue 19).
      case participantJoined
      /// `OrganisationRegistered.v2` (issue 19).
      case organisationRegisteredV2
      /// `OrganisationEnded.v1` (issue 19).
      case organisationEnded
      /// `OrganisationsMerged.v1` (issue 19).
      case organisationsMerged
      /// `BodyRegistered.v2` (issue 19).
      case bodyRegisteredV2
      /// `DocumentRegistered.v2` (issue 19).
      case documentRegisteredV2
      /// `DecisionTaken.v2` (issue 19).
      case decisionTakenV2
      /// `MotionDisposed.v1` (issue 19).
      case motionDisposed

      /// The struct of this type.
      public var payloadType: any EventPayload.Type {
        switch self {
        case .organisationRegistered: OrganisationRegistered.self
        case .organisationChanged: OrganisationChanged.self
        case .bodyRegistered: BodyRegistered.self
        case .documentRegistered: DocumentRegistered.self
        case .proposalSubmitted: ProposalSubmitted.self
        case .committeeConsidered: CommitteeConsidered.self
        case .informationProvided: InformationProvided.self
        case .stakeholderPositionSubmitted: StakeholderPositionSubmitted.self
        case .zienswijzeSubmitted: ZienswijzeSubmitted.self
        case .decisionTaken: DecisionTaken.self
        case .decisionCorrected: DecisionCorrected.self
        case .decisionRevoked: DecisionRevoked.self
        case .decisionSuperseded: DecisionSuperseded.self
        case .orAdviceRequested: ORAdviceRequested.self
        case .orAdviceGiven: ORAdviceGiven.self
        case .transitionPlanVersionRegistered: TransitionPlanVersionRegistered.self
        case .milestonePlanned: MilestonePlanned.self
        case .milestonePlannedV2: MilestonePlannedV2.self
        case .milestoneReplanned: MilestoneReplanned.self
        case .milestoneReplannedV2: MilestoneReplannedV2.self
        case .milestoneAchieved: MilestoneAchieved.self
        case .riskRegisterInitialised: RiskRegisterInitialised.self
        case .riskRecorded: RiskRecorded.self
        case .externalContextRecorded: ExternalContextRecorded.self
        case .staffBaselineRecorded: StaffBaselineRecorded.self
        case .placementProcedureStep: PlacementProcedureStep.self
        case .staffTransferred: StaffTransferred.self
        case .staffReassigned: StaffReassigned.self
        case .contractChanged: ContractChanged.self
        case .secondmentStarted: SecondmentStarted.self
        case .secondmentExtended: SecondmentExtended.self
        case .secondmentEnded: SecondmentEnded.self
        case .surplusDeclared: SurplusDeclared.self
        case .staffDeparted: StaffDeparted.self
        case .externalHireRecorded: ExternalHireRecorded.self
        case .caseloadTransferred: CaseloadTransferred.self
        case .referenceDataRecorded: ReferenceDataRecorded.self
        case .socialPlanAgreed: SocialPlanAgreed.self
        case .costEstimateRecorded: CostEstimateRecorded.self
        case .fundingRecorded: FundingRecorded.self
        case .costSharingKeySet: CostSharingKeySet.self
        case .costSharingKeyCorrected: CostSharingKeyCorrected.self
        case .costBooked: CostBooked.self
        case .costBookingCorrected: CostBookingCorrected.self
        case .grAmended: GRAmended.self
        case .grMemberLeft: GRMemberLeft.self
        case .grDissolved: GRDissolved.self
        case .recordRetracted: RecordRetracted.self
        case .personalDataErased: PersonalDataErased.self
        case .fundCreated: FundCreated.self
        case .withdrawalAuthorised: WithdrawalAuthorised.self
        case .costBookedV2: CostBookedV2.self
        case .orAdviceGivenV2: ORAdviceGivenV2.self
        case .worksCouncilAbsenceRecorded: WorksCouncilAbsenceRecorded.self
        case .contractChangedV2: ContractChangedV2.self
        case .transitionDeclared: TransitionDeclared.self
        case .participantJoined: ParticipantJoined.self
        case .organisationRegisteredV2: OrganisationRegisteredV2.self
        case .organisationEnded: OrganisationEnded.self
        case .organisationsMerged: OrganisationsMerged.self
        case .bodyRegisteredV2: BodyRegisteredV2.self
        case .documentRegisteredV2: DocumentRegisteredV2.self
        case .decisionTakenV2: DecisionTakenV2.self
        case .motionDisposed: MotionDisposed.self
        }
      }
    }
  }

  /// Every event type, in the order of `Payload.Kind` (DOMAIN.md 11.2 up to `RecordRetracted`,
  /// then newer types and versions in the order they were added).
  public static let payloadTypes: [any EventPayload.Type] = Payload.Kind.allCases.map(\.payloadType)
}

extension OrganisationRegistered {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .organisationRegistered(self) }
}

extension OrganisationChanged {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .organisationChanged(self) }
}

extension BodyRegistered {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .bodyRegistered(self) }
}

extension DocumentRegistered {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .documentRegistered(self) }
}

extension ProposalSubmitted {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .proposalSubmitted(self) }
}

extension CommitteeConsidered {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .committeeConsidered(self) }
}

extension InformationProvided {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .informationProvided(self) }
}

extension StakeholderPositionSubmitted {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .stakeholderPositionSubmitted(self) }
}

extension ZienswijzeSubmitted {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .zienswijzeSubmitted(self) }
}

extension DecisionTaken {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .decisionTaken(self) }
}

extension DecisionCorrected {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .decisionCorrected(self) }
}

extension DecisionRevoked {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .decisionRevoked(self) }
}

extension DecisionSuperseded {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .decisionSuperseded(self) }
}

extension ORAdviceRequested {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .orAdviceRequested(self) }
}

extension ORAdviceGiven {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .orAdviceGiven(self) }
}

extension TransitionPlanVersionRegistered {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .transitionPlanVersionRegistered(self) }
}

extension MilestonePlanned {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .milestonePlanned(self) }
}

extension MilestoneReplanned {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .milestoneReplanned(self) }
}

extension MilestonePlannedV2 {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .milestonePlannedV2(self) }
}

extension MilestoneReplannedV2 {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .milestoneReplannedV2(self) }
}

extension MilestoneAchieved {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .milestoneAchieved(self) }
}

extension RiskRegisterInitialised {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .riskRegisterInitialised(self) }
}

extension RiskRecorded {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .riskRecorded(self) }
}

extension ExternalContextRecorded {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .externalContextRecorded(self) }
}

extension StaffBaselineRecorded {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .staffBaselineRecorded(self) }
}

extension PlacementProcedureStep {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .placementProcedureStep(self) }
}

extension StaffTransferred {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .staffTransferred(self) }
}

extension StaffReassigned {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .staffReassigned(self) }
}

extension ContractChanged {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .contractChanged(self) }
}

extension SecondmentStarted {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .secondmentStarted(self) }
}

extension SecondmentExtended {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .secondmentExtended(self) }
}

extension SecondmentEnded {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .secondmentEnded(self) }
}

extension SurplusDeclared {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .surplusDeclared(self) }
}

extension StaffDeparted {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .staffDeparted(self) }
}

extension ExternalHireRecorded {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .externalHireRecorded(self) }
}

extension CaseloadTransferred {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .caseloadTransferred(self) }
}

extension ReferenceDataRecorded {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .referenceDataRecorded(self) }
}

extension SocialPlanAgreed {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .socialPlanAgreed(self) }
}

extension CostEstimateRecorded {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .costEstimateRecorded(self) }
}

extension FundingRecorded {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .fundingRecorded(self) }
}

extension CostSharingKeySet {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .costSharingKeySet(self) }
}

extension CostSharingKeyCorrected {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .costSharingKeyCorrected(self) }
}

extension CostBooked {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .costBooked(self) }
}

extension CostBookingCorrected {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .costBookingCorrected(self) }
}

extension GRAmended {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .grAmended(self) }
}

extension GRMemberLeft {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .grMemberLeft(self) }
}

extension GRDissolved {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .grDissolved(self) }
}

extension RecordRetracted {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .recordRetracted(self) }
}

extension PersonalDataErased {
  /// This event as a `DomainEvent.Payload` case.
  public var payloadCase: DomainEvent.Payload { .personalDataErased(self) }
}

extension FundCreated {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .fundCreated(self) }
}

extension WithdrawalAuthorised {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .withdrawalAuthorised(self) }
}

extension CostBookedV2 {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .costBookedV2(self) }
}

extension ORAdviceGivenV2 {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .orAdviceGivenV2(self) }
}

extension WorksCouncilAbsenceRecorded {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .worksCouncilAbsenceRecorded(self) }
}

extension ContractChangedV2 {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .contractChangedV2(self) }
}

extension TransitionDeclared {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .transitionDeclared(self) }
}

extension ParticipantJoined {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .participantJoined(self) }
}

extension OrganisationRegisteredV2 {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .organisationRegisteredV2(self) }
}

extension OrganisationEnded {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .organisationEnded(self) }
}

extension OrganisationsMerged {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .organisationsMerged(self) }
}

extension BodyRegisteredV2 {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .bodyRegisteredV2(self) }
}

extension DocumentRegisteredV2 {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .documentRegisteredV2(self) }
}

extension DecisionTakenV2 {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .decisionTakenV2(self) }
}

extension MotionDisposed {
  /// This event as a `DomainEvent.Payload`.
  public var payloadCase: DomainEvent.Payload { .motionDisposed(self) }
}
