import CanonicalJSON
import Testing
import TransitionDomain

@testable import Projections

/// Milestones planned and achieved as precisely as the sources give them, in a transition of
/// another shape: five municipalities (GA..GE) moving tasks into a new regional organisation
/// (RWD), planned in seasons, ranges, quarters and "uiterlijk".
@Suite("Milestones planned for periods: on time, late, undetermined")
struct MilestonePeriodTests {
  static let municipalities = ["GA", "GB", "GC", "GD", "GE"]

  /// The records of `commands` (JSON objects as `transition record --input` reads them).
  static func records(_ commands: [JSONObject]) throws -> [DomainRecord] {
    var records: [DomainRecord] = []
    for (index, json) in commands.enumerated() {
      let command = try TransitionCommand(json: json)
      records.append(
        DomainRecord(
          seq: Int64(index + 1), id: "R\(index + 1)", recordedMilliseconds: Int64(index) * 1000,
          effective: command.effective.firstDay, by: "projectbureau", event: command.event))
    }
    return records
  }

  static func command(_ name: String, _ effective: String, _ fields: [String: JSONValue])
    -> JSONObject
  {
    var json: JSONObject = ["command": .string(name), "effective": .string(effective)]
    for key in fields.keys.sorted() { json.insert(key, fields[key] ?? .null) }
    return json
  }

  static func plan(_ id: String, _ planned: String, scope: [String] = []) -> JSONObject {
    command(
      "PlanMilestone", "2023-01-01",
      [
        "milestone": .string(id), "title": .string("mijlpaal \(id)"),
        "scope": .array(scope.map { .string($0) }), "plannedDate": .string(planned),
      ])
  }

  static func achieve(_ id: String, _ effective: String, scope: [String] = []) -> JSONObject {
    command(
      "AchieveMilestone", effective,
      [
        "milestone": .string(id), "title": .string(""), "scope": .array(scope.map { .string($0) }),
        "notes": .string(""),
      ])
  }

  static func replan(_ id: String, _ effective: String, from: String, to: String) -> JSONObject {
    command(
      "ReplanMilestone", effective,
      [
        "milestone": .string(id), "scope": .array([]), "previousDate": .string(from),
        "newDate": .string(to), "reason": .string("raad later"),
      ])
  }

  static func context(_ commands: [JSONObject], on day: String) throws -> ViewContext {
    let ledger = try Ledger(records: try records(commands))
    let query = ViewQuery(validAt: AuditLog.day(day))
    return try TransitionProjector(ledger: ledger).context(query)
  }

  static let commands: [JSONObject] = [
    plan("P1", "voorjaar 2024"), achieve("P1", "2024-05-20"),
    plan("P2", "voorjaar 2024"), achieve("P2", "2024-06-10"),
    plan("P3", "december 2020 - februari 2021"), achieve("P3", "februari 2021"),
    plan("P4", "2024-Q1"), achieve("P4", "2024-Q2"),
    plan("P5", "2024-03"), achieve("P5", "voorjaar 2024"),
    plan("P6", "uiterlijk 2026-07-01"), achieve("P6", "uiterlijk 2026-07-01"),
    plan("P7", "winter 2025/2026"),
    replan("P7", "2025-11-15", from: "winter 2025/2026", to: "voorjaar 2026"),
    plan("P8", "uiterlijk 2026"), achieve("P8", "uiterlijk 2027-03"),
    plan("P9", "2026-07-01"), achieve("P9", "2026-06-20"),
  ]

