/// A deterministic synthetic transition of any length, for the benchmark (W6) and tests.
///
/// Forty organisations (30 gemeenten, 6 GRs of 5 members, 4 uitvoerders) with their bodies
/// (raad and college per gemeente; algemeen and dagelijks bestuur and an OR per GR; an OR per
/// uitvoerder), a cost-sharing key, ten milestones, and a staff baseline of `staff` employees in
/// cohort records of at most 1,000; then a stream of transfers, contract changes, secondments,
/// surplus declarations, reassignments, departures, decisions (voorgenomen and definitief), OR
/// advice requested and given, cost bookings with the key, milestone replannings, and
/// corrections of every kind of `Correction` (replacements of decisions and contract changes,
/// patches of decisions, retractions of decisions, advice and bookings, compensations of
/// bookings); each record is corrected at most once.
///
/// Random choices come from SplitMix64 with the given seed, so the same arguments give the same
/// records on every machine. Effective days never go back (one day per `recordsPerDay` records)
/// except for replacements and compensations, which keep the corrected record's day. The
/// generator keeps its own small model of every employee (employer, cohort FTE, contract FTE,
/// secondment, departure), so every step is one `decide` accepts on the state of the steps
/// before it (`SyntheticTransitionTests` runs a prefix through the rules); `pending` is the
/// record `decide` yields, built directly so that large logs need not be decided.
public struct SyntheticTransition: Sequence, IteratorProtocol {
  /// One record of the transition: the command and the record it yields at `seq`.
  public struct Step: Sendable {
    /// The position in the log (from 1).
    public let seq: Int64
    /// The command, for recording through the rules.
    public let command: TransitionCommand
    /// The record `decide` yields for `command`.
    public let pending: PendingRecord
  }

  /// The seed of the benchmark's transition.
  public static let defaultSeed: UInt64 = 20_260_601
  /// The first effective day.
  public static let startDay = CalendarDay(2025, 1, 6)

  /// The number of records.
  public let count: Int
  private var random: SplitMixRandom
  private var produced = 0
  private var setup: [(any EventPayload, CalendarDay)] = []
  private var day = SyntheticTransition.startDay
  private let recordsPerDay: Int

  private let gemeenten: [OrganisationID]
  private let arrangements: [OrganisationID]
  private let uitvoerders: [OrganisationID]
  private let organisations: [OrganisationID]
  private let keyShares: [KeyShare]
  private static let costs = "frictiekosten"
  private static let functions = [
    "werkconsulent", "jobcoach", "klantmanager", "teamleider", "beleidsmedewerker",
    "administratief medewerker",
  ]

  private struct Employee {
    var employer: Int
    var allocated: Int64
    var contract: Int64
    var departed = false
    var host: Int?
    var until = 0
    var lastStaffSeq: Int64 = 0
  }
  private var employees: [Employee] = []
  private var departures = 0

  private enum Target {
    case decision(DecisionTaken)
    case contract(ContractChanged)
    case advice
    case cost(CostBooked)
  }
  private struct Candidate {
    let seq: Int64
    let day: CalendarDay
    let stream: String
    let target: Target
  }
  private var candidates: [Candidate] = []
  private var decisionCount = 0
  private var recentDecisions: [DecisionID] = []
  private var openRequests: [(AdviceRequestID, BodyID)] = []
  private var adviceCount = 0
  private var recentAdvice: [String] = []
  private var milestoneDates: [CalendarDay] = []
  private var milestoneAchieved: [Bool] = []

