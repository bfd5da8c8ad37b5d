import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// `transition-bench all`: runs every workload as runner.py would (each W3/W4/W5 run a new
/// process, timed spawn to exit), measures the limits, prints raw lines, the summary table,
/// the ratios to the limits and the targets; exits non-zero if a check fails.
struct BenchRun {
  let store: String
  let quick: Bool
  let keep: Bool

  private var w1Events: Int { quick ? 200 : 10_000 }
  private var w2Events: Int { quick ? 20_000 : 1_000_000 }
  private var repeats: Int { quick ? 1 : 3 }
  private var w4Repeats: Int { quick ? 2 : 5 }
  private var w6Events: Int { quick ? 20_000 : DomainReplay.defaultEvents }
  /// W6 at full size takes minutes per run (see docs/BENCHMARK.md), so it runs once.
  private var w6Repeats: Int { 1 }

  init(store: String, quick: Bool, keep: Bool) {
    self.store = store
    self.quick = quick
    self.keep = keep
  }

  /// One workload's runs under one system label.
  struct Series {
    let workload: String
    let name: String
    let system: String
    var runs: [[String: String]] = []
    var checks: [Bool] = []
  }

  final class Report {
    var series: [Series] = []
    var failures: [String] = []
    var limits: [String: Double] = [:]
    var notes: [String] = []
  }

  func run() throws -> Int32 {
    let report = Report()
    try Files.makeDirectory(store)
    print(
      "# transition-bench all\(quick ? " --quick" : ""): store=\(store) sha256=\(SHA256.implementationName)"
        + " cores=\(sysconf(Int32(_SC_NPROCESSORS_ONLN))) w1_events=\(w1Events)"
        + " w2_events=\(w2Events) repeats=\(repeats) w4_repeats=\(w4Repeats)")
    generatorCheck(report)
    try measureLimits(report)
    try runW1(report)
    try runW2(report)
    let log = Workloads.logPath(store + "/main")
    report.limits["read_bytes_per_s"] = try Workloads.readBandwidth(path: log)
    print(
      "L read transition warm_mb_per_s=\(Format.fixed(report.limits["read_bytes_per_s", default: 0] / 1e6, 0))"
    )
    try runW3(report)
    try runW4(report)
    try runW5(report)
    try runW6(report)
    printSummary(report)
    if !keep { Files.removeTree(store) }
    if report.failures.isEmpty {
      print("# all checks passed")
      return 0
    }
    for failure in report.failures { print("# CHECK FAILED: \(failure)") }
    return 1
  }

  // MARK: - Steps

  private func generatorCheck(_ report: Report) {
    let count = 10_000
    guard let reference = try? Workloads.referenceLog(count: count, to: nil) else {
      report.failures.append("the reference generator failed")
      return
    }
    let ok =
      reference.bytes == Expected.reference10k.bytes
      && reference.lastHash == Expected.reference10k.lastHash
    if !ok { report.failures.append("generator: the reference lines differ from gen.py's") }
    print(
      "G generator transition events=\(count) bytes=\(reference.bytes)"
        + " last_line_sha256=\(reference.lastHash) check=\(ok ? "ok" : "MISMATCH")")
  }

  private func measureLimits(_ report: Report) throws {
    let line = try BenchRun.limitsLine(store: store, quick: quick)
    print("L limits transition \(line)")
    for (key, value) in line.keyValues {
      if let number = Double(value) { report.limits[key] = number }
    }
    var starts: [Double] = []
    for _ in 0..<(quick ? 5 : 21) { starts.append(try Child.run(["noop"]).seconds) }
    report.limits["process_start_ms"] = Stats.median(starts) * 1e3
    print(
      "L start transition process_ms=\(Format.fixed(Stats.median(starts) * 1e3, 2)) n=\(starts.count)"
    )
  }

