import EventLog
import Foundation
import Projections
import TransitionApp
import TransitionDomain

/// The moment a view shows: the day the facts are valid, and what the log knew.
struct Moment: Equatable {
  /// What the log knew: everything, everything recorded by an instant, or up to a record.
  enum Known: Equatable {
    case everything
    case instant(LogInstant)
    case seq(Int64)

    /// The read models' known-at.
    var knownAt: KnownAt {
      switch self {
      case .everything: .everything
      case .instant(let instant): .instant(instant)
      case .seq(let seq): .seq(seq)
      }
    }
  }

  var validAt: CalendarDay
  var knownAt: Known = .everything
  /// Whether corrections are ignored (the facts as first recorded).
  var asRecorded = false

  /// Today in the Netherlands.
  static var today: CalendarDay {
    DutchTime.day(at: LogInstant(millisecondsSinceEpoch: Int64(time(nil)) * 1000))
  }

  /// How the moment reads for people: "valid on 2026-07-01, as known at 2026-07-02T21:59:59.999Z".
  var description: String {
    var text = "valid on \(validAt)"
    switch knownAt {
    case .everything: text += ", as known now"
    case .instant(let instant): text += ", as known at \(instant)"
    case .seq(let seq): text += ", as known after record \(seq)"
    }
    return text + (asRecorded ? ", as first recorded (corrections ignored)" : "")
  }

  /// The read models' query for this moment.
  var query: ViewQuery {
    ViewQuery(validAt: validAt, knownAt: knownAt.knownAt, asRecorded: asRecorded)
  }

  /// The moment `--valid-at`, `--known-at`, `--known-at-seq` and `--as-recorded` name.
  init(_ arguments: Arguments, usage: String) throws(CommandFailure) {
    validAt =
      try arguments.value("valid-at").map { text throws(CommandFailure) in
        try TimeArguments.day(text, flag: "valid-at")
      } ?? Moment.today
    asRecorded = arguments.flag("as-recorded")
    switch (arguments.value("known-at"), arguments.value("known-at-seq")) {
    case (.some, .some):
      throw .usage("Give --known-at or --known-at-seq, not both.", help: usage)
    case (.some(let text), nil):
      knownAt = .instant(try TimeArguments.instant(text, flag: "known-at"))
    case (nil, .some(let text)):
      knownAt = .seq(try TimeArguments.seq(text, flag: "known-at-seq"))
    case (nil, nil):
      knownAt = .everything
    }
  }

  init(validAt: CalendarDay, knownAt: Known = .everything, asRecorded: Bool = false) {
    self.validAt = validAt
    self.knownAt = knownAt
    self.asRecorded = asRecorded
  }

  /// Flag help shared by the verbs that show views.
  static let help = """
      --valid-at DAY        the day the facts are valid, YYYY-MM-DD (default: today in
                            the Netherlands)
      --known-at T          as the log knew it at T: a time with its offset such as
                            2020-09-30T23:59+02:00 or 2026-07-02T12:00:00.000Z (seconds
                            and milliseconds may be left out), a Dutch local time such as
                            2026-07-02T14:00, or a day 2026-07-02, meaning the end of that
                            day in Dutch time (23:59:59.999 Europe/Amsterdam; summer time
                            by the EU rule) (default: everything recorded). The title says
                            which UTC instant was used.
      --known-at-seq N      as the log knew it after record N (0 = before the first record)
      --as-recorded         ignore corrections: the facts as first recorded
    """
}

/// The read models of one log, through the projections facade (`TransitionProjector`).
///
/// The log is folded once per command. The fold is cached in `LOG.projections` beside the log:
/// a rebuildable cache, stamped with the record count, size and head hash of the log it was
/// folded from; it is used while the log ends as stamped, extended when the log has grown and
/// rebuilt when it is missing, damaged or of another log. Deleting it is always safe. `verify`
/// and `checkpoint` never read it.
struct ViewSource {
  /// The read models' views, in the order `help` lists them.
  static let viewNames = ViewName.allCases.map(\.rawValue)
  /// The views `export --format csv` can write: the read models' and the records.
  static let names = viewNames + ["records"]
  /// The flags that choose the moment a view shows.
  static let valuedFlags: Set<String> = ["valid-at", "known-at", "known-at-seq"]
  /// The boolean flags of views.
  static let booleanFlags: Set<String> = ["as-recorded"]
  /// The name of the cache file beside a log.
  static func cachePath(_ log: String) -> String { ProjectionSidecar(logPath: log).path }

  /// The log.
  let path: String
  /// The read models' facade over the log.
  let projector: TransitionProjector

  /// Opens the log at `path` and folds it (through its `.projections` cache unless
  /// `trustCache` is false: then from a replay of the log alone, and the cache is neither read
  /// nor written), with progress on a terminal when `console` is given.
  ///
  /// The commands whose output is evidence (`audit`, `export`) pass `trustCache: false`: the
  /// cache's checksums catch damage, not forgery.
  init(path: String, console: Console? = nil, trustCache: Bool = true) throws(CommandFailure) {
    try LogAccess.requireFile(path)
    self.path = path
    let progress = console.map { ReadingProgress("reading \(path)", reading: path, console: $0) }
    defer { if let console { progress?.finish(console: console) } }
    do {
      projector = try TransitionProjector(path: path, useSidecar: trustCache)
    } catch {
      throw Self.failure(error, path: path)
    }
  }

