extension CommandCheck {
  /// The checks specific to the command's event type.
  func payload() throws(Refusal) {
    switch command.event.payload {
    case .organisationRegistered(let event):
      for member in event.members { try organisation(member) }
      if event.kind == .gemeenschappelijkeRegeling, event.members.count < 2 {
        throw .tooFewMembers(arrangement: event.organisation, members: event.members, day: day)
      }
    case .organisationChanged(let event): try organisation(event.organisation)
    case .bodyRegistered(let event):
      for id in event.organisations { try organisation(id) }
    case .bodyRegisteredV2(let event):
      for id in event.organisations { try organisation(id) }
    case .documentRegistered(let event): try organisation(event.organisation)
    case .documentRegisteredV2(let event): try organisation(event.organisation)
    case .organisationRegisteredV2(let event):
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
    case .organisationEnded(let event): try ended(event)
    case .organisationsMerged(let event): try merger(event)
    case .transitionDeclared(let event): try declaration(event)
    case .participantJoined(let event): try joining(event)
    case .motionDisposed(let event): try disposal(event)
    case .proposalSubmitted(let event):
      try body(event.from)
      for id in event.to { try body(id) }
      if let via = event.via { try body(via) }
    case .committeeConsidered(let event):
      try body(event.committee)
      if let advised = event.advises { try body(advised) }
    case .informationProvided(let event):
      for id in event.from + event.to { try body(id) }
    case .stakeholderPositionSubmitted(let event):
      for id in event.from + event.to { try body(id) }
    case .zienswijzeSubmitted(let event):
      try body(event.raad)
      try body(event.to)
    case .decisionTaken(let event): try decisionTaken(DecisionTakenV2(event))
    case .decisionTakenV2(let event): try decisionTaken(event)
    case .decisionRevoked(let event):
      try decision(event.decision)
      try existing(event.body)
    case .decisionSuperseded(let event):
      try decision(event.decision)
      try decision(event.supersededBy)
    case .decisionCorrected(let event):
      for id in event.authority { try body(id) }
      if command.corrects == nil {
        throw .invalidInput(command: verb, problem: "field 'corrects' is missing")
      }
    case .recordRetracted(let event):
      if command.corrects == nil {
        throw .invalidInput(command: verb, problem: "field 'corrects' is missing (\(event.record))")
      }
    case .orAdviceRequested(let event):
      try existing(event.worksCouncil)
      try existing(event.requestedBy)
    case .orAdviceGiven(let event):
      try existing(event.worksCouncil)
      guard state.adviceRequests[event.request] != nil else {
        throw .unknownReference(
          what: "advice request", id: event.request.rawValue, command: verb, day: day)
      }
    case .orAdviceGivenV2(let event): try advice(event)
    case .worksCouncilAbsenceRecorded(let event):
      try organisation(event.employer)
      if let instead = event.consultedInstead { try body(instead) }
    case .fundCreated(let event):
      try organisation(event.holder)
      if state.funds[event.fund] != nil, command.corrects == nil {
        throw .duplicateIdentifier(what: "fund", id: event.fund.rawValue, command: verb)
      }
      if event.amount < .zero {
        throw .negativeAmount(what: "fund", id: event.fund.rawValue, amount: event.amount)
      }
    case .withdrawalAuthorised(let event):
      guard state.funds[event.fund] != nil else {
        throw .unknownReference(what: "fund", id: event.fund.rawValue, command: verb, day: day)
      }
      if state.withdrawals[event.withdrawal] != nil, command.corrects == nil {
        throw .duplicateIdentifier(
          what: "withdrawal", id: event.withdrawal.rawValue, command: verb)
      }
      if event.amount < .zero {
        throw .negativeAmount(
          what: "withdrawal", id: event.withdrawal.rawValue, amount: event.amount)
      }
    case .costBookedV2(let event):
      for line in event.lines {
        try costLine(line.costLine, costs: event.costs)
        try fundOf(line)
      }
    case .milestonePlanned(let event): for id in event.scope { try organisation(id) }
    case .milestonePlannedV2(let event): for id in event.scope { try organisation(id) }
    case .milestoneReplanned(let event):
      guard state.milestones[event.milestone] != nil else {
        throw .unknownReference(
          what: "milestone", id: event.milestone.rawValue, command: verb, day: day)
      }
    case .milestoneReplannedV2(let event):
      guard state.milestones[event.milestone] != nil else {
        throw .unknownReference(
          what: "milestone", id: event.milestone.rawValue, command: verb, day: day)
      }
      for id in event.scope { try organisation(id) }
    case .milestoneAchieved(let event): for id in event.scope { try organisation(id) }
    case .riskRegisterInitialised(let event): try body(event.owner)
    case .riskRecorded(let event): try body(event.owner)
    case .staffBaselineRecorded(let event): try baseline(event)
    case .staffTransferred(let event): try transfer(event)
    case .staffReassigned(let event):
      let snapshot = try employed(event.employee, by: event.employer)
      if event.fte > snapshot.allocatedFTE {
        throw .fteWouldBecomeNegative(
          event.employee, day: day, available: snapshot.allocatedFTE, requested: event.fte)
      }
    case .contractChanged(let event): try contractChange(event)
    case .contractChangedV2(let event): try contractChange(event)
    case .secondmentStarted(let event):
      try employed(event.employee, by: event.employer)
      try existing(event.host)
    case .secondmentExtended(let event):
      try secondment(event.employee, event.host)
    case .secondmentEnded(let event):
      try secondment(event.employee, event.host)
    case .surplusDeclared(let event): try employed(event.employee, by: event.employer)
    case .staffDeparted(let event): try departure(event)
    case .externalHireRecorded(let event):
      try existing(event.employer)
      try notEmployedElsewhere(event.employee, joining: event.employer)
      if event.contractFTE > .one {
        throw .fteAboveFullTime(event.employee, day: day, requested: event.contractFTE)
      }
    case .placementProcedureStep(let event):
      for id in event.bodies { try body(id) }
      for placement in event.placements { try organisation(placement.destination) }
    case .caseloadTransferred(let event):
      try existing(event.from)
      try existing(event.to)
    case .socialPlanAgreed(let event): for id in event.parties { try body(id) }
    case .fundingRecorded(let event):
      for id in [event.holder] + event.beneficiaries { try organisation(id) }
    case .costSharingKeySet(let event): try keyShares(event.costs, event.version, event.shares)
    case .costSharingKeyCorrected(let event):
      guard state.keys[event.costs]?[event.correctsVersion] != nil else {
        throw .unknownReference(
          what: "key version", id: "\(event.costs) v\(event.correctsVersion)", command: verb,
          day: day)
      }
      try keyShares(event.costs, event.version, event.shares)
    case .costBooked(let event):
      for line in event.lines { try costLine(line, costs: event.costs) }
    case .costBookingCorrected(let event):
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
    case .grAmended(let event):
      try organisation(event.arrangement)
      for member in event.membersAfter { try organisation(member) }
      if event.membersAfter.count < 2 {
        throw .tooFewMembers(arrangement: event.arrangement, members: event.membersAfter, day: day)
      }
    case .grMemberLeft(let event):
      try organisation(event.arrangement)
      let remaining = (state.arrangementMembers[event.arrangement] ?? []).filter {
        $0 != event.member
      }
      if remaining.count < 2 {
        throw .tooFewMembers(arrangement: event.arrangement, members: remaining, day: day)
      }
    case .grDissolved(let event): try organisation(event.arrangement)
    case .personalDataErased(let event):
      guard state.knows(event.employee) else {
        throw .unknownEmployee(event.employee, command: verb, day: day)
      }
      if event.reason.isEmpty {
        throw .invalidInput(command: verb, problem: "field 'reason' is empty: give the ground")
      }
    case .transitionPlanVersionRegistered, .externalContextRecorded, .referenceDataRecorded,
      .costEstimateRecorded:
      break
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
      if line.fte != snapshot.allocatedFTE, snapshot.contractFTE < snapshot.allocatedFTE,
        line.fte == snapshot.contractFTE
      {
        throw .transferOfContractBelowCohort(
          line.employee, day: day, cohort: snapshot.allocatedFTE, contract: snapshot.contractFTE,
          requested: line.fte)
      }
      if line.fte != snapshot.allocatedFTE {
        throw .transferChangesFTE(
          line.employee, day: day, available: snapshot.allocatedFTE, requested: line.fte)
      }
    }
  }

