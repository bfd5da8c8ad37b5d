import Projections
import Testing

@testable import TransitionDomain

/// Issue 19 items 4, 5 and 8 through the views and the audit, in a transition of another shape:
/// tasks of GR-WERK (a GR of GEM-A and GEM-B) and of GEM-A move into a new regional
/// organisation RUO; OR-GR advises negatively on a part, OR-A is asked late or not at all; GEM-A
/// holds a reserve with two authorised withdrawals and four bookings.
@Suite("Funds, works councils of several employers, contract changes: views and audit")
struct FundAndWorksCouncilAuditTests {
  struct Builder {
    var state = TransitionState()
    var records: [DomainRecord] = []

    mutating func run(_ payload: any EventPayload, _ day: String, corrects: Int64? = nil) throws {
      let effective = try #require(EffectiveDate(parsing: day))
      let command = TransitionCommand(
        payload, effective: effective, corrects: corrects,
        correctionReason: corrects == nil ? nil : "fix")
      for item in try decide(command, state: state) {
        let seq = Int64(records.count + 1)
        let record = item.record(
          seq: seq, id: "R\(seq)", recordedMilliseconds: 1_760_000_000_000 + seq * 60_000,
          by: "test")
        try state.apply(record)
        records.append(record)
      }
    }
  }

  static func line(
    _ id: String, euros: Int64, fund: FundID? = "RES-A", withdrawal: WithdrawalID?
  ) -> CostBookedV2 {
    CostBookedV2(
      costs: "frictiekosten",
      lines: [
        FundedCostLine(
          line: CostLineID(id), category: .projectorganisatie, description: "kwartiermaker",
          amount: Money(euros: euros), allocation: .direct, keyVersion: nil,
          charged: [OrganisationAmount("GEM-A", Money(euros: euros))], funding: .eigenMiddelen,
          bookedBy: "GEM-A", fund: fund, withdrawal: withdrawal)
      ])
  }

  static func member(_ id: EmployeeID, at employer: OrganisationID) -> BaselineMember {
    BaselineMember(
      employee: id, function: "consulent", team: "werk", employer: employer, contractHours: 36,
      normHours: 36, contractFTE: FTE(tenThousandths: 10_000),
      allocatedFTE: FTE(tenThousandths: 10_000), cao: "Cao Gemeenten",
      contractType: .onbepaaldeTijd)
  }

  static func decision(
    _ id: DecisionID, by body: BodyID, kind: DecisionKind, requests: [AdviceRequestID] = [],
    deviates: Bool = false
  ) -> DecisionTaken {
    DecisionTaken(
      decision: id, body: body, jointlyWith: [], kind: kind, status: .definitief,
      subject: "overgang naar RUO", dictum: [], legalBasis: [], subjectEmployees: [],
      conditions: [], orAdviceRequests: requests, deviatesFromORAdvice: deviates, documents: [])
  }

