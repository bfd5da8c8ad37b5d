#if canImport(Glibc)
  import Glibc
#endif

/// A failed system call: which operation, on which path, and the `errno` it returned.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The system call, such as "write" or "fdatasync".
  public let operation: String
  /// The file the call was about.
  public let path: String
  /// The `errno` value.
  public let code: Int32

  public init(operation: String, path: String, code: Int32) {
    self.operation = operation
    self.path = path
    self.code = code
  }

  public var description: String {
    if operation == Self.notRegularFileOperation {
      return "\(Visible.text(path)) is not a regular file (\(Self.kindName(code))); a log (and"
        + " its cache) is a regular file. Nothing was read or changed. Give the path of the log"
        + " file itself"
    }
    return "\(operation) on \(Visible.text(path)) failed: \(String(cString: strerror(code)))"
      + " (errno \(code))"
  }

  /// The `operation` of the error for a path that is a FIFO, a device, a socket or a
  /// directory where a regular file was expected.
  public static let notRegularFileOperation = "open (not a regular file)"

  /// The error for `path`, whose `st_mode` is `mode` and not a regular file; `code` holds the
  /// file type bits.
  public static func notRegularFile(path: String, mode: mode_t) -> FileError {
    FileError(operation: notRegularFileOperation, path: path, code: Int32(mode & S_IFMT))
  }

  /// Whether this error says that the path is not a regular file.
  public var isNotRegularFile: Bool { operation == Self.notRegularFileOperation }

  private static func kindName(_ bits: Int32) -> String {
    switch mode_t(bits) {
    case S_IFIFO: return "it is a FIFO (named pipe)"
    case S_IFDIR: return "it is a directory"
    case S_IFCHR: return "it is a character device"
    case S_IFBLK: return "it is a block device"
    case S_IFSOCK: return "it is a socket"
    default: return "its type is \(String(bits, radix: 8))"
    }
  }
}

/// The one seam through which the log touches files, so tests can inject failures.
///
/// Every method is a thin wrapper over one system call; `SystemFileOperations` is the real one.
/// Descriptors are plain `Int32`s so a fake can hand out its own.
public protocol FileOperations: Sendable {
  /// Opens `path` with `open(2)` flags and, when creating, permission bits `mode`.
  func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32
  /// Closes a descriptor; errors are ignored because nothing can be done about them.
  func close(_ descriptor: Int32)
  /// Reads up to `buffer.count` bytes at `offset`; returns the count read, 0 at the end.
  func read(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64
  ) throws(FileError) -> Int
  /// Writes at the end of the file (the descriptor is opened with O_APPEND); may be short.
  func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileError) -> Int
  /// Makes the file's data, and the metadata needed to read it, durable (`fdatasync`).
  func sync(_ descriptor: Int32) throws(FileError)
  /// Cuts or extends the file to `size` bytes.
  func truncate(_ descriptor: Int32, to size: Int64) throws(FileError)
  /// The file's current size in bytes.
  func size(_ descriptor: Int32) throws(FileError) -> Int64
  /// Takes the exclusive advisory lock (`flock`); returns false if `wait` is false and
  /// another open file description holds it.
  func lockExclusive(_ descriptor: Int32, wait: Bool) throws(FileError) -> Bool
  /// Releases the advisory lock.
  func unlock(_ descriptor: Int32)
  /// Renames `from` to `to` atomically.
  func rename(_ from: String, to: String) throws(FileError)
  /// Makes the directory entry changes in `directory` durable.
  func syncDirectory(_ directory: String) throws(FileError)
  /// Whether something exists at `path`.
  func exists(_ path: String) -> Bool
  /// Makes `to` a second name of `from`; fails with EEXIST if `to` exists (no clobbering).
  func link(_ from: String, to: String) throws(FileError)
  /// Removes the name `path`; errors are ignored.
  func remove(_ path: String)
  /// Gives the file open at `descriptor` the group of the file at `reference` and the
  /// permission bits `mode` narrowed to that file's: a file beside the log is never readable
  /// by more people than the log. Best effort for the group (`fchown` to a group the user is
  /// not in fails and is ignored); the mode is always set. A fake may do nothing.
  func restrictPermissions(_ descriptor: Int32, like reference: String, mode: UInt32)
    throws(FileError)
}

extension FileOperations {
  public func restrictPermissions(_ descriptor: Int32, like reference: String, mode: UInt32)
    throws(FileError)
  {}
}

/// The real file system, through Glibc.
public struct SystemFileOperations: FileOperations {
  public init() {}

