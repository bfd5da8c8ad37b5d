#if canImport(Glibc)
  import Glibc
#endif

/// The end of a log as read from its last line alone: how many records it holds and the
/// SHA-256 of its last line, without reading the rest.
///
/// Cheap (one read of the file's tail), so a cold process can tell whether something derived
/// from the log (a sidecar, a cache) still matches it. It is not a verification: it trusts
/// the lines before the last one. The head hash commits to the whole log as far as its chain
/// is intact, so any append, cut or re-chained rewrite changes it; only `LogVerifier` finds a
/// line changed in place without the chain being recomputed.
public struct LogHead: Sendable, Equatable {
  /// The `seq` of the last record, 0 if the log holds only its header.
  public let recordCount: Int64
  /// SHA-256 of the last line (the header's when there is no record).
  public let headHash: SHA256Digest
  /// The file's size: the offset just after the last line.
  public let byteCount: Int64
}

extension LogReader {
  /// The log's head from its last line, or nil if the file does not end in a complete, valid
  /// line (a torn tail, damage, an empty file): then only a full read can tell what it holds.
  public func head() throws -> LogHead? {
    let descriptor = try operations.open(path, flags: O_RDONLY, mode: 0)
    defer { operations.close(descriptor) }
    let size = try operations.size(descriptor)
    guard size > 0 else { return nil }
    var window = min(size, 64 << 10)
    while true {
      let bytes = try readExactly(descriptor, count: Int(window), at: size - window)
      guard bytes.last == 0x0A else { return nil }
      let head: LogHead?? = bytes.withUnsafeBytes { buffer in
        let body = UnsafeRawBufferPointer(rebasing: buffer[0..<(buffer.count - 1)])
        guard let newline = body.lastIndex(of: 0x0A) else {
          // No earlier newline in the window: the whole window is one line.
          guard window == size else { return LogHead??.none }
          return .some(Self.headerHead(body, size: size))
        }
        let line = UnsafeRawBufferPointer(rebasing: body[(newline + 1)...])
        if newline == body.count - 1 { return .some(nil) }  // an empty last line
        let offset = size - window + Int64(newline + 1)
        guard
          let record = try? RecordLineParser.parse(line, lineNumber: 0, byteOffset: offset),
          record.batchPart == record.batchParts
        else { return .some(nil) }  // not a record, or part of a batch not committed
        return .some(
          LogHead(recordCount: record.seq, headHash: SHA256.hash(line), byteCount: size))
      }
      if let head { return head }
      if window == size || window > Int64(Limits.lineBytesMax) + 1 { return nil }
      window = min(size, Int64(Limits.lineBytesMax) + 2)
    }
  }

  private static func headerHead(_ line: UnsafeRawBufferPointer, size: Int64) -> LogHead? {
    guard (try? RecordLineParser.parseHeader(line)) != nil else { return nil }
    return LogHead(recordCount: 0, headHash: SHA256.hash(line), byteCount: size)
  }

  private func readExactly(_ descriptor: Int32, count: Int, at offset: Int64) throws -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = try bytes.withUnsafeMutableBytes { buffer in
        try operations.read(
          descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]),
          at: offset + Int64(filled))
      }
      if got == 0 { break }
      filled += got
    }
    return Array(bytes[0..<filled])
  }
}
