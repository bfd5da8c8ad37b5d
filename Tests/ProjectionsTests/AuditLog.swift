import Projections

@testable import TransitionDomain

/// A log built in memory through the domain's rules (`decide`, then `apply`, as the CLI records),
/// for the audit rule tests: a transition of another shape than IJmond, four municipalities A,
/// B, C and D that move tasks and staff into a new regional organisation REG.
///
/// Each record is recorded one hour after the one before, from 2026-01-01T08:00Z, and gets the
/// id given (or `R<seq>`), so a finding's record ids and instants are known in advance.
struct AuditLog {
  var state = TransitionState()
  var records: [DomainRecord] = []

  /// The first record's instant, 2026-01-01T08:00:00.000Z, in UTC milliseconds.
  static let firstRecorded = Int64(CalendarDay(2026, 1, 1).dayNumber) * 86_400_000 + 8 * 3_600_000

  /// When the record with `seq` is recorded (`firstRecorded` + `seq` - 1 hours).
  static func recorded(_ seq: Int64) -> Int64 { firstRecorded + (seq - 1) * 3_600_000 }

  /// Records `payload` effective on `effective` (`2026-07-01`, `2026-Q2`, …) through the rules.
  ///
  /// Returns its `seq`; a refusal fails the test that built the log.
  @discardableResult
  mutating func add(
    _ payload: any EventPayload, _ effective: String, id: String? = nil, corrects: Int64? = nil
  ) throws -> Int64 {
    guard let date = EffectiveDate(parsing: effective) else {
      throw AuditLogError.badDate(effective)
    }
    let command = TransitionCommand(
      payload, effective: date, corrects: corrects,
      correctionReason: corrects == nil ? nil : "correction", id: id)
    for pending in try decide(command, state: state) {
      let seq = Int64(records.count + 1)
      let record = pending.record(
        seq: seq, id: "R\(seq)", recordedMilliseconds: Self.recorded(seq), by: "test")
      try state.apply(record)
      records.append(record)
    }
    return Int64(records.count)
  }

  /// Appends `payload` without the rules, as a log written by another tool or an older version
  /// may hold it (for findings the rules would refuse outright); returns its `seq`.
  @discardableResult
  mutating func addUnchecked(_ payload: any EventPayload, _ effective: String, id: String)
    throws -> Int64
  {
    guard let date = EffectiveDate(parsing: effective) else {
      throw AuditLogError.badDate(effective)
    }
    let seq = Int64(records.count + 1)
    let record = PendingRecord(
      event: DomainEvent(payload, effectivePrecision: date.precision), effective: date.firstDay,
      id: id
    ).record(seq: seq, id: id, recordedMilliseconds: Self.recorded(seq), by: "test")
    try state.apply(record)
    records.append(record)
    return seq
  }

  /// The audit on `day` as known at `knownAt` (default: everything), as corrected or as
  /// originally recorded.
  func audit(_ day: String, knownAt: Int64? = nil, asRecorded: Bool = false) throws -> [Finding] {
    let ledger = try Ledger(records: records)
    let seq = knownAt ?? ledger.lastSeq
    let query = ViewQuery(validAt: Self.day(day), knownAt: .seq(seq), asRecorded: asRecorded)
    return ViewContext(ledger: ledger, query: query, seq: seq).audit()
      .filter { !Self.laterRules.contains($0.rule) }
  }

  /// Rules added after the fourteen these tests pin (funds, OR advice per employer, cohort
  /// above contract: issue 19); each has its own fire and silent tests
  /// (`FundAndWorksCouncilAuditTests`), so the logs here are asked only the fourteen.
  static let laterRules: Set<String> = [
    "fund-booking-unauthorised", "fund-withdrawal-exceeded", "fund-overdrawn",
    "or-advice-missing-per-employer", "cohort-above-contract",
  ]

  /// A day from `YYYY-MM-DD`.
  static func day(_ text: String) -> CalendarDay {
    guard let day = CalendarDay(parsing: text) else { preconditionFailure("bad day \(text)") }
    return day
  }

  /// The recording instant of `seq` as a finding prints it.
  static func instant(_ seq: Int64) -> String {
    let milliseconds = recorded(seq)
    let day = CalendarDay(dayNumber: Int(milliseconds / 86_400_000))
    let hour = milliseconds % 86_400_000 / 3_600_000
    return "\(day)T\(hour < 10 ? "0" : "")\(hour):00:00.000Z"
  }
}

