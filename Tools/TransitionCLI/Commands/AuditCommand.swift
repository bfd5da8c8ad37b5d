import CanonicalJSON
import EventLog
import Projections
import TransitionApp

/// `transition audit`: the audit rules' findings; exit status 1 when there are any.
enum AuditCommand: Command {
  static let name = "audit"
  static let summary = "check the audit rules; exit status 1 when there are findings"
  static var help: String {
    """
    transition audit LOG [--valid-at DAY] [--known-at T | --known-at-seq N] [--as-recorded]
                         [--json | --csv]
    transition audit --rules [--json]

    Runs the auditor's rules (DOMAIN.md section 12) over LOG as known at --known-at, up to
    --valid-at: staff moves without a definitive decision in force, backing decisions recorded
    after the moves they back, OR advice after the decision or deviated from, a council
    decision missing for a municipality, cost lines with a key version not in force or above
    the estimate, FTE not conserved, and more. The rule personal-data names every text field
    that looks like personal data (a BSN passing the 11-proef, an e-mail address, a Dutch
    phone number, an IBAN with a valid check, a name from LOG.people when readable): retract
    such a record and record it again without it. Prints every finding with its rule, its day,
    the records involved (by seq and id) and a sentence, then a summary line.

    Exits 0 when there are no findings and 1 when there are, so scripts can check. What holds
    is said positively after the findings (such as a declared regional step decided by all
    participants); it is not a finding.

    --rules lists every rule with what it checks and its legal or domain basis.

    The audit first checks the whole hash chain (as `verify` does, never from the cache) and
    exits 65 if it is broken. The chain shows the file is intact as it stands; only a
    checkpoint held by someone else (`transition checkpoint`, later `transition verify
    --checkpoint`) proves it was not rewritten or cut back since.

    \(Moment.help)

    Examples:
      transition audit ijmond-demo.log --valid-at 2027-12-31
      transition audit ijmond-demo.log --valid-at 2026-07-01 --known-at 2026-07-02
      transition audit transitie.log --json > findings.json
    """
  }

