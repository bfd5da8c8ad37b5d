import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// A disk behind the log's file-operations seam that can lose power.
///
/// Each file keeps its durable bytes (what survives a power cut) and its current bytes
/// (what reads see: the page cache). `sync` makes a file's current bytes durable;
/// directory entries (create, link, rename, remove) are pending until `syncDirectory`.
/// A power cut keeps the durable bytes plus any prefix of the pending ones, optionally
/// followed by filler (zeros, or random bytes) up to the current length: the file size
/// reached the disk but the data did not. Every mutating call takes a snapshot, so a
/// test can cut the power after any step of a run and enumerate the states it may leave.
/// One thread only.
final class SimulatedDisk: FileOperations, @unchecked Sendable {
  struct FileState: Hashable {
    var durable: [UInt8] = []
    var current: [UInt8] = []
  }

  /// The whole disk at one moment.
  struct Snapshot: Hashable {
    var files: [Int: FileState] = [:]
    var names: [String: Int] = [:]
    var durableNames: [String: Int] = [:]

    /// A path's current bytes, or nil.
    func current(_ path: String) -> [UInt8]? { names[path].flatMap { files[$0]?.current } }
  }

  private(set) var state = Snapshot()
  private var descriptors: [Int32: Int] = [:]
  private var lockHolders: [Int: Int32] = [:]
  private var nextInode = 1
  private var nextDescriptor: Int32 = 3
  /// Snapshots after each mutating call, when `recording`.
  private(set) var snapshots: [Snapshot] = []
  var recording = false
  /// Fails the n-th sync (1-based) with this errno; the pending bytes stay pending.
  var failSync: (number: Int, code: Int32)?
  private(set) var syncCount = 0

  init() {}

  /// A disk holding exactly `snapshot`'s chosen state, all of it durable.
  init(restoring snapshot: Snapshot) {
    state = snapshot
    nextInode = (snapshot.files.keys.max() ?? 0) + 1
  }

  private func mutated() { if recording { snapshots.append(state) } }

  func contents(_ path: String) -> [UInt8]? { state.current(path) }

  // MARK: - FileOperations

