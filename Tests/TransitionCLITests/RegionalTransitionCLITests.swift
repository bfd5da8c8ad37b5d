import Foundation
import Testing

/// Issue 19 items 4, 5 and 8 end to end through the `transition` binary.
///
/// A transition of another shape than IJmond: tasks of a GR (GR-WERK, of GEM-A and GEM-B) and
/// of a municipality (GEM-A) move into a new regional organisation (RUO). Two works councils: OR-GR
/// advises negatively on one part, OR-A positively; the GR's decision deviates from OR-GR's
/// advice. GEM-A holds a reserve with an authorised withdrawal and two bookings against it, the
/// second over the authorisation. E202's contract falls to 0.8889 FTE before the move.
@Suite("a regional transition of two employers, through the binary")
struct RegionalTransitionCLITests {
  static let setup = """
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"GEM-A","name":"Gemeente A","kind":"gemeente","members":[]}
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"GEM-B","name":"Gemeente B","kind":"gemeente","members":[]}
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"GR-WERK","name":"GR Werk","kind":"gemeenschappelijke regeling","members":["GEM-A","GEM-B"]}
    {"command":"RegisterOrganisation","effective":"2026-01-01","organisation":"RUO","name":"Regionale uitvoeringsorganisatie","kind":"uitvoerder","members":[]}
    {"command":"RegisterBody","effective":"2026-01-01","body":"COL-A","organisations":["GEM-A"],"kind":"college","name":"college A"}
    {"command":"RegisterBody","effective":"2026-01-01","body":"OR-A","organisations":["GEM-A"],"kind":"ondernemingsraad","name":"OR gemeente A"}
    {"command":"RegisterBody","effective":"2026-01-01","body":"BESTUUR-GR","organisations":["GR-WERK"],"kind":"GR algemeen bestuur","name":"bestuur GR Werk"}
    {"command":"RegisterBody","effective":"2026-01-01","body":"OR-GR","organisations":["GR-WERK"],"kind":"ondernemingsraad","name":"OR GR Werk"}
    {"command":"RecordStaffBaseline","effective":"2026-01-01","cohort":"RUO","members":[{"employee":"E201","function":"consulent","team":"werk","employer":"GEM-A","contractHours":36,"normHours":36,"contractFTE":"1.0000","allocatedFTE":"1.0000","cao":"Cao Gemeenten","contractType":"onbepaalde tijd"},{"employee":"E202","function":"consulent","team":"werk","employer":"GR-WERK","contractHours":36,"normHours":36,"contractFTE":"1.0000","allocatedFTE":"1.0000","cao":"Cao SGO","contractType":"onbepaalde tijd"}]}
    {"command":"RequestORAdvice","effective":"2026-02-01","request":"ADV-A","worksCouncil":"OR-A","requestedBy":"COL-A","legalBasis":"art. 25 lid 1 WOR","subject":"overgang naar RUO","documents":[]}
    {"command":"RequestORAdvice","effective":"2026-02-01","request":"ADV-GR","worksCouncil":"OR-GR","requestedBy":"BESTUUR-GR","legalBasis":"art. 25 lid 1 WOR","subject":"overgang naar RUO","documents":[]}
    {"command":"RecordORAdvice","effective":"2026-03-10","request":"ADV-A","worksCouncil":"OR-A","outcome":"positief","conditions":[],"parts":[]}

    """

  static func words(_ line: String) -> [String] {
    // The invented help examples, as a shell would split them (single quotes only).
    var result: [String] = []
    var current = ""
    var quoted = false
    var started = false
    for character in line {
      if character == "'" {
        quoted.toggle()
        started = true
      } else if character == " " && !quoted {
        if started { result.append(current) }
        current = ""
        started = false
      } else {
        current.append(character)
        started = true
      }
    }
    if started { result.append(current) }
    return result
  }

