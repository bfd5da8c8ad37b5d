/// The invariants and limits of log format v1; `FORMAT.md` beside this folder is the contract.
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
/// (9) Bytes after the last valid record that do not form a valid record (a torn tail) are
///     copied to a quarantine file beside the log before the log is cut back; a bad line
///     followed by a valid one is corruption and nothing is changed.
public enum LogFormat {
  /// The value of the header's `format` key.
  public static let formatName = "transition-log"
  /// The format version this code writes and reads.
  public static let version: Int64 = 1
  /// The record keys in their one permitted order (`corrects` only on corrections).
  public static let recordKeys = [
    "seq", "id", "recorded", "effective", "type", "stream", "by", "corrects", "data", "prev",
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
