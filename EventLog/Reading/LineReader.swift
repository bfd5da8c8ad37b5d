#if canImport(Glibc)
  import Glibc
#endif

/// Reads a file line by line through a fixed buffer, so memory stays bounded.
struct LineReader {
  /// How the bytes after the last `\n` ended.
  struct Ending {
    /// The offset just after the last complete line.
    let endOfLines: Int64
    /// The file's size when reading stopped.
    let fileEnd: Int64
    /// The number of the line that was too long, if one was.
    let overlongLineNumber: Int?
  }

  let operations: any FileOperations
  let descriptor: Int32
  let path: String
  /// Bytes read per call; at least one maximal line plus its `\n`.
  var chunkBytes = 4 << 20

  /// Calls `body` with each complete line (without `\n`), its 1-based number and its offset.
  ///
  /// Reads from `firstOffset`, which must be the start of line `firstLineNumber`, up to `end`
  /// (default: the file's size now). `body` returns false to stop early.
  func forEachLine(
    from firstOffset: Int64, firstLineNumber: Int, upTo end: Int64? = nil,
    _ body: (UnsafeRawBufferPointer, Int, Int64) throws -> Bool
  ) throws -> Ending {
    let limit = try end ?? operations.size(descriptor)
    // Small files get a small buffer: a whole remaining file always fits one read.
    let capacity = Int(
      min(Int64(max(chunkBytes, Limits.lineBytesMax + 1) * 2), max(limit - firstOffset, 0) + 1))
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
    defer { buffer.deallocate() }
    guard let start = buffer.baseAddress else { preconditionFailure("allocation without base") }
    let base = UnsafeRawPointer(start)
    var readOffset = firstOffset  // file offset of the next byte to read
    var pendingStart = 0  // buffer index where unconsumed bytes begin
    var pendingEnd = 0  // buffer index after the last byte read
    var lineNumber = firstLineNumber
    var endOfLines = firstOffset
    while readOffset < limit {
      if pendingStart > 0 {
        let pending = pendingEnd - pendingStart
        if pending > 0 {
          memmove(start, base + pendingStart, pending)
        }
        pendingStart = 0
        pendingEnd = pending
      }
      let wanted = min(capacity - pendingEnd, Int(limit - readOffset))
      let count = try operations.read(
        descriptor,
        into: UnsafeMutableRawBufferPointer(rebasing: buffer[pendingEnd..<(pendingEnd + wanted)]),
        at: readOffset)
      if count == 0 { break }
      readOffset += Int64(count)
      pendingEnd += count
      while pendingStart < pendingEnd {
        guard
          let newline = memchr(base + pendingStart, 0x0A, pendingEnd - pendingStart)
        else { break }
        let lineEnd = UnsafeRawPointer(newline) - base
        let lineLength = lineEnd - pendingStart
        let lineOffset = endOfLines
        if lineLength > Limits.lineBytesMax {
          return Ending(endOfLines: endOfLines, fileEnd: limit, overlongLineNumber: lineNumber)
        }
        let line = UnsafeRawBufferPointer(start: base + pendingStart, count: lineLength)
        endOfLines += Int64(lineLength + 1)
        pendingStart = lineEnd + 1
        if try !body(line, lineNumber, lineOffset) {
          return Ending(endOfLines: endOfLines, fileEnd: limit, overlongLineNumber: nil)
        }
        lineNumber += 1
      }
      if pendingEnd - pendingStart > Limits.lineBytesMax {
        return Ending(endOfLines: endOfLines, fileEnd: limit, overlongLineNumber: lineNumber)
      }
    }
    return Ending(endOfLines: endOfLines, fileEnd: limit, overlongLineNumber: nil)
  }

