#if canImport(Glibc)
  import Glibc
#endif

/// A failure that ends the bench with a message and a non-zero status.
struct BenchFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Monotonic time in nanoseconds.
enum Clock {
  static func nanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
  }

  /// Seconds since `start` (nanoseconds from `nanoseconds()`).
  static func seconds(since start: UInt64) -> Double {
    Double(nanoseconds() - start) / 1e9
  }
}

/// Nearest-rank percentiles and medians (WORKLOADS.md §5).
enum Stats {
  /// `sorted[ceil(q·n) − 1]` with q = `numerator / denominator`.
  static func percentile<T: Comparable>(_ values: [T], _ numerator: Int, _ denominator: Int) -> T {
    let sorted = values.sorted()
    let rank = (numerator * sorted.count + denominator - 1) / denominator
    return sorted[max(rank - 1, 0)]
  }

  /// The median as Python's `statistics.median` computes it (mean of the middle two).
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

/// Number formatting as runner.py does it.
enum Format {
  /// `runner.py`'s `fmt`: integers from 1000 up, else up to 3 decimals without trailing zeros.
  static func runner(_ value: Double) -> String {
    if abs(value) >= 1000 { return String(Int(value.rounded())) }
    if value == value.rounded() { return String(Int(value)) }
    var text = fixed(value, 3)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// `value` with `decimals` digits after the point.
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    let fraction = Int(scaled - Double(whole) * scale)
    var text = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
    if decimals > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return text
  }
}

/// The process's peak resident set (VmHWM) in bytes, from /proc/self/status.
enum Memory {
  static func peakResidentBytes() -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
      let text = String(
        decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if text.hasPrefix("VmHWM:") {
        let digits = text.filter { $0.isNumber }
        return (Int(digits) ?? 0) * 1024
      }
    }
    return 0
  }
}

/// Files and directories.
enum Files {
  static func size(_ path: String) -> Int64 {
    var status = stat()
    return stat(path, &status) == 0 ? Int64(status.st_size) : -1
  }

  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  static func makeDirectory(_ path: String) throws {
    var built = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      built += "/" + part
      if mkdir(built, 0o755) != 0 && errno != EEXIST {
        throw BenchFailure("cannot create \(built): errno \(errno)")
      }
    }
  }

  /// Removes `path` and everything under it.
  static func removeTree(_ path: String) {
    guard let directory = opendir(path) else {
      unlink(path)
      return
    }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      let child = path + "/" + name
      var status = stat()
      if lstat(child, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
        removeTree(child)
      } else {
        unlink(child)
      }
    }
    closedir(directory)
    rmdir(path)
  }

  /// A fresh directory under `$TMPDIR` (or /tmp).
  static func temporaryDirectory(_ prefix: String) throws -> String {
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((base + "/" + prefix + "-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> UnsafeMutablePointer<CChar>? in
      guard let base = buffer.baseAddress else { return nil }
      return mkdtemp(base)
    }
    guard let made else {
      throw BenchFailure("mkdtemp failed: errno \(errno)")
    }
    return String(cString: made)
  }
}

/// Runs this executable as a child process and times it, spawn to exit.
enum Child {
  /// This executable's path.
  static let executable: String = {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return CommandLine.arguments[0] }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }()

  /// Starts `executable arguments…` with its standard output on a pipe (and its standard
  /// error discarded when asked); returns the child, the pipe's read end and the start time.
  static func spawn(_ executable: String, _ arguments: [String], discardingErrors: Bool = false)
    throws -> (pid: pid_t, output: Int32, start: UInt64)
  {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw BenchFailure("pipe failed: errno \(errno)") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    if discardingErrors {
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    let argv = ([executable] + arguments).map { strdup($0) }
    defer {
      for pointer in argv { free(pointer) }
    }
    var pid: pid_t = 0
    let start = Clock.nanoseconds()
    let spawned = (argv + [nil]).withUnsafeBufferPointer { pointers in
      guard let base = pointers.baseAddress else { return EINVAL }
      return posix_spawn(
        &pid, executable, &actions, nil, UnsafeMutablePointer(mutating: base), environ)
    }
    close(pipeEnds[1])
    guard spawned == 0 else {
      close(pipeEnds[0])
      throw BenchFailure("cannot start \(executable): errno \(spawned)")
    }
    return (pid, pipeEnds[0], start)
  }

  /// Runs `transition-bench arguments…`; returns its standard output and wall seconds.
  static func run(_ arguments: [String]) throws -> (output: String, seconds: Double) {
    let (pid, outputEnd, start) = try spawn(executable, arguments)
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = read(outputEnd, &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      output.append(contentsOf: chunk[0..<count])
    }
    close(outputEnd)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let seconds = Clock.seconds(since: start)
    let text = String(decoding: output, as: UTF8.self)
    let exited = status & 0x7F == 0
    let code = (status >> 8) & 0xFF
    guard exited && code == 0 else {
      throw BenchFailure(
        "transition-bench \(arguments.joined(separator: " ")) failed (status \(status)):\n\(text)")
    }
    return (text, seconds)
  }

  /// The last line of `output` that holds a `=`, as runner.py takes it.
  static func resultLine(_ output: String) -> String {
    output.split(separator: "\n").last { $0.contains("=") }.map { String($0).trimmed } ?? ""
  }
}

extension String {
  var trimmed: String {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return String(text)
  }

  /// The `key=value` pairs of a result line.
  var keyValues: [String: String] {
    var pairs: [String: String] = [:]
    for token in split(separator: " ") {
      guard let equals = token.firstIndex(of: "=") else { continue }
      pairs[String(token[..<equals])] = String(token[token.index(after: equals)...])
    }
    return pairs
  }
}
