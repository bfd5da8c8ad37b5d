import EventLog
import TransitionDomain

#if canImport(Glibc)
  import Glibc
#endif

/// A rebuildable file beside a log holding its folded `Ledger`; never the source of truth.
///
/// The file is `<log>.projections`. Because the ledger is bitemporal, one sidecar answers every
/// known-at up to the records it covers. For speed, its staffing index also keeps snapshots of
/// the folded employees at intervals of valid time, as corrected and known at the sidecar's
/// last record: a default staffing query starts from the last snapshot before its day; any
/// other known-at or the as-recorded mode folds the index's facts up to its day.
///
/// (1) The sidecar holds the stamp of the log prefix it was folded from: the record count, the
///     byte size of that prefix, the SHA-256 of its last line (the chain's head: it commits
///     to every line before it) and the log file's change time (`st_ctime`, nanoseconds) when
///     it was folded.
/// (2) It is used only when its header checksum holds and the log's line ending at the stamped
///     size hashes to the stamped head. If the log is exactly that long and its change time is
///     the stamped one, it is fresh: the file was not written since its chain was checked (a
///     line changed in place changes the change time, which no user can set back). If the log
///     grew it is extended by folding only the new records; otherwise (missing, damaged,
///     rewritten, cut, another format) the log is replayed and the sidecar rewritten.
/// (3) It is written to a temporary file, synced and renamed over the old one, so a reader
///     sees the old or the new sidecar, never a mixture, and a mapped sidecar never changes
///     under its reader. Failing to write it is not an error: the answer comes from the replay
///     all the same.
/// (4) It is memory-mapped, not read: opening it reads the header and the core section (the
///     `recorded` instant and type of every record, 9 bytes a record). Every other section
///     (record ids, corrections, staff facts, the versions of each event type, the staffing
///     index; see `LedgerSection`) has its own checksum, checked when a query first reads it; a section
///     that fails its checksum is taken from a replay of the log instead (`StoredLedger`).
///     So a cold query reads only what it answers from. The staffing index checks each of its
///     blocks and snapshots on first read; a damaged one sends the query to the staff facts.
///
/// Layout (integers little-endian):
///
///     "transition-projections 6\n"   magic, zero-padded to 32 bytes
///     record count, log bytes,        the stamp (Int64 each)
///     log change time (ns)            -1 - the change time when unsettled (rule 5)
///     head hash (32 bytes)
///     section count (Int64)
///     per section: offset, length,    (Int64, Int64, UInt64)
///       checksum
///     header checksum (UInt64)        `Checksum64` of every byte before it
///     sections, each at an offset that is a multiple of 8
///
/// (5) A file system keeps change times to its own resolution (one second on some, a clock
///     tick of a few milliseconds on others), so a line changed in place in the same tick as
///     the log was last written leaves the change time as it was. A sidecar whose fold began
///     less than `settleNanoseconds` (2 s) after the log's change time is stamped unsettled;
///     before an unsettled sidecar answers for a log of exactly its size, the log's hash chain
///     is read again up to the stamped head (a line changed in place breaks the chain; one
///     changed with a recomputed chain changes the head). Once the margin has passed, the
///     first use whose check holds rewrites the sidecar settled (a copy with the new stamp,
///     renamed over it), so the chain is read again only until then. A grown log is always read whole
///     with its chain checked when the sidecar is extended. (Format 5 did not check this, nor
///     duplicate ids: its sidecars are rebuilt.)
///
/// Checksums are `Checksum64` (xxHash64's construction): they catch damage, not forgery. A
/// forger who can write the sidecar can recompute any checksum kept in it; the log's hash
/// chain and its checkpoints are what prove the records, and `transition verify` and `audit`
/// read the log itself.
public struct ProjectionSidecar: Sendable {
  /// How a ledger was obtained.
  public enum Origin: String, Sendable, Equatable {
    /// Read from a sidecar that matched the log.
    case sidecar
    /// Read from a sidecar of a prefix of the log, then extended with the new records.
    case extended
    /// Replayed from the log because the sidecar was missing, damaged or did not match.
    case rebuilt
    /// Replayed from the log without a sidecar.
    case replayed
  }

  /// The state of the log a sidecar was built from.
  public struct Stamp: Equatable, Sendable {
    /// Records folded.
    public let recordCount: Int64
    /// Bytes of the log up to and including the last folded line's newline.
    public let logBytes: Int64
    /// SHA-256 of the last folded line (of the header for an empty log).
    public let headHash: SHA256Digest
    /// The log file's change time when it was folded, in nanoseconds since 1970.
    public var changeTimeNanoseconds: Int64 = 0
  }