enum AuditLogError: Error {
  case badDate(String)
}

/// The transition the audit tests start from: municipalities A, B, C and D (each with a raad, a
/// college, an OR and, for B, a committee), the regional organisation REG (a GR of all four,
/// with an algemeen bestuur and an OR) founded on 2026-01-01, and a provider UIT.
extension AuditLog {
  static let municipalities: [OrganisationID] = ["A", "B", "C", "D"]

  static func region() throws -> AuditLog {
    var log = AuditLog()
    for id in municipalities {
      try log.add(
        OrganisationRegistered(
          organisation: id, name: "Gemeente \(id)", kind: .gemeente, members: []), "2000",
        id: "ORG-\(id)")
    }
    try log.add(
      OrganisationRegistered(
        organisation: "UIT", name: "Werkbedrijf", kind: .uitvoerder, members: []), "2000",
      id: "ORG-UIT")
    try log.add(
      OrganisationRegistered(
        organisation: "REG", name: "Regionaal Werkbedrijf", kind: .gemeenschappelijkeRegeling,
        members: municipalities), "2026-01-01", id: "ORG-REG")
    for id in municipalities {
      for (kind, prefix) in [
        (BodyKind.raad, "RAAD"), (.college, "COL"), (.ondernemingsraad, "OR"),
      ] {
        try log.add(
          BodyRegistered(
            body: BodyID("\(prefix)-\(id)"), organisations: [id], kind: kind,
            name: "\(kind.rawValue) \(id)"), "2000", id: "BODY-\(prefix)-\(id)")
      }
    }
    try log.add(
      BodyRegistered(
        body: "CIE-B", organisations: ["B"], kind: .raadscommissie, name: "raadscommissie B"),
      "2000", id: "BODY-CIE-B")
    try log.add(
      BodyRegistered(
        body: "AB-REG", organisations: ["REG"], kind: .grAlgemeenBestuur,
        name: "algemeen bestuur REG"), "2026-01-01", id: "BODY-AB-REG")
    try log.add(
      BodyRegistered(
        body: "OR-REG", organisations: ["REG"], kind: .ondernemingsraad, name: "OR REG"),
      "2026-01-01", id: "BODY-OR-REG")
    return log
  }

  /// A cohort member employed by `employer` with `fte` (contract and cohort).
  static func member(_ employee: EmployeeID, at employer: OrganisationID, fte: Int64)
    -> BaselineMember
  {
    BaselineMember(
      employee: employee, function: "klantmanager", team: "werk", employer: employer,
      contractHours: 36, normHours: 36, contractFTE: FTE(tenThousandths: fte),
      allocatedFTE: FTE(tenThousandths: fte), cao: "Cao Gemeenten", contractType: .onbepaaldeTijd,
      contractEnd: nil)
  }

  /// A decision with the fields the tests vary; the rest empty.
  static func decision(
    _ id: DecisionID, _ body: BodyID, _ kind: DecisionKind, status: DecisionStatus = .definitief,
    proposal: ProposalID? = nil, validFrom: CalendarDay? = nil, employees: [EmployeeID] = [],
    advice: [AdviceRequestID] = [], deviates: Bool = false
  ) -> DecisionTaken {
    DecisionTaken(
      decision: id, body: body, jointlyWith: [], kind: kind, status: status,
      subject: "\(kind.rawValue) \(id)", dictum: [], proposal: proposal, legalBasis: [],
      vote: nil, validFrom: validFrom, validUntil: nil, subjectEmployees: employees,
      conditions: [], orAdviceRequests: advice, deviatesFromORAdvice: deviates, documents: [])
  }

  /// One move of `employee` with `fte` from `from` to `to`, citing `decisions`.
  static func move(
    _ employee: EmployeeID, _ from: OrganisationID, _ to: OrganisationID, fte: Int64,
    decisions: [DecisionID] = []
  ) -> TransferLine {
    TransferLine(
      line: "\(employee)", employee: employee, from: from, to: to,
      functionBefore: "klantmanager", functionAfter: "klantmanager", fte: FTE(tenThousandths: fte),
      caoBefore: "Cao Gemeenten", caoAfter: "Cao Gemeenten", legalForm: .overgangVanOnderneming,
      decisions: decisions, orAdvice: [])
  }

  /// A batch of moves.
  static func transfer(_ batch: String, _ lines: TransferLine...) -> StaffTransferred {
    StaffTransferred(batch: batch, lines: lines)
  }
}
