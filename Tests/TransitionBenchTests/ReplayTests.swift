import CanonicalJSON
import EventLog
import Foundation
import Testing

@testable import TransitionBench

/// A clock that steps one second per call, from 2026-01-15T10:00:00.000Z.
final class StepClock: LogClock, @unchecked Sendable {
  private var next: Int64 = 1_768_471_200_000
  func now() -> LogInstant {
    defer { next += 1000 }
    return LogInstant(millisecondsSinceEpoch: next)
  }
}

/// Logs for the replay tests, in a fresh directory.
final class ReplayFixture {
  let directory: String
  let path: String

  init(records: Int, batch: Int = 1000) throws {
    var template = Array((NSTemporaryDirectory() + "replay-test-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
    }
    directory = made ?? NSTemporaryDirectory()
    path = directory + "/events.log"
    let writer = try LogWriter.create(path: path, name: "replay", options: Self.options())
    var number = 0
    while number < records {
      let count = min(batch, records - number)
      try writer.append((0..<count).map { Self.draft(number + $0 + 1) })
      number += count
    }
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  static func options() -> LogWriter.Options {
    var options = LogWriter.Options()
    options.clock = StepClock()
    options.crashHook = .none
    return options
  }

  static func draft(_ number: Int) -> RecordDraft {
    RecordDraft(
      id: "r-\(number)", effective: LogDay(daysSinceEpoch: 20_000 + Int64(number % 700)),
      type: "TestHappened.v1", stream: "test/\(number % 7)", by: "tester",
      data: [
        "number": .integer(Int64(number)),
        "text": .string("line \(number) with some padding to make the record longer é"),
      ])
  }

  func append(_ numbers: ClosedRange<Int>) throws {
    let writer = try LogWriter(path: path, options: Self.options())
    try writer.append(numbers.map { Self.draft($0) })
  }

  var bytes: [UInt8] { FileManager.default.contents(atPath: path).map { Array($0) } ?? [] }

  func write(_ bytes: [UInt8], to target: String? = nil) {
    _ = FileManager.default.createFile(atPath: target ?? path, contents: Data(bytes))
  }
}

/// Collects what a replay saw: seq, id and data bytes of every record.
struct CollectingFold: RecordFold {
  var seen: [(seq: Int64, id: String, data: [UInt8])] = []
  mutating func apply(_ record: RawRecord) throws {
    seen.append((record.seq, record.id, Array(record.data)))
  }
}

/// Sums the `number` field of every record: a small read model for the sidecar tests.
struct SumFold: RecordFold {
  var sum: Int64 = 0
  var count: Int64 = 0
  mutating func apply(_ record: RawRecord) throws {
    sum += JSONObjectView(validated: record.data).integer(forKey: "number") ?? 0
    count += 1
  }
  var payload: [UInt8] { Array("\(count) \(sum)".utf8) }
}

@Suite("Replay: folds over the EventLog reader")
struct ReplayTests {
  static let modes: [ReadConcurrency] = [.sequential, .pipelined]

  @Test("a fold sees exactly the records a direct read returns, in both modes, across chunks")
  func foldEqualsDirectRead() throws {
    // About 3.5 MB: more than one 2 MiB chunk of the pipelined reader.
    let fixture = try ReplayFixture(records: 14_000)
    let direct = try LogReader(path: fixture.path).records()
    for mode in Self.modes {
      var fold = CollectingFold()
      let outcome = try Replay.run(
        path: fixture.path, into: &fold, options: ReplayOptions(concurrency: mode))
      #expect(fold.seen.count == direct.count)
      #expect(fold.seen.map(\.seq) == direct.map(\.seq))
      #expect(fold.seen.map(\.id) == direct.map(\.id))
      #expect(fold.seen.map(\.data) == direct.map(\.dataBytes))
      #expect(outcome.recordsFolded == 14_000)
      #expect(outcome.tornTail == nil)
      let head = try #require(try LogReader(path: fixture.path).head())
      #expect(
        outcome.stamp
          == SidecarStamp(
            recordCount: head.recordCount, headHash: head.headHash, logBytes: head.byteCount))
      #expect(head.headHash == SHA256.hash(Array(direct[direct.count - 1].line)))
    }
  }

  @Test("up to a seq: exactly the records 1...seq, and no stamp", arguments: [1, 4_999, 14_000])
  func upToSeq(seq: Int) throws {
    let fixture = try ReplayFixture(records: 14_000)
    for mode in Self.modes {
      var fold = CollectingFold()
      let outcome = try Replay.run(
        path: fixture.path, into: &fold,
        options: ReplayOptions(upToSeq: Int64(seq), concurrency: mode))
      #expect(fold.seen.map(\.seq) == (1...Int64(seq)).map { $0 })
      #expect(outcome.lastSeq == Int64(seq))
      #expect(outcome.stamp == nil)
    }
  }

  @Test("without the chain check a replay folds the same records and says it has no hash")
  func chainUnchecked() throws {
    let fixture = try ReplayFixture(records: 3_000)
    var checked = CollectingFold()
    var unchecked = CollectingFold()
    try Replay.run(path: fixture.path, into: &checked)
    let outcome = try Replay.run(
      path: fixture.path, into: &unchecked, options: ReplayOptions(checkChain: false))
    #expect(checked.seen.map(\.id) == unchecked.seen.map(\.id))
    #expect(outcome.headHash == .zero)
    #expect(outcome.stamp == nil)
  }

  @Test("a changed byte deep in the log is the same damage in both modes")
  func damageIsReportedAlike() throws {
    let fixture = try ReplayFixture(records: 14_000)
    var bytes = fixture.bytes
    for offset in [bytes.count / 2, bytes.count / 3 + 7, bytes.count - 500] {
      var copy = bytes
      copy[offset] ^= 0x01
      fixture.write(copy)
      var reports: [String] = []
      for mode in Self.modes {
        var fold = CollectingFold()
        do {
          try Replay.run(path: fixture.path, into: &fold, options: ReplayOptions(concurrency: mode))
          reports.append("no damage")
        } catch let damage as LogDamage {
          reports.append("\(damage.lineNumber) \(damage.reason)")
        }
      }
      #expect(reports[0] != "no damage")
      #expect(reports[0] == reports[1])
    }
    bytes.append(contentsOf: Array(#"{"seq":14001,"id":"torn"#.utf8))
    fixture.write(bytes)
    for mode in Self.modes {
      var fold = CollectingFold()
      let outcome = try Replay.run(
        path: fixture.path, into: &fold, options: ReplayOptions(concurrency: mode))
      #expect(fold.seen.count == 14_000)
      #expect(outcome.tornTail?.lineNumber == 14_002)
      #expect(outcome.stamp == nil)
    }
  }

  @Test("the pipelined verifier reports what the sequential one does")
  func verifierModesAgree() throws {
    let fixture = try ReplayFixture(records: 14_000)
    let sequential = try LogVerifier.verify(
      path: fixture.path, computeCheckpoint: true, concurrency: .sequential)
    let pipelined = try LogVerifier.verify(
      path: fixture.path, computeCheckpoint: true, concurrency: .pipelined)
    #expect(sequential.checkpoint != nil)
    #expect(sequential == pipelined)
    var bytes = fixture.bytes
    bytes[bytes.count / 2] ^= 0x20
    fixture.write(bytes)
    var messages: [String] = []
    for mode in Self.modes {
      do {
        _ = try LogVerifier.verify(path: fixture.path, concurrency: mode)
      } catch let damage as LogDamage {
        messages.append(damage.description)
      }
    }
    #expect(messages.count == 2)
    #expect(messages.first == messages.last)
  }

  @Test("a sidecar is built, used while fresh, rebuilt when stale or damaged, and equals a replay")
  func sidecarLifecycle() throws {
    let fixture = try ReplayFixture(records: 2_500)
    let sidecar = Sidecar(logPath: fixture.path, kind: "sum.v1")
    func replayPayload() throws -> [UInt8] {
      var fold = SumFold()
      try Replay.run(path: fixture.path, into: &fold)
      return fold.payload
    }
    func loadOrRebuild() throws -> (payload: [UInt8], source: Sidecar.Source) {
      let found = try sidecar.loadOrRebuild(makeFold: { SumFold() }, encode: { $0.payload })
      return (found.payload, found.source)
    }
    #expect(try sidecar.load() == .missing)
    let first = try loadOrRebuild()
    #expect(first.source == .rebuilt)
    #expect(first.payload == (try replayPayload()))
    let second = try loadOrRebuild()
    #expect(second.source == .sidecar)
    #expect(second.payload == first.payload)

    // Stale: the log grew.
    try fixture.append(2_501...2_510)
    guard case .stale(let old) = try sidecar.load() else {
      Issue.record("an append must make the sidecar stale")
      return
    }
    #expect(old.recordCount == 2_500)
    let third = try loadOrRebuild()
    #expect(third.source == .rebuilt)
    #expect(third.payload == (try replayPayload()))
    #expect(third.payload != first.payload)
    #expect(try loadOrRebuild().source == .sidecar)

    // Damaged: any flipped byte, or a cut, makes it unusable; it is rebuilt.
    let good = FileManager.default.contents(atPath: sidecar.path).map { Array($0) } ?? []
    for offset in [0, 30, good.count / 2, good.count - 1] {
      var bad = good
      bad[offset] ^= 0x04
      fixture.write(bad, to: sidecar.path)
      guard case .unusable = try sidecar.load() else {
        Issue.record("a flip at \(offset) must make the sidecar unusable")
        continue
      }
      let rebuilt = try loadOrRebuild()
      #expect(rebuilt.source == .rebuilt)
      #expect(rebuilt.payload == (try replayPayload()))
    }
    fixture.write(Array(good.prefix(good.count - 3)), to: sidecar.path)
    #expect(try loadOrRebuild().source == .rebuilt)

    // Another kind never reads this one's file.
    let other = Sidecar(logPath: fixture.path, kind: "other.v1")
    fixture.write(good, to: other.path)
    guard case .unusable = try other.load() else {
      Issue.record("a sidecar of another kind must be unusable")
      return
    }
  }

  @Test("a log rewritten with the same record count is stale for its sidecar")
  func rewrittenLogIsStale() throws {
    let fixture = try ReplayFixture(records: 50)
    let sidecar = Sidecar(logPath: fixture.path, kind: "sum.v1")
    _ = try sidecar.loadOrRebuild(makeFold: { SumFold() }, encode: { $0.payload })
    let other = try ReplayFixture(records: 50, batch: 7)  // other `recorded` instants
    fixture.write(other.bytes)
    guard case .stale = try sidecar.load() else {
      Issue.record("a different log with the same count must make the sidecar stale")
      return
    }
  }

  @Test("the head of a log holding only its header, and of a log with a torn tail")
  func heads() throws {
    let fixture = try ReplayFixture(records: 0)
    let header = fixture.bytes
    let empty = try #require(try LogReader(path: fixture.path).head())
    #expect(empty.recordCount == 0)
    #expect(empty.headHash == SHA256.hash(Array(header.dropLast())))
    fixture.write(header + Array("garbage".utf8))
    #expect(try LogReader(path: fixture.path).head() == nil)
  }
}
