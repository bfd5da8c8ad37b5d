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
  /// The offset where the last valid line (or the header) starts.
  public internal(set) var lastLineOffset: Int64 = 0
  /// The batch the last valid record is a part of, if more parts must follow it.
  var openBatch: OpenBatch? = nil

  /// A batch whose commit line has not been read yet.
  struct OpenBatch: Sendable, Equatable {
    /// How many records the batch holds.
    let parts: Int64
    /// The part the next record must be.
    let nextPart: Int64
  }

  /// The batch open after `record`, which must be the next record (FORMAT.md section 3).
  func batchAfter(_ record: RawRecord) throws(LineDefect) -> OpenBatch? {
    let part = record.batchPart
    let parts = record.batchParts
    if header.version < 2 && part != 0 {
      throw LineDefect(
        byteOffsetInLine: 0,
        reason: "batch marks (part, parts, batch) are not allowed in a format version"
          + " \(header.version) log")
    }
    guard let open = openBatch else {
      if part == 0 { return nil }
      guard part == 1 else {
        throw LineDefect(
          byteOffsetInLine: 0,
          reason: "part \(part) of a batch of \(parts) follows no part \(part - 1)")
      }
      return parts == 1 ? nil : OpenBatch(parts: parts, nextPart: 2)
    }
    guard part == open.nextPart, parts == open.parts else {
      throw LineDefect(
        byteOffsetInLine: 0,
        reason: part == 0
          ? "a record outside any batch where part \(open.nextPart) of a batch of"
            + " \(open.parts) must follow"
          : "part \(part) of a batch of \(parts) where part \(open.nextPart) of a batch of"
            + " \(open.parts) must follow")
    }
    return part == parts ? nil : OpenBatch(parts: parts, nextPart: part + 1)
  }
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
  /// Only an unfinished last write is returned as a torn tail (FORMAT.md section 7): bytes
  /// after the last `\n`, and in a v2 log the complete lines of a batch whose commit line is
  /// missing (checked to be well-formed and to continue the chain). Every complete line
  /// before them must be a valid record: anything else throws `LogDamage`, since a complete
  /// line may hold an acknowledged record. Records of an unfinished batch are never passed to
  /// `body`. `body` may throw a `LineDefect` to mark a record bad (a duplicate id).
  func scanRecords(
    continuing state: inout ChainState, upTo end: Int64? = nil, stopAfterSeq: Int64? = nil,
    _ body: (RawRecord) throws -> Void
  ) throws -> TornTail? {
    let limit = try end ?? reader.operations.size(reader.descriptor)
    let shape = try reader.tailShape(from: state.endOffset, limit: limit)
    var brokenLink: (lineNumber: Int, offset: Int64, hash: SHA256Digest, reason: String)?
    var damage: LogDamage?
    var stopped = false
    let path = reader.path
    let ending = try reader.forEachLine(
      from: state.endOffset, firstLineNumber: Int(state.lastSeq) + 2, upTo: shape.recordsEnd
    ) { line, lineNumber, offset in
      if let link = brokenLink {
        // Line L's prev did not match line L-1. If this line chains from L, L is intact
        // and L-1 was changed; otherwise L itself was changed.
        let next = try? RecordLineParser.parse(line, lineNumber: lineNumber, byteOffset: offset)
        let blamed =
          next.map { link.hash.matchesHex($0.prevHex) } == true
          ? (
            link.lineNumber - 1,
            "its SHA-256 no longer matches the prev of line"
              + " \(link.lineNumber), which line \(lineNumber) confirms: line"
              + " \(link.lineNumber - 1) was changed after it was written"
          )
          : (link.lineNumber, link.reason)
        damage = LogDamage(
          kind: .badRecord, path: path, lineNumber: blamed.0,
          byteOffset: blamed.0 == link.lineNumber ? link.offset : -1, reason: blamed.1)
        return false
      }
      let record: RawRecord
      do {
        record = try RecordLineParser.parse(line, lineNumber: lineNumber, byteOffset: offset)
      } catch let defect as LineDefect {
        damage = LogDamage(
          kind: .badRecord, path: path, lineNumber: lineNumber, byteOffset: offset,
          reason: "the line is not a valid record (\(defect)); a complete line may hold an"
            + " acknowledged record, so it is not set aside as a torn write")
        return false
      }
      do {
        if checkChain && !state.headHash.matchesHex(record.prevHex)
          && record.seq == state.lastSeq + 1
        {
          brokenLink = (
            lineNumber, offset, SHA256.hash(line),
            "its prev does not match the SHA-256 of line \(lineNumber - 1)"
          )
          return true
        }
        try check(record, against: state)
        let openBatch = try state.batchAfter(record)
        try body(record)
        state.openBatch = openBatch
      } catch let defect as LineDefect {
        damage = LogDamage(
          kind: .badRecord, path: path, lineNumber: lineNumber, byteOffset: offset,
          reason: defect.reason)
        return false
      }
      state.lastSeq = record.seq
      if checkChain { state.headHash = SHA256.hash(line) }
      state.lastRecorded = record.recorded
      state.endOffset = offset + Int64(line.count + 1)
      state.lastLineOffset = offset
      if let stop = stopAfterSeq, record.seq >= stop { stopped = true }
      return !stopped
    }
    if var damage {
      if damage.byteOffset < 0 {
        damage = LogDamage(
          kind: damage.kind, path: path, lineNumber: damage.lineNumber,
          byteOffset: state.lastLineOffset, reason: damage.reason)
      }
      throw damage
    }
    if let link = brokenLink {
      throw LogDamage(
        kind: .badRecord, path: path, lineNumber: link.lineNumber - 1,
        byteOffset: state.lastLineOffset,
        reason: "line \(link.lineNumber - 1) or line \(link.lineNumber) was changed: the prev"
          + " of line \(link.lineNumber), the last record, does not match the SHA-256 of line"
          + " \(link.lineNumber - 1). Only a checkpoint can tell which",
        alsoSuspectsNextLine: true)
    }
    if stopped { return nil }
    if let overlong = ending.overlongLineNumber {
      throw LogDamage(
        kind: .badRecord, path: path, lineNumber: overlong, byteOffset: ending.endOfLines,
        reason: "a complete line is longer than the maximum of \(Limits.lineBytesMax) bytes;"
          + " a complete line may hold an acknowledged record, so it is not set aside as a torn"
          + " write")
    }
    if let open = state.openBatch {
      // The records end inside a batch that an unfinished batch follows: two open batches.
      throw LogDamage(
        kind: .badRecord, path: path, lineNumber: Int(state.lastSeq) + 2,
        byteOffset: state.endOffset,
        reason: "part \(open.nextPart) of the batch of \(open.parts) ending on line"
          + " \(state.lastSeq + 1) is missing, and another batch starts here")
    }
    if shape.recordsEnd < shape.linesEnd {
      return try unfinishedBatch(after: state, shape: shape, limit: limit)
    }
    if limit > shape.linesEnd {
      return TornTail(
        lineNumber: Int(state.lastSeq) + 2, byteOffset: shape.linesEnd,
        byteCount: limit - shape.linesEnd,
        reason: "the last \(limit - shape.linesEnd) bytes are not ended by a newline")
    }
    return nil
  }

  /// Checks the complete lines of an unfinished batch at the end (each well-formed, in the
  /// chain, the next part of one batch that is never committed) and returns them, with any
  /// bytes after them, as the torn tail; throws `LogDamage` at the first line that is not.
  private func unfinishedBatch(
    after committed: ChainState, shape: TailShape, limit: Int64
  ) throws -> TornTail {
    var state = committed
    var damage: LogDamage?
    var parts: (written: Int64, of: Int64) = (0, 0)
    let path = reader.path
    _ = try reader.forEachLine(
      from: shape.recordsEnd, firstLineNumber: Int(state.lastSeq) + 2, upTo: shape.linesEnd
    ) { line, lineNumber, offset in
      do {
        let record = try RecordLineParser.parse(line, lineNumber: lineNumber, byteOffset: offset)
        if checkChain && !state.headHash.matchesHex(record.prevHex) {
          throw LineDefect(
            byteOffsetInLine: 0,
            reason: "its prev does not match the SHA-256 of line \(lineNumber - 1)")
        }
        try check(record, against: state)
        guard record.batchPart >= 1 else {
          throw LineDefect(byteOffsetInLine: 0, reason: "the record is not part of a batch")
        }
        state.openBatch = try state.batchAfter(record)
        guard state.openBatch != nil else {
          throw LineDefect(byteOffsetInLine: 0, reason: "the batch is committed here")
        }
        parts = (record.batchPart, record.batchParts)
        state.lastSeq = record.seq
        state.headHash = SHA256.hash(line)
        state.lastRecorded = record.recorded
        return true
      } catch let defect as LineDefect {
        damage = LogDamage(
          kind: .badRecord, path: path, lineNumber: lineNumber, byteOffset: offset,
          reason: "the line is not the next part of the unfinished batch at the end of the"
            + " log (\(defect.reason)); a complete line may hold an acknowledged record")
        return false
      }
    }
    if let damage { throw damage }
    let rest = limit - shape.linesEnd
    return TornTail(
      lineNumber: Int(committed.lastSeq) + 2, byteOffset: shape.recordsEnd,
      byteCount: limit - shape.recordsEnd,
      reason: "an unfinished batch: \(parts.written) of its \(parts.of) records were written"
        + " but not its last, which commits it"
        + (rest > 0 ? ", and \(rest) bytes of an unfinished line follow" : ""))
  }

  private func check(_ record: RawRecord, against state: ChainState) throws(LineDefect) {
    guard record.seq == state.lastSeq + 1 else {
      throw LineDefect(
        byteOffsetInLine: 7,
        reason: "seq is \(record.seq) where \(state.lastSeq + 1) must follow \(state.lastSeq)")
    }
    if let last = state.lastRecorded, record.recorded < last {
      throw LineDefect(
        byteOffsetInLine: 0,
        reason: "recorded \(record.recorded) is earlier than the previous record's \(last)")
    }
  }
}
