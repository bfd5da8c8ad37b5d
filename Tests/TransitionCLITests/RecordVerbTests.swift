import Foundation
import Testing

/// A new log with the parties a decision and a transfer need, recorded through the binary.
struct SmallLog {
  let work = WorkDirectory()
  var path: String { work.file("t.log") }
  static let by = ["TRANSITION_BY": "projectbureau"]

  init() throws {
    #expect(try TransitionBinary.run(["init", path, "--name", "test"]).status == 0)
    let batch = """
      {"command":"RegisterOrganisation","effective":"2013","organisation":"BEV","name":"Gemeente Beverwijk","kind":"gemeente","members":[]}
      {"command":"RegisterOrganisation","effective":"2013","organisation":"HKK","name":"Gemeente Heemskerk","kind":"gemeente","members":[]}
      {"command":"RegisterOrganisation","effective":"2013","organisation":"IJW","name":"IJmond Werkt!","kind":"gemeenschappelijke regeling","members":["BEV","HKK"]}
      {"command":"RegisterBody","effective":"2013","body":"COL-BEV","name":"College van B&W Beverwijk","kind":"college","organisations":["BEV"]}

      """
    try batch.write(toFile: work.file("setup.jsonl"), atomically: true, encoding: .utf8)
    let run = try TransitionBinary.run(
      ["record", path, "--input", work.file("setup.jsonl")], environment: Self.by)
    #expect(run.status == 0, "\(run.errors)")
  }

  func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  func record(_ words: [String], input: String? = nil) throws -> TransitionBinary.Run {
    try TransitionBinary.run(["record", path] + words, input: input, environment: Self.by)
  }
}

