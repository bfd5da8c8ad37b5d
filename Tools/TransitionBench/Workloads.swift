import CSHA256
import EventLog
import Projections

#if canImport(Glibc)
  import Glibc
#endif

/// The workloads of WORKLOADS.md on this project's code; each returns its result line.
enum Workloads {
  /// The log inside a store directory.
  static func logPath(_ store: String) -> String { store + "/transition.log" }

  /// The bytes of the raw probe line: about the size of one of our record lines.
  static let probeLineBytes = 334

  static func writerOptions(_ clock: ScriptedClock) -> LogWriter.Options {
    var options = LogWriter.Options()
    options.clock = clock
    options.crashHook = .none
    return options
  }

  // MARK: W1

  /// W1: `events` durable single appends with `LogWriter.append`, each timed; interleaved
  /// with a raw `write` + `fdatasync` of a line of the same size to a probe file beside the
  /// log, so both see the same disk at the same moments (the probe before the append on even
  /// iterations, after it on odd ones).
  static func w1(store: String, events: Int) throws -> String {
    try Files.makeDirectory(store)
    let drafts = try BenchDrafts.drafts(count: events)
    let clock = ScriptedClock()
    let writer = try LogWriter.create(
      path: logPath(store), name: "bench", options: writerOptions(clock))
    let probePath = store + "/raw-probe"
    let probe = open(probePath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
    guard probe >= 0 else { throw BenchFailure("cannot open \(probePath): errno \(errno)") }
    defer {
      close(probe)
      unlink(probePath)
    }
    var line = [UInt8](repeating: UInt8(ascii: "x"), count: probeLineBytes)
    line[probeLineBytes - 1] = 0x0A
    var latencies: [UInt64] = []
    var rawLatencies: [UInt64] = []
    latencies.reserveCapacity(events)
    rawLatencies.reserveCapacity(events)
    func probeOnce() throws {
      let rawStart = Clock.nanoseconds()
      guard write(probe, line, line.count) == line.count, fdatasync(probe) == 0 else {
        throw BenchFailure("raw probe write failed: errno \(errno)")
      }
      rawLatencies.append(Clock.nanoseconds() - rawStart)
    }
    // The probe and the append alternate which goes first, so neither is always the one that
    // follows the other's journal commit (an order bias of the first version of W1).
    for (index, draft) in drafts.enumerated() {
      if index % 2 == 0 { try probeOnce() }
      clock.set(seq: Int64(index + 1))
      let start = Clock.nanoseconds()
      try writer.append([draft])
      latencies.append(Clock.nanoseconds() - start)
      if index % 2 == 1 { try probeOnce() }
    }
    guard writer.lastSeq == Int64(events) else {
      throw BenchFailure("W1 wrote \(writer.lastSeq) records, not \(events)")
    }
    let total = Double(latencies.reduce(0, +)) / 1e9
    let p50 = Double(Stats.percentile(latencies, 50, 100)) / 1e3
    let rawP50 = Double(Stats.percentile(rawLatencies, 50, 100)) / 1e3
    return "p50_us=\(Format.fixed(p50, 1))"
      + " p99_us=\(Format.fixed(Double(Stats.percentile(latencies, 99, 100)) / 1e3, 1))"
      + " max_us=\(Format.fixed(Double(latencies.max() ?? 0) / 1e3, 1))"
      + " events_per_s=\(Int((Double(events) / total).rounded()))"
      + " raw_p50_us=\(Format.fixed(rawP50, 1))"
      + " raw_p99_us=\(Format.fixed(Double(Stats.percentile(rawLatencies, 99, 100)) / 1e3, 1))"
      + " p50_ratio=\(Format.fixed(p50 / rawP50, 3)) events=\(events)"
  }

  // MARK: W2

  /// W2: `events` appended with `LogWriter.append` in batches of 1,000, one fdatasync each.
  static func w2(store: String, events: Int) throws -> String {
    try Files.makeDirectory(store)
    let drafts = try BenchDrafts.drafts(count: events)
    let batches = stride(from: 0, to: events, by: 1000).map {
      Array(drafts[$0..<min($0 + 1000, events)])
    }
    let clock = ScriptedClock()
    let writer = try LogWriter.create(
      path: logPath(store), name: "bench", options: writerOptions(clock))
    var first: Int64 = 1
    let start = Clock.nanoseconds()
    for batch in batches {
      clock.set(seq: first)
      try writer.append(batch)
      first += Int64(batch.count)
    }
    let seconds = Clock.seconds(since: start)
    guard writer.lastSeq == Int64(events) else {
      throw BenchFailure("W2 wrote \(writer.lastSeq) records, not \(events)")
    }
    return "events_per_s=\(Int((Double(events) / seconds).rounded()))"
      + " seconds=\(Format.fixed(seconds, 3)) store_bytes=\(Files.size(logPath(store)))"
      + " events=\(events)"
  }

  // MARK: W3

  /// The replay options of a mode: `pipelined` (default), `sequential`, or `nochain`
  /// (pipelined without the prev check, for a replay right after a verify).
  static func replayOptions(_ mode: String) throws -> ReplayOptions {
    switch mode {
    case "pipelined", "default": return ReplayOptions()
    case "sequential": return ReplayOptions(concurrency: .sequential)
    case "nochain": return ReplayOptions(checkChain: false)
    default: throw BenchFailure("unknown mode \(mode): pipelined, sequential or nochain")
    }
  }

  /// W3: full replay into the current projection through `Projections.Replay`.
  static func w3(store: String, mode: String) throws -> String {
    let options = try replayOptions(mode)
    let start = Clock.nanoseconds()
    var fold = CurrentFold()
    let outcome = try Replay.run(path: logPath(store), into: &fold, options: options)
    let summary = fold.table.summary
    let seconds = Clock.seconds(since: start)
    if let tail = outcome.tornTail { throw BenchFailure("the store ends in a torn tail: \(tail)") }
    let bytes = Double(outcome.endOffset)
    return "events_per_s=\(Int((Double(outcome.recordsFolded) / seconds).rounded()))"
      + " seconds=\(Format.fixed(seconds, 3))"
      + " mb_per_s=\(Format.fixed(bytes / seconds / 1e6, 1))"
      + " peak_rss_mb=\(Format.fixed(Double(Memory.peakResidentBytes()) / 1e6, 1))"
      + " mode=\(mode) chain=\(options.checkChain ? "checked" : "unchecked")"
      + " events=\(outcome.recordsFolded) \(summary)"
  }

  // MARK: W4

  static func day(_ text: String) throws -> LogDay {
    guard let day = LogDay(text) else { throw BenchFailure("not a day YYYY-MM-DD: \(text)") }
    return day
  }

  static func sidecar(_ store: String) -> Sidecar {
    Sidecar(logPath: logPath(store), kind: AsOfIndexFold.kind)
  }

  /// Prepares mode `mode`: `sidecar` (re)builds the sidecar, anything else removes it.
  static func w4prep(store: String, mode: String) throws -> String {
    let sidecar = sidecar(store)
    sidecar.remove()
    guard mode == "sidecar" else { return "mode=\(mode) sidecar=removed" }
    let start = Clock.nanoseconds()
    let built = try sidecar.loadOrRebuild(makeFold: { AsOfIndexFold() }, encode: { $0.encode() })
    let seconds = Clock.seconds(since: start)
    return "mode=sidecar build_ms=\(Format.fixed(seconds * 1e3, 1))"
      + " sidecar_bytes=\(Files.size(sidecar.path)) source=\(built.source.rawValue)"
  }

  /// W4: the as-of table at `date`, by full scan or from the sidecar (rebuilt if stale).
  static func w4(store: String, date: String, mode: String) throws -> String {
    let day = try day(date)
    let start = Clock.nanoseconds()
    let table: StaffTable
    var source = "scan"
    var events: Int64 = 0
    switch mode {
    case "scan", "default":
      var fold = AsOfFold(day: day)
      events = try Replay.run(path: logPath(store), into: &fold).recordsFolded
      table = fold.table
    case "sidecar":
      let sidecar = sidecar(store)
      let found = try sidecar.loadOrRebuild(makeFold: { AsOfIndexFold() }, encode: { $0.encode() })
      guard let answer = AsOfIndexFold.query(found.payload, day: day) else {
        throw BenchFailure("the as-of index payload is malformed")
      }
      table = answer
      source = found.source.rawValue
      if case .fresh(_, let stamp) = found.lookup { events = stamp.recordCount }
    default:
      throw BenchFailure("unknown W4 mode \(mode): scan or sidecar")
    }
    let summary = table.summary
    let seconds = Clock.seconds(since: start)
    return "asof=\(date) mode=\(mode) source=\(source) query_ms=\(Format.fixed(seconds * 1e3, 1))"
      + " events=\(events) \(summary)"
  }

  // MARK: W5

  /// W5: verifies the whole log with `LogVerifier`.
  static func w5(store: String, mode: String) throws -> String {
    let concurrency: ReadConcurrency
    var computeCheckpoint = false
    switch mode {
    case "pipelined", "default": concurrency = .pipelined
    case "sequential": concurrency = .sequential
    case "checkpoint":
      concurrency = .pipelined
      computeCheckpoint = true
    default:
      throw BenchFailure("unknown W5 mode \(mode): pipelined, sequential or checkpoint")
    }
    let path = logPath(store)
    let start = Clock.nanoseconds()
    let report = try LogVerifier.verify(
      path: path, computeCheckpoint: computeCheckpoint, concurrency: concurrency)
    let seconds = Clock.seconds(since: start)
    let bytes = Double(Files.size(path))
    let root = report.checkpoint.map { " root=\($0.rootHash.hexString.prefix(16))" } ?? ""
    return "events_per_s=\(Int((Double(report.recordCount) / seconds).rounded()))"
      + " mb_per_s=\(Format.fixed(bytes / seconds / 1e6, 1)) seconds=\(Format.fixed(seconds, 3))"
      + " mode=\(mode) events=\(report.recordCount)\(root)"
  }

  // MARK: Limits

  /// Raw append + fdatasync of a probe line in `directory`: p50 and p99 in microseconds.
  static func rawSync(directory: String, count: Int) throws -> (p50: Double, p99: Double) {
    let probePath = directory + "/raw-probe-limits"
    let probe = open(probePath, O_WRONLY | O_CREAT | O_APPEND | O_TRUNC | O_CLOEXEC, 0o640)
    guard probe >= 0 else { throw BenchFailure("cannot open \(probePath): errno \(errno)") }
    defer {
      close(probe)
      unlink(probePath)
    }
    var line = [UInt8](repeating: UInt8(ascii: "x"), count: probeLineBytes)
    line[probeLineBytes - 1] = 0x0A
    var latencies: [UInt64] = []
    for _ in 0..<count {
      let start = Clock.nanoseconds()
      guard write(probe, line, line.count) == line.count, fdatasync(probe) == 0 else {
        throw BenchFailure("raw probe write failed: errno \(errno)")
      }
      latencies.append(Clock.nanoseconds() - start)
    }
    return (
      Double(Stats.percentile(latencies, 50, 100)) / 1e3,
      Double(Stats.percentile(latencies, 99, 100)) / 1e3
    )
  }

  /// SHA-256 throughput in bytes per second: the implementation in use on 1 MiB pieces and
  /// on lines of a record's size, and the portable C one on 1 MiB pieces.
  static func shaThroughput(megabytes: Int) -> (bulk: Double, lines: Double, portable: Double) {
    let total = megabytes << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: total, alignment: 64)
    defer { buffer.deallocate() }
    for index in 0..<total { buffer[index] = UInt8(truncatingIfNeeded: index &* 31) }
    var sink: UInt64 = 0
    func time(_ body: () -> Void) -> Double {
      let start = Clock.nanoseconds()
      body()
      return Clock.seconds(since: start)
    }
    let piece = 1 << 20
    let bulk = time {
      for start in stride(from: 0, to: total, by: piece) {
        sink ^=
          SHA256.hash(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + piece)]))
          .hashValue.magnitude.asUInt64
      }
    }
    let lineBytes = probeLineBytes - 1
    var hashed = 0
    let lines = time {
      var start = 0
      while start + lineBytes <= total {
        sink ^=
          SHA256.hash(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + lineBytes)]))
          .hashValue.magnitude.asUInt64
        start += lineBytes + 1
        hashed += lineBytes
      }
    }
    let portableBytes = min(total, 32 << 20)
    let portable = time {
      for start in stride(from: 0, to: portableBytes, by: piece) {
        sink ^=
          SHA256.hashPortable(
            UnsafeRawBufferPointer(rebasing: buffer[start..<(start + piece)])
          ).hashValue.magnitude.asUInt64
      }
    }
    if sink == 42 { print("") }  // keeps the hashing from being optimised away
    return (Double(total) / bulk, Double(hashed) / lines, Double(portableBytes) / portable)
  }

  /// Warm page-cache read bandwidth of `path` in bytes per second (pread in 4 MiB chunks).
  static func readBandwidth(path: String) throws -> Double {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw BenchFailure("cannot open \(path): errno \(errno)") }
    defer { close(descriptor) }
    let chunk = 4 << 20
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 64)
    defer { buffer.deallocate() }
    var best = 0.0
    for _ in 0..<3 {
      var offset: Int64 = 0
      let start = Clock.nanoseconds()
      while true {
        let count = pread(descriptor, buffer, chunk, off_t(offset))
        if count <= 0 { break }
        offset += Int64(count)
      }
      best = max(best, Double(offset) / Clock.seconds(since: start))
    }
    return best
  }

  // MARK: Generator check

  /// Writes the first `count` events in the reference format of WORKLOADS.md §1 (the bytes
  /// gen.py writes) and returns the byte count and the SHA-256 of the last line.
  static func referenceLog(count: Int, to path: String?) throws -> (bytes: Int, lastHash: String) {
    var prev = String(repeating: "0", count: 64)
    var output: [UInt8] = []
    var total = 0
    let file = path.map { fopen($0, "w") } ?? nil
    defer { if let file { fclose(file) } }
    for event in TransferStream(count: count) {
      let line = Array(event.referenceLine(prev: prev).utf8)
      prev = SHA256.hash(line).hexString
      total += line.count + 1
      if file != nil {
        output.append(contentsOf: line)
        output.append(0x0A)
        if output.count > 1 << 20 {
          fwrite(output, 1, output.count, file)
          output.removeAll(keepingCapacity: true)
        }
      }
    }
    if let file { fwrite(output, 1, output.count, file) }
    return (total, prev)
  }
}

extension UInt {
  var asUInt64: UInt64 { UInt64(truncatingIfNeeded: self) }
}