  /// The first `count` records of the transition with `staff` employees from `seed`, the
  /// effective day advancing by one every `recordsPerDay` records after the setup (so a shorter
  /// transition is a prefix of a longer one with the same other arguments).
  public init(
    count: Int, staff: Int = 10_000, seed: UInt64 = SyntheticTransition.defaultSeed,
    recordsPerDay: Int = 1_000
  ) {
    self.count = count
    random = SplitMixRandom(seed: seed)
    self.recordsPerDay = Swift.max(1, recordsPerDay)
    gemeenten = (1...30).map { OrganisationID("G\(Self.two($0))") }
    arrangements = (1...6).map { OrganisationID("GR\($0)") }
    uitvoerders = (1...4).map { OrganisationID("UV\($0)") }
    organisations = gemeenten + arrangements + uitvoerders
    keyShares = gemeenten.prefix(5).map { KeyShare($0, Percentage(hundredths: 2_000)) }
    buildSetup(staff: staff)
  }

  /// The effective day of the last record of the first `count` (after the setup).
  public var lastDay: CalendarDay {
    Self.startDay.adding(days: Swift.max(0, count - setup.count) / recordsPerDay)
  }

  /// The record id of `seq`.
  public static func recordID(_ seq: Int64) -> String { "SYN-\(seq)" }

  /// The actor recording every record.
  public static let actor = "synthetic"

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  private mutating func buildSetup(staff: Int) {
    let start = Self.startDay
    for gemeente in gemeenten {
      setup.append(
        (
          OrganisationRegistered(
            organisation: gemeente, name: "Gemeente \(gemeente)", kind: .gemeente, members: []),
          start
        ))
    }
    for (index, arrangement) in arrangements.enumerated() {
      let members = Array(gemeenten[(index * 5)..<(index * 5 + 5)])
      setup.append(
        (
          OrganisationRegistered(
            organisation: arrangement, name: "GR \(arrangement)", kind: .gemeenschappelijkeRegeling,
            members: members), start
        ))
    }
    for uitvoerder in uitvoerders {
      setup.append(
        (
          OrganisationRegistered(
            organisation: uitvoerder, name: "Uitvoerder \(uitvoerder)", kind: .uitvoerder,
            members: []), start
        ))
    }
    for gemeente in gemeenten {
      for (prefix, kind) in [("RAAD", BodyKind.raad), ("COL", .college)] {
        setup.append(
          (
            BodyRegistered(
              body: BodyID("\(prefix)-\(gemeente)"), organisations: [gemeente], kind: kind,
              name: "\(kind.rawValue) \(gemeente)"), start
          ))
      }
    }
    let bestuur: [(String, BodyKind)] = [
      ("AB", .grAlgemeenBestuur), ("DB", .grDagelijksBestuur), ("OR", .ondernemingsraad),
    ]
    for arrangement in arrangements {
      for (prefix, kind) in bestuur {
        setup.append(
          (
            BodyRegistered(
              body: BodyID("\(prefix)-\(arrangement)"), organisations: [arrangement], kind: kind,
              name: "\(kind.rawValue) \(arrangement)"), start
          ))
      }
    }
    for uitvoerder in uitvoerders {
      setup.append(
        (
          BodyRegistered(
            body: BodyID("OR-\(uitvoerder)"), organisations: [uitvoerder], kind: .ondernemingsraad,
            name: "ondernemingsraad \(uitvoerder)"), start
        ))
    }
    setup.append(
      (
        CostSharingKeySet(
          costs: Self.costs, version: 1, shares: keyShares, validFrom: start,
          basis: "inwoneraantal"), start
      ))
    for number in 1...10 {
      let planned = start.adding(days: 60 * number)
      milestoneDates.append(planned)
      milestoneAchieved.append(false)
      setup.append(
        (
          MilestonePlanned(
            milestone: MilestoneID("M\(number)"), title: "mijlpaal \(number)",
            scope: [gemeenten[number - 1]], plannedDate: planned, plannedPrecision: .day), start
        ))
    }
    var members: [BaselineMember] = []
    let employers = arrangements + uitvoerders
    for number in 1...Swift.max(1, staff) {
      let employer = random.below(employers.count) + gemeenten.count
      let contract = Int64(5_000 + random.below(11) * 500)
      let allocated = random.below(4) == 0 ? contract - 1_000 : contract
      employees.append(Employee(employer: employer, allocated: allocated, contract: contract))
      members.append(
        BaselineMember(
          employee: Self.employeeID(number - 1), function: random.pick(Self.functions),
          team: organisations[employer].rawValue, employer: organisations[employer],
          contractHours: Int(contract * 36 / 10_000), normHours: 36,
          contractFTE: FTE(tenThousandths: contract), allocatedFTE: FTE(tenThousandths: allocated),
          cao: "Cao SGO", contractType: random.below(5) == 0 ? .bepaaldeTijd : .onbepaaldeTijd,
          contractEnd: nil))
      if members.count == 1_000 || number == staff {
        setup.append(
          (
            StaffBaselineRecorded(
              cohort: "C\(Self.two((number + 999) / 1_000))", members: members), start
          ))
        members = []
      }
    }
  }

