import Testing

@testable import TransitionDomain

/// Issue 19 items 1-3, 7: organisations and bodies on valid time, mergers, participants.
///
/// Also motions. A transition of another shape than IJmond: five municipalities (ZAA, WRM, OOS, WST,
/// PUR), a new regional organisation ZWB (from 2026-07-01, registered late), OOS and WST
/// merging into OWS on 2027-01-01, and a GR (GRW) with one member outside the transition (LAN).
@Suite("Refusals: existence on valid time, mergers, participants, motions")
struct ExistenceRefusalTests {
  static func day(_ y: Int, _ m: Int, _ d: Int) -> EffectiveDate {
    EffectiveDate(CalendarDay(y, m, d))
  }

  static func organisation(
    _ id: String, kind: String = "gemeente", members: [OrganisationID] = [],
    startsOn: CalendarDay? = nil
  ) -> OrganisationRegisteredV2 {
    OrganisationRegisteredV2(
      organisation: OrganisationID(id), name: id, kind: kind, members: members,
      governingText: nil, role: nil, startsOn: startsOn, endsOn: nil)
  }

  static func decision(
    _ id: String, by body: String, kind: String = "transitieplan", step: String? = nil,
    requests: [AdviceRequestID] = [], deviates: [AdviceRequestID] = []
  ) -> DecisionTakenV2 {
    DecisionTakenV2(
      decision: DecisionID(id), body: BodyID(body), kind: kind, status: .definitief,
      subject: id, step: step, orAdviceRequests: requests, deviatesFromAdvice: deviates)
  }

  /// The world before the merger is recorded (the merger itself is in `merged()`).
  static func world() throws -> Replay {
    var replay = Replay()
    let start = day(2026, 1, 1)
    for id in ["ZAA", "WRM", "OOS", "WST", "PUR", "LAN"] {
      try replay.run(TransitionCommand(organisation(id), effective: start))
    }
    try replay.run(
      TransitionCommand(
        organisation("OWS", startsOn: CalendarDay(2027, 1, 1)), effective: start))
    // Registered on 2026-08-01, exists from 2026-07-01: registering late is fine.
    try replay.run(
      TransitionCommand(
        organisation(
          "ZWB", kind: "regionale uitvoeringsorganisatie", startsOn: CalendarDay(2026, 7, 1)),
        effective: day(2026, 8, 1)))
    // A GR with one member inside the transition and one outside.
    try replay.run(
      TransitionCommand(
        organisation("GRW", kind: "gemeenschappelijke regeling", members: ["ZAA", "LAN"]),
        effective: start))
    for (body, organisation, kind) in [
      ("RAAD-OOS", "OOS", "raad"), ("RAAD-OWS", "OWS", "raad"), ("RAAD-ZAA", "ZAA", "raad"),
      ("DIR-ZWB", "ZWB", "WOR-bestuurder"), ("COL-OOS", "OOS", "college"),
    ] {
      try replay.run(
        TransitionCommand(
          BodyRegisteredV2(
            body: BodyID(body), organisations: [OrganisationID(organisation)], kind: kind,
            name: body, startsOn: nil, endsOn: nil), effective: start))
    }
    try replay.run(
      TransitionCommand(
        BodyRegisteredV2(
          body: "OR-ZWB", organisations: ["ZWB"], kind: "ondernemingsraad", name: "OR ZWB",
          startsOn: CalendarDay(2026, 9, 1), endsOn: nil), effective: start))
    try replay.run(
      TransitionCommand(
        TransitionDeclared(
          transition: "zw", name: "Werkbedrijf Zaanstreek",
          steps: [TransitionStep("transitieplan"), TransitionStep("uittreding", membersOf: "GRW")]),
        effective: start))
    try replay.run(
      TransitionCommand(
        StaffBaselineRecorded(
          cohort: "ZW",
          members: [
            BaselineMember(
              employee: "E1", function: "klantmanager", team: "OOS", employer: "OOS",
              contractHours: 36, normHours: 36, contractFTE: .one, allocatedFTE: .one,
              cao: "Cao Gemeenten", contractType: .onbepaaldeTijd)
          ]), effective: start))
    try replay.run(
      TransitionCommand(decision("M-1", by: "RAAD-ZAA", kind: "motie"), effective: start))
    try replay.run(TransitionCommand(decision("T-1", by: "RAAD-ZAA"), effective: start))
    return replay
  }

