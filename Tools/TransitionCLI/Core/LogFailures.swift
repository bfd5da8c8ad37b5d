import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// Turns the log's errors into messages and exit statuses.
enum LogFailures {
  /// The failure to report for `error`, met while working on the log at `path`.
  static func failure(_ error: any Error, path: String) -> CommandFailure {
    switch error {
    case let failure as CommandFailure:
      return failure
    case let damage as LogDamage:
      return CommandFailure(status: .dataError, message: damage.description)
    case let error as FileError:
      return fileFailure(error, path: path)
    case let error as LogWriteError:
      switch error {
      case .damaged(let damage):
        return CommandFailure(status: .dataError, message: damage.description)
      case .cannotOpen(let fileError):
        return fileFailure(fileError, path: path)
      case .conflict, .lockTimeout:
        return CommandFailure(status: .conflict, message: error.description)
      case .alreadyExists:
        return CommandFailure(status: .cannotCreate, message: error.description)
      case .notWritten, .outcomeUnknown, .handlePoisoned:
        return CommandFailure(status: .ioError, message: error.description)
      case .invalidDraft, .idConflict:
        return CommandFailure(status: .dataError, message: error.description)
      }
    default:
      return CommandFailure(status: .ioError, message: "\(error)")
    }
  }

  private static func fileFailure(_ error: FileError, path: String) -> CommandFailure {
    if error.isNotRegularFile {
      return CommandFailure(status: .noInput, message: error.description + ".")
    }
    switch error.code {
    case ENOENT:
      return CommandFailure(
        status: .noInput,
        message: "\(error.path) does not exist. Check the path, or create a log with"
          + " `transition init \(error.path) --name NAME`.")
    case EACCES, EPERM:
      return CommandFailure(
        status: .noInput,
        message: "\(error.path) cannot be opened: permission denied. Check the file's owner and"
          + " mode.")
    default:
      return CommandFailure(status: .ioError, message: error.description)
    }
  }
}
