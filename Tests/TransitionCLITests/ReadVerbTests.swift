import Foundation
import Testing

/// The demo log, written by `transition demo` into a fresh directory.
struct DemoLog {
  let work = WorkDirectory()
  var path: String { work.file("ijmond-demo.log") }

  init() throws {
    let run = try TransitionBinary.run(["demo"], in: work.path)
    #expect(run.status == 0, "\(run.errors)")
  }
}

@Suite("transition demo, log, show and export, run as a user runs them")
struct ReadVerbTests {
  @Test("demo writes the example (mode 0640), verifies it, tours it and names the next commands")
  func demo() throws {
    let work = WorkDirectory()
    let run = try TransitionBinary.run(["demo"], in: work.path)
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("172 records, verified"))
    #expect(run.output.contains("RAAD-HKK"))
    #expect(run.output.contains("as known at 2026-07-02T21:59:59.999Z"))
    #expect(run.output.contains("transition verify ijmond-demo.log"))
    #expect(!run.output.contains("\u{1B}["), "no colour in a pipe")
    let path = work.file("ijmond-demo.log")
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o640)
    let again = try TransitionBinary.run(["demo"], in: work.path)
    #expect(again.status == 73)
    #expect(again.errors.contains("--force"))
    #expect(try TransitionBinary.run(["demo", "--force"], in: work.path).status == 0)
    let other = try TransitionBinary.run(["demo", "--output", "x.log"], in: work.path)
    #expect(other.output.contains("transition audit x.log"))
  }

  @Test("log filters by type, stream, who and both time axes; --json and --csv give the rows")
  func log() throws {
    let demo = try DemoLog()
    let decisions = try TransitionBinary.run(["log", demo.path, "--type", "TakeDecision"])
    #expect(decisions.status == 0)
    #expect(decisions.output.contains("19 of 172 records"))
    let stream = try TransitionBinary.run(
      [
        "log", demo.path, "--stream", "decision/", "--effective-from", "2026-06-01",
        "--effective-to", "2026-06-30", "--json",
      ])
    let rows =
      try JSONSerialization.jsonObject(with: Data(stream.output.utf8)) as? [[String: String]]
    #expect(rows?.isEmpty == false)
    #expect(rows?.allSatisfy { ($0["effective"] ?? "") >= "2026-06-01" } == true)
    #expect(rows?.allSatisfy { ($0["stream"] ?? "").hasPrefix("decision/") } == true)
    let late = try TransitionBinary.run(
      [
        "log", demo.path, "--recorded-from", "2026-07-14", "--recorded-to", "2026-07-14",
        "--by", "griffie-bev", "--by", "bev-hr", "--by", "projectbureau", "--csv",
      ])
    #expect(late.output.hasPrefix("seq,recorded,effective,type,stream,by,corrects,id\r\n"))
    let all = try TransitionBinary.run(["log", demo.path, "--recorded-to", "2026-07-14", "--csv"])
    #expect(all.output.contains("IJM-077"))
    let before = try TransitionBinary.run([
      "log", demo.path, "--recorded-to", "2026-07-13", "--csv",
    ])
    #expect(!before.output.contains("IJM-077"))
    let badDay = try TransitionBinary.run(["log", demo.path, "--effective-from", "2026-02-30"])
    #expect(badDay.status == 65)
    #expect(badDay.errors.contains("2026-02-30 is not a real day"))
  }

  @Test("show prints a record in full with the record it corrects and the ones correcting it")
  func show() throws {
    let demo = try DemoLog()
    let corrected = try TransitionBinary.run(["show", demo.path, "IJM-072"])
    #expect(corrected.status == 0)
    #expect(corrected.output.contains("\"type\": \"PlacementProcedureStep.v1\""))
    #expect(corrected.output.contains("Corrected by:"))
    #expect(corrected.output.contains("IJM-075"))
    let correction = try TransitionBinary.run(["show", demo.path, "103", "--json"])
    let object =
      try JSONSerialization.jsonObject(with: Data(correction.output.utf8)) as? [String: Any]
    #expect((object?["corrects"] as? [String: Any])?["id"] as? String == "IJM-072")
    let missing = try TransitionBinary.run(["show", demo.path, "9999"])
    #expect(missing.status == 65)
    #expect(missing.errors.contains("no record with seq or id 9999"))
  }

  @Test("export: jsonl as stored, CloudEvents 1.0 per line, and records as CSV")
  func export() throws {
    let demo = try DemoLog()
    let stored = try String(contentsOfFile: demo.path, encoding: .utf8).split(separator: "\n")
    let jsonl = try TransitionBinary.run(["export", demo.path, "--format", "jsonl"])
    #expect(jsonl.output.split(separator: "\n") == Array(stored.dropFirst()))
    let events = try TransitionBinary.run(
      ["export", demo.path, "--format", "cloudevents", "--type", "DecisionCorrected"])
    let lines = events.output.split(separator: "\n")
    #expect(lines.count == 1)
    let event =
      try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any]
    #expect(event?["specversion"] as? String == "1.0")
    #expect(event?["id"] as? String == "IJM-075")
    #expect(event?["source"] as? String == "transition-log/ijmond")
    #expect(event?["type"] as? String == "DecisionCorrected.v1")
    #expect(event?["subject"] as? String == "decision/IJM-072")
    #expect(event?["time"] as? String == "2026-06-05T13:30:00.000Z")
    #expect(event?["corrects"] as? Int == 100)
    #expect((event?["prevhash"] as? String)?.count == 64)
    for key in event?.keys.sorted() ?? [] {
      #expect(key.allSatisfy { $0.isLowercase || $0.isNumber }, "attribute name \(key)")
    }
    let csv = try TransitionBinary.run(["export", demo.path, "--format", "csv"])
    #expect(csv.output.split(separator: "\r\n").count == 173)
    let bad = try TransitionBinary.run(["export", demo.path, "--format", "xml"])
    #expect(bad.status == 64)
  }

  @Test(
    "every verb: a missing log is 66, an unknown flag 64",
    arguments: [
      ["log"], ["show", "1"], ["export", "--format", "jsonl"], ["state"], ["history", "E017"],
      ["audit"], ["diff", "--view", "costs", "--from-known-at", "2026-01-01"],
      [
        "record", "RegisterBody", "--effective", "2026-01-01", "--body", "B", "--name", "n",
        "--kind", "raad",
      ],
      ["import", "--staff", "x.csv", "--cohort", "C", "--effective", "2025-07-01"],
      ["verify"], ["checkpoint"], ["people", "list"],
      ["people", "forget", "E001", "--reason", "r"],
    ])
  func missingFile(words: [String]) throws {
    let work = WorkDirectory()
    var arguments = words
    arguments.insert("missing.log", at: 1)
    let run = try TransitionBinary.run(
      arguments, in: work.path, environment: ["TRANSITION_BY": "x"])
    #expect(run.status == 66, "\(words): \(run.errors)")
    #expect(run.errors.contains("missing.log does not exist"), "\(run.errors)")
    if words[0] != "record" {
      let flagged = try TransitionBinary.run(
        [words[0], "missing.log", "--frobnicate"], in: work.path)
      #expect(flagged.status == 64, "\(words[0])")
      #expect(flagged.errors.contains("Unknown flag --frobnicate"), "\(flagged.errors)")
    }
  }

  @Test("a damaged log: every reading verb exits 65 naming the line, record appends nothing")
  func damaged() throws {
    let demo = try DemoLog()
    var text = try String(contentsOfFile: demo.path, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"IJM-077\"", with: "\"IJM-07X\"")
    try text.write(toFile: demo.path, atomically: true, encoding: .utf8)
    for words in [["log"], ["show", "1"], ["export", "--format", "jsonl"], ["verify"]] {
      var arguments = words
      arguments.insert(demo.path, at: 1)
      let run = try TransitionBinary.run(arguments)
      #expect(run.status == 65, "\(words)")
      #expect(run.errors.contains("line"), "\(run.errors)")
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: demo.path))
    let record = try TransitionBinary.run(
      [
        "record", demo.path, "RegisterBody", "--effective", "2026-01-01", "--body", "B",
        "--name", "n", "--kind", "raad", "--organisations", "BEV", "--by", "x",
      ])
    #expect(record.status == 65, "\(record.errors)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: demo.path)) == before)
  }

  @Test("every verb has --help with examples; help lists every verb; an unknown verb is 64")
  func help() throws {
    let overview = try TransitionBinary.run(["help"])
    let verbs = [
      "demo", "init", "record", "import", "log", "show", "state", "history", "diff", "audit",
      "export", "verify", "checkpoint",
    ]
    for verb in verbs {
      #expect(overview.output.contains("  \(verb) "), "\(verb)")
      let run = try TransitionBinary.run([verb, "--help"])
      #expect(run.status == 0)
      #expect(run.output.contains("Examples:"), "\(verb)")
    }
    let unknown = try TransitionBinary.run(["frobnicate"])
    #expect(unknown.status == 64)
  }

  @Test("views: a bad view is 64, an impossible day 65, two known-at flags 64")
  func viewArguments() throws {
    let demo = try DemoLog()
    let view = try TransitionBinary.run(["state", demo.path, "--view", "salaries"])
    #expect(view.status == 64)
    #expect(view.errors.contains("Unknown view salaries"))
    let day = try TransitionBinary.run(["state", demo.path, "--valid-at", "2026-13-01"])
    #expect(day.status == 65)
    let both = try TransitionBinary.run(
      ["audit", demo.path, "--known-at", "2026-01-01", "--known-at-seq", "3"])
    #expect(both.status == 64)
  }
}
