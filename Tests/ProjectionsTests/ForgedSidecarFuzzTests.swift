import EventLog
import Foundation
import Testing
import TransitionApp

@testable import Projections
@testable import TransitionDomain

/// Issue 15, item 3: no content of `<log>.projections`, however forged, stops the process;
/// an answer comes from the cache, from the log, or is an error, never a crash.
///
/// Each trial damages a real sidecar of the example log (bytes flipped, counts, offsets and
/// lengths set to extreme values, directory entries moved), recomputes every checksum as a
/// forger would, and asks every view, the audit and some histories. A trial whose sidecar is
/// refused must answer exactly as a plain replay does. `TRANSITION_SIDECAR_TRIALS` sets the
/// number of trials (1,000 in `swift test`, 20,000 with `TRANSITION_LONG_TESTS=1`) and
/// `TRANSITION_SIDECAR_SEED` the first seed.
@Suite("forged sidecars: mutations of a real cache, resealed")
struct ForgedSidecarFuzzTests {
  static let subjects = ["E017", "IJM-077", "RAAD-BEV", "M3"]

  /// A small deterministic generator (SplitMix64), so that a failing trial can be rerun.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Little-endian Int64 at `offset`.
  static func int(_ bytes: [UInt8], _ offset: Int) -> Int64 {
    var value: UInt64 = 0
    for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
    return Int64(bitPattern: value)
  }

  static func put(_ value: Int64, at offset: Int, in bytes: inout [UInt8], width: Int = 8) {
    for index in 0..<width {
      bytes[offset + index] = UInt8(truncatingIfNeeded: UInt64(bitPattern: value) >> (8 * index))
    }
  }

  /// Values that break arithmetic that trusts them.
  static let extremes: [Int64] = [
    0, 1, -1, 2, 7, 8, 9, 63, 64, 65, 255, 256, 1 << 16, 1 << 31, (1 << 31) - 1, 1 << 32,
    Int64(Int32.max), Int64(Int32.min), Int64.max, Int64.min, Int64.max - 7, Int64.min + 1,
    1 << 40, 1 << 62,
  ]

  /// One damage to `bytes` (a sidecar), chosen by `random`.
  static func mutate(_ bytes: inout [UInt8], random: inout SplitMix) {
    // The layout of this build (an earlier mutation may have changed the stored count).
    let sections = LedgerSection.count
    let ranges = (0..<sections).compactMap { index -> Range<Int>? in
      let entry = 96 + index * 24
      let offset = int(bytes, entry)
      let length = int(bytes, entry + 8)
      guard offset >= 0, length >= 0, offset <= Int64(bytes.count) - length else { return nil }
      return Int(offset)..<Int(offset + length)
    }
    let section = ranges.randomElement(using: &random) ?? 0..<0
    let inSection = { (random: inout SplitMix, width: Int) -> Int? in
      guard section.count >= width else { return nil }
      return section.lowerBound + Int.random(in: 0...(section.count - width), using: &random)
    }
    let value = extremes.randomElement(using: &random) ?? 0
    switch Int.random(in: 0..<8, using: &random) {
    case 0:
      // A few flipped bytes in one section.
      for _ in 0..<Int.random(in: 1...8, using: &random) {
        if let at = inSection(&random, 1) { bytes[at] ^= UInt8.random(in: 1...255, using: &random) }
      }
    case 1:
      // An 8-byte word (a count, offset, seq or length) set to an extreme value, aligned.
      if let at = inSection(&random, 8) {
        put(value, at: at - (at - section.lowerBound) % 8, in: &bytes)
      }
    case 2:
      // An 8-byte word anywhere in a section, unaligned.
      if let at = inSection(&random, 8) { put(value, at: at, in: &bytes) }
    case 3:
      // A 4-byte field (an index, a day number) set to an extreme value.
      if let at = inSection(&random, 4) { put(value, at: at, in: &bytes, width: 4) }
    case 4:
      // The first word of a section (usually its count) near its true value or extreme.
      if section.count >= 8 {
        let old = int(bytes, section.lowerBound)
        let new =
          Bool.random(using: &random) ? old &+ Int64.random(in: -3...3, using: &random) : value
        put(new, at: section.lowerBound, in: &bytes)
      }
    case 5:
      // A directory entry's length or offset changed.
      let entry = 96 + Int.random(in: 0..<sections, using: &random) * 24
      let field = entry + (Bool.random(using: &random) ? 0 : 8)
      let old = int(bytes, field)
      let new =
        Bool.random(using: &random) ? old &+ Int64.random(in: -16...16, using: &random) : value
      put(new, at: field, in: &bytes)
    case 6:
      // A byte of the core or a one-byte code (type, precision, flag) set high.
      if let at = inSection(&random, 1) {
        bytes[at] = UInt8.random(in: 0xF0...0xFF, using: &random)
      }
    default:
      // Two sections' directory entries swapped.
      let first = 96 + Int.random(in: 0..<sections, using: &random) * 24
      let second = 96 + Int.random(in: 0..<sections, using: &random) * 24
      for index in 0..<16 { bytes.swapAt(first + index, second + index) }
    }
  }

