import CanonicalJSON
import EventLog
import TransitionDomain

#if canImport(Glibc)
  import Glibc
#endif

/// The people register: `<log>.people`, each pseudonymous id's name and details.
///
/// The file beside the log maps each employee id to the person's name and the details HR
/// needs. It is never part of the hash chain.
///
/// The file is JSON lines: a header `{"format":"transition-people","version":1}`, then one
/// object per employee in id order (`PersonEntry`). It is created mode 0600 (0640 with
/// `groupReadable`), in the log's group, never wider than the log.
///
/// Every change is a read-modify-write under an exclusive `flock` on `<log>.people.lock`, and
/// the new contents replace the old whole: written to a new temporary file, fsynced, renamed
/// over the register, then the folder fsynced. A crash at any step leaves the old register or
/// the new one, never a torn one; a temporary left by a crash is removed by the next change.
public final class PeopleRegister {
  /// How the register touches the world; tests replace each part.
  public struct Options: Sendable {
    public var fileOperations: any FileOperations = SystemFileOperations()
    /// Whether the register is readable by the log's group (0640) instead of only its owner.
    public var groupReadable = false
    /// How long to wait for another process's lock on the register.
    public var lockTimeoutMilliseconds = 10_000
    public var crashHook: PeopleCrashHook = .fromEnvironment

    public init() {}

    /// The permission bits of the register and its lock file.
    var fileMode: UInt32 { groupReadable ? 0o640 : 0o600 }
  }

  /// Why the register could not be read or changed.
  public enum Failure: Error, CustomStringConvertible {
    /// The register's file exists but cannot be read (permissions): exit 66.
    case unreadable(FileError)
    /// A line of the register is not one the register writes: exit 65.
    case damaged(path: String, line: Int, problem: String)
    /// The register could not be written; the old one stands: exit 74 (73 when not created).
    case notWritten(FileError)
    /// Another process held the register's lock too long: exit 75.
    case lockTimeout(path: String, milliseconds: Int)

    public var description: String {
      switch self {
      case .unreadable(let error):
        return "The people register cannot be read: \(error). Names are shown only to those"
          + " who may read it (ask its owner)."
      case .damaged(let path, let line, let problem):
        return "The people register \(path) is damaged at line \(line): \(problem). Restore it"
          + " from a backup; the log itself does not depend on it."
      case .notWritten(let error):
        return "The people register was not changed: \(error)."
      case .lockTimeout(let path, let milliseconds):
        return "Another process held the lock on \(path) for more than \(milliseconds) ms."
          + " Nothing was changed; try again."
      }
    }
  }

  /// A malformed line's problem.
  struct LineProblem: Error {
    let text: String
    init(_ text: String) { self.text = text }
  }

  /// What a name shows as once the person was forgotten.
  public static let erasedMarker = "(erased)"

  /// The register's header line.
  static let header = JSONValue.object([
    "format": .string("transition-people"), "version": .integer(1),
  ])

  /// The log the register belongs to.
  public let logPath: String
  /// The register file: `<log>.people`.
  public let path: String
  /// The lock file: `<log>.people.lock` (empty; it only carries the lock).
  public var lockPath: String { path + ".lock" }
  private let options: Options

  /// The register beside the log at `logPath`.
  public init(logPath: String, options: Options = Options()) {
    self.logPath = logPath
    self.path = Self.path(forLog: logPath)
    self.options = options
  }

  /// The register's path for the log at `logPath`.
  public static func path(forLog logPath: String) -> String { logPath + ".people" }

  /// Whether a register exists beside the log.
  public var exists: Bool { options.fileOperations.exists(path) }

  /// Every entry, in id order; empty when there is no register.
  ///
  /// Takes no lock: the register is only ever replaced whole, so a reader sees the old
  /// contents or the new.
  public func entries() throws(Failure) -> [PersonEntry] {
    guard let bytes = try readBytes() else { return [] }
    return try Self.decode(bytes, path: path)
  }

  /// Runs `change` on the entries under the register's lock; returns what it returned.
  ///
  /// If `change` says so, the changed entries are written durably (see the type's
  /// documentation), then `then` runs with its result, still under the lock.
  @discardableResult
  public func update<Result>(
    _ change: (inout [EmployeeID: PersonEntry]) throws -> (write: Bool, result: Result),
    then: (Result) throws -> Void = { _ in }
  ) throws -> Result {
    let operations = options.fileOperations
    let lock: Int32
    do {
      lock = try operations.open(lockPath, flags: O_RDWR | O_CREAT, mode: options.fileMode)
    } catch {
      throw Failure.notWritten(error)
    }
    defer { operations.close(lock) }
    do {
      try operations.restrictPermissions(lock, like: logPath, mode: options.fileMode)
    } catch {
      throw Failure.notWritten(error)
    }
    try takeLock(lock)
    defer { operations.unlock(lock) }
    removeAbandonedTemporaries()
    var byID: [EmployeeID: PersonEntry] = [:]
    for entry in try entries() { byID[entry.employee] = entry }
    let outcome = try change(&byID)
    if outcome.write {
      try write(byID.values.sorted { $0.employee < $1.employee })
    }
    try then(outcome.result)
    return outcome.result
  }

  /// The crash hook, for the steps that follow a rewrite (the forget protocol).
  func reach(_ point: PeopleCrashPoint) { options.crashHook.reach(point) }

  // MARK: - Reading and writing

