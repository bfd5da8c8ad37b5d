import EventLog
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Group 1: child processes append and are killed with SIGKILL at random moments.
@Suite("Reliability 1: process crashes (SIGKILL at random moments)")
struct ProcessCrashTests {
  static let seeds = Seeds.forGroup("process-crash", defaults: [0x51C1_0001], longCount: 4)

  @Test(
    "after each SIGKILL (or crash in the middle of a batch's write) the log verifies once the torn tail is moved aside, every acknowledged id is there exactly once, no batch is there in part, nothing follows a torn tail, and a new writer continues the chain",
    arguments: seeds)
  func randomKills(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 0)
    var acknowledged: [Acknowledgement] = []
    var killed = 0
    var crashed = 0
    var tornTails = 0
    var batchSizes: [String: Int] = [:]
    let rounds = LongTests.enabled ? 250 : 10
    for round in 0..<rounds {
      let children = try (0..<random.int(1...3)).map { number in
        let name = "r\(round)c\(number)"
        let batch = random.int(1...4)
        batchSizes[name] = batch
        // One child in three crashes by itself halfway through writing a batch (SIGKILL
        // seldom lands inside write(2)), so torn batches do happen.
        let environment =
          random.int(0...2) == 0
          ? [
            "TRANSITION_CRASH_AT": CrashPoint.afterPartialWrite.rawValue,
            "TRANSITION_CRASH_AFTER": String(random.int(0...5)),
          ] : [:]
        return try TortureChild(
          [
            "append", path, "--writer", name, "--count", "100000", "--batch", String(batch),
          ], environment: environment)
      }
      usleep(UInt32(random.int(5_000...60_000)))
      for child in children { child.kill() }
      for child in children {
        let outcome = child.finish()
        if outcome.killed { killed += 1 }
        if outcome.status == 77 { crashed += 1 }
        acknowledged += Acknowledgement.parse(outcome.text)
      }
      let before = FileBytes.read(path)
      // Before recovery: the log verifies, or its only fault is a torn tail at the end.
      do {
        _ = try LogVerifier.verify(path: path)
      } catch let damage as LogDamage {
        expectSeeded(
          damage.kind == .tornTail, "round \(round): damage, not a torn tail: \(damage)",
          seed: seed)
        tornTails += 1
      }
      var problems = History.violations(path: path, acknowledgements: acknowledged)
      problems += Self.halfBatches(path: path, batchSizes: batchSizes)
      expectSeeded(problems.isEmpty, "round \(round): \(problems.prefix(5))", seed: seed)
      // Recovery only cut bytes off the end; nothing after the torn tail survived.
      let after = FileBytes.read(path)
      expectSeeded(
        after.count <= before.count && Array(before.prefix(after.count)) == after,
        "round \(round): recovery changed more than the tail", seed: seed)
      if !problems.isEmpty { break }
    }
    // A new writer continues the chain.
    let writer = try LogWriter(path: path, options: LogFixtures.options())
    try writer.append([LogFixtures.draft(1, id: "after-the-crashes")])
    let report = try LogVerifier.verify(path: path)
    expectSeeded(report.recordCount == writer.lastSeq, "final verify", seed: seed)
    reportFigure("process-crash.kills", killed)
    reportFigure("process-crash.torn-tails", tornTails)
    reportFigure("process-crash.crashed-mid-batch", crashed)
    reportFigure("process-crash.acknowledged", acknowledged.count)
    #expect(killed + crashed >= rounds, "each round kills or crashes at least one child")
  }

  /// The writers whose records in the log are not a whole number of their batches: a batch
  /// there in part (each writer appends items 1, 2, 3 … in batches of its size).
  static func halfBatches(path: String, batchSizes: [String: Int]) -> [String] {
    guard let records = try? LogReader(path: path).records() else { return ["unreadable"] }
    var counts: [String: Int] = [:]
    for record in records {
      guard let dash = record.id.lastIndex(of: "-") else { continue }
      counts[String(record.id[..<dash]), default: 0] += 1
    }
    return counts.compactMap { name, count in
      guard let size = batchSizes[name], count % size != 0 else { return nil }
      return "writer \(name) has \(count) records in batches of \(size): half a batch survived"
    }.sorted()
  }
}
