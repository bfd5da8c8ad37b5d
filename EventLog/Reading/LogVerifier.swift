#if canImport(Glibc)
  import Glibc
#endif

/// What a successful verification found.
public struct VerifyReport: Sendable, Equatable {
  /// The log's header.
  public let header: LogHeader
  /// How many records the log holds.
  public let recordCount: Int64
  /// SHA-256 of the last line (the header's, for an empty log).
  public let headHash: SHA256Digest
  /// The checkpoint of the whole log as it is now, if it was asked for (`computeCheckpoint`)
  /// or a saved checkpoint was given; nil otherwise (the Merkle tree was not computed).
  public let checkpoint: Checkpoint?
  /// The saved checkpoint the log was checked against, if one was given.
  public let extendsCheckpoint: Checkpoint?
}

/// Checks a whole log, line by line, and never changes the file.
///
/// It checks the header, every line's JSON, `seq`, `prev`, `recorded` order, unique ids, and
/// optionally that the log extends a checkpoint saved earlier. A log that passes without a
/// checkpoint is only consistent: only a checkpoint held by someone else proves that it was
/// not rewritten (`LogDamage.checkpointNotice`).
public enum LogVerifier {
  /// Verifies the log at `path`; throws `LogDamage` naming the first bad line.
  ///
  /// With `.pipelined` (the default) a helper thread reads the file and computes every line's
  /// SHA-256 (and Merkle leaf hash, when the tree is computed) and id key while this thread
  /// checks the lines in order; the checks and the damage reported are those of `.sequential`.
  ///
  /// The Merkle tree is computed only when `computeCheckpoint` is true or `saved` is given:
  /// the chain checks do not need it. The report's `checkpoint` is nil otherwise.
  public static func verify(
    path: String, against saved: Checkpoint? = nil, computeCheckpoint: Bool = false,
    fileOperations: any FileOperations = SystemFileOperations(),
    concurrency: ReadConcurrency = .pipelined
  ) throws -> VerifyReport {
    let withTree = computeCheckpoint || saved != nil
    let descriptor = try fileOperations.open(path, flags: O_RDONLY, mode: 0)
    defer { fileOperations.close(descriptor) }
    let scan = ChainScan(
      reader: LineReader(operations: fileOperations, descriptor: descriptor, path: path))
    var state = try scan.readHeader()
    var tree = MerkleTreeBuilder()
    var rootAtSaved: SHA256Digest? = saved?.treeSize == 0 ? tree.rootHash() : nil
    // Ids by their 64-bit keys; records whose keys collide are compared exactly afterwards.
    // Keys are added in batches (the table's probes overlap); every record taken is added
    // before the verdict, and a scan that does not finish throws anyway.
    var seqByIDKey = IDKeyTable(capacity: 1 << 16)
    var collidingSeqs: Set<Int64> = []
    let batchSize = 4096
    var pendingKeys: [UInt64] = []
    var pendingSeqs: [Int64] = []
    pendingKeys.reserveCapacity(batchSize)
    pendingSeqs.reserveCapacity(batchSize)
    func flushKeys() {
      pendingKeys.withUnsafeBufferPointer { keys in
        pendingSeqs.withUnsafeBufferPointer { seqs in
          seqByIDKey.insertAll(keys: keys, seqs: seqs) { first, seq in
            collidingSeqs.insert(first)
            collidingSeqs.insert(seq)
          }
        }
      }
      pendingKeys.removeAll(keepingCapacity: true)
      pendingSeqs.removeAll(keepingCapacity: true)
    }
    func take(_ record: RawRecord, leafHash: SHA256Digest, idKey: UInt64) {
      pendingKeys.append(idKey)
      pendingSeqs.append(record.seq)
      if pendingKeys.count == batchSize { flushKeys() }
      guard withTree else { return }
      tree.append(leafHash: leafHash)
      if let saved, record.seq == saved.treeSize { rootAtSaved = tree.rootHash() }
    }
    let tail: TornTail?
    if concurrency == .pipelined {
      var pipelined = PipelinedChainScan(
        operations: fileOperations, descriptor: descriptor, path: path)
      pipelined.hashLeaves = withTree
      pipelined.keyIDs = true
      tail = try pipelined.scanRecords(continuing: &state) { record, leaf, key in
        take(record, leafHash: leaf, idKey: key)
      }
    } else {
      tail = try scan.scanRecords(continuing: &state) { record in
        take(
          record, leafHash: withTree ? MerkleTree.leafHash(record.line) : .zero,
          idKey: IDKey.of(utf8: record.rawID))
      }
    }
    if let tail {
      throw LogDamage(
        kind: .tornTail, path: path, lineNumber: tail.lineNumber, byteOffset: tail.byteOffset,
        reason: tail.reason)
    }
    flushKeys()
    if !collidingSeqs.isEmpty {
      try checkIDsExactly(path: path, seqs: collidingSeqs, fileOperations: fileOperations)
    }
    let checkpoint =
      withTree
      ? Checkpoint(
        origin: Checkpoint.origin(forLogNamed: state.header.name), treeSize: state.lastSeq,
        rootHash: tree.rootHash()) : nil
    if let saved, let checkpoint {
      try check(saved, path: path, current: checkpoint, rootAtSaved: rootAtSaved)
    }
    return VerifyReport(
      header: state.header, recordCount: state.lastSeq, headHash: state.headHash,
      checkpoint: checkpoint, extendsCheckpoint: saved)
  }

  private static func check(
    _ saved: Checkpoint, path: String, current: Checkpoint, rootAtSaved: SHA256Digest?
  ) throws {
    let line = Int(min(saved.treeSize, current.treeSize)) + 1
    if saved.origin != current.origin {
      throw LogDamage(
        kind: .checkpointMismatch, path: path, lineNumber: 1, byteOffset: 0,
        reason: "the checkpoint is for \(saved.origin), this log is \(current.origin)")
    }
    if saved.treeSize > current.treeSize {
      throw LogDamage(
        kind: .checkpointMismatch, path: path, lineNumber: line, byteOffset: 0,
        reason: "the checkpoint covers \(saved.treeSize) records, the log holds only"
          + " \(current.treeSize)")
    }
    if rootAtSaved != saved.rootHash {
      throw LogDamage(
        kind: .checkpointMismatch, path: path, lineNumber: line, byteOffset: 0,
        reason: "the tree hash of the first \(saved.treeSize) records differs from the"
          + " checkpoint's")
    }
  }

  /// Compares the ids of records whose id hashes collided, exactly, in a second pass.
  private static func checkIDsExactly(
    path: String, seqs: Set<Int64>, fileOperations: any FileOperations
  ) throws {
    // Ids compare byte for byte (FORMAT.md section 3): keyed by their UTF-8 bytes, never by
    // `String`, whose equality is canonical equivalence.
    var seqByID: [[UInt8]: Int64] = [:]
    try LogReader(path: path, fileOperations: fileOperations).forEachRecord(
      upTo: seqs.max(), checkChain: false
    ) { record in
      guard seqs.contains(record.seq) else { return }
      let id = Array(record.id.utf8)
      if let first = seqByID[id] {
        throw LogDamage(
          kind: .duplicateID, path: path, lineNumber: record.lineNumber,
          byteOffset: record.byteOffset,
          reason: "the id \(Visible.quoted(record.id)) is used already by record \(first)")
      }
      seqByID[id] = record.seq
    }
  }
}
