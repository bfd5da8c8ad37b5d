import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// Real file operations with failures injected at chosen calls: the seam's test double.
final class FaultyFileOperations: FileOperations, @unchecked Sendable {
  private let base = SystemFileOperations()
  /// Fail the n-th write (1-based) with this errno; 0 means a short write of half the bytes.
  var failWrite: (number: Int, code: Int32)?
  /// Fail the n-th sync (1-based) with this errno.
  var failSync: (number: Int, code: Int32)?
  /// Writes fail from this call on, too (a full disk stays full).
  var failingWritesPersist = false
  private(set) var writeCount = 0
  private(set) var syncCount = 0

  func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
    try base.open(path, flags: flags, mode: mode)
  }
  func close(_ descriptor: Int32) { base.close(descriptor) }
  func read(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64
  ) throws(FileError) -> Int { try base.read(descriptor, into: buffer, at: offset) }

  func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileError) -> Int {
    writeCount += 1
    if let failure = failWrite,
      writeCount == failure.number || (failingWritesPersist && writeCount > failure.number)
    {
      if failure.code == 0 {
        return try base.write(
          descriptor, UnsafeRawBufferPointer(rebasing: bytes[0..<bytes.count / 2]))
      }
      if failure.code == EINTR && writeCount == failure.number {
        // An interrupted call is retried by the real wrapper; model a partial write instead.
        return try base.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[0..<1]))
      }
      throw FileError(operation: "write", path: "injected", code: failure.code)
    }
    return try base.write(descriptor, bytes)
  }

  func sync(_ descriptor: Int32) throws(FileError) {
    syncCount += 1
    if let failure = failSync, syncCount == failure.number {
      throw FileError(operation: "fdatasync", path: "injected", code: failure.code)
    }
    try base.sync(descriptor)
  }
  func truncate(_ descriptor: Int32, to size: Int64) throws(FileError) {
    try base.truncate(descriptor, to: size)
  }
  func size(_ descriptor: Int32) throws(FileError) -> Int64 { try base.size(descriptor) }
  func lockExclusive(_ descriptor: Int32, wait: Bool) throws(FileError) -> Bool {
    try base.lockExclusive(descriptor, wait: wait)
  }
  func unlock(_ descriptor: Int32) { base.unlock(descriptor) }
  func rename(_ from: String, to: String) throws(FileError) { try base.rename(from, to: to) }
  func syncDirectory(_ directory: String) throws(FileError) { try base.syncDirectory(directory) }
  func exists(_ path: String) -> Bool { base.exists(path) }
  func link(_ from: String, to: String) throws(FileError) { try base.link(from, to: to) }
  func remove(_ path: String) { base.remove(path) }
}
