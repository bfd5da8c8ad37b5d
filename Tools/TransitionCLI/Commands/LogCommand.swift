import EventLog

/// `transition log`: the records, filtered, as a table, JSON or CSV.
enum LogCommand: Command {
  static let name = "log"
  static let summary = "list the records, filtered by stream, type, who and both time axes"
  static let help = """
    transition log LOG [filters] [--json | --csv]

    Lists the records of LOG in order: seq, when recorded (UTC), effective day, type,
    stream, who recorded it, the seq it corrects, and its id.

    Filters (repeat --stream, --type or --by for any of several):
    \(RecordFilter.help)

    Examples:
      transition log ijmond-demo.log --stream staff/E017
      transition log ijmond-demo.log --type TakeDecision --effective-from 2026-01-01
      transition log ijmond-demo.log --recorded-from 2026-07-01 --recorded-to 2026-07-31
      transition log ijmond-demo.log --by hr-ijw --csv > hr-records.csv
    """

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(
      words, valued: RecordFilter.flags, booleans: OutputFormat.flags, usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    let format = try OutputFormat.from(arguments, usage: usage)
    let filter = try RecordFilter(arguments)
    let (records, total) = try LogAccess.records(path, console: console, matching: filter.accepts)
    ViewSource.announceLog(path, console: console)
    let table = RecordTable.table(records, title: "\(path): \(records.count) of \(total) records")
    console.writeOutput(TableRenderer.render(table, as: format, console: console))
    return .ok
  }
}
