#if canImport(Glibc)
  import Glibc
#endif

/// The one way records enter a log: locked, checked, written whole, synced, then acknowledged.
///
/// The append protocol (FORMAT.md section 6): take the exclusive `flock` → read what other
/// writers appended since, and move a torn tail aside → skip records whose id is present →
/// check the expected `seq` → write the whole batch, looping on short writes → fdatasync →
/// unlock → only then return. A failed write cuts the file back (invariant 8); a failed
/// fdatasync poisons the handle.
public final class LogWriter {
  /// How a writer touches the world; tests replace each part.
  public struct Options: Sendable {
    public var fileOperations: any FileOperations = SystemFileOperations()
    public var clock: any LogClock = SystemClock()
    /// How long to wait for another writer's lock before giving up.
    public var lockTimeoutMilliseconds = 10_000
    public var crashHook: CrashHook = .fromEnvironment
    /// Permission bits of a new log and its quarantine files: owner read-write, group read.
    public var fileMode: UInt32 = 0o640
    /// The format version of a new log (`create`); an existing log keeps its own.
    public var formatVersion: Int64 = LogFormat.version

    public init() {}
  }

  /// The log file.
  public let path: String
  /// The log's header.
  public var header: LogHeader { state.header }
  /// The `seq` of the last record, 0 for an empty log.
  public var lastSeq: Int64 { state.lastSeq }
  /// SHA-256 of the last line: what the next record's `prev` will be.
  public var headHash: SHA256Digest { state.headHash }
  /// The torn tails this writer moved aside, oldest first.
  public private(set) var recoveries: [Quarantine] = []
  /// The `seq`s of the records of the batch with this key, if it is in the log (as far as
  /// this writer has read it; `append` reads up to the end first).
  public func batch(key: SHA256Digest) -> ClosedRange<Int64>? { batches[key] }

  let options: Options
  let descriptor: Int32
  private var state: ChainState
  private var index = RecordIndex()
  /// The committed batches by their keys.
  private var batches: [SHA256Digest: ClosedRange<Int64>] = [:]
  private var poisoned = false

  /// Creates a new, empty log at `path`; fails if anything exists there.
  public static func create(
    path: String, name: String, options: Options = Options()
  ) throws(LogWriteError) -> LogWriter {
    if let problem = LogHeader.nameProblem(name) { throw .invalidDraft(problem) }
    guard LogFormat.readableVersions.contains(options.formatVersion) else {
      throw .invalidDraft("format version \(options.formatVersion) cannot be written")
    }
    let operations = options.fileOperations
    if operations.exists(path) { throw .alreadyExists(path: path) }
    var line = RecordLine.header(
      name: name, created: options.clock.now(), version: options.formatVersion)
    let defect: LineDefect? = line.withUnsafeBytes { buffer -> LineDefect? in
      do {
        _ = try RecordLineParser.parseHeader(buffer)
        return nil
      } catch {
        return error as? LineDefect ?? LineDefect(byteOffsetInLine: 0, reason: "\(error)")
      }
    }
    if let defect { throw .invalidDraft("the header would not be valid (\(defect.reason))") }
    line.append(0x0A)
    let temporary = path + ".creating-\(getpid())"
    do throws(FileError) {
      let descriptor = try operations.open(
        temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: options.fileMode)
      defer { operations.close(descriptor) }
      try operations.writeAll(descriptor, line, path: temporary)
      try operations.sync(descriptor)
    } catch {
      operations.remove(temporary)
      throw .cannotOpen(error)
    }
    defer { operations.remove(temporary) }
    do {
      try operations.link(temporary, to: path)
    } catch {
      throw error.code == EEXIST ? .alreadyExists(path: path) : .cannotOpen(error)
    }
    do {
      try operations.syncDirectory(directory(of: path))
    } catch {
      throw .cannotOpen(error)
    }
    return try LogWriter(path: path, options: options)
  }