  /// What `load` found.
  public enum Lookup: Sendable {
    /// The sidecar matches the log exactly.
    case fresh(Ledger)
    /// The sidecar matches a prefix of the log; the log has grown since.
    case prefix(Ledger, Stamp)
    /// There is no sidecar.
    case missing
    /// The sidecar cannot be used; the reason in words.
    case unusable(String)
  }

  /// The log.
  public let logPath: String
  /// The sidecar file.
  public var path: String { logPath + ".projections" }
  /// The resolution the log's change time is read with, in nanoseconds: 1 reads it as the file
  /// system keeps it; tests pass a coarser one to act as a file system with coarse times.
  let changeTimeResolution: Int64
  /// How long after the log's change time a fold must begin for its sidecar to be settled.
  static let settleNanoseconds: Int64 = 2_000_000_000
  private static let magic: [UInt8] = {
    let text = Array("transition-projections 6\n".utf8)
    return text + Array(repeating: 0, count: 32 - text.count)
  }()

  /// A sidecar for the log at `logPath`.
  public init(logPath: String) { self.init(logPath: logPath, changeTimeResolution: 1) }

  /// A sidecar for the log at `logPath` whose change time is read to `changeTimeResolution`
  /// nanoseconds (tests).
  init(logPath: String, changeTimeResolution: Int64) {
    self.logPath = logPath
    self.changeTimeResolution = max(1, changeTimeResolution)
  }

  /// The ledger of the whole log: from the sidecar, extended, or replayed and written anew.
  public func ledger() throws -> (Ledger, Origin) {
    switch load() {
    case .fresh(let ledger):
      return (ledger, .sidecar)
    case .prefix(var ledger, _):
      let changeTime = logChangeTime()
      let started = Self.now()
      if let state = try? ledger.extend(fromLog: logPath), ledger.readFailure == nil {
        writeIfUnchanged(ledger, state: state, changeTime: changeTime, started: started)
        return (ledger, .extended)
      }
    case .missing, .unusable:
      break
    }
    let changeTime = logChangeTime()
    let started = Self.now()
    var ledger = Ledger.spilling(besideLog: logPath)
    let state = try ledger.extend(fromLog: logPath)
    writeIfUnchanged(ledger, state: state, changeTime: changeTime, started: started)
    return (ledger, .rebuilt)
  }

  /// Writes the sidecar unless the log was written while it was being read; unsettled (rule
  /// 5) when the fold began within `settleNanoseconds` of the log's change time.
  private func writeIfUnchanged(
    _ ledger: Ledger, state: ChainState, changeTime: Int64?, started: Int64
  ) {
    guard let changeTime, logChangeTime() == changeTime else { return }
    var stamp = Stamp(state)
    // At least twice the resolution (a test's coarse clock may be coarser than a second).
    let margin = max(Self.settleNanoseconds, 2 * changeTimeResolution)
    let settled = started >= changeTime &+ margin
    stamp.changeTimeNanoseconds = settled ? changeTime : -1 - changeTime
    try? write(ledger, stamp: stamp)
  }

  /// Whether the log's hash chain still runs, complete, to the stamped head at the stamped
  /// size (rule 5).
  private func chainHolds(_ stamp: Stamp) -> Bool {
    guard
      let summary = try? LogReader(path: logPath).forEachRecord(
        upTo: stamp.recordCount, checkChain: true, { _ in })
    else { return false }
    return summary.tornTail == nil && summary.state.lastSeq == stamp.recordCount
      && summary.state.headHash == stamp.headHash && summary.state.endOffset == stamp.logBytes
  }

