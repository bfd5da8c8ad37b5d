import Foundation
import Testing

/// Issue 19 end to end through the binary, on an invented transition of another shape than
/// IJmond: five municipalities (ZAA, WRM, OOS, WST, PUR) of which PUR joins late and only for
/// the transitieplan, OOS and WST merging into OWS half-way (2027-01-01), a GR (GRW) with one
/// member inside the transition (ZAA) and one outside (LAN), a new regional organisation (ZWB)
/// registered after the day it starts, open kinds (motie, cliëntenraad, WOR-bestuurder), a
/// vote as counts, a motion afgedaan, geheimhouding unknown.
@Suite("An invented transition of another shape, recorded and queried through the binary")
struct OtherTransitionTests {
  static let by = ["TRANSITION_BY": "projectbureau"]

  static let setup = """
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"ZAA","name":"Gemeente Zaanstad","kind":"gemeente","members":[]}
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"WRM","name":"Gemeente Wormerland","kind":"gemeente","members":[]}
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"OOS","name":"Gemeente Oostzaan","kind":"gemeente","members":[]}
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"WST","name":"Gemeente Westzaan","kind":"gemeente","members":[]}
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"PUR","name":"Gemeente Purmerend","kind":"gemeente","members":[]}
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"LAN","name":"Gemeente Landsmeer","kind":"gemeente","members":[]}
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"OWS","name":"Gemeente Oostzaan-Westzaan","kind":"gemeente","members":[],"startsOn":"2027-01-01"}
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"GRW","name":"GR Werk","kind":"gemeenschappelijke regeling","members":["ZAA","LAN"]}
    {"command":"RegisterOrganisation","effective":"2026-08-01","organisation":"ZWB","name":"Werkbedrijf Zaanstreek","kind":"regionale uitvoeringsorganisatie","members":[],"startsOn":"2026-07-01"}
    {"command":"RegisterBody","effective":"2026-01-01","body":"RAAD-ZAA","organisations":["ZAA"],"kind":"raad","name":"raad Zaanstad"}
    {"command":"RegisterBody","effective":"2026-01-01","body":"RAAD-WRM","organisations":["WRM"],"kind":"raad","name":"raad Wormerland"}
    {"command":"RegisterBody","effective":"2026-01-01","body":"RAAD-OOS","organisations":["OOS"],"kind":"raad","name":"raad Oostzaan"}
    {"command":"RegisterBody","effective":"2026-01-01","body":"RAAD-WST","organisations":["WST"],"kind":"raad","name":"raad Westzaan"}
    {"command":"RegisterBody","effective":"2026-01-01","body":"RAAD-PUR","organisations":["PUR"],"kind":"raad","name":"raad Purmerend"}
    {"command":"RegisterBody","effective":"2026-01-01","body":"RAAD-LAN","organisations":["LAN"],"kind":"raad","name":"raad Landsmeer"}
    {"command":"RegisterBody","effective":"2026-01-01","body":"RAAD-OWS","organisations":["OWS"],"kind":"raad","name":"raad Oostzaan-Westzaan"}
    {"command":"RegisterBody","effective":"2026-08-01","body":"CR-ZWB","organisations":["ZWB"],"kind":"cliëntenraad","name":"cliëntenraad Werkbedrijf","startsOn":"2026-09-01"}
    {"command":"DeclareTransition","effective":"2026-01-01","transition":"zw","name":"Werkbedrijf Zaanstreek","steps":[{"step":"transitieplan"},{"step":"opheffing GRW","membersOf":"GRW"}]}
    {"command":"JoinTransition","effective":"2026-01-01","transition":"zw","organisation":"ZAA","steps":[]}
    {"command":"JoinTransition","effective":"2026-01-01","transition":"zw","organisation":"WRM","steps":[]}
    {"command":"JoinTransition","effective":"2026-01-01","transition":"zw","organisation":"OOS","steps":[]}
    {"command":"JoinTransition","effective":"2026-01-01","transition":"zw","organisation":"WST","steps":[]}
    {"command":"TakeDecision","effective":"2026-03-01","id":"T-ZAA","decision":"T-ZAA","body":"RAAD-ZAA","jointlyWith":[],"kind":"transitieplan","status":"definitief","subject":"transitieplan","dictum":[],"legalBasis":[],"subjectEmployees":[],"conditions":[],"orAdviceRequests":[],"deviatesFromAdvice":[],"backing":[],"documents":[],"vote":{"inFavour":31,"against":8}}
    {"command":"TakeDecision","effective":"2026-03-02","id":"T-WRM","decision":"T-WRM","body":"RAAD-WRM","jointlyWith":[],"kind":"transitieplan","status":"definitief","subject":"transitieplan","dictum":[],"legalBasis":[],"subjectEmployees":[],"conditions":[],"orAdviceRequests":[],"deviatesFromORAdvice":false,"documents":[]}
    {"command":"TakeDecision","effective":"2026-03-03","id":"T-OOS","decision":"T-OOS","body":"RAAD-OOS","jointlyWith":[],"kind":"transitieplan","status":"definitief","subject":"transitieplan","dictum":[],"legalBasis":[],"subjectEmployees":[],"conditions":[],"orAdviceRequests":[],"deviatesFromORAdvice":false,"documents":[]}
    {"command":"TakeDecision","effective":"2026-03-04","id":"T-WST","decision":"T-WST","body":"RAAD-WST","jointlyWith":[],"kind":"transitieplan","status":"definitief","subject":"transitieplan","dictum":[],"legalBasis":[],"subjectEmployees":[],"conditions":[],"orAdviceRequests":[],"deviatesFromORAdvice":false,"documents":[]}
    {"command":"JoinTransition","effective":"2026-06-01","transition":"zw","organisation":"PUR","steps":["transitieplan"]}

    """

