import Projections
import Testing

@testable import TransitionDomain

/// Every audit rule (DOMAIN.md 12) on a transition of another shape than IJmond: municipalities
/// A, B, C and D move tasks and staff into a new regional organisation REG (`AuditLog.region`).
///
/// For each rule one minimal log where it fires exactly once, with the whole finding asserted
/// (rule, day, evidence, sentence), and the same log with the one fact that makes it right,
/// where the audit is silent. Logs are built through the domain's rules; where the rules refuse
/// the wrong fact outright, the test says which legitimate order of recording gets it in.
@Suite("Audit rules fire on the wrong fact and stay silent on the right one")
struct AuditRuleTests {
  typealias Log = AuditLog

  static func day(_ text: String) -> CalendarDay { AuditLog.day(text) }

  // MARK: - fte-conservation (12.3)

  /// A's cohort baseline holds E1 from 2026-01-01; B's baseline, recorded later but dated
  /// 2025-07-01 (so no employer is known for that day and the rules accept it), holds
  /// `employee`: E1 again (counted twice) or E3.
  static func conservation(secondBaselineHolds employee: EmployeeID) throws -> (
    log: AuditLog, seqs: [Int64]
  ) {
    var log = try AuditLog.region()
    let first = try log.add(
      StaffBaselineRecorded(cohort: "A-werk", members: [Log.member("E1", at: "A", fte: 8_000)]),
      "2026-01-01", id: "BASE-A")
    let second = try log.add(
      StaffBaselineRecorded(
        cohort: "B-werk", members: [Log.member(employee, at: "B", fte: 8_000)]),
      "2025-07-01", id: "BASE-B")
    return (log, [first, second])
  }