  /// Rewrites an unsettled sidecar whose chain was just checked as settled (rule 5).
  ///
  /// Only once the settling margin has passed since the log's change time, so that later
  /// queries do not read the chain again: a copy with the stamp's change time and the header
  /// checksum changed, synced and renamed over it (rule 3). Best effort: on any failure it
  /// stays unsettled.
  private func settle(_ file: MappedFile, headerEnd: Int, changeTime: Int64) {
    let margin = max(Self.settleNanoseconds, 2 * changeTimeResolution)
    guard Self.now() >= changeTime &+ margin, file.isFile(at: path) else { return }
    var header = ByteWriter()
    header.bytes = Array(file.bytes[0..<headerEnd])
    var time = ByteWriter()
    time.int(changeTime)
    header.bytes.replaceSubrange(48..<56, with: time.bytes)
    header.int(Int64(bitPattern: Checksum64.of(header.bytes)))
    var template = Array((path + Self.temporaryInfix + "XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard descriptor >= 0 else { return }
    let temporary = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    // The same mode as `write` gives: the log's group, never wider than the log.
    guard
      (try? SystemFileOperations().restrictPermissions(descriptor, like: logPath, mode: 0o640))
        != nil
    else {
      close(descriptor)
      unlink(temporary)
      return
    }
    func put(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
      var written = 0
      while written < bytes.count {
        let count = pwrite(
          descriptor, bytes.baseAddress.map { $0 + written }, bytes.count - written,
          off_t(offset + written))
        guard count > 0 else { return false }
        written += count
      }
      return true
    }
    let rest = UnsafeRawBufferPointer(rebasing: file.bytes[(headerEnd + 8)...])
    let ok =
      header.bytes.withUnsafeBytes { put($0, at: 0) } && put(rest, at: headerEnd + 8)
      && fsync(descriptor) == 0
    close(descriptor)
    guard ok, rename(temporary, path) == 0 else {
      unlink(temporary)
      return
    }
  }

  /// Now, in nanoseconds since 1970 (the clock file change times are taken from).
  static func now() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
  }

  /// Maps the sidecar and checks its header against itself and the log (rules 1, 2 and 4);
  /// with `checkingEverySection`, every section's checksum too (else each is checked when
  /// first read).
  public func load(checkingEverySection: Bool = false) -> Lookup {
    guard let file = MappedFile(path: path) else {
      return Self.fileSize(path) == nil
        ? .missing : .unusable("it is empty, cannot be read or is not a regular file")
    }
    let bytes = file.bytes
    let fixed = 32 + 8 * 3 + 32 + 8
    guard bytes.count >= fixed + 8, Array(bytes[0..<32]) == Self.magic else {
      return .unusable("it is not a projections sidecar of this version")
    }
    var reader = ByteReader(bytes)
    reader.offset = 32
    guard let count = try? reader.int(), let logBytes = try? reader.int(),
      let changeTime = try? reader.int(), let head = try? reader.bytes(32),
      let sectionCount = try? reader.count(), sectionCount == LedgerSection.count,
      reader.offset + sectionCount * 24 + 8 <= bytes.count
    else { return .unusable("its header is cut short or of another version") }
    var sections: [Range<Int>] = []
    var checksums: [UInt64] = []
    for _ in 0..<sectionCount {
      guard let offset = try? reader.int(), let length = try? reader.int(),
        let checksum = try? reader.int()
      else { return .unusable("its header is cut short") }
      guard offset >= 0, length >= 0, offset <= Int64(bytes.count) - length else {
        return .unusable("a section lies outside the file")
      }
      sections.append(Int(offset)..<Int(offset + length))
      checksums.append(UInt64(bitPattern: checksum))
    }
    let headerEnd = reader.offset
    guard let headerChecksum = try? reader.int(),
      UInt64(bitPattern: headerChecksum)
        == Checksum64.of(UnsafeRawBufferPointer(rebasing: bytes[0..<headerEnd]))
    else { return .unusable("its header checksum does not match its bytes") }
    let stamp = Stamp(
      recordCount: count, logBytes: logBytes, headHash: SHA256Digest(bytes: Array(head)),
      changeTimeNanoseconds: changeTime)
    guard let logSize = Self.fileSize(logPath), logSize >= logBytes,
      let line = Self.line(endingAt: logBytes, in: logPath), SHA256.hash(line) == stamp.headHash
    else { return .unusable("it was built from another state of the log") }
    let stored = StoredLedger(
      file: file, sections: sections, checksums: checksums, logPath: logPath, sidecarPath: path,
      lastSeq: count)
    if checkingEverySection, !stored.checkAll() {
      return .unusable("a section's checksum does not match its bytes")
    }
    guard let core = stored.section(LedgerSection.core) else {
      return .unusable("its core section's checksum does not match its bytes")
    }
    let ledger: Ledger
    do {
      ledger = try Ledger(core: core, stored: stored)
    } catch {
      return .unusable("its core section does not decode")
    }
    guard ledger.lastSeq == count else { return .unusable("its ledger does not match its stamp") }
    if logSize == logBytes {
      let settled = changeTime >= 0
      guard logChangeTime() == (settled ? changeTime : -1 - changeTime) else {
        return .unusable("the log was written since the sidecar was made")
      }
      guard settled || chainHolds(stamp) else {
        return .unusable(
          "the log was changed in place within its file system's time resolution of the"
            + " sidecar being made")
      }
      if !settled { settle(file, headerEnd: headerEnd, changeTime: -1 - changeTime) }
      return .fresh(ledger)
    }
    return .prefix(ledger, stamp)
  }

  /// Writes the sidecar for `ledger` folded from the log state `stamp` (rule 3), one section
  /// at a time.
  public func write(_ ledger: Ledger, stamp: Stamp) throws {
    var ledger = ledger
    ledger.own()
    if let failure = ledger.readFailure { throw failure }
    Self.removeAbandonedTemporaries(of: path)
    var template = Array((path + Self.temporaryInfix + "XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    let temporary = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard descriptor >= 0 else {
      throw FileError(operation: "mkstemp", path: temporary, code: errno)
    }
    // The cache holds every employee id, function and FTE of the log: the log's group and a
    // mode no wider than the log's, never world-readable.
    do {
      try SystemFileOperations().restrictPermissions(descriptor, like: logPath, mode: 0o640)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    func fail(_ operation: String, _ code: Int32) -> FileError {
      close(descriptor)
      unlink(temporary)
      return FileError(operation: operation, path: temporary, code: code)
    }
    func put(_ bytes: [UInt8], at offset: Int) throws {
      var written = 0
      while written < bytes.count {
        let count = bytes.withUnsafeBytes {
          pwrite(
            descriptor, $0.baseAddress.map { $0 + written }, $0.count - written,
            off_t(offset + written))
        }
        guard count > 0 else { throw fail("write", errno) }
        written += count
      }
    }
    let sectionCount = LedgerSection.count
    let headerSize = 32 + 8 * 3 + 32 + 8 + sectionCount * 24 + 8
    var offset = (headerSize + 7) / 8 * 8
    var directory: [(offset: Int, length: Int, checksum: UInt64)] = []
    for index in 0..<sectionCount {
      let start = offset
      var checksum = Checksum64.Stream()
      try ledger.encodeSection(index) { bytes in
        try put(bytes, at: offset)
        checksum.update(bytes)
        offset += bytes.count
      }
      directory.append((start, offset - start, checksum.value))
      let padding = (8 - offset % 8) % 8
      try put(Array(repeating: 0, count: padding), at: offset)
      offset += padding
    }
    var header = ByteWriter()
    header.bytes = Self.magic
    header.int(stamp.recordCount)
    header.int(stamp.logBytes)
    header.int(stamp.changeTimeNanoseconds)
    header.bytes.append(contentsOf: stamp.headHash.bytes)
    header.int(Int64(sectionCount))
    for entry in directory {
      header.int(Int64(entry.offset))
      header.int(Int64(entry.length))
      header.int(Int64(bitPattern: entry.checksum))
    }
    header.int(Int64(bitPattern: Checksum64.of(header.bytes)))
    try put(header.bytes, at: 0)
    guard fsync(descriptor) == 0 else { throw fail("fsync", errno) }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw FileError(operation: "rename", path: path, code: code)
    }
  }

  /// What a temporary sidecar's name adds to the sidecar's.
  static let temporaryInfix = ".tmp-"

  /// Removes temporary sidecars of `path` older than an hour: left by a process that died
  /// while writing one (a live writer takes about a minute for a million records).
  static func removeAbandonedTemporaries(of path: String) {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let prefix = (slash.map { String(path[path.index(after: $0)...]) } ?? path) + temporaryInfix
    guard let stream = opendir(directory.isEmpty ? "/" : directory) else { return }
    defer { closedir(stream) }
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasPrefix(prefix) else { continue }
      let full = (directory.isEmpty ? "" : directory) + "/" + name
      var info = stat()
      if stat(full, &info) == 0, now.tv_sec - info.st_mtim.tv_sec > 3_600 { unlink(full) }
    }
  }

  /// Removes the sidecar, if there is one.
  public func remove() { unlink(path) }

  // MARK: - Files

  static func changeTime(_ path: String) -> Int64? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
  }

