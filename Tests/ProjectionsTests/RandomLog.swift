@testable import TransitionDomain

/// SplitMix64: a small, seeded random source, the same on every machine.
struct SplitMix64 {
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

/// Random logs of domain records: staff moves, contract changes (versions 1 and 2), departures, decisions, costs,
/// with replacements, patches, retractions, compensations and back-dated (late) records.
enum RandomLog {
  static let organisations: [OrganisationID] = ["IJW", "BEV", "HKK", "VLS"]
  static let start = CalendarDay(2025, 7, 1)

  static func records(seed: UInt64, count: Int) -> [DomainRecord] {
    var random = SplitMix64(seed: seed)
    var records: [DomainRecord] = []
    var milliseconds: Int64 = 1_750_000_000_000
    let employees = (1...12).map { EmployeeID("E\(100 + $0)") }
    func add(
      _ payload: any EventPayload, day: CalendarDay, corrects: Int64? = nil, id: String? = nil
    ) {
      milliseconds += Int64(1 + random.below(3)) * 3_600_000
      let seq = Int64(records.count + 1)
      records.append(
        DomainRecord(
          seq: seq, id: id ?? "R-\(seq)", recordedMilliseconds: milliseconds, effective: day,
          by: "test", corrects: corrects, correctionReason: corrects == nil ? nil : "fix",
          event: DomainEvent(payload)))
    }
    func randomDay() -> CalendarDay { start.adding(days: random.below(900)) }
    func fte() -> FTE { FTE(tenThousandths: Int64(2_000 + random.below(8_001))) }
    for organisation in organisations {
      add(
        OrganisationRegistered(
          organisation: organisation, name: organisation.rawValue,
          kind: organisation == "IJW" ? .gemeenschappelijkeRegeling : .gemeente,
          members: organisation == "IJW" ? ["BEV", "HKK", "VLS"] : []), day: start)
    }
    add(
      BodyRegistered(body: "RAAD-BEV", organisations: ["BEV"], kind: .raad, name: "raad"),
      day: start)
    add(
      BodyRegistered(body: "COL-BEV", organisations: ["BEV"], kind: .college, name: "college"),
      day: start)
    add(
      StaffBaselineRecorded(
        cohort: "RI",
        members: employees.map {
          let value = fte()
          return BaselineMember(
            employee: $0, function: "werkconsulent", team: "IJW", employer: "IJW",
            contractHours: 36, normHours: 36, contractFTE: value, allocatedFTE: value,
            cao: "Cao SGO", contractType: .onbepaaldeTijd, contractEnd: nil)
        }), day: start)
    add(
      CostSharingKeySet(
        costs: "k", version: 1,
        shares: [
          KeyShare("BEV", Percentage(hundredths: 3_000)),
          KeyShare("HKK", Percentage(hundredths: 3_000)),
          KeyShare("VLS", Percentage(hundredths: 4_000)),
        ], validFrom: start, basis: "test"), day: start)
    var decisionCount = 0
    while records.count < count {
      let employee = random.pick(employees)
      let day = randomDay()
      switch random.below(12) {
      case 0, 1, 2:
        let to = random.pick(organisations)
        let lines = [
          TransferLine(
            line: "L\(records.count)", employee: employee, from: random.pick(organisations),
            to: to, functionBefore: "werkconsulent", functionAfter: random.pick(["a", "b", "c"]),
            fte: fte(), caoBefore: "Cao SGO", caoAfter: random.pick(["Cao SGO", "Cao Gemeenten"]),
            legalForm: .nieuweArbeidsovereenkomst,
            decisions: decisionCount > 0 ? [DecisionID("D\(random.below(decisionCount))")] : [],
            orAdvice: [])
        ]
        add(StaffTransferred(batch: "B\(records.count)", lines: lines), day: day)
      case 3:
        let employer = random.pick(organisations)
        let after = fte()
        let cao: String? = random.below(2) == 0 ? "Cao Gemeenten" : nil
        // Every third contract change is a version 2, which lowers the cohort with the contract
        // (and every ninth sets the cohort explicitly); no extra random draws, so the other
        // records stay as they were.
        if records.count % 3 == 0 {
          add(
            ContractChangedV2(
              employee: employee, employer: employer, contractFTEAfter: after,
              cohortFTEAfter: records.count % 9 == 0
                ? FTE(tenThousandths: after.tenThousandths / 2) : nil,
              caoAfter: cao, reason: "test"), day: day)
        } else {
          add(
            ContractChanged(
              employee: employee, employer: employer, contractFTEAfter: after, caoAfter: cao,
              reason: "test"), day: day)
        }
      case 4:
        add(StaffDeparted(employee: employee, employer: "IJW", reason: .pensioen), day: day)
      case 5:
        add(
          StaffReassigned(
            employee: employee, employer: "IJW", fromUnit: "RI", toUnit: "Wsw",
            fte: FTE(tenThousandths: Int64(random.below(5_000))), reason: "test"), day: day)
      case 6:
        add(
          DecisionTaken(
            decision: DecisionID("D\(decisionCount)"),
            body: random.pick(["RAAD-BEV", "COL-BEV"]), jointlyWith: [],
            kind: random.pick([.transitieplan, .plaatsingsbesluit, .werkgeversbesluit]),
            status: random.pick([.definitief, .voorgenomen]), subject: "s", dictum: [],
            proposal: nil, legalBasis: [], vote: nil, validFrom: nil, validUntil: nil,
            subjectEmployees: [employee], conditions: [], orAdviceRequests: [],
            deviatesFromORAdvice: random.below(4) == 0, documents: []), day: day)
        decisionCount += 1
      case 7:
        add(
          SurplusDeclared(
            employee: employee, employer: "IJW", status: .boventallig, vwnwFrom: day,
            vwnwUntil: day.adding(days: 365)), day: day)
      case 8:
        let amount = Money(cents: Int64(random.below(10_000_000)))
        let shares = [
          KeyShare("BEV", Percentage(hundredths: 3_000)),
          KeyShare("HKK", Percentage(hundredths: 3_000)),
          KeyShare("VLS", Percentage(hundredths: 4_000)),
        ]
        add(
          CostBooked(
            costs: "k",
            lines: [
              CostLine(
                line: CostLineID("K\(records.count)"), category: .advies, description: "d",
                amount: amount, allocation: .key, keyVersion: 1,
                charged: MoneySplit.split(amount, by: shares), funding: .impulsbudget,
                bookedBy: "VLS")
            ]), day: day)
      default:
        if let (payload, day, target) = correction(&random, records) {
          add(payload, day: day, corrects: target)
        }
      }
    }
    return records
  }

