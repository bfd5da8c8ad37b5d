/// One command as the CLI lists it in `--help`.
public struct CommandDescription: Hashable, Sendable {
  /// The command name, such as `TransferStaff`.
  public let name: String
  /// The event type it records.
  public let eventType: String
  /// One line on what it records.
  public let summary: String
}

extension TransitionCommand {
  /// Every command with its event type and a one-line summary; fields: `fields(of:)`.
  public static let catalogue: [CommandDescription] = [
    (
      "RegisterOrganisation", OrganisationRegisteredV2.eventType,
      "Register a gemeente, GR, uitvoerder or other party."
    ),
    (
      "ChangeOrganisation", OrganisationChanged.eventType,
      "Record a change in how an organisation works."
    ),
    (
      "RegisterBody", BodyRegisteredV2.eventType,
      "Register a body: raad, college, commissie, OR, MT, stuurgroep …"
    ),
    (
      "RegisterDocument", DocumentRegisteredV2.eventType,
      "Register a document by its reference number."
    ),
    (
      "SubmitProposal", ProposalSubmitted.eventType,
      "Record a proposal from one body to others, with its dictum."
    ),
    (
      "RecordCommitteeConsideration", CommitteeConsidered.eventType,
      "Record that a committee discussed or advised."
    ),
    (
      "ProvideInformation", InformationProvided.eventType,
      "Record information given to bodies (raadsmemo, meeting …)."
    ),
    (
      "SubmitStakeholderPosition", StakeholderPositionSubmitted.eventType,
      "Record a stakeholder's position (OR, MT, Participatieraad)."
    ),
    (
      "SubmitZienswijze", ZienswijzeSubmitted.eventType, "Record a council's zienswijze on a draft."
    ),
    ("TakeDecision", DecisionTakenV2.eventType, "Record a decision, voorgenomen or definitief."),
    (
      "CorrectDecision", DecisionCorrected.eventType,
      "Patch fields of a recorded decision (needs corrects)."
    ),
    ("RevokeDecision", DecisionRevoked.eventType, "Record that a decision was revoked."),
    (
      "SupersedeDecision", DecisionSuperseded.eventType,
      "Record that a decision was replaced by another."
    ),
    (
      "RequestORAdvice", ORAdviceRequested.eventType,
      "Record a request for OR advice (art. 25 WOR)."
    ),
    (
      "RecordORAdvice", ORAdviceGivenV2.eventType,
      "Record the OR's advice (also negative on parts) or its absence."
    ),
    (
      "RegisterTransitionPlanVersion", TransitionPlanVersionRegistered.eventType,
      "Register a transitieplan version and its status."
    ),
    ("PlanMilestone", MilestonePlannedV2.eventType, "Plan a milestone for a day or a period."),
    (
      "ReplanMilestone", MilestoneReplannedV2.eventType,
      "Move a milestone's planned day or period, with a reason."
    ),
    ("AchieveMilestone", MilestoneAchieved.eventType, "Record that a milestone was reached."),
    (
      "InitialiseRiskRegister", RiskRegisterInitialised.eventType,
      "Set up a risk register with its risks."
    ),
    ("RecordRisk", RiskRecorded.eventType, "Record or update one risk."),
    (
      "RecordExternalContext", ExternalContextRecorded.eventType,
      "Record an outside fact (elections, national decisions)."
    ),
    (
      "RecordStaffBaseline", StaffBaselineRecorded.eventType,
      "Record the staff cohort with contract and allocated FTE."
    ),
    (
      "RecordPlacementStep", PlacementProcedureStep.eventType,
      "Record a step of the placement procedure."
    ),
    (
      "TransferStaff", StaffTransferred.eventType,
      "Move staff between employers (a batch of lines)."
    ),
    (
      "ReassignStaff", StaffReassigned.eventType,
      "Move cohort FTE to other work at the same employer."
    ),
    (
      "ChangeContract", ContractChangedV2.eventType,
      "Change FTE, hours, cao, function, scale or contract type; the cohort follows the FTE."
    ),
    (
      "StartSecondment", SecondmentStarted.eventType,
      "Second an employee to a host; employer unchanged."
    ),
    ("ExtendSecondment", SecondmentExtended.eventType, "Extend a running secondment."),
    ("EndSecondment", SecondmentEnded.eventType, "End a running secondment."),
    (
      "DeclareSurplus", SurplusDeclared.eventType, "Declare an employee surplus with a VWNW period."
    ),
    (
      "RecordDeparture", StaffDeparted.eventType,
      "Record that an employee left (effective = last working day)."
    ),
    (
      "RecordExternalHire", ExternalHireRecorded.eventType, "Record a hire from outside the cohort."
    ),
    (
      "TransferCaseload", CaseloadTransferred.eventType,
      "Record running trajectories moving (counts only)."
    ),
    (
      "RecordReferenceData", ReferenceDataRecorded.eventType,
      "Record a reference table as published."
    ),
    ("AgreeSocialPlan", SocialPlanAgreed.eventType, "Record an agreed sociaal plan."),
    ("RecordCostEstimate", CostEstimateRecorded.eventType, "Record a cost estimate."),
    ("RecordFunding", FundingRecorded.eventType, "Record a budget that pays and who holds it."),
    (
      "SetCostSharingKey", CostSharingKeySet.eventType,
      "Set a version of a cost-sharing key (sums to 100.00 %)."
    ),
    (
      "CorrectCostSharingKey", CostSharingKeyCorrected.eventType,
      "Correct a key version with a new one (needs corrects)."
    ),
    (
      "BookCosts", CostBookedV2.eventType,
      "Book cost lines, by key version or directly, optionally on a fund."
    ),
    (
      "CorrectCostBooking", CostBookingCorrected.eventType,
      "Book correcting lines on the original day (needs corrects)."
    ),
    ("AmendGR", GRAmended.eventType, "Record a GR amendment in force."),
    ("RecordGRMemberLeaving", GRMemberLeft.eventType, "Record a member leaving a GR."),
    ("DissolveGR", GRDissolved.eventType, "Record the dissolution of a GR."),
    (
      "ErasePersonalData", PersonalDataErased.eventType,
      "Record that a person's details were erased (use `transition people LOG forget`)."
    ),
    (
      "CreateFund", FundCreated.eventType,
      "Create a reserve or budget with an amount, held by an organisation."
    ),
    (
      "AuthoriseWithdrawal", WithdrawalAuthorised.eventType,
      "Authorise a withdrawal from a fund up to an amount, by a decision."
    ),
    (
      "RecordWorksCouncilAbsence", WorksCouncilAbsenceRecorded.eventType,
      "Record that an employer has no OR (yet), and whom it consults instead."
    ),
    (
      "RetractRecord", RecordRetracted.eventType,
      "Withdraw a record without replacement (needs corrects)."
    ),
    (
      "DeclareTransition", TransitionDeclared.eventType,
      "Declare the transition and the regional steps its participants decide."
    ),
    (
      "JoinTransition", ParticipantJoined.eventType,
      "Record that an organisation takes part from the effective day."
    ),
    (
      "EndOrganisation", OrganisationEnded.eventType,
      "Record that an organisation no longer exists from the effective day."
    ),
    (
      "MergeOrganisations", OrganisationsMerged.eventType,
      "Record a merger: predecessors, successor and the day."
    ),
    (
      "DisposeMotion", MotionDisposed.eventType,
      "Record that a motion (motie) was done (afgedaan)."
    ),
  ].map { CommandDescription(name: $0.0, eventType: $0.1, summary: $0.2) }

  /// Earlier versions of event types whose command now records a later version, with that
  /// command: records of them stay readable and can still be made (the example logs), but
  /// `record` and `--input` make the latest version.
  public static let earlierVersions: [(eventType: String, command: String)] = [
    (CostBooked.eventType, "BookCosts"), (ORAdviceGiven.eventType, "RecordORAdvice"),
    (ContractChanged.eventType, "ChangeContract"),
  ]
}
