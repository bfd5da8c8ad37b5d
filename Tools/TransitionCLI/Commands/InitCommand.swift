import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// `transition init`: creates a new, empty log.
enum InitCommand: Command {
  static let name = "init"
  static let summary = "create a new, empty log"
  static let help = """
    transition init LOG --name NAME

    Creates LOG as a new, empty log named NAME (1 to 128 characters of A-Z a-z 0-9 . - _).
    The file is created with permissions 0640 and never overwrites an existing file.

    Examples:
      transition init transitie.log --name ijmond
      transition init /srv/logs/bev.log --name beverwijk-2026
    """

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(words, valued: ["name"], usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file to create", usage: usage)
    guard let name = arguments.value("name") else {
      throw CommandFailure.usage(
        "Missing --name: every log has a name, which its checkpoints carry.", help: usage)
    }
    do {
      let writer = try LogWriter.create(path: path, name: name)
      console.print("Created \(path): an empty log named \(writer.header.name).")
      console.print("Next: record something, for example `transition record \(path) --help`.")
      return .ok
    } catch {
      if case .invalidDraft(let reason) = error {
        throw CommandFailure(status: .usage, message: "Cannot create \(path): \(reason).")
      }
      if case .cannotOpen(let file) = error { throw cannotCreate(path, file) }
      throw LogFailures.failure(error, path: path)
    }
  }

  /// The failure for a log that cannot be created (73), naming the log, not the temporary file
  /// the writer creates it through.
  static func cannotCreate(_ path: String, _ error: FileError) -> CommandFailure {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let reason: String
    switch error.code {
    case ENOENT:
      reason = "the folder \(folder) does not exist. Create it first, or choose another path."
    case ENOTDIR:
      reason = "\(folder) is not a folder. Choose another path."
    case EACCES, EPERM:
      reason = "permission denied in the folder \(folder). Choose a folder you may write in."
    case EROFS:
      reason = "the folder \(folder) is on a read-only file system. Choose another path."
    default:
      reason = "\(String(cString: strerror(error.code))) (in the folder \(folder))."
    }
    return CommandFailure(
      status: .cannotCreate, message: "Cannot create \(path): \(reason) Nothing was created.")
  }
}
