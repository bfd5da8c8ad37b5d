#if canImport(Glibc)
  import Glibc
#endif

/// Streams the records of a log in order, checking each as it goes; memory stays bounded.
public struct LogReader: Sendable {
  /// What a read found besides the records.
  public struct Summary: Sendable, Equatable {
    /// The header and the state after the last valid record read.
    public let state: ChainState
    /// Bytes at the end that do not form a record, if any; they were not read as records.
    public let tornTail: TornTail?
  }

  /// The log file.
  public let path: String
  let operations: any FileOperations

  public init(path: String, fileOperations: any FileOperations = SystemFileOperations()) {
    self.path = path
    self.operations = fileOperations
  }

  /// Calls `body` with every record in `seq` order, up to `lastSeq` if given.
  ///
  /// Throws `LogDamage` where a bad line is followed by a valid one; stops before a torn
  /// tail and reports it in the summary. With `checkChain` false the `prev` hashes are not
  /// checked (only for replays that verified the log before).
  @discardableResult
  public func forEachRecord(
    upTo lastSeq: Int64? = nil, checkChain: Bool = true, _ body: (RawRecord) throws -> Void
  ) throws -> Summary {
    let descriptor = try operations.open(path, flags: O_RDONLY, mode: 0)
    defer { operations.close(descriptor) }
    var scan = ChainScan(
      reader: LineReader(operations: operations, descriptor: descriptor, path: path))
    scan.checkChain = checkChain
    var state = try scan.readHeader()
    if lastSeq == 0 { return Summary(state: state, tornTail: nil) }
    let tail = try scan.scanRecords(continuing: &state, stopAfterSeq: lastSeq, body)
    return Summary(state: state, tornTail: tail)
  }

  /// The log's header.
  public func header() throws -> LogHeader {
    let descriptor = try operations.open(path, flags: O_RDONLY, mode: 0)
    defer { operations.close(descriptor) }
    return try ChainScan(
      reader: LineReader(operations: operations, descriptor: descriptor, path: path)
    ).readHeader().header
  }

  /// All records, as owned copies; for small logs and tests.
  public func records(upTo lastSeq: Int64? = nil) throws -> [LogRecord] {
    var records: [LogRecord] = []
    try forEachRecord(upTo: lastSeq) { records.append($0.record()) }
    return records
  }
}