  /// The index of `employee` among the generated staff (`E00001` is 0).
  private static func employeeIndex(_ employee: EmployeeID) -> Int {
    (Int(employee.rawValue.dropFirst()) ?? 1) - 1
  }

  private static func employeeID(_ index: Int) -> EmployeeID {
    let digits = String(index + 1)
    return EmployeeID("E" + String(repeating: "0", count: Swift.max(0, 5 - digits.count)) + digits)
  }

  /// The next record, or nil after `count`.
  public mutating func next() -> Step? {
    guard produced < count else { return nil }
    let seq = Int64(produced + 1)
    produced += 1
    if produced <= setup.count {
      let (payload, effective) = setup[produced - 1]
      if let baseline = payload as? StaffBaselineRecorded {
        for member in baseline.members {
          employees[Self.employeeIndex(member.employee)].lastStaffSeq = seq
        }
      }
      return step(seq, payload, effective)
    }
    if (produced - setup.count) % recordsPerDay == 0 { day = day.adding(days: 1) }
    return event(seq)
  }

  private func step(
    _ seq: Int64, _ payload: any EventPayload, _ effective: CalendarDay, corrects: Int64? = nil,
    stream: String? = nil
  ) -> Step {
    let reason = corrects == nil ? nil : "correctie van \(Self.recordID(corrects ?? 0))"
    let id = Self.recordID(seq)
    let command = TransitionCommand(
      payload, effective: EffectiveDate(effective), corrects: corrects, correctionReason: reason,
      id: id)
    let pending = PendingRecord(
      event: command.event, effective: effective, corrects: corrects, correctionReason: reason,
      stream: stream, id: id)
    return Step(seq: seq, command: command, pending: pending)
  }

  private mutating func remember(_ seq: Int64, _ stream: String, _ target: Target) {
    candidates.append(Candidate(seq: seq, day: day, stream: stream, target: target))
    if candidates.count > 4_096 { candidates.removeFirst(2_048) }
  }

  /// An employee who works here today, not departed; nil after a few unlucky draws.
  private mutating func activeEmployee() -> Int? {
    for _ in 0..<16 {
      let index = random.below(employees.count)
      if !employees[index].departed { return index }
    }
    return nil
  }

  private mutating func event(_ seq: Int64) -> Step {
    let roll = random.below(100)
    if roll < 26, let step = transfer(seq) { return step }
    if roll < 42, let step = contractChange(seq) { return step }
    if roll < 51, let step = secondment(seq) { return step }
    if roll < 54, let step = staffStatus(seq, roll) { return step }
    if roll < 63 { return decision(seq) }
    if roll < 71 { return advice(seq) }
    if roll < 73, let step = milestone(seq) { return step }
    if roll >= 92, let step = correction(seq, compensation: roll >= 98) { return step }
    return costBooking(seq)
  }