  /// Raw sync latency and SHA-256 throughput, as one result line.
  static func limitsLine(store: String, quick: Bool) throws -> String {
    try Files.makeDirectory(store)
    let sync = try Workloads.rawSync(directory: store, count: quick ? 200 : 2000)
    let sha = Workloads.shaThroughput(megabytes: quick ? 64 : 256)
    return
      "raw_sync_p50_us=\(Format.fixed(sync.p50, 1)) raw_sync_p99_us=\(Format.fixed(sync.p99, 1))"
      + " sha256=\(SHA256.implementationName)"
      + " sha_bulk_mb_per_s=\(Format.fixed(sha.bulk / 1e6, 0))"
      + " sha_line_mb_per_s=\(Format.fixed(sha.lines / 1e6, 0))"
      + " sha_portable_mb_per_s=\(Format.fixed(sha.portable / 1e6, 0))"
  }

  private func runW1(_ report: Report) throws {
    var series = Series(workload: "W1", name: "append", system: "transition")
    for run in 1...repeats {
      let target = store + "/w1"
      Files.removeTree(target)
      let (output, seconds) = try Child.run(["w1", target, "--events", String(w1Events)])
      record(&series, run: run, output: output, seconds: seconds, report: report) { values in
        values["events"] == String(w1Events)
      }
    }
    report.series.append(series)
  }

  private func runW2(_ report: Report) throws {
    var series = Series(workload: "W2", name: "import", system: "transition")
    for run in 1...repeats {
      let target = store + "/main"
      Files.removeTree(target)
      let (output, seconds) = try Child.run(["w2", target, "--events", String(w2Events)])
      record(&series, run: run, output: output, seconds: seconds, report: report) { values in
        values["events"] == String(w2Events)
      }
    }
    report.series.append(series)
  }

  private func runW3(_ report: Report) throws {
    let expected = Expected.summaries[w2Events]?.w3
    for mode in ["pipelined", "sequential"] {
      var series = Series(
        workload: "W3", name: "replay",
        system: mode == "pipelined" ? "transition" : "transition-" + mode)
      for run in 1...repeats {
        let (output, seconds) = try Child.run(["w3", store + "/main", mode])
        record(&series, run: run, output: output, seconds: seconds, report: report) { values in
          Expected.summary(of: Child.resultLine(output)) == expected
            && values["events"] == String(w2Events)
        }
      }
      report.series.append(series)
    }
  }

  private func runW4(_ report: Report) throws {
    let expected = Expected.summaries[w2Events]?.w4
    for mode in ["scan", "sidecar"] {
      let prep = try Child.run(["w4prep", store + "/main", mode])
      print("W4 prep transition-\(mode) \(Child.resultLine(prep.output))")
      var series = Series(workload: "W4", name: "asof", system: "transition-" + mode)
      for run in 1...w4Repeats {
        let (output, seconds) = try Child.run(["w4", store + "/main", Expected.asOfDate, mode])
        record(&series, run: run, output: output, seconds: seconds, report: report) { values in
          Expected.summary(of: Child.resultLine(output)) == expected
            && (mode == "scan" || values["source"] == "sidecar")
        }
      }
      report.series.append(series)
    }
    // A stale sidecar is never used: after an append it is rebuilt by a scan.
    try staleSidecarCheck(report, expected: expected)
  }

  /// Appends to a copy of the store and checks that W4 with the old sidecar rebuilds it.
  private func staleSidecarCheck(_ report: Report, expected: String?) throws {
    let copy = store + "/stale"
    Files.removeTree(copy)
    try Files.makeDirectory(copy)
    let small = try Child.run(["w2", copy, "--events", "10000"])
    _ = small
    _ = try Child.run(["w4prep", copy, "sidecar"])
    let clock = ScriptedClock()
    let writer = try LogWriter(
      path: Workloads.logPath(copy), options: Workloads.writerOptions(clock))
    clock.set(seq: 10_001)
    let extra = try BenchDrafts.drafts(count: 10_001).last.map { [$0] } ?? []
    try writer.append(extra)
    let stale = try Child.run(["w4", copy, Expected.asOfDate, "sidecar"])
    let again = try Child.run(["w4", copy, Expected.asOfDate, "sidecar"])
    let scan = try Child.run(["w4", copy, Expected.asOfDate, "scan"])
    let staleLine = Child.resultLine(stale.output)
    let againLine = Child.resultLine(again.output)
    let ok =
      staleLine.keyValues["source"] == "rebuilt" && againLine.keyValues["source"] == "sidecar"
      && Expected.summary(of: staleLine) == Expected.summary(of: Child.resultLine(scan.output))
      && Expected.summary(of: againLine) == Expected.summary(of: staleLine)
    if !ok { report.failures.append("W4 sidecar: a stale sidecar was not rebuilt") }
    print(
      "W4 stale transition-sidecar after_append_source=\(staleLine.keyValues["source"] ?? "?")"
        + " next_source=\(againLine.keyValues["source"] ?? "?") equals_scan=\(ok) check=\(ok ? "ok" : "MISMATCH")"
    )
    _ = expected
    Files.removeTree(copy)
  }

