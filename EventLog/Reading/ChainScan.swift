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
  /// Returns the torn tail if the bytes after the last valid record are not well-formed
  /// record lines and none follows them (what an interrupted write leaves). Throws
  /// `LogDamage` if a malformed line is followed by a well-formed one, or if a well-formed
  /// line breaks the chain: our writer never writes such a line, so it is never dropped as a
  /// torn tail. `body` may throw a `LineDefect` to mark a record bad (a duplicate id).
  func scanRecords(
    continuing state: inout ChainState, upTo end: Int64? = nil, stopAfterSeq: Int64? = nil,
    _ body: (RawRecord) throws -> Void
  ) throws -> TornTail? {
    var malformed: (lineNumber: Int, offset: Int64, reason: String)?
    var wellFormedFollows = false
    var brokenLink: (lineNumber: Int, offset: Int64, hash: SHA256Digest, reason: String)?
    var damage: LogDamage?
    var stopped = false
    let path = reader.path
    let ending = try reader.forEachLine(
      from: state.endOffset, firstLineNumber: Int(state.lastSeq) + 2, upTo: end
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
      if malformed != nil {
        if (try? RecordLineParser.parse(line, lineNumber: lineNumber, byteOffset: offset)) != nil {
          wellFormedFollows = true
          return false
        }
        return true
      }
      let record: RawRecord
      do {
        record = try RecordLineParser.parse(line, lineNumber: lineNumber, byteOffset: offset)
      } catch let defect as LineDefect {
        malformed = (lineNumber, offset, defect.description)
        return true
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
        try body(record)
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
      let start = malformed?.offset ?? ending.endOfLines
      let reason = "a line is longer than the maximum of \(Limits.lineBytesMax) bytes"
      // An overlong line is not well-formed: with no well-formed record after it, it is a
      // torn tail like any other (FORMAT.md section 7), such as the zeros a power cut leaves
      // where a batch over 1 MiB was pending. Before, it was always damage, so such a log
      // could not be opened for appending again (found by the power-loss tests).
      if !wellFormedFollows, try !wellFormedRecordFollows(overlongLineAt: ending.endOfLines) {
        return TornTail(
          lineNumber: malformed?.lineNumber ?? overlong, byteOffset: start,
          byteCount: ending.fileEnd - start, reason: reason + ", and no valid record follows")
      }
      throw LogDamage(
        kind: .badRecord, path: path, lineNumber: overlong, byteOffset: start, reason: reason)
    }
    if let defect = malformed {
      if wellFormedFollows {
        throw LogDamage(
          kind: .badRecord, path: path, lineNumber: defect.lineNumber,
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

  /// Whether a well-formed record line follows the overlong line starting at `offset`.
  private func wellFormedRecordFollows(overlongLineAt offset: Int64) throws -> Bool {
    var overlongStart = offset
    while let newline = try reader.nextNewline(from: overlongStart + Int64(Limits.lineBytesMax)) {
      var found = false
      let ending = try reader.forEachLine(from: newline + 1, firstLineNumber: 0) { line, _, at in
        found = (try? RecordLineParser.parse(line, lineNumber: 0, byteOffset: at)) != nil
        return !found
      }
      if found { return true }
      guard ending.overlongLineNumber != nil else { return false }
      overlongStart = ending.endOfLines
    }
    return false
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
