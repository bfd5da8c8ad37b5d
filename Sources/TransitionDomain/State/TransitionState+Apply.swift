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
    switch record.event.currentPayload {
    case let event as OrganisationRegisteredV2:
      organisations[event.organisation] = event
      if event.knownKind == .gemeenschappelijkeRegeling {
        arrangementMembers[event.organisation] = event.members
      }
    case let event as OrganisationEnded: organisationEnds[event.organisation] = day
    case let event as OrganisationsMerged: merge(event, on: day)
    case let event as TransitionDeclared: transitions[event.transition] = event.steps
    case let event as ParticipantJoined:
      participants[event.transition, default: [:]][event.organisation] = event
    case let event as BodyRegisteredV2: bodies[event.body] = event
    case let event as DecisionTakenV2:
      decisions[event.decision] = DecisionState(taken: event, seq: seq, effective: day)
    case let event as DecisionRevoked: decisions[event.decision]?.endedOn = day
    case let event as DecisionSuperseded: decisions[event.decision]?.endedOn = day
    case let event as DecisionCorrected: patchDecision(event, correcting: record.corrects)
    case let event as ORAdviceRequested: adviceRequests[event.request] = seq
    case let event as MilestonePlanned: milestones[event.milestone] = event.plannedDate
    case let event as MilestoneReplanned: milestones[event.milestone] = event.newDate
    case let event as CostSharingKeySet:
      keys[event.costs, default: [:]][event.version] = KeyVersion(
        shares: event.shares, validFrom: event.validFrom, seq: seq)
    case let event as CostSharingKeyCorrected:
      keys[event.costs, default: [:]][event.correctsVersion]?.correctedByVersion = event.version
      keys[event.costs, default: [:]][event.version] = KeyVersion(
        shares: event.shares, validFrom: event.validFrom, seq: seq)
    case let event as CostBooked:
      for line in event.lines {
        costLines[line.line] = BookedLine(line: line, effective: day, seq: seq)
      }
    case let event as GRAmended: arrangementMembers[event.arrangement] = event.membersAfter
    case let event as GRMemberLeft:
      arrangementMembers[event.arrangement]?.removeAll { $0 == event.member }
    case let event as GRDissolved: arrangementMembers[event.arrangement] = []
    case let event as StaffBaselineRecorded:
      for member in event.members { staff(member.employee, .baseline(member)) }
    case let event as ExternalHireRecorded: staff(event.employee, .hired(event))
    case let event as StaffTransferred:
      for line in event.lines { staff(line.employee, .transferred(line)) }
    case let event as StaffReassigned: staff(event.employee, .reassigned(event.fte))
    case let event as ContractChanged: staff(event.employee, .contract(event))
    case let event as SurplusDeclared: staff(event.employee, .surplus)
    case let event as StaffDeparted: staff(event.employee, .departed)
    case let event as SecondmentStarted:
      staff(event.employee, .secondment(host: event.host, until: event.until))
    case let event as SecondmentExtended:
      staff(event.employee, .secondment(host: event.host, until: event.until))
    case let event as SecondmentEnded: staff(event.employee, .secondmentEnded)
    default: break
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
    switch record.event.currentPayload {
    case let event as OrganisationRegisteredV2: organisations[event.organisation] = nil
    case let event as OrganisationEnded: organisationEnds[event.organisation] = nil
    case let event as OrganisationsMerged:
      // The predecessors exist again; GR memberships and participation moved to the successor
      // stay moved (record the membership anew if the merger was wrong).
      for predecessor in event.predecessors where successors[predecessor] != nil {
        organisationEnds[predecessor] = nil
        successors[predecessor] = nil
      }
    case let event as BodyRegisteredV2: bodies[event.body] = nil
    case let event as DecisionTakenV2: decisions[event.decision] = nil
    case let event as DecisionRevoked: decisions[event.decision]?.endedOn = nil
    case let event as DecisionSuperseded: decisions[event.decision]?.endedOn = nil
    case let event as ORAdviceRequested: adviceRequests[event.request] = nil
    case let event as MilestonePlanned: milestones[event.milestone] = nil
    case let event as CostSharingKeySet: keys[event.costs]?[event.version] = nil
    case let event as CostBooked:
      for line in event.lines { costLines[line.line] = nil }
    default:
      for employee in Self.employeesTouched(by: record.event) {
        employees[employee]?.remove(seq: seq)
        if employees[employee]?.isEmpty == true { employees[employee] = nil }
      }
    }
  }

  /// The employees whose history a staff event changes.
  static func employeesTouched(by event: DomainEvent) -> [EmployeeID] {
    switch event.payload {
    case let event as StaffBaselineRecorded: event.members.map(\.employee)
    case let event as StaffTransferred: event.lines.map(\.employee)
    case let event as ExternalHireRecorded: [event.employee]
    case let event as StaffReassigned: [event.employee]
    case let event as ContractChanged: [event.employee]
    case let event as SurplusDeclared: [event.employee]
    case let event as StaffDeparted: [event.employee]
    case let event as SecondmentStarted: [event.employee]
    case let event as SecondmentExtended: [event.employee]
    case let event as SecondmentEnded: [event.employee]
    default: []
    }
  }
}
