#if canImport(Glibc)
  import Glibc
#endif

/// A whole file mapped read-only into memory, unmapped when the last reference goes.
///
/// The projections sidecar is only ever replaced by renaming a new file over it, never written
/// in place, so the mapped bytes do not change under a reader. (A file cut short in place by
/// hand while mapped would end the reading process with SIGBUS; nothing of ours does that.)
final class MappedFile: @unchecked Sendable {
  /// The file's bytes.
  let bytes: UnsafeRawBufferPointer
  /// The file's device and inode, to tell whether a path still names this file.
  let identity: (device: UInt64, inode: UInt64)

  /// Maps the file at `path`; nil when it cannot be opened, is not a regular file, is empty or
  /// cannot be mapped.
  ///
  /// Opened without blocking: a FIFO (or a device) at `path` would otherwise hang the open
  /// until a writer came; it is refused like any other file that is not a regular file.
  init?(path: String) {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0
    else { return nil }
    let size = Int(info.st_size)
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      address != MAP_FAILED
    else { return nil }
    bytes = UnsafeRawBufferPointer(start: address, count: size)
    identity = (UInt64(info.st_dev), UInt64(info.st_ino))
  }

  /// Whether `path` names this very file (not one renamed over it since).
  func isFile(at path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && UInt64(info.st_dev) == identity.device
      && UInt64(info.st_ino) == identity.inode
  }

  deinit {
    if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
  }
}
