extension TransitionState {
  /// Folds the next record of the log into the state, applying corrections (see `Correction`).
  ///
  /// Accepts whatever `decide` accepted; throws only when the log itself is inconsistent.
  public mutating func apply(_ record: DomainRecord) throws(ReplayError) {
    guard record.seq > lastSeq else {
      throw .seqOutOfOrder(previous: lastSeq, found: record.seq)
    }
    if let corrected = record.corrects {
      guard let correctedType = recordTypes[corrected] else {
        throw .correctsUnknownRecord(seq: record.seq, corrects: corrected)
      }
      let current = currentSeq(standingFor: corrected)
      switch Correction.kind(of: record.eventType, correcting: correctedType) {
      case .retraction:
        unapply(seq: current)
        retracted.insert(corrected)
        if current != corrected { retracted.insert(current) }
      case .replacement:
        unapply(seq: current)
        replacedBy[corrected] = record.seq
        if current != corrected { replacedBy[current] = record.seq }
      case .patch, .compensation, nil:
        break
      }
    }
    lastSeq = record.seq
    recordTypes[record.seq] = record.eventType
    recordStreams[record.seq] = record.stream
    recordsBySeq[record.seq] = record
    if record.eventType != RecordRetracted.eventType { fold(record) }
  }

  /// The record that currently stands for `seq`, following replacements.
  public func currentSeq(standingFor seq: Int64) -> Int64 {
    var current = seq
    while let next = replacedBy[current], next != current { current = next }
    return current
  }

  private mutating func fold(_ record: DomainRecord) {
    let seq = record.seq
    let day = record.effective
    func staff(_ employee: EmployeeID, _ kind: StaffChange.Kind) {
      employees[employee, default: EmployeeHistory(employee: employee)].add(
        StaffChange(seq: seq, effective: day, eventType: record.eventType, kind: kind))
    }
    switch record.event.payload {
    case .organisationRegistered(let v1): register(OrganisationRegisteredV2(v1))
    case .organisationRegisteredV2(let event): register(event)
    case .organisationEnded(let event): organisationEnds[event.organisation] = day
    case .organisationsMerged(let event): merge(event, on: day)
    case .transitionDeclared(let event): transitions[event.transition] = event.steps
    case .participantJoined(let event):
      participants[event.transition, default: [:]][event.organisation] = event
    case .bodyRegistered(let v1): bodies[v1.body] = BodyRegisteredV2(v1)
    case .bodyRegisteredV2(let event): bodies[event.body] = event
    case .decisionTaken(let v1):
      decisions[v1.decision] = DecisionState(
        taken: DecisionTakenV2(v1), seq: seq, effective: day)
    case .decisionTakenV2(let event):
      decisions[event.decision] = DecisionState(taken: event, seq: seq, effective: day)
    case .decisionRevoked(let event): decisions[event.decision]?.endedOn = day
    case .decisionSuperseded(let event): decisions[event.decision]?.endedOn = day
    case .decisionCorrected(let event): patchDecision(event, correcting: record.corrects)
    case .orAdviceRequested(let event): adviceRequests[event.request] = seq
    case .milestonePlanned(let event): milestones[event.milestone] = event.plannedDate
    case .milestoneReplanned(let event): milestones[event.milestone] = event.newDate
    case .milestonePlannedV2(let event): milestones[event.milestone] = event.plannedDate.firstDay
    case .milestoneReplannedV2(let event): milestones[event.milestone] = event.newDate.firstDay
    case .costSharingKeySet(let event):
      keys[event.costs, default: [:]][event.version] = KeyVersion(
        shares: event.shares, validFrom: event.validFrom, seq: seq)
    case .costSharingKeyCorrected(let event):
      keys[event.costs, default: [:]][event.correctsVersion]?.correctedByVersion = event.version
      keys[event.costs, default: [:]][event.version] = KeyVersion(
        shares: event.shares, validFrom: event.validFrom, seq: seq)
    case .costBooked(let event):
      for line in event.lines {
        costLines[line.line] = BookedLine(line: line, effective: day, seq: seq)
      }
    case .costBookedV2(let event):
      for line in event.lines {
        costLines[line.line] = BookedLine(line: line.costLine, effective: day, seq: seq)
      }
    case .fundCreated(let event): funds[event.fund] = event
    case .withdrawalAuthorised(let event): withdrawals[event.withdrawal] = event
    case .grAmended(let event): arrangementMembers[event.arrangement] = event.membersAfter
    case .grMemberLeft(let event):
      arrangementMembers[event.arrangement]?.removeAll { $0 == event.member }
    case .grDissolved(let event): arrangementMembers[event.arrangement] = []
    case .staffBaselineRecorded(let event):
      for member in event.members { staff(member.employee, .baseline(member)) }
    case .externalHireRecorded(let event): staff(event.employee, .hired(event))
    case .staffTransferred(let event):
      for line in event.lines { staff(line.employee, .transferred(line)) }
    case .staffReassigned(let event): staff(event.employee, .reassigned(event.fte))
    case .contractChanged(let event): staff(event.employee, .contract(event, cohortCap: nil))
    case .contractChangedV2(let event):
      staff(event.employee, .contract(event.contractFields, cohortCap: event.cohortCap))
    case .surplusDeclared(let event): staff(event.employee, .surplus)
    case .staffDeparted(let event): staff(event.employee, .departed)
    case .secondmentStarted(let event):
      staff(event.employee, .secondment(host: event.host, until: event.until))
    case .secondmentExtended(let event):
      staff(event.employee, .secondment(host: event.host, until: event.until))
    case .secondmentEnded(let event): staff(event.employee, .secondmentEnded)
    case .organisationChanged, .documentRegistered, .proposalSubmitted, .committeeConsidered,
      .informationProvided, .stakeholderPositionSubmitted, .zienswijzeSubmitted, .orAdviceGiven,
      .transitionPlanVersionRegistered, .milestoneAchieved, .riskRegisterInitialised, .riskRecorded,
      .externalContextRecorded, .placementProcedureStep, .caseloadTransferred,
      .referenceDataRecorded, .socialPlanAgreed, .costEstimateRecorded, .fundingRecorded,
      .costBookingCorrected, .recordRetracted, .personalDataErased, .orAdviceGivenV2,
      .worksCouncilAbsenceRecorded, .documentRegisteredV2, .motionDisposed:
      break
    }
  }