  /// The sentences every audit ends with: the chain checked, and what the audit cannot prove.
  static func checkpointNote(_ chain: VerifyReport) -> String {
    "The hash chain of \(chain.recordCount == 1 ? "the 1 record" : "all \(chain.recordCount) records") holds (head"
      + " \(chain.headHash.hexString.prefix(16))…): the file is intact as it stands. Only a"
      + " checkpoint held by someone else (`transition checkpoint`, later `transition verify"
      + " --checkpoint`) proves it was not rewritten or cut back since."
  }

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(
      words, valued: ViewSource.valuedFlags,
      booleans: ViewSource.booleanFlags.union(OutputFormat.flags).union(["rules"]), usage: usage)
    if arguments.flag("rules") {
      try arguments.expectPositionals(atMost: 0, usage: usage)
      let format = try OutputFormat.from(arguments, usage: usage)
      console.writeOutput(rules(format))
      return .ok
    }
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    let format = try OutputFormat.from(arguments, usage: usage)
    let moment = try Moment(arguments, usage: usage)
    try LogAccess.requireFile(path)
    let chain: VerifyReport
    do {
      let progress = ReadingProgress("checking \(path)", reading: path, console: console)
      defer { progress.finish(console: console) }
      chain = try LogVerifier.verify(path: path)
    } catch {
      throw LogFailures.failure(error, path: path)
    }
    // The findings are evidence: from a replay of the log, never from the cache.
    let views = try ViewSource(path: path, console: console, trustCache: false)
    views.announce(console)
    let holds = try views.confirmations(moment)
    let seq = try views.seq(moment.knownAt)
    var findings = try views.audit(moment)
    let personal = try personalData(path: path, upTo: seq, moment: moment, console: console)
    findings.insert(
      contentsOf: personal,
      at: findings.firstIndex { $0.rule > PersonalDataRule.rule } ?? findings.count)
    switch format {
    case .json:
      var object = json(findings, views: views, moment: moment, seq: seq, chain: chain)
      if !holds.isEmpty, case .object(var members) = object {
        members.insert(
          "holds",
          .array(
            holds.map {
              .object([
                "rule": .string($0.rule), "day": $0.day.map { .string($0.description) } ?? .null,
                "seqs": .array($0.seqs.map { .integer($0) }), "message": .string($0.message),
              ])
            }))
        object = .object(members)
      }
      console.print(JSONText.pretty(object))
    case .csv:
      console.writeOutput(TableRenderer.render(table(findings, views: views), as: .csv))
    case .text:
      console.writeOutput(
        text(
          findings, holds: holds, views: views, moment: moment, seq: seq, chain: chain,
          console: console))
    }
    return findings.isEmpty ? .ok : .findings
  }

  /// The rule catalogue: one block per rule (text), or a JSON array, or CSV.
  static func rules(_ format: OutputFormat) -> String {
    switch format {
    case .json:
      return JSONText.pretty(
        .array(
          AuditRuleCatalogue.rules.map {
            .object([
              "rule": .string($0.id), "checks": .string($0.checks), "basis": .string($0.basis),
              "confirmation": .bool($0.confirmation),
            ])
          })) + "\n"
    case .csv:
      return TableRenderer.render(
        ViewTable(
          name: "rules", title: "",
          columns: [.init("rule"), .init("checks"), .init("basis")],
          rows: AuditRuleCatalogue.rules.map { [$0.id, $0.checks, $0.basis] }, keyColumnCount: 1,
          notes: []), as: .csv)
    case .text:
      var out = ""
      for rule in AuditRuleCatalogue.rules {
        out += rule.id + (rule.confirmation ? " (said positively; not a finding)" : "") + "\n"
        out += wrap(rule.checks, indent: "   ") + "\n"
        out += wrap("Basis: " + rule.basis, indent: "   ") + "\n\n"
      }
      out += "\(AuditRuleCatalogue.rules.count) rules.\n"
      return out
    }
  }

  /// The findings of the `personal-data` rule (placed among the others by rule id): the log's
  /// text fields that look like personal data, with the register's names when it can be read.
  static func personalData(path: String, upTo seq: Int64, moment: Moment, console: Console)
    throws(CommandFailure) -> [Finding]
  {
    let book = PeopleBook(logPath: path)
    let names = ((try? book.entries()) ?? []).compactMap { $0.name?.value }
    do {
      return try PersonalDataRule.findings(
        logPath: path, upTo: seq, asRecorded: moment.asRecorded, names: names)
    } catch {
      throw LogFailures.failure(error, path: path)
    }
  }

  /// The records of a finding: `150 IJM-082, 160 IJM-077`.
  static func records(_ finding: Finding, views: ViewSource) -> String {
    finding.seqs.map { "\($0) \(views.recordID($0))" }.joined(separator: ", ")
  }

  /// The summary line: how many findings of which rules, for which moment.
  static func summary(_ findings: [Finding], views: ViewSource, moment: Moment, seq: Int64)
    -> String
  {
    let records = seq == 0 ? "no records" : seq == 1 ? "record 1" : "records 1 to \(seq)"
    let scope = "\(views.path), \(moment.description) (\(records))"
    guard !findings.isEmpty else { return "No findings: every audit rule holds for \(scope)." }
    var counts: [String: Int] = [:]
    for finding in findings { counts[finding.rule, default: 0] += 1 }
    let rules = counts.keys.sorted().map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
    return "\(findings.count) finding\(findings.count == 1 ? "" : "s") (\(rules)) for \(scope)."
  }

  /// The findings for people: one block per finding, the summary and the checkpoint note.
  static func text(
    _ findings: [Finding], holds: [Finding] = [], views: ViewSource, moment: Moment, seq: Int64,
    chain: VerifyReport, console: Console
  ) -> String {
    var out = ""
    for (index, finding) in findings.enumerated() {
      out +=
        console.bold("\(index + 1). \(finding.rule)") + "  " + (finding.day?.description ?? "-")
        + "\n"
      out += wrap("records " + records(finding, views: views), indent: "   ") + "\n"
      out += wrap(finding.message, indent: "   ") + "\n\n"
    }
    if !holds.isEmpty {
      out += "What holds:\n"
      for confirmation in holds {
        out += "   " + confirmation.rule + "  " + (confirmation.day?.description ?? "-") + "\n"
        out += wrap("records " + records(confirmation, views: views), indent: "   ") + "\n"
        out += wrap(confirmation.message, indent: "   ") + "\n\n"
      }
    }
    out += wrap(summary(findings, views: views, moment: moment, seq: seq), indent: "") + "\n"
    out += wrap(checkpointNote(chain), indent: "") + "\n"
    return out
  }

  /// The findings as a table (for `--csv`).
  static func table(_ findings: [Finding], views: ViewSource) -> ViewTable {
    ViewTable(
      name: "findings", title: "",
      columns: [.init("rule"), .init("day"), .init("seqs"), .init("records"), .init("finding")],
      rows: findings.map {
        [
          $0.rule, $0.day?.description ?? "", $0.seqs.map { String($0) }.joined(separator: " "),
          $0.seqs.map { views.recordID($0) }.joined(separator: " "), $0.message,
        ]
      })
  }

  /// The findings for programs: the moment, each finding with its records, and the summary.
  static func json(
    _ findings: [Finding], views: ViewSource, moment: Moment, seq: Int64, chain: VerifyReport
  ) -> JSONValue {
    .object([
      "log": .string(views.path),
      "validAt": .string(moment.validAt.description),
      "knownAtSeq": .integer(seq),
      "asRecorded": .bool(moment.asRecorded),
      "findings": .array(
        findings.map { finding in
          .object([
            "rule": .string(finding.rule),
            "day": finding.day.map { .string($0.description) } ?? .null,
            "seqs": .array(finding.seqs.map { .integer($0) }),
            "records": .array(finding.seqs.map { .string(views.recordID($0)) }),
            "message": .string(finding.message),
          ])
        }),
      "summary": .string(summary(findings, views: views, moment: moment, seq: seq)),
      "chain": .object([
        "records": .integer(chain.recordCount), "head": .string(chain.headHash.hexString),
      ]),
      "note": .string(checkpointNote(chain)),
    ])
  }

  /// `text` broken into lines of at most 100 columns, each starting with `indent`.
  static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
    var lines: [String] = []
    var line = indent
    for word in text.split(separator: " ") {
      if line.count > indent.count && line.count + 1 + word.count > width {
        lines.append(line)
        line = indent
      }
      line += (line.count > indent.count ? " " : "") + word
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }
}
