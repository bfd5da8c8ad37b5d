import CanonicalJSON

/// What a reader knows after reading a log up to some point.
public struct ChainState: Sendable, Equatable {
  /// The log's header.
  public let header: LogHeader
  /// The `seq` of the last valid record, 0 if there is none.
  public internal(set) var lastSeq: Int64
  /// SHA-256 of the last valid line: the `prev` the next record must carry.
  public internal(set) var headHash: SHA256Digest
  /// The `recorded` of the last valid record, if any.
  public internal(set) var lastRecorded: LogInstant?
  /// The offset just after the last valid line.
  public internal(set) var endOffset: Int64
}

/// Reads and checks a log's lines against the chain, line by line (FORMAT.md section 5).
struct ChainScan {
  let reader: LineReader
  /// Whether to hash each line and check `prev`; off only for trusted, speed-bound replays.
  var checkChain = true

  /// Reads the header, or explains why the file is not a log.
  func readHeader() throws -> ChainState {
    var state: ChainState?
    var defect: LineDefect?
    let ending = try reader.forEachLine(from: 0, firstLineNumber: 1) { line, _, _ in
      do {
        let header = try RecordLineParser.parseHeader(line)
        state = ChainState(
          header: header, lastSeq: 0, headHash: SHA256.hash(line), lastRecorded: nil,
          endOffset: Int64(line.count + 1))
      } catch let error as LineDefect {
        defect = error
      }
      return false
    }
    if let state { return state }
    let reason =
      defect.map { "the header is not valid: \($0)" }
      ?? (ending.fileEnd == 0
        ? "the file is empty; a log starts with its header line (create one with `transition init`)"
        : "the first line is not a complete transition-log header")
    throw LogDamage(
      kind: .badHeader, path: reader.path, lineNumber: 1, byteOffset: 0, reason: reason)
  }

  /// Reads records after `state`, checking each; calls `body` with each valid one.
  ///
  /// Returns the torn tail if the bytes after the last valid record do not form a record and
  /// no valid record follows them; throws `LogDamage` if a bad line is followed by a valid one.
  /// `body` may throw a `LineDefect` to mark a record bad (for example a duplicate id).
  func scanRecords(
    continuing state: inout ChainState, upTo end: Int64? = nil, stopAfterSeq: Int64? = nil,
    _ body: (RawRecord) throws -> Void
  ) throws -> TornTail? {
    var firstDefect: (lineNumber: Int, offset: Int64, reason: String)?
    var validFollows = false
    var stopped = false
    let ending = try reader.forEachLine(
      from: state.endOffset, firstLineNumber: Int(state.lastSeq) + 2, upTo: end
    ) { line, lineNumber, offset in
      if firstDefect != nil {
        // Look ahead only: a well-formed record after a bad line means corruption.
        if (try? RecordLineParser.parse(line, lineNumber: lineNumber, byteOffset: offset)) != nil {
          validFollows = true
          return false
        }
        return true
      }
      do {
        let record = try RecordLineParser.parse(line, lineNumber: lineNumber, byteOffset: offset)
        try check(record, against: state)
        try body(record)
        state.lastSeq = record.seq
        if checkChain { state.headHash = SHA256.hash(line) }
        state.lastRecorded = record.recorded
        state.endOffset = offset + Int64(line.count + 1)
        if let stop = stopAfterSeq, record.seq >= stop { stopped = true }
      } catch let defect as LineDefect {
        firstDefect = (lineNumber, offset, defect.description)
      }
      return !stopped
    }
    if stopped { return nil }
    if let overlong = ending.overlongLineNumber {
      throw LogDamage(
        kind: .badRecord, path: reader.path, lineNumber: overlong,
        byteOffset: firstDefect?.offset ?? ending.endOfLines,
        reason: "a line is longer than the maximum of \(Limits.lineBytesMax) bytes")
    }
    if let defect = firstDefect {
      if validFollows {
        throw LogDamage(
          kind: .badRecord, path: reader.path, lineNumber: defect.lineNumber,
          byteOffset: defect.offset, reason: defect.reason)
      }
      return TornTail(
        lineNumber: defect.lineNumber, byteOffset: defect.offset,
        byteCount: ending.fileEnd - defect.offset, reason: defect.reason)
    }
    if ending.fileEnd > ending.endOfLines {
      return TornTail(
        lineNumber: Int(state.lastSeq) + 2, byteOffset: ending.endOfLines,
        byteCount: ending.fileEnd - ending.endOfLines,
        reason: "the last \(ending.fileEnd - ending.endOfLines) bytes are not ended by a newline")
    }
    return nil
  }

  private func check(_ record: RawRecord, against state: ChainState) throws(LineDefect) {
    guard record.seq == state.lastSeq + 1 else {
      throw LineDefect(
        byteOffsetInLine: 7,
        reason: "seq is \(record.seq) where \(state.lastSeq + 1) must follow \(state.lastSeq)")
    }
    if checkChain && !state.headHash.matchesHex(record.prevHex) {
      throw LineDefect(
        byteOffsetInLine: record.line.count - 66,
        reason: "its prev does not match the SHA-256 of line \(record.lineNumber - 1)"
          + " (expected \(state.headHash.hexString))")
    }
    if let last = state.lastRecorded, record.recorded < last {
      throw LineDefect(
        byteOffsetInLine: 0,
        reason: "recorded \(record.recorded) is earlier than the previous record's \(last)")
    }
  }
}
