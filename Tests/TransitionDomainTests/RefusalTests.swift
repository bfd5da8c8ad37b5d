import CanonicalJSON
import Testing

@testable import TransitionDomain

@Suite("Refusals")
struct RefusalTests {
  /// A small world: BEV, IJW (GR of BEV, HKK), bodies, E001 (1.0000 FTE at IJW), key v1, line K01.
  static func world() throws -> Replay {
    var replay = Replay()
    let day = EffectiveDate(CalendarDay(2025, 1, 1))
    for id in ["BEV", "HKK"] {
      try replay.run(
        TransitionCommand(
          OrganisationRegistered(
            organisation: OrganisationID(id), name: id, kind: .gemeente, members: []),
          effective: day))
    }
    try replay.run(
      TransitionCommand(
        OrganisationRegistered(
          organisation: "IJW", name: "IJW", kind: .gemeenschappelijkeRegeling,
          members: ["BEV", "HKK"]),
        effective: day))
    try replay.run(
      TransitionCommand(
        BodyRegistered(body: "COL-BEV", organisations: ["BEV"], kind: .college, name: "college"),
        effective: day))
    try replay.run(
      TransitionCommand(
        StaffBaselineRecorded(
          cohort: "RI", members: [member("E001", fte: "1.0000"), member("E002", fte: "0.8889")]),
        effective: EffectiveDate(CalendarDay(2025, 7, 1))))
    try replay.run(
      TransitionCommand(
        CostSharingKeySet(
          costs: "frictiekosten", version: 1,
          shares: IJmondCosts.keyV1.filter { $0.organisation != "VLS" }
            .map { KeyShare($0.organisation, Percentage(hundredths: 5_000)) },
          validFrom: CalendarDay(2025, 7, 1), basis: "test"),
        effective: EffectiveDate(CalendarDay(2025, 7, 1))))
    try replay.run(
      TransitionCommand(
        StaffDeparted(employee: "E002", employer: "IJW", reason: .pensioen),
        effective: EffectiveDate(CalendarDay(2026, 1, 31))))
    return replay
  }

  static func member(_ id: String, fte: String) -> BaselineMember {
    BaselineMember(
      employee: EmployeeID(id), function: "werkconsulent", team: "BEV", employer: "IJW",
      contractHours: 36,
      normHours: 36, contractFTE: IJmondStaff.fte(fte), allocatedFTE: IJmondStaff.fte(fte),
      cao: "Cao SGO",
      contractType: .onbepaaldeTijd)
  }

  static func move(
    _ employee: String, from: String = "IJW", to: String = "BEV", fte: String = "1.0000"
  )
    -> StaffTransferred
  {
    StaffTransferred(
      batch: "B1",
      lines: [
        TransferLine(
          line: "L1", employee: EmployeeID(employee), from: OrganisationID(from),
          to: OrganisationID(to),
          functionBefore: "werkconsulent", functionAfter: "klantmanager", fte: IJmondStaff.fte(fte),
          caoBefore: "Cao SGO", caoAfter: "Cao Gemeenten", legalForm: .nieuweArbeidsovereenkomst,
          decisions: [], orAdvice: [])
      ])
  }

  static let july = EffectiveDate(CalendarDay(2026, 7, 1))

