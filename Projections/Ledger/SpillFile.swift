import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// An unnamed temporary file the replay writes the canonical bytes of each event to, so that
/// the ledger holds a few numbers per record and never the records themselves.
///
/// The file is unlinked as soon as it is made (nothing is left behind, whatever happens to the
/// process); bytes are appended through a buffer and read back by range. If the disk fills,
/// the bytes not yet written stay in memory: the replay goes on, only heavier. Reading back is rare
/// during the fold (a patch reads the version it patches) and happens per event type when a view
/// first asks for it.
final class SpillFile: Sendable {
  private struct State {
    var descriptor: Int32
    /// Bytes appended but not yet written to the file; they start at `written`.
    var buffer: [UInt8] = []
    /// Bytes already in the file.
    var written = 0
    /// Whether writing failed (a full disk): from then on the bytes stay in `buffer`.
    var inMemory = false
    /// Tests: every write fails from now on, as on a full disk.
    var diskFull = false
  }
  private let state: Mutex<State>
  private static let bufferSize = 1 << 20

  /// A spill "file" in memory (a ledger that is not a replay of a log file).
  init() {
    state = Mutex(State(descriptor: -1, inMemory: true))
  }

  /// A spill file in `directory` (the log's, so it is on a disk with room for the log); nil
  /// when none can be made there or in the temporary directory.
  init?(directory: String) {
    guard let made = Self.unlinkedTemporary(in: directory, prefix: ".transition-spill-") else {
      return nil
    }
    state = Mutex(State(descriptor: made.descriptor))
  }

  /// A new temporary file in `directory` (or else `/tmp`), unlinked at once so that nothing
  /// is left behind: its open descriptor and the directory it is in; nil when none can be
  /// made in either.
  static func unlinkedTemporary(in directory: String, prefix: String)
    -> (descriptor: Int32, directory: String)?
  {
    for place in [directory, "/tmp"] {
      var template = Array((place + "/" + prefix + "XXXXXX").utf8CString)
      let made = template.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return Int32(-1) }
        let descriptor = mkstemp(base)
        if descriptor >= 0 { unlink(base) }
        return descriptor
      }
      if made >= 0 { return (made, place) }
    }
    return nil
  }

  deinit {
    state.withLock { if $0.descriptor >= 0 { close($0.descriptor) } }
  }

  /// Makes every later write fail as on a full disk (tests).
  func simulateFullDisk() { state.withLock { $0.diskFull = true } }

  /// Whether the bytes now stay in memory because writing failed.
  var keepsBytesInMemory: Bool { state.withLock { $0.inMemory } }

  /// Appends `bytes`; returns where they are.
  func append(_ bytes: [UInt8]) -> Range<Int> {
    state.withLock { state in
      let start = state.written + state.buffer.count
      state.buffer.append(contentsOf: bytes)
      if state.buffer.count >= Self.bufferSize && !state.inMemory { Self.flush(&state) }
      return start..<start + bytes.count
    }
  }

  /// The bytes at `range` (as `append` returned it).
  func read(_ range: Range<Int>) -> [UInt8] {
    state.withLock { state in
      if range.lowerBound >= state.written {
        let start = range.lowerBound - state.written
        return Array(state.buffer[start..<start + range.count])
      }
      if !state.inMemory { Self.flush(&state) }
      var bytes = [UInt8](repeating: 0, count: range.count)
      var done = 0
      while done < range.count {
        let count = bytes.withUnsafeMutableBytes {
          pread(
            state.descriptor, $0.baseAddress.map { $0 + done }, range.count - done,
            off_t(range.lowerBound + done))
        }
        guard count > 0 else {
          preconditionFailure("the replay's spill file cannot be read back (errno \(errno))")
        }
        done += count
      }
      return bytes
    }
  }

  /// Writes the buffer to the file; if that fails (a full disk), keeps it and every later
  /// byte in memory instead.
  private static func flush(_ state: inout State) {
    if state.diskFull {
      state.inMemory = true
      return
    }
    var done = 0
    while done < state.buffer.count {
      let count = state.buffer.withUnsafeBytes {
        pwrite(
          state.descriptor, $0.baseAddress.map { $0 + done }, $0.count - done,
          off_t(state.written + done))
      }
      guard count > 0 else {
        state.inMemory = true
        return
      }
      done += count
    }
    state.written += state.buffer.count
    state.buffer.removeAll(keepingCapacity: true)
  }
}