  /// The crashing inputs the fuzz target's sidecar mode found, kept for replay.
  static let crashDirectory: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Regressions/sidecar-crashes").path
  }()

  @Test("every cache the fuzzer crashed the tool with answers now, as the fuzz target asks it")
  func fuzzCrashes() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.crashDirectory).sorted()
    #expect(!names.isEmpty)
    let path = try ExampleLogFixture.copy()
    let sidecar = ProjectionSidecar(logPath: path)
    let plain = try TransitionProjector(path: path, useSidecar: false)
    let questions = SidecarForgery.questions(
      lastSeq: plain.ledger.lastSeq, subjects: Self.subjects)
    let replayed = questions.map { SidecarForgery.answer(plain, $0) }
    let changeTime = try #require(sidecar.logChangeTime())
    for name in names {
      var bytes = Array(
        try Data(contentsOf: URL(fileURLWithPath: Self.crashDirectory + "/" + name)))
      // As the fuzz target does: the stamp's change time is the log's, settled.
      if bytes.count >= 56 { Self.put(changeTime, at: 48, in: &bytes) }
      SidecarForgery.reseal(&bytes)
      try Data(bytes).write(to: URL(fileURLWithPath: sidecar.path))
      let projector = try TransitionProjector(path: path)
      let answers = questions.map { SidecarForgery.answer(projector, $0) }
      if projector.origin == .rebuilt { #expect(answers == replayed, "\(name)") }
    }
  }

  @Test(
    "thousands of resealed mutations of a real cache: no crash; a refused cache answers as the log does"
  )
  func mutations() throws {
    let environment = ProcessInfo.processInfo.environment
    let long = environment["TRANSITION_LONG_TESTS"] != nil
    let trials =
      environment["TRANSITION_SIDECAR_TRIALS"].flatMap { Int($0) } ?? (long ? 20_000 : 1_000)
    let firstSeed = environment["TRANSITION_SIDECAR_SEED"].flatMap { UInt64($0) } ?? 1
    let path = try ExampleLogFixture.copy()
    let sidecar = ProjectionSidecar(logPath: path)
    _ = try TransitionProjector(path: path)
    let original = Array(try Data(contentsOf: URL(fileURLWithPath: sidecar.path)))
    let plain = try TransitionProjector(path: path, useSidecar: false)
    let questions = SidecarForgery.questions(
      lastSeq: plain.ledger.lastSeq, subjects: Self.subjects)
    let replayed = questions.map { SidecarForgery.answer(plain, $0) }
    var origins: [ProjectionSidecar.Origin: Int] = [:]
    var differing = 0
    for trial in 0..<trials {
      let seed = firstSeed &+ UInt64(trial)
      var random = SplitMix(state: seed)
      var bytes = original
      for _ in 0..<Int.random(in: 1...3, using: &random) { Self.mutate(&bytes, random: &random) }
      SidecarForgery.reseal(&bytes)
      try Data(bytes).write(to: URL(fileURLWithPath: sidecar.path))
      if environment["TRANSITION_SIDECAR_TRACE"] != nil {
        FileHandle.standardError.write(Data("sidecar trial seed \(seed)\n".utf8))
      }
      let projector: TransitionProjector
      do {
        projector = try TransitionProjector(path: path)
      } catch {
        Issue.record("seed \(seed): the log did not answer: \(error)")
        continue
      }
      origins[projector.origin, default: 0] += 1
      // A few questions a trial (all of them would take too long for `swift test`).
      let asked = (0..<4).map { _ in Int.random(in: 0..<questions.count, using: &random) }
      let answers = asked.map { SidecarForgery.answer(projector, questions[$0]) }
      let expected = asked.map { replayed[$0] }
      if projector.origin == .rebuilt {
        #expect(answers == expected, "seed \(seed): a refused cache must answer as the log")
      } else if answers != expected {
        differing += 1
      }
    }
    // The spread of outcomes, for the record (a forged cache may answer differently: that is
    // why audit and export never read it).
    print(
      "forged sidecars: \(trials) trials, origins \(origins), \(differing) answered differently")
    #expect((origins[.rebuilt] ?? 0) > 0)
    #expect((origins[.sidecar] ?? 0) > 0)
  }
}