  private mutating func transfer(_ seq: Int64) -> Step? {
    let lineCount = 1 + random.below(3)
    var lines: [TransferLine] = []
    var chosen: [Int] = []
    for number in 0..<lineCount {
      guard let index = activeEmployee(), !chosen.contains(index) else { continue }
      var to = random.below(organisations.count)
      if to == employees[index].employer { to = (to + 1) % organisations.count }
      let decisions = recentDecisions.isEmpty ? [] : [random.pick(recentDecisions)]
      let advice = recentAdvice.isEmpty ? [] : [random.pick(recentAdvice)]
      lines.append(
        TransferLine(
          line: "T\(seq)-\(number + 1)", employee: Self.employeeID(index),
          from: organisations[employees[index].employer], to: organisations[to],
          functionBefore: "werkconsulent", functionAfter: random.pick(Self.functions),
          fte: FTE(tenThousandths: employees[index].allocated), caoBefore: "Cao SGO",
          caoAfter: random.below(3) == 0 ? "Cao Gemeenten" : "Cao SGO",
          legalForm: random.pick(LegalForm.allCases), decisions: decisions, orAdvice: advice))
      chosen.append(index)
    }
    guard !lines.isEmpty else { return nil }
    for (index, line) in zip(chosen, lines) {
      employees[index].employer = organisations.firstIndex(of: line.to) ?? 0
      employees[index].lastStaffSeq = seq
    }
    return step(seq, StaffTransferred(batch: "T\(seq)", lines: lines), day)
  }

  private mutating func contractChange(_ seq: Int64) -> Step? {
    guard let index = activeEmployee() else { return nil }
    var change = ContractChanged(
      employee: Self.employeeID(index), employer: organisations[employees[index].employer],
      reason: "wijziging op verzoek")
    change.functionAfter = random.pick(Self.functions)
    if random.below(2) == 0 {
      let after = Swift.max(employees[index].allocated, Int64(5_000 + random.below(11) * 500))
      change.contractFTEBefore = FTE(tenThousandths: employees[index].contract)
      change.contractFTEAfter = FTE(tenThousandths: after)
      change.contractHoursAfter = Int(after * 36 / 10_000)
      employees[index].contract = after
    } else {
      change.caoAfter = "Cao Gemeenten"
      change.caoBefore = "Cao SGO"
    }
    employees[index].lastStaffSeq = seq
    remember(seq, change.stream, .contract(change))
    return step(seq, change, day)
  }

  private mutating func secondment(_ seq: Int64) -> Step? {
    guard let index = activeEmployee() else { return nil }
    let employee = Self.employeeID(index)
    employees[index].lastStaffSeq = seq
    if let host = employees[index].host, employees[index].until >= day.dayNumber {
      if random.below(2) == 0 {
        let until = day.adding(days: 30 + random.below(180))
        employees[index].until = until.dayNumber
        return step(
          seq, SecondmentExtended(employee: employee, host: organisations[host], until: until), day)
      }
      employees[index].host = nil
      return step(seq, SecondmentEnded(employee: employee, host: organisations[host]), day)
    }
    var host = random.below(organisations.count)
    if host == employees[index].employer { host = (host + 1) % organisations.count }
    let until = day.adding(days: 90 + random.below(270))
    employees[index].host = host
    employees[index].until = until.dayNumber
    return step(
      seq,
      SecondmentStarted(
        employee: employee, employer: organisations[employees[index].employer],
        host: organisations[host], until: until), day)
  }

  /// Surplus declarations, reassignments out of the cohort and (a few) departures.
  private mutating func staffStatus(_ seq: Int64, _ roll: Int) -> Step? {
    guard let index = activeEmployee() else { return nil }
    let employee = Self.employeeID(index)
    let employer = organisations[employees[index].employer]
    if roll == 53, departures < employees.count / 5 {
      departures += 1
      employees[index].departed = true
      employees[index].lastStaffSeq = seq
      return step(
        seq,
        StaffDeparted(
          employee: employee, employer: employer, reason: random.pick(DepartureReason.allCases)),
        day)
    }
    if roll == 52, employees[index].allocated >= 2_000 {
      let fte = employees[index].allocated / 4
      employees[index].allocated -= fte
      employees[index].lastStaffSeq = seq
      return step(
        seq,
        StaffReassigned(
          employee: employee, employer: employer, fromUnit: "re-integratie", toUnit: "Wsw",
          fte: FTE(tenThousandths: fte), reason: "andere taak"), day)
    }
    employees[index].lastStaffSeq = seq
    return step(
      seq,
      SurplusDeclared(
        employee: employee, employer: employer, status: .boventallig, vwnwFrom: day,
        vwnwUntil: day.adding(days: 365)), day)
  }