  private func runW5(_ report: Report) throws {
    // `checkpoint` also computes the Merkle tree (as `transition checkpoint` does); W5 itself is
    // the chain check of WORKLOADS.md, which does not need it.
    for mode in ["pipelined", "sequential", "checkpoint"] {
      var series = Series(
        workload: "W5", name: "verify",
        system: mode == "pipelined" ? "transition" : "transition-" + mode)
      for run in 1...repeats {
        let (output, seconds) = try Child.run(["w5", store + "/main", mode])
        record(&series, run: run, output: output, seconds: seconds, report: report) { values in
          values["events"] == String(w2Events)
        }
      }
      report.series.append(series)
    }
  }

  /// W6: writes the synthetic transition once (not timed), then replays it in new processes;
  /// the digest of every view and the audit must equal the pinned value for the size.
  private func runW6(_ report: Report) throws {
    let target = store + "/w6"
    Files.removeTree(target)
    let prep = try Child.run(["w6prep", target, "--events", String(w6Events)])
    print("W6 prep transition \(Child.resultLine(prep.output))")
    let expected = Expected.w6Digests[w6Events]
    var series = Series(workload: "W6", name: "domain-replay", system: "transition")
    for run in 1...w6Repeats {
      let (output, seconds) = try Child.run(["w6", target])
      record(&series, run: run, output: output, seconds: seconds, report: report) { values in
        values["events"] == String(w6Events)
          && (expected == nil || values["digest"] == expected)
      }
    }
    if expected == nil {
      report.notes.append("W6: no digest pinned for \(w6Events) records (not compared)")
    }
    report.series.append(series)
    try runW7(report, store: target)
    if !keep { Files.removeTree(target) }
  }

  /// W7: the users' questions as cold `transition` processes on the W6 log (see
  /// `UserQuestions`); each answer's digest must equal the pinned one for the size.
  private func runW7(_ report: Report, store: String) throws {
    let log = Workloads.logPath(store)
    var floors: [Double] = []
    for _ in 1...repeats { floors.append(try UserQuestions.ask(["--help"]).seconds) }
    let floor = Stats.median(floors)
    print("W7 floor transition process_s=\(Format.fixed(floor, 3))")
    report.limits["w7_floor_s"] = floor
    let pinned = Expected.w7Digests[w6Events]
    let questions = UserQuestions.questions(log: log, try UserQuestions.subjects(of: log))
    for question in questions {
      var series = Series(workload: "W7", name: question.name, system: "transition")
      for run in 1...repeats {
        if question.name == "first-query" { unlink(log + ".projections") }
        let answer = try UserQuestions.ask(question.arguments)
        var values = UserQuestions.line(question, answer, floor: floor).keyValues
        values["peak_rss_mb"] = Format.fixed(Double(answer.peakResidentBytes) / 1e6, 1)
        let ok =
          question.statuses.contains(answer.status)
          && (pinned?[question.name].map { $0 == answer.digest } ?? true)
        series.runs.append(values)
        series.checks.append(ok)
        let line = UserQuestions.line(question, answer, floor: floor)
        if !ok { report.failures.append("W7 \(question.name) run \(run): \(line)") }
        print("W7 \(question.name) transition run=\(run) \(line)")
      }
      report.series.append(series)
    }
    let unpinned = questions.map(\.name).filter { pinned?[$0] == nil }
    if !unpinned.isEmpty {
      report.notes.append(
        "W7: no digest pinned for \(unpinned.joined(separator: ", ")) at \(w6Events) records"
          + " (not compared)")
    }
  }

