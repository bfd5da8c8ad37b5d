import EventLog
import Foundation
import Testing

/// Group 4: what follows the last valid record.
///
/// A torn tail is only an unfinished last write: the bytes after the last `\n` (or, in a v2
/// log, an unfinished batch); it is moved to a quarantine file. Every complete line that is
/// not a valid record, malformed or well-formed, is damage and is never dropped
/// automatically: it may be an acknowledged record, and dropping it would be worse than
/// stopping (issue 15, item 1).
@Suite("Reliability 4: torn and garbage tails")
struct TornTailTests {
  /// A log of 4 records, and the line that would be record 5.
  static func base(_ directory: TemporaryDirectory) throws -> (bytes: [UInt8], next: [UInt8]) {
    let path = directory.file("full.log")
    try LogFixtures.makeLog(at: path, count: 5)
    let bytes = FileBytes.read(path)
    let starts = LogFixtures.lineStarts(bytes)
    let cut = starts[starts.count - 2]
    return (Array(bytes[0..<cut]), Array(bytes[cut..<(bytes.count - 1)]))
  }

  enum Expected { case torn, damage }

  /// Checks that `tail` after the base log is classified as `expected`, and what the
  /// verifier and a writer do with it.
  static func check(
    tail: [UInt8], expected: Expected, label: String, seed: UInt64 = 0
  ) throws {
    let directory = TemporaryDirectory()
    let (bytes, _) = try base(directory)
    let path = directory.file("events.log")
    FileBytes.write(bytes + tail, to: path)
    do {
      _ = try LogVerifier.verify(path: path)
      expectSeeded(false, "\(label): verify accepted the tail", seed: seed)
    } catch let damage as LogDamage {
      let kind: LogDamage.Kind = expected == .torn ? .tornTail : .badRecord
      expectSeeded(damage.kind == kind, "\(label): \(damage.kind), not \(kind)", seed: seed)
    }
    do {
      let writer = try LogWriter(path: path, options: LogFixtures.options())
      expectSeeded(expected == .torn, "\(label): a writer dropped a damaged tail", seed: seed)
      expectSeeded(writer.lastSeq == 4, "\(label): lastSeq \(writer.lastSeq)", seed: seed)
      expectSeeded(FileBytes.read(path) == bytes, "\(label): the log was not cut back", seed: seed)
      let quarantined = writer.recoveries.first.map { FileBytes.read($0.path) }
      expectSeeded(quarantined == tail, "\(label): the quarantine file differs", seed: seed)
      try writer.append([LogFixtures.draft(50, id: "after-tail")])
      _ = try LogVerifier.verify(path: path)
    } catch let error as LogWriteError {
      guard case .damaged = error else { throw error }
      expectSeeded(expected == .damage, "\(label): refused a torn tail: \(error)", seed: seed)
      expectSeeded(
        FileBytes.read(path) == bytes + tail, "\(label): damage must change nothing", seed: seed)
    }
  }

  @Test(
    "zeros, a partial record and garbage without a newline are torn tails; an empty line and complete garbage lines are damage"
  )
  func fixedTornTails() throws {
    let directory = TemporaryDirectory()
    let next = try Self.base(directory).next
    for count in [1, 7, 4096] {
      try Self.check(
        tail: [UInt8](repeating: 0, count: count), expected: .torn, label: "zeros \(count)")
    }
    try Self.check(tail: Array(next.prefix(60)), expected: .torn, label: "partial record")
    try Self.check(tail: next, expected: .torn, label: "whole record without its newline")
    try Self.check(tail: [0x0A], expected: .damage, label: "an empty line")
    try Self.check(
      tail: Array("garbage\n\u{0}\u{0}\nmore garbage\n".utf8), expected: .damage,
      label: "garbage lines")
    try Self.check(
      tail: Array("garbage\nmore garbage without its newline".utf8), expected: .damage,
      label: "a garbage line, then an unfinished one")
  }

  @Test(
    "a well-formed line that breaks the chain is damage, never a torn tail: wrong prev, wrong seq, earlier recorded, duplicate id; and garbage followed by a valid record is damage"
  )
  func wellFormedLinesAreNeverDropped() throws {
    let directory = TemporaryDirectory()
    let next = try Self.base(directory).next
    let text = String(decoding: next, as: UTF8.self)
    let prevStart = try #require(text.range(of: #""prev":""#)).upperBound
    let wrongPrev =
      String(text[..<prevStart]) + String(repeating: "0", count: 64)
      + String(text[text.index(prevStart, offsetBy: 64)...])
    #expect(wrongPrev.count == text.count)
    try Self.check(tail: Array((wrongPrev + "\n").utf8), expected: .damage, label: "wrong prev")
    let wrongSeq = text.replacingOccurrences(of: #"{"seq":5,"#, with: #"{"seq":6,"#)
    try Self.check(tail: Array((wrongSeq + "\n").utf8), expected: .damage, label: "wrong seq")
    try Self.check(
      tail: Array("xx\n".utf8) + next + [0x0A], expected: .damage, label: "garbage then record")
    try Self.check(
      tail: [0, 0, 0, 0x0A] + Array((wrongPrev + "\n").utf8), expected: .damage,
      label: "zeros then a well-formed line with a wrong prev")
  }

  static let seeds = Seeds.forGroup(
    "torn-tail", defaults: [0x7042_0001, 0x7042_0002], longCount: 50)

  @Test(
    "random tails: random bytes and a cut record without a newline are torn; random bytes with newlines are damage; each followed by a valid record, damage",
    arguments: seeds)
  func randomTails(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let directory = TemporaryDirectory()
    let next = try Self.base(directory).next
    for round in 0..<(LongTests.enabled ? 200 : 20) {
      var garbage = random.bytes(random.int(1...300))
      if round % 2 == 1 {
        for _ in 0..<random.int(1...5) { garbage[random.int(0...(garbage.count - 1))] = 0x0A }
      }
      if round % 3 == 2 { garbage = Array(next.prefix(random.int(1...(next.count)))) }
      try Self.check(
        tail: garbage, expected: garbage.contains(0x0A) ? .damage : .torn,
        label: "round \(round) tail", seed: seed)
      let separated = garbage.last == 0x0A ? garbage : garbage + [0x0A]
      try Self.check(
        tail: separated + next + [0x0A], expected: .damage, label: "round \(round) + record",
        seed: seed)
    }
  }
}
