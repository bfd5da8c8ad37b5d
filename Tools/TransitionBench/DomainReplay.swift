import EventLog
import Projections
import TransitionDomain

#if canImport(Glibc)
  import Glibc
#endif

/// W6, domain replay: the synthetic transition (`SyntheticTransition`) written as a log, then
/// replayed into every projection and every view computed, as `transition` does without its
/// sidecar.
enum DomainReplay {
  /// The records of W6 by default.
  static let defaultEvents = 1_000_000

  /// Writes the first `events` records of the synthetic transition to the store's log through
  /// `LogWriter.append` in batches of 1,000 (not a timed workload).
  static func prepare(store: String, events: Int) throws -> String {
    try Files.makeDirectory(store)
    let path = Workloads.logPath(store)
    Files.removeTree(path)
    let start = Clock.nanoseconds()
    let clock = ScriptedClock()
    let writer = try LogWriter.create(
      path: path, name: "synthetic", options: Workloads.writerOptions(clock))
    var batch: [RecordDraft] = []
    batch.reserveCapacity(1_000)
    var first: Int64 = 1
    func flush() throws {
      clock.set(seq: first)
      try writer.append(batch)
      first += Int64(batch.count)
      batch.removeAll(keepingCapacity: true)
    }
    for step in SyntheticTransition(count: events) {
      batch.append(RecordCodec.draft(step.pending, by: SyntheticTransition.actor))
      if batch.count == 1_000 { try flush() }
    }
    if !batch.isEmpty { try flush() }
    guard writer.lastSeq == Int64(events) else {
      throw BenchFailure("W6 wrote \(writer.lastSeq) records, not \(events)")
    }
    return "build_s=\(Format.fixed(Clock.seconds(since: start), 3))"
      + " store_bytes=\(Files.size(path)) events=\(events)"
  }

  /// W6: opens the log as `TransitionProjector(path:useSidecar: false)` does (a checked,
  /// streamed replay into the ledger), then computes every view and the audit for one
  /// (valid day, known-at everything) and hashes them all into `digest`.
  static func run(store: String) throws -> String {
    let path = Workloads.logPath(store)
    // The valid day of the query: the last effective day of the log (from its last line alone;
    // the replay below checks every line).
    let count = try LogReader(path: path).head()?.recordCount ?? 0
    let query = ViewQuery(validAt: SyntheticTransition(count: Int(count)).lastDay)
    let start = Clock.nanoseconds()
    let projector = try TransitionProjector(path: path, useSidecar: false)
    let replaySeconds = Clock.seconds(since: start)
    let records = projector.ledger.lastSeq
    let context = try projector.context(query)
    var text = "validAt=\(query.validAt) knownAt=\(records)\n"
    var rows = 0
    for view in ViewName.allCases {
      let table = context.table(view)
      rows += table.rows.count
      text += "\(view.rawValue) \(table.digest)\n"
    }
    let findings = context.audit()
    for finding in findings { text += "\(finding)\n" }
    let digest = SHA256.hash(Array(text.utf8)).hexString
    let seconds = Clock.seconds(since: start)
    return "events_per_s=\(Int((Double(records) / seconds).rounded()))"
      + " seconds=\(Format.fixed(seconds, 3)) replay_s=\(Format.fixed(replaySeconds, 3))"
      + " views_s=\(Format.fixed(seconds - replaySeconds, 3))"
      + " peak_rss_mb=\(Format.fixed(Double(Memory.peakResidentBytes()) / 1e6, 1))"
      + " valid_at=\(query.validAt) view_rows=\(rows) findings=\(findings.count)"
      + " events=\(records) digest=\(digest.prefix(16))"
  }
}
