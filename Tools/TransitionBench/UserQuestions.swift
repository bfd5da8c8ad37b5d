import CanonicalJSON
import EventLog
import Foundation
import Projections
import TransitionDomain

#if canImport(Glibc)
  import Glibc
#endif

/// W7: the questions users ask, each as a whole cold process of `transition` on the W6 log.
///
/// Every question runs the real CLI (found beside `transition-bench`) with its standard output
/// hashed into a digest, so a faster answer that is a different answer fails the check. Times
/// are wall seconds from spawn to exit, memory the child's peak resident set (`wait4`), and
/// each time is also given as a ratio to the floor: `transition --help`, a process that starts
/// and exits without reading the log.
enum UserQuestions {
  /// One question: a name for the summary and the arguments after `transition`.
  struct Question {
    let name: String
    let arguments: [String]
    /// Exit statuses that count as an answer (`audit` exits 1 when it has findings).
    var statuses: Set<Int32> = [0]
  }

  /// What one run of a question gave.
  struct Answer {
    let seconds: Double
    let peakResidentBytes: Int
    let status: Int32
    let digest: String
  }

  /// The days, moments and subjects the questions ask about, read from the log itself.
  struct Subjects {
    let validDay: String
    let earlierDay: String
    let earlierSeq: Int64
    let earlierInstant: String
    let employee: String
    let decision: String
    let record: String
  }

  /// The subjects of the W6 log at `path`: the middle of its valid time, the moment half of it
  /// was recorded, its 42nd employee and its first decision.
  static func subjects(of path: String) throws -> Subjects {
    let count = try LogReader(path: path).head()?.recordCount ?? 0
    let last = SyntheticTransition(count: Int(count)).lastDay
    let first = SyntheticTransition.startDay
    let middle = first.adding(days: (last.dayNumber - first.dayNumber) / 2)
    let earlier = first.adding(days: (last.dayNumber - first.dayNumber) / 4)
    var decision: String?
    var record: String?
    var instant = ""
    let half = max(1, count / 2)
    try LogReader(path: path).forEachRecord(upTo: half, checkChain: false) { raw in
      if raw.seq == half {
        instant = raw.recorded.description
        record = raw.id
      }
      if decision == nil, raw.type == DecisionTaken.eventType,
        let data = try? JSONParser.parse(raw.data, profile: .canonical).objectValue,
        case .string(let id)? = data["decision"]
      {
        decision = id
      }
    }
    guard let decision, let record else {
      throw BenchFailure("W7: the log at \(path) has no decision in its first half")
    }
    return Subjects(
      validDay: middle.description, earlierDay: earlier.description, earlierSeq: half,
      earlierInstant: instant, employee: "E00042", decision: decision, record: record)
  }

  /// The questions, in the order they run; the first builds the cache.
  static func questions(log: String, _ subjects: Subjects) -> [Question] {
    let day = ["--valid-at", subjects.validDay]
    let earlier = ["--known-at-seq", String(subjects.earlierSeq)]
    var questions = [
      Question(
        name: "first-query", arguments: ["state", log, "--view", "staffing"] + day)
    ]
    for view in ViewName.allCases {
      questions.append(
        Question(
          name: "state-\(view.rawValue)", arguments: ["state", log, "--view", view.rawValue] + day))
      questions.append(
        Question(
          name: "state-\(view.rawValue)-earlier",
          arguments: ["state", log, "--view", view.rawValue] + day + earlier))
    }
    questions += [
      Question(name: "history-employee", arguments: ["history", log, subjects.employee] + day),
      Question(name: "history-decision", arguments: ["history", log, subjects.decision] + day),
      Question(
        name: "diff-known-at",
        arguments: [
          "diff", log, "--view", "decisions", "--valid-at", subjects.validDay, "--from-known-at",
          subjects.earlierInstant,
        ]),
      Question(
        name: "diff-valid-days",
        arguments: [
          "diff", log, "--view", "staffing", "--from-valid-at", subjects.earlierDay,
          "--to-valid-at", subjects.validDay,
        ]),
      Question(
        name: "log-filter",
        arguments: [
          "log", log, "--stream", "staff/\(subjects.employee)", "--type", "TransferStaff",
        ]),
      Question(name: "show", arguments: ["show", log, subjects.record]),
      Question(name: "audit", arguments: ["audit", log] + day, statuses: [0, 1]),
      Question(
        name: "export-csv",
        arguments: ["export", log, "--format", "csv", "--view", "employees"] + day),
    ]
    return questions
  }