  private mutating func register(_ event: OrganisationRegisteredV2) {
    organisations[event.organisation] = event
    if event.knownKind == .gemeenschappelijkeRegeling {
      arrangementMembers[event.organisation] = event.members
    }
  }

  private mutating func patchDecision(_ correction: DecisionCorrected, correcting seq: Int64?) {
    guard let seq, let record = recordsBySeq[currentSeq(standingFor: seq)],
      let taken = record.event.currentPayload as? DecisionTakenV2,
      let patched = try? Correction.patch(record.event.encodeData(), with: correction.changes),
      let event = try? DomainEvent.decode(type: record.eventType, data: patched),
      let decision = event.currentPayload as? DecisionTakenV2
    else { return }
    decisions[taken.decision]?.taken = decision
  }

  /// A merger: the predecessors end, the successor holds their GR memberships and
  /// participation (decisions and staff follow through `holder(of:on:)`).
  private mutating func merge(_ event: OrganisationsMerged, on day: CalendarDay) {
    for predecessor in event.predecessors {
      organisationEnds[predecessor] = day
      successors[predecessor] = Succession(successor: event.successor, day: day)
    }
    for (arrangement, members) in arrangementMembers
    where members.contains(where: event.predecessors.contains) {
      var merged: [OrganisationID] = []
      for member in members {
        let holder = event.predecessors.contains(member) ? event.successor : member
        if !merged.contains(holder) { merged.append(holder) }
      }
      arrangementMembers[arrangement] = merged
    }
    for (transition, joined) in participants {
      let inherited = event.predecessors.compactMap { joined[$0] }
      guard !inherited.isEmpty, joined[event.successor] == nil else { continue }
      let steps =
        inherited.contains { $0.steps.isEmpty }
        ? []
        : Array(
          Set(inherited.flatMap(\.steps))
        ).sorted()
      participants[transition]?[event.successor] = ParticipantJoined(
        transition: transition, organisation: event.successor, steps: steps)
    }
  }