  /// Prints a raw line as runner.py does and keeps its values.
  private func record(
    _ series: inout Series, run: Int, output: String, seconds: Double, report: Report,
    check: ([String: String]) -> Bool
  ) {
    let line = Child.resultLine(output)
    var values = line.keyValues
    let lead: String
    if series.workload == "W4" {
      values["latency_ms"] = Format.fixed(seconds * 1e3, 1)
      lead = "latency_ms=\(Format.fixed(seconds * 1e3, 1)) "
    } else {
      values["process_s"] = Format.fixed(seconds, 3)
      lead = "process_s=\(Format.fixed(seconds, 3)) "
    }
    let ok = check(values)
    series.runs.append(values)
    series.checks.append(ok)
    if !ok { report.failures.append("\(series.workload) \(series.system) run \(run): \(line)") }
    print("\(series.workload) \(series.name) \(series.system) run=\(run) \(lead)\(line)")
  }

  // MARK: - Summary

  private static let metrics: [String: [String]] = [
    "W1": ["p50_us", "p99_us", "events_per_s", "raw_p50_us", "p50_ratio"],
    "W2": ["events_per_s", "store_bytes", "seconds"],
    "W3": ["events_per_s", "process_s", "peak_rss_mb", "mb_per_s"],
    "W4": ["latency_ms", "query_ms"],
    "W5": ["events_per_s", "process_s", "mb_per_s"],
    "W6": ["events_per_s", "process_s", "replay_s", "views_s", "peak_rss_mb"],
    "W7": ["process_s", "peak_rss_mb", "floor_ratio"],
  ]

  private func median(_ series: Series, _ key: String) -> Double? {
    let values = series.runs.compactMap { $0[key].flatMap(Double.init) }
    return values.isEmpty ? nil : Stats.median(values)
  }

  private func printSummary(_ report: Report) {
    print("# summary transition: median over runs; range = min..max of the first metric")
    for series in report.series {
      var parts: [String] = []
      var range = ""
      for key in Self.metrics[series.workload] ?? [] {
        let values = series.runs.compactMap { $0[key].flatMap(Double.init) }
        guard !values.isEmpty else { continue }
        parts.append("\(key)=\(Format.runner(Stats.median(values)))")
        if range.isEmpty {
          range = "range=\(Format.runner(values.min() ?? 0))..\(Format.runner(values.max() ?? 0))"
        }
      }
      let check = series.checks.allSatisfy { $0 } ? "ok" : "MISMATCH"
      print(
        "\(series.workload) \(series.name) \(series.system) \(parts.joined(separator: " "))"
          + " \(range) n=\(series.runs.count) check=\(check)")
      if series.workload == "W3" || series.workload == "W4",
        let last = series.runs.last.map({ $0 }), let line = summaryText(last)
      {
        print("\(series.workload) projection \(series.system) \(line)")
      }
      if series.workload == "W6", let last = series.runs.last, let digest = last["digest"] {
        print("W6 projection \(series.system) digest=\(digest)")
      }
    }
    for note in report.notes { print("# note: \(note)") }
    printLimitsAndTargets(report)
  }

  private func summaryText(_ values: [String: String]) -> String? {
    let orgs = Orgs.names.compactMap { name in values[name].map { "\(name)=\($0)" } }
    guard orgs.count == Orgs.names.count, let digest = values["digest"] else { return nil }
    return orgs.joined(separator: " ") + " digest=" + digest
  }

  private func series(_ report: Report, _ workload: String, _ system: String) -> Series? {
    report.series.first { $0.workload == workload && $0.system == system }
  }

