import CanonicalJSON
import Testing

@testable import TransitionDomain

/// Refusals and folds of issue 19 items 4, 5 and 8 in a transition of another shape: tasks of a
/// GR and a municipality move into a new regional organisation (RUO).
@Suite("Refusals: funds, works councils, contract changes")
struct FundAndWorksCouncilRefusalTests {
  static let start = EffectiveDate(CalendarDay(2026, 1, 1))
  static let july = EffectiveDate(CalendarDay(2026, 7, 1))

  /// GEM-A and GEM-B (municipalities), GR-WERK (their GR), RUO (the new regional organisation);
  /// E101 at GEM-A and E102 at GR-WERK, 1.0000 FTE each; fund RES-A of GEM-A with withdrawal
  /// W-A1, fund RES-B of GEM-B with withdrawal W-B1; an advice request ADV-1 to OR-GR.
  static func world() throws -> Replay {
    var replay = Replay()
    for id in ["GEM-A", "GEM-B"] {
      try replay.run(
        TransitionCommand(
          OrganisationRegistered(
            organisation: OrganisationID(id), name: id, kind: .gemeente, members: []),
          effective: start))
    }
    try replay.run(
      TransitionCommand(
        OrganisationRegistered(
          organisation: "GR-WERK", name: "GR Werk", kind: .gemeenschappelijkeRegeling,
          members: ["GEM-A", "GEM-B"]), effective: start))
    try replay.run(
      TransitionCommand(
        OrganisationRegistered(organisation: "RUO", name: "RUO", kind: .uitvoerder, members: []),
        effective: start))
    for (body, organisation, kind) in [
      ("OR-GR", "GR-WERK", BodyKind.ondernemingsraad), ("RAAD-A", "GEM-A", .raad),
      ("BESTUUR-GR", "GR-WERK", .grAlgemeenBestuur),
    ] {
      try replay.run(
        TransitionCommand(
          BodyRegistered(
            body: BodyID(body), organisations: [OrganisationID(organisation)], kind: kind,
            name: body), effective: start))
    }
    try replay.run(
      TransitionCommand(
        StaffBaselineRecorded(
          cohort: "RUO", members: [member("E101", at: "GEM-A"), member("E102", at: "GR-WERK")]),
        effective: start))
    for (fund, holder) in [("RES-A", "GEM-A"), ("RES-B", "GEM-B")] {
      try replay.run(
        TransitionCommand(
          FundCreated(
            fund: FundID(fund), name: "reserve transitie", kind: "bestemmingsreserve",
            holder: OrganisationID(holder), amount: Money(euros: 200_000), decision: nil,
            purpose: "frictiekosten"), effective: start))
    }
    for (withdrawal, fund) in [("W-A1", "RES-A"), ("W-B1", "RES-B")] {
      try replay.run(
        TransitionCommand(
          WithdrawalAuthorised(
            withdrawal: WithdrawalID(withdrawal), fund: FundID(fund),
            amount: Money(euros: 50_000), decision: "RB-1", purpose: "projectleiding"),
          effective: start))
    }
    try replay.run(
      TransitionCommand(
        ORAdviceRequested(
          request: "ADV-1", worksCouncil: "OR-GR", requestedBy: "BESTUUR-GR", intendedDecision: nil,
          legalBasis: "art. 25 WOR", subject: "overgang naar RUO", documents: []),
        effective: start))
    return replay
  }

  static func member(_ id: String, at employer: OrganisationID) -> BaselineMember {
    BaselineMember(
      employee: EmployeeID(id), function: "consulent", team: "werk", employer: employer,
      contractHours: 36, normHours: 36, contractFTE: FTE(tenThousandths: 10_000),
      allocatedFTE: FTE(tenThousandths: 10_000), cao: "Cao Gemeenten",
      contractType: .onbepaaldeTijd)
  }

  static func booking(fund: FundID?, withdrawal: WithdrawalID?, line: CostLineID = "F01")
    -> CostBookedV2
  {
    CostBookedV2(
      costs: "frictiekosten",
      lines: [
        FundedCostLine(
          line: line, category: .projectorganisatie, description: "projectleiding",
          amount: Money(euros: 10_000), allocation: .direct, keyVersion: nil,
          charged: [OrganisationAmount("GEM-A", Money(euros: 10_000))], funding: .eigenMiddelen,
          bookedBy: "GEM-A", fund: fund, withdrawal: withdrawal)
      ])
  }