  /// The log's change time, to `changeTimeResolution`.
  func logChangeTime() -> Int64? {
    Self.changeTime(logPath).map { $0 - $0 % changeTimeResolution }
  }

  static func fileSize(_ path: String) -> Int64? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int64(info.st_size)
  }

  /// The line (without its newline) whose newline is the byte before `end`, read backwards.
  static func line(endingAt end: Int64, in path: String) -> [UInt8]? {
    guard end >= 1 else { return nil }
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    var line: [UInt8] = []
    var position = end - 1
    var checkedNewline = false
    let chunkSize: Int64 = 64 * 1024
    while position > 0 || !checkedNewline {
      let start = max(0, position - chunkSize)
      var chunk = [UInt8](repeating: 0, count: Int(position - start + (checkedNewline ? 0 : 1)))
      let count = chunk.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress, $0.count, off_t(start))
      }
      guard count == chunk.count else { return nil }
      if !checkedNewline {
        guard chunk.last == 0x0A else { return nil }
        chunk.removeLast()
        checkedNewline = true
      }
      if let newline = chunk.lastIndex(of: 0x0A) {
        return Array(chunk[(newline + 1)...]) + line
      }
      line = chunk + line
      position = start
      if start == 0 { return line }
    }
    return line
  }
}

extension ProjectionSidecar.Stamp {
  init(_ state: ChainState) {
    self.init(recordCount: state.lastSeq, logBytes: state.endOffset, headHash: state.headHash)
  }
}
