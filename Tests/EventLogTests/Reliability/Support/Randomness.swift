import Foundation
import Testing

/// SplitMix64: a tiny, fast, seedable generator; the same seed gives the same test.
struct SplitMix64: RandomNumberGenerator {
  private(set) var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A number in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

  /// `count` random bytes.
  mutating func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
  }
}

/// The seeds a randomised test runs with, and the regression seeds kept for it.
///
/// `TRANSITION_SEED=0x…` runs one seed (plus the regressions); otherwise the test's fixed
/// defaults run, and with `TRANSITION_LONG_TESTS=1` also `longCount` seeds drawn from the
/// time, each printed so that a failure can be replayed. Every seed that ever failed goes
/// into `Tests/EventLogTests/Regressions/seeds.txt` as `<group> 0x<seed> <note>`.
enum Seeds {
  static func forGroup(_ group: String, defaults: [UInt64], longCount: Int = 0) -> [UInt64] {
    var seeds: [UInt64]
    if let text = ProcessInfo.processInfo.environment["TRANSITION_SEED"],
      let seed = parse(text)
    {
      seeds = [seed]
    } else {
      seeds = defaults
      if LongTests.enabled && longCount > 0 {
        var generator = SplitMix64(seed: UInt64(Date().timeIntervalSince1970 * 1e6))
        seeds += (0..<longCount).map { _ in generator.next() }
      }
    }
    for seed in regressions(group) where !seeds.contains(seed) { seeds.append(seed) }
    return seeds
  }

  /// The regression seeds recorded for `group`.
  static func regressions(_ group: String) -> [UInt64] {
    let text = (try? String(contentsOfFile: Regressions.path("seeds.txt"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { line in
      let fields = line.split(separator: " ")
      guard fields.count >= 2, fields[0] == group else { return nil }
      return parse(String(fields[1]))
    }
  }

  static func parse(_ text: String) -> UInt64? {
    text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
  }

  static func hex(_ seed: UInt64) -> String { "0x" + String(seed, radix: 16) }
}

/// The regression data kept beside the tests (excluded from the test target's sources).
enum Regressions {
  static func path(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Regressions").appendingPathComponent(
        name
      ).path
  }

  /// The files of a regression folder, with their bytes.
  static func files(in folder: String) -> [(name: String, bytes: [UInt8])] {
    let directory = path(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.sorted().map { ($0, FileBytes.read(directory + "/" + $0)) }
  }
}

/// Records an issue that names the seed, so the failure can be replayed.
func expectSeeded(
  _ condition: Bool, _ message: @autoclosure () -> String, seed: UInt64,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  if !condition {
    Issue.record(
      "\(message()) seed=\(Seeds.hex(seed)) (replay: TRANSITION_SEED=\(Seeds.hex(seed)))",
      sourceLocation: sourceLocation)
  }
}

/// Prints a figure for the long-run report (`figure <name> <value>`).
func reportFigure(_ name: String, _ value: some CustomStringConvertible) {
  print("figure \(name) \(value)")
}
