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
    case .organisationRegistered(let event):
      organisations[event.organisation] = event
      if event.kind == .gemeenschappelijkeRegeling {
        arrangementMembers[event.organisation] = event.members
      }
    case .bodyRegistered(let event): bodies[event.body] = event
    case .decisionTaken(let event):
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
      .worksCouncilAbsenceRecorded:
      break
    }
  }

  private mutating func patchDecision(_ correction: DecisionCorrected, correcting seq: Int64?) {
    guard let seq, let record = recordsBySeq[currentSeq(standingFor: seq)],
      let taken = record.event.payload(as: DecisionTaken.self),
      let patched = try? Correction.patch(record.event.encodeData(), with: correction.changes),
      let event = try? DomainEvent.decode(type: DecisionTaken.eventType, data: patched),
      let decision = event.payload(as: DecisionTaken.self)
    else { return }
    decisions[taken.decision]?.taken = decision
  }

  /// Removes what the record at `seq` contributed, before a retraction or replacement.
  private mutating func unapply(seq: Int64) {
    guard let record = recordsBySeq[seq] else { return }
    switch record.event.payload {
    case .organisationRegistered(let event): organisations[event.organisation] = nil
    case .bodyRegistered(let event): bodies[event.body] = nil
    case .decisionTaken(let event): decisions[event.decision] = nil
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
      .orAdviceGivenV2, .worksCouncilAbsenceRecorded:
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
      .withdrawalAuthorised, .costBookedV2, .orAdviceGivenV2, .worksCouncilAbsenceRecorded:
      []
    }
  }
}
