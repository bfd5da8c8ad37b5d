import Projections
import Testing

@testable import TransitionDomain

/// The other sentences of the audit rules that have more than one (`AuditRuleTests` has one
/// fire and one silent log per rule), on the same four-municipality transition into REG.
@Suite("Audit rules: the other findings of each rule")
struct AuditRuleVariantTests {
  typealias Log = AuditLog

  static func day(_ text: String) -> CalendarDay { AuditLog.day(text) }

  // MARK: - one-employer

  /// E1 (at A) moves to UIT on 2026-09-01 and retires on 2026-12-31.
  ///
  /// Wrong: A's HR recorded
  /// the retirement from A first, and the move (E1 still at A on 2026-09-01) after it. Right:
  /// the retirement from UIT, recorded after the move.
  static func departure(right: Bool) throws -> (log: AuditLog, departure: Int64) {
    var log = try AuditLog.region()
    try log.add(
      StaffBaselineRecorded(cohort: "A-werk", members: [Log.member("E1", at: "A", fte: 10_000)]),
      "2026-01-01", id: "BASE-A")
    let move = Log.transfer("T-SEPT", Log.move("E1", "A", "UIT", fte: 10_000))
    if right {
      try log.add(move, "2026-09-01", id: "T-SEPT")
      let departure = try log.add(
        StaffDeparted(employee: "E1", employer: "UIT", reason: .pensioen), "2026-12-31",
        id: "DEP")
      return (log, departure)
    }
    let departure = try log.add(
      StaffDeparted(employee: "E1", employer: "A", reason: .pensioen), "2026-12-31", id: "DEP")
    try log.add(move, "2026-09-01", id: "T-SEPT")
    return (log, departure)
  }

