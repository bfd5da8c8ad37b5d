import Foundation

/// A fresh directory under the system's temporary folder, removed when the test ends.
final class TemporaryDirectory {
  let path: String

  init() {
    var template = Array((NSTemporaryDirectory() + "transition-test-XXXXXX").utf8CString)
    let created = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
    }
    guard let created else { preconditionFailure("mkdtemp failed: errno \(errno)") }
    path = created
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// A path inside the directory.
  func file(_ name: String) -> String { path + "/" + name }

  /// The names of the files in the directory.
  func names() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }
}

/// Reads and writes whole files for tests.
enum FileBytes {
  static func read(_ path: String) -> [UInt8] {
    (FileManager.default.contents(atPath: path)).map { Array($0) } ?? []
  }

  static func write(_ bytes: [UInt8], to path: String) {
    let written = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    precondition(written, "cannot write \(path)")
  }
}
