#if canImport(Glibc)
  import Glibc
#endif

extension LogReader {
  /// Calls `body` with every record in `seq` order, up to `lastSeq` if given, reading on two
  /// threads when `concurrency` is `.pipelined`.
  ///
  /// Checks exactly what `forEachRecord(upTo:checkChain:_:)` checks and reports torn tails
  /// and damage the same way: with `.pipelined` a helper thread reads and hashes the next
  /// chunk while this thread parses, checks and hands over the current one. Memory stays
  /// bounded (three chunks of 4 MiB and their line tables). `body` runs on the calling thread.
  @discardableResult
  public func forEachRecord(
    upTo lastSeq: Int64? = nil, checkChain: Bool = true, concurrency: ReadConcurrency,
    _ body: (RawRecord) throws -> Void
  ) throws -> Summary {
    guard concurrency == .pipelined else {
      return try forEachRecord(upTo: lastSeq, checkChain: checkChain, body)
    }
    let descriptor = try operations.open(path, flags: O_RDONLY, mode: 0)
    defer { operations.close(descriptor) }
    let reader = LineReader(operations: operations, descriptor: descriptor, path: path)
    var state = try ChainScan(reader: reader).readHeader()
    if lastSeq == 0 { return Summary(state: state, tornTail: nil) }
    var scan = PipelinedChainScan(operations: operations, descriptor: descriptor, path: path)
    scan.checkChain = checkChain
    let tail = try scan.scanRecords(continuing: &state, stopAfterSeq: lastSeq) { record, _ in
      try body(record)
    }
    return Summary(state: state, tornTail: tail)
  }
}