  @Test("record by flags and --input, then funds, advice, conservation, history, diff and audit")
  func endToEnd() throws {
    let log = try SmallLog.empty()
    try Self.setup.write(toFile: log.work.file("setup.jsonl"), atomically: true, encoding: .utf8)
    var run = try TransitionBinary.run(
      ["record", log.path, "--input", log.work.file("setup.jsonl")], environment: SmallLog.by)
    #expect(run.status == 0, "\(run.errors)")
    // The examples `record KIND --help` prints, run as they stand.
    for kind in ["CreateFund", "AuthoriseWithdrawal", "RecordORAdvice", "BookCosts"] {
      let help = try TransitionBinary.run(["record", "t.log", kind, "--help"])
      let example = try #require(
        help.output.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) })
      let arguments = Array(Self.words(example).dropFirst(3))
      run = try log.record(arguments)
      #expect(run.status == 0, "\(kind): \(run.errors)")
    }
    run = try log.record([
      "BookCosts", "--effective", "2026-05-01", "--costs", "frictiekosten", "--lines",
      #"{"line":"F02","category":"projectorganisatie","description":"kwartiermaker","amount":2000000,"allocation":"direct","charged":[{"organisation":"GEM-A","amount":2000000}],"funding":"eigen middelen","bookedBy":"GEM-A","fund":"RES-A","withdrawal":"W-A1"}"#,
    ])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("CostBooked.v2"))
    run = try log.record([
      "TakeDecision", "--effective", "2026-04-01", "--decision", "D-GR", "--body", "BESTUUR-GR",
      "--kind", "werkgeversbesluit", "--status", "definitief", "--subject", "overgang naar RUO",
      "--orAdviceRequests", "ADV-GR", "--deviatesFromAdvice", "ADV-GR",
    ])
    #expect(run.status == 0, "\(run.errors)")
    run = try log.record([
      "ChangeContract", "--effective", "2026-03-01", "--employee", "E202", "--employer",
      "GR-WERK", "--contractFTEBefore", "1.0000", "--contractFTEAfter", "0.8889",
      "--contractHoursAfter", "32", "--reason", "eigen verzoek",
    ])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("ContractChanged.v2"))
    let transfer = """
      {"command":"TransferStaff","effective":"2026-04-15","batch":"T1","lines":[{"line":"T1-1","employee":"E201","from":"GEM-A","to":"RUO","functionBefore":"consulent","functionAfter":"consulent","fte":"1.0000","caoBefore":"Cao Gemeenten","caoAfter":"Cao Gemeenten","legalForm":"overgang van onderneming","decisions":["D-GR"],"orAdvice":[]},{"line":"T1-2","employee":"E202","from":"GR-WERK","to":"RUO","functionBefore":"consulent","functionAfter":"consulent","fte":"0.8889","caoBefore":"Cao SGO","caoAfter":"Cao Gemeenten","legalForm":"overgang van onderneming","decisions":["D-GR"],"orAdvice":[]}]}

      """
    try transfer.write(toFile: log.work.file("move.jsonl"), atomically: true, encoding: .utf8)
    run = try TransitionBinary.run(
      ["record", log.path, "--input", log.work.file("move.jsonl")], environment: SmallLog.by)
    #expect(run.status == 0, "the move of 0.8889 after the contract change: \(run.errors)")

    let funds = try TransitionBinary.run(
      ["state", log.path, "--view", "funds", "--valid-at", "2026-06-30"])
    #expect(funds.status == 0, "\(funds.errors)")
    #expect(funds.output.contains("W-A1"))
    #expect(
      funds.output.contains(
        "GEM-A: 1 fund(s), amount EUR 100,000.00, authorised EUR 40,000.00, booked"
          + " EUR 45,000.00, balance EUR 55,000.00"))
    let conservation = try TransitionBinary.run(
      ["state", log.path, "--view", "conservation", "--valid-at", "2026-06-30"])
    #expect(conservation.output.contains("contract reduced"), "\(conservation.output)")
    #expect(conservation.output.contains("E202 0.1111"), "\(conservation.output)")
    #expect(conservation.output.contains("conserved"))
    let advice = try TransitionBinary.run(
      ["state", log.path, "--view", "advice", "--valid-at", "2026-06-30"])
    #expect(
      advice.output.contains("negatief op onderdelen (negatief: plaatsing teamleiders)"),
      "\(advice.output)")
    let history = try TransitionBinary.run(["history", log.path, "RES-A"])
    #expect(history.status == 0, "\(history.errors)")
    #expect(history.output.contains("W-A1"), "\(history.output)")

    let audit = try TransitionBinary.run(["audit", log.path, "--valid-at", "2026-06-30"])
    #expect(audit.status == 1)
    let text = audit.output.split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.joined(separator: " ")
    for expected in [
      "fund-withdrawal-exceeded",
      "By 2026-06-30 the lines booked on withdrawal W-A1 of fund"
        + " RES-A add up to EUR 45,000.00, EUR 5,000.00 above the EUR 40,000.00 that decision"
        + " RB-A-2 authorised;",
      "or-advice-deviation-wait",
      "D-GR deviates from the OR advice, yet it is executed before"
        + " 2026-05-01: E201 (from GEM-A) on 2026-04-15, E202 (from GR-WERK) on 2026-04-15.",
      "D-GR of BESTUUR-GR (2026-04-01) deviates from the OR's negatief op onderdelen (negatief:"
        + " plaatsing teamleiders) advice",
    ] {
      #expect(text.contains(expected), "\(expected)\n\(audit.output)")
    }
    #expect(!text.contains("or-advice-missing-per-employer"), "\(audit.output)")
    let before = try TransitionBinary.run(
      ["audit", log.path, "--valid-at", "2026-04-30", "--known-at", "2026-01-01"])
    #expect(!before.output.contains("fund-"), "\(before.output)")
    let diff = try TransitionBinary.run(
      [
        "diff", log.path, "--view", "funds", "--from-valid-at", "2026-04-30", "--to-valid-at",
        "2026-05-31",
      ])
    #expect(diff.status == 0 || diff.status == 1, "\(diff.errors)")
    #expect(diff.output.contains("W-A1"), "\(diff.output)")
  }
}

extension SmallLog {
  /// A new, empty log (no parties).
  static func empty() throws -> SmallLog { try SmallLog(empty: true) }

  init(empty: Bool) throws {
    #expect(try TransitionBinary.run(["init", path, "--name", "regional"]).status == 0)
  }
}
