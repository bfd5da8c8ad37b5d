import CanonicalJSON
import EventLog

/// A clock that returns scripted instants, one step later on every call.
final class SteppingClock: LogClock, @unchecked Sendable {
  private var next: Int64
  private let stepMilliseconds: Int64

  init(start: Int64 = 1_768_471_200_000, stepMilliseconds: Int64 = 1000) {
    next = start
    self.stepMilliseconds = stepMilliseconds
  }

  func now() -> LogInstant {
    defer { next += stepMilliseconds }
    return LogInstant(millisecondsSinceEpoch: next)
  }
}

enum LogFixtures {
  /// Writer options with a scripted clock and no crash hook.
  static func options(clock: any LogClock = SteppingClock()) -> LogWriter.Options {
    var options = LogWriter.Options()
    options.clock = clock
    options.crashHook = .none
    return options
  }

  /// A draft with a small data object.
  static func draft(_ number: Int, id: String? = nil, corrects: Int64? = nil) -> RecordDraft {
    RecordDraft(
      id: id ?? "r-\(number)", effective: LogDay(daysSinceEpoch: 20_454 + Int64(number % 365)),
      type: "TestHappened.v1", stream: "test/\(number % 3)", by: "tester",
      corrects: corrects,
      data: ["number": .integer(Int64(number)), "text": .string("line \(number) é \"q\"")])
  }

  /// A log at `path` with `count` records appended one at a time.
  @discardableResult
  static func makeLog(at path: String, count: Int, name: String = "test") throws -> LogWriter {
    let writer = try LogWriter.create(path: path, name: name, options: options())
    for number in 1...max(count, 1) where count > 0 {
      try writer.append([draft(number)])
    }
    return writer
  }

  /// The byte offsets at which each line of `bytes` starts, and the end.
  static func lineStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
    return starts
  }
}