  /// Adds a replacement, patch, retraction or compensation of a random earlier record.
  private static func correction(_ random: inout SplitMix64, _ records: [DomainRecord])
    -> (any EventPayload, CalendarDay, Int64)?
  {
    let target = records[random.below(records.count)]
    guard target.corrects == nil, target.seq > 8 else { return nil }
    switch target.event.payload {
    case .staffTransferred(let transfer) where random.below(2) == 0:
      let lines = transfer.lines.map {
        TransferLine(
          line: $0.line, employee: $0.employee, from: $0.from, to: random.pick(organisations),
          functionBefore: $0.functionBefore, functionAfter: "fixed", fte: $0.fte,
          caoBefore: $0.caoBefore, caoAfter: $0.caoAfter, legalForm: $0.legalForm,
          decisions: $0.decisions, orAdvice: $0.orAdvice)
      }
      return (
        StaffTransferred(batch: transfer.batch, lines: lines),
        target.effective.adding(days: random.below(30)), target.seq
      )
    case .decisionTaken(let decision) where random.below(2) == 0:
      let after = decision.status == .definitief ? "voorgenomen" : "definitief"
      return (
        DecisionCorrected(
          decision: decision.decision.rawValue,
          changes: [FieldChange("status", from: decision.status.rawValue, to: after)],
          retroactiveFrom: target.effective, authority: [decision.body], reason: "fix"),
        target.effective, target.seq
      )
    case .costBooked(let booked):
      guard let line = booked.lines.first else { return nil }
      return (
        CostBookingCorrected(
          costs: "k",
          lines: [
            CostCorrectionLine(
              line: CostLineID("\(line.line)-R"), corrects: line.line, amount: .zero,
              allocation: .key, keyVersion: 1,
              charged: [
                OrganisationAmount("BEV", Money(cents: -100)),
                OrganisationAmount("HKK", Money(cents: 100)),
              ], funding: line.funding, bookedBy: "VLS")
          ], reason: "fix"), target.effective, target.seq
      )
    default:
      return (RecordRetracted(record: target.id, reason: "fix"), target.effective, target.seq)
    }
  }
}
