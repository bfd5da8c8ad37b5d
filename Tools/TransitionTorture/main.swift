// transition-torture: a child process for the log's reliability tests.
//
//   transition-torture append LOG --writer NAME --count N [--batch K] [--no-lock]
//                             [--fsize-limit BYTES] [--start I] [--times]
//                             [--clock jumpy:SEED] [--pause-at POINT --pause-ms MS]
//   transition-torture create LOG --name NAME
//   transition-torture open LOG
//
// `append` appends N records with ids NAME-<i> (i from --start, default 1) in batches of K,
// and after each append returns prints one line per record, `ack <id> <seq>`, straight to
// standard output (no buffering), so a parent that kills this process knows exactly what
// was acknowledged. With --times each ack line also carries the CLOCK_MONOTONIC nanoseconds
// at which that append began and returned (`ack <id> <seq> <begin> <end>`), for the
// real-time order check; CLOCK_MONOTONIC is one clock for all processes of the machine.
// Errors print `error <description>` and the process exits 1.
// --no-lock switches the flock off: only the negative control of the tests uses it.
// --fsize-limit sets RLIMIT_FSIZE with SIGXFSZ ignored, so writes past it fail with EFBIG.
// --clock jumpy:SEED uses a clock that jumps back and forward by up to a day, seeded.
// --pause-at POINT prints `paused <point>` and sleeps --pause-ms (default 60000) when the
// writer reaches that crash point (under the lock), so the parent can kill it there.
// `create` makes a new log; `open` opens one (running tail recovery, which honours
// TRANSITION_CRASH_AT) and prints `open <lastSeq> <number of tails moved aside>`.
// Crash points: TRANSITION_CRASH_AT / TRANSITION_CRASH_AFTER, see EventLog's CrashPoint.
import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a line to standard output at once.
func emit(_ text: String) {
  let line = Array((text + "\n").utf8)
  var written = 0
  while written < line.count {
    let count = line.withUnsafeBytes { buffer in
      write(1, buffer.baseAddress.map { $0 + written }, buffer.count - written)
    }
    if count <= 0 { exit(3) }
    written += count
  }
}

/// CLOCK_MONOTONIC in nanoseconds: comparable between processes on one machine.
func monotonicNanoseconds() -> Int64 {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
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

/// A clock that jumps back and forward by up to a day at every reading (SplitMix64, seeded).
final class JumpyClock: LogClock, @unchecked Sendable {
  private var state: UInt64
  private var base: Int64 = 1_768_471_200_000

  init(seed: UInt64) { state = seed }

  func now() -> LogInstant {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    mixed ^= mixed >> 31
    base += Int64(mixed % 172_800_001) - 86_400_000
    return LogInstant(millisecondsSinceEpoch: base)
  }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, ["append", "create", "open"].contains(arguments[0]) else {
  emit("error usage: transition-torture append|create|open LOG [options]")
  exit(64)
}
let command = arguments[0]
let path = arguments[1]
var writerName = "w"
var logName = "torture"
var count = 1
var batch = 1
var start = 1
var locking = true
var times = false
var fileSizeLimit: Int?
var clockSeed: UInt64?
var pausePoint: CrashPoint?
var pauseMilliseconds: UInt32 = 60_000
var index = 2
while index < arguments.count {
  let flag = arguments[index]
  let value = index + 1 < arguments.count ? arguments[index + 1] : ""
  switch flag {
  case "--writer": writerName = value
  case "--name": logName = value
  case "--count": count = Int(value) ?? 1
  case "--batch": batch = max(1, Int(value) ?? 1)
  case "--start": start = Int(value) ?? 1
  case "--fsize-limit": fileSizeLimit = Int(value)
  case "--clock":
    guard value.hasPrefix("jumpy:"), let seed = UInt64(value.dropFirst(6)) else {
      emit("error --clock takes jumpy:SEED")
      exit(64)
    }
    clockSeed = seed
  case "--pause-at":
    guard let point = CrashPoint(rawValue: value) else {
      emit("error unknown point \(value)")
      exit(64)
    }
    pausePoint = point
  case "--pause-ms": pauseMilliseconds = UInt32(value) ?? pauseMilliseconds
  case "--no-lock", "--times":
    if flag == "--no-lock" { locking = false } else { times = true }
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
if let clockSeed { options.clock = JumpyClock(seed: clockSeed) }
if let pausePoint {
  let milliseconds = pauseMilliseconds
  options.crashHook = CrashHook { point in
    if point == pausePoint {
      emit("paused \(point.rawValue)")
      usleep(milliseconds * 1000)
    }
    return false
  }
}
do {
  switch command {
  case "create":
    _ = try LogWriter.create(path: path, name: logName, options: options)
    emit("created \(path)")
    exit(0)
  case "open":
    let writer = try LogWriter(path: path, options: options)
    emit("open \(writer.lastSeq) \(writer.recoveries.count)")
    exit(0)
  default: break
  }
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
    let began = monotonicNanoseconds()
    do {
      let receipt = try writer.append(drafts)
      let ended = monotonicNanoseconds()
      for entry in receipt.entries {
        emit("ack \(entry.id) \(entry.seq)" + (times ? " \(began) \(ended)" : ""))
      }
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