  static func merged() throws -> Replay {
    var replay = try world()
    try replay.run(
      TransitionCommand(
        OrganisationsMerged(predecessors: ["OOS", "WST"], successor: "OWS", basis: "Wet arhi"),
        effective: day(2027, 1, 1)))
    return replay
  }

  static func move(_ from: OrganisationID, to: OrganisationID) -> StaffTransferred {
    StaffTransferred(
      batch: "B1",
      lines: [
        TransferLine(
          line: "L1", employee: "E1", from: from, to: to, functionBefore: "klantmanager",
          functionAfter: "klantmanager", fte: .one, caoBefore: "Cao Gemeenten",
          caoAfter: "Cao Gemeenten", legalForm: .overgangVanOnderneming, decisions: [],
          orAdvice: [])
      ])
  }

  static let refused: [(String, TransitionCommand, String)] = [
    (
      "a decision by a body whose organisation starts later",
      TransitionCommand(decision("D-1", by: "RAAD-OWS"), effective: day(2026, 12, 1)),
      "Cannot TakeDecision on 2026-12-01: body RAAD-OWS does not exist that day: its organisation OWS exists only from 2027-01-01. Check the effective day; a mention in free text is not checked."
    ),
    (
      "a decision by a body of a merged predecessor",
      TransitionCommand(decision("D-2", by: "RAAD-OOS"), effective: day(2027, 2, 1)),
      "Cannot TakeDecision on 2027-02-01: body RAAD-OOS does not exist that day: its organisation OOS ended on 2027-01-01 (merged into OWS). Check the effective day, or record it for OWS; a mention in free text is not checked."
    ),
    (
      "a transfer from a merged predecessor",
      TransitionCommand(move("OOS", to: "ZWB"), effective: day(2027, 2, 1)),
      "Cannot TransferStaff on 2027-02-01: organisation OOS does not exist that day: it ended on 2027-01-01 (merged into OWS). Check the effective day, or record it for OWS; a mention in free text is not checked."
    ),
    (
      "a transfer to an organisation before it starts",
      TransitionCommand(move("OOS", to: "ZWB"), effective: day(2026, 6, 1)),
      "Cannot TransferStaff on 2026-06-01: organisation ZWB does not exist that day: it exists only from 2026-07-01. Check the effective day; a mention in free text is not checked."
    ),
    (
      "advice asked of a works council before it exists",
      TransitionCommand(
        ORAdviceRequested(
          request: "A-1", worksCouncil: "OR-ZWB", requestedBy: "DIR-ZWB",
          legalBasis: "art. 25 WOR", subject: "s", documents: []), effective: day(2026, 8, 1)),
      "Cannot RequestORAdvice on 2026-08-01: body OR-ZWB does not exist that day: it exists only from 2026-09-01. Check the effective day; a mention in free text is not checked."
    ),
    (
      "a decision deviating from advice it does not answer",
      TransitionCommand(
        decision("D-3", by: "RAAD-ZAA", requests: ["A-1"], deviates: ["A-2"]),
        effective: day(2026, 8, 1)),
      "Cannot read TakeDecision: 'deviatesFromAdvice' names A-2, which is not in 'orAdviceRequests'; a decision deviates only from advice it answers to. See `transition help TakeDecision` for its fields."
    ),
    (
      "a participant of a transition that is not declared",
      TransitionCommand(
        ParticipantJoined(transition: "ijmond", organisation: "ZAA", steps: []),
        effective: day(2026, 2, 1)),
      "Cannot JoinTransition on 2026-02-01: no transition ijmond is recorded. Check the id, or record the transition first."
    ),
    (
      "a participant with a step the transition does not declare",
      TransitionCommand(
        ParticipantJoined(transition: "zw", organisation: "ZAA", steps: ["opheffing"]),
        effective: day(2026, 2, 1)),
      "Cannot JoinTransition on 2026-02-01: no step of transition zw named opheffing is recorded. Check the id, or record the step of transition zw named first."
    ),
    (
      "a participant before it exists",
      TransitionCommand(
        ParticipantJoined(transition: "zw", organisation: "OWS", steps: []),
        effective: day(2026, 2, 1)),
      "Cannot JoinTransition on 2026-02-01: organisation OWS does not exist that day: it exists only from 2027-01-01. Check the effective day; a mention in free text is not checked."
    ),
    (
      "a motion disposed that is not a motion",
      TransitionCommand(
        MotionDisposed(motion: "T-1", disposedBy: nil, how: "afgedaan"), effective: day(2026, 3, 1)),
      "Cannot DisposeMotion: decision T-1 is a transitieplan, not a motie. Only a motion is disposed of (afgedaan); check the id."
    ),
    (
      "a merger into a successor that does not exist yet",
      TransitionCommand(
        OrganisationsMerged(predecessors: ["OOS", "WST"], successor: "OWS", basis: "b"),
        effective: day(2026, 12, 1)),
      "Cannot MergeOrganisations on 2026-12-01: organisation OWS does not exist that day: it exists only from 2027-01-01. Check the effective day; a mention in free text is not checked."
    ),
  ]

