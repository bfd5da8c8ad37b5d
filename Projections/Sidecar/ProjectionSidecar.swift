import EventLog
import TransitionDomain

#if canImport(Glibc)
  import Glibc
#endif

/// A rebuildable file beside a log holding its folded `Ledger`; never the source of truth.
///
/// The file is `<log>.projections`. Because the ledger is bitemporal, one sidecar answers every
/// known-at up to the records it covers; no per-N snapshots are needed.
///
/// (1) The sidecar holds the stamp of the log prefix it was folded from: the record count, the
///     byte size of that prefix, the SHA-256 of its last line (the chain's head: it commits
///     to every line before it) and the log file's change time (`st_ctime`, nanoseconds) when
///     it was folded; it ends in a SHA-256 of its own bytes.
/// (2) It is used only when its checksum holds and the log's line ending at the stamped size
///     hashes to the stamped head. If the log is exactly that long and its change time is the
///     stamped one, it is fresh: the file was not written since its chain was checked (a line
///     changed in place changes the change time, which no user can set back). If the log grew
///     it is extended by folding only the new records; otherwise (missing, damaged, rewritten,
///     cut, another format) the log is replayed and the sidecar rewritten.
/// (3) It is written to a temporary file, synced and renamed over the old one, so a reader
///     sees the old or the new sidecar, never a mixture. Failing to write it is not an error:
///     the answer comes from the replay all the same.
///
/// Layout (integers little-endian Int64):
///
///     "transition-projections 3\n"   magic
///     record count, log bytes,        the stamp
///     log change time (ns)
///     head hash (32 bytes)
///     payload byte count, payload     `Ledger.encoded()`
///     checksum (32 bytes)             SHA-256 of every byte before it
///
/// Not the generic `Sidecar` of `Projections/Replay` (not merged when this was written); the
/// stamp is the same idea, so switching to it later changes only this file.
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
  private static let magic = Array("transition-projections 3\n".utf8)

  /// A sidecar for the log at `logPath`.
  public init(logPath: String) { self.logPath = logPath }

  /// The ledger of the whole log: from the sidecar, extended, or replayed and written anew.
  public func ledger() throws -> (Ledger, Origin) {
    switch load() {
    case .fresh(let ledger):
      return (ledger, .sidecar)
    case .prefix(var ledger, _):
      let changeTime = Self.changeTime(logPath)
      if let state = try? ledger.extend(fromLog: logPath) {
        writeIfUnchanged(ledger, state: state, changeTime: changeTime)
        return (ledger, .extended)
      }
    case .missing, .unusable:
      break
    }
    let changeTime = Self.changeTime(logPath)
    var ledger = Ledger()
    let state = try ledger.extend(fromLog: logPath)
    writeIfUnchanged(ledger, state: state, changeTime: changeTime)
    return (ledger, .rebuilt)
  }

  /// Writes the sidecar unless the log was written while it was being read.
  private func writeIfUnchanged(_ ledger: Ledger, state: ChainState, changeTime: Int64?) {
    guard let changeTime, Self.changeTime(logPath) == changeTime else { return }
    var stamp = Stamp(state)
    stamp.changeTimeNanoseconds = changeTime
    try? write(ledger, stamp: stamp)
  }

  /// Reads the sidecar and checks it against itself and the log (rules 1 and 2).
  public func load() -> Lookup {
    guard let bytes = Self.readFile(path) else { return .missing }
    let fixed = Self.magic.count + 8 + 8 + 8 + 32 + 8
    guard bytes.count >= fixed + 32, Array(bytes.prefix(Self.magic.count)) == Self.magic else {
      return .unusable("it is not a projections sidecar of this version")
    }
    let bodyCount = bytes.count - 32
    let checksum = bytes.withUnsafeBytes {
      SHA256.hash(UnsafeRawBufferPointer(rebasing: $0[0..<bodyCount]))
    }
    guard checksum.bytes == Array(bytes.suffix(32)) else {
      return .unusable("its checksum does not match its bytes")
    }
    var reader = ByteReader(bytes, count: bodyCount)
    reader.offset = Self.magic.count
    guard let count = try? reader.int(), let logBytes = try? reader.int(),
      let changeTime = try? reader.int()
    else {
      return .unusable("its stamp is cut short")
    }
    let head = SHA256Digest(bytes: bytes[reader.offset..<reader.offset + 32])
    reader.offset += 32
    guard let length = try? reader.count(), reader.offset + length == bodyCount else {
      return .unusable("its payload length is wrong")
    }
    let stamp = Stamp(
      recordCount: count, logBytes: logBytes, headHash: head, changeTimeNanoseconds: changeTime)
    guard let logSize = Self.fileSize(logPath), logSize >= logBytes,
      let line = Self.line(endingAt: logBytes, in: logPath), SHA256.hash(line) == head
    else { return .unusable("it was built from another state of the log") }
    let ledger: Ledger
    do {
      ledger = try Ledger(decoding: bytes, in: reader.offset..<bodyCount)
    } catch {
      return .unusable("its ledger does not decode: \(error.reason)")
    }
    guard ledger.lastSeq == count else { return .unusable("its ledger does not match its stamp") }
    if logSize == logBytes {
      guard Self.changeTime(logPath) == changeTime else {
        return .unusable("the log was written since the sidecar was made")
      }
      return .fresh(ledger)
    }
    return .prefix(ledger, stamp)
  }

  /// Writes the sidecar for `ledger` folded from the log state `stamp` (rule 3).
  public func write(_ ledger: Ledger, stamp: Stamp) throws {
    var writer = ByteWriter()
    writer.bytes = Self.magic
    writer.int(stamp.recordCount)
    writer.int(stamp.logBytes)
    writer.int(stamp.changeTimeNanoseconds)
    writer.bytes.append(contentsOf: stamp.headHash.bytes)
    let payload = ledger.encoded()
    writer.int(Int64(payload.count))
    writer.bytes.append(contentsOf: payload)
    writer.bytes.append(contentsOf: SHA256.hash(writer.bytes).bytes)
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw FileError(operation: "open", path: temporary, code: errno) }
    var written = 0
    while written < writer.bytes.count {
      let count = writer.bytes.withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress.map { $0 + written }, $0.count - written)
      }
      guard count > 0 else {
        let code = errno
        close(descriptor)
        unlink(temporary)
        throw FileError(operation: "write", path: temporary, code: code)
      }
      written += count
    }
    let synced = fsync(descriptor)
    close(descriptor)
    guard synced == 0, rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw FileError(operation: "rename", path: path, code: code)
    }
  }

  /// Removes the sidecar, if there is one.
  public func remove() { unlink(path) }

  // MARK: - Files

  static func readFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    var failed = false
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var done = 0
      while done < size {
        let count = read(descriptor, buffer.baseAddress.map { $0 + done }, size - done)
        if count <= 0 {
          failed = count < 0
          break
        }
        done += count
      }
      initialized = done
    }
    guard !failed else { return nil }
    // The file grew while being read (it should not): read the rest the slow way.
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 { return nil }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  static func changeTime(_ path: String) -> Int64? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
  }

  static func fileSize(_ path: String) -> Int64? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int64(info.st_size)
  }

  /// The line (without its newline) whose newline is the byte before `end`, read backwards.
  static func line(endingAt end: Int64, in path: String) -> [UInt8]? {
    guard end >= 1 else { return nil }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
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