  static func move(_ employee: EmployeeID, from: OrganisationID, fte: Int64) -> StaffTransferred {
    StaffTransferred(
      batch: "B1",
      lines: [
        TransferLine(
          line: "L1", employee: employee, from: from, to: "RUO", functionBefore: "consulent",
          functionAfter: "consulent", fte: FTE(tenThousandths: fte), caoBefore: "Cao Gemeenten",
          caoAfter: "Cao Gemeenten", legalForm: .overgangVanOnderneming, decisions: [],
          orAdvice: [])
      ])
  }

  static func contract(
    _ employee: EmployeeID, at employer: OrganisationID, after: Int64?, cohort: Int64?
  )
    -> ContractChangedV2
  {
    ContractChangedV2(
      employee: employee, employer: employer,
      contractFTEBefore: after.map { _ in FTE(tenThousandths: 10_000) },
      contractFTEAfter: after.map { FTE(tenThousandths: $0) },
      cohortFTEAfter: cohort.map { FTE(tenThousandths: $0) }, reason: "eigen verzoek")
  }

  static let cases: [(String, TransitionCommand, String)] = [
    (
      "booking on an unknown fund",
      TransitionCommand(booking(fund: "RES-X", withdrawal: nil), effective: july),
      "Cannot BookCosts on 2026-07-01: no fund RES-X is recorded. Check the id, or record the fund first."
    ),
    (
      "booking on an unknown withdrawal",
      TransitionCommand(booking(fund: "RES-A", withdrawal: "W-X"), effective: july),
      "Cannot BookCosts on 2026-07-01: no withdrawal W-X is recorded. Check the id, or record the withdrawal first."
    ),
    (
      "booking on a withdrawal of another fund",
      TransitionCommand(booking(fund: "RES-A", withdrawal: "W-B1"), effective: july),
      "Cannot book line F01 on withdrawal W-B1: it draws on fund RES-B, not on RES-A. Give the line fund RES-B, or name a withdrawal of the line's fund."
    ),
    (
      "booking on a withdrawal without its fund",
      TransitionCommand(booking(fund: nil, withdrawal: "W-A1"), effective: july),
      "Cannot book line F01 on withdrawal W-A1: it draws on fund RES-A, and the line names no fund. Give the line fund RES-A, or name a withdrawal of the line's fund."
    ),
    (
      "a fund with a negative amount",
      TransitionCommand(
        FundCreated(
          fund: "RES-C", name: "reserve", kind: "reserve", holder: "GEM-B",
          amount: Money(cents: -1), decision: nil, purpose: "x"), effective: july),
      "Cannot record fund RES-C with EUR -0.01: the amount cannot be negative. Record a positive amount; a smaller amount is a correction of the record."
    ),
    (
      "a fund id twice",
      TransitionCommand(
        FundCreated(
          fund: "RES-A", name: "reserve", kind: "reserve", holder: "GEM-A",
          amount: Money(euros: 1), decision: nil, purpose: "x"), effective: july),
      "Cannot CreateFund: fund RES-A is already recorded. Use a new id, or correct the existing record."
    ),
    (
      "a withdrawal from an unknown fund",
      TransitionCommand(
        WithdrawalAuthorised(
          withdrawal: "W-C1", fund: "RES-C", amount: Money(euros: 1), decision: "RB-2",
          purpose: "x"), effective: july),
      "Cannot AuthoriseWithdrawal on 2026-07-01: no fund RES-C is recorded. Check the id, or record the fund first."
    ),
    (
      "an advice negative on parts that names no negative part",
      TransitionCommand(
        ORAdviceGivenV2(
          request: "ADV-1", worksCouncil: "OR-GR", outcome: .negatiefOpOnderdelen,
          conditions: [],
          parts: [AdvicePart(part: "huisvesting", outcome: .positiefMetVoorwaarden, conditions: [])]
        ), effective: july),
      "Cannot record the advice on ADV-1 as 'negatief op onderdelen': none of its 1 part(s) is negatief. Add each part it is negative on to 'parts' with outcome \"negatief\", or record the outcome as \"negatief\" or \"positief\"."
    ),
    (
      "an absence of a works council at an unknown employer",
      TransitionCommand(
        WorksCouncilAbsenceRecorded(employer: "RUO-X", reason: "nieuw"), effective: july),
      "Cannot RecordWorksCouncilAbsence on 2026-07-01: organisation RUO-X is not registered. Check the code, or register it first with RegisterOrganisation."
    ),
    (
      "a cohort FTE above the new contract",
      TransitionCommand(
        contract("E101", at: "GEM-A", after: 8_889, cohort: 9_000), effective: july),
      "Cannot count 0.9000 FTE of E101 in the cohort from 2026-07-01: the contract is 0.8889 FTE that day. Use at most 0.8889 for 'cohortFTEAfter'."
    ),
  ]

