import CanonicalJSON
import Foundation
import Testing

@testable import TransitionCLI

/// Issue 19, items 6 and 10 and the batch bullets, end to end through the binary.
///
/// Dates as precise as the sources, Dutch time for --known-at, optional batch fields,
/// fixed-list and planned-date errors, and `state --json` with its summary lines. The log is
/// a different shape from IJmond: municipalities GA and GB and a regional service RWD.
@Suite("record and state with periods, Dutch time, batch defaults and fixed lists")
struct DatesAndBatchTests {
  /// A log with GA, GB, the regional service RWD (a GR of both) and GA's college.
  static func log() throws -> SmallLog {
    let log = try SmallLog()
    let setup = """
      {"command":"RegisterOrganisation","effective":"2013","organisation":"GA","name":"Gemeente A","kind":"gemeente"}
      {"command":"RegisterOrganisation","effective":"2013","organisation":"GB","name":"Gemeente B","kind":"gemeente"}
      {"command":"RegisterOrganisation","effective":"voorjaar 2024","organisation":"RWD","name":"Regionale Werkdienst","kind":"gemeenschappelijke regeling","members":["GA","GB"]}
      {"command":"RegisterBody","effective":"2013","body":"COL-GA","name":"College GA","kind":"college","organisations":["GA"]}

      """
    let run = try log.record(["--input", "-"], input: setup)
    #expect(run.status == 0, "\(run.errors)")
    return log
  }