  /// The `transition` executable beside this `transition-bench`.
  static var transitionPath: String {
    let bench = Child.executable
    let folder = bench.lastIndex(of: "/").map { String(bench[..<$0]) } ?? "."
    return folder + "/transition"
  }

  /// Runs `transition arguments…` once, its standard error discarded.
  static func ask(_ arguments: [String]) throws -> Answer {
    let (pid, outputEnd, start) = try Child.spawn(
      transitionPath, arguments, discardingErrors: true)
    let watcher = PeakWatcher(pid: pid)
    var digest = SHA256Hasher()
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = read(outputEnd, &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      digest.update(Array(chunk[0..<count]))
    }
    close(outputEnd)
    var status: Int32 = 0
    // Wait without reaping, so the last reading of the child's /proc entry is its own.
    var info = siginfo_t()
    while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
    let seconds = Clock.seconds(since: start)
    let peak = watcher.stop()
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exited = status & 0x7F == 0
    return Answer(
      seconds: seconds, peakResidentBytes: peak,
      status: exited ? (status >> 8) & 0xFF : -1,
      digest: String(digest.finalize().hexString.prefix(16)))
  }

  /// `transition-bench w7 STORE`: every question once on the W6 log in STORE (after
  /// `w6prep`), a line each, the first with the cache removed.
  static func run(store: String) throws -> String {
    let log = Workloads.logPath(store)
    let floor = try ask(["--help"])
    var lines = ["floor process_s=\(Format.fixed(floor.seconds, 3))"]
    unlink(log + ".projections")
    for question in questions(log: log, try subjects(of: log)) {
      let answer = try ask(question.arguments)
      lines.append(line(question, answer, floor: floor.seconds))
    }
    return lines.joined(separator: "\n")
  }

  /// The raw line of one answer, in the runner's `key=value` form.
  static func line(_ question: Question, _ answer: Answer, floor: Double) -> String {
    "\(question.name) process_s=\(Format.fixed(answer.seconds, 3))"
      + " peak_rss_mb=\(Format.fixed(Double(answer.peakResidentBytes) / 1e6, 1))"
      + " floor_ratio=\(Format.fixed(answer.seconds / max(floor, 1e-6), 1))"
      + " status=\(answer.status) digest=\(answer.digest)"
  }
}

/// The peak resident memory of one child process, read from its own `/proc/PID/status`
/// (`VmHWM`) every millisecond until it exits.
///
/// `wait4`'s `ru_maxrss` cannot be used: on Linux a spawned child's figure starts from the
/// high-water mark of the parent it was spawned from (the benchmark itself), so every question
/// would report at least the benchmark's own peak. `VmHWM` belongs to the memory the child's
/// program was given at `exec`, and only grows, so the last reading before exit is the peak
/// up to that millisecond.
final class PeakWatcher: @unchecked Sendable {
  private let lock = NSLock()
  private var running = true
  private var peakBytes = 0
  private let path: String

  /// Starts watching the process `pid`.
  init(pid: pid_t) {
    path = "/proc/\(pid)/status"
    Thread { [self] in
      while isRunning {
        if let bytes = Self.highWaterBytes(path) { record(bytes) }
        usleep(1_000)
      }
    }.start()
  }

  /// Stops watching; returns the highest `VmHWM` seen, in bytes.
  func stop() -> Int {
    lock.lock()
    defer { lock.unlock() }
    running = false
    return peakBytes
  }

  private var isRunning: Bool {
    lock.lock()
    defer { lock.unlock() }
    return running
  }

  private func record(_ bytes: Int) {
    lock.lock()
    defer { lock.unlock() }
    if running { peakBytes = max(peakBytes, bytes) }
  }

  /// `VmHWM` of a `/proc/PID/status` file in bytes, or nil when it cannot be read.
  static func highWaterBytes(_ path: String) -> Int? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return nil }
    return kilobytes * 1024
  }
}
