#if canImport(Glibc)
  import Glibc
#endif

/// A whole file mapped read-only into memory, unmapped when the last reference goes.
///
/// The projections sidecar is only ever replaced by renaming a new file over it, never written
/// in place, so the mapped bytes do not change under a reader.
final class MappedFile: @unchecked Sendable {
  /// The file's bytes.
  let bytes: UnsafeRawBufferPointer

  /// Maps the file at `path`; nil when it cannot be opened, is empty or cannot be mapped.
  init?(path: String) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
    let size = Int(info.st_size)
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      address != MAP_FAILED
    else { return nil }
    bytes = UnsafeRawBufferPointer(start: address, count: size)
  }

  deinit {
    if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
  }
}