  @Test(
    "a command by or to an organisation or body that does not exist that day is refused",
    arguments: refused)
  func refuses(rule: String, command: TransitionCommand, message: String) throws {
    let replay = try Self.merged()
    do {
      _ = try decide(command, state: replay.state)
      Issue.record("\(rule): accepted")
    } catch {
      #expect(error.description == message, "\(rule)")
    }
  }

  static let accepted: [(String, TransitionCommand)] = [
    (
      "a decision of a late-registered organisation's body on a day it exists",
      TransitionCommand(
        decision("D-4", by: "DIR-ZWB", kind: "werkgeversbesluit"), effective: day(2026, 7, 15))
    ),
    (
      "a transfer by the successor of the predecessor's employee",
      TransitionCommand(move("OWS", to: "ZWB"), effective: day(2027, 2, 1))
    ),
    (
      "a decision of the successor's council from the merger day",
      TransitionCommand(decision("D-5", by: "RAAD-OWS"), effective: day(2027, 1, 1))
    ),
    (
      "a GR whose member starts later",
      TransitionCommand(
        organisation("GRN", kind: "gemeenschappelijke regeling", members: ["OWS", "ZAA"]),
        effective: day(2026, 6, 1))
    ),
    (
      "a motion disposed by a later decision",
      TransitionCommand(
        MotionDisposed(motion: "M-1", disposedBy: "T-1", how: "afgedaan"),
        effective: day(2026, 3, 1))
    ),
    (
      "an unknown body kind, organisation kind and decision kind",
      TransitionCommand(
        decision("D-6", by: "DIR-ZWB", kind: "gunning"), effective: day(2026, 12, 1))
    ),
  ]

  @Test(
    "what exists that day, and the successor acting for its predecessor, is accepted",
    arguments: accepted)
  func accepts(rule: String, command: TransitionCommand) throws {
    var replay = try Self.merged()
    #expect(throws: Never.self, "\(rule)") { try replay.run(command) }
  }

  @Test(
    "before the merger is recorded the predecessor acts; the merger moves GR membership and participation"
  )
  func mergerFold() throws {
    var replay = try Self.world()
    try replay.run(
      TransitionCommand(
        ParticipantJoined(transition: "zw", organisation: "OOS", steps: ["transitieplan"]),
        effective: Self.day(2026, 2, 1)))
    try replay.run(
      TransitionCommand(
        Self.organisation(
          "GRO", kind: "gemeenschappelijke regeling", members: ["OOS", "WST", "PUR"]),
        effective: Self.day(2026, 2, 1)))
    #expect(throws: Never.self) {
      _ = try decide(
        TransitionCommand(Self.decision("D-7", by: "RAAD-OOS"), effective: Self.day(2026, 12, 1)),
        state: replay.state)
    }
    try replay.run(
      TransitionCommand(
        OrganisationsMerged(predecessors: ["OOS", "WST"], successor: "OWS", basis: "Wet arhi"),
        effective: Self.day(2027, 1, 1)))
    #expect(replay.state.arrangementMembers["GRO"] == ["OWS", "PUR"])
    #expect(replay.state.participants["zw"]?["OWS"]?.steps == ["transitieplan"])
    #expect(replay.state.holder(of: "OOS", on: CalendarDay(2026, 12, 31)) == "OOS")
    #expect(replay.state.holder(of: "OOS", on: CalendarDay(2027, 1, 1)) == "OWS")
    // Still acting on a day before the merger is fine (a late record).
    #expect(throws: Never.self) {
      _ = try decide(
        TransitionCommand(Self.decision("D-8", by: "RAAD-OOS"), effective: Self.day(2026, 12, 31)),
        state: replay.state)
    }
  }
}