  @Test("fte-conservation fires when a baseline counts an employee twice")
  func conservationFires() throws {
    let (log, seqs) = try Self.conservation(secondBaselineHolds: "E1")
    #expect(
      try log.audit("2026-06-30") == [
        Finding(
          rule: "fte-conservation", day: Self.day("2026-06-30"), seqs: seqs,
          message:
            "On 2026-06-30 the cohort's buckets hold 0.8000 fte, but its baseline holds"
            + " 1.6000 fte: some fte is unaccounted for.")
      ])
  }

  @Test("fte-conservation is silent when every baseline member is someone else")
  func conservationSilent() throws {
    let (log, _) = try Self.conservation(secondBaselineHolds: "E3")
    #expect(try log.audit("2026-06-30") == [])
  }

  // MARK: - one-employer (12.4)

  /// E1 (at A) moves to UIT on 2026-06-01 and on to REG on 2026-09-01.
  ///
  /// Wrong: the September
  /// move is recorded first, from A (E1 is at A on that day as then known), and the June move
  /// after it. Right: recorded in order, the September move from UIT.
  static func oneEmployer(right: Bool) throws -> (log: AuditLog, late: Int64) {
    var log = try AuditLog.region()
    try log.add(
      StaffBaselineRecorded(cohort: "A-werk", members: [Log.member("E1", at: "A", fte: 10_000)]),
      "2026-01-01", id: "BASE-A")
    if right {
      try log.add(
        Log.transfer("T-JUNE", Log.move("E1", "A", "UIT", fte: 10_000)), "2026-06-01",
        id: "T-JUNE")
      let late = try log.add(
        Log.transfer("T-SEPT", Log.move("E1", "UIT", "REG", fte: 10_000)), "2026-09-01",
        id: "T-SEPT")
      return (log, late)
    }
    let late = try log.add(
      Log.transfer("T-SEPT", Log.move("E1", "A", "REG", fte: 10_000)), "2026-09-01", id: "T-SEPT")
    try log.add(
      Log.transfer("T-JUNE", Log.move("E1", "A", "UIT", fte: 10_000)), "2026-06-01", id: "T-JUNE")
    return (log, late)
  }

  @Test("one-employer fires when a move leaves an employer the employee had already left")
  func oneEmployerFires() throws {
    let (log, late) = try Self.oneEmployer(right: false)
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "one-employer", day: Self.day("2026-09-01"), seqs: [late],
          message: "E1 moves from A on 2026-09-01 (T-SEPT), but was employed by UIT.")
      ])
  }

  @Test("one-employer is silent when each move leaves the employer of that day")
  func oneEmployerSilent() throws {
    let (log, _) = try Self.oneEmployer(right: true)
    #expect(try log.audit("2026-12-31") == [])
  }

  // MARK: - staff-move-backed (12.5)

  /// E1 moves from A into REG on 2026-07-01 citing REG's GR-wijziging REG-TAKEN (taken
  /// 2026-05-01), `definitive` or only voorgenomen.
  static func backed(definitive: Bool) throws -> (log: AuditLog, move: Int64, decision: Int64) {
    var log = try AuditLog.region()
    try log.add(
      StaffBaselineRecorded(cohort: "A-werk", members: [Log.member("E1", at: "A", fte: 10_000)]),
      "2026-01-01", id: "BASE-A")
    let decision = try log.add(
      Log.decision(
        "REG-TAKEN", "AB-REG", .grWijziging, status: definitive ? .definitief : .voorgenomen),
      "2026-05-01", id: "REG-TAKEN")
    let move = try log.add(
      Log.transfer("T-1", Log.move("E1", "A", "REG", fte: 10_000, decisions: ["REG-TAKEN"])),
      "2026-07-01", id: "T-1")
    return (log, move, decision)
  }

  @Test("staff-move-backed fires when the cited decision is only voorgenomen")
  func backedFires() throws {
    let (log, move, decision) = try Self.backed(definitive: false)
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "staff-move-backed", day: Self.day("2026-07-01"), seqs: [move, decision],
          message:
            "1 move(s) of T-1 (A → REG on 2026-07-01) cite REG-TAKEN, which is only"
            + " voorgenomen: E1. As known at seq \(move) these moves are unbacked.")
      ])
  }

  @Test("staff-move-backed is silent when the cited decision is definitive and in force")
  func backedSilent() throws {
    let (log, _, _) = try Self.backed(definitive: true)
    #expect(try log.audit("2026-12-31") == [])
  }

  @Test(
    "staff-move-backed as originally recorded fires on the voorgenomen decision; as corrected to definitief, silent"
  )
  func backedAsRecorded() throws {
    var (log, move, decision) = try Self.backed(definitive: false)
    let correction = try log.add(
      DecisionCorrected(
        decision: "REG-TAKEN",
        changes: [FieldChange("status", from: "voorgenomen", to: "definitief")],
        retroactiveFrom: Self.day("2026-05-01"), authority: ["AB-REG"],
        reason: "the minutes show the definitive decision"), "2026-05-01", corrects: decision)
    #expect(try log.audit("2026-12-31") == [])
    #expect(
      try log.audit("2026-12-31", asRecorded: true) == [
        Finding(
          rule: "staff-move-backed", day: Self.day("2026-07-01"), seqs: [move, decision],
          message:
            "1 move(s) of T-1 (A → REG on 2026-07-01) cite REG-TAKEN, which is only"
            + " voorgenomen: E1. As known at seq \(correction) these moves are unbacked.")
      ])
  }

  // MARK: - backing-recorded-late (12.5, both time axes)

  /// E1 moves from A into REG on 2026-07-01 citing the definitive GR-wijziging REG-TAKEN of
  /// 2026-05-01, recorded `late` (after the move) or before it.
  static func lateBacking(late: Bool) throws -> (log: AuditLog, move: Int64, decision: Int64) {
    var log = try AuditLog.region()
    try log.add(
      StaffBaselineRecorded(cohort: "A-werk", members: [Log.member("E1", at: "A", fte: 10_000)]),
      "2026-01-01", id: "BASE-A")
    func decide(_ log: inout AuditLog) throws -> Int64 {
      try log.add(Log.decision("REG-TAKEN", "AB-REG", .grWijziging), "2026-05-01", id: "REG-TAKEN")
    }
    var decision: Int64 = 0
    if !late { decision = try decide(&log) }
    let move = try log.add(
      Log.transfer("T-1", Log.move("E1", "A", "REG", fte: 10_000, decisions: ["REG-TAKEN"])),
      "2026-07-01", id: "T-1")
    if late { decision = try decide(&log) }
    return (log, move, decision)
  }

  @Test(
    "backing-recorded-late fires as known now; as known before the decision, the move is unbacked")
  func lateBackingFires() throws {
    let (log, move, decision) = try Self.lateBacking(late: true)
    let late = Finding(
      rule: "backing-recorded-late", day: Self.day("2026-07-01"), seqs: [move, decision],
      message:
        "1 move(s) of T-1 (A → REG on 2026-07-01) were recorded on \(Log.instant(move)), before"
        + " their backing decision REG-TAKEN was recorded on \(Log.instant(decision))"
        + " (seq \(decision)); as known in between, they were unbacked.")
    #expect(try log.audit("2026-12-31") == [late])
    #expect(try log.audit("2026-12-31", asRecorded: true) == [late])
    #expect(
      try log.audit("2026-12-31", knownAt: move) == [
        Finding(
          rule: "staff-move-backed", day: Self.day("2026-07-01"), seqs: [move],
          message:
            "1 move(s) of T-1 (A → REG on 2026-07-01) cite REG-TAKEN, which is not in the log"
            + " as known at seq \(move): E1. As known at seq \(move) these moves are unbacked.")
      ])
  }

  @Test("backing-recorded-late is silent on both axes when the decision was recorded first")
  func lateBackingSilent() throws {
    let (log, move, _) = try Self.lateBacking(late: false)
    for asRecorded in [false, true] {
      #expect(try log.audit("2026-12-31", asRecorded: asRecorded) == [])
      #expect(try log.audit("2026-12-31", knownAt: move, asRecorded: asRecorded) == [])
    }
  }

  // MARK: - or-advice-before-decision, or-advice-deviation, or-advice-deviation-wait (12.6)

  /// A's college asks OR-A on 2026-03-01 about its employer decision A-WERKGEVER (taken
  /// 2026-04-15); OR-A advises `outcome` on `advised`; the decision `deviates` or not.
  static func advice(
    advised: String, outcome: AdviceOutcome = .positief, deviates: Bool = false
  ) throws -> (log: AuditLog, seqs: [Int64]) {
    var log = try AuditLog.region()
    try log.add(
      StaffBaselineRecorded(cohort: "A-werk", members: [Log.member("E1", at: "A", fte: 10_000)]),
      "2026-01-01", id: "BASE-A")
    let request = try log.add(
      ORAdviceRequested(
        request: "ADV-A", worksCouncil: "OR-A", requestedBy: "COL-A",
        intendedDecision: "A-WERKGEVER", legalBasis: "art. 25 WOR",
        subject: "overgang re-integratietaken naar REG", documents: []), "2026-03-01",
      id: "ADV-A")
    let given = try log.add(
      ORAdviceGiven(request: "ADV-A", worksCouncil: "OR-A", outcome: outcome, conditions: []),
      advised, id: "ADV-A-ADVIES")
    let decision = try log.add(
      Log.decision(
        "A-WERKGEVER", "COL-A", .werkgeversbesluit, employees: ["E1"], advice: ["ADV-A"],
        deviates: deviates), "2026-04-15", id: "A-WERKGEVER")
    return (log, [decision, request, given])
  }

  @Test("or-advice-before-decision fires when the OR advised after the decision")
  func adviceBeforeFires() throws {
    let (log, seqs) = try Self.advice(advised: "2026-04-20")
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "or-advice-before-decision", day: Self.day("2026-04-15"), seqs: seqs,
          message:
            "Personnel decision A-WERKGEVER of COL-A on 2026-04-15: request ADV-A (2026-03-01)"
            + " was not both asked before it and answered by then.")
      ])
  }

  @Test("or-advice-before-decision is silent when the OR advised before the decision")
  func adviceBeforeSilent() throws {
    let (log, _) = try Self.advice(advised: "2026-04-01")
    #expect(try log.audit("2026-12-31") == [])
  }

  static let deviation = Finding(
    rule: "or-advice-deviation", day: day("2026-04-15"), seqs: [],
    message:
      "A-WERKGEVER of COL-A (2026-04-15) deviates from the OR's negatief advice ADV-A-ADVIES:"
      + " nothing may be executed before 2026-05-15 (art. 25 lid 6 WOR).")

  static func deviation(_ seqs: [Int64]) -> Finding {
    Finding(rule: deviation.rule, day: deviation.day, seqs: seqs, message: deviation.message)
  }

  @Test("or-advice-deviation fires when the decision deviates from the negative advice")
  func deviationFires() throws {
    let (log, seqs) = try Self.advice(advised: "2026-04-01", outcome: .negatief, deviates: true)
    #expect(try log.audit("2026-12-31") == [Self.deviation(seqs)])
  }

  @Test("or-advice-deviation is silent when the decision follows the advice")
  func deviationSilent() throws {
    let (log, _) = try Self.advice(advised: "2026-04-01", outcome: .negatief, deviates: false)
    #expect(try log.audit("2026-12-31") == [])
  }

  /// The deviating decision executed: E1 moves from A into REG on `moved`, citing it.
  static func deviationExecuted(moved: String) throws -> (log: AuditLog, seqs: [Int64]) {
    var (log, seqs) = try advice(advised: "2026-04-01", outcome: .negatief, deviates: true)
    let move = try log.add(
      AuditLog.transfer(
        "T-1", AuditLog.move("E1", "A", "REG", fte: 10_000, decisions: ["A-WERKGEVER"])),
      moved, id: "T-1")
    return (log, seqs + [move])
  }

  @Test("or-advice-deviation-wait fires when the deviating decision is executed within the month")
  func deviationWaitFires() throws {
    let (log, seqs) = try Self.deviationExecuted(moved: "2026-05-01")
    #expect(
      try log.audit("2026-12-31") == [
        Self.deviation(Array(seqs.dropLast())),
        Finding(
          rule: "or-advice-deviation-wait", day: Self.day("2026-05-01"), seqs: seqs,
          message:
            "A-WERKGEVER deviates from the OR advice, yet it is executed before 2026-05-15:"
            + " E1 (from A) on 2026-05-01."),
      ])
  }

  @Test("or-advice-deviation-wait is silent when the execution waits the month")
  func deviationWaitSilent() throws {
    let (log, seqs) = try Self.deviationExecuted(moved: "2026-05-15")
    #expect(try log.audit("2026-12-31") == [Self.deviation(Array(seqs.dropLast()))])
  }

  // MARK: - regional-decision-missing (12.7, 3.3)

  /// Councils A, B, C (and D when `everyone`) each adopt the scenario on their college's
  /// proposal; D's decision is the last record.
  static func regional(everyone: Bool) throws -> (log: AuditLog, decisions: [Int64]) {
    var log = try AuditLog.region()
    var decisions: [Int64] = []
    for id in everyone ? AuditLog.municipalities : ["A", "B", "C"] {
      try log.add(
        ProposalSubmitted(
          proposal: ProposalID("P-\(id)"), from: BodyID("COL-\(id)"), to: [BodyID("RAAD-\(id)")],
          subject: "scenario regionaal werkbedrijf", dictum: [], documents: []), "2026-02-01",
        id: "P-\(id)")
      decisions.append(
        try log.add(
          Log.decision(
            DecisionID("\(id)-SCENARIO"), BodyID("RAAD-\(id)"), .scenariokeuze,
            proposal: ProposalID("P-\(id)")), "2026-03-10", id: "\(id)-SCENARIO"))
    }
    return (log, decisions)
  }

  static func regionalFinding(_ seqs: [Int64]) -> Finding {
    Finding(
      rule: "regional-decision-missing", day: day("2026-12-31"), seqs: seqs,
      message:
        "On 2026-12-31 the councils of A, B, C decided the scenariokeuze (A-SCENARIO,"
        + " B-SCENARIO, C-SCENARIO), but no decision of the council of D is recorded: the step"
        + " is not in force for the region, and D risks being left out.")
  }

  @Test("regional-decision-missing fires when one council of four has not decided")
  func regionalFires() throws {
    let (log, decisions) = try Self.regional(everyone: false)
    #expect(try log.audit("2026-12-31") == [Self.regionalFinding(decisions)])
  }

  @Test(
    "regional-decision-missing is silent once every council decided, and fires as known before the last"
  )
  func regionalSilent() throws {
    let (log, decisions) = try Self.regional(everyone: true)
    #expect(try log.audit("2026-12-31") == [])
    let beforeD = try #require(decisions.last) - 2
    #expect(
      try log.audit("2026-12-31", knownAt: beforeD) == [
        Self.regionalFinding(Array(decisions.prefix(3)))
      ])
  }

  // MARK: - decision-order (12.8)

  /// B's college proposes a budget change on 2026-02-01, B's council decides it on
  /// 2026-03-10; B's committee considers it on `considered`.
  static func order(considered: String) throws -> (log: AuditLog, seqs: [Int64]) {
    var log = try AuditLog.region()
    let proposal = try log.add(
      ProposalSubmitted(
        proposal: "P-B", from: "COL-B", to: ["RAAD-B"], via: "CIE-B",
        subject: "bijdrage REG", dictum: [], documents: []), "2026-02-01", id: "P-B")
    let committee = try log.add(
      CommitteeConsidered(
        committee: "CIE-B", proposal: "P-B", outcome: .geadviseerd, advises: "RAAD-B", notes: ""),
      considered, id: "CIE-B-1")
    let decision = try log.add(
      Log.decision("B-BEGROTING", "RAAD-B", .begrotingswijziging, proposal: "P-B"), "2026-03-10",
      id: "B-BEGROTING")
    return (log, [proposal, committee, decision])
  }

  @Test("decision-order fires when the committee considers the proposal after the council decided")
  func orderFires() throws {
    let (log, seqs) = try Self.order(considered: "2026-03-20")
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "decision-order", day: Self.day("2026-03-10"), seqs: seqs,
          message:
            "Committee CIE-B considered P-B on 2026-03-20, outside proposal (2026-02-01) to"
            + " council decision B-BEGROTING (2026-03-10).")
      ])
  }

  @Test("decision-order is silent for proposal, committee, council in that order")
  func orderSilent() throws {
    let (log, _) = try Self.order(considered: "2026-02-20")
    #expect(try log.audit("2026-12-31") == [])
  }

  // MARK: - gr-membership (12.9)

  /// The older GR WERK of A, B and C: D joins on `joined`, A leaves on 2026-07-01, B on 2026-10-01.
  ///
  /// The joining is recorded first. The rules accept each leaving against the membership
  /// recorded so far, which already counts D.
  static func membership(joined: String) throws -> (log: AuditLog, seqs: [Int64]) {
    var log = try AuditLog.region()
    let registered = try log.add(
      OrganisationRegistered(
        organisation: "WERK", name: "GR Werk", kind: .gemeenschappelijkeRegeling,
        members: ["A", "B", "C"]), "2015", id: "ORG-WERK")
    let amended = try log.add(
      GRAmended(
        arrangement: "WERK", amendment: "toetreding D", tasksRemoved: [], tasksAdded: [],
        membersAfter: ["A", "B", "C", "D"], decisions: []), joined, id: "WERK-D")
    let leftA = try log.add(
      GRMemberLeft(arrangement: "WERK", member: "A", settlement: "uittreedsom"), "2026-07-01",
      id: "WERK-A")
    let leftB = try log.add(
      GRMemberLeft(arrangement: "WERK", member: "B", settlement: "uittreedsom"), "2026-10-01",
      id: "WERK-B")
    return (log, [registered, amended, leftA, leftB])
  }

  @Test("gr-membership fires when two members leave before the third joins")
  func membershipFires() throws {
    let (log, seqs) = try Self.membership(joined: "2027-01-01")
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "gr-membership", day: Self.day("2026-12-31"), seqs: [seqs[0], seqs[2], seqs[3]],
          message:
            "On 2026-12-31 the GR WERK has 1 member(s) (C); a GR needs at least two, or its"
            + " dissolution must be recorded.")
      ])
  }

  @Test("gr-membership is silent when the new member joined before the others left")
  func membershipSilent() throws {
    let (log, _) = try Self.membership(joined: "2026-07-01")
    #expect(try log.audit("2026-12-31") == [])
  }

  // MARK: - money-adds-up, costs-not-reallocated, costs-above-estimate (12.10)

  static let even: [KeyShare] = AuditLog.municipalities.map {
    KeyShare($0, Percentage(hundredths: 2_500))
  }
  static let heavyA: [KeyShare] = [
    KeyShare("A", Percentage(hundredths: 4_000)), KeyShare("B", Percentage(hundredths: 2_000)),
    KeyShare("C", Percentage(hundredths: 2_000)), KeyShare("D", Percentage(hundredths: 2_000)),
  ]

  static func keyLine(_ id: CostLineID, euros: Int64, version: Int, shares: [KeyShare])
    -> CostLine
  {
    let amount = Money(euros: euros)
    return CostLine(
      line: id, category: .projectorganisatie, description: "kwartiermaker REG", amount: amount,
      allocation: .key, keyVersion: version, charged: MoneySplit.split(amount, by: shares),
      funding: .eigenMiddelen, bookedBy: "REG")
  }

  /// Key v1 (even) from 2026-01-01, v2 (A 40 %) from 2026-07-01; line K1 of EUR 1,000.00 is
  /// booked on 2026-08-01 with key `version`.
  static func keyInForce(version: Int) throws -> (log: AuditLog, booking: Int64, v1: Int64) {
    var log = try AuditLog.region()
    let v1 = try log.add(
      CostSharingKeySet(
        costs: "frictie", version: 1, shares: even, validFrom: day("2026-01-01"),
        basis: "gelijke delen"), "2026-01-01", id: "KEY-1")
    try log.add(
      CostSharingKeySet(
        costs: "frictie", version: 2, shares: heavyA, validFrom: day("2026-07-01"),
        basis: "naar inwoners"), "2026-06-15", id: "KEY-2")
    let booking = try log.add(
      CostBooked(
        costs: "frictie",
        lines: [keyLine("K1", euros: 1_000, version: version, shares: version == 1 ? even : heavyA)]
      ), "2026-08-01", id: "BOOK-1")
    return (log, booking, v1)
  }

  @Test("money-adds-up fires when a line names a key version no longer in force when booked")
  func moneyFires() throws {
    let (log, booking, v1) = try Self.keyInForce(version: 1)
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "money-adds-up", day: Self.day("2026-08-01"), seqs: [booking, v1],
          message: "Cost line K1 (BOOK-1) uses key v1, but v2 was in force on 2026-08-01 when it"
            + " was booked.")
      ])
  }

  @Test("money-adds-up is silent when the line names the key in force")
  func moneySilent() throws {
    let (log, _, _) = try Self.keyInForce(version: 2)
    #expect(try log.audit("2026-12-31") == [])
  }

  /// K1 (EUR 1,000.00) is booked on 2026-03-01 with key v1 (even); on 2026-04-01 v2 (A 40 %)
  /// corrects v1 from 2026-01-01; `reallocated`: a correcting line K1-R moves K1 to v2.
  static func reallocation(reallocated: Bool) throws -> (
    log: AuditLog, booking: Int64, v2: Int64
  ) {
    var log = try AuditLog.region()
    try log.add(
      CostSharingKeySet(
        costs: "frictie", version: 1, shares: even, validFrom: day("2026-01-01"),
        basis: "gelijke delen"), "2026-01-01", id: "KEY-1")
    let booking = try log.add(
      CostBooked(costs: "frictie", lines: [keyLine("K1", euros: 1_000, version: 1, shares: even)]),
      "2026-03-01", id: "BOOK-1")
    let v2 = try log.add(
      CostSharingKeyCorrected(
        costs: "frictie", version: 2, correctsVersion: 1, shares: heavyA,
        validFrom: day("2026-01-01"), basis: "naar inwoners", reason: "A heeft meer inwoners"),
      "2026-04-01", id: "KEY-2")
    if reallocated {
      try log.add(
        CostBookingCorrected(
          costs: "frictie",
          lines: [
            CostCorrectionLine(
              line: "K1-R", corrects: "K1", amount: .zero, allocation: .key, keyVersion: 2,
              charged: [
                OrganisationAmount("A", Money(euros: 150)),
                OrganisationAmount("B", Money(euros: -50)),
                OrganisationAmount("C", Money(euros: -50)),
                OrganisationAmount("D", Money(euros: -50)),
              ], funding: .eigenMiddelen, bookedBy: "REG")
          ], reason: "herverdeling naar v2"), "2026-03-01", id: "BOOK-1-R")
    }
    return (log, booking, v2)
  }

  @Test("costs-not-reallocated fires when a line split by a corrected key is not re-allocated")
  func reallocationFires() throws {
    let (log, booking, v2) = try Self.reallocation(reallocated: false)
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "costs-not-reallocated", day: Self.day("2026-03-01"), seqs: [booking, v2],
          message:
            "Cost line K1 (BOOK-1) was split with key v1, which v2 corrects from 2026-01-01; no"
            + " correcting line re-allocates it to v2 yet.")
      ])
  }

  @Test("costs-not-reallocated is silent once a correcting line re-allocates to the new key")
  func reallocationSilent() throws {
    let (log, _, _) = try Self.reallocation(reallocated: true)
    #expect(try log.audit("2026-12-31") == [])
  }

  /// An estimate of EUR 1,000.00 for the frictie costs; A books `euros` directly.
  static func estimate(booked euros: Int64) throws -> (log: AuditLog, seqs: [Int64]) {
    var log = try AuditLog.region()
    let estimate = try log.add(
      CostEstimateRecorded(
        costs: "frictie", amount: Money(euros: 1_000), estimatedShares: [], basis: "begroting",
        funding: []), "2026-01-15", id: "EST")
    let booking = try log.add(
      CostBooked(
        costs: "frictie",
        lines: [
          CostLine(
            line: "K1", category: .advies, description: "juridisch advies",
            amount: Money(euros: euros), allocation: .direct, keyVersion: nil,
            charged: [OrganisationAmount("A", Money(euros: euros))], funding: .eigenMiddelen,
            bookedBy: "A")
        ]), "2026-05-01", id: "BOOK-1")
    return (log, [estimate, booking])
  }

  @Test("costs-above-estimate fires when the booked costs exceed the estimate")
  func aboveEstimateFires() throws {
    let (log, seqs) = try Self.estimate(booked: 1_200)
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "costs-above-estimate", day: Self.day("2026-12-31"), seqs: seqs,
          message:
            "The frictie booked up to 2026-12-31, EUR 1,200.00, are EUR 200.00 (20.00 %) above"
            + " the estimate of EUR 1,000.00 (EST).")
      ])
  }

  @Test("costs-above-estimate is silent when the booked costs equal the estimate")
  func aboveEstimateSilent() throws {
    let (log, _) = try Self.estimate(booked: 1_000)
    #expect(try log.audit("2026-12-31") == [])
  }

  // MARK: - milestone-history (12.12)

  /// Milestone M1 (REG operational) planned for 2026-07-01, then moved to 2026-10-01 by a
  /// second plan (`replanned` false) or by a replanning with a reason.
  static func milestone(replanned: Bool) throws -> (log: AuditLog, seqs: [Int64]) {
    var log = try AuditLog.region()
    let plan = try log.add(
      MilestonePlanned(
        milestone: "M1", title: "REG operationeel", scope: AuditLog.municipalities,
        plannedDate: day("2026-07-01"), plannedPrecision: .day), "2026-02-01", id: "MS-PLAN")
    let again: Int64
    if replanned {
      again = try log.add(
        MilestoneReplanned(
          milestone: "M1", scope: [], previousDate: day("2026-07-01"),
          newDate: day("2026-10-01"), reason: "aanbesteding ICT vertraagd"), "2026-05-01",
        id: "MS-AGAIN")
    } else {
      again = try log.add(
        MilestonePlanned(
          milestone: "M1", title: "REG operationeel", scope: AuditLog.municipalities,
          plannedDate: day("2026-10-01"), plannedPrecision: .day), "2026-05-01", id: "MS-AGAIN")
    }
    return (log, [plan, again])
  }

  @Test("milestone-history fires when a milestone is planned again instead of replanned")
  func milestoneFires() throws {
    let (log, seqs) = try Self.milestone(replanned: false)
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "milestone-history", day: Self.day("2026-05-01"), seqs: seqs,
          message:
            "Milestone M1 is planned again by MS-AGAIN; its first planned date 2026-07-01 must"
            + " stay, and a new date needs a replanning with a reason.")
      ])
  }

  @Test("milestone-history is silent for a replanning from the planned date with a reason")
  func milestoneSilent() throws {
    let (log, _) = try Self.milestone(replanned: true)
    #expect(try log.audit("2026-12-31") == [])
  }
}