  /// Opens `path`, which must be a regular file (or a directory asked for as one).
  ///
  /// Anything else is opened with `O_NONBLOCK`, so a FIFO or a device cannot make the open
  /// wait, then checked with `fstat` and refused (`FileError.notRegularFile`) before a byte
  /// is read; `O_NONBLOCK` is cleared again for a regular file.
  public func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
    let wantsDirectory = flags & O_DIRECTORY != 0
    let descriptor: Int32
    while true {
      let opened = Glibc.open(
        path, flags | O_CLOEXEC | (wantsDirectory ? 0 : O_NONBLOCK), mode_t(mode))
      if opened >= 0 {
        descriptor = opened
        break
      }
      if errno == EISDIR { throw FileError.notRegularFile(path: path, mode: S_IFDIR) }
      if errno != EINTR { throw FileError(operation: "open", path: path, code: errno) }
    }
    if wantsDirectory { return descriptor }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let code = errno
      Glibc.close(descriptor)
      throw FileError(operation: "fstat", path: path, code: code)
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      Glibc.close(descriptor)
      throw FileError.notRegularFile(path: path, mode: info.st_mode)
    }
    let status = fcntl(descriptor, F_GETFL)
    if status >= 0 { _ = fcntl(descriptor, F_SETFL, status & ~O_NONBLOCK) }
    return descriptor
  }

  public func close(_ descriptor: Int32) { _ = Glibc.close(descriptor) }

  public func read(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64
  ) throws(FileError) -> Int {
    while true {
      let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
      if count >= 0 { return count }
      if errno != EINTR { throw FileError(operation: "read", path: path(descriptor), code: errno) }
    }
  }

  public func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileError) -> Int {
    while true {
      let count = Glibc.write(descriptor, bytes.baseAddress, bytes.count)
      if count >= 0 { return count }
      if errno != EINTR {
        throw FileError(operation: "write", path: path(descriptor), code: errno)
      }
    }
  }

  public func sync(_ descriptor: Int32) throws(FileError) {
    // Never retried: after a failed fdatasync the kernel may have dropped the dirty pages,
    // so a second call could report success for data that is gone.
    if fdatasync(descriptor) != 0 {
      throw FileError(operation: "fdatasync", path: path(descriptor), code: errno)
    }
  }

  public func truncate(_ descriptor: Int32, to size: Int64) throws(FileError) {
    while ftruncate(descriptor, off_t(size)) != 0 {
      if errno != EINTR {
        throw FileError(operation: "ftruncate", path: path(descriptor), code: errno)
      }
    }
  }

  public func size(_ descriptor: Int32) throws(FileError) -> Int64 {
    var status = stat()
    if fstat(descriptor, &status) != 0 {
      throw FileError(operation: "fstat", path: path(descriptor), code: errno)
    }
    return Int64(status.st_size)
  }

  public func lockExclusive(_ descriptor: Int32, wait: Bool) throws(FileError) -> Bool {
    while true {
      if flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0 { return true }
      if errno == EWOULDBLOCK && !wait { return false }
      if errno != EINTR { throw FileError(operation: "flock", path: path(descriptor), code: errno) }
    }
  }

  public func unlock(_ descriptor: Int32) { _ = flock(descriptor, LOCK_UN) }

  public func rename(_ from: String, to: String) throws(FileError) {
    if Glibc.rename(from, to) != 0 { throw FileError(operation: "rename", path: from, code: errno) }
  }

  public func syncDirectory(_ directory: String) throws(FileError) {
    let descriptor = try open(directory, flags: O_RDONLY | O_DIRECTORY, mode: 0)
    defer { close(descriptor) }
    if fsync(descriptor) != 0 {
      throw FileError(operation: "fsync", path: directory, code: errno)
    }
  }

  public func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  public func link(_ from: String, to: String) throws(FileError) {
    if Glibc.link(from, to) != 0 { throw FileError(operation: "link", path: to, code: errno) }
  }

  public func remove(_ path: String) { _ = unlink(path) }

  public func restrictPermissions(_ descriptor: Int32, like reference: String, mode: UInt32)
    throws(FileError)
  {
    var allowed = mode & 0o777
    var status = stat()
    if stat(reference, &status) == 0 {
      allowed &= UInt32(status.st_mode) & 0o777
      _ = fchown(descriptor, uid_t.max, status.st_gid)
    }
    if fchmod(descriptor, mode_t(allowed)) != 0 {
      throw FileError(operation: "fchmod", path: path(descriptor), code: errno)
    }
  }

  /// The path of an open descriptor, for messages.
  private func path(_ descriptor: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
    return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : "fd \(descriptor)"
  }
}

extension FileOperations {
  /// Writes all of `bytes`, looping on short writes.
  ///
  /// Calls `midway` once after the first write that passes `midwayByteCount` bytes (for the
  /// crash tests). A write that makes no progress counts as EIO.
  func writeAll(
    _ descriptor: Int32, _ bytes: [UInt8], path: String, midwayByteCount: Int? = nil,
    midway: () -> Void = {}
  ) throws(FileError) {
    let outcome: Result<Void, FileError> = bytes.withUnsafeBytes { all in
      do throws(FileError) {
        var written = 0
        var midwayPending = midwayByteCount != nil
        while written < all.count {
          let end = midwayPending ? max(midwayByteCount ?? 0, written + 1) : all.count
          let count = try write(
            descriptor, UnsafeRawBufferPointer(rebasing: all[written..<min(end, all.count)]))
          if count == 0 { throw FileError(operation: "write", path: path, code: EIO) }
          written += count
          if midwayPending, written >= midwayByteCount ?? 0 {
            midwayPending = false
            midway()
          }
        }
        return .success(())
      } catch {
        return .failure(error)
      }
    }
    try outcome.get()
  }
}
