import EventLog

/// Finds a record id used twice while a log streams past, as `LogVerifier` does, so that a
/// read answers only from a log `transition verify` would pass (issue 15, item 4).
///
/// Memory is one hash (8 bytes) per record, not the ids: when a hash comes again, the earlier
/// records are asked for (`earlierSeq`) and compared exactly, so two ids that merely share a
/// hash are never called equal. Ids compare byte for byte (FORMAT.md section 3), as the
/// verifier's keys do: `earlierSeq` must compare the same way.
public struct DuplicateIDs {
  private var hashes = Set<Int>()
  /// Ids whose hash met another id's: kept exactly.
  private var exact: [[UInt8]: Int64] = [:]

  public init() {}

  /// Takes the id of record `seq`; returns an earlier record's `seq` with the same id, if any.
  ///
  /// `earlierSeq` finds the first earlier record with an id (called only when the id's hash
  /// was seen before).
  public mutating func insert(
    _ id: String, seq: Int64, earlierSeq: (String) throws -> Int64?
  ) rethrows -> Int64? {
    guard !hashes.insert(id.hashValue).inserted else { return nil }
    let bytes = Array(id.utf8)
    if let first = exact[bytes] { return first }
    if let first = try earlierSeq(id) { return first }
    exact[bytes] = seq
    return nil
  }

  /// The damage to report for record `seq` at `lineNumber`/`byteOffset` of `path`, whose id
  /// record `first` holds already: the verifier's words.
  public static func damage(
    id: String, first: Int64, path: String, lineNumber: Int, byteOffset: Int64
  ) -> LogDamage {
    LogDamage(
      kind: .duplicateID, path: path, lineNumber: lineNumber, byteOffset: byteOffset,
      reason: "the id \(id) is used already by record \(first)")
  }
}
