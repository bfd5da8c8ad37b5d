import Foundation
import Projections
import TransitionApp

/// `transition report`: one self-contained HTML file of the transition on a day, for people
/// who do not read terminal tables (`TransitionReport` builds it; this verb parses and writes).
enum ReportCommand: Command {
  static let name = "report"
  static let summary = "write one self-contained HTML report (Dutch or English) of a day"
  static var help: String {
    """
    transition report LOG --valid-at DAY [--known-at T | --known-at-seq N] [--as-recorded]
                          [--lang nl|en] [--since-known-at T] [--output FILE]

    Writes one HTML file a council, an HR department and an accountant can read, print on A4
    and mail: inline style and charts, no script, nothing fetched from anywhere. Dutch by
    default (47,00 fte; € 2.352.500,00; 1 juli 2026), English with --lang en. It holds:

      cover         the log's name, the day and known-at in words, the records read, the
                    head hash and the checkpoint's RFC 6962 root, the number of findings
      timeline      decisions per body (late recording marked), OR advice, milestones
      staff         FTE and headcount per organisation over time, where the cohort went,
                    the conservation check, the transfers with their decisions and advice
      decisions     the register per body and who has decided each regional step
      money         costs per municipality and category against the estimate, keys, funding
      audit         every finding, or that there are none
      what changed  with --since-known-at T: every view's changes since the report as known
                    at T, with the records that caused them

    Every figure comes from the same views `transition state` and `transition audit` print.
    The same log and flags give the same bytes. Without --output the file is written beside
    the log as LOG-report-DAY.html (LOG-report-DAY-en.html in English).

    \(Moment.help)
      --lang nl|en          the report's language (default nl)
      --since-known-at T    add what changed since the log as known at T (instant or day)
      --output FILE         where to write the report

    Examples:
      transition report ijmond-demo.log --valid-at 2026-07-01
      transition report ijmond-demo.log --valid-at 2026-07-01 --known-at 2026-07-02 --output raad.html
      transition report ijmond-demo.log --valid-at 2026-07-01 --lang en --output report-en.html
      transition report ijmond-demo.log --valid-at 2026-07-01 --since-known-at 2026-07-02
      transition report ijmond-demo.log --valid-at 2027-12-31 --as-recorded --output accountant.html
    """
  }

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(
      words, valued: ViewSource.valuedFlags.union(["lang", "since-known-at", "output"]),
      booleans: ViewSource.booleanFlags, usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    guard arguments.value("valid-at") != nil else {
      throw CommandFailure.usage(
        "Give --valid-at DAY, the day the report is of, such as --valid-at 2026-07-01.",
        help: usage)
    }
    let moment = try Moment(arguments, usage: usage)
    let languageName = arguments.value("lang") ?? "nl"
    guard let language = ReportLanguage(rawValue: languageName) else {
      throw CommandFailure.usage("Unknown language \(languageName): choose nl or en.", help: usage)
    }
    let since = try arguments.value("since-known-at").map { text throws(CommandFailure) in
      KnownAt.instant(try TimeArguments.instant(text, flag: "since-known-at"))
    }
    let output =
      arguments.value("output") ?? defaultOutput(log: path, moment: moment, language: language)
    try report(
      path, request: .init(query: moment.query, language: language, sinceKnownAt: since),
      to: output, console: console)
    console.print("Report of \(path), \(moment.description), written to \(output)")
    return .ok
  }

  /// Writes the report of the log at `path` for `request` to `output`.
  static func report(
    _ path: String, request: TransitionReport.Request, to output: String, console: Console?
  ) throws(CommandFailure) {
    let source = try ViewSource(path: path, console: console)
    let html: String
    do {
      html = try TransitionReport.html(projector: source.projector, request: request)
    } catch {
      throw ViewSource.failure(error, path: path)
    }
    try write(html, to: output)
  }

  /// Beside the log: `LOG-report-DAY.html`, with `-en` for English.
  static func defaultOutput(log: String, moment: Moment, language: ReportLanguage) -> String {
    let base = log.hasSuffix(".log") ? String(log.dropLast(4)) : log
    return base + "-report-\(moment.validAt)" + (language == .nl ? "" : "-en") + ".html"
  }

  /// Writes `html` to `path` whole (a temporary file renamed over it), or fails with 73.
  static func write(_ html: String, to path: String) throws(CommandFailure) {
    do {
      try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CommandFailure(
        status: .cannotCreate,
        message: "\(path) cannot be written. Check that its folder exists and is writable, or"
          + " choose another file with --output FILE.")
    }
  }
}
