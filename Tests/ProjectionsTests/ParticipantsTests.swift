import Projections
import Testing

@testable import TransitionDomain

/// Issue 19 items 1, 2, 3, 7, 9 through the views and the audit, on an invented transition of
/// another shape than IJmond ("Zaanstreek"): five municipalities (ZAA, WRM, OOS, WST, PUR) of
/// which PUR joins late and only for the transitieplan; OOS and WST merge into OWS on
/// 2027-01-01; a GR (GRW) with one member inside the transition (ZAA) and one outside (LAN),
/// whose members decide ZAA's leaving and the GR's dissolution as separate steps.
@Suite("Participants, steps, mergers and existence in the views and the audit")
struct ParticipantsTests {
  struct Builder {
    var state = TransitionState()
    var records: [DomainRecord] = []

    mutating func add(_ payload: any EventPayload, _ day: String, id: String? = nil) throws {
      let command = TransitionCommand(
        payload, effective: EffectiveDate(try #require(CalendarDay(parsing: day))), id: id)
      for pending in try decide(command, state: state) {
        let seq = Int64(records.count + 1)
        let record = pending.record(
          seq: seq, id: pending.id ?? "Z-\(seq)",
          recordedMilliseconds: 1_800_000_000_000 + seq * 1000, by: "test")
        try state.apply(record)
        records.append(record)
      }
    }
  }

  static func decision(
    _ id: String, _ body: String, kind: String = "transitieplan", step: String? = nil
  ) -> DecisionTakenV2 {
    DecisionTakenV2(
      decision: DecisionID(id), body: BodyID(body), kind: kind, status: .definitief,
      subject: id, step: step)
  }

  /// The log; `endPUR` adds, as the last record, PUR ending on 2026-08-01 (recorded after
  /// PUR's council decided on 2026-09-01).
  static func log(endPUR: Bool = false, decideWST: Bool = true, moveToOWS: Bool = false) throws
    -> [DomainRecord]
  {
    var log = Builder()
    let start = "2026-01-01"
    for id in ["ZAA", "WRM", "OOS", "WST", "PUR", "LAN"] {
      try log.add(
        OrganisationRegisteredV2(
          organisation: OrganisationID(id), name: "gemeente \(id)", kind: "gemeente",
          members: [], governingText: nil, role: nil, startsOn: nil, endsOn: nil), start)
      try log.add(
        BodyRegistered(
          body: BodyID("RAAD-\(id)"), organisations: [OrganisationID(id)], kind: .raad,
          name: "raad \(id)"), start)
    }
    try log.add(
      OrganisationRegisteredV2(
        organisation: "OWS", name: "gemeente Oostzaan-Westzaan", kind: "gemeente", members: [],
        governingText: nil, role: nil, startsOn: CalendarDay(2027, 1, 1), endsOn: nil), start)
    try log.add(
      BodyRegistered(body: "RAAD-OWS", organisations: ["OWS"], kind: .raad, name: "raad OWS"),
      start)
    try log.add(
      OrganisationRegisteredV2(
        organisation: "GRW", name: "GR Werk", kind: "gemeenschappelijke regeling",
        members: ["ZAA", "LAN"], governingText: nil, role: nil, startsOn: nil, endsOn: nil), start)
    try log.add(
      TransitionDeclared(
        transition: "zw", name: "Werkbedrijf Zaanstreek",
        steps: [
          TransitionStep("transitieplan"), TransitionStep("uittreding ZAA", membersOf: "GRW"),
          TransitionStep("opheffing GRW", membersOf: "GRW"),
        ]), start)
    for id in ["ZAA", "WRM", "OOS", "WST"] {
      try log.add(
        ParticipantJoined(transition: "zw", organisation: OrganisationID(id), steps: []), start)
    }
    try log.add(
      StaffBaselineRecorded(
        cohort: "ZW",
        members: [
          BaselineMember(
            employee: "E1", function: "klantmanager", team: "OOS", employer: "OOS",
            contractHours: 36, normHours: 36, contractFTE: .one, allocatedFTE: .one,
            cao: "Cao Gemeenten", contractType: .onbepaaldeTijd),
          BaselineMember(
            employee: "E2", function: "werkconsulent", team: "ZAA", employer: "ZAA",
            contractHours: 36, normHours: 36, contractFTE: .one, allocatedFTE: .one,
            cao: "Cao Gemeenten", contractType: .onbepaaldeTijd),
        ]), start)
    try log.add(decision("M-1", "RAAD-ZAA", kind: "motie"), "2026-02-01", id: "M-1")
    for (index, id) in ["ZAA", "WRM", "OOS", "WST"].enumerated() where decideWST || id != "WST" {
      try log.add(decision("T-\(id)", "RAAD-\(id)"), "2026-03-0\(index + 1)", id: "T-\(id)")
    }
    try log.add(MotionDisposed(motion: "M-1", disposedBy: "T-ZAA", how: "uitgevoerd"), "2026-03-01")
    // A GR-toestemming without a step names no step: it is consent to neither.
    try log.add(decision("G-LAN", "RAAD-LAN", kind: "GR-toestemming"), "2026-04-01", id: "G-LAN")
    try log.add(
      decision("U-ZAA", "RAAD-ZAA", kind: "GR-toestemming", step: "uittreding ZAA"), "2026-04-02",
      id: "U-ZAA")
    try log.add(
      decision("U-LAN", "RAAD-LAN", kind: "GR-toestemming", step: "uittreding ZAA"), "2026-04-03",
      id: "U-LAN")
    try log.add(
      decision("O-ZAA", "RAAD-ZAA", kind: "GR-toestemming", step: "opheffing GRW"), "2026-04-04",
      id: "O-ZAA")
    try log.add(
      ParticipantJoined(transition: "zw", organisation: "PUR", steps: ["transitieplan"]),
      "2026-06-01")
    try log.add(decision("T-PUR", "RAAD-PUR"), "2026-09-01", id: "T-PUR")
    try log.add(
      OrganisationsMerged(predecessors: ["OOS", "WST"], successor: "OWS", basis: "Wet arhi"),
      "2027-01-01", id: "MERGE")
    if moveToOWS {
      try log.add(
        StaffTransferred(
          batch: "B-OWS",
          lines: [
            TransferLine(
              line: "L1", employee: "E2", from: "ZAA", to: "OWS", functionBefore: "werkconsulent",
              functionAfter: "werkconsulent", fte: .one, caoBefore: "Cao Gemeenten",
              caoAfter: "Cao Gemeenten", legalForm: .overgangVanOnderneming, decisions: [],
              orAdvice: [])
          ]), "2027-02-01", id: "B-OWS")
    }
    if endPUR {
      try log.add(OrganisationEnded(organisation: "PUR", reason: "opgeheven"), "2026-08-01")
    }
    return log.records
  }

  static func projector(endPUR: Bool = false) throws -> TransitionProjector {
    TransitionProjector(ledger: try Ledger(records: log(endPUR: endPUR)))
  }

  static func query(_ day: String, knownAt: KnownAt = .everything) -> ViewQuery {
    ViewQuery(validAt: CalendarDay(parsing: day) ?? CalendarDay(1900, 1, 1), knownAt: knownAt)
  }

  static func rows(_ table: ViewTable, step: String) -> [[String]] {
    table.rows.filter { $0[0] == step }.map { Array($0[1...4]) }
  }

  @Test("a late participant is missing until it decides; before it joins the step is complete")
  func lateParticipant() throws {
    let projector = try Self.projector()
    let may = try projector.context(Self.query("2026-05-01"))
    #expect(
      Self.rows(may.table(.regional), step: "transitieplan") == [
        ["OOS", "T-OOS", "2026-03-03", "decided"], ["WRM", "T-WRM", "2026-03-02", "decided"],
        ["WST", "T-WST", "2026-03-04", "decided"], ["ZAA", "T-ZAA", "2026-03-01", "decided"],
      ])
    #expect(
      may.audit().filter {
        $0.rule == "regional-decision-missing" && $0.message.contains("transitieplan")
      }.isEmpty)
    #expect(
      may.auditConfirmations().first { $0.message.contains("\"transitieplan\"") }?.description
        == "regional-step-complete 2026-05-01 [23,24,25,26] On 2026-05-01 the step \"transitieplan\" is decided by all participants: OOS T-OOS; WRM T-WRM; WST T-WST; ZAA T-ZAA."
    )
    let july = try projector.context(Self.query("2026-07-01"))
    #expect(
      july.audit().filter { $0.message.contains("transitieplan") }.map(\.description) == [
        "regional-decision-missing 2026-07-01 [23,24,25,26] On 2026-07-01 the step \"transitieplan\" is not decided by PUR, a participant (decided by OOS, WRM, WST, ZAA: T-OOS, T-WRM, T-WST, T-ZAA): it is not in force for the transition, and PUR risks being left out."
      ])
    #expect(july.auditConfirmations().allSatisfy { !$0.message.contains("\"transitieplan\"") })
    #expect(
      july.table(.regional).notes.contains(
        "transitieplan: NOT in force; not decided by PUR (all participants must decide it)"))
    let october = try projector.context(Self.query("2026-10-01"))
    #expect(
      october.audit().filter {
        $0.rule == "regional-decision-missing" && $0.message.contains("transitieplan")
      }.isEmpty)
  }

  @Test("consent is per step, decided by every member of the GR, inside the transition or not")
  func consentPerStep() throws {
    let context = try Self.projector().context(Self.query("2026-12-01"))
    let table = context.table(.regional)
    #expect(
      Self.rows(table, step: "uittreding ZAA") == [
        ["LAN", "U-LAN", "2026-04-03", "decided"], ["ZAA", "U-ZAA", "2026-04-02", "decided"],
      ])
    #expect(
      Self.rows(table, step: "opheffing GRW") == [
        ["LAN", "-", "-", "missing"], ["ZAA", "O-ZAA", "2026-04-04", "decided"],
      ])
    #expect(
      context.audit().filter { $0.rule == "regional-decision-missing" }.map(\.description) == [
        "regional-decision-missing 2026-12-01 [31] On 2026-12-01 the step \"opheffing GRW\" is not decided by LAN, a member of GRW on 2026-12-01 (decided by ZAA: O-ZAA): it is not in force for the transition, and LAN risks being left out."
      ])
    #expect(
      context.auditConfirmations().map(\.description).contains(
        "regional-step-complete 2026-12-01 [29,30] On 2026-12-01 the step \"uittreding ZAA\" is decided by every member of GRW on 2026-12-01: LAN U-LAN; ZAA U-ZAA."
      ))
    // LAN is a member of the GR, not a participant: it is not asked for the transitieplan.
    #expect(!Self.rows(table, step: "transitieplan").contains { $0[0] == "LAN" })
  }

  @Test("after the merger the successor holds the step its predecessors decided, and their staff")
  func merger() throws {
    let projector = try Self.projector()
    let after = try projector.context(Self.query("2027-02-01"))
    #expect(
      Self.rows(after.table(.regional), step: "transitieplan") == [
        ["OWS", "T-OOS, T-WST (from OOS, WST)", "2026-03-04", "decided"],
        ["PUR", "T-PUR", "2026-09-01", "decided"], ["WRM", "T-WRM", "2026-03-02", "decided"],
        ["ZAA", "T-ZAA", "2026-03-01", "decided"],
      ])
    let employees = after.table(.employees)
    #expect(employees.rows.first?[1] == "OWS (from OOS)")
    #expect(
      employees.notes.contains(
        "OWS holds the employees, decisions, GR memberships and participation of OOS, WST since 2027-01-01 (MERGE)"
      ))
    #expect(after.table(.staffing).rows.first?[0] == "OWS")
    let decision = try #require(after.table(.decisions).rows.first { $0[0] == "T-OOS" })
    #expect(decision[9] == "definitief 2026-03-03; held by OWS (from OOS) after the merger")
    #expect(decision[8] == "yes")
    let before = try projector.context(Self.query("2026-12-31"))
    #expect(before.table(.employees).rows.first?[1] == "OOS")
    #expect(
      Self.rows(before.table(.regional), step: "transitieplan").map(\.[0]) == [
        "OOS", "PUR", "WRM", "WST", "ZAA",
      ])
  }

  @Test("a move into the successor is backed by the transitieplan all its predecessors decided")
  func successorBacking() throws {
    func backing(decideWST: Bool) throws -> [String] {
      let ledger = try Ledger(records: Self.log(decideWST: decideWST, moveToOWS: true))
      return try TransitionProjector(ledger: ledger).context(Self.query("2027-03-01")).audit()
        .filter { $0.rule == "staff-move-backed" }.map(\.description)
    }
    #expect(
      try backing(decideWST: true) == [
        "staff-move-backed 2027-02-01 [35] 1 move(s) of B-OWS (ZAA → OWS on 2027-02-01) have no definitive plaatsingsbesluit of the college of OWS in force: E2. As known at seq 35 these moves are unbacked."
      ])
    #expect(
      try backing(decideWST: false) == [
        "staff-move-backed 2027-02-01 [34] 1 move(s) of B-OWS (ZAA → OWS on 2027-02-01) have no definitive plaatsingsbesluit of the college of OWS in force: E2. As known at seq 34 these moves are unbacked.",
        "staff-move-backed 2027-02-01 [34] 1 move(s) of B-OWS (ZAA → OWS on 2027-02-01) have no transitieplan decision of the raad of OWS in force: E2. As known at seq 34 these moves are unbacked.",
      ])
  }

  @Test("a motion is shown with its kind and as done (afgedaan) by the later decision")
  func motion() throws {
    let context = try Self.projector().context(Self.query("2026-12-01"))
    let row = try #require(context.table(.decisions).rows.first { $0[0] == "M-1" })
    #expect(row[3] == "motie")
    #expect(row[9] == "definitief 2026-02-01; afgedaan by T-ZAA: uitgevoerd (2026-03-01)")
  }

  @Test("acting after an end recorded later is a finding; as known before that record, silent")
  func actingOutsideExistence() throws {
    let projector = try Self.projector(endPUR: true)
    let records = try Self.log(endPUR: true)
    let now = try projector.context(Self.query("2026-12-01"))
    #expect(
      now.audit().filter { $0.rule == "acting-outside-existence" }.map(\.description) == [
        "acting-outside-existence 2026-09-01 [9,33,35] T-PUR records decision T-PUR of RAAD-PUR on 2026-09-01, but body RAAD-PUR belongs to organisation PUR, which ended on 2026-08-01 as known at seq 35: it could not act or be acted on that day."
      ])
    let before = try projector.context(
      Self.query("2026-12-01", knownAt: .seq(Int64(records.count - 1))))
    #expect(before.audit().filter { $0.rule == "acting-outside-existence" }.isEmpty)
  }
}
