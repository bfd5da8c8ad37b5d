// transition-torture: a child process for the log's reliability tests.
//
//   transition-torture append LOG --writer NAME --count N [--batch K] [--no-lock]
//                             [--fsize-limit BYTES] [--start I]
//
// Appends N records with ids NAME-<i> (i from --start, default 1) in batches of K, and after
// each append returns prints one line per record, `ack <id> <seq>`, straight to standard
// output (no buffering), so a parent that kills this process knows exactly what was
// acknowledged. Errors print `error <description>` and the process exits 1.
// --no-lock switches the flock off: only the negative control of the tests uses it.
// --fsize-limit sets RLIMIT_FSIZE with SIGXFSZ ignored, so writes past it fail with EFBIG.
import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a line to standard output at once.
func emit(_ text: String) {
  var line = Array((text + "\n").utf8)
  var written = 0
  while written < line.count {
    let count = line.withUnsafeMutableBytes { buffer in
      write(1, buffer.baseAddress.map { $0 + written }, buffer.count - written)
    }
    if count <= 0 { exit(3) }
    written += count
  }
}

/// File operations whose lock does nothing: the negative control.
struct UnlockedFileOperations: FileOperations {
  let base = SystemFileOperations()
  func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
    try base.open(path, flags: flags, mode: mode)
  }
  func close(_ descriptor: Int32) { base.close(descriptor) }
  func read(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64
  ) throws(FileError) -> Int { try base.read(descriptor, into: buffer, at: offset) }
  func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileError) -> Int {
    try base.write(descriptor, bytes)
  }
  func sync(_ descriptor: Int32) throws(FileError) { try base.sync(descriptor) }
  func truncate(_ descriptor: Int32, to size: Int64) throws(FileError) {
    try base.truncate(descriptor, to: size)
  }
  func size(_ descriptor: Int32) throws(FileError) -> Int64 { try base.size(descriptor) }
  func lockExclusive(_ descriptor: Int32, wait: Bool) throws(FileError) -> Bool { true }
  func unlock(_ descriptor: Int32) {}
  func rename(_ from: String, to: String) throws(FileError) { try base.rename(from, to: to) }
  func syncDirectory(_ directory: String) throws(FileError) { try base.syncDirectory(directory) }
  func exists(_ path: String) -> Bool { base.exists(path) }
  func link(_ from: String, to: String) throws(FileError) { try base.link(from, to: to) }
  func remove(_ path: String) { base.remove(path) }
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, arguments[0] == "append" else {
  emit("error usage: transition-torture append LOG --writer NAME --count N [--batch K]")
  exit(64)
}
let path = arguments[1]
var writerName = "w"
var count = 1
var batch = 1
var start = 1
var locking = true
var fileSizeLimit: Int?
var index = 2
while index < arguments.count {
  let flag = arguments[index]
  let value = index + 1 < arguments.count ? arguments[index + 1] : ""
  switch flag {
  case "--writer": writerName = value
  case "--count": count = Int(value) ?? 1
  case "--batch": batch = max(1, Int(value) ?? 1)
  case "--start": start = Int(value) ?? 1
  case "--fsize-limit": fileSizeLimit = Int(value)
  case "--no-lock":
    locking = false
    index -= 1
  default:
    emit("error unknown flag \(flag)")
    exit(64)
  }
  index += 2
}

if let limit = fileSizeLimit {
  signal(SIGXFSZ, SIG_IGN)
  var bounds = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit))
  if setrlimit(Int32(RLIMIT_FSIZE.rawValue), &bounds) != 0 {
    emit("error setrlimit failed")
    exit(2)
  }
}

var options = LogWriter.Options()
if !locking { options.fileOperations = UnlockedFileOperations() }
do {
  let writer = try LogWriter(path: path, options: options)
  var number = start
  while number < start + count {
    let last = min(number + batch, start + count)
    let drafts = (number..<last).map { item in
      RecordDraft(
        id: "\(writerName)-\(item)", effective: LogDay(daysSinceEpoch: 20_454),
        type: "TortureAppended.v1", stream: "writer/\(writerName)", by: writerName,
        data: ["writer": .string(writerName), "item": .integer(Int64(item))])
    }
    do {
      let receipt = try writer.append(drafts)
      for entry in receipt.entries { emit("ack \(entry.id) \(entry.seq)") }
    } catch {
      emit("error \(error)")
      exit(1)
    }
    number = last
  }
} catch {
  emit("error \(error)")
  exit(1)
}
