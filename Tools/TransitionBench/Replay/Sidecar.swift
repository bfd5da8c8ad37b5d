import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// The log state a sidecar was built from: record count, SHA-256 of the last line, and the
/// byte size of the log up to that line.
public struct SidecarStamp: Sendable, Equatable {
  /// The `seq` of the last record folded into the sidecar.
  public let recordCount: Int64
  /// SHA-256 of that record's line (of the header's, for an empty log).
  public let headHash: SHA256Digest
  /// The offset just after that line.
  public let logBytes: Int64

  public init(recordCount: Int64, headHash: SHA256Digest, logBytes: Int64) {
    self.recordCount = recordCount
    self.headHash = headHash
    self.logBytes = logBytes
  }

  /// The stamp of the log as it is now, read from its last line alone (see `LogHead`), or
  /// nil if its end is not a complete valid record (then it must be read in full).
  public static func current(
    logPath: String, fileOperations: any FileOperations = SystemFileOperations()
  ) throws -> SidecarStamp? {
    guard let head = try LogReader(path: logPath, fileOperations: fileOperations).head() else {
      return nil
    }
    return SidecarStamp(
      recordCount: head.recordCount, headHash: head.headHash, logBytes: head.byteCount)
  }
}

/// A rebuildable file beside a log that holds a fold's result; never the source of truth.
///
/// A cold process answers from it without replaying the log.
///
/// The file is `<log>.<kind>.sidecar`. It carries the stamp of the log state it was built
/// from and a checksum of its own bytes (`Checksum64`); `load` accepts it only if both still hold, so a
/// sidecar that is stale (the log grew or was rewritten), damaged, of another kind or of
/// another version is never used. `loadOrRebuild` replays the log and writes a fresh one in
/// that case. Writing goes to a temporary file that is synced and renamed over the old one,
/// so a reader sees the old sidecar or the new one, never a mixture.
///
/// Layout (integers little-endian, no floating point anywhere):
///
///     "transition-sidecar 2 <kind>\n"        the magic line
///     record count   Int64                    the stamp
///     log bytes      Int64
///     head hash      32 bytes
///     payload count  Int64
///     payload        payload-count bytes     whatever the fold encodes
///     checksum       UInt64                  `Checksum64` of every byte before it
///
/// (Format 1 ended in a SHA-256; a cache needs only to catch damage, and `Checksum64` checks
/// the bytes about six times faster, which is most of a cold W4 query.)
///
/// The stamp is checked against the log's last line only (`LogHead`): cheap, and enough to
/// see any append, cut or re-chained rewrite. A line changed in place without its chain being
/// recomputed is what `LogVerifier` is for.
public struct Sidecar: Sendable {
  /// The log the sidecar belongs to.
  public let logPath: String
  /// What the payload holds and how it is encoded, such as `asof-index.v1`.
  ///
  /// 1 to 64 characters of `A-Z a-z 0-9 . - _`. Change it whenever the encoding changes.
  public let kind: String
  /// The sidecar file.
  public var path: String { logPath + "." + kind + ".sidecar" }
  private let operations: any FileOperations

  /// A sidecar of `kind` for the log at `logPath`.
  ///
  /// - Precondition: `kind` is 1 to 64 characters of `A-Z a-z 0-9 . - _`.
  public init(
    logPath: String, kind: String, fileOperations: any FileOperations = SystemFileOperations()
  ) {
    precondition(
      !kind.isEmpty && kind.utf8.count <= 64
        && kind.utf8.allSatisfy { byte in
          (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
            || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F
        },
      "a sidecar kind is 1 to 64 characters of A-Z, a-z, 0-9, '.', '-' and '_'")
    self.logPath = logPath
    self.kind = kind
    self.operations = fileOperations
  }

  /// What `load` found.
  public enum Lookup: Sendable, Equatable {
    /// The sidecar matches the log as it is now.
    case fresh(payload: [UInt8], stamp: SidecarStamp)
    /// There is no sidecar.
    case missing
    /// The sidecar is intact but was built from another state of the log.
    case stale(SidecarStamp)
    /// The sidecar's bytes do not check out (or the log's end cannot be read cheaply); the
    /// reason in words.
    case unusable(String)
  }

  /// Where a payload came from.
  public enum Source: String, Sendable {
    /// From a fresh sidecar.
    case sidecar
    /// From a replay of the log, after which the sidecar was rewritten.
    case rebuilt
  }

  /// Reads the sidecar and checks its checksum and its stamp against the log's last line.
  public func load() throws -> Lookup {
    guard let bytes = try readFile() else { return .missing }
    let stored: (stamp: SidecarStamp, payload: [UInt8])
    switch decode(bytes) {
    case .success(let value): stored = value
    case .failure(let problem): return .unusable(problem.reason)
    }
    guard let current = try SidecarStamp.current(logPath: logPath, fileOperations: operations)
    else { return .unusable("the log does not end in a complete record") }
    guard current == stored.stamp else { return .stale(stored.stamp) }
    return .fresh(payload: stored.payload, stamp: stored.stamp)
  }

  /// Writes a sidecar holding `payload` for the log state `stamp`, durably, replacing any.
  public func write(payload: [UInt8], stamp: SidecarStamp) throws {
    let bytes = encode(payload: payload, stamp: stamp)
    let temporary = path + ".tmp-\(getpid())"
    operations.remove(temporary)
    let descriptor = try operations.open(
      temporary, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o640)
    let outcome = Result {
      try operations.restrictPermissions(descriptor, like: logPath, mode: 0o640)
      try writeAll(bytes, to: descriptor, path: temporary)
    }
    operations.close(descriptor)
    if case .failure(let error) = outcome {
      operations.remove(temporary)
      throw error
    }
    try operations.rename(temporary, to: path)
  }

  private func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
    var written = 0
    while written < bytes.count {
      let count = try bytes.withUnsafeBytes { all in
        try operations.write(descriptor, UnsafeRawBufferPointer(rebasing: all[written...]))
      }
      if count == 0 { throw FileError(operation: "write", path: path, code: EIO) }
      written += count
    }
    try operations.sync(descriptor)
  }

