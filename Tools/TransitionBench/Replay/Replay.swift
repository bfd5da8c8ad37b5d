import EventLog

/// A read model built by folding records in `seq` order.
///
/// The replay calls `apply` once per record, on one thread, in log order. The record is a
/// view into the reader's buffer, valid only during the call: copy what you keep. Throwing
/// stops the replay and the error propagates to the caller of `Replay.run`.
///
///     struct CountByType: RecordFold {
///       var transfers = 0
///       mutating func apply(_ record: RawRecord) throws {
///         if record.typeIs("staff.transferred") { transfers += 1 }
///       }
///     }
///     var fold = CountByType()
///     let outcome = try Replay.run(path: logPath, into: &fold)
public protocol RecordFold {
  /// Takes one record into the fold.
  mutating func apply(_ record: RawRecord) throws
}

/// How a replay reads the log.
public struct ReplayOptions: Sendable, Equatable {
  /// Fold only the records with `seq <= upToSeq` (the state as known at that record);
  /// nil folds them all.
  public var upToSeq: Int64?
  /// Whether each line's `prev` is checked against the SHA-256 of the line before.
  ///
  /// Every line is always parsed strictly and its `seq` and `recorded` order checked; turning
  /// this off skips only the hashing, and is for a replay right after a verification of the
  /// same log (say so wherever its result is shown).
  public var checkChain: Bool
  /// Whether the log is read on one thread or on two (a helper reads and hashes the next
  /// chunk while the calling thread parses and folds the current one).
  public var concurrency: ReadConcurrency

  /// Options for a full, chain-checked replay on two threads.
  public init(
    upToSeq: Int64? = nil, checkChain: Bool = true, concurrency: ReadConcurrency = .pipelined
  ) {
    self.upToSeq = upToSeq
    self.checkChain = checkChain
    self.concurrency = concurrency
  }
}

/// What a replay read.
public struct ReplayOutcome: Sendable, Equatable {
  /// The log's header.
  public let header: LogHeader
  /// How many records were folded.
  public let recordsFolded: Int64
  /// The `seq` of the last record folded (0 if none).
  public let lastSeq: Int64
  /// SHA-256 of the last line folded (or of the header); `.zero` if the chain was not checked.
  public let headHash: SHA256Digest
  /// The offset just after the last line folded.
  public let endOffset: Int64
  /// Bytes at the end of the log that are not a complete record (an interrupted write), if
  /// the replay reached them; they were not folded.
  public let tornTail: TornTail?

  /// The stamp of exactly the log state that was folded, for a sidecar; nil if the chain was
  /// not checked (then the head hash is unknown) or the replay stopped before the log's end.
  public let stamp: SidecarStamp?
}

/// Streams a log through the EventLog reader into a fold; memory stays bounded whatever the
/// log's size (the reader holds a few chunks, never all records).
public enum Replay {
  /// Folds the records of the log at `path` into `fold`, as `options` say.
  ///
  /// Throws `LogDamage` where the log is damaged (the fold then holds a partial state: discard
  /// it), a file error, or what `fold.apply` throws. A torn tail is not an error: the replay
  /// stops before it and reports it in the outcome.
  @discardableResult
  public static func run<Fold: RecordFold>(
    path: String, into fold: inout Fold, options: ReplayOptions = ReplayOptions(),
    fileOperations: any FileOperations = SystemFileOperations()
  ) throws -> ReplayOutcome {
    let reader = LogReader(path: path, fileOperations: fileOperations)
    var count: Int64 = 0
    let summary = try reader.forEachRecord(
      upTo: options.upToSeq, checkChain: options.checkChain, concurrency: options.concurrency
    ) { record in
      try fold.apply(record)
      count += 1
    }
    let state = summary.state
    let complete =
      options.checkChain && summary.tornTail == nil
      && (options.upToSeq.map { state.lastSeq < $0 } ?? true)
    return ReplayOutcome(
      header: state.header, recordsFolded: count, lastSeq: state.lastSeq,
      headHash: options.checkChain ? state.headHash : .zero, endOffset: state.endOffset,
      tornTail: summary.tornTail,
      stamp: complete
        ? SidecarStamp(
          recordCount: state.lastSeq, headHash: state.headHash, logBytes: state.endOffset)
        : nil)
  }
}