  /// Where the complete lines after `start` end, and where the records a reader may take end.
  ///
  /// The records end with the lines, unless the last complete line is part `k < n` of a
  /// batch: then the batch is unfinished (its commit line is missing) and the records end
  /// where its part 1 starts, `k - 1` lines earlier. Reads backwards from `limit`: a few
  /// kilobytes for a log that does not end in an unfinished batch.
  func tailShape(from start: Int64, limit: Int64) throws -> TailShape {
    var newlines = BackwardNewlines(reader: self, floor: start, end: limit)
    guard let last = try newlines.previous() else {
      return TailShape(recordsEnd: start, linesEnd: start)
    }
    let linesEnd = last + 1
    let whole = TailShape(recordsEnd: linesEnd, linesEnd: linesEnd)
    let lastStart = try newlines.previous().map { $0 + 1 } ?? start
    let length = Int(last - lastStart)
    guard length >= 64, length <= Limits.lineBytesMax else { return whole }
    var bytes = [UInt8](repeating: 0, count: length)
    var filled = 0
    while filled < length {
      let count = try bytes.withUnsafeMutableBytes { buffer in
        try operations.read(
          descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]),
          at: lastStart + Int64(filled))
      }
      if count == 0 { return whole }
      filled += count
    }
    let mark: (part: Int64, parts: Int64)? = bytes.withUnsafeBytes { line in
      guard let record = try? RecordLineParser.parse(line, lineNumber: 0, byteOffset: lastStart)
      else { return nil }
      return (record.batchPart, record.batchParts)
    }
    guard let mark, mark.part >= 1, mark.part < mark.parts else { return whole }
    var batchStart = lastStart
    for _ in 1..<mark.part {
      guard let newline = try newlines.previous() else {
        batchStart = start
        break
      }
      batchStart = newline + 1
    }
    return TailShape(recordsEnd: batchStart, linesEnd: linesEnd)
  }

  /// The offset of the first `\n` at or after `offset`, or nil if there is none.
  func nextNewline(from offset: Int64) throws -> Int64? {
    let limit = try operations.size(descriptor)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var position = offset
    while position < limit {
      let count = try buffer.withUnsafeMutableBytes { chunk in
        try operations.read(descriptor, into: chunk, at: position)
      }
      if count == 0 { return nil }
      if let index = buffer[0..<count].firstIndex(of: 0x0A) { return position + Int64(index) }
      position += Int64(count)
    }
    return nil
  }
}

/// Where the complete lines after some offset end, and where the records a reader may take
/// from them end (before an unfinished batch at the end).
struct TailShape: Equatable {
  /// The end of the last record a reader may take (the start of an unfinished batch).
  let recordsEnd: Int64
  /// The offset just after the last `\n`.
  let linesEnd: Int64
}

/// Finds the `\n`s of a file from its end backwards, 64 KiB at a time.
struct BackwardNewlines {
  let reader: LineReader
  /// No newline before this offset is looked at.
  let floor: Int64
  private var buffer = [UInt8](repeating: 0, count: 1 << 16)
  /// The file offset of `buffer[0]`.
  private var windowStart: Int64
  /// How many bytes of `buffer` are still to be searched.
  private var remaining = 0

  init(reader: LineReader, floor: Int64, end: Int64) {
    self.reader = reader
    self.floor = floor
    self.windowStart = max(end, floor)
  }

  /// The offset of the next `\n` before the last one returned, or nil at `floor`.
  mutating func previous() throws -> Int64? {
    while true {
      if remaining > 0 {
        if let found = buffer[0..<remaining].lastIndex(of: 0x0A) {
          remaining = found
          return windowStart + Int64(found)
        }
        remaining = 0
      }
      guard windowStart > floor else { return nil }
      let count = Int(min(Int64(buffer.count), windowStart - floor))
      let newStart = windowStart - Int64(count)
      var filled = 0
      let reader = self.reader
      while filled < count {
        let got = try buffer.withUnsafeMutableBytes { bytes in
          try reader.operations.read(
            reader.descriptor,
            into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled..<count]),
            at: newStart + Int64(filled))
        }
        if got == 0 { break }
        filled += got
      }
      guard filled == count else {
        throw FileError(operation: "read", path: reader.path, code: EIO)
      }
      windowStart = newStart
      remaining = count
    }
  }
}