  /// Opens an existing log for appending: reads it whole, checks it, moves a torn tail aside.
  public init(path: String, options: Options = Options()) throws(LogWriteError) {
    self.path = path
    self.options = options
    let descriptor: Int32
    do {
      descriptor = try options.fileOperations.open(path, flags: O_RDWR | O_APPEND, mode: 0)
    } catch {
      throw .cannotOpen(error)
    }
    self.descriptor = descriptor
    do {
      try Self.lock(descriptor, options: options, path: path)
    } catch {
      options.fileOperations.close(descriptor)
      throw Self.writeError(error)
    }
    do {
      let scan = ChainScan(
        reader: LineReader(operations: options.fileOperations, descriptor: descriptor, path: path))
      state = try scan.readHeader()
    } catch {
      options.fileOperations.unlock(descriptor)
      options.fileOperations.close(descriptor)
      throw Self.writeError(error)
    }
    defer { options.fileOperations.unlock(descriptor) }
    do {
      try catchUp()
    } catch {
      throw Self.writeError(error)
    }
  }

  deinit { options.fileOperations.close(descriptor) }

  /// Appends `drafts` as one batch, all or nothing, and returns once they are durable.
  ///
  /// In a format v2 log a batch of two or more records is marked (`part`/`parts`, and the
  /// batch key on its last record), so it is all or nothing across a crash too: a batch cut
  /// short is an unfinished last write, which the next writer moves aside whole. In a v1 log
  /// (no marks) a crash in the middle of the write may leave the batch's complete leading
  /// records, never acknowledged.
  ///
  /// `batchKey` names the batch (by default, for two or more drafts, `BatchKey.of(drafts)`);
  /// a single draft is marked only when a key is given. If a batch with that key is in the
  /// log already, nothing is written and the receipt names that batch's records (an
  /// idempotent retry, without ids). A draft whose id is in the log already is not appended
  /// again: its entry in the receipt names the existing record. With `expectedLastSeq`, the
  /// append fails with `conflict` unless the log still ends at that record.
  @discardableResult
  public func append(
    _ drafts: [RecordDraft], expectedLastSeq: Int64? = nil, batchKey: SHA256Digest? = nil
  ) throws(LogWriteError) -> AppendReceipt {
    guard !poisoned else { throw .handlePoisoned }
    let keys = try Self.checkDrafts(drafts)
    let marked = state.header.version >= 2 && (batchKey != nil || drafts.count >= 2)
    let batchKey = marked ? (batchKey ?? BatchKey.of(drafts)) : nil
    // The index is probed at random for every id: start the cache misses of a batch early,
    // so they overlap instead of stalling one lookup after another.
    if keys.count > 1 {
      for key in keys { index.prefetch(key: key) }
    }
    do {
      try Self.lock(descriptor, options: options, path: path)
    } catch {
      throw Self.writeError(error)
    }
    defer { options.fileOperations.unlock(descriptor) }
    do {
      try catchUp()
    } catch {
      throw Self.writeError(error)
    }
    if let batchKey, let seqs = batches[batchKey] {
      return try answerRecordedBatch(seqs)
    }
    // Records whose id is present already are retries: they are answered, not written.
    // The retries by draft index (usually none, so usually no allocation).
    var existing: [Int: LogRecord] = [:]
    var fresh: [(RecordDraft, String, UInt64)] = []
    fresh.reserveCapacity(drafts.count)
    for (draftIndex, (draft, key)) in zip(drafts, keys).enumerated() {
      let found = try draft.id.flatMap { id throws(LogWriteError) in
        try existingRecord(id: id, key: key)
      }
      if let found {
        guard Self.sameContent(found, draft) else {
          throw .idConflict(id: found.id, existingSeq: found.seq)
        }
        existing[draftIndex] = found
      } else {
        if let id = draft.id {
          fresh.append((draft, id, key))
        } else {
          let id = Self.generatedID()
          fresh.append((draft, id, IDKey.of(id)))
        }
      }
    }
    if let expected = expectedLastSeq, expected != state.lastSeq, !fresh.isEmpty {
      throw .conflict(expectedLastSeq: expected, actualLastSeq: state.lastSeq)
    }
    let now = options.clock.now()
    let recorded = max(now, state.lastRecorded ?? now)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(fresh.count * 400)
    var seq = state.lastSeq
    var prev = state.headHash
    var lineStarts: [Int] = []
    for (part, (draft, id, _)) in fresh.enumerated() {
      seq += 1
      let start = bytes.count
      lineStarts.append(start)
      RecordLine.append(
        seq: seq, id: id, recorded: recorded, draft: draft, prev: prev,
        batch: batchKey.map { (part + 1, fresh.count, $0) }, to: &bytes)
      if bytes.count - start > Limits.lineBytesMax {
        throw .invalidDraft(
          "record \(Visible.text(id)) would be \(bytes.count - start) bytes long; the maximum is"
            + " \(Limits.lineBytesMax)")
      }
      // The writer checks each line as the reader will, before anything is written. A line
      // the reader rejects (a `corrects` that names no earlier record, data nested deeper
      // than 64, a clock past 9999-12-31) would be acknowledged, then taken for a torn tail
      // and quarantined by the next writer, or reported as damage once records follow it:
      // an acknowledged record lost. Found by the clock and hostile-input tests.
      let defect: LineDefect? = bytes.withUnsafeBytes { buffer -> LineDefect? in
        do {
          _ = try RecordLineParser.parse(
            UnsafeRawBufferPointer(rebasing: buffer[start...]), lineNumber: Int(seq) + 1,
            byteOffset: 0)
          return nil
        } catch {
          return error as? LineDefect ?? LineDefect(byteOffsetInLine: 0, reason: "\(error)")
        }
      }
      if let defect {
        throw .invalidDraft(
          "record \(Visible.text(id)) would not be a valid log line (\(defect.reason))")
      }
      prev = bytes.withUnsafeBytes { SHA256.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) }
      bytes.append(0x0A)
    }
    if !fresh.isEmpty { try writeDurably(bytes) }
    var entries: [AppendReceipt.Entry] = []
    entries.reserveCapacity(drafts.count)
    var freshIndex = 0
    for draftIndex in drafts.indices {
      if let found = existing[draftIndex] {
        entries.append(
          .init(seq: found.seq, id: found.id, recorded: found.recorded, appended: false))
      } else {
        let newSeq = state.lastSeq + 1 + Int64(freshIndex)
        let (_, id, key) = fresh[freshIndex]
        entries.append(.init(seq: newSeq, id: id, recorded: recorded, appended: true))
        index.insert(key: key, seq: newSeq, offset: state.endOffset + Int64(lineStarts[freshIndex]))
        freshIndex += 1
      }
    }
    if fresh.isEmpty {
      return AppendReceipt(entries: entries, lastSeq: state.lastSeq, headHash: state.headHash)
    }
    if let batchKey { batches[batchKey] = (state.lastSeq + 1)...seq }
    state.lastSeq = seq
    state.headHash = prev
    state.lastRecorded = recorded
    state.endOffset += Int64(bytes.count)
    options.crashHook.reach(.afterSyncBeforeUnlock)
    return AppendReceipt(entries: entries, lastSeq: state.lastSeq, headHash: state.headHash)
  }

  // MARK: - Protocol steps

  /// Writes `bytes` at the end and syncs them; on a write error cuts back to the old end.
  private func writeDurably(_ bytes: [UInt8]) throws(LogWriteError) {
    let operations = options.fileOperations
    let previousEnd = state.endOffset
    options.crashHook.reach(.beforeWrite)
    let crashMidway = options.crashHook.shouldCrash(.afterPartialWrite)
    do throws(FileError) {
      try operations.writeAll(
        descriptor, bytes, path: path, midwayByteCount: crashMidway ? bytes.count / 2 : nil,
        midway: { CrashHook.crashNow() })
    } catch {
      do throws(FileError) {
        try operations.truncate(descriptor, to: previousEnd)
        try operations.sync(descriptor)
      } catch {
        poisoned = true
        throw .outcomeUnknown(error)
      }
      throw .notWritten(error)
    }
    options.crashHook.reach(.afterWriteBeforeSync)
    do throws(FileError) {
      try operations.sync(descriptor)
    } catch {
      poisoned = true
      throw .outcomeUnknown(error)
    }
  }

  /// Reads records other writers appended since we last looked; moves a torn tail aside.
  private func catchUp() throws {
    let size = try options.fileOperations.size(descriptor)
    if size < state.endOffset {
      throw LogDamage(
        kind: .shrunk, path: path, lineNumber: Int(state.lastSeq) + 1, byteOffset: size,
        reason: "the file is \(size) bytes long but held \(state.endOffset) bytes of records"
          + " when this writer last read it")
    }
    if size == state.endOffset { return }
    let scan = ChainScan(
      reader: LineReader(operations: options.fileOperations, descriptor: descriptor, path: path))
    var index = self.index
    var batches = self.batches
    let tail = try scan.scanRecords(continuing: &state) { record in
      if let key = record.batchKey {
        batches[key] = (record.seq - record.batchParts + 1)...record.seq
      }
      let key = IDKey.of(utf8: record.rawID)
      // Records are contiguous: the last one indexed so far ends where this one starts.
      if !index.candidates(forKey: key).isEmpty,
        let seq = try existingSeq(id: record.id, key: key, in: index, end: record.byteOffset)
      {
        throw LineDefect(
          byteOffsetInLine: 8,
          reason: "the id \(Visible.quoted(record.id)) is used already by record \(seq)")
      }
      index.insert(key: key, seq: record.seq, offset: record.byteOffset)
    }
    self.index = index
    self.batches = batches
    if let tail { try quarantine(tail) }
  }

  /// Copies the torn tail to a quarantine file, then cuts the log back (invariant 9).
  private func quarantine(_ tail: TornTail) throws {
    let operations = options.fileOperations
    var bytes = [UInt8](repeating: 0, count: Int(tail.byteCount))
    var filled = 0
    while filled < bytes.count {
      let count = try bytes.withUnsafeMutableBytes { buffer in
        try operations.read(
          descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]),
          at: tail.byteOffset + Int64(filled))
      }
      if count == 0 { break }
      filled += count
    }
    let digest = bytes.withUnsafeBytes { SHA256.hash($0) }.hexString.prefix(12)
    let target = "\(path).torn-\(tail.byteOffset)-\(digest)"
    if !operations.exists(target) {
      let temporary = target + ".tmp"
      operations.remove(temporary)
      let file = try operations.open(
        temporary, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: options.fileMode)
      do {
        defer { operations.close(file) }
        // The torn tail holds the log's data: the log's group, never a wider mode.
        try operations.restrictPermissions(file, like: path, mode: options.fileMode)
        try operations.writeAll(file, Array(bytes[0..<filled]), path: temporary)
        try operations.sync(file)
      }
      try operations.rename(temporary, to: target)
      try operations.syncDirectory(Self.directory(of: path))
    }
    options.crashHook.reach(.afterQuarantineCopy)
    try operations.truncate(descriptor, to: tail.byteOffset)
    options.crashHook.reach(.afterCut)
    try operations.sync(descriptor)
    recoveries.append(Quarantine(path: target, tail: tail))
  }

  // MARK: - Index and helpers

  /// The receipt for a batch whose key is in the log already: its records, none appended.
  private func answerRecordedBatch(_ seqs: ClosedRange<Int64>) throws(LogWriteError)
    -> AppendReceipt
  {
    var entries: [AppendReceipt.Entry] = []
    do {
      for seq in seqs {
        let record = try readRecord(seq: seq, in: index, end: state.endOffset)
        entries.append(
          .init(seq: record.seq, id: record.id, recorded: record.recorded, appended: false))
      }
    } catch {
      throw Self.writeError(error)
    }
    return AppendReceipt(entries: entries, lastSeq: state.lastSeq, headHash: state.headHash)
  }

  private func existingRecord(id: String, key: UInt64) throws(LogWriteError) -> LogRecord? {
    do {
      guard let seq = try existingSeq(id: id, key: key, in: index, end: state.endOffset) else {
        return nil
      }
      return try readRecord(seq: seq, in: index, end: state.endOffset)
    } catch let error as LogWriteError {
      throw error
    } catch {
      throw Self.writeError(error)
    }
  }

  /// The seq of the record with `id`, comparing ids exactly where their hashes collide.
  ///
  /// `index` and `end` (the offset just after its last record) are passed in, never read
  /// from `self`: `catchUp` calls this for a copy of the index that is ahead of
  /// `self.index`, while `self.state` is being updated (reading it then is an exclusivity
  /// violation, and `self.index` lacks the new records: both trapped, found by the fuzzer).
  private func existingSeq(
    id: String, key: UInt64, in index: RecordIndex, end: Int64
  ) throws -> Int64? {
    // Ids compare byte for byte (FORMAT.md section 3), never as Unicode text.
    for seq in index.candidates(forKey: key)
    where try readRecord(seq: seq, in: index, end: end).id.utf8.elementsEqual(id.utf8) {
      return seq
    }
    return nil
  }

  private func readRecord(seq: Int64, in index: RecordIndex, end endOfIndexed: Int64) throws
    -> LogRecord
  {
    let start = index.offset(of: seq)
    let end = seq == index.count ? endOfIndexed : index.offset(of: seq + 1)
    var bytes = [UInt8](repeating: 0, count: Int(end - start))
    var filled = 0
    while filled < bytes.count {
      let count = try bytes.withUnsafeMutableBytes { buffer in
        try options.fileOperations.read(
          descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]),
          at: start + Int64(filled))
      }
      if count == 0 { break }
      filled += count
    }
    return try bytes.withUnsafeBytes { buffer in
      try RecordLineParser.parse(
        UnsafeRawBufferPointer(rebasing: buffer[0..<max(0, filled - 1)]),
        lineNumber: Int(seq) + 1, byteOffset: start
      ).record()
    }
  }

  private static func sameContent(_ record: LogRecord, _ draft: RecordDraft) -> Bool {
    record.type == draft.type && record.stream == draft.stream
      && record.effective == draft.effective && record.by == draft.by
      && record.corrects == draft.corrects && record.dataBytes == draft.dataBytes
  }

  /// Checks the drafts' names and that no id appears twice; returns each draft's id key
  /// (`IDKey`, 0 for a draft without an id).
  private static func checkDrafts(_ drafts: [RecordDraft]) throws(LogWriteError) -> [UInt64] {
    guard drafts.count <= Limits.batchRecordsMax else {
      throw .invalidDraft(
        "a batch holds at most \(Limits.batchRecordsMax) records; got \(drafts.count)")
    }
    var keys = [UInt64](repeating: 0, count: drafts.count)
    if drafts.count == 1 {
      // One draft: nothing to compare with.
      if let problem = drafts[0].nameProblem() { throw .invalidDraft(problem) }
      keys[0] = drafts[0].id.map(IDKey.of) ?? 0
      return keys
    }
    var seen = IDKeyTable(capacity: drafts.count)
    for index in drafts.indices {
      let draft = drafts[index]
      if let problem = draft.nameProblem() { throw .invalidDraft(problem) }
      guard let id = draft.id else { continue }
      let key = IDKey.of(id)
      keys[index] = key
      // Equal keys are only candidates: the ids themselves decide.
      for other in seen.seqs(for: key)
      where drafts[Int(other)].id.map({ $0.utf8.elementsEqual(id.utf8) }) == true {
        throw .invalidDraft("the id \(Visible.text(id)) appears twice in one batch")
      }
      seen.insert(key: key, seq: Int64(index))
    }
    return keys
  }

  static func lock(_ descriptor: Int32, options: Options, path: String) throws {
    let operations = options.fileOperations
    if try operations.lockExclusive(descriptor, wait: false) { return }
    var waitedMicroseconds = 0
    var pauseMicroseconds: UInt32 = 200
    while waitedMicroseconds < options.lockTimeoutMilliseconds * 1000 {
      usleep(pauseMicroseconds)
      waitedMicroseconds += Int(pauseMicroseconds)
      pauseMicroseconds = min(pauseMicroseconds * 2, 20_000)
      if try operations.lockExclusive(descriptor, wait: false) { return }
    }
    throw LogWriteError.lockTimeout(path: path, milliseconds: options.lockTimeoutMilliseconds)
  }

  private static func writeError(_ error: any Error) -> LogWriteError {
    switch error {
    case let error as LogWriteError: return error
    case let damage as LogDamage: return .damaged(damage)
    case let error as FileError: return .notWritten(error)
    default: return .invalidDraft("\(error)")
    }
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  private static func generatedID() -> String {
    var generator = SystemRandomNumberGenerator()
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { byte in
      String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
    }.joined()
    let characters = Array(hex)
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
      .joined(separator: "-")
  }
}