  /// The view named `view`, or a usage error listing the views of `names`.
  static func view(_ view: String, among names: [String] = viewNames, usage: String)
    throws(CommandFailure) -> String
  {
    guard names.contains(view) else {
      throw CommandFailure.usage(
        "Unknown view \(view): choose one of \(names.joined(separator: ", ")).", help: usage)
    }
    return view
  }

  /// The table of `view` for the moment the arguments name (`export --format csv --view`),
  /// from a replay of the log (the cache is not trusted for an export).
  static func table(
    _ view: String, path: String, arguments: Arguments, usage: String, console: Console
  ) throws(CommandFailure) -> ViewTable {
    let view = try Self.view(view, among: names, usage: usage)
    let moment = try Moment(arguments, usage: usage)
    let source = try ViewSource(path: path, console: console, trustCache: false)
    source.announce(console)
    return try source.table(view, moment: moment)
  }

  /// The table of `view` at `moment`.
  func table(_ view: String, moment: Moment) throws(CommandFailure) -> ViewTable {
    guard let name = ViewName(rawValue: view) else {
      throw CommandFailure.usage(
        "Unknown view \(view): choose one of \(Self.viewNames.joined(separator: ", ")).")
    }
    return try answer { try projector.table(name, query: moment.query) }
  }

  /// The history of one subject (employee, decision, body, milestone) at `moment`.
  func history(_ subject: String, moment: Moment) throws(CommandFailure) -> ViewTable {
    try answer { try projector.history(of: subject, query: moment.query) }
  }

  /// The audit rules' findings at `moment`.
  func audit(_ moment: Moment) throws(CommandFailure) -> [Finding] {
    try answer { try projector.audit(query: moment.query) }
  }

  /// What holds, said positively, at `moment` (not findings).
  func confirmations(_ moment: Moment) throws(CommandFailure) -> [Finding] {
    try answer { try projector.confirmations(query: moment.query) }
  }

  /// The last record the log knew at `known`: its `seq` (0 before the first record).
  func seq(_ known: Moment.Known) throws(CommandFailure) -> Int64 {
    try answer { try projector.resolve(known.knownAt) }
  }

  /// The record id of `seq`.
  func recordID(_ seq: Int64) -> String { projector.ledger.recordID(of: seq) }

  /// The last record's `seq`.
  var lastSeq: Int64 { projector.ledger.lastSeq }

  /// How the read models were obtained, in words for people.
  var origin: String {
    switch projector.origin {
    case .sidecar: "read from the cache \(Self.cachePath(path))"
    case .extended: "the cache \(Self.cachePath(path)) extended with the new records"
    case .rebuilt: "replayed from the log; cache written to \(Self.cachePath(path))"
    case .replayed: "replayed from the log"
    }
  }

  /// Whether the answer came (in part) from the cache rather than from the log alone.
  var answeredFromCache: Bool { projector.origin == .sidecar || projector.origin == .extended }

  /// The line on standard error that says where the answer came from (issue 15, item 3).
  func announce(_ console: Console) {
    console.printError(Self.announcement(path: path, origin: projector.origin))
  }

  /// Where an answer came from, for standard error: `answered from: …`.
  static func announcement(path: String, origin: ProjectionSidecar.Origin) -> String {
    let cache = cachePath(path)
    return switch origin {
    case .sidecar:
      "answered from: the cache \(cache), which matched the log's size, last line and change"
        + " time (checked when it was built; `transition verify \(path)` checks the log itself)"
    case .extended:
      "answered from: the cache \(cache) and the records appended since, read from the log"
        + " and checked"
    case .rebuilt:
      "answered from: the log, every record read and checked as `transition verify` does"
        + " (cache written to \(cache))"
    case .replayed:
      "answered from: the log, every record read and checked as `transition verify` does (the"
        + " cache was not used)"
    }
  }

  /// The line on standard error for the verbs that read the log's records directly.
  static func announceLog(_ path: String, console: Console) {
    console.printError(
      "answered from: the log, every record read checked as `transition verify` does (the"
        + " cache was not used)")
  }

  private func answer<T>(_ body: () throws -> T) throws(CommandFailure) -> T {
    do {
      return try body()
    } catch {
      throw Self.failure(error, path: path)
    }
  }

  /// The failure to report for an error of the read models.
  ///
  /// A known-at beyond the log and an unknown subject are values that do not match the log's
  /// data, like `show` of an unknown record: status 65 with the projector's message.
  static func failure(_ error: any Error, path: String) -> CommandFailure {
    switch error {
    case let failure as CommandFailure:
      return failure
    case let query as TransitionProjector.QueryError:
      return CommandFailure(status: .dataError, message: query.description)
    case let read as Ledger.ReadError:
      if read.seq == nil { return LogFailures.failure(read.underlying, path: path) }
      return CommandFailure(status: .dataError, message: read.description)
    default:
      return LogFailures.failure(error, path: path)
    }
  }
}