  /// Removes what the record at `seq` contributed, before a retraction or replacement.
  private mutating func unapply(seq: Int64) {
    guard let record = recordsBySeq[seq] else { return }
    switch record.event.payload {
    case .organisationRegistered(let event): organisations[event.organisation] = nil
    case .organisationRegisteredV2(let event): organisations[event.organisation] = nil
    case .organisationEnded(let event): organisationEnds[event.organisation] = nil
    case .organisationsMerged(let event):
      // The predecessors exist again; GR memberships and participation moved to the successor
      // stay moved (record the membership anew if the merger was wrong).
      for predecessor in event.predecessors where successors[predecessor] != nil {
        organisationEnds[predecessor] = nil
        successors[predecessor] = nil
      }
    case .bodyRegistered(let event): bodies[event.body] = nil
    case .bodyRegisteredV2(let event): bodies[event.body] = nil
    case .decisionTaken(let event): decisions[event.decision] = nil
    case .decisionTakenV2(let event): decisions[event.decision] = nil
    case .decisionRevoked(let event): decisions[event.decision]?.endedOn = nil
    case .decisionSuperseded(let event): decisions[event.decision]?.endedOn = nil
    case .orAdviceRequested(let event): adviceRequests[event.request] = nil
    case .milestonePlanned(let event): milestones[event.milestone] = nil
    case .milestonePlannedV2(let event): milestones[event.milestone] = nil
    case .costSharingKeySet(let event): keys[event.costs]?[event.version] = nil
    case .costBooked(let event):
      for line in event.lines { costLines[line.line] = nil }
    case .costBookedV2(let event):
      for line in event.lines { costLines[line.line] = nil }
    case .fundCreated(let event): funds[event.fund] = nil
    case .withdrawalAuthorised(let event): withdrawals[event.withdrawal] = nil
    case .staffBaselineRecorded, .staffTransferred, .externalHireRecorded, .staffReassigned,
      .contractChanged, .contractChangedV2, .surplusDeclared, .staffDeparted, .secondmentStarted,
      .secondmentExtended, .secondmentEnded:
      for employee in Self.employeesTouched(by: record.event) {
        employees[employee]?.remove(seq: seq)
        if employees[employee]?.isEmpty == true { employees[employee] = nil }
      }
    case .organisationChanged, .documentRegistered, .proposalSubmitted, .committeeConsidered,
      .informationProvided, .stakeholderPositionSubmitted, .zienswijzeSubmitted,
      .decisionCorrected, .orAdviceGiven, .transitionPlanVersionRegistered, .milestoneReplanned,
      .milestoneReplannedV2,
      .milestoneAchieved, .riskRegisterInitialised, .riskRecorded, .externalContextRecorded,
      .placementProcedureStep, .caseloadTransferred, .referenceDataRecorded, .socialPlanAgreed,
      .costEstimateRecorded, .fundingRecorded, .costSharingKeyCorrected, .costBookingCorrected,
      .grAmended, .grMemberLeft, .grDissolved, .recordRetracted, .personalDataErased,
      .orAdviceGivenV2, .worksCouncilAbsenceRecorded, .transitionDeclared, .participantJoined,
      .documentRegisteredV2, .motionDisposed:
      break
    }
  }

  /// The employees whose history a staff event changes.
  static func employeesTouched(by event: DomainEvent) -> [EmployeeID] {
    switch event.payload {
    case .staffBaselineRecorded(let event): event.members.map(\.employee)
    case .staffTransferred(let event): event.lines.map(\.employee)
    case .externalHireRecorded(let event): [event.employee]
    case .staffReassigned(let event): [event.employee]
    case .contractChanged(let event): [event.employee]
    case .contractChangedV2(let event): [event.employee]
    case .surplusDeclared(let event): [event.employee]
    case .staffDeparted(let event): [event.employee]
    case .secondmentStarted(let event): [event.employee]
    case .secondmentExtended(let event): [event.employee]
    case .secondmentEnded(let event): [event.employee]
    case .organisationRegistered, .organisationChanged, .bodyRegistered, .documentRegistered,
      .proposalSubmitted, .committeeConsidered, .informationProvided, .stakeholderPositionSubmitted,
      .zienswijzeSubmitted, .decisionTaken, .decisionCorrected, .decisionRevoked,
      .decisionSuperseded, .orAdviceRequested, .orAdviceGiven, .transitionPlanVersionRegistered,
      .milestonePlanned, .milestonePlannedV2, .milestoneReplanned, .milestoneReplannedV2,
      .milestoneAchieved, .riskRegisterInitialised,
      .riskRecorded, .externalContextRecorded, .placementProcedureStep, .caseloadTransferred,
      .referenceDataRecorded, .socialPlanAgreed, .costEstimateRecorded, .fundingRecorded,
      .costSharingKeySet, .costSharingKeyCorrected, .costBooked, .costBookingCorrected, .grAmended,
      .grMemberLeft, .grDissolved, .recordRetracted, .personalDataErased, .fundCreated,
      .withdrawalAuthorised, .costBookedV2, .orAdviceGivenV2, .worksCouncilAbsenceRecorded,
      .transitionDeclared, .participantJoined, .organisationRegisteredV2, .organisationEnded,
      .organisationsMerged, .bodyRegisteredV2, .documentRegisteredV2, .decisionTakenV2,
      .motionDisposed:
      []
    }
  }
}
