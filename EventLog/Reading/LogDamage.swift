/// A log that cannot be trusted as it is, with the line and the reason; nothing was changed.
public struct LogDamage: Error, Equatable, Sendable, CustomStringConvertible {
  /// What kind of damage.
  public enum Kind: String, Sendable {
    /// The file is empty or its first line is not a transition-log header.
    case badHeader
    /// A record line is malformed or breaks the chain, and a valid record follows it.
    case badRecord
    /// The bytes after the last valid record do not form a record (an interrupted write).
    case tornTail
    /// The file is shorter than a writer that had read it knows it to be.
    case shrunk
    /// The log does not extend a checkpoint saved earlier.
    case checkpointMismatch
    /// Two records carry the same id.
    case duplicateID
  }

  public let kind: Kind
  /// The log file.
  public let path: String
  /// The 1-based line number of the first bad line (the header is line 1).
  public let lineNumber: Int
  /// Where that line starts in the file.
  public let byteOffset: Int64
  /// What is wrong, in words.
  public let reason: String
  /// Whether the next line may be the changed one instead: the chain alone cannot tell which
  /// of the last two lines changed when the last record's `prev` does not match.
  public let alsoSuspectsNextLine: Bool

  public init(
    kind: Kind, path: String, lineNumber: Int, byteOffset: Int64, reason: String,
    alsoSuspectsNextLine: Bool = false
  ) {
    self.kind = kind
    self.path = path
    self.lineNumber = lineNumber
    self.byteOffset = byteOffset
    self.reason = reason
    self.alsoSuspectsNextLine = alsoSuspectsNextLine
  }

  /// The record `seq` on the bad line, if the line is a record line.
  public var seq: Int64? { lineNumber >= 2 ? Int64(lineNumber - 1) : nil }

  /// What every audit report must say: the chain alone cannot show a rewrite.
  public static let checkpointNotice =
    "Only a checkpoint held by someone else (a council paper quoting it, an accountant's file)"
    + " proves that the log was not rewritten: a log whose chain was recomputed, or that was"
    + " cut back at a line boundary, verifies on its own."

  public var description: String {
    let place = seq.map { "line \(lineNumber) (record \($0))" } ?? "line \(lineNumber) (the header)"
    switch kind {
    case .tornTail:
      return "\(path) ends in an incomplete record at \(place), byte \(byteOffset): \(reason)."
        + " This is what an interrupted write leaves. Nothing was changed; the next append"
        + " (for example `transition record`) moves these bytes to a quarantine file beside"
        + " the log and continues."
    case .checkpointMismatch:
      return "\(path) does not extend the saved checkpoint: \(reason). The log was cut back or"
        + " rewritten after the checkpoint was made. Nothing was changed. Restore the file"
        + " from a backup that matches the checkpoint, then run `transition verify \(path)`. "
        + Self.checkpointNotice
    default:
      return "\(path) is damaged at \(place), byte \(byteOffset): \(reason). Nothing was"
        + " changed. Restore the file from a backup, then run `transition verify \(path)`."
    }
  }
}

/// Bytes after the last valid record that do not form a record.
public struct TornTail: Equatable, Sendable {
  /// The line number where the bad bytes begin.
  public let lineNumber: Int
  /// Where the bad bytes begin (just after the last valid record).
  public let byteOffset: Int64
  /// How many bytes there are, up to the end of the file.
  public let byteCount: Int64
  /// Why they do not form a record.
  public let reason: String
}