  private mutating func decision(_ seq: Int64) -> Step {
    decisionCount += 1
    let id = DecisionID("D\(decisionCount)")
    let gemeente = random.pick(gemeenten)
    let body = BodyID(random.below(2) == 0 ? "RAAD-\(gemeente)" : "COL-\(gemeente)")
    var subjects: [EmployeeID] = []
    for _ in 0..<random.below(3) { subjects.append(Self.employeeID(random.below(employees.count))) }
    let kinds: [DecisionKind] = [
      .plaatsingsbesluit, .werkgeversbesluit, .transitieplan, .begrotingswijziging,
    ]
    let taken = DecisionTaken(
      decision: id, body: body, jointlyWith: [], kind: random.pick(kinds),
      status: random.below(3) == 0 ? .voorgenomen : .definitief, subject: "besluit \(id)",
      dictum: .numbered(["het voorstel \(id) vaststellen"]), proposal: nil, legalBasis: [],
      vote: nil, validFrom: nil, validUntil: nil, subjectEmployees: subjects, conditions: [],
      orAdviceRequests: [], deviatesFromORAdvice: random.below(10) == 0, documents: [])
    recentDecisions.append(id)
    if recentDecisions.count > 64 { recentDecisions.removeFirst() }
    remember(seq, taken.stream, .decision(taken))
    return step(seq, taken, day)
  }

  private mutating func advice(_ seq: Int64) -> Step {
    if !openRequests.isEmpty, random.below(2) == 0 {
      let (request, council) = openRequests.removeFirst()
      let given = ORAdviceGiven(
        request: request, worksCouncil: council,
        outcome: random.pick(AdviceOutcome.allCases), conditions: [])
      recentAdvice.append(Self.recordID(seq))
      if recentAdvice.count > 64 { recentAdvice.removeFirst() }
      remember(seq, given.stream, .advice)
      return step(seq, given, day)
    }
    adviceCount += 1
    let request = AdviceRequestID("A\(adviceCount)")
    let council = random.below(5) == 0 ? random.pick(uitvoerders) : random.pick(arrangements)
    let councilID = BodyID("OR-\(council)")
    var requested = ORAdviceRequested(
      request: request, worksCouncil: councilID,
      requestedBy: BodyID(council.rawValue.hasPrefix("GR") ? "DB-\(council)" : "OR-\(council)"),
      legalBasis: "art. 25 WOR", subject: "advies \(request)", documents: [])
    requested.intendedDecision = recentDecisions.last
    openRequests.append((request, councilID))
    return step(seq, requested, day)
  }

  private mutating func milestone(_ seq: Int64) -> Step? {
    let index = random.below(milestoneDates.count)
    guard !milestoneAchieved[index] else { return nil }
    let id = MilestoneID("M\(index + 1)")
    let scope = [gemeenten[index]]
    if random.below(4) == 0 {
      milestoneAchieved[index] = true
      return step(
        seq,
        MilestoneAchieved(milestone: id, title: "mijlpaal \(index + 1)", scope: scope, notes: ""),
        day)
    }
    let previous = milestoneDates[index]
    let next = previous.adding(days: 7 + random.below(60))
    milestoneDates[index] = next
    return step(
      seq,
      MilestoneReplanned(
        milestone: id, scope: scope, previousDate: previous, newDate: next, reason: "vertraging"),
      day)
  }