  @Test("one-employer fires when an employee leaves an employer they had already left")
  func departureAtFormerEmployerFires() throws {
    let (log, departure) = try Self.departure(right: false)
    #expect(
      try log.audit("2027-01-31") == [
        Finding(
          rule: "one-employer", day: Self.day("2026-12-31"), seqs: [departure],
          message:
            "DEP records the departure of E1 at A on 2026-12-31, but E1 was employed by UIT then."
        )
      ])
  }

  @Test("one-employer is silent when the employee leaves the employer of that day")
  func departureAtFormerEmployerSilent() throws {
    let (log, _) = try Self.departure(right: true)
    #expect(try log.audit("2027-01-31") == [])
  }

  /// E1 moves from A to UIT on 2026-09-01 and retires from UIT on 2026-12-31; a correction of
  /// the retirement (the rules check a correction against the employer of its day only) says
  /// E1 left A on 2026-06-30 (wrong) or UIT on 2026-11-30 (right).
  static func correctedDeparture(right: Bool) throws -> (
    log: AuditLog, move: Int64, correction: Int64
  ) {
    var log = try AuditLog.region()
    try log.add(
      StaffBaselineRecorded(cohort: "A-werk", members: [Log.member("E1", at: "A", fte: 10_000)]),
      "2026-01-01", id: "BASE-A")
    let move = try log.add(
      Log.transfer("T-SEPT", Log.move("E1", "A", "UIT", fte: 10_000)), "2026-09-01",
      id: "T-SEPT")
    let departure = try log.add(
      StaffDeparted(employee: "E1", employer: "UIT", reason: .pensioen), "2026-12-31", id: "DEP")
    let correction = try log.add(
      StaffDeparted(employee: "E1", employer: right ? "UIT" : "A", reason: .pensioen),
      right ? "2026-11-30" : "2026-06-30", id: "DEP-FIX", corrects: departure)
    return (log, move, correction)
  }

  @Test("one-employer fires, as corrected, on a move after the corrected last working day")
  func afterDepartureFires() throws {
    let (log, move, correction) = try Self.correctedDeparture(right: false)
    #expect(
      try log.audit("2027-01-31") == [
        Finding(
          rule: "one-employer", day: Self.day("2026-09-01"), seqs: [correction, move],
          message: "E1 left A after 2026-06-30 (DEP-FIX), yet T-SEPT records a transferred on"
            + " 2026-09-01.")
      ])
    // As originally recorded, E1 left UIT on 2026-12-31, after the move.
    #expect(try log.audit("2027-01-31", asRecorded: true) == [])
  }

  @Test("one-employer is silent when the corrected last working day follows the move")
  func afterDepartureSilent() throws {
    let (log, _, _) = try Self.correctedDeparture(right: true)
    #expect(try log.audit("2027-01-31") == [])
    #expect(try log.audit("2027-01-31", asRecorded: true) == [])
  }

  // MARK: - staff-move-backed: a move out of REG into municipality D

  /// E9 of REG moves to D on 2026-07-01.
  ///
  /// Every council adopts the transitieplan on its
  /// college's proposal, REG's board amends the GR and takes the employer decision (after
  /// OR-REG's advice), and D's college takes the plaatsingsbesluit for E9 (after OR-D's
  /// advice), `definitive` or only voorgenomen.
  static func intoMunicipality(definitive: Bool) throws -> (log: AuditLog, move: Int64) {
    var log = try AuditLog.region()
    try log.add(
      StaffBaselineRecorded(
        cohort: "REG-werk", members: [Log.member("E9", at: "REG", fte: 9_000)]), "2026-01-01",
      id: "BASE-REG")
    for id in AuditLog.municipalities {
      try log.add(
        ProposalSubmitted(
          proposal: ProposalID("P-\(id)"), from: BodyID("COL-\(id)"), to: [BodyID("RAAD-\(id)")],
          subject: "transitieplan", dictum: [], documents: []), "2026-02-01", id: "P-\(id)")
      try log.add(
        Log.decision(
          DecisionID("\(id)-PLAN"), BodyID("RAAD-\(id)"), .transitieplan,
          proposal: ProposalID("P-\(id)")), "2026-03-10", id: "\(id)-PLAN")
    }
    try log.add(Log.decision("REG-WIJZ", "AB-REG", .grWijziging), "2026-04-01", id: "REG-WIJZ")
    for (request, council, by, decision) in [
      ("ADV-REG", "OR-REG", "AB-REG", "REG-WERKGEVER"), ("ADV-D", "OR-D", "COL-D", "D-PLAATSING"),
    ] {
      try log.add(
        ORAdviceRequested(
          request: AdviceRequestID(request), worksCouncil: BodyID(council),
          requestedBy: BodyID(by), intendedDecision: DecisionID(decision),
          legalBasis: "art. 25 WOR", subject: "overgang E9", documents: []), "2026-04-05",
        id: request)
      try log.add(
        ORAdviceGiven(
          request: AdviceRequestID(request), worksCouncil: BodyID(council), outcome: .positief,
          conditions: []), "2026-04-20", id: "\(request)-ADVIES")
    }
    try log.add(
      Log.decision(
        "REG-WERKGEVER", "AB-REG", .werkgeversbesluit, employees: ["E9"], advice: ["ADV-REG"]),
      "2026-05-01", id: "REG-WERKGEVER")
    try log.add(
      Log.decision(
        "D-PLAATSING", "COL-D", .plaatsingsbesluit,
        status: definitive ? .definitief : .voorgenomen, employees: ["E9"], advice: ["ADV-D"]),
      "2026-05-01", id: "D-PLAATSING")
    let move = try log.add(
      Log.transfer("T-D", Log.move("E9", "REG", "D", fte: 9_000)), "2026-07-01", id: "T-D")
    return (log, move)
  }

  @Test(
    "staff-move-backed fires when the receiving college's plaatsingsbesluit is only voorgenomen")
  func intoMunicipalityFires() throws {
    let (log, move) = try Self.intoMunicipality(definitive: false)
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "staff-move-backed", day: Self.day("2026-07-01"), seqs: [move],
          message:
            "1 move(s) of T-D (REG → D on 2026-07-01) have no definitive plaatsingsbesluit of the"
            + " college of D in force: E9. As known at seq \(move) these moves are unbacked.")
      ])
  }

  @Test("staff-move-backed is silent when all four backing decisions are in force")
  func intoMunicipalitySilent() throws {
    let (log, _) = try Self.intoMunicipality(definitive: true)
    #expect(try log.audit("2026-12-31") == [])
  }

  // MARK: - or-advice-before-decision: no request at all

  @Test("or-advice-before-decision fires when no OR advice was asked for a personnel decision")
  func noAdviceRequestFires() throws {
    var log = try AuditLog.region()
    try log.add(
      StaffBaselineRecorded(cohort: "A-werk", members: [Log.member("E1", at: "A", fte: 10_000)]),
      "2026-01-01", id: "BASE-A")
    let decision = try log.add(
      Log.decision("A-WERKGEVER", "COL-A", .werkgeversbesluit, employees: ["E1"]), "2026-04-15",
      id: "A-WERKGEVER")
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "or-advice-before-decision", day: Self.day("2026-04-15"), seqs: [decision],
          message:
            "Personnel decision A-WERKGEVER of COL-A on 2026-04-15: no OR advice request is"
            + " recorded for it.")
      ])
  }

  // MARK: - decision-order: the proposal

  /// B's council decides a budget change on 2026-03-10 on `proposal` (or none); B's college
  /// proposed P-B on `proposed`.
  static func councilDecision(proposal: ProposalID?, proposed: String) throws -> (
    log: AuditLog, proposal: Int64, decision: Int64
  ) {
    var log = try AuditLog.region()
    let submitted = try log.add(
      ProposalSubmitted(
        proposal: "P-B", from: "COL-B", to: ["RAAD-B"], subject: "bijdrage REG", dictum: [],
        documents: []), proposed, id: "P-B")
    let decision = try log.add(
      Log.decision("B-BEGROTING", "RAAD-B", .begrotingswijziging, proposal: proposal),
      "2026-03-10", id: "B-BEGROTING")
    return (log, submitted, decision)
  }

  @Test("decision-order fires when a council decision names no proposal, or one not in the log")
  func proposalMissingFires() throws {
    let (log, _, decision) = try Self.councilDecision(proposal: nil, proposed: "2026-02-01")
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "decision-order", day: Self.day("2026-03-10"), seqs: [decision],
          message: "Council decision B-BEGROTING of RAAD-B does not name the proposal it decides.")
      ])
    let (other, _, named) = try Self.councilDecision(proposal: "P-X", proposed: "2026-02-01")
    #expect(
      try other.audit("2026-12-31") == [
        Finding(
          rule: "decision-order", day: Self.day("2026-03-10"), seqs: [named],
          message: "Council decision B-BEGROTING names proposal P-X, which is not in the log.")
      ])
  }

  @Test("decision-order fires when the council decides before the proposal, silent after it")
  func beforeProposal() throws {
    let (log, proposal, decision) = try Self.councilDecision(
      proposal: "P-B", proposed: "2026-04-01")
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "decision-order", day: Self.day("2026-03-10"), seqs: [proposal, decision],
          message:
            "Council decision B-BEGROTING (2026-03-10) comes before its proposal P-B (2026-04-01)."
        )
      ])
    let (right, _, _) = try Self.councilDecision(proposal: "P-B", proposed: "2026-02-01")
    #expect(try right.audit("2026-12-31") == [])
  }

  // MARK: - milestone-history: replannings

  /// M1 planned for 2026-07-01, replanned on 2026-05-01 from `previous` for `reason`.
  static func replanning(previous: String, reason: String) throws -> (
    log: AuditLog, plan: Int64, replan: Int64
  ) {
    var log = try AuditLog.region()
    let plan = try log.add(
      MilestonePlanned(
        milestone: "M1", title: "REG operationeel", scope: AuditLog.municipalities,
        plannedDate: day("2026-07-01"), plannedPrecision: .day), "2026-02-01", id: "MS-PLAN")
    let replan = try log.add(
      MilestoneReplanned(
        milestone: "M1", scope: ["D"], previousDate: day(previous), newDate: day("2026-10-01"),
        reason: reason), "2026-05-01", id: "MS-REPLAN")
    return (log, plan, replan)
  }

  @Test("milestone-history fires when a replanning starts from another date than the plan")
  func replanningFromWrongDate() throws {
    let (log, plan, replan) = try Self.replanning(previous: "2026-06-01", reason: "ICT later")
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "milestone-history", day: Self.day("2026-05-01"), seqs: [plan, replan],
          message: "Replanning MS-REPLAN of M1 starts from 2026-06-01, but the planned date of D"
            + " was another.")
      ])
  }

  @Test("milestone-history fires when a replanning gives no reason")
  func replanningWithoutReason() throws {
    let (log, _, replan) = try Self.replanning(previous: "2026-07-01", reason: " ")
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "milestone-history", day: Self.day("2026-05-01"), seqs: [replan],
          message: "Replanning MS-REPLAN of M1 gives no reason.")
      ])
  }

  // MARK: - money-adds-up: what the rules refuse, in a log not written through them

  @Test("money-adds-up fires on a key that does not sum to 100.00 % in a log written elsewhere")
  func keyNotWhole() throws {
    var log = try AuditLog.region()
    let key = try log.addUnchecked(
      CostSharingKeySet(
        costs: "frictie", version: 1,
        shares: ["A", "B", "C", "D"].map { KeyShare($0, Percentage(hundredths: 2_400)) },
        validFrom: Self.day("2026-01-01"), basis: "gelijke delen"), "2026-01-01", id: "KEY-1")
    #expect(
      try log.audit("2026-12-31") == [
        Finding(
          rule: "money-adds-up", day: Self.day("2026-01-01"), seqs: [key],
          message: "Key v1 of frictie does not sum to 100.00 %.")
      ])
  }
}
