import Foundation
import Testing

/// The rows of a `--json` table: an array of objects of text cells.
func jsonRows(_ text: String) throws -> [[String: String]] {
  try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: String]])
}

/// The rows of `state --json`: the document's "rows".
func stateRows(_ text: String) throws -> [[String: String]] {
  try #require(jsonObject(text)["rows"] as? [[String: String]])
}

/// A JSON object printed by a command.
func jsonObject(_ text: String) throws -> [String: Any] {
  try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// The rows of CSV output (RFC 4180 line ends), header first; no cell holds a line break.
func csvLines(_ text: String) -> [Substring] { text.split(separator: "\r\n") }

@Suite("transition state, history, diff, audit and export --view, run as a user runs them")
struct ViewVerbTests {
  static let views = [
    "staffing", "employees", "conservation", "decisions", "regional", "advice", "milestones",
    "costs",
  ]

  @Test(
    "a fresh process answers from the sidecar exactly as a replay does, in every view and mode",
    arguments: views + ["audit"])
  func sidecarInFreshProcess(view: String) throws {
    let demo = try DemoLog()
    let sidecar = demo.path + ".projections"
    for moment in [
      ["--valid-at", "2026-04-01"], ["--valid-at", "2027-12-31", "--known-at-seq", "100"],
      ["--valid-at", "2027-12-31", "--as-recorded"],
    ] {
      let words =
        (view == "audit" ? ["audit", demo.path] : ["state", demo.path, "--view", view])
        + moment
      try? FileManager.default.removeItem(atPath: sidecar)
      let replayed = try TransitionBinary.run(words)
      if view == "audit" {
        // The audit is evidence: it answers from a replay and neither reads nor writes the
        // cache (issue 15, item 3); build one with a view so that the second run could use it.
        #expect(!FileManager.default.fileExists(atPath: sidecar), "the audit wrote a sidecar")
        _ = try TransitionBinary.run(["state", demo.path, "--view", "costs"])
      }
      #expect(FileManager.default.fileExists(atPath: sidecar), "the run did not write a sidecar")
      // A new process: its intern pools are empty, so the sidecar's tables load as they are.
      let fromSidecar = try TransitionBinary.run(words)
      #expect(replayed.status == fromSidecar.status)
      #expect(replayed.output == fromSidecar.output, "\(words)")
      #expect(!replayed.output.isEmpty)
    }
  }

  @Test("state prints every view as text, as JSON and as CSV, with the same rows", arguments: views)
  func stateViews(view: String) throws {
    let demo = try DemoLog()
    let words = ["state", demo.path, "--view", view, "--valid-at", "2027-12-31"]
    let text = try TransitionBinary.run(words)
    #expect(text.status == 0, "\(text.errors)")
    #expect(text.output.contains("on 2027-12-31, as known now (seq 172)"), "\(text.output)")
    let json = try TransitionBinary.run(words + ["--json"])
    #expect(json.status == 0)
    let rows = try stateRows(json.output)
    #expect(!rows.isEmpty)
    let csv = try TransitionBinary.run(words + ["--csv"])
    #expect(csv.status == 0)
    let lines = csvLines(csv.output)
    #expect(lines.count == rows.count + 1)
    let header = try #require(lines.first)
    #expect(!header.isEmpty)
    for key in rows[0].keys { #expect(header.contains(key), "\(view): \(key) in \(header)") }
    let both = try TransitionBinary.run(words + ["--json", "--csv"])
    #expect(both.status == 64)
  }

  @Test("state answers on both time axes: valid day, known-at instant and seq, as recorded")
  func stateTimeAxes() throws {
    let demo = try DemoLog()
    let log = demo.path
    let staffing = try TransitionBinary.run(
      ["state", log, "--view", "staffing", "--valid-at", "2026-07-01"])
    #expect(staffing.output.contains("BEV: headcount 14, contract fte 12.2400"))
    let conservation = try stateRows(
      try TransitionBinary.run(
        ["state", log, "--view", "conservation", "--valid-at", "2027-12-31", "--json"]
      ).output)
    #expect(
      conservation.map { "\($0["bucket"] ?? "") \($0["cohort fte"] ?? "")" } == [
        "at BEV 12.2400", "at HKK 11.4100", "at VLS 13.8800", "departed 5.6700",
        "reassigned 3.8000",
      ])
    func decisions(_ extra: [String]) throws -> [String] {
      let run = try TransitionBinary.run(
        ["state", log, "--view", "decisions", "--valid-at", "2026-07-01", "--json"] + extra)
      #expect(run.status == 0, "\(run.errors)")
      return try stateRows(run.output).map { $0["decision"] ?? "" }
    }
    #expect(try decisions([]).contains("IJM-077"))
    #expect(try !decisions(["--known-at", "2026-07-02"]).contains("IJM-077"))
    #expect(try !decisions(["--known-at", "2026-07-14T08:29:59.999Z"]).contains("IJM-077"))
    #expect(try decisions(["--known-at", "2026-07-14T08:30:00.000Z"]).contains("IJM-077"))
    #expect(try decisions(["--known-at", "2026-07-14T08:30Z"]).contains("IJM-077"))
    #expect(try !decisions(["--known-at-seq", "120"]).contains("IJM-077"))
    #expect(try decisions(["--known-at-seq", "121"]).contains("IJM-077"))
    let employees = ["state", log, "--view", "employees", "--valid-at", "2026-06-01", "--json"]
    let corrected = try stateRows(try TransitionBinary.run(employees).output)
    let original = try stateRows(try TransitionBinary.run(employees + ["--as-recorded"]).output)
    #expect(corrected.first { $0["employee"] == "E017" }?["plaatsing"]?.hasPrefix("BEV") == true)
    #expect(original.first { $0["employee"] == "E017" }?["plaatsing"]?.hasPrefix("VLS") == true)
    let regional = try TransitionBinary.run(
      ["state", log, "--view", "regional", "--valid-at", "2026-04-01", "--csv"])
    #expect(regional.output.contains("transitieplan,VLS,-,-,missing\r\n"))
  }

  @Test(
    "history of an employee, a decision, a body and a milestone",
    arguments: [
      ("E017", "IJM-075"), ("IJM-077", "IJM-082"), ("RAAD-BEV", "IJM-062"), ("M3", "IJM-071"),
    ])
  func history(subject: String, record: String) throws {
    let demo = try DemoLog()
    let text = try TransitionBinary.run(["history", demo.path, subject])
    #expect(text.status == 0, "\(text.errors)")
    #expect(text.output.contains("History of \(subject)"))
    let rows = try jsonRows(
      try TransitionBinary.run(["history", demo.path, subject, "--json"]).output)
    #expect(rows.contains { $0["record"] == record }, "\(subject): \(record)")
    let csv = try TransitionBinary.run(["history", demo.path, subject, "--csv"])
    #expect(csvLines(csv.output).count == rows.count + 1)
  }

  @Test("history as known before a record leaves it out")
  func historyKnownAt() throws {
    let demo = try DemoLog()
    let now = try jsonRows(
      try TransitionBinary.run(["history", demo.path, "E017", "--json"]).output)
    let before = try jsonRows(
      try TransitionBinary.run(
        ["history", demo.path, "E017", "--known-at", "2026-07-02", "--json"]
      ).output)
    #expect(now.contains { $0["record"] == "IJM-077" })
    #expect(!before.contains { $0["record"] == "IJM-077" })
  }

  @Test("diff between two known-at moments names the added row and the record that caused it")
  func diffKnownAt() throws {
    let demo = try DemoLog()
    let words = [
      "diff", demo.path, "--view", "decisions", "--valid-at", "2026-07-01", "--from-known-at",
      "2026-07-02",
    ]
    let text = try TransitionBinary.run(words)
    #expect(text.status == 0, "\(text.errors)")
    #expect(text.output.contains("1 row of decisions changed"))
    #expect(text.output.contains("Records recorded after record 117 up to record 172"))
    let json = try jsonObject(try TransitionBinary.run(words + ["--json"]).output)
    let changes = try #require(json["changes"] as? [[String: String]])
    #expect(changes.map { $0["change"] ?? "" } == ["added"])
    #expect(changes.first?["decision"] == "IJM-077")
    let records = try #require(json["records"] as? [[String: String]])
    #expect(records.map { $0["seq"] ?? "" } == ["121"])
    #expect(records.first?["id"] == "IJM-077")
    #expect(records.first?["type"] == "DecisionTaken.v1")
    #expect(json["attributed"] as? Bool == true)
    let bySeq = try jsonObject(
      try TransitionBinary.run(
        [
          "diff", demo.path, "--view", "costs", "--valid-at", "2026-09-30",
          "--from-known-at-seq", "130", "--to-known-at-seq", "140", "--json",
        ]
      ).output)
    let costChanges = try #require(bySeq["changes"] as? [[String: String]])
    #expect(costChanges.contains { $0["line"] == "K06" && $0["change"] == "added" })
    let costRecords = try #require(bySeq["records"] as? [[String: String]])
    #expect(costRecords.contains { $0["id"] == "IJM-094" })
    #expect(costRecords.allSatisfy { Int($0["seq"] ?? "") ?? 0 > 130 })
  }

  @Test("diff between two valid days lists the records effective in between")
  func diffValidDays() throws {
    let demo = try DemoLog()
    let words = [
      "diff", demo.path, "--view", "staffing", "--from-valid-at", "2026-06-30", "--to-valid-at",
      "2026-07-01",
    ]
    let text = try TransitionBinary.run(words)
    #expect(text.status == 0, "\(text.errors)")
    #expect(text.output.contains("Records effective after 2026-06-30 up to 2026-07-01"))
    let json = try jsonObject(try TransitionBinary.run(words + ["--json"]).output)
    let changes = try #require(json["changes"] as? [[String: String]])
    #expect(changes.contains { $0["change"] == "added" && $0["organisation"] == "BEV" })
    #expect(changes.contains { $0["change"] == "changed" && $0["organisation"] == "IJW" })
    let records = try #require(json["records"] as? [[String: String]])
    #expect(records.contains { $0["id"] == "IJM-082" && $0["touches"]?.contains("BEV") == true })
    #expect(records.allSatisfy { $0["effective"] == "2026-07-01" })
    // Some IJW rows change through reassignments the keys do not name: every record is listed.
    #expect(json["attributed"] as? Bool == false)
    #expect(text.output.contains("every record in between is listed"))
  }

  @Test(
    "diff refuses a missing view, one valid day, equal moments and mixed axes with 64",
    arguments: [
      ["--from-known-at", "2026-07-02"],
      ["--view", "decisions"],
      ["--view", "decisions", "--from-valid-at", "2026-07-01"],
      ["--view", "decisions", "--from-valid-at", "2026-07-01", "--to-valid-at", "2026-07-01"],
      [
        "--view", "decisions", "--from-valid-at", "2026-06-01", "--to-valid-at", "2026-07-01",
        "--from-known-at", "2026-07-02",
      ],
      ["--view", "salaries", "--from-known-at", "2026-07-02"],
    ])
  func diffUsage(words: [String]) throws {
    let demo = try DemoLog()
    let run = try TransitionBinary.run(["diff", demo.path] + words)
    #expect(run.status == 64, "\(words): \(run.errors)")
  }

  @Test("audit of the example: every finding, a summary, the checkpoint sentence, exit 1")
  func auditFindings() throws {
    let demo = try DemoLog()
    let now = try TransitionBinary.run(["audit", demo.path, "--valid-at", "2027-12-31"])
    #expect(now.status == 1, "\(now.errors)")
    for rule in ["backing-recorded-late", "costs-above-estimate", "or-advice-deviation"] {
      #expect(now.output.contains(rule), "\(rule)")
    }
    #expect(now.output.contains("records 108 IJM-082, 121 IJM-077"))
    #expect(now.output.contains("nothing may be executed before 2026-05-23"))
    // cohort-above-contract (issue 19 item 8): E021's contract fell to 0.89 by a
    // ContractChanged.v1 (IJM-090), which kept 1.00 cohort fte.
    #expect(
      now.output.contains(
        "4 findings (1 backing-recorded-late, 1 cohort-above-contract, 1 costs-above-estimate"))
    #expect(now.output.contains("checkpoint held by someone else"))
    #expect(now.output.contains("proves it was not rewritten"))
    let json = try jsonObject(
      try TransitionBinary.run(["audit", demo.path, "--valid-at", "2027-12-31", "--json"]).output)
    let findings = try #require(json["findings"] as? [[String: Any]])
    #expect(
      findings.map { $0["rule"] as? String ?? "" } == [
        "backing-recorded-late", "cohort-above-contract", "costs-above-estimate",
        "or-advice-deviation",
      ])
    #expect(findings.first?["seqs"] as? [Int] == [108, 121])
    #expect(findings.first?["records"] as? [String] == ["IJM-082", "IJM-077"])
    #expect(findings.first?["day"] as? String == "2026-07-01")
    #expect((json["note"] as? String)?.contains("checkpoint held by someone else") == true)
    let then = try TransitionBinary.run(
      ["audit", demo.path, "--valid-at", "2026-07-01", "--known-at", "2026-07-02", "--csv"])
    #expect(then.status == 1)
    let rows = csvLines(then.output).dropFirst()
    #expect(rows.filter { $0.hasPrefix("staff-move-backed,2026-07-01,108,IJM-082,") }.count == 2)
    #expect(!then.output.contains("backing-recorded-late"))
  }

  @Test("audit of a small clean log: no findings, exit 0; of a damaged log: 65")
  func auditClean() throws {
    let work = WorkDirectory()
    let log = work.file("schoon.log")
    #expect(try TransitionBinary.run(["init", log, "--name", "schoon"]).status == 0)
    let organisation = try TransitionBinary.run(
      [
        "record", log, "RegisterOrganisation", "--effective", "2013", "--organisation", "BEV",
        "--name", "Gemeente Beverwijk", "--kind", "gemeente", "--by", "test",
      ])
    #expect(organisation.status == 0, "\(organisation.errors)")
    let clean = try TransitionBinary.run(["audit", log])
    #expect(clean.status == 0, "\(clean.output)\(clean.errors)")
    #expect(clean.output.contains("No findings"))
    #expect(clean.output.contains("checkpoint held by someone else"))
    let json = try jsonObject(try TransitionBinary.run(["audit", log, "--json"]).output)
    #expect((json["findings"] as? [Any])?.isEmpty == true)
    let empty = work.file("leeg.log")
    #expect(try TransitionBinary.run(["init", empty, "--name", "leeg"]).status == 0)
    #expect(try TransitionBinary.run(["audit", empty]).status == 0)
    #expect(try TransitionBinary.run(["state", empty]).status == 0)
  }

  @Test("export --format csv --view writes a view for a spreadsheet", arguments: views)
  func exportView(view: String) throws {
    let demo = try DemoLog()
    let csv = try TransitionBinary.run(
      ["export", demo.path, "--format", "csv", "--view", view, "--valid-at", "2027-12-31"])
    #expect(csv.status == 0, "\(csv.errors)")
    let state = try TransitionBinary.run(
      ["state", demo.path, "--view", view, "--valid-at", "2027-12-31", "--csv"])
    #expect(csv.output == state.output)
    #expect(csvLines(csv.output).count > 1)
  }

  @Test(
    "bad inputs: unknown view 64, impossible day 65, known-at beyond the log 65, unknown subject 65",
    arguments: [
      (["state", "LOG", "--view", "salaries"], 64, "Unknown view salaries"),
      (["export", "LOG", "--format", "csv", "--view", "salaries"], 64, "Unknown view salaries"),
      (["state", "LOG", "--valid-at", "2026-02-30"], 65, "2026-02-30 is not a real day"),
      (["audit", "LOG", "--valid-at", "2026-13-01"], 65, "is not a real day"),
      (["state", "LOG", "--known-at", "yesterday"], 65, "is not an instant"),
      (
        ["state", "LOG", "--known-at-seq", "173"], 65,
        "outside the log, which holds records 1 to 172"
      ),
      (["audit", "LOG", "--known-at-seq", "999"], 65, "outside the log"),
      (["history", "LOG", "E017", "--known-at-seq", "-1"], 65, "is not a record number"),
      (
        [
          "diff", "LOG", "--view", "costs", "--from-known-at-seq", "1", "--to-known-at-seq", "500",
        ], 65, "outside the log"
      ),
      (
        ["history", "LOG", "E999"], 65,
        "No employee, decision, body, milestone or record named 'E999'"
      ),
      (["history", "LOG"], 64, "Missing the subject"),
      (["state", "LOG", "--known-at", "2026-07-02", "--known-at-seq", "3"], 64, "not both"),
    ])
  func badInputs(words: [String], status: Int32, message: String) throws {
    let demo = try DemoLog()
    let run = try TransitionBinary.run(words.map { $0 == "LOG" ? demo.path : $0 })
    #expect(run.status == status, "\(words): \(run.errors)")
    #expect(run.errors.contains(message), "\(words): \(run.errors)")
    #expect(run.output.isEmpty)
  }

  @Test("the .projections cache: written beside the log, safe to delete, never read by verify")
  func cache() throws {
    let demo = try DemoLog()
    let cache = demo.path + ".projections"
    #expect(FileManager.default.fileExists(atPath: cache))
    let words = ["state", demo.path, "--view", "employees", "--valid-at", "2026-07-01", "--csv"]
    let cached = try TransitionBinary.run(words)
    try FileManager.default.removeItem(atPath: cache)
    let replayed = try TransitionBinary.run(words)
    #expect(replayed.output == cached.output)
    #expect(FileManager.default.fileExists(atPath: cache))
    try Data("not a cache".utf8).write(to: URL(fileURLWithPath: cache))
    let verified = try TransitionBinary.run(["verify", demo.path])
    #expect(verified.status == 0)
    #expect(try String(contentsOfFile: cache, encoding: .utf8) == "not a cache")
    #expect(try TransitionBinary.run(words).output == cached.output)
    // A line changed inside the log: audit checks the chain itself, so the cache hides nothing.
    var text = try String(contentsOfFile: demo.path, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"IJM-077\"", with: "\"IJM-07X\"")
    try text.write(toFile: demo.path, atomically: true, encoding: .utf8)
    for verb in [
      ["audit"], ["history", "E017"], ["diff", "--view", "costs", "--from-known-at-seq", "1"],
      ["verify"],
    ] {
      var arguments = verb
      arguments.insert(demo.path, at: 1)
      let run = try TransitionBinary.run(arguments)
      #expect(run.status == 65, "\(verb): \(run.errors)")
      #expect(run.errors.contains("line 109"), "\(verb): \(run.errors)")
    }
  }

  @Test("demo: the tour's sections come from the views; every next command it prints works")
  func demoNextCommands() throws {
    let work = WorkDirectory()
    let demo = try TransitionBinary.run(["demo"], in: work.path)
    #expect(demo.status == 0, "\(demo.errors)")
    for section in [
      "1. Decisions per council and board", "2. Staffing on three days",
      "3. An accountant asks", "4. The audit rules' findings", "5. Next: try these",
    ] {
      #expect(demo.output.contains(section), "\(section)")
    }
    #expect(demo.output.contains("IJW           53 / 45.4300  22 / 19.0000    5 / 4.2300"))
    #expect(demo.output.contains("backing-recorded-late: 14 move(s) of IJM-082"))
    #expect(demo.output.contains("staff-move-backed: 14 move(s) of IJM-082"))
    #expect(demo.output.contains("ijmond-demo.log.projections"))
    let lines = demo.output.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex { $0.contains("5. Next: try these") })
    var commands: [String] = []
    for line in lines[(start + 1)...] {
      if line.hasPrefix("  ") {
        commands.append(line.trimmingCharacters(in: .whitespaces))
      } else if !commands.isEmpty {
        break
      }
    }
    #expect(commands.count >= 10)
    let readme = try String(contentsOf: ReadmeTests.readme, encoding: .utf8)
    for command in commands {
      let words = command.split(separator: " ").map(String.init)
      let verb = try #require(words.firstIndex(of: "transition")).advanced(by: 1)
      let run = try TransitionBinary.run(Array(words[verb...]), in: work.path)
      let expected: Int32 = words[verb] == "audit" ? 1 : 0
      #expect(run.status == expected, "\(command): \(run.errors)")
      #expect(!run.output.isEmpty, "\(command)")
      #expect(readme.contains(command), "the README shows `\(command)`")
    }
  }

  @Test(
    "every example in --help of the reading verbs works on the demo log as printed",
    arguments: ["state", "history", "diff", "audit", "export", "log", "show"])
  func helpExamples(verb: String) throws {
    let demo = try DemoLog()
    let help = try TransitionBinary.run([verb, "--help"]).output
    let lines = help.split(separator: "\n").drop { !$0.hasPrefix("Examples:") }.dropFirst()
    var examples: [String] = []
    var pending = ""
    for line in lines {
      pending += line.trimmingCharacters(in: .whitespaces)
      if pending.hasSuffix("\\") {
        pending = String(pending.dropLast()).trimmingCharacters(in: .whitespaces) + " "
        continue
      }
      if pending.contains(" ijmond-demo.log") { examples.append(pending) }
      pending = ""
    }
    #expect(!examples.isEmpty)
    for example in examples {
      let command = example.components(separatedBy: " > ")[0]
      let words = command.split(separator: " ").dropFirst().map(String.init)
      let run = try TransitionBinary.run(words, in: demo.work.path)
      #expect(run.status == (verb == "audit" ? 1 : 0), "\(example): \(run.errors)")
    }
  }
}