/// What an append did, record by record.
public struct AppendReceipt: Sendable, Equatable {
  /// One drafted record's fate.
  public struct Entry: Sendable, Equatable {
    /// Its `seq` in the log.
    public let seq: Int64
    /// Its id (generated if the draft had none).
    public let id: String
    /// When it was recorded.
    public let recorded: LogInstant
    /// False if a record with this id was there already and nothing was written for it.
    public let appended: Bool
  }

  /// The entries in the order of the drafts.
  public let entries: [Entry]
  /// The log's last `seq` after the append.
  public let lastSeq: Int64
  /// SHA-256 of the log's last line after the append.
  public let headHash: SHA256Digest
}

/// A torn tail that was moved to a quarantine file.
public struct Quarantine: Sendable, Equatable {
  /// The quarantine file, beside the log.
  public let path: String
  /// What was moved.
  public let tail: TornTail
}

/// Where each record starts and which record has which id, kept by a writer.
///
/// Ids are kept as 64-bit keys (`IDKey`) in a flat table; a key found is only a candidate,
/// which the writer confirms by reading the record and comparing the ids exactly.
struct RecordIndex {
  private var offsets: [Int64] = []
  private var seqByIDKey = IDKeyTable()

  mutating func insert(id: String, seq: Int64, offset: Int64) {
    insert(key: IDKey.of(id), seq: seq, offset: offset)
  }

  mutating func insert(key: UInt64, seq: Int64, offset: Int64) {
    precondition(Int64(offsets.count) == seq - 1, "records are indexed in seq order")
    offsets.append(offset)
    seqByIDKey.insert(key: key, seq: seq)
  }

  /// Hints the cache to load where the lookup of `key` will probe.
  func prefetch(key: UInt64) { seqByIDKey.prefetch(key: key) }

  func candidates(for id: String) -> [Int64] {
    candidates(forKey: IDKey.of(id))
  }

  func candidates(forKey key: UInt64) -> [Int64] {
    let found = seqByIDKey.seqs(for: key)
    return found.count > 1 ? found.sorted() : found
  }

  func offset(of seq: Int64) -> Int64 { offsets[Int(seq - 1)] }

  /// How many records are indexed: the `seq` of the last one.
  var count: Int64 { Int64(offsets.count) }
}