  @Test("batch lines may leave out every field --help calls optional (lists, booleans)")
  func batchOptionalFields() throws {
    let log = try Self.log()
    // No members, no jointlyWith, dictum, legalBasis, subjectEmployees, conditions,
    // orAdviceRequests, documents or deviatesFromORAdvice: each is optional in --help.
    let decision =
      #"{"command":"TakeDecision","effective":"december 2020 - februari 2021","decision":"GA-1","body":"COL-GA","kind":"opdracht","status":"definitief","subject":"opdracht regionale dienst"}"#
    let run = try log.record(["--input", "-", "--json"], input: decision + "\n")
    #expect(run.status == 0, "\(run.errors)")
    let line = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").last
    #expect(
      line?.contains(
        #""jointlyWith":[],"kind":"opdracht","status":"definitief","subject":"opdracht regionale dienst","dictum":[],"legalBasis":[],"subjectEmployees":[],"conditions":[],"orAdviceRequests":[],"deviatesFromORAdvice":false,"documents":[],"effectivePrecision":"range","effectiveUntil":"2021-02-28""#
      )
        == true, "\(line ?? "")")
  }

  @Test("defaults are filled inside nested objects too, and given values are kept")
  func nestedDefaults() throws {
    let line: JSONObject = [
      "command": .string("TransferStaff"), "effective": .string("2026-07-01"),
      "batch": .string("B1"),
      "lines": .array([
        .object([
          "line": .string("L1"), "employee": .string("E1"), "from": .string("GA"),
          "to": .string("RWD"), "functionBefore": .string("a"), "functionAfter": .string("a"),
          "fte": .string("1.0000"), "caoBefore": .string("x"), "caoAfter": .string("x"),
          "legalForm": .string("detachering"), "orAdvice": .array([.string("A1")]),
        ])
      ]),
    ]
    let filled = RecordCommand.withDefaults(line)
    #expect(
      JSONText.compact(.object(filled))
        == #"{"command":"TransferStaff","effective":"2026-07-01","batch":"B1","lines":[{"line":"L1","employee":"E1","from":"GA","to":"RWD","functionBefore":"a","functionAfter":"a","fte":"1.0000","caoBefore":"x","caoAfter":"x","legalForm":"detachering","orAdvice":["A1"],"decisions":[]}]}"#
    )
  }

  @Test("a value outside a fixed list names the allowed values, from flags and from a batch")
  func fixedLists() throws {
    let log = try Self.log()
    let before = try log.bytes()
    // An organisation's kind is open text since issue 19 item 7; a decision's status is not.
    let flags = try log.record([
      "TakeDecision", "--effective", "2024", "--decision", "GA-3", "--body", "COL-GA", "--kind",
      "opdracht", "--status", "misschien", "--subject", "x",
    ])
    #expect(flags.status == 65)
    #expect(
      flags.errors.contains(
        #"field 'status' is "misschien", which is not allowed; use one of: "voorgenomen", "definitief"."#
      ), "\(flags.errors)")
    let batch = try log.record(
      ["--input", "-"],
      input:
        #"{"command":"TakeDecision","effective":"2024","decision":"GA-2","body":"COL-GA","kind":"opdracht","status":"misschien","subject":"x"}"#
        + "\n")
    #expect(batch.status == 65)
    #expect(
      batch.errors.contains(
        #"line 1: Cannot read TakeDecision: field 'status' is "misschien", which is not allowed; use one of: "voorgenomen", "definitief"."#
      ), "\(batch.errors)")
    let source = try log.record(
      ["--input", "-"],
      input:
        #"{"command":"RegisterOrganisation","effective":"2013","organisation":"GC","name":"C","kind":"gemeente","source":{"kind":"gerucht","detail":"x"}}"#
        + "\n")
    #expect(
      source.errors.contains(
        #"field 'source.kind' is "gerucht", which is not allowed; use one of: "seed", "document", "illustrative", "external", "system"."#
      ), "\(source.errors)")
    #expect(try log.bytes() == before)
  }

  @Test(
    "a planned date takes every form and its error lists only accepted forms; a day field asks for a day"
  )
  func plannedDateErrors() throws {
    let log = try Self.log()
    let wrong = try log.record([
      "PlanMilestone", "--effective", "2023-01-01", "--milestone", "P1", "--title", "x",
      "--plannedDate", "medio 2024",
    ])
    #expect(wrong.status == 65)
    #expect(
      wrong.errors.contains(
        #"field 'plannedDate' "medio 2024" is not a date; write one of: 2026-07-01, 2024-04 (or april 2024), 2023-Q1, 2025-H2, 2013, 2024-07~ (about), voorjaar 2024 (March-May), zomer 2024 (June-August), najaar 2024 (September-November), winter 2020/2021 (December-February), a range such as 2020-12 - 2021-02 (december 2020 - februari 2021), or uiterlijk 2026-07-01 / uiterlijk 2026 (on or before)."#
      ), "\(wrong.errors)")
    // Every form the message names is accepted.
    for (index, form) in [
      "2026-07-01", "2024-04", "april 2024", "2023-Q1", "2025-H2", "2013", "2024-07~",
      "voorjaar 2024", "zomer 2024", "najaar 2024", "winter 2020/2021", "2020-12 - 2021-02",
      "december 2020 - februari 2021", "uiterlijk 2026-07-01", "uiterlijk 2026",
    ].enumerated() {
      let run = try log.record([
        "PlanMilestone", "--effective", "2023-01-01", "--milestone", "P\(index)", "--title",
        "x", "--plannedDate", form,
      ])
      #expect(run.status == 0, "\(form): \(run.errors)")
    }
    let day = try log.record([
      "TakeDecision", "--effective", "2024", "--decision", "GA-3", "--body", "COL-GA", "--kind",
      "opdracht", "--status", "definitief", "--subject", "x", "--validFrom", "2024-07",
    ])
    #expect(day.status == 65)
    #expect(
      day.errors.contains(
        "'2024-07' in 'validFrom' is not a real day. Write it as YYYY-MM-DD, such as 2026-07-01."),
      "\(day.errors)")
  }

  @Test("records of any kind take any precision; views, history and milestones print them as given")
  func precisionsEndToEnd() throws {
    let log = try Self.log()
    for words in [
      [
        "TakeDecision", "--effective", "december 2020 - februari 2021", "--decision", "GA-1",
        "--body", "COL-GA", "--kind", "opdracht", "--status", "definitief", "--subject", "x",
      ],
      [
        "PlanMilestone", "--effective", "2023-01-01", "--milestone", "P1", "--title", "dienst",
        "--scope", "GA", "--scope", "GB", "--plannedDate", "voorjaar 2024",
      ],
      [
        "ReplanMilestone", "--effective", "2024-02-01", "--milestone", "P1", "--scope", "GB",
        "--previousDate", "voorjaar 2024", "--newDate", "najaar 2024", "--reason", "raad later",
      ],
      [
        "AchieveMilestone", "--effective", "2024-06", "--milestone", "P1", "--title", "dienst",
        "--scope", "GA", "--notes", "",
      ],
      [
        "AchieveMilestone", "--effective", "uiterlijk 2024-11-15", "--milestone", "P1",
        "--title", "dienst", "--scope", "GB", "--notes", "",
      ],
    ] {
      let run = try log.record(words)
      #expect(run.status == 0, "\(words): \(run.errors)")
    }
    let decisions = try TransitionBinary.run([
      "state", log.path, "--view", "decisions", "--valid-at", "2025-01-01",
    ])
    #expect(decisions.output.contains("2020-12 - 2021-02"), "\(decisions.output)")
    let history = try TransitionBinary.run(["history", log.path, "RWD"])
    #expect(history.output.contains("voorjaar 2024"), "\(history.output)")
    let milestones = try TransitionBinary.run([
      "state", log.path, "--view", "milestones", "--valid-at", "2025-01-01", "--json",
    ])
    let document = try jsonObject(milestones.output)
    let rows = try #require(document["rows"] as? [[String: String]])
    #expect(
      rows.map { [$0["scope"], $0["planned now"], $0["achieved"], $0["slip days"]] } == [
        ["GA", "voorjaar 2024", "2024-06", "1-30"],
        ["GB", "najaar 2024", "uiterlijk 2024-11-15", "undetermined"],
      ])
    #expect(
      document["summary"] as? [String] == [
        "slipped: P1 GA 1-30 days",
        "undetermined (the achieved date is too coarse to say whether it was on time): P1 GB"
          + " achieved uiterlijk 2024-11-15, planned voorjaar 2024",
      ])
  }

  @Test("state --json carries the title and every summary line the table prints")
  func stateJSONSummary() throws {
    let demo = try DemoLog()
    for view in ["staffing", "milestones", "conservation", "costs", "regional"] {
      let words = ["state", demo.path, "--view", view, "--valid-at", "2026-07-01"]
      let text = try TransitionBinary.run(words).output
      let document = try jsonObject(try TransitionBinary.run(words + ["--json"]).output)
      #expect(document["view"] as? String == view)
      let title = try #require(document["title"] as? String)
      #expect(text.hasPrefix(title + "\n"), "\(view)")
      let summary = try #require(document["summary"] as? [String])
      for line in summary { #expect(text.contains("  " + line + "\n"), "\(view): \(line)") }
      // Every line below the table is in the summary (the last block of the text).
      let below = text.components(separatedBy: "\n\n").last ?? ""
      let printed = below.split(separator: "\n").map {
        String($0.drop { $0 == " " })
      }.filter { !$0.hasPrefix("(cells longer") && !$0.isEmpty }
      if !summary.isEmpty { #expect(printed == summary, "\(view)") }
    }
    let staffing = try jsonObject(
      try TransitionBinary.run([
        "state", demo.path, "--view", "staffing", "--valid-at", "2026-07-01", "--json",
      ]).output)
    let lines = try #require(staffing["summary"] as? [String])
    #expect(lines.contains { $0.contains("BEV: headcount 14, contract fte 12.2400") }, "\(lines)")
  }

  @Test("log --type names every version of a type or command; an unknown type names the types")
  func typeFilter() throws {
    let demo = try DemoLog()
    // The example's plans are MilestonePlanned.v1; PlanMilestone now records .v2.
    for type in ["PlanMilestone", "MilestonePlanned", "MilestonePlanned.v1"] {
      let run = try TransitionBinary.run(["log", demo.path, "--type", type])
      #expect(run.output.hasPrefix("\(demo.path): 5 of 172 records"), "\(type): \(run.output)")
    }
    let none = try TransitionBinary.run(["log", demo.path, "--type", "MilestonePlanned.v2"])
    #expect(none.output.hasPrefix("\(demo.path): 0 of 172 records"))
    let unknown = try TransitionBinary.run(["log", demo.path, "--type", "Besluit"])
    #expect(unknown.status == 64)
    #expect(
      unknown.errors.contains(
        "Unknown --type Besluit: choose a stored type, its name without version, or its command"
          + " name; stored types: BodyRegistered.v1, BodyRegistered.v2, CaseloadTransferred.v1,"),
      "\(unknown.errors)")
    #expect(unknown.errors.contains("MilestonePlanned.v2, MilestoneReplanned.v1"))
  }

  @Test("--known-at with an offset or a bare Dutch day; the title prints the UTC instant used")
  func knownAtDutchTime() throws {
    let demo = try DemoLog()
    func decisions(_ knownAt: String) throws -> (title: String, ids: [String]) {
      let run = try TransitionBinary.run([
        "state", demo.path, "--view", "decisions", "--valid-at", "2026-07-01", "--known-at",
        knownAt, "--json",
      ])
      #expect(run.status == 0, "\(run.errors)")
      let document = try jsonObject(run.output)
      let rows = try #require(document["rows"] as? [[String: String]])
      return (document["title"] as? String ?? "", rows.map { $0["decision"] ?? "" })
    }
    // IJM-077 was recorded at 2026-07-14T08:30:00.000Z, 10:30 in Dutch summer time.
    #expect(try !decisions("2026-07-14T10:29+02:00").ids.contains("IJM-077"))
    #expect(try decisions("2026-07-14T10:30+02:00").ids.contains("IJM-077"))
    #expect(try decisions("2026-07-14T10:30").ids.contains("IJM-077"))
    #expect(try !decisions("2026-07-14T10:29").ids.contains("IJM-077"))
    let day = try decisions("2026-07-02")
    #expect(day.title.contains("as known at 2026-07-02T21:59:59.999Z (seq 117)"), "\(day.title)")
    let winter = try decisions("2026-01-15")
    #expect(winter.title.contains("as known at 2026-01-15T22:59:59.999Z"), "\(winter.title)")
  }
}