  struct Log {
    let work = WorkDirectory()
    var path: String { work.file("zw.log") }

    init() throws {
      #expect(try TransitionBinary.run(["init", path, "--name", "zaanstreek"]).status == 0)
      try OtherTransitionTests.setup.write(
        toFile: work.file("setup.jsonl"), atomically: true, encoding: .utf8)
      let run = try record(["--input", work.file("setup.jsonl")])
      #expect(run.status == 0, "\(run.errors)")
    }

    func record(_ words: [String]) throws -> TransitionBinary.Run {
      try TransitionBinary.run(["record", path] + words, environment: OtherTransitionTests.by)
    }

    func run(_ words: [String]) throws -> TransitionBinary.Run {
      try TransitionBinary.run(words, environment: OtherTransitionTests.by)
    }
  }

  @Test("record, state, history, diff and audit of participants, a late joiner and a merger")
  func endToEnd() throws {
    let log = try Log()
    // The first transitieplan decision kept its counts, so it was written as DecisionTaken.v2;
    // the others hold only v1 facts and stay DecisionTaken.v1.
    let text = try String(contentsOfFile: log.path, encoding: .utf8)
    #expect(text.contains(#""type":"DecisionTaken.v2""#))
    #expect(text.components(separatedBy: #""type":"DecisionTaken.v1""#).count - 1 == 3)

    // July 2026: PUR joined, has not decided: the step is not in force, audit says so.
    let july = try log.run(["audit", log.path, "--valid-at", "2026-07-01"])
    #expect(july.status == 1)
    #expect(july.output.contains("the step \"transitieplan\" is not decided by PUR, a participant"))

    // A motion, voted by counts, with flags; a council decision by flags with --vote.
    var run = try log.record([
      "TakeDecision", "--effective", "2026-06-15", "--id", "M-1", "--decision", "M-1", "--body",
      "RAAD-ZAA", "--kind", "motie", "--status", "definitief", "--subject",
      "banen voor statushouders", "--vote", "21-6",
    ])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("DecisionTaken.v2"))
    run = try log.record([
      "TakeDecision", "--effective", "2026-09-01", "--id", "T-PUR", "--decision", "T-PUR",
      "--body", "RAAD-PUR", "--kind", "transitieplan", "--status", "definitief", "--subject",
      "transitieplan", "--vote", "unanimous",
    ])
    #expect(run.status == 0, "\(run.errors)")
    run = try log.record([
      "DisposeMotion", "--effective", "2026-09-15", "--motion", "M-1", "--disposed-by", "T-PUR",
      "--how",
      "afgedaan met RIB",
    ])
    #expect(run.status == 0, "\(run.errors)")
    run = try log.record([
      "RegisterDocument", "--effective", "2026-09-15", "--document", "Z/2026/1", "--title",
      "motie statushouders", "--kind", "motie", "--organisation", "ZAA", "--geheimhouding",
      "unknown",
    ])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("DocumentRegistered.v2"))

    // The client council exists from 2026-09-01: advice asked of it in August is refused.
    run = try log.record([
      "RequestORAdvice", "--effective", "2026-08-15", "--request", "A-1", "--works-council",
      "CR-ZWB", "--requested-by", "RAAD-ZAA", "--legal-basis", "verordening", "--subject", "s",
    ])
    #expect(run.status == 65)
    #expect(
      run.errors.contains(
        "body CR-ZWB does not exist that day: it exists only from 2026-09-01"))

    // The merger half-way; afterwards the predecessors cannot act, the successor can.
    run = try log.record([
      "MergeOrganisations", "--effective", "2027-01-01", "--id", "MERGE", "--predecessors",
      "OOS", "--predecessors", "WST", "--successor", "OWS", "--basis", "Wet arhi",
    ])
    #expect(run.status == 0, "\(run.errors)")
    run = try log.record([
      "TakeDecision", "--effective", "2027-02-01", "--decision", "X-1", "--body", "RAAD-OOS",
      "--kind", "opdracht", "--status", "definitief", "--subject", "te laat",
    ])
    #expect(run.status == 65)
    #expect(run.errors.contains("organisation OOS ended on 2027-01-01 (merged into OWS)"))

    // The regional view before and after the merger.
    let before = try log.run(["state", log.path, "--view", "regional", "--valid-at", "2026-12-31"])
    #expect(before.output.contains("OOS"))
    #expect(
      before.output.contains(
        "transitieplan: decided by all participants (OOS, PUR, WRM, WST, ZAA); in force"))
    let after = try log.run(["state", log.path, "--view", "regional", "--valid-at", "2027-02-01"])
    #expect(after.output.contains("T-OOS, T-WST (from OOS, WST)"))
    #expect(
      after.output.contains(
        "transitieplan: decided by all participants (OWS, PUR, WRM, ZAA); in force"))
    #expect(after.output.contains("opheffing GRW: NOT in force; not decided by LAN, ZAA"))

    // The audit says positively what holds, and what is missing: LAN (outside the transition)
    // is asked only for the GR's own step.
    let audit = try log.run(["audit", log.path, "--valid-at", "2027-02-01"])
    let auditText = audit.output.replacingOccurrences(of: "\n   ", with: " ")
    #expect(auditText.contains("What holds:"))
    #expect(
      auditText.contains(
        "the step \"transitieplan\" is decided by all participants: OWS T-OOS, T-WST (from OOS, WST); PUR T-PUR; WRM T-WRM; ZAA T-ZAA."
      ))
    #expect(auditText.contains("is not decided by LAN, a member of GRW on 2027-02-01"))
    #expect(!auditText.contains("\"transitieplan\" is not decided by LAN"))
    // A motion is not decided on a proposal: no decision-order finding for it.
    #expect(!auditText.contains("Council decision M-1"))
    #expect(auditText.contains("Council decision T-PUR of RAAD-PUR does not name the proposal"))

    // The diff across the merger shows the successor taking the predecessors' place.
    let diff = try log.run([
      "diff", log.path, "--view", "regional", "--from-valid-at", "2026-12-31", "--to-valid-at",
      "2027-02-01",
    ])
    #expect(diff.output.contains("OWS"))
    #expect(diff.output.contains("MERGE"))

    // The decisions view shows the open kind, the counts and the motion afgedaan.
    let decisions = try log.run([
      "state", log.path, "--view", "decisions", "--valid-at", "2026-12-01", "--csv",
    ])
    let motion =
      decisions.output.split(whereSeparator: \.isNewline).first { $0.hasPrefix("M-1,") } ?? ""
    #expect(!motion.isEmpty, "\(decisions.output) \(decisions.errors)")
    #expect(motion.contains("motie"))
    #expect(motion.contains("vote 21-6"))
    #expect(motion.contains("afgedaan by T-PUR: afgedaan met RIB (2026-09-15)"))

    // `log --type` with a command or type name finds every version; with a version, that one.
    let all = try log.run(["log", log.path, "--type", "TakeDecision"])
    #expect(all.output.contains("6 of 32 records"), "\(all.output)")
    let v1 = try log.run(["log", log.path, "--type", "DecisionTaken.v1"])
    #expect(v1.output.contains("3 of 32 records"), "\(v1.output)")

    // History of the motion lists its disposal; history of OWS the merger.
    let history = try log.run(["history", log.path, "M-1"])
    #expect(history.output.contains("motion M-1 afgedaan by T-PUR"))
    let merged = try log.run(["history", log.path, "OWS"])
    #expect(merged.output.contains("OOS + WST merged into OWS"))
  }

  @Test("audit --rules lists every rule a finding can carry, with what it checks and its basis")
  func rules() throws {
    let run = try TransitionBinary.run(["audit", "--rules"])
    #expect(run.status == 0)
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let directory = root.appendingPathComponent("Projections/Audit")
    var ids: Set<String> = []
    for file in try FileManager.default.contentsOfDirectory(atPath: directory.path)
    where file.hasPrefix("AuditRules") {
      let source = try String(
        contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
      for part in source.components(separatedBy: "rule: \"").dropFirst() {
        ids.insert(String(part.prefix { $0 != "\"" }))
      }
    }
    // The audit command's own rule (issue 17), outside AuditRules*.swift.
    ids.insert("personal-data")
    #expect(ids.count >= 22)
    for id in ids.sorted() {
      #expect(
        run.output.contains("\n\(id)\n") || run.output.hasPrefix("\(id)\n")
          || run.output.contains("\n\(id) ("), "\(id) is not listed")
    }
    #expect(run.output.contains("Basis: art. 25 lid 6 WOR; DOMAIN.md 12.6"))
    let json = try TransitionBinary.run(["audit", "--rules", "--json"])
    #expect(
      json.output.contains(#""rule" : "acting-outside-existence""#)
        || json.output.contains(#""rule": "acting-outside-existence""#))
  }
}
