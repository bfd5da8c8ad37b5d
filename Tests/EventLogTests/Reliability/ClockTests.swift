import EventLog
import Foundation
import Testing

/// A clock that jumps back and forward at random, up to `span` milliseconds each reading.
final class JumpingClock: LogClock, @unchecked Sendable {
  private var random: SplitMix64
  private var instant: Int64 = 1_768_471_200_000
  private let span: Int64

  init(seed: UInt64, span: Int64 = 86_400_000) {
    random = SplitMix64(seed: seed)
    self.span = span
  }

  func now() -> LogInstant {
    instant += Int64(random.int(-Int(span)...Int(span)))
    return LogInstant(millisecondsSinceEpoch: instant)
  }
}

/// A clock that reads whatever the test sets.
final class SetClock: LogClock, @unchecked Sendable {
  var milliseconds: Int64 = 1_768_471_200_000
  func now() -> LogInstant { LogInstant(millisecondsSinceEpoch: milliseconds) }
}

/// Group 9: clock anomalies.
///
/// `recorded` never decreases, whatever the clock does.
@Suite("Reliability 9: clock anomalies")
struct ClockTests {
  static let seeds = Seeds.forGroup("clock", defaults: [0xC10C_0001], longCount: 20)

  @Test(
    "with a clock that jumps back and forward by up to a day, recorded never decreases",
    arguments: seeds)
  func jumpingClock(seed: UInt64) throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    var options = LogFixtures.options(clock: JumpingClock(seed: seed))
    _ = try LogWriter.create(path: path, name: "clock", options: options)
    var random = SplitMix64(seed: seed)
    for round in 0..<(LongTests.enabled ? 400 : 60) {
      // Now and then a second writer with its own jumping clock, as another process would.
      if round % 10 == 0 { options.clock = JumpingClock(seed: random.next()) }
      let writer = try LogWriter(path: path, options: options)
      try writer.append(
        (0..<random.int(1...3)).map { LogFixtures.draft(round, id: "c-\(round)-\($0)") })
    }
    let recorded = try LogReader(path: path).records().map(\.recorded)
    expectSeeded(zip(recorded, recorded.dropFirst()).allSatisfy { $0 <= $1 }, "order", seed: seed)
    expectSeeded((try? LogVerifier.verify(path: path)) != nil, "verify", seed: seed)
  }

  @Test("processes with differently jumping clocks appending at once keep recorded in order")
  func jumpingClocksAcrossProcesses() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 0)
    let children = try (0..<3).map { number in
      try TortureChild([
        "append", path, "--writer", "clock\(number)", "--count", "40", "--clock",
        "jumpy:\(number + 17)",
      ])
    }
    for child in children { #expect(child.finish().status == 0) }
    let recorded = try LogReader(path: path).records().map(\.recorded)
    #expect(recorded.count == 120)
    #expect(zip(recorded, recorded.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(try LogVerifier.verify(path: path).recordCount == 120)
  }

  @Test(
    "a clock beyond 9999-12-31 or before 0001-01-01 makes the append fail with nothing written, instead of writing a record the next reader would drop"
  )
  func clockOutOfRange() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let clock = SetClock()
    let writer = try LogWriter.create(
      path: path, name: "clock", options: LogFixtures.options(clock: clock))
    try writer.append([LogFixtures.draft(1)])
    let before = FileBytes.read(path)
    // (A clock before 0001-01-01 cannot reach a record: recorded never goes below the last.)
    for milliseconds: Int64 in [253_402_300_800_000, 300_000_000_000_000] {
      clock.milliseconds = milliseconds
      #expect(throws: LogWriteError.self) { try writer.append([LogFixtures.draft(2)]) }
      #expect(FileBytes.read(path) == before)
    }
    clock.milliseconds = 1_768_471_300_000
    try writer.append([LogFixtures.draft(2)])
    let reopened = try LogWriter(path: path, options: LogFixtures.options())
    #expect(reopened.lastSeq == 2)
    #expect(reopened.recoveries.isEmpty)
    for milliseconds: Int64 in [253_402_300_800_000, -62_135_596_800_001] {
      clock.milliseconds = milliseconds
      #expect(throws: LogWriteError.self) {
        try LogWriter.create(
          path: directory.file("odd.log"), name: "f", options: LogFixtures.options(clock: clock))
      }
      #expect(!FileManager.default.fileExists(atPath: directory.file("odd.log")))
    }
  }

  @Test("a clock stuck far in the past after a record keeps recorded at the last value")
  func clockGoesBackwards() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let clock = SetClock()
    let writer = try LogWriter.create(
      path: path, name: "clock", options: LogFixtures.options(clock: clock))
    try writer.append([LogFixtures.draft(1)])
    clock.milliseconds = 0
    let receipt = try writer.append([LogFixtures.draft(2)])
    #expect(receipt.entries[0].recorded.millisecondsSinceEpoch == 1_768_471_200_000)
    #expect(try LogVerifier.verify(path: path).recordCount == 2)
  }
}
