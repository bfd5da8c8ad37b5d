/// The invariants and limits of log format v2 (which reads v1); `FORMAT.md` beside this
/// folder is the contract.
///
/// Tests cite these invariants by number.
/// (1) A log is UTF-8 text: one canonical JSON object per line, each line ended by `\n`.
/// (2) Line 1 is the header; every later line is one record, keys in the order of `recordKeys`.
/// (3) `seq` runs 1, 2, 3 … with no gaps; `id` is unique in the log.
/// (4) `prev` is the lowercase hex SHA-256 of the exact bytes of the previous line without
///     its `\n` (for record 1: of the header line). Hashes are over stored bytes only.
/// (5) `recorded` is set by the writer and never decreases from one record to the next.
/// (6) `corrects`, when present, names an earlier record: 1 <= corrects < seq.
/// (7) An append returns only after the write and an fdatasync of the file have succeeded.
/// (8) A failed write leaves the file at its size before the append; a failed fdatasync
///     leaves the outcome unknown and the handle refuses further appends.
/// (9) Only an unfinished last write is a torn tail: bytes after the last complete line, and
///     in a v2 log the complete lines of a batch whose last (commit) line is missing. It is
///     copied to a quarantine file beside the log before the log is cut back. Every other bad
///     line is damage and nothing is changed: a complete line may be an acknowledged record.
/// (10) In a v2 log the records of a multi-record batch carry `part`/`parts`, the last one
///     also the batch key (`batch`): a reader sees a batch whole or not at all.
public enum LogFormat {
  /// The value of the header's `format` key.
  public static let formatName = "transition-log"
  /// The format version this code writes into a new log.
  public static let version: Int64 = 2
  /// The format versions this code reads (and appends to, each in its own version).
  public static let readableVersions: ClosedRange<Int64> = 1...2
  /// The record keys in their one permitted order (`corrects` only on corrections).
  public static let recordKeys = [
    "seq", "id", "recorded", "effective", "type", "stream", "by", "corrects", "part", "parts",
    "batch", "data", "prev",
  ]
}

/// Bounds on what a log may hold, each with the reason it is what it is.
public enum Limits {
  /// The longest line, without its `\n`: 1 MiB.
  ///
  /// A record is a few hundred bytes and a decision with its full dictum a few KiB, so 1 MiB
  /// leaves wide room; the bound lets a reader hold any line in one fixed buffer and reject
  /// a garbage tail without reading it all into memory.
  public static let lineBytesMax = 1 << 20
  /// The longest `id`, `type`, `stream` or `by`: 256 bytes, enough for any readable name.
  public static let nameBytesMax = 256
  /// The longest log name (the checkpoint's origin line): 128 bytes.
  public static let logNameBytesMax = 128
  /// The most records one append may carry: keeps one batch well inside memory.
  public static let batchRecordsMax = 100_000
}
