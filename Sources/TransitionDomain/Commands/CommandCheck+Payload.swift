extension CommandCheck {
  /// The checks specific to the command's event type.
  func payload() throws(Refusal) {
    switch command.event.payload {
    case let event as OrganisationRegistered:
      for member in event.members { try organisation(member) }
      if event.kind == .gemeenschappelijkeRegeling, event.members.count < 2 {
        throw .tooFewMembers(arrangement: event.organisation, members: event.members, day: day)
      }
    case let event as OrganisationChanged: try organisation(event.organisation)
    case let event as BodyRegistered:
      for id in event.organisations { try organisation(id) }
    case let event as BodyRegisteredV2:
      for id in event.organisations { try organisation(id) }
    case let event as DocumentRegistered: try organisation(event.organisation)
    case let event as DocumentRegisteredV2: try organisation(event.organisation)
    case let event as OrganisationRegisteredV2:
      for member in event.members { try organisation(member) }
      if event.knownKind == .gemeenschappelijkeRegeling, event.members.count < 2 {
        throw .tooFewMembers(arrangement: event.organisation, members: event.members, day: day)
      }
      if let start = event.startsOn, let end = event.endsOn, end <= start {
        throw .invalidInput(
          command: verb,
          problem: "'endsOn' \(end) is not after 'startsOn' \(start); an organisation exists"
            + " from startsOn up to the day before endsOn")
      }
    case let event as OrganisationEnded: try ended(event)
    case let event as OrganisationsMerged: try merger(event)
    case let event as TransitionDeclared: try declaration(event)
    case let event as ParticipantJoined: try joining(event)
    case let event as MotionDisposed: try disposal(event)
    case let event as ProposalSubmitted:
      try body(event.from)
      for id in event.to { try body(id) }
      if let via = event.via { try body(via) }
    case let event as CommitteeConsidered:
      try body(event.committee)
      if let advised = event.advises { try body(advised) }
    case let event as InformationProvided:
      for id in event.from + event.to { try body(id) }
    case let event as StakeholderPositionSubmitted:
      for id in event.from + event.to { try body(id) }
    case let event as ZienswijzeSubmitted:
      try body(event.raad)
      try body(event.to)
    case let event as DecisionTaken: try decisionTaken(DecisionTakenV2(event))
    case let event as DecisionTakenV2: try decisionTaken(event)
    case let event as DecisionRevoked:
      try decision(event.decision)
      try existing(event.body)
    case let event as DecisionSuperseded:
      try decision(event.decision)
      try decision(event.supersededBy)
    case let event as DecisionCorrected:
      for id in event.authority { try body(id) }
      if command.corrects == nil {
        throw .invalidInput(command: verb, problem: "field 'corrects' is missing")
      }
    case let event as RecordRetracted:
      if command.corrects == nil {
        throw .invalidInput(command: verb, problem: "field 'corrects' is missing (\(event.record))")
      }
    case let event as ORAdviceRequested:
      try existing(event.worksCouncil)
      try existing(event.requestedBy)
    case let event as ORAdviceGiven:
      try existing(event.worksCouncil)
      guard state.adviceRequests[event.request] != nil else {
        throw .unknownReference(
          what: "advice request", id: event.request.rawValue, command: verb, day: day)
      }
    case let event as MilestonePlanned: for id in event.scope { try organisation(id) }
    case let event as MilestoneReplanned:
      guard state.milestones[event.milestone] != nil else {
        throw .unknownReference(
          what: "milestone", id: event.milestone.rawValue, command: verb, day: day)
      }
    case let event as MilestoneAchieved: for id in event.scope { try organisation(id) }
    case let event as RiskRegisterInitialised: try body(event.owner)
    case let event as RiskRecorded: try body(event.owner)
    case let event as StaffBaselineRecorded: try baseline(event)
    case let event as StaffTransferred: try transfer(event)
    case let event as StaffReassigned:
      let snapshot = try employed(event.employee, by: event.employer)
      if event.fte > snapshot.allocatedFTE {
        throw .fteWouldBecomeNegative(
          event.employee, day: day, available: snapshot.allocatedFTE, requested: event.fte)
      }
    case let event as ContractChanged: try contractChange(event)
    case let event as SecondmentStarted:
      try employed(event.employee, by: event.employer)
      try existing(event.host)
    case let event as SecondmentExtended:
      try secondment(event.employee, event.host)
    case let event as SecondmentEnded:
      try secondment(event.employee, event.host)
    case let event as SurplusDeclared: try employed(event.employee, by: event.employer)
    case let event as StaffDeparted: try departure(event)
    case let event as ExternalHireRecorded:
      try existing(event.employer)
      try notEmployedElsewhere(event.employee, joining: event.employer)
      if event.contractFTE > .one {
        throw .fteAboveFullTime(event.employee, day: day, requested: event.contractFTE)
      }
    case let event as PlacementProcedureStep:
      for id in event.bodies { try body(id) }
      for placement in event.placements { try organisation(placement.destination) }
    case let event as CaseloadTransferred:
      try existing(event.from)
      try existing(event.to)
    case let event as SocialPlanAgreed: for id in event.parties { try body(id) }
    case let event as FundingRecorded:
      for id in [event.holder] + event.beneficiaries { try organisation(id) }
    case let event as CostSharingKeySet: try keyShares(event.costs, event.version, event.shares)
    case let event as CostSharingKeyCorrected:
      guard state.keys[event.costs]?[event.correctsVersion] != nil else {
        throw .unknownReference(
          what: "key version", id: "\(event.costs) v\(event.correctsVersion)", command: verb,
          day: day)
      }
      try keyShares(event.costs, event.version, event.shares)
    case let event as CostBooked:
      for line in event.lines {
        if state.costLines[line.line] != nil {
          throw .duplicateIdentifier(what: "cost line", id: line.line.rawValue, command: verb)
        }
        try organisation(line.bookedBy)
        try charged(
          line: line.line, amount: line.amount, allocation: line.allocation,
          keyVersion: line.keyVersion, charged: line.charged, costs: event.costs,
          isCorrection: false)
      }
    case let event as CostBookingCorrected:
      for line in event.lines {
        guard let original = state.costLines[line.corrects] else {
          throw .unknownReference(
            what: "cost line", id: line.corrects.rawValue, command: verb, day: day)
        }
        guard original.effective == day else {
          throw .correctionDayMismatch(
            line: line.line, corrects: line.corrects, original: original.effective, given: day)
        }
        try charged(
          line: line.line, amount: line.amount, allocation: line.allocation,
          keyVersion: line.keyVersion, charged: line.charged, costs: event.costs,
          isCorrection: true)
      }
    case let event as GRAmended:
      try organisation(event.arrangement)
      for member in event.membersAfter { try organisation(member) }
      if event.membersAfter.count < 2 {
        throw .tooFewMembers(arrangement: event.arrangement, members: event.membersAfter, day: day)
      }
    case let event as GRMemberLeft:
      try organisation(event.arrangement)
      let remaining = (state.arrangementMembers[event.arrangement] ?? []).filter {
        $0 != event.member
      }
      if remaining.count < 2 {
        throw .tooFewMembers(arrangement: event.arrangement, members: remaining, day: day)
      }
    case let event as GRDissolved: try organisation(event.arrangement)
    default: break
    }
  }

  private func decisionTaken(_ event: DecisionTakenV2) throws(Refusal) {
    try existing(event.body)
    for id in event.jointlyWith { try existing(id) }
    for request in event.deviatesFromAdvice where !event.orAdviceRequests.contains(request) {
      throw .invalidInput(
        command: verb,
        problem: "'deviatesFromAdvice' names \(request), which is not in 'orAdviceRequests';"
          + " a decision deviates only from advice it answers to")
    }
    if state.decisions[event.decision] != nil, command.corrects == nil {
      throw .duplicateIdentifier(what: "decision", id: event.decision.rawValue, command: verb)
    }
    for employee in event.subjectEmployees where !state.knows(employee) {
      throw .unknownEmployee(employee, command: verb, day: day)
    }
  }

  private func ended(_ event: OrganisationEnded) throws(Refusal) {
    try existing(event.organisation)
    if let successor = event.successor { try existing(successor) }
  }

  private func merger(_ event: OrganisationsMerged) throws(Refusal) {
    guard !event.predecessors.isEmpty, !event.predecessors.contains(event.successor) else {
      throw .invalidInput(
        command: verb,
        problem: "a merger names one or more predecessors and a successor that is not one of them")
    }
    for predecessor in event.predecessors { try existing(predecessor) }
    try existing(event.successor)
  }

  private func declaration(_ event: TransitionDeclared) throws(Refusal) {
    if state.transitions[event.transition] != nil, command.corrects == nil {
      throw .duplicateIdentifier(what: "transition", id: event.transition, command: verb)
    }
    for step in event.steps {
      if let arrangement = step.membersOf { try organisation(arrangement) }
    }
  }

  private func joining(_ event: ParticipantJoined) throws(Refusal) {
    guard let steps = state.transitions[event.transition] else {
      throw .unknownReference(
        what: "transition", id: event.transition, command: verb, day: day)
    }
    try existing(event.organisation)
    for step in event.steps where !steps.contains(where: { $0.step == step }) {
      throw .unknownReference(
        what: "step of transition \(event.transition) named", id: step, command: verb, day: day)
    }
  }

  private func disposal(_ event: MotionDisposed) throws(Refusal) {
    guard let motion = state.decisions[event.motion] else {
      throw .unknownDecision(event.motion, command: verb, day: day)
    }
    guard motion.taken.kind == ExtraDecisionKind.motie.rawValue else {
      throw .notAMotion(event.motion, kind: motion.taken.kind, command: verb)
    }
    if let by = event.disposedBy { try decision(by) }
  }

  private func baseline(_ event: StaffBaselineRecorded) throws(Refusal) {
    var seen: [EmployeeID: OrganisationID] = [:]
    for member in event.members {
      try organisation(member.employer)
      if let other = seen[member.employee] {
        throw .twoEmployers(member.employee, day: day, current: other, other: member.employer)
      }
      seen[member.employee] = member.employer
      if command.corrects == nil {
        try notEmployedElsewhere(member.employee, joining: member.employer)
      }
      if member.allocatedFTE > member.contractFTE {
        throw .fteExceedsContract(
          member.employee, allocated: member.allocatedFTE, contract: member.contractFTE)
      }
    }
  }

  private func transfer(_ event: StaffTransferred) throws(Refusal) {
    var seen: [EmployeeID: OrganisationID] = [:]
    for line in event.lines {
      if let other = seen[line.employee] {
        throw .twoEmployers(line.employee, day: day, current: other, other: line.to)
      }
      seen[line.employee] = line.to
      try existing(line.to)
      try existing(line.from)
      let snapshot = try employed(line.employee, by: line.from)
      if line.fte > snapshot.allocatedFTE {
        throw .transferExceedsFTE(
          line.employee, day: day, available: snapshot.allocatedFTE, requested: line.fte)
      }
      if line.fte != snapshot.allocatedFTE {
        throw .transferChangesFTE(
          line.employee, day: day, available: snapshot.allocatedFTE, requested: line.fte)
      }
    }
  }

  private func contractChange(_ event: ContractChanged) throws(Refusal) {
    let snapshot = try employed(event.employee, by: event.employer)
    if let before = event.contractFTEBefore, before != snapshot.contractFTE {
      throw .staleContractFTE(event.employee, day: day, known: snapshot.contractFTE, stated: before)
    }
    if let after = event.contractFTEAfter, after > .one {
      throw .fteAboveFullTime(event.employee, day: day, requested: after)
    }
  }

  private func secondment(_ employee: EmployeeID, _ host: OrganisationID) throws(Refusal) {
    guard let snapshot = state.employee(employee, on: day) else {
      throw .unknownEmployee(employee, command: verb, day: day)
    }
    if let last = snapshot.lastWorkingDay, last < day {
      throw .afterDeparture(employee, lastWorkingDay: last, day: day, command: verb)
    }
    guard snapshot.secondedTo == host else {
      throw .unknownReference(
        what: "secondment to \(host) of", id: employee.rawValue, command: verb, day: day)
    }
  }

  private func departure(_ event: StaffDeparted) throws(Refusal) {
    try employed(event.employee, by: event.employer)
    if command.corrects == nil, let later = state.employees[event.employee]?.firstChange(after: day)
    {
      throw .departureBeforeRecordedEvents(
        event.employee, lastWorkingDay: day, laterDay: later.effective, laterType: later.eventType)
    }
  }
}