  @Test("each milestone's verdict and slip counted from the end of its planned period")
  func verdicts() throws {
    let lines = try Self.context(Self.commands, on: "2026-01-01").milestoneLines()
    let got = lines.map { "\($0.milestone) \($0.verdict.rawValue) \($0.slipText)" }
    #expect(
      got == [
        "P1 on time 0", "P2 late 10", "P3 on time 0", "P4 late 1-91",
        "P5 undetermined undetermined",
        "P6 open 0 (planned)", "P7 open 92 (planned)", "P8 open 0 (planned)", "P9 open 0 (planned)",
      ])
    // Later, P6, P8 and P9 are achieved too.
    let later = try Self.context(Self.commands, on: "2027-12-31").milestoneLines()
    let rest = later.filter { ["P6", "P8", "P9"].contains($0.milestone) }.map {
      "\($0.milestone) \($0.verdict.rawValue) \($0.slipText)"
    }
    #expect(rest == ["P6 on time 0", "P8 undetermined undetermined", "P9 on time -11"])
  }

  @Test("the view prints every date as given and never a day the sources did not give")
  func table() throws {
    let table = try Self.context(Self.commands, on: "2027-12-31").milestonesTable()
    let rows = table.rows.map { [$0[0], $0[3], $0[5], $0[6], $0[7]] }
    #expect(
      rows == [
        ["P1", "voorjaar 2024", "voorjaar 2024", "2024-05-20", "0"],
        ["P2", "voorjaar 2024", "voorjaar 2024", "2024-06-10", "10"],
        ["P3", "2020-12 - 2021-02", "2020-12 - 2021-02", "2021-02", "0"],
        ["P4", "2024-Q1", "2024-Q1", "2024-Q2", "1-91"],
        ["P5", "2024-03", "2024-03", "voorjaar 2024", "undetermined"],
        ["P6", "uiterlijk 2026-07-01", "uiterlijk 2026-07-01", "uiterlijk 2026-07-01", "0"],
        ["P7", "winter 2025/2026", "voorjaar 2026", "-", "92 (planned)"],
        ["P8", "uiterlijk 2026", "uiterlijk 2026", "uiterlijk 2027-03", "undetermined"],
        ["P9", "2026-07-01", "2026-07-01", "2026-06-20", "-11"],
      ])
    #expect(
      table.rows.first { $0[0] == "P7" }?[4]
        == "winter 2025/2026→voorjaar 2026 on 2025-11-15 (R14: raad later)")
    #expect(
      table.notes == [
        "slipped: P2 - 10 days, P4 - 1-91 days, P7 - 92 days",
        "undetermined (the achieved date is too coarse to say whether it was on time): P5 -"
          + " achieved voorjaar 2024, planned 2024-03, P8 - achieved uiterlijk 2027-03, planned"
          + " uiterlijk 2026",
      ])
  }

  @Test("a day-precise log keeps its notes: no undetermined line where nothing is undetermined")
  func dayOnlyNotes() throws {
    let table = try Self.context(
      [Self.plan("M1", "2026-03-31"), Self.achieve("M1", "2026-04-16")], on: "2026-12-31"
    ).milestonesTable()
    #expect(table.notes == ["slipped: M1 - 16 days"])
    #expect(
      table.rows == [
        ["M1", "-", "mijlpaal M1", "2026-03-31", "-", "2026-03-31", "2026-04-16", "16"]
      ])
  }

  @Test("judging a period: within, after its end, straddling it, before it began")
  func judge() throws {
    func judge(_ planned: String, _ achieved: String) throws -> String {
      let result = MilestoneVerdict.judge(
        planned: try #require(EffectiveDate(parsing: planned)),
        achieved: try #require(EffectiveDate(parsing: achieved)))
      return result.verdict.rawValue + " "
        + (result.slip.map { "\($0.lowerBound)...\($0.upperBound)" } ?? "nil")
    }
    #expect(try judge("zomer 2024", "2024-08-31") == "on time 0...0")
    #expect(try judge("zomer 2024", "2024-09-01") == "late 1...1")
    #expect(try judge("zomer 2024", "2024-06") == "on time 0...0")
    #expect(try judge("zomer 2024", "2024-08 - 2024-09") == "undetermined nil")
    #expect(try judge("zomer 2024", "2024") == "undetermined nil")
    #expect(try judge("zomer 2024", "2024-05-01") == "on time -31...-31")
    #expect(try judge("2024", "2025-H1") == "late 1...181")
    #expect(try judge("uiterlijk 2024-06-30", "2020") == "on time 0...0")
    #expect(try judge("uiterlijk 2024-06-30", "uiterlijk 2024-06-30") == "on time 0...0")
    #expect(try judge("uiterlijk 2024-06-30", "uiterlijk 2024-07-01") == "undetermined nil")
    #expect(try judge("winter 2024/2025", "2025-03-01") == "late 1...1")
  }

  @Test("a replanning from another period than the planned one is a finding; from the same, none")
  func replanningFrom() throws {
    let wrong = try Self.context(
      [
        Self.plan("P1", "voorjaar 2024"),
        Self.replan("P1", "2024-02-01", from: "zomer 2024", to: "najaar 2024"),
      ],
      on: "2024-12-31"
    ).audit().filter { $0.rule == "milestone-history" }
    #expect(
      wrong == [
        Finding(
          rule: "milestone-history", day: CalendarDay(2024, 2, 1), seqs: [1, 2],
          message: "Replanning R2 of P1 starts from zomer 2024, but the planned date was"
            + " voorjaar 2024.")
      ])
    let right = try Self.context(
      [
        Self.plan("P1", "voorjaar 2024"),
        Self.replan("P1", "2024-02-01", from: "voorjaar 2024", to: "najaar 2024"),
      ],
      on: "2024-12-31"
    ).audit().filter { $0.rule == "milestone-history" }
    #expect(right.isEmpty)
  }
}
