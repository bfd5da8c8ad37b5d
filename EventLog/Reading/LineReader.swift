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