  /// The log; `adviseA` records OR-A's advice before the move, `absence` records that RUO has no
  /// OR yet.
  static func log(
    adviseA: Bool = false, absence: Bool = false, moveOn: String = "2026-04-15",
    absenceAInstead: BodyID? = nil
  ) throws -> [DomainRecord] {
    var log = Builder()
    for (id, kind, members) in [
      ("GEM-A", OrganisationKind.gemeente, [OrganisationID]()), ("GEM-B", .gemeente, []),
      ("GR-WERK", .gemeenschappelijkeRegeling, ["GEM-A", "GEM-B"]), ("RUO", .uitvoerder, []),
    ] {
      try log.run(
        OrganisationRegistered(
          organisation: OrganisationID(id), name: id, kind: kind, members: members), "2026-01-01")
    }
    for (body, organisation, kind) in [
      ("RAAD-A", "GEM-A", BodyKind.raad), ("COL-A", "GEM-A", .college),
      ("OR-A", "GEM-A", .ondernemingsraad), ("BESTUUR-GR", "GR-WERK", .grAlgemeenBestuur),
      ("OR-GR", "GR-WERK", .ondernemingsraad), ("DIR-RUO", "RUO", .managementteam),
    ] {
      try log.run(
        BodyRegistered(
          body: BodyID(body), organisations: [OrganisationID(organisation)], kind: kind,
          name: body), "2026-01-01")
    }
    try log.run(
      StaffBaselineRecorded(
        cohort: "RUO", members: [member("E201", at: "GEM-A"), member("E202", at: "GR-WERK")]),
      "2026-01-01")
    try log.run(
      FundCreated(
        fund: "RES-A", name: "reserve transitie", kind: "bestemmingsreserve", holder: "GEM-A",
        amount: Money(euros: 100_000), decision: "RB-A-1", purpose: "frictiekosten RUO"),
      "2026-01-15")
    try log.run(
      WithdrawalAuthorised(
        withdrawal: "W-A1", fund: "RES-A", amount: Money(euros: 40_000), decision: "RB-A-2",
        purpose: "kwartiermaker"), "2026-03-01")
    for (request, council, by) in [("ADV-A", "OR-A", "COL-A"), ("ADV-GR", "OR-GR", "BESTUUR-GR")] {
      try log.run(
        ORAdviceRequested(
          request: AdviceRequestID(request), worksCouncil: BodyID(council),
          requestedBy: BodyID(by), intendedDecision: nil, legalBasis: "art. 25 lid 1 WOR",
          subject: "overgang naar RUO", documents: []), "2026-02-01")
    }
    try log.run(
      ORAdviceGivenV2(
        request: "ADV-GR", worksCouncil: "OR-GR", outcome: .negatiefOpOnderdelen,
        conditions: ["behoud reiskosten"],
        parts: [AdvicePart(part: "plaatsing teamleiders", outcome: .negatief, conditions: [])]),
      "2026-03-15")
    if adviseA {
      try log.run(
        ORAdviceGiven(
          request: "ADV-A", worksCouncil: "OR-A", outcome: .positief, conditions: []),
        "2026-03-20")
    }
    if let instead = absenceAInstead {
      try log.run(
        WorksCouncilAbsenceRecorded(
          employer: "GEM-A", reason: "OR-A opgeheven", until: nil, consultedInstead: instead),
        "2026-01-01")
    }
    if absence {
      try log.run(
        WorksCouncilAbsenceRecorded(
          employer: "RUO", reason: "nieuwe organisatie", until: CalendarDay(2026, 12, 31)),
        "2026-01-01")
    }
    try log.run(
      decision(
        "D-GR", by: "BESTUUR-GR", kind: .werkgeversbesluit, requests: ["ADV-GR"],
        deviates: true), "2026-04-01")
    try log.run(decision("D-RUO", by: "DIR-RUO", kind: .plaatsingsbesluit), "2026-04-02")
    try log.run(line("F01", euros: 25_000, withdrawal: "W-A1"), "2026-04-01")
    try log.run(
      StaffTransferred(
        batch: "T1",
        lines: ["E201", "E202"].map { employee in
          TransferLine(
            line: "T1-\(employee)", employee: EmployeeID(employee),
            from: employee == "E201" ? "GEM-A" : "GR-WERK", to: "RUO",
            functionBefore: "consulent", functionAfter: "consulent",
            fte: FTE(tenThousandths: 10_000), caoBefore: "Cao Gemeenten",
            caoAfter: "Cao Gemeenten", legalForm: .overgangVanOnderneming,
            decisions: ["D-GR"], orAdvice: [])
        }), moveOn)
    try log.run(line("F02", euros: 20_000, withdrawal: "W-A1"), "2026-05-01")
    try log.run(line("F03", euros: 10_000, withdrawal: nil), "2026-05-15")
    try log.run(
      WithdrawalAuthorised(
        withdrawal: "W-A2", fund: "RES-A", amount: Money(euros: 60_000), decision: "RB-A-3",
        purpose: "huisvesting"), "2026-05-20")
    try log.run(line("F04", euros: 50_000, withdrawal: "W-A2"), "2026-06-01")
    return log.records
  }

  static func context(_ records: [DomainRecord], _ day: String, knownAt: Int64? = nil) throws
    -> ViewContext
  {
    let ledger = try Ledger(records: records)
    return ViewContext(
      ledger: ledger,
      query: ViewQuery(validAt: AuditLog.day(day), knownAt: .everything),
      seq: knownAt ?? ledger.lastSeq)
  }

  static func findings(_ context: ViewContext, _ rules: Set<String>) -> [String] {
    context.audit().filter { rules.contains($0.rule) }.map(\.description)
  }

  static let fundRules: Set<String> = [
    "fund-booking-unauthorised", "fund-withdrawal-exceeded", "fund-overdrawn",
  ]