  private func printLimitsAndTargets(_ report: Report) {
    let limits = report.limits
    let sha = (limits["sha_line_mb_per_s"] ?? 0) * 1e6
    let read = limits["read_bytes_per_s"] ?? 0
    let start = limits["process_start_ms"] ?? 0
    print(
      "# limits: raw append+fdatasync p50 \(Format.fixed(limits["raw_sync_p50_us"] ?? 0, 1)) us"
        + " (and per W1 run, interleaved); SHA-256 \(SHA256.implementationName)"
        + " \(Format.fixed(sha / 1e6, 0)) MB/s on record-sized lines,"
        + " \(Format.fixed(limits["sha_bulk_mb_per_s"] ?? 0, 0)) MB/s bulk, portable"
        + " \(Format.fixed(limits["sha_portable_mb_per_s"] ?? 0, 0)) MB/s; warm read"
        + " \(Format.fixed(read / 1e6, 0)) MB/s; process start \(Format.fixed(start, 2)) ms")
    print(
      "# ratios to limits and targets (medians)\(quick ? "; --quick sizes: targets not judged" : "")"
    )
    func verdict(_ met: Bool) -> String { quick ? "n/a (quick)" : (met ? "met" : "MISSED") }
    if let w1 = series(report, "W1", "transition"), let ratio = median(w1, "p50_ratio"),
      let p50 = median(w1, "p50_us"), let raw = median(w1, "raw_p50_us")
    {
      print(
        "T W1 append p50_us=\(Format.fixed(p50, 1)) raw_p50_us=\(Format.fixed(raw, 1))"
          + " ratio=\(Format.fixed(ratio, 3)) target<=1.10 \(verdict(ratio <= 1.10))")
    }
    if let w2 = series(report, "W2", "transition"), let rate = median(w2, "events_per_s"),
      let bytes = median(w2, "store_bytes"), let seconds = median(w2, "seconds")
    {
      let bytesPerSecond = bytes / seconds
      print(
        "T W2 import events_per_s=\(Format.runner(rate)) mb_per_s=\(Format.fixed(bytesPerSecond / 1e6, 1))"
          + " of_sha=\(Format.fixed(bytesPerSecond / sha, 3)) target>=1000000 \(verdict(rate >= 1_000_000))"
      )
    }
    for system in ["transition", "transition-sequential"] {
      if let w3 = series(report, "W3", system), let rate = median(w3, "events_per_s"),
        let megabytes = median(w3, "mb_per_s"), let peak = median(w3, "peak_rss_mb")
      {
        print(
          "T W3 replay \(system) events_per_s=\(Format.runner(rate))"
            + " of_read=\(Format.fixed(megabytes * 1e6 / read, 3)) of_sha=\(Format.fixed(megabytes * 1e6 / sha, 3))"
            + " peak_rss_mb=\(Format.fixed(peak, 1)) target>=3000000,<100MB"
            + " \(verdict(rate >= 3_000_000 && peak < 100))")
      }
    }
    for (system, limit) in [("transition-sidecar", 20.0), ("transition-scan", 400.0)] {
      if let w4 = series(report, "W4", system), let latency = median(w4, "latency_ms") {
        print(
          "T W4 asof \(system) latency_ms=\(Format.fixed(latency, 1))"
            + " of_start=\(Format.fixed(latency / start, 2)) target<\(Int(limit))ms \(verdict(latency < limit))"
        )
      }
    }
    for system in ["transition", "transition-sequential", "transition-checkpoint"] {
      if let w5 = series(report, "W5", system), let rate = median(w5, "events_per_s"),
        let megabytes = median(w5, "mb_per_s")
      {
        print(
          "T W5 verify \(system) events_per_s=\(Format.runner(rate))"
            + " of_sha=\(Format.fixed(megabytes * 1e6 / sha, 3)) target>=2000000 \(verdict(rate >= 2_000_000))"
        )
      }
    }
    if let w6 = series(report, "W6", "transition"), let rate = median(w6, "events_per_s"),
      let peak = median(w6, "peak_rss_mb")
    {
      print(
        "T W6 domain-replay transition events_per_s=\(Format.runner(rate))"
          + " peak_rss_mb=\(Format.fixed(peak, 1)) target>=1000000 \(verdict(rate >= 1_000_000))")
    }
  }
}