@Suite("transition record and import, run as a user runs them")
struct RecordVerbTests {
  @Test("a decision from flags is appended and printed with seq, id and type; the log verifies")
  func recordDecision() throws {
    let log = try SmallLog()
    let run = try log.record([
      "TakeDecision", "--effective", "2026-06-09", "--decision", "BEV-PB-1", "--body", "COL-BEV",
      "--kind", "plaatsingsbesluit", "--status", "definitief", "--subject", "plaatsing",
      "--conditions", "na OR-advies", "--conditions", "per 2026-07-01", "--legal-basis",
      "Participatiewet", "--id", "BEV-PB-1",
      "--dictum", #"[{"number":1,"text":"E001 wordt geplaatst"}]"#,
    ])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("DecisionTaken.v1"))
    #expect(run.output.contains("BEV-PB-1"))
    #expect(run.output.contains("   5 "))
    let verified = try TransitionBinary.run(["verify", log.path])
    #expect(verified.output.contains("records   5"))
    let line = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").last
    #expect(line?.contains(#""conditions":["na OR-advies","per 2026-07-01"]"#) == true)
    #expect(line?.contains(#""by":"projectbureau""#) == true)
  }

  @Test("retrying with the same --id appends nothing; other content under that id is refused")
  func idempotentRetry() throws {
    let log = try SmallLog()
    let words = [
      "RegisterBody", "--effective", "2020-01-01", "--body", "RAAD-BEV", "--name", "Raad",
      "--kind", "raad", "--organisations", "BEV", "--id", "RAAD-BEV-1",
    ]
    #expect(try log.record(words).status == 0)
    let before = try log.bytes()
    let again = try log.record(words)
    #expect(again.status == 0)
    #expect(again.output.contains("Already recorded"))
    #expect(try log.bytes() == before)
    var other = words
    other[6] = "Gemeenteraad"
    let conflict = try log.record(other)
    #expect(conflict.status == 65)
    #expect(conflict.errors.contains("already in the log"))
    #expect(try log.bytes() == before)
  }

  @Test(
    "refusals and bad input print the message, exit with the right status and append nothing",
    arguments: [
      (
        [
          "TakeDecision", "--effective", "2026-06-09", "--decision", "D1", "--body", "RAAD-XYZ",
          "--kind", "opdracht", "--status", "definitief", "--subject", "s",
        ], Int32(65),
        "body RAAD-XYZ is not registered"
      ),
      (
        [
          "RegisterBody", "--effective", "2026-02-30", "--body", "B", "--name", "n", "--kind",
          "raad", "--organisations", "BEV",
        ], 65, "2026-02-30"
      ),
      (["RegisterBody", "--effective", "2026-01-01", "--colour", "x"], 64, "no field --colour"),
      (["FrobnicateStaff", "--effective", "2026-01-01"], 64, "Unknown kind of record"),
      (["RegisterBody", "--body", "B"], 64, "Missing --effective"),
      (
        [
          "RegisterDocument", "--effective", "2026-01-01", "--document", "D/1", "--title", "t",
          "--kind", "memo", "--organisation", "BEV", "--geheimhouding", "misschien",
        ], 65, "misschien"
      ),
      (
        ["TransferStaff", "--effective", "2026-07-01", "--batch", "B1", "--lines", "[{"], 65,
        "--lines is not valid JSON"
      ),
    ])
  func refused(words: [String], status: Int32, message: String) throws {
    let log = try SmallLog()
    let before = try log.bytes()
    let run = try log.record(words)
    #expect(run.status == status, "\(run.errors)")
    #expect(run.errors.contains(message), "\(run.errors)")
    #expect(run.output.isEmpty)
    #expect(try log.bytes() == before)
  }

  @Test("without --by or TRANSITION_BY nothing is recorded (exit 64)")
  func needsRecorder() throws {
    let log = try SmallLog()
    let run = try TransitionBinary.run(
      ["record", log.path, "RegisterBody", "--effective", "2026-01-01"],
      environment: ["TRANSITION_BY": ""])
    #expect(run.status == 64)
    #expect(run.errors.contains("TRANSITION_BY"))
  }

  @Test("a batch with one refused line and one malformed line appends nothing; a good one all")
  func batches() throws {
    let log = try SmallLog()
    let before = try log.bytes()
    let good =
      #"{"command":"RegisterBody","effective":"2020-01-01","body":"RAAD-BEV","name":"Raad","kind":"raad","organisations":["BEV"]}"#
    let refused =
      #"{"command":"RegisterBody","effective":"2020-01-01","body":"RAAD-X","name":"Raad","kind":"raad","organisations":["NOPE"]}"#
    let refusedRun = try log.record(["--input", "-"], input: good + "\n" + refused + "\n")
    #expect(refusedRun.status == 65)
    #expect(refusedRun.errors.contains("line 2"), "\(refusedRun.errors)")
    #expect(refusedRun.errors.contains("organisation NOPE is not registered"))
    #expect(try log.bytes() == before)
    let malformed = try log.record(
      ["--input", "-"], input: good + "\n{\"command\": \"RegisterBody\",}\n")
    #expect(malformed.status == 65)
    #expect(malformed.errors.contains("line 2: not JSON"), "\(malformed.errors)")
    #expect(try log.bytes() == before)
    let impossible = try log.record(
      ["--input", "-"],
      input: good.replacingOccurrences(of: "2020-01-01", with: "2026-13-01") + "\n")
    #expect(impossible.status == 65)
    #expect(impossible.errors.contains("line 1"))
    #expect(try log.bytes() == before)
    let second = good.replacingOccurrences(of: "RAAD-BEV", with: "OR-BEV")
      .replacingOccurrences(of: #""kind":"raad""#, with: #""kind":"ondernemingsraad""#)
    let ok = try log.record(["--input", "-", "--json"], input: good + "\n\n" + second + "\n")
    #expect(ok.status == 0, "\(ok.errors)")
    let appended =
      try JSONSerialization.jsonObject(with: Data(ok.output.utf8)) as? [[String: String]]
    #expect(appended?.map { $0["seq"] } == ["5", "6"])
  }

  @Test("record --help lists every kind; record LOG KIND --help lists its fields with meaning")
  func help() throws {
    let all = try TransitionBinary.run(["record", "--help"])
    #expect(all.output.contains("TransferStaff"))
    #expect(all.output.contains("Examples:"))
    let kind = try TransitionBinary.run(["record", "t.log", "TransferStaff", "--help"])
    #expect(kind.status == 0)
    #expect(kind.output.contains("--lines"))
    #expect(kind.output.contains("The cohort FTE that moves"))
    #expect(kind.output.contains("transition record t.log TransferStaff --effective 2026-07-01"))
  }
}

@Suite("transition import --staff, run as a user runs it")
struct ImportVerbTests {
  static let dutch =
    "\u{FEFF}Medewerker;Functie;Team;Werkgever;Contracturen;Normuren;Contract FTE;"
    + "Allocated FTE;Cao;Contractsoort;Einddatum\r\n"
    + "E001;werkconsulent;BEV;IJW;36;36;1,0000;1,0000;Cao SGO;onbepaalde tijd;\r\n"
    + "E002;\"jobcoach; senior\";BEV;IJW;32;36;0,8889;0,8889;Cao SGO;bepaalde tijd;31-12-2026\r\n"

