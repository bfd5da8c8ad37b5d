import Foundation
import Testing

@Suite("transition report, run as a user runs it")
struct ReportVerbTests {
  @Test("report writes one HTML file where --output says, and says where")
  func writes() throws {
    let demo = try DemoLog()
    let output = demo.work.file("raad.html")
    let run = try TransitionBinary.run([
      "report", demo.path, "--valid-at", "2026-07-01", "--known-at", "2026-07-02", "--output",
      output,
    ])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("written to \(output)"))
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
    #expect(
      html.contains("Stand op 1 juli 2026, zoals bekend 2 juli 2026, 23:59:59 (Nederlandse tijd)"))
    let again = try TransitionBinary.run([
      "report", demo.path, "--valid-at", "2026-07-01", "--known-at", "2026-07-02", "--output",
      output,
    ])
    #expect(again.status == 0)
    #expect(try String(contentsOfFile: output, encoding: .utf8) == html, "same inputs, same bytes")
  }

  @Test("a reserve shows with its authorised withdrawal and balance in the money section")
  func fundsInTheReport() throws {
    let work = WorkDirectory()
    let log = work.file("fonds.log")
    let by = ["TRANSITION_BY": "projectbureau"]
    let steps: [[String]] = [
      ["init", log, "--name", "fonds"],
      [
        "record", log, "RegisterOrganisation", "--effective", "2013", "--organisation", "GA",
        "--name", "Gemeente A", "--kind", "gemeente",
      ],
      [
        "record", log, "CreateFund", "--effective", "2026-01-15", "--fund", "RES-A", "--name",
        "reserve transitie", "--kind", "bestemmingsreserve", "--holder", "GA", "--amount",
        "10000000", "--purpose", "frictiekosten",
      ],
      [
        "record", log, "AuthoriseWithdrawal", "--effective", "2026-03-01", "--withdrawal", "W-A1",
        "--fund", "RES-A", "--amount", "4000000", "--decision", "RB-A-2", "--purpose",
        "kwartiermaker",
      ],
    ]
    for step in steps {
      let run = try TransitionBinary.run(step, environment: by)
      #expect(run.status == 0, "\(step): \(run.errors)")
    }
    let output = work.file("r.html")
    let run = try TransitionBinary.run(
      ["report", log, "--valid-at", "2026-06-01", "--output", output])
    #expect(run.status == 0, "\(run.errors)")
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.contains("Reserves en budgetten"))
    #expect(html.contains("<th scope=\"col\">saldo</th>"))
    // The fund's row: amount, authorised, nothing booked, the whole amount as its balance.
    #expect(
      html.contains(
        "<td>RES-A</td><td>–</td><td>GA</td>")
        && html.contains("€ 100.000,00</td><td>€ 40.000,00</td><td>€ 0,00</td><td>€ 100.000,00"))
  }

  @Test("without --output the report goes beside the log, -en for English")
  func defaultOutput() throws {
    let demo = try DemoLog()
    for (language, name) in [
      ("nl", "ijmond-demo-report-2026-07-01.html"), ("en", "ijmond-demo-report-2026-07-01-en.html"),
    ] {
      let file = demo.work.file(name)
      try? FileManager.default.removeItem(atPath: file)
      let run = try TransitionBinary.run([
        "report", demo.path, "--valid-at", "2026-07-01", "--lang", language,
      ])
      #expect(run.status == 0, "\(run.errors)")
      #expect(FileManager.default.fileExists(atPath: file), "\(name)")
    }
  }

  @Test("demo writes the example's report beside its log and says where")
  func demoWritesReport() throws {
    let work = WorkDirectory()
    let run = try TransitionBinary.run(["demo"], in: work.path)
    #expect(run.status == 0, "\(run.errors)")
    let file = work.file("ijmond-demo-report-2026-07-01.html")
    #expect(FileManager.default.fileExists(atPath: file))
    #expect(run.output.contains("is in ijmond-demo-report-2026-07-01.html"))
    let html = try String(contentsOfFile: file, encoding: .utf8)
    #expect(html.contains("IJM-077 !"), "as known now, the late decision is marked")
  }

  @Test(
    "bad input: the same exit status and message as state",
    arguments: [
      ["--valid-at", "2026-02-30"], ["--valid-at", "2026-07-01", "--known-at-seq", "999"],
      ["--valid-at", "2026-07-01", "--known-at", "yesterday"],
    ])
  func sameAsState(flags: [String]) throws {
    let demo = try DemoLog()
    let report = try TransitionBinary.run(
      ["report", demo.path] + flags + ["--output", demo.work.file("x.html")])
    let state = try TransitionBinary.run(["state", demo.path] + flags)
    #expect(report.status == 65)
    #expect(report.status == state.status)
    #expect(
      report.errors.replacingOccurrences(of: "transition report: ", with: "")
        == state.errors.replacingOccurrences(of: "transition state: ", with: ""))
    #expect(!FileManager.default.fileExists(atPath: demo.work.file("x.html")))
  }

  @Test("a missing log exits 66 as state does; a damaged log 65 as state does")
  func missingAndDamaged() throws {
    let work = WorkDirectory()
    let missing = try TransitionBinary.run([
      "report", work.file("nope.log"), "--valid-at", "2026-07-01",
    ])
    let state = try TransitionBinary.run([
      "state", work.file("nope.log"), "--valid-at", "2026-07-01",
    ])
    #expect(missing.status == 66)
    #expect(missing.status == state.status)
    let demo = try DemoLog()
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: demo.path)))
    let index = bytes.count / 2
    bytes[index] = bytes[index] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
    try Data(bytes).write(to: URL(fileURLWithPath: demo.path))
    try? FileManager.default.removeItem(atPath: demo.path + ".projections")
    let damaged = try TransitionBinary.run(["report", demo.path, "--valid-at", "2026-07-01"])
    let damagedState = try TransitionBinary.run(["state", demo.path, "--valid-at", "2026-07-01"])
    #expect(damaged.status == 65, "\(damaged.errors)")
    #expect(damaged.status == damagedState.status)
  }

  @Test(
    "usage errors exit 64 and name what to do",
    arguments: [
      (["--lang", "de", "--valid-at", "2026-07-01"], "Unknown language de: choose nl or en."),
      ([String](), "Give --valid-at DAY"),
      (["--valid-at", "2026-07-01", "--view", "staffing"], "Unknown flag --view."),
    ])
  func usage(flags: [String], message: String) throws {
    let demo = try DemoLog()
    let run = try TransitionBinary.run(["report", demo.path] + flags)
    #expect(run.status == 64)
    #expect(run.errors.contains(message), "\(run.errors)")
  }

  @Test("an output that cannot be written exits 73")
  func cannotWrite() throws {
    let demo = try DemoLog()
    let run = try TransitionBinary.run([
      "report", demo.path, "--valid-at", "2026-07-01", "--output",
      demo.work.file("no/such/folder/r.html"),
    ])
    #expect(run.status == 73)
    #expect(run.errors.contains("cannot be written"))
  }

  @Test("report --help has worked examples, and each works on the demo log as printed")
  func helpExamples() throws {
    let demo = try DemoLog()
    let help = try TransitionBinary.run(["report", "--help"])
    #expect(help.status == 0)
    let examples = help.output.split(separator: "\n").drop { !$0.hasPrefix("Examples:") }
      .dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { $0.hasPrefix("transition report ijmond-demo.log") }
    #expect(examples.count >= 4)
    for example in examples {
      let words = example.split(separator: " ").dropFirst().map(String.init)
      let run = try TransitionBinary.run(words, in: demo.work.path)
      #expect(run.status == 0, "\(example): \(run.errors)")
    }
  }
}
