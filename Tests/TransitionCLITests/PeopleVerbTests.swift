import Foundation
import Testing

/// Every file of `directory` with its bytes, by name.
func folderContents(_ directory: String) throws -> [String: Data] {
  var contents: [String: Data] = [:]
  for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
    contents[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
  }
  return contents
}

/// The permission bits of the file at `path`.
func permissions(_ path: String) throws -> Int {
  try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
}

@Suite("transition people: names beside the log, forgetting a person, nothing leaking")
struct PeopleVerbTests {
  static let name = "Johanna Zwanenburg-Oosterhout"

  /// The demo log with E001 (the name above) and E007, E040 in the people register.
  static func demoWithPeople() throws -> DemoLog {
    let demo = try DemoLog()
    for (id, name, email) in [
      ("E001", Self.name, "j.zwanenburg@ijmondwerkt.nl"), ("E007", "Kees Visser", "k@x.nl"),
      ("E040", "Ans Bakker", "a@x.nl"),
    ] {
      let run = try TransitionBinary.run([
        "people", demo.path, "add", id, "--name", name, "--personnel-number", "40" + id.suffix(3),
        "--email", email, "--since", "2025-07-01",
      ])
      #expect(run.status == 0, "\(run.errors)")
    }
    return demo
  }

  @Test("add, show and list round-trip every detail with its date; the register is 0600")
  func roundTrip() throws {
    let demo = try Self.demoWithPeople()
    let show = try TransitionBinary.run(["people", demo.path, "show", "E001", "--json"])
    #expect(show.status == 0, "\(show.errors)")
    let rows = try jsonRows(show.output)
    #expect(
      rows == [
        ["detail": "name", "value": Self.name, "since": "2025-07-01"],
        ["detail": "personnelNumber", "value": "40001", "since": "2025-07-01"],
        ["detail": "email", "value": "j.zwanenburg@ijmondwerkt.nl", "since": "2025-07-01"],
      ])
    let change = try TransitionBinary.run([
      "people", demo.path, "add", "E001", "--email", "jz@ijmondwerkt.nl", "--since", "2026-07-01",
    ])
    #expect(change.status == 0, "\(change.errors)")
    let list = try TransitionBinary.run(["people", demo.path, "list", "--json"])
    let listed = try jsonRows(list.output)
    #expect(listed.map { $0["employee"] } == ["E001", "E007", "E040"])
    #expect(listed[0]["name"] == Self.name)
    #expect(listed[0]["email"] == "jz@ijmondwerkt.nl")
    #expect(listed[0]["since"] == "2026-07-01")
    #expect(try permissions(demo.path + ".people") == 0o600)
    let group = try TransitionBinary.run([
      "people", demo.path, "add", "E002", "--name", "Piet Puk", "--group-readable",
    ])
    #expect(group.status == 0, "\(group.errors)")
    #expect(try permissions(demo.path + ".people") == 0o640)
  }

  @Test("add refuses an id the log does not know and details it cannot keep, changing nothing")
  func addRefusals() throws {
    let demo = try Self.demoWithPeople()
    let before = try folderContents(demo.work.path)
    for words in [
      ["add", "E999", "--name", "X Y"], ["add", "E001", "--email", "not-an-address"],
      ["add", "E001"],
    ] {
      let run = try TransitionBinary.run(["people", demo.path] + words)
      #expect(run.status == 65, "\(words): \(run.errors)")
      #expect(run.errors.contains("Nothing was changed"), "\(run.errors)")
    }
    #expect(try folderContents(demo.work.path) == before)
  }

  @Test("import reads a Dutch sheet all or nothing, naming every bad row")
  func importSheet() throws {
    let demo = try DemoLog()
    let good = demo.work.file("namen.csv")
    try Data(
      ("\u{FEFF}Medewerker;Naam;Personeelsnummer;E-mailadres;Sinds\r\n"
        + "E001;Jan de Vries;40001;jan@ijw.nl;01-07-2025\r\nE002;\"Smit; Anna\";40002;;\r\n")
        .utf8
    ).write(to: URL(fileURLWithPath: good))
    let imported = try TransitionBinary.run(["people", demo.path, "import", "--people", good])
    #expect(imported.status == 0, "\(imported.errors)")
    let rows = try jsonRows(
      try TransitionBinary.run(["people", demo.path, "list", "--json"]).output)
    #expect(rows.map { $0["name"] } == ["Jan de Vries", "Smit; Anna"])
    #expect(rows[0]["since"] == "2025-07-01")
    let register = try Data(contentsOf: URL(fileURLWithPath: demo.path + ".people"))
    let bad = demo.work.file("fout.csv")
    try Data(
      ("employee,name,email\nE003,Piet,piet@x.nl\nE004,,geen-adres\n,Kees,\nE999,Nobody,\n").utf8
    ).write(to: URL(fileURLWithPath: bad))
    let refused = try TransitionBinary.run(["people", demo.path, "import", "--people", bad])
    #expect(refused.status == 65)
    #expect(refused.errors.contains("line 3: the e-mail \"geen-adres\""), "\(refused.errors)")
    #expect(refused.errors.contains("line 4: employee is empty"), "\(refused.errors)")
    #expect(!refused.errors.contains("line 2"), "\(refused.errors)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: demo.path + ".people")) == register)
    let unknown = demo.work.file("onbekend.csv")
    try Data("employee,name\nE003,Piet\nE999,Nobody\n".utf8).write(
      to: URL(fileURLWithPath: unknown))
    let refusedUnknown = try TransitionBinary.run([
      "people", demo.path, "import", "--people", unknown,
    ])
    #expect(refusedUnknown.status == 65)
    #expect(refusedUnknown.errors.contains("E999"), "\(refusedUnknown.errors)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: demo.path + ".people")) == register)
  }

  @Test("forget leaves no byte of the person's details in any file of the folder")
  func forgetLeavesNoTrace() throws {
    let demo = try Self.demoWithPeople()
    // Views with names and a cache built while the name was known.
    let named = try TransitionBinary.run([
      "state", demo.path, "--view", "employees", "--valid-at", "2026-07-01", "--names",
    ])
    #expect(named.output.contains(Self.name))
    let forget = try TransitionBinary.run([
      "people", demo.path, "forget", "E001", "--reason", "verzoek betrokkene (art. 17 AVG)",
      "--by", "hr-ijw",
    ])
    #expect(forget.status == 0, "\(forget.errors)")
    // Rebuild the cache and use every view, so each file the tool writes exists.
    try? FileManager.default.removeItem(atPath: demo.path + ".projections")
    for view in ViewVerbTests.views {
      _ = try TransitionBinary.run(["state", demo.path, "--view", view, "--names"])
    }
    _ = try TransitionBinary.run(["audit", demo.path])
    #expect(FileManager.default.fileExists(atPath: demo.path + ".projections"))
    let needles = [Self.name, "Zwanenburg", "j.zwanenburg@ijmondwerkt.nl", "40001"].map {
      Data($0.utf8)
    }
    for (file, bytes) in try folderContents(demo.work.path) {
      for needle in needles {
        #expect(bytes.range(of: needle) == nil, "\(file) still holds \(needle)")
      }
    }
    let show = try TransitionBinary.run(["people", demo.path, "show", "E001"])
    #expect(show.output.contains("(erased)"))
    let employees = try TransitionBinary.run([
      "state", demo.path, "--view", "employees", "--valid-at", "2026-07-01", "--names", "--csv",
    ])
    #expect(employees.output.contains("E001,(erased),"), "\(employees.output)")
    #expect(employees.output.contains("E007,Kees Visser,"))
    let verify = try TransitionBinary.run(["verify", demo.path])
    #expect(verify.status == 0, "\(verify.output)")
    let history = try TransitionBinary.run(["history", demo.path, "E001", "--csv"])
    #expect(history.output.contains("PersonalDataErased.v1"))
    #expect(history.output.contains("verzoek betrokkene (art. 17 AVG)"))
    let again = try TransitionBinary.run([
      "people", demo.path, "forget", "E001", "--reason", "nogmaals", "--by", "hr-ijw",
    ])
    #expect(again.status == 0)
    #expect(again.output.contains("forgotten before"))
  }

  @Test("forget of an id the log does not know exits 65 and changes no byte in the folder")
  func forgetUnknown() throws {
    let demo = try Self.demoWithPeople()
    let before = try folderContents(demo.work.path)
    let run = try TransitionBinary.run([
      "people", demo.path, "forget", "E999", "--reason", "verzoek", "--by", "hr",
    ])
    #expect(run.status == 65)
    #expect(run.errors.contains("E999 is not in any record"), "\(run.errors)")
    #expect(try folderContents(demo.work.path) == before)
    let fresh = try DemoLog()
    let beforeFresh = try folderContents(fresh.work.path)
    let none = try TransitionBinary.run([
      "people", fresh.path, "forget", "E999", "--reason", "verzoek", "--by", "hr",
    ])
    #expect(none.status == 65)
    #expect(try folderContents(fresh.work.path) == beforeFresh, "no register or lock made")
  }

  @Test("the views without --names are byte-identical to before, except the erasure's own")
  func viewsUnchangedByForget() throws {
    let demo = try Self.demoWithPeople()
    func outputs() throws -> [String: String] {
      var all: [String: String] = [:]
      for view in ViewVerbTests.views {
        for day in ["2025-07-01", "2026-07-01", "2027-12-31"] {
          all["\(view) \(day)"] =
            try TransitionBinary.run([
              "state", demo.path, "--view", view, "--valid-at", day, "--known-at-seq", "172",
            ]).output
          all["\(view) \(day) now"] =
            try TransitionBinary.run(["state", demo.path, "--view", view, "--valid-at", day])
            .output.replacingOccurrences(of: "(seq 173)", with: "(seq 172)")
        }
      }
      for subject in ["E001", "IJM-082"] {
        all["history \(subject)"] = try TransitionBinary.run(["history", demo.path, subject]).output
          .replacingOccurrences(of: "(seq 173)", with: "(seq 172)")
      }
      all["history E007"] = try TransitionBinary.run(["history", demo.path, "E007", "--csv"])
        .output
      all["audit"] = try TransitionBinary.run(["audit", demo.path, "--valid-at", "2027-12-31"])
        .output.replacingOccurrences(of: "records 1 to 173", with: "records 1 to 172")
      return all
    }
    let before = try outputs()
    let forget = try TransitionBinary.run([
      "people", demo.path, "forget", "E007", "--reason", "verzoek", "--by", "hr-ijw",
    ])
    #expect(forget.status == 0, "\(forget.errors)")
    let after = try outputs()
    for key in before.keys.sorted() where key != "audit" && key != "history E007" {
      #expect(before[key] == after[key], "\(key) changed")
    }
    // The forgotten person's history: the same rows, and the erasure record's own row.
    let added = csvLines(after["history E007"] ?? "").filter {
      !csvLines(before["history E007"] ?? "").contains($0)
    }
    #expect(added.count == 1)
    #expect(added.first?.contains("PersonalDataErased.v1") == true)
    #expect(
      csvLines(after["history E007"] ?? "").count == csvLines(before["history E007"] ?? "").count
        + 1)
    // The audit's chain note names the new head; every finding is the same.
    let findings = { (text: String?) in
      (text ?? "").components(separatedBy: "The hash chain")[0]
    }
    #expect(findings(before["audit"]) == findings(after["audit"]))
    let records = try TransitionBinary.run(["export", demo.path, "--format", "csv"]).output
    #expect(csvLines(records).count == 174)
    #expect(csvLines(records).last?.contains("PersonalDataErased.v1,people/E007,hr-ijw") == true)
  }

  @Test("purge lists whom it will forget and forgets only with --yes")
  func purge() throws {
    let demo = try Self.demoWithPeople()
    let list = try TransitionBinary.run([
      "people", demo.path, "purge", "--departed-before", "2026-01-01",
    ])
    #expect(list.status == 0, "\(list.errors)")
    #expect(list.output.contains("(1): E007"), "\(list.output)")
    #expect(list.output.contains("--yes"))
    #expect(
      try TransitionBinary.run(["people", demo.path, "show", "E007"]).output.contains("Kees"))
    let purge = try TransitionBinary.run([
      "people", demo.path, "purge", "--departed-before", "2026-06-01", "--yes", "--by", "hr-ijw",
    ])
    #expect(purge.status == 0, "\(purge.errors)")
    #expect(purge.output.contains("(2): E007, E040"), "\(purge.output)")
    let rows = try jsonRows(
      try TransitionBinary.run(["people", demo.path, "list", "--json"]).output)
    #expect(rows.map { $0["name"] } == [Self.name, "(erased)", "(erased)"])
    let history = try TransitionBinary.run(["history", demo.path, "E040", "--csv"]).output
    #expect(history.contains("bewaartermijn verstreken"))
  }

  @Test("eight processes adding at once lose nothing")
  func concurrentAdders() throws {
    let demo = try DemoLog()
    let ids = (1...8).map { String(format: "E%03d", $0 + 10) }
    var processes: [Process] = []
    for id in ids {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: TransitionBinary.path)
      process.arguments = ["people", demo.path, "add", id, "--name", "Naam \(id)"]
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      processes.append(process)
    }
    for process in processes {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    let rows = try jsonRows(
      try TransitionBinary.run(["people", demo.path, "list", "--json"]).output)
    #expect(rows.map { $0["employee"] ?? "" } == ids)
    #expect(rows.map { $0["name"] ?? "" } == ids.map { "Naam \($0)" })
  }

  @Test(
    "a crash at every step of forget leaves the old register or the new; the next forget ends it",
    arguments: [
      "temporary-created", "temporary-written", "temporary-synced", "renamed", "folder-synced",
      "record-appended",
    ])
  func crashDuringForget(point: String) throws {
    let demo = try Self.demoWithPeople()
    let register = demo.path + ".people"
    let old = try Data(contentsOf: URL(fileURLWithPath: register))
    let words = ["people", demo.path, "forget", "E001", "--reason", "verzoek", "--by", "hr-ijw"]
    let crashed = try TransitionBinary.run(
      words, environment: ["TRANSITION_PEOPLE_CRASH_AT": point])
    #expect(crashed.status == 77, "\(point): \(crashed.errors)")
    let now = try Data(contentsOf: URL(fileURLWithPath: register))
    let renamed = !["temporary-created", "temporary-written", "temporary-synced"].contains(point)
    if renamed {
      #expect(now != old)
      #expect(now.range(of: Data(Self.name.utf8)) == nil)
      #expect(String(decoding: now, as: UTF8.self).contains("\"employee\":\"E001\",\"erased\""))
    } else {
      #expect(now == old, "\(point): the register changed before the rename")
    }
    let list = try TransitionBinary.run(["people", demo.path, "list"])
    #expect(list.status == 0, "\(point): \(list.errors)")
    let pending = point == "renamed" || point == "folder-synced"
    #expect(list.errors.contains("not in the log yet") == pending, "\(point): \(list.errors)")
    #expect(try TransitionBinary.run(["verify", demo.path]).status == 0)
    let again = try TransitionBinary.run(words)
    #expect(again.status == 0, "\(point): \(again.errors)")
    let history = try TransitionBinary.run(["history", demo.path, "E001", "--csv"]).output
    #expect(
      history.components(separatedBy: "PersonalDataErased.v1").count == 2,
      "\(point): exactly one erasure record")
    for (file, bytes) in try folderContents(demo.work.path) {
      #expect(bytes.range(of: Data(Self.name.utf8)) == nil, "\(point): \(file) holds the name")
    }
  }

  @Test("under umask 000 every file the tool leaves is in the log's mode or narrower, none wider")
  func noWorldReadableFiles() throws {
    let work = WorkDirectory()
    let log = work.file("t.log")
    let binary = TransitionBinary.path
    let script = """
      umask 000
      export TRANSITION_BY=hr
      '\(binary)' init '\(log)' --name t
      '\(binary)' record '\(log)' RegisterOrganisation --effective 2013 --organisation BEV \
        --name 'Gemeente Beverwijk' --kind gemeente
      '\(binary)' import '\(log)' --staff '\(work.file("staff.csv"))' --cohort RI --effective 2025-07-01
      '\(binary)' state '\(log)' --view employees --valid-at 2025-07-01
      '\(binary)' people '\(log)' add E001 --name 'Jan Jansen' --email jan@x.nl
      '\(binary)' people '\(log)' list
      printf '{"seq":4,"id":"torn' >> '\(log)'
      '\(binary)' people '\(log)' forget E001 --reason verzoek
      '\(binary)' state '\(log)' --view staffing --valid-at 2025-07-01
      '\(binary)' audit '\(log)'
      true
      """
    try Data(
      ("employee;function;team;employer;contract hours;norm hours;contract fte;allocated fte;"
        + "cao;contract type\nE001;werkconsulent;BEV;BEV;36;36;1,0000;1,0000;Cao SGO;"
        + "onbepaalde tijd\n").utf8
    ).write(to: URL(fileURLWithPath: work.file("staff.csv")))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let names = try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
    #expect(names.contains("t.log.projections"), "\(names)")
    #expect(names.contains("t.log.people"), "\(names)")
    #expect(names.contains { $0.hasPrefix("t.log.torn-") }, "\(names)")
    #expect(try permissions(log) == 0o640)
    var logGroup: Int?
    logGroup = try FileManager.default.attributesOfItem(atPath: log)[.groupOwnerAccountID] as? Int
    for name in names where name != "staff.csv" {
      let path = work.file(name)
      let mode = try permissions(path)
      #expect(mode & 0o007 == 0, "\(name) is readable by others: \(String(mode, radix: 8))")
      #expect(mode & ~0o640 == 0, "\(name) is wider than the log: \(String(mode, radix: 8))")
      let group = try FileManager.default.attributesOfItem(atPath: path)[.groupOwnerAccountID]
      #expect(group as? Int == logGroup, "\(name) is not in the log's group")
    }
    #expect(try permissions(work.file("t.log.people")) == 0o600)
  }

  @Test("--names only when asked: without it outputs are unchanged; jsonl refuses it")
  func namesOnlyWhenAsked() throws {
    let demo = try DemoLog()
    let words = ["state", demo.path, "--view", "employees", "--valid-at", "2026-07-01"]
    let plain = try TransitionBinary.run(words).output
    let noRegister = try TransitionBinary.run(words + ["--names"])
    #expect(noRegister.output == plain)
    #expect(noRegister.errors.contains("no names shown"))
    _ = try TransitionBinary.run(["people", demo.path, "add", "E002", "--name", "Piet Puk"])
    #expect(try TransitionBinary.run(words).output == plain)
    let named = try TransitionBinary.run(words + ["--csv", "--names"]).output
    #expect(csvLines(named).first?.hasPrefix("employee,name,employer") == true)
    #expect(named.contains("E002,Piet Puk,"))
    let export = try TransitionBinary.run(["export", demo.path, "--format", "csv"]).output
    #expect(!export.contains("Piet"))
    let jsonl = try TransitionBinary.run(["export", demo.path, "--format", "jsonl", "--names"])
    #expect(jsonl.status == 64)
    let history = try TransitionBinary.run(["history", demo.path, "E002", "--names"]).output
    #expect(history.contains("(E002: Piet Puk)"))
  }

  @Test("record warns on standard error about personal data in a text field, and still appends")
  func recordWarns() throws {
    let demo = try DemoLog()
    let run = try TransitionBinary.run([
      "record", demo.path, "RecordExternalContext", "--effective", "2026-01-01", "--topic", "t",
      "--description", "bel 06-12345678", "--scope", "BEV", "--by", "griffie",
    ])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.errors.contains("field 'description'"), "\(run.errors)")
    #expect(run.errors.contains("a Dutch phone number"))
    #expect(run.output.contains("Appended 1 record"))
    let audit = try TransitionBinary.run(["audit", demo.path, "--valid-at", "2027-12-31"])
    #expect(audit.output.contains("personal-data"))
    let clean = try TransitionBinary.run([
      "record", demo.path, "RecordExternalContext", "--effective", "2026-01-01", "--topic", "u",
      "--description", "besluit D/2025/707516, 230000000 cent", "--scope", "BEV", "--by", "g",
    ])
    #expect(clean.status == 0)
    #expect(clean.errors.isEmpty, "\(clean.errors)")
  }
}