  private func readBytes() throws(Failure) -> [UInt8]? {
    let operations = options.fileOperations
    let descriptor: Int32
    do {
      descriptor = try operations.open(path, flags: O_RDONLY, mode: 0)
    } catch {
      if error.code == ENOENT { return nil }
      throw .unreadable(error)
    }
    defer { operations.close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let offset = Int64(bytes.count)
      let outcome = chunk.withUnsafeMutableBytes { buffer in
        Result { () throws(FileError) -> Int in
          try operations.read(descriptor, into: buffer, at: offset)
        }
      }
      switch outcome {
      case .success(0): return bytes
      case .success(let count): bytes.append(contentsOf: chunk[0..<count])
      case .failure(let error): throw .unreadable(error)
      }
    }
  }

  static func decode(_ bytes: [UInt8], path: String) throws(Failure) -> [PersonEntry] {
    var entries: [PersonEntry] = []
    var seen: Set<EmployeeID> = []
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      let number = index + 1
      if line.isEmpty && index == lines.count - 1 { break }
      guard let value = try? JSONParser.parse(Array(line), profile: .standard),
        let object = value.objectValue
      else { throw .damaged(path: path, line: number, problem: "it is not a JSON object") }
      if index == 0 {
        guard value == header else {
          throw .damaged(
            path: path, line: 1, problem: "it is not the header of a people register, version 1")
        }
        continue
      }
      switch PersonEntry.decode(object) {
      case .success(let entry):
        guard seen.insert(entry.employee).inserted else {
          throw .damaged(path: path, line: number, problem: "\(entry.employee) appears twice")
        }
        entries.append(entry)
      case .failure(let problem):
        throw .damaged(path: path, line: number, problem: problem.text)
      }
    }
    if bytes.isEmpty { throw .damaged(path: path, line: 1, problem: "the file is empty") }
    return entries
  }

  static func encode(_ entries: [PersonEntry]) -> [UInt8] {
    var bytes = CanonicalJSON.encode(header)
    bytes.append(0x0A)
    for entry in entries {
      bytes.append(contentsOf: CanonicalJSON.encode(entry.encoded()))
      bytes.append(0x0A)
    }
    return bytes
  }

  /// Replaces the register with `entries`: temporary file, fsync, rename, fsync the folder.
  private func write(_ entries: [PersonEntry]) throws(Failure) {
    let operations = options.fileOperations
    let hook = options.crashHook
    let bytes = Self.encode(entries)
    let temporary = path + Self.temporaryInfix + "\(getpid())"
    operations.remove(temporary)
    let descriptor: Int32
    do {
      descriptor = try operations.open(
        temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: options.fileMode)
    } catch {
      throw .notWritten(error)
    }
    do throws(FileError) {
      defer { operations.close(descriptor) }
      try operations.restrictPermissions(descriptor, like: logPath, mode: options.fileMode)
      hook.reach(.temporaryCreated)
      var written = 0
      while written < bytes.count {
        let start = written
        let outcome = bytes.withUnsafeBytes { all in
          Result { () throws(FileError) -> Int in
            try operations.write(descriptor, UnsafeRawBufferPointer(rebasing: all[start...]))
          }
        }
        let count = try outcome.get()
        if count == 0 { throw FileError(operation: "write", path: temporary, code: EIO) }
        written += count
        if written < bytes.count { hook.reach(.temporaryPartlyWritten) }
      }
      hook.reach(.temporaryWritten)
      try operations.sync(descriptor)
    } catch {
      operations.remove(temporary)
      throw .notWritten(error)
    }
    hook.reach(.temporarySynced)
    do {
      try operations.rename(temporary, to: path)
    } catch {
      operations.remove(temporary)
      throw .notWritten(error)
    }
    hook.reach(.renamed)
    do {
      try operations.syncDirectory(LogWriterPaths.directory(of: path))
    } catch {
      // The new register is in place but its name may not be durable yet: report it, since
      // a power cut now could bring the old contents back.
      throw .notWritten(error)
    }
    hook.reach(.folderSynced)
  }

  private func takeLock(_ descriptor: Int32) throws {
    let operations = options.fileOperations
    var waitedMicroseconds = 0
    var pause: UInt32 = 200
    while true {
      let taken: Bool
      do {
        taken = try operations.lockExclusive(descriptor, wait: false)
      } catch {
        throw Failure.notWritten(error)
      }
      if taken { return }
      guard waitedMicroseconds < options.lockTimeoutMilliseconds * 1000 else {
        throw Failure.lockTimeout(path: lockPath, milliseconds: options.lockTimeoutMilliseconds)
      }
      usleep(pause)
      waitedMicroseconds += Int(pause)
      pause = min(pause * 2, 20_000)
    }
  }

  /// What a temporary register's name adds to the register's.
  static let temporaryInfix = ".tmp-"

  /// Removes temporaries a crashed writer left (under the lock, so none is being written):
  /// they may hold personal data that is no longer in the register.
  private func removeAbandonedTemporaries() {
    let directory = LogWriterPaths.directory(of: path)
    let prefix = String(path.split(separator: "/").last ?? "") + Self.temporaryInfix
    guard let stream = opendir(directory) else { return }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasPrefix(prefix) { names.append(name) }
    }
    closedir(stream)
    for name in names { options.fileOperations.remove(directory + "/" + name) }
  }
}

/// Paths beside a log.
enum LogWriterPaths {
  /// The folder of `path` ("." for a bare name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