  func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
    let inode: Int
    if let existing = state.names[path] {
      if flags & O_CREAT != 0 && flags & O_EXCL != 0 {
        throw FileError(operation: "open", path: path, code: EEXIST)
      }
      inode = existing
      if flags & O_TRUNC != 0 {
        state.files[inode]?.current = []
        mutated()
      }
    } else if flags & O_CREAT != 0 {
      inode = nextInode
      nextInode += 1
      state.files[inode] = FileState()
      state.names[path] = inode
      mutated()
    } else {
      throw FileError(operation: "open", path: path, code: ENOENT)
    }
    let descriptor = nextDescriptor
    nextDescriptor += 1
    descriptors[descriptor] = inode
    return descriptor
  }

  func close(_ descriptor: Int32) {
    if let inode = descriptors[descriptor], lockHolders[inode] == descriptor {
      lockHolders[inode] = nil
    }
    descriptors[descriptor] = nil
  }

  private func inode(_ descriptor: Int32) throws(FileError) -> Int {
    guard let inode = descriptors[descriptor] else {
      throw FileError(operation: "fd", path: "simulated", code: EBADF)
    }
    return inode
  }

  func read(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64
  ) throws(FileError) -> Int {
    let bytes = state.files[try inode(descriptor)]?.current ?? []
    guard offset < bytes.count else { return 0 }
    let count = min(buffer.count, bytes.count - Int(offset))
    bytes.withUnsafeBytes { source in
      buffer.copyMemory(
        from: UnsafeRawBufferPointer(rebasing: source[Int(offset)..<(Int(offset) + count)]))
    }
    return count
  }

  func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileError) -> Int {
    let inode = try inode(descriptor)
    state.files[inode]?.current.append(contentsOf: bytes)
    mutated()
    return bytes.count
  }

  func sync(_ descriptor: Int32) throws(FileError) {
    let inode = try inode(descriptor)
    syncCount += 1
    if let failure = failSync, failure.number == syncCount {
      throw FileError(operation: "fdatasync", path: "simulated", code: failure.code)
    }
    if let file = state.files[inode] { state.files[inode]?.durable = file.current }
    mutated()
  }

  func truncate(_ descriptor: Int32, to size: Int64) throws(FileError) {
    let inode = try inode(descriptor)
    guard var bytes = state.files[inode]?.current else { return }
    if Int(size) <= bytes.count {
      bytes.removeSubrange(Int(size)...)
    } else {
      bytes += repeatElement(0, count: Int(size) - bytes.count)
    }
    state.files[inode]?.current = bytes
    mutated()
  }

  func size(_ descriptor: Int32) throws(FileError) -> Int64 {
    Int64(state.files[try inode(descriptor)]?.current.count ?? 0)
  }

  func lockExclusive(_ descriptor: Int32, wait: Bool) throws(FileError) -> Bool {
    let inode = try inode(descriptor)
    if let holder = lockHolders[inode], holder != descriptor { return false }
    lockHolders[inode] = descriptor
    return true
  }

  func unlock(_ descriptor: Int32) {
    if let inode = descriptors[descriptor], lockHolders[inode] == descriptor {
      lockHolders[inode] = nil
    }
  }

  func rename(_ from: String, to: String) throws(FileError) {
    guard let inode = state.names[from] else {
      throw FileError(operation: "rename", path: from, code: ENOENT)
    }
    state.names[to] = inode
    state.names[from] = nil
    mutated()
  }

  func syncDirectory(_ directory: String) throws(FileError) {
    state.durableNames = state.names
    mutated()
  }

  func exists(_ path: String) -> Bool { state.names[path] != nil }

  func link(_ from: String, to: String) throws(FileError) {
    guard let inode = state.names[from] else {
      throw FileError(operation: "link", path: from, code: ENOENT)
    }
    if state.names[to] != nil { throw FileError(operation: "link", path: to, code: EEXIST) }
    state.names[to] = inode
    mutated()
  }

  func remove(_ path: String) {
    guard state.names[path] != nil else { return }
    state.names[path] = nil
    mutated()
  }

  // MARK: - Power cuts

  /// The states one file may be left in by a power cut: its durable bytes, or the common
  /// prefix of durable and current bytes extended by any prefix of the rest of the current
  /// bytes, then optionally filled up to the current length with zeros or random bytes.
  static func fileStates(
    _ file: FileState, random: inout SplitMix64, everyPrefix: Bool = true
  ) -> [[UInt8]] {
    if file.durable == file.current { return [file.durable] }
    var common = 0
    while common < min(file.durable.count, file.current.count),
      file.durable[common] == file.current[common]
    {
      common += 1
    }
    var states: [[UInt8]] = [file.durable]
    let lengths =
      everyPrefix
      ? Array(common...file.current.count)
      : [common, (common + file.current.count) / 2, file.current.count]
        + (0..<4).map { _ in random.int(common...file.current.count) }
    for length in lengths {
      let prefix = Array(file.current[0..<length])
      states.append(prefix)
      let missing = file.current.count - length
      if missing > 0 {
        states.append(prefix + [UInt8](repeating: 0, count: missing))
        // Random filler with plenty of newlines, so it splits into lines.
        states.append(
          prefix + random.bytes(missing).map { $0 % 7 == 0 ? 0x0A : $0 })
      }
    }
    var seen = Set<[UInt8]>()
    return states.filter { seen.insert($0).inserted }
  }

  /// Every state a power cut at `snapshot` may leave, as snapshots with nothing pending.
  ///
  /// The file named `focus` gets all of `fileStates`; the other files are all durable or
  /// all current together; the directory is its durable or its current entries.
  static func powerCutStates(
    _ snapshot: Snapshot, focus: String, random: inout SplitMix64, everyPrefix: Bool = true
  ) -> [Snapshot] {
    var result: [Snapshot] = []
    var seen = Set<Snapshot>()
    let directories =
      snapshot.names == snapshot.durableNames
      ? [snapshot.durableNames] : [snapshot.durableNames, snapshot.names]
    let focusInode = snapshot.names[focus] ?? snapshot.durableNames[focus]
    let focusStates: [[UInt8]] =
      focusInode.flatMap { snapshot.files[$0] }.map {
        fileStates($0, random: &random, everyPrefix: everyPrefix)
      } ?? [[]]
    for names in directories {
      for othersDurable in [true, false] {
        for focusBytes in focusStates {
          var cut = Snapshot()
          for (inode, file) in snapshot.files where names.values.contains(inode) {
            let bytes =
              inode == focusInode ? focusBytes : (othersDurable ? file.durable : file.current)
            cut.files[inode] = FileState(durable: bytes, current: bytes)
          }
          cut.names = names
          cut.durableNames = names
          if seen.insert(cut).inserted { result.append(cut) }
        }
      }
    }
    return result
  }
}