  private func costLine(_ line: CostLine, costs: String) throws(Refusal) {
    if state.costLines[line.line] != nil {
      throw .duplicateIdentifier(what: "cost line", id: line.line.rawValue, command: verb)
    }
    try organisation(line.bookedBy)
    try charged(
      line: line.line, amount: line.amount, allocation: line.allocation,
      keyVersion: line.keyVersion, charged: line.charged, costs: costs, isCorrection: false)
  }

  /// The fund and withdrawal a version-2 line names exist, and the withdrawal is the fund's.
  private func fundOf(_ line: FundedCostLine) throws(Refusal) {
    if let fund = line.fund, state.funds[fund] == nil {
      throw .unknownReference(what: "fund", id: fund.rawValue, command: verb, day: day)
    }
    guard let id = line.withdrawal else { return }
    guard let withdrawal = state.withdrawals[id] else {
      throw .unknownReference(what: "withdrawal", id: id.rawValue, command: verb, day: day)
    }
    if withdrawal.fund != line.fund {
      throw .withdrawalOfOtherFund(
        line: line.line, withdrawal: id, fund: line.fund, actual: withdrawal.fund)
    }
  }

  private func advice(_ event: ORAdviceGivenV2) throws(Refusal) {
    try existing(event.worksCouncil)
    guard state.adviceRequests[event.request] != nil else {
      throw .unknownReference(
        what: "advice request", id: event.request.rawValue, command: verb, day: day)
    }
    if event.outcome == .negatiefOpOnderdelen,
      !event.parts.contains(where: { $0.outcome == .negatief })
    {
      throw .adviceWithoutNegativePart(request: event.request, parts: event.parts.count)
    }
  }

  private func contractChange(_ event: ContractChangedV2) throws(Refusal) {
    try contractChange(event.contractFields)
    guard let cohort = event.cohortFTEAfter,
      let snapshot = state.employee(event.employee, on: day)
    else { return }
    let contract = event.contractFTEAfter ?? snapshot.contractFTE
    if cohort > contract {
      throw .cohortAboveContract(event.employee, day: day, cohort: cohort, contract: contract)
    }
    if cohort > snapshot.allocatedFTE {
      throw .cohortWouldRise(
        event.employee, day: day, cohort: snapshot.allocatedFTE, requested: cohort)
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
