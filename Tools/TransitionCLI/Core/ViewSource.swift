import EventLog
import Foundation
import Projections
import TransitionDomain

/// The moment a view shows: the day the facts are valid, and what the log knew.
struct Moment: Equatable {
  /// What the log knew: everything, everything recorded by an instant, or up to a record.
  enum Known: Equatable {
    case everything
    case instant(LogInstant)
    case seq(Int64)
  }

  var validAt: CalendarDay
  var knownAt: Known = .everything
  /// Whether corrections are ignored (the facts as first recorded).
  var asRecorded = false

  /// Today, UTC.
  static var today: CalendarDay {
    CalendarDay(dayNumber: Int(Date().timeIntervalSince1970 / 86_400))
  }

  /// How the moment reads for people: "on 2026-07-01, as known on 2026-07-02T23:59:59.999Z".
  var description: String {
    var text = "valid on \(validAt)"
    switch knownAt {
    case .everything: text += ", as known now"
    case .instant(let instant): text += ", as known at \(instant)"
    case .seq(let seq): text += ", as known after record \(seq)"
    }
    return text + (asRecorded ? ", as first recorded (corrections ignored)" : "")
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
      guard let seq = Int64(text), seq >= 0 else {
        throw CommandFailure(
          status: .dataError, message: "--known-at-seq \(text) is not a record number.")
      }
      knownAt = .seq(seq)
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
      --valid-at DAY        the day the facts are valid (default: today)
      --known-at T          as the log knew it at T: a UTC time 2026-07-14T10:30:00Z, or a
                            day, meaning the end of that day (default: everything recorded)
      --known-at-seq N      as the log knew it after record N
      --as-recorded         ignore corrections: the facts as first recorded
    """
}

/// One finding of the audit rules.
struct AuditFinding: Equatable {
  let rule: String
  let day: CalendarDay?
  let seqs: [Int64]
  let message: String
}

/// The read models' tables, through the projections facade.
enum ViewSource {
  /// The read models' views.
  static let viewNames = [
    "staffing", "employees", "conservation", "decisions", "advice", "milestones", "costs",
  ]
  /// The views `export --format csv` can write: the read models' and the records.
  static let names = viewNames + ["records"]
  /// The flags that choose the moment a view shows.
  static let valuedFlags: Set<String> = ["valid-at", "known-at", "known-at-seq"]
  /// The boolean flags of views.
  static let booleanFlags: Set<String> = ["as-recorded"]

  private static var notYet: CommandFailure {
    CommandFailure(
      status: .ioError,
      message: "the read models (state, history, diff, audit) are not in this build yet.")
  }

  /// The table of `view` for the moment the arguments name.
  static func table(_ view: String, path: String, arguments: Arguments, usage: String)
    throws(CommandFailure) -> ViewTable
  {
    guard names.contains(view) else {
      throw CommandFailure.usage(
        "Unknown view \(view): choose one of \(names.joined(separator: ", ")).", help: usage)
    }
    return try table(view, path: path, moment: Moment(arguments, usage: usage))
  }

  /// The table of `view` at `moment`.
  static func table(_ view: String, path: String, moment: Moment) throws(CommandFailure)
    -> ViewTable
  {
    throw notYet
  }

  /// The history of one subject (employee, decision, body, milestone) at `moment`.
  static func history(_ subject: String, path: String, moment: Moment) throws(CommandFailure)
    -> ViewTable
  {
    throw notYet
  }

  /// The audit rules' findings at `moment`.
  static func audit(path: String, moment: Moment) throws(CommandFailure) -> [AuditFinding] {
    throw notYet
  }
}
