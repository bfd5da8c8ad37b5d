/// The exit statuses of `transition`, after sysexits.h, so scripts can react to each class.
enum ExitStatus: Int32, Sendable {
  /// Done, and nothing to report.
  case ok = 0
  /// `audit` found findings (or `verify --checkpoint` found the log does not extend it).
  case findings = 1
  /// The command line is wrong: an unknown verb or flag, a missing argument (EX_USAGE).
  case usage = 64
  /// The input data is bad: a refused command, a malformed file, a damaged log (EX_DATAERR).
  case dataError = 65
  /// A named file does not exist or cannot be read (EX_NOINPUT).
  case noInput = 66
  /// A file cannot be created (EX_CANTCREAT).
  case cannotCreate = 73
  /// Reading or writing failed (EX_IOERR).
  case ioError = 74
  /// Another writer got there first, or held the lock too long: try again (EX_TEMPFAIL).
  case conflict = 75
}

/// A failure that ends a command: what to print on standard error and the exit status.
struct CommandFailure: Error, Equatable {
  let status: ExitStatus
  let message: String

  static func usage(_ message: String, help: String? = nil) -> CommandFailure {
    CommandFailure(
      status: .usage,
      message: message + "\n"
        + (help.map { "Usage: \($0)" } ?? "Run `transition help` for the list of commands."))
  }
}