  @Test("the fund view: amount, authorised and booked withdrawals and balance per holder")
  func fundView() throws {
    let records = try Self.log()
    let june = try Self.context(records, "2026-06-30")
    let table = june.table(.funds)
    #expect(
      table.rows == [
        [
          "RES-A", "-", "GEM-A", "R12", "2026-01-15", "EUR 100,000.00", "EUR 100,000.00",
          "EUR 105,000.00", "EUR -5,000.00",
        ],
        [
          "RES-A", "W-A1", "GEM-A", "R13", "2026-03-01", "-", "EUR 40,000.00", "EUR 45,000.00",
          "EUR -5,000.00",
        ],
        [
          "RES-A", "W-A2", "GEM-A", "R23", "2026-05-20", "-", "EUR 60,000.00", "EUR 50,000.00",
          "EUR 10,000.00",
        ],
        ["RES-A", "(none)", "GEM-A", "-", "-", "-", "EUR 0.00", "EUR 10,000.00", "-"],
      ])
    #expect(
      table.notes == [
        "GEM-A: 1 fund(s), amount EUR 100,000.00, authorised EUR 100,000.00, booked"
          + " EUR 105,000.00, balance EUR -5,000.00"
      ])
    // On a valid day before the second withdrawal, and as known before F02 was recorded.
    let april = try Self.context(records, "2026-04-30")
    #expect(
      april.table(.funds).rows.first?.suffix(3) == [
        "EUR 40,000.00", "EUR 25,000.00", "EUR 75,000.00",
      ])
    let costs = june.table(.costs)
    #expect(costs.cell("funding", key: "F01") == "eigen middelen; fund RES-A (W-A1)")
    #expect(costs.cell("funding", key: "F03") == "eigen middelen; fund RES-A")
    let earlier = try Self.context(records, "2026-06-30", knownAt: 20)
    #expect(earlier.fundBalances().first?.booked == Money(euros: 25_000))
  }

  @Test("fund rules fire: a booking without a withdrawal, above the authorisation, overdrawing")
  func fundRulesFire() throws {
    let june = try Self.context(try Self.log(), "2026-06-30")
    #expect(
      Self.findings(june, Self.fundRules) == [
        "fund-booking-unauthorised 2026-05-15 [12,22] Cost line F03 (R22, 2026-05-15) charges"
          + " EUR 10,000.00 to fund RES-A of GEM-A, but the line names no authorised withdrawal:"
          + " a withdrawal from a reserve needs a council decision first.",
        "fund-overdrawn 2026-06-01 [12,19,21,22,24] By 2026-06-30 the lines booked on fund RES-A"
          + " of GEM-A add up to EUR 105,000.00, more than its EUR 100,000.00 (balance"
          + " EUR -5,000.00); line F04 (R24, 2026-06-01) overdrew it.",
        "fund-withdrawal-exceeded 2026-05-01 [13,19,21] By 2026-06-30 the lines booked on"
          + " withdrawal W-A1 of fund RES-A add up to EUR 45,000.00, EUR 5,000.00 above the"
          + " EUR 40,000.00 that decision RB-A-2 authorised; line F02 (R21, 2026-05-01) went over"
          + " it.",
      ])
  }

  @Test("fund rules stay silent while the bookings are authorised and within both amounts")
  func fundRulesSilent() throws {
    let april = try Self.context(try Self.log(), "2026-04-30")
    #expect(Self.findings(april, Self.fundRules) == [])
  }

  @Test("a move without its old employer's OR advice is named per employer")
  func missingAdvicePerEmployer() throws {
    let fired = try Self.context(try Self.log(), "2026-06-30")
    #expect(
      Self.findings(fired, ["or-advice-missing-per-employer"]) == [
        "or-advice-missing-per-employer 2026-04-15 [20] 1 move(s) of R20 leave GEM-A on"
          + " 2026-04-15, but no advice of OR-A given by 2026-04-15 is recorded (art. 25 WOR: the"
          + " OR of each old employer advises before its staff move): E201."
      ])
    let silent = try Self.context(try Self.log(adviseA: true), "2026-06-30")
    #expect(Self.findings(silent, ["or-advice-missing-per-employer"]) == [])
  }

  @Test("an old employer without an OR: the move asks for the advice of the body consulted instead")
  func absentOldEmployerCouncil() throws {
    let silent = try Self.context(try Self.log(absenceAInstead: "OR-GR"), "2026-06-30")
    #expect(Self.findings(silent, ["or-advice-missing-per-employer"]) == [])
    let fired = try Self.context(try Self.log(absenceAInstead: "BESTUUR-GR"), "2026-06-30")
    #expect(
      Self.findings(fired, ["or-advice-missing-per-employer"]) == [
        "or-advice-missing-per-employer 2026-04-15 [17,21] 1 move(s) of R21 leave GEM-A on"
          + " 2026-04-15, but no advice of BESTUUR-GR given by 2026-04-15 is recorded (art. 25"
          + " WOR: the OR of each old employer advises before its staff move): E201."
      ])
  }

  @Test("a decision deviating from one OR's advice suspends the moves of every employer under it")
  func suspensionAcrossEmployers() throws {
    let fired = try Self.context(try Self.log(adviseA: true), "2026-06-30")
    #expect(
      Self.findings(fired, ["or-advice-deviation", "or-advice-deviation-wait"]) == [
        "or-advice-deviation 2026-04-01 [15,16,18] D-GR of BESTUUR-GR (2026-04-01) deviates from"
          + " the OR's negatief op onderdelen (negatief: plaatsing teamleiders) advice R16:"
          + " nothing may be executed before 2026-05-01 (art. 25 lid 6 WOR).",
        "or-advice-deviation-wait 2026-04-15 [15,16,18,21] D-GR deviates from the OR advice, yet"
          + " it is executed before 2026-05-01: E201 (from GEM-A) on 2026-04-15, E202 (from"
          + " GR-WERK) on 2026-04-15.",
      ])
    // Silent: the same moves a month after the decision.
    let later = try Self.context(try Self.log(adviseA: true, moveOn: "2026-05-01"), "2026-06-30")
    #expect(Self.findings(later, ["or-advice-deviation-wait"]) == [])
  }

  @Test("a new employer without an OR: the decision rule asks only the advice it can ask for")
  func absenceOfWorksCouncil() throws {
    let fired = try Self.context(try Self.log(adviseA: true), "2026-06-30")
    #expect(
      Self.findings(fired, ["or-advice-before-decision"]).filter { $0.contains("D-RUO") } == [
        "or-advice-before-decision 2026-04-02 [19] Personnel decision D-RUO of DIR-RUO on"
          + " 2026-04-02: no OR advice request is recorded for it."
      ])
    let silent = try Self.context(try Self.log(adviseA: true, absence: true), "2026-06-30")
    #expect(Self.findings(silent, ["or-advice-before-decision"]) == [])
  }

  @Test("the conservation view says where the FTE of a lowered contract went")
  func contractReducedBucket() throws {
    var records = try Self.log(adviseA: true, moveOn: "2026-05-01")
    var log = Builder()
    for record in records { try log.state.apply(record) }
    log.records = records
    try log.run(
      ContractChangedV2(
        employee: "E201", employer: "RUO", contractFTEBefore: FTE(tenThousandths: 10_000),
        contractFTEAfter: FTE(tenThousandths: 8_889), reason: "eigen verzoek"), "2026-06-01")
    records = log.records
    let table = try Self.context(records, "2026-06-30").table(.conservation)
    #expect(
      table.rows == [
        ["at RUO", "2", "1.8889"], ["contract reduced", "0", "0.1111"],
      ])
    #expect(
      table.notes == [
        "baseline: 2 people, 2.0000 fte (records 11)",
        "buckets: 2 people, 2.0000 fte: conserved",
        "contract reduced: the contract fell below the cohort fte (ContractChanged.v2), and the"
          + " difference left the cohort: E201 0.1111",
      ])
    let before = try Self.context(records, "2026-05-31").table(.conservation)
    #expect(before.rows == [["at RUO", "2", "2.0000"]])
  }

  @Test("cohort-above-contract fires after a version-1 reduction and is silent after a version 2")
  func cohortAboveContract() throws {
    let base = try Self.log(adviseA: true, moveOn: "2026-05-01")
    func with(_ change: any EventPayload) throws -> [DomainRecord] {
      var log = Builder()
      for record in base { try log.state.apply(record) }
      log.records = base
      try log.run(change, "2026-06-01")
      return log.records
    }
    let v1 = try with(
      ContractChanged(
        employee: "E201", employer: "RUO", contractFTEBefore: FTE(tenThousandths: 10_000),
        contractFTEAfter: FTE(tenThousandths: 8_889), reason: "eigen verzoek"))
    let fired = Self.findings(try Self.context(v1, "2026-06-30"), ["cohort-above-contract"])
    #expect(
      fired == [
        "cohort-above-contract 2026-06-30 [26] On 2026-06-30 E201 counts 1.0000 cohort fte at"
          + " RUO, but the contract is 0.8889 fte since 2026-06-01 (R26, ContractChanged.v1,"
          + " which kept the cohort). Record ChangeContract with --cohortFTEAfter 0.8889 so that"
          + " the cohort follows the contract (the difference then shows as 'contract reduced')."
      ])
    #expect(Self.findings(try Self.context(v1, "2026-05-31"), ["cohort-above-contract"]) == [])
    let v2 = try with(
      ContractChangedV2(
        employee: "E201", employer: "RUO", contractFTEBefore: FTE(tenThousandths: 10_000),
        contractFTEAfter: FTE(tenThousandths: 8_889), reason: "eigen verzoek"))
    #expect(Self.findings(try Self.context(v2, "2026-06-30"), ["cohort-above-contract"]) == [])
  }
}