  private mutating func costBooking(_ seq: Int64) -> Step {
    var lines: [CostLine] = []
    for number in 0..<(1 + random.below(2)) {
      let amount = Money(cents: Int64(10_000 + random.below(5_000_000)))
      lines.append(
        CostLine(
          line: CostLineID("K\(seq)-\(number + 1)"),
          category: random.pick(CostCategory.allCases), description: "kosten \(seq)",
          amount: amount, allocation: .key, keyVersion: 1,
          charged: MoneySplit.split(amount, by: keyShares),
          funding: random.pick([FundingSource.impulsbudget, .eigenMiddelen]),
          bookedBy: random.pick(gemeenten)))
    }
    let booked = CostBooked(costs: Self.costs, lines: lines)
    remember(seq, booked.stream, .cost(booked))
    return step(seq, booked, day)
  }

  /// A correction of a recent record not corrected before; nil when none fits.
  private mutating func correction(_ seq: Int64, compensation: Bool) -> Step? {
    guard !candidates.isEmpty else { return nil }
    let position = random.below(candidates.count)
    let target = candidates[position]
    let retract = random.below(4) == 0
    let result: Step?
    switch target.target {
    case .cost(let booked) where compensation && !retract:
      let lines = booked.lines.map { line in
        CostCorrectionLine(
          line: CostLineID("\(line.line)-C"), corrects: line.line, amount: Money(cents: 0),
          allocation: .key, keyVersion: 1,
          charged: [
            OrganisationAmount(keyShares[0].organisation, Money(cents: -100)),
            OrganisationAmount(keyShares[1].organisation, Money(cents: 100)),
          ], funding: line.funding, bookedBy: line.bookedBy)
      }
      result = step(
        seq, CostBookingCorrected(costs: Self.costs, lines: lines, reason: "herverdeling"),
        target.day, corrects: target.seq)
    case .decision(let taken) where !retract:
      if random.below(2) == 0 {
        let after: DecisionStatus = taken.status == .definitief ? .voorgenomen : .definitief
        result = step(
          seq,
          DecisionCorrected(
            decision: taken.decision.rawValue,
            changes: [FieldChange("status", from: taken.status.rawValue, to: after.rawValue)],
            retroactiveFrom: target.day, authority: [taken.body], reason: "status hersteld"),
          day, corrects: target.seq)
      } else {
        let replacement = DecisionTaken(
          decision: taken.decision, body: taken.body, jointlyWith: [], kind: taken.kind,
          status: taken.status, subject: taken.subject + " (hersteld)", dictum: taken.dictum,
          proposal: nil, legalBasis: [], vote: nil, validFrom: nil, validUntil: nil,
          subjectEmployees: taken.subjectEmployees, conditions: [], orAdviceRequests: [],
          deviatesFromORAdvice: taken.deviatesFromORAdvice, documents: [])
        result = step(seq, replacement, target.day, corrects: target.seq)
      }
    case .contract(let change):
      let index = Self.employeeIndex(change.employee)
      guard employees[index].lastStaffSeq == target.seq, !employees[index].departed else {
        return nil
      }
      // `decide` checks a stated FTE before against the state that still holds the corrected
      // record, so the replacement states only the FTE after.
      var replacement = change
      replacement.contractFTEBefore = nil
      replacement.functionAfter = random.pick(Self.functions)
      employees[index].lastStaffSeq = seq
      result = step(seq, replacement, target.day, corrects: target.seq)
    default:
      guard compensation == false else { return nil }
      result = step(
        seq, RecordRetracted(record: Self.recordID(target.seq), reason: "ten onrechte geboekt"),
        day, corrects: target.seq, stream: target.stream)
    }
    candidates.remove(at: position)
    return result
  }
}

/// SplitMix64: a small seeded random source, the same on every machine.
struct SplitMixRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
}
