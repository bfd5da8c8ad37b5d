/// Why an append or a log creation did not happen, or did not certainly happen.
public enum LogWriteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The draft cannot be written as it is; nothing was appended.
  case invalidDraft(String)
  /// Another writer appended first: the log ends at `actualLastSeq`, not `expectedLastSeq`.
  case conflict(expectedLastSeq: Int64, actualLastSeq: Int64)
  /// A record with this id is in the log already, with other content.
  case idConflict(id: String, existingSeq: Int64)
  /// The write failed and the file was cut back to its previous size: nothing was appended.
  case notWritten(FileError)
  /// fdatasync failed: the records may or may not be durable. The handle refuses appends.
  case outcomeUnknown(FileError)
  /// An earlier fdatasync failed on this handle; open the log again to continue.
  case handlePoisoned
  /// The lock was not free within the timeout.
  case lockTimeout(path: String, milliseconds: Int)
  /// The log is damaged; nothing was appended.
  case damaged(LogDamage)
  /// The log file exists already (for create) or cannot be opened or created.
  case cannotOpen(FileError)
  /// The log exists already.
  case alreadyExists(path: String)

  public var description: String {
    switch self {
    case .invalidDraft(let reason):
      return "The record was not appended: \(reason)."
    case .conflict(let expected, let actual):
      return "The log has moved on: it ends at record \(actual), not at \(expected) as expected."
        + " Nothing was appended. Read the new records, then try again."
    case .idConflict(let id, let seq):
      return
        "A record with id \(Visible.text(id)) is already in the log (record \(seq)) with other content."
        + " Nothing was appended. Use a new id, or check that this is the same record."
    case .notWritten(let error):
      return "Nothing was appended: \(error). The log is as it was before. Free disk space or"
        + " fix the file system, then try again."
    case .outcomeUnknown(let error):
      return "The records were written but \(error), so it is unknown whether they are durable."
        + " Do not assume either way: open the log again and look for their ids."
    case .handlePoisoned:
      return "This log handle refused the append because an earlier fdatasync failed. Open the"
        + " log again; then look for the ids of the earlier append."
    case .lockTimeout(let path, let milliseconds):
      return "\(path) is locked by another writer and stayed locked for \(milliseconds) ms."
        + " Nothing was appended. Try again, or find the process that holds the lock."
    case .damaged(let damage):
      return damage.description
    case .cannotOpen(let error):
      return "The log cannot be opened: \(error)."
    case .alreadyExists(let path):
      return "\(path) exists already. Choose another file name, or append to it instead."
    }
  }
}
