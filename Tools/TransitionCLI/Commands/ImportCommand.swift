import CanonicalJSON
import Foundation
import TransitionApp
import TransitionDomain

/// `transition import`: the staff baseline from an HR spreadsheet export, all or nothing.
enum ImportCommand: Command {
  static let name = "import"
  static let summary = "import the staff baseline from an HR spreadsheet (CSV), all or nothing"
  static let help = """
    transition import LOG --staff FILE.csv --cohort ID --effective DAY [--by WHO] [--id ID]

    Records the staff cohort (RecordStaffBaseline) from a spreadsheet export: one row per
    employee under a header row. Reads the Dutch convention (semicolons, decimal comma,
    UTF-8 with or without a byte order mark) and plain CSV (commas, decimal point).

    Columns, in any order (English or Dutch names; case and spaces do not matter):
      employee       pseudonymous id, such as E017 (medewerker)
      function       the function (functie)
      team           the team
      employer       the employer's code, such as IJW (werkgever)
      contract hours hours per week (contracturen)
      norm hours     the full-time norm, such as 36 (normuren)
      contract fte   the contract's FTE, such as 0,8889
      allocated fte  the part counted in the cohort, at most the contract fte (fte cohort)
      cao            such as Cao SGO
      contract type  onbepaalde tijd or bepaalde tijd (contractsoort)
      end date       for bepaalde tijd: the last day, 2026-12-31 or 31-12-2026 (optional)

    Every bad row is reported with its line number, and nothing is recorded unless every row
    is valid; then the domain's rules check the whole cohort (for example that every
    employer is registered and no one has two employers).

    Examples:
      transition import transitie.log --staff formatie-2025-07.csv --cohort RI-IJW \\
        --effective 2025-07-01 --by hr-ijw
    """

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(
      words, valued: ["staff", "cohort", "effective", "by", "id"], booleans: ["json"],
      usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file to import into", usage: usage)
    guard let sheet = arguments.value("staff") else {
      throw CommandFailure.usage(
        "Missing --staff FILE.csv: the spreadsheet to import.", help: usage)
    }
    guard let cohort = arguments.value("cohort") else {
      throw CommandFailure.usage("Missing --cohort ID, such as --cohort RI-IJW.", help: usage)
    }
    guard let effective = arguments.value("effective") else {
      throw CommandFailure.usage(
        "Missing --effective DAY: the day the baseline describes, such as 2025-07-01.",
        help: usage)
    }
    let by = try LogAccess.recorder(arguments, console: console, usage: usage)
    try LogAccess.requireFile(path)
    guard let data = FileManager.default.contents(atPath: sheet) else {
      throw CommandFailure(
        status: .noInput, message: "The spreadsheet \(sheet) does not exist or cannot be read.")
    }
    let progress = Progress("checking \(sheet)", console: console)
    let members: [JSONValue]
    do {
      members = try StaffSheet.members(Array(data))
    } catch {
      throw CommandFailure(
        status: .dataError,
        message: "\(sheet) was not imported: \(error.lines.count) problem"
          + (error.lines.count == 1 ? "" : "s") + ". Nothing was recorded; fix the rows and"
          + " import the whole file again.\n"
          + error.lines.map { "  " + $0 }.joined(separator: "\n"))
    }
    progress.finish()
    var object: JSONObject = [
      "command": .string("RecordStaffBaseline"), "effective": .string(effective),
      "cohort": .string(cohort), "members": .array(members),
    ]
    if let id = arguments.value("id") { object.insert("id", .string(id)) }
    let command: TransitionCommand
    do {
      command = try TransitionCommand(json: object)
    } catch {
      throw CommandFailure(
        status: .dataError, message: error.description + " Nothing was recorded.")
    }
    let log = try LogAccess.openForRecording(path, console: console)
    do {
      let appended = try log.record([command], by: by)
      let total = members.compactMap { $0.objectValue?["allocatedFTE"]?.stringValue }
        .compactMap(FTE.init(parsing:)).sum()
      for record in appended {
        console.print(
          "Imported \(members.count) employees (cohort \(cohort), allocated FTE \(total)) as"
            + " seq \(record.seq), id \(record.id), effective \(record.effectiveDate).")
      }
      return .ok
    } catch {
      throw LogAccess.failure(error, path: path)
    }
  }
}