  @Test(
    "a hard rule refuses the command with a message naming the thing, day and next step",
    arguments: cases)
  func refuses(rule: String, command: TransitionCommand, message: String) throws {
    let replay = try Self.world()
    do {
      _ = try decide(command, state: replay.state)
      Issue.record("\(rule): accepted")
    } catch {
      #expect(error.description == message, "\(rule)")
    }
  }

  @Test("a booking on a fund naming its withdrawal, and one on a fund without any, are accepted")
  func bookingsAccepted() throws {
    var replay = try Self.world()
    try replay.run(
      TransitionCommand(Self.booking(fund: "RES-A", withdrawal: "W-A1"), effective: Self.july))
    try replay.run(
      TransitionCommand(
        Self.booking(fund: "RES-A", withdrawal: nil, line: "F02"), effective: Self.july))
    #expect(replay.state.costLines["F01"]?.line.amount == Money(euros: 10_000))
    #expect(replay.state.costLines.count == 2)
  }

  @Test(
    "a version-2 contract change lowers the cohort with the contract; the move of the new FTE is accepted"
  )
  func cohortFollowsContract() throws {
    var replay = try Self.world()
    try replay.run(
      TransitionCommand(
        Self.contract("E102", at: "GR-WERK", after: 8_889, cohort: nil),
        effective: EffectiveDate(CalendarDay(2026, 5, 1))))
    let may = try #require(replay.state.employee("E102", on: CalendarDay(2026, 5, 1)))
    #expect(may.contractFTE == FTE(tenThousandths: 8_889))
    #expect(may.allocatedFTE == FTE(tenThousandths: 8_889))
    #expect(may.contractReducedFTE == FTE(tenThousandths: 1_111))
    try replay.run(
      TransitionCommand(Self.move("E102", from: "GR-WERK", fte: 8_889), effective: Self.july))
    let buckets = replay.state.cohortFTEBuckets(on: CalendarDay(2026, 7, 1))
    #expect(buckets["RUO"] == FTE(tenThousandths: 8_889))
    #expect(buckets["contract reduced"] == FTE(tenThousandths: 1_111))
    #expect(buckets.values.sum() == replay.state.baselineFTE(on: CalendarDay(2026, 7, 1)))
  }

