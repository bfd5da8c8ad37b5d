import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// Files in memory behind the log's file-operations seam: fast enough for a fuzzer.
///
/// One process, no concurrency: locks always succeed; directories are not modelled.
final class MemoryFileOperations: FileOperations, @unchecked Sendable {
  private final class Inode {
    var bytes: [UInt8] = []
  }
  private var names: [String: Inode] = [:]
  private var open: [Int32: Inode] = [:]
  private var nextDescriptor: Int32 = 3

  func contents(of path: String) -> [UInt8] { names[path]?.bytes ?? [] }

  func setContents(_ bytes: [UInt8], of path: String) {
    let inode = Inode()
    inode.bytes = bytes
    names[path] = inode
  }

  func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
    let inode: Inode
    if let existing = names[path] {
      if flags & O_CREAT != 0 && flags & O_EXCL != 0 {
        throw FileError(operation: "open", path: path, code: EEXIST)
      }
      inode = existing
      if flags & O_TRUNC != 0 { inode.bytes = [] }
    } else if flags & O_CREAT != 0 {
      inode = Inode()
      names[path] = inode
    } else {
      throw FileError(operation: "open", path: path, code: ENOENT)
    }
    let descriptor = nextDescriptor
    nextDescriptor += 1
    open[descriptor] = inode
    return descriptor
  }

  func close(_ descriptor: Int32) { open[descriptor] = nil }

  private func inode(_ descriptor: Int32) throws(FileError) -> Inode {
    guard let inode = open[descriptor] else {
      throw FileError(operation: "fd", path: "memory", code: EBADF)
    }
    return inode
  }

  func read(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64
  ) throws(FileError) -> Int {
    let bytes = try inode(descriptor).bytes
    guard offset < bytes.count else { return 0 }
    let count = min(buffer.count, bytes.count - Int(offset))
    bytes.withUnsafeBytes { source in
      buffer.copyMemory(
        from: UnsafeRawBufferPointer(rebasing: source[Int(offset)..<(Int(offset) + count)]))
    }
    return count
  }

  func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileError) -> Int {
    try inode(descriptor).bytes.append(contentsOf: bytes)
    return bytes.count
  }

  func sync(_ descriptor: Int32) throws(FileError) { _ = try inode(descriptor) }

  func truncate(_ descriptor: Int32, to size: Int64) throws(FileError) {
    let inode = try inode(descriptor)
    if Int(size) <= inode.bytes.count {
      inode.bytes.removeSubrange(Int(size)...)
    } else {
      inode.bytes.append(contentsOf: repeatElement(0, count: Int(size) - inode.bytes.count))
    }
  }

  func size(_ descriptor: Int32) throws(FileError) -> Int64 {
    Int64(try inode(descriptor).bytes.count)
  }

  func lockExclusive(_ descriptor: Int32, wait: Bool) throws(FileError) -> Bool { true }
  func unlock(_ descriptor: Int32) {}

  func rename(_ from: String, to: String) throws(FileError) {
    guard let inode = names[from] else {
      throw FileError(operation: "rename", path: from, code: ENOENT)
    }
    names[to] = inode
    names[from] = nil
  }

  func syncDirectory(_ directory: String) throws(FileError) {}
  func exists(_ path: String) -> Bool { names[path] != nil }

  func link(_ from: String, to: String) throws(FileError) {
    guard let inode = names[from] else {
      throw FileError(operation: "link", path: from, code: ENOENT)
    }
    if names[to] != nil { throw FileError(operation: "link", path: to, code: EEXIST) }
    names[to] = inode
  }

  func remove(_ path: String) { names[path] = nil }
}