  /// Removes the sidecar, if there is one.
  public func remove() { operations.remove(path) }

  /// The payload of a fresh sidecar; otherwise replays the whole log into `makeFold()`,
  /// encodes the fold with `encode`, writes the sidecar and returns that payload.
  ///
  /// The replay checks the chain and runs with `concurrency`. If the log ends in a torn tail
  /// the payload covers the records before it and no sidecar is written (the next append
  /// repairs the log; the sidecar is built after that).
  public func loadOrRebuild<Fold: RecordFold>(
    concurrency: ReadConcurrency = .pipelined, makeFold: () -> Fold,
    encode: (Fold) throws -> [UInt8]
  ) throws -> (payload: [UInt8], source: Source, lookup: Lookup) {
    let lookup = try load()
    if case .fresh(let payload, _) = lookup { return (payload, .sidecar, lookup) }
    var fold = makeFold()
    let outcome = try Replay.run(
      path: logPath, into: &fold, options: ReplayOptions(concurrency: concurrency),
      fileOperations: operations)
    let payload = try encode(fold)
    if let stamp = outcome.stamp { try write(payload: payload, stamp: stamp) }
    return (payload, .rebuilt, lookup)
  }

  // MARK: - Encoding

  private var magic: [UInt8] { Array("transition-sidecar 2 \(kind)\n".utf8) }

  /// The sidecar's bytes.
  func encode(payload: [UInt8], stamp: SidecarStamp) -> [UInt8] {
    var bytes = magic
    bytes.reserveCapacity(bytes.count + 56 + payload.count + 8)
    Self.append(stamp.recordCount, to: &bytes)
    Self.append(stamp.logBytes, to: &bytes)
    bytes.append(contentsOf: stamp.headHash.bytes)
    Self.append(Int64(payload.count), to: &bytes)
    bytes.append(contentsOf: payload)
    Self.append(Int64(bitPattern: Checksum64.of(bytes)), to: &bytes)
    return bytes
  }

  /// Why a sidecar's bytes are not usable.
  struct Problem: Error {
    let reason: String
  }

  /// The stamp and payload in `bytes`, or why they cannot be trusted.
  func decode(_ bytes: [UInt8]) -> Result<(stamp: SidecarStamp, payload: [UInt8]), Problem> {
    let magic = self.magic
    let fixed = magic.count + 56
    guard bytes.count >= fixed + 8, bytes[0..<magic.count].elementsEqual(magic) else {
      return .failure(Problem(reason: "not a \(kind) sidecar of format 2"))
    }
    let checked = bytes.withUnsafeBytes { all in
      Checksum64.of(UnsafeRawBufferPointer(rebasing: all[0..<(all.count - 8)]))
    }
    guard Int64(bitPattern: checked) == Self.int64(bytes, at: bytes.count - 8) else {
      return .failure(Problem(reason: "its checksum does not match its bytes"))
    }
    let recordCount = Self.int64(bytes, at: magic.count)
    let logBytes = Self.int64(bytes, at: magic.count + 8)
    let headHash = SHA256Digest(bytes: bytes[(magic.count + 16)..<(magic.count + 48)])
    let payloadCount = Self.int64(bytes, at: magic.count + 48)
    guard payloadCount >= 0, payloadCount <= Int64(bytes.count),
      Int64(fixed) + payloadCount + 8 == Int64(bytes.count)
    else {
      return .failure(Problem(reason: "its payload length does not match its size"))
    }
    let stamp = SidecarStamp(recordCount: recordCount, headHash: headHash, logBytes: logBytes)
    return .success((stamp, Array(bytes[fixed..<(fixed + Int(payloadCount))])))
  }

  private static func append(_ value: Int64, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  private static func int64(_ bytes: [UInt8], at offset: Int) -> Int64 {
    bytes.withUnsafeBytes {
      Int64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }
  }

  /// The whole sidecar file, or nil if there is none.
  private func readFile() throws -> [UInt8]? {
    guard operations.exists(path) else { return nil }
    let descriptor = try operations.open(path, flags: O_RDONLY, mode: 0)
    defer { operations.close(descriptor) }
    let size = try operations.size(descriptor)
    var bytes = [UInt8](repeating: 0, count: Int(size))
    var filled = 0
    while filled < bytes.count {
      let count = try bytes.withUnsafeMutableBytes { buffer in
        try operations.read(
          descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]),
          at: Int64(filled))
      }
      if count == 0 { break }
      filled += count
    }
    return Array(bytes[0..<filled])
  }
}