  @Test("a cohort FTE set below the contract, and never raised by a later change")
  func explicitCohort() throws {
    var replay = try Self.world()
    try replay.run(
      TransitionCommand(
        Self.contract("E101", at: "GEM-A", after: nil, cohort: 5_000),
        effective: EffectiveDate(CalendarDay(2026, 5, 1))))
    let may = try #require(replay.state.employee("E101", on: CalendarDay(2026, 5, 1)))
    #expect(may.contractFTE == FTE(tenThousandths: 10_000))
    #expect(may.allocatedFTE == FTE(tenThousandths: 5_000))
    do {
      _ = try decide(
        TransitionCommand(
          Self.contract("E101", at: "GEM-A", after: nil, cohort: 6_000), effective: Self.july),
        state: replay.state)
      Issue.record("a rise of the cohort was accepted")
    } catch {
      #expect(
        error.description
          == "Cannot raise the cohort FTE of E101 from 0.5000 to 0.6000 on 2026-07-01: a contract change only lowers it. Leave 'cohortFTEAfter' out, or use at most 0.5000."
      )
    }
  }

  @Test("after a version-1 contract change the move of the contract FTE says what to record")
  func versionOneContractChange() throws {
    var replay = try Self.world()
    try replay.run(
      TransitionCommand(
        ContractChanged(
          employee: "E102", employer: "GR-WERK", contractFTEBefore: FTE(tenThousandths: 10_000),
          contractFTEAfter: FTE(tenThousandths: 8_889), reason: "eigen verzoek"),
        effective: EffectiveDate(CalendarDay(2026, 5, 1))))
    #expect(replay.records.last?.eventType == "ContractChanged.v1")
    do {
      _ = try decide(
        TransitionCommand(Self.move("E102", from: "GR-WERK", fte: 8_889), effective: Self.july),
        state: replay.state)
      Issue.record("the move was accepted")
    } catch {
      #expect(
        error.description
          == "Cannot move 0.8889 FTE of E102 on 2026-07-01: the contract is 0.8889 FTE, but the cohort still counts 1.0000 FTE, because the earlier contract change was recorded as ContractChanged.v1, which kept the cohort. Record ChangeContract with --cohortFTEAfter 0.8889 on or before 2026-07-01 first (the difference leaves the cohort as 'contract reduced'), then move 0.8889."
      )
    }
    try replay.run(
      TransitionCommand(
        Self.contract("E102", at: "GR-WERK", after: nil, cohort: 8_889),
        effective: EffectiveDate(CalendarDay(2026, 6, 1))))
    try replay.run(
      TransitionCommand(Self.move("E102", from: "GR-WERK", fte: 8_889), effective: Self.july))
    #expect(replay.state.employer(of: "E102", on: CalendarDay(2026, 7, 1)) == "RUO")
  }

  @Test("version-1 bookings and advice read into the version-2 shapes; a v2 record replaces a v1")
  func earlierVersions() throws {
    let v1 = ORAdviceGiven(
      request: "ADV-1", worksCouncil: "OR-GR", outcome: .positiefMetVoorwaarden,
      conditions: ["scholing"])
    #expect(
      ORAdviceGivenV2.reading(v1)
        == ORAdviceGivenV2(
          request: "ADV-1", worksCouncil: "OR-GR", outcome: .positiefMetVoorwaarden,
          conditions: ["scholing"], parts: []))
    let booked = CostBooked(costs: "frictiekosten", lines: [IJmondCosts.lines(["K01"])[0]])
    let read = try #require(CostBookedV2.reading(booked))
    #expect(read.lines.map(\.costLine) == booked.lines)
    #expect(read.lines.allSatisfy { $0.fund == nil && $0.withdrawal == nil })
    #expect(Correction.kind(of: "CostBooked.v2", correcting: "CostBooked.v1") == .replacement)
    #expect(
      Correction.kind(of: "CostBookingCorrected.v1", correcting: "CostBooked.v2") == .compensation)
    #expect(Correction.kind(of: "ORAdviceGiven.v2", correcting: "CostBooked.v1") == nil)
    #expect(TransitionCommand.namesByEventType["CostBooked.v1"] == "BookCosts")
    #expect(TransitionCommand.eventTypesByName["BookCosts"] == "CostBooked.v2")
  }

  @Test("a batch line written for ORAdviceGiven.v1 still records v1; with parts it records v2")
  func earlierVersionInput() throws {
    var json: JSONObject = [
      "command": .string("RecordORAdvice"), "effective": .string("2026-03-15"),
      "request": .string("ADV-1"), "worksCouncil": .string("OR-GR"),
      "outcome": .string("positief"), "conditions": .array([]),
    ]
    #expect(try TransitionCommand(json: json).event.eventType == "ORAdviceGiven.v1")
    json.insert("parts", .array([]))
    #expect(try TransitionCommand(json: json).event.eventType == "ORAdviceGiven.v2")
    let partly: JSONObject = [
      "command": .string("RecordORAdvice"), "effective": .string("2026-03-15"),
      "request": .string("ADV-1"), "worksCouncil": .string("OR-GR"),
      "outcome": .string("negatief op onderdelen"), "conditions": .array([]),
    ]
    #expect(
      throws: Refusal.invalidInput(command: "RecordORAdvice", problem: "field 'parts' is missing")
    ) {
      try TransitionCommand(json: partly)
    }
  }
}