  static let cases: [(String, TransitionCommand, String)] = [
    (
      "unknown organisation", TransitionCommand(move("E001", to: "VLS"), effective: july),
      "Cannot TransferStaff on 2026-07-01: organisation VLS is not registered. Check the code, or register it first with RegisterOrganisation."
    ),
    (
      "unknown body",
      TransitionCommand(
        RiskRecorded(
          register: "r", risk: RiskItem(risk: "R1", title: "t", description: "d"),
          owner: "RAAD-XYZ",
          mitigation: "m", status: "open"), effective: july),
      "Cannot RecordRisk on 2026-07-01: body RAAD-XYZ is not registered. Check the code, or register it first with RegisterBody."
    ),
    (
      "erasing the personal data of an employee the log does not know",
      TransitionCommand(
        PersonalDataErased(employee: "E099", reason: "verzoek betrokkene"), effective: july),
      "Cannot ErasePersonalData on 2026-07-01: employee E099 is not in any record by that day. Check the id, or record the staff baseline or hire first."
    ),
    (
      "erasing personal data without a ground",
      TransitionCommand(PersonalDataErased(employee: "E001", reason: ""), effective: july),
      "Cannot read ErasePersonalData: field 'reason' is empty: give the ground. See `transition help ErasePersonalData` for its fields."
    ),
    (
      "unknown employee", TransitionCommand(move("E099"), effective: july),
      "Cannot TransferStaff on 2026-07-01: employee E099 is not in any record by that day. Check the id, or record the staff baseline or hire first."
    ),
    (
      "unknown decision",
      TransitionCommand(
        DecisionRevoked(decision: "IJM-999", body: "COL-BEV", reason: "r"), effective: july),
      "Cannot RevokeDecision on 2026-07-01: decision IJM-999 is not recorded. Check the id, or record the decision first with TakeDecision."
    ),
    (
      "correction of a record that does not exist",
      TransitionCommand(
        RecordRetracted(record: "R99", reason: "wrong"), effective: july, corrects: 99,
        correctionReason: "wrong"),
      "Cannot RetractRecord: there is no record 99 to correct. Check the seq with `transition show`; a correction names an earlier record."
    ),
    (
      "not employed by the stated organisation",
      TransitionCommand(move("E001", from: "BEV", to: "HKK"), effective: july),
      "Cannot TransferStaff for E001 at BEV on 2026-07-01: E001 is employed by IJW that day, not by BEV. Check the employee and the organisation, or record the earlier move first."
    ),
    (
      "two employers on one day",
      TransitionCommand(
        ExternalHireRecorded(
          employee: "E001", employer: "BEV", function: "f", contractFTE: .one, cao: "c"),
        effective: july),
      "Cannot give E001 a second employer on 2026-07-01: E001 is employed by IJW that day, and a person has one employer at a time. Record a transfer from IJW to BEV instead."
    ),
    (
      "event after departure", TransitionCommand(move("E002", fte: "0.8889"), effective: july),
      "Cannot TransferStaff for E002 on 2026-07-01: E002 left on 2026-01-31 (last working day). Correct or retract the departure first if it was wrong."
    ),
    (
      "transfer of more FTE than the employee has",
      TransitionCommand(move("E001", fte: "1.2000"), effective: july),
      "Cannot move 1.2000 FTE of E001 on 2026-07-01: E001 has only 1.0000 cohort FTE that day. Use 1.0000, or record the contract change first."
    ),
    (
      "transfer that changes FTE", TransitionCommand(move("E001", fte: "0.5000"), effective: july),
      "Cannot move 0.5000 FTE of E001 on 2026-07-01: E001 has 1.0000 cohort FTE and a move never changes FTE. Move 1.0000 and record a ContractChanged for the difference."
    ),
    (
      "FTE that would become negative",
      TransitionCommand(
        StaffReassigned(
          employee: "E001", employer: "IJW", fromUnit: "RI", toUnit: "Wsw",
          fte: IJmondStaff.fte("1.5000"),
          reason: "r"), effective: july),
      "Cannot take 1.5000 FTE of E001 out of the cohort on 2026-07-01: only 1.0000 FTE is in the cohort, which would leave a negative amount. Use at most 1.0000."
    ),
    (
      "FTE above the contract",
      TransitionCommand(
        ContractChanged(
          employee: "E001", employer: "IJW", contractFTEAfter: IJmondStaff.fte("1.1000"),
          reason: "r"),
        effective: july),
      "Cannot set the contract of E001 to 1.1000 FTE on 2026-07-01: a contract is at most 1.0000 FTE. Check the hours against the 36-hour norm."
    ),
    (
      "key shares not summing to 100.00",
      TransitionCommand(
        CostSharingKeySet(
          costs: "frictiekosten", version: 2,
          shares: [
            KeyShare("BEV", IJmondCosts.pct("50.00")), KeyShare("HKK", IJmondCosts.pct("49.99")),
          ],
          validFrom: CalendarDay(2026, 1, 1), basis: "b"), effective: july),
      "Cannot set key frictiekosten v2: the shares sum to 99.99 %, not 100.00 %. Adjust the shares so that they add up exactly."
    ),
    (
      "GR left with one member",
      TransitionCommand(
        GRMemberLeft(arrangement: "IJW", member: "HKK", settlement: "s"), effective: july),
      "Cannot leave GR IJW with 1 member(s) on 2026-07-01 (BEV): a GR needs at least two. Record GRDissolved instead."
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

  @Test("erasing the personal data of a known employee, even one who left, is accepted")
  func erasureOfKnownEmployee() throws {
    var replay = try Self.world()
    for employee in ["E001", "E002"] {
      try replay.run(
        TransitionCommand(
          PersonalDataErased(employee: EmployeeID(employee), reason: "bewaartermijn verstreken"),
          effective: Self.july))
    }
    #expect(replay.records.suffix(2).map(\.stream) == ["people/E001", "people/E002"])
  }

  @Test("a refused command yields no records and leaves the state as it was")
  func refusedYieldsNothing() throws {
    var replay = try Self.world()
    let before = replay.records.count
    #expect(throws: Refusal.self) {
      try replay.run(TransitionCommand(Self.move("E099"), effective: Self.july))
    }
    #expect(replay.records.count == before)
    #expect(replay.state.lastSeq == Int64(before))
  }

  @Test("an effective day that is not a real date is refused where the command is read")
  func notARealDay() {
    let json: JSONObject = [
      "command": .string("RecordDeparture"), "effective": .string("2026-02-30"),
      "employee": .string("E001"), "employer": .string("IJW"), "reason": .string("pensioen"),
    ]
    #expect(throws: Refusal.notARealDay(field: "effective", text: "2026-02-30")) {
      try TransitionCommand(json: json)
    }
    #expect(
      Refusal.notARealDay(field: "effective", text: "2026-02-30").description
        == "'2026-02-30' in 'effective' is not a date. Write one of: 2026-07-01, 2024-04 (or"
        + " april 2024), 2023-Q1, 2025-H2, 2013, 2024-07~ (about), voorjaar 2024 (March-May),"
        + " zomer 2024 (June-August), najaar 2024 (September-November), winter 2020/2021"
        + " (December-February), a range such as 2020-12 - 2021-02 (december 2020 - februari"
        + " 2021), or uiterlijk 2026-07-01 / uiterlijk 2026 (on or before)."
    )
    // A day field that takes only a day suggests only a day.
    #expect(
      Refusal.notARealDay(field: "lastWorkingDay", text: "2026-02").description
        == "'2026-02' in 'lastWorkingDay' is not a real day. Write it as YYYY-MM-DD, such as"
        + " 2026-07-01.")
  }

  @Test("command JSON with an unknown or missing field is refused naming the field")
  func badFields() {
    let unknown: JSONObject = [
      "command": .string("RecordDeparture"), "effective": .string("2026-02-03"),
      "employee": .string("E001"), "employer": .string("IJW"), "reason": .string("pensioen"),
      "health": .string("x"),
    ]
    #expect(
      throws: Refusal.invalidInput(
        command: "RecordDeparture", problem: "field 'health' is not a field of this type")
    ) {
      try TransitionCommand(json: unknown)
    }
    let missing: JSONObject = [
      "command": .string("RecordDeparture"), "effective": .string("2026-02-03"),
      "employee": .string("E001"),
      "reason": .string("pensioen"),
    ]
    #expect(
      throws: Refusal.invalidInput(
        command: "RecordDeparture", problem: "field 'employer' is missing")
    ) {
      try TransitionCommand(json: missing)
    }
  }
}
