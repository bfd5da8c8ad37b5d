import Foundation
import Testing

/// The quick bench's projections against the reference generator's check values.
///
/// The expected lines are `python3 gen.py check` on `gen.py write 20000` (and the 10,000-line
/// reference log of WORKLOADS.md §4); the bench writes this project's own log format, so only
/// the projection summaries carry over, and they must be equal.
@Suite("transition-bench quick sizes")
struct BenchQuickTests {
  static let w3 =
    "ijmond-werkt=213.60/378 velsen=222.57/405 beverwijk=229.66/416 heemskerk=206.54/382"
    + " uitgeest=225.45/419 digest=9fd5da3191f08647"
  static let w4 =
    "ijmond-werkt=215.29/398 velsen=208.86/385 beverwijk=209.39/383 heemskerk=237.27/418"
    + " uitgeest=219.97/416 digest=b435a8d0123d406e"

  /// The path of `transition-bench` built beside the test bundle.
  static func benchPath() -> String? {
    var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent()
    while directory.path != "/" {
      let candidate = directory.appendingPathComponent("transition-bench").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }

  /// Runs the bench; returns its last line holding a `=`.
  static func run(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: benchPath() ?? "transition-bench")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "transition-bench \(arguments) failed")
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    return lines.last { $0.contains("=") }.map(String.init) ?? ""
  }

  /// The summary part of a result line, from `ijmond-werkt=` on.
  static func summary(_ line: String) -> String {
    let words = line.split(separator: " ")
    guard let start = words.firstIndex(where: { $0.hasPrefix("ijmond-werkt=") }) else { return "" }
    return words[start...].joined(separator: " ")
  }

  @Test("W3 and W4 (scan and sidecar) summaries of 20,000 events equal the reference's")
  func quickSummaries() throws {
    try #require(Self.benchPath() != nil, "build transition-bench first (swift build)")
    let store = NSTemporaryDirectory() + "bench-quick-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: store) }
    let imported = try Self.run(["w2", store, "--events", "20000"])
    #expect(imported.contains("events=20000"))
    for mode in ["pipelined", "sequential"] {
      #expect(Self.summary(try Self.run(["w3", store, mode])) == Self.w3)
    }
    #expect(Self.summary(try Self.run(["w4", store, "2026-07-01", "scan"])) == Self.w4)
    _ = try Self.run(["w4prep", store, "sidecar"])
    let fromSidecar = try Self.run(["w4", store, "2026-07-01", "sidecar"])
    #expect(fromSidecar.contains("source=sidecar"))
    #expect(Self.summary(fromSidecar) == Self.w4)
    #expect(try Self.run(["w5", store]).contains("events=20000"))
  }

  @Test("the bench's generator writes gen.py's reference lines byte for byte")
  func generatorMatchesReference() throws {
    try #require(Self.benchPath() != nil, "build transition-bench first (swift build)")
    let path = NSTemporaryDirectory() + "bench-reference-\(getpid()).jsonl"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let line = try Self.run(["gen-reference", "10000", path])
    #expect(line.contains("bytes=3028980"))
    #expect(
      line.contains(
        "last_line_sha256=164188ed507a28ebc975bf2a6e2f33f2741ad193c35f1032556b0e49f3f2790d"))
  }
}