  @Test("a Dutch export (BOM, semicolons, decimal comma) becomes one baseline record")
  func dutch() throws {
    let log = try SmallLog()
    try Self.dutch.write(toFile: log.work.file("staff.csv"), atomically: true, encoding: .utf8)
    let run = try TransitionBinary.run(
      [
        "import", log.path, "--staff", log.work.file("staff.csv"), "--cohort", "RI-IJW",
        "--effective", "2025-07-01",
      ], environment: SmallLog.by)
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("Imported 2 employees"))
    #expect(run.output.contains("1.8889"))
    let line = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").last
    #expect(line?.contains(#""function":"jobcoach; senior""#) == true)
    #expect(line?.contains(#""contractEnd":"2026-12-31""#) == true)
  }

  @Test("a plain CSV export imports too")
  func plain() throws {
    let log = try SmallLog()
    let csv = """
      employee,function,team,employer,contract hours,norm hours,contract fte,allocated fte,cao,contract type
      E001,werkconsulent,BEV,IJW,36,36,1.0000,0.5,Cao SGO,onbepaalde tijd

      """
    try csv.write(toFile: log.work.file("staff.csv"), atomically: true, encoding: .utf8)
    let run = try TransitionBinary.run(
      [
        "import", log.path, "--staff", log.work.file("staff.csv"), "--cohort", "RI-IJW",
        "--effective", "2025-07-01",
      ], environment: SmallLog.by)
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("allocated FTE 0.5000"))
  }

  @Test("every bad row is named by its line, and nothing is imported")
  func badRows() throws {
    let log = try SmallLog()
    let csv =
      Self.dutch
      + "E003;jobcoach;BEV;IJW;veel;36;0,5;0,5;Cao SGO;onbepaalde tijd;\r\n"
      + "E004;jobcoach;BEV;IJW;18;36;0,5;0,5;Cao SGO;bepaalde tijd;31-02-2026\r\n"
      + "E005;jobcoach;BEV;IJW;18;36;0,5\r\n"
      + "E001;jobcoach;BEV;IJW;18;36;0,5;0,7;Cao SGO;onbepaalde tijd;\r\n"
    try csv.write(toFile: log.work.file("staff.csv"), atomically: true, encoding: .utf8)
    let before = try log.bytes()
    let run = try TransitionBinary.run(
      [
        "import", log.path, "--staff", log.work.file("staff.csv"), "--cohort", "RI-IJW",
        "--effective", "2025-07-01",
      ], environment: SmallLog.by)
    #expect(run.status == 65)
    #expect(run.errors.contains("line 4: contract hours \"veel\""), "\(run.errors)")
    #expect(run.errors.contains("line 5: end date \"31-02-2026\" is not a real day"))
    #expect(run.errors.contains("line 6: 7 fields, but the header has 11"))
    #expect(run.errors.contains("line 7: allocated FTE 0.7000 is more than the contract FTE"))
    #expect(run.errors.contains("employee E001 is on line 2 already"))
    #expect(try log.bytes() == before)
  }

  @Test("a missing spreadsheet is 66; an unknown employer is the domain's refusal (65)")
  func missingAndRefused() throws {
    let log = try SmallLog()
    let missing = try TransitionBinary.run(
      ["import", log.path, "--staff", "nope.csv", "--cohort", "C", "--effective", "2025-07-01"],
      environment: SmallLog.by)
    #expect(missing.status == 66)
    try Self.dutch.replacingOccurrences(of: ";IJW;", with: ";XYZ;").write(
      toFile: log.work.file("staff.csv"), atomically: true, encoding: .utf8)
    let before = try log.bytes()
    let refused = try TransitionBinary.run(
      [
        "import", log.path, "--staff", log.work.file("staff.csv"), "--cohort", "C",
        "--effective", "2025-07-01",
      ], environment: SmallLog.by)
    #expect(refused.status == 65)
    #expect(refused.errors.contains("XYZ"), "\(refused.errors)")
    #expect(try log.bytes() == before)
  }
}

@Suite("transition refuses to write a log it cannot lock")
struct LockedLogTests {
  @Test(
    "while another process holds the log's lock, record waits, then exits 75 and appends nothing")
  func locked() throws {
    let log = try SmallLog()
    let before = try log.bytes()
    let holder = open(log.path, O_RDONLY)
    #expect(holder >= 0)
    defer { close(holder) }
    #expect(flock(holder, LOCK_EX) == 0)
    let run = try TransitionBinary.run(
      [
        "record", log.path, "RegisterBody", "--effective", "2020-01-01", "--body", "RAAD-BEV",
        "--name", "Raad", "--kind", "raad", "--organisations", "BEV",
      ],
      environment: SmallLog.by.merging(["TRANSITION_LOCK_TIMEOUT_MS": "300"]) { $1 })
    #expect(run.status == 75, "\(run.errors)")
    #expect(run.errors.contains("locked by another writer"))
    #expect(try log.bytes() == before)
    flock(holder, LOCK_UN)
    let after = try TransitionBinary.run(
      [
        "record", log.path, "RegisterBody", "--effective", "2020-01-01", "--body", "RAAD-BEV",
        "--name", "Raad", "--kind", "raad", "--organisations", "BEV",
      ],
      environment: SmallLog.by)
    #expect(after.status == 0, "\(after.errors)")
  }
}
