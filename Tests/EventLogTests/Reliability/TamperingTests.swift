import EventLog
import Foundation
import Testing

@testable import EventLog

/// Group 5: deliberate changes.
///
/// The chain catches every change it can; a rewrite with a
/// freshly computed chain, or a cut at a line boundary, only a checkpoint saved earlier
/// (and held by someone else) catches.
@Suite("Reliability 5: tampering")
struct TamperingTests {
  static func makeLog(_ directory: TemporaryDirectory, count: Int = 6) throws -> (
    path: String, bytes: [UInt8], checkpoint: Checkpoint
  ) {
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: count)
    let checkpoint = try #require(
      LogVerifier.verify(path: path, computeCheckpoint: true).checkpoint)
    return (path, FileBytes.read(path), checkpoint)
  }

  static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
    bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { Array($0) }
  }

  static func join(_ lines: [[UInt8]]) -> [UInt8] { lines.flatMap { $0 + [0x0A] } }

  /// Recomputes every `prev` from line 2 on: a forger's rewrite.
  static func rechain(_ lines: [[UInt8]]) -> [[UInt8]] {
    var result = [lines[0]]
    for line in lines.dropFirst() {
      var text = String(decoding: line, as: UTF8.self)
      let marker = #""prev":""#
      guard let range = text.range(of: marker, options: .backwards) else { return lines }
      let hexStart = range.upperBound
      let hexEnd = text.index(hexStart, offsetBy: 64)
      text.replaceSubrange(hexStart..<hexEnd, with: SHA256.hash(result[result.count - 1]).hexString)
      result.append(Array(text.utf8))
    }
    return result
  }

  @Test(
    "every single-bit flip of every byte of a small log is detected and the changed line named; flips in the last record are caught by an earlier checkpoint"
  )
  func everyByteFlip() throws {
    let directory = TemporaryDirectory()
    let log = try Self.makeLog(directory)
    let starts = LogFixtures.lineStarts(log.bytes)
    let lastLine = starts.count - 1
    let masks: [UInt8] = LongTests.enabled ? [1, 2, 4, 8, 16, 32, 64, 128] : [0x01, 0x40]
    let flipped = directory.file("flipped.log")
    var detected = 0
    for offset in 0..<log.bytes.count {
      for mask in masks {
        var copy = log.bytes
        copy[offset] ^= mask
        FileBytes.write(copy, to: flipped)
        let line = (starts.lastIndex { $0 <= offset } ?? 0) + 1
        do {
          _ = try LogVerifier.verify(path: flipped)
          #expect(line == lastLine, "flip \(mask) at \(offset) (line \(line)) went unnoticed")
          #expect(throws: LogDamage.self) {
            try LogVerifier.verify(path: flipped, against: log.checkpoint)
          }
        } catch let damage as LogDamage {
          let named =
            damage.lineNumber == line
            || (damage.alsoSuspectsNextLine && damage.lineNumber + 1 == line)
            || (damage.kind == .tornTail && line == lastLine && damage.lineNumber == line)
          #expect(named, "flip \(mask) at \(offset) in line \(line): \(damage)")
        }
        detected += 1
      }
    }
    reportFigure("tampering.byte-flips-detected", detected)
  }

  @Test(
    "deleting, duplicating, swapping or inserting lines is detected by verify alone, except deleting the last line, which an earlier checkpoint catches"
  )
  func lineEdits() throws {
    let directory = TemporaryDirectory()
    let log = try Self.makeLog(directory)
    let lines = Self.lines(log.bytes)
    let path = directory.file("edited.log")
    var edits: [(String, [[UInt8]])] = []
    for index in 1..<lines.count {
      var deleted = lines
      deleted.remove(at: index)
      edits.append(("delete line \(index + 1)", deleted))
      var duplicated = lines
      duplicated.insert(lines[index], at: index)
      edits.append(("duplicate line \(index + 1)", duplicated))
      if index + 1 < lines.count {
        var swapped = lines
        swapped.swapAt(index, index + 1)
        edits.append(("swap lines \(index + 1) and \(index + 2)", swapped))
      }
      var inserted = lines
      inserted.insert(lines[1], at: index)
      edits.append(("insert a copy of record 1 before line \(index + 1)", inserted))
    }
    for (label, edited) in edits {
      FileBytes.write(Self.join(edited), to: path)
      if label == "delete line \(lines.count)" {
        #expect(throws: Never.self, "\(label) is a cut at a line boundary") {
          try LogVerifier.verify(path: path)
        }
        #expect(throws: LogDamage.self) {
          try LogVerifier.verify(path: path, against: log.checkpoint)
        }
      } else {
        #expect(throws: LogDamage.self, "\(label)") { try LogVerifier.verify(path: path) }
      }
    }
  }

  @Test(
    "a fully re-chained forgery and a cut at a line boundary pass verify alone but fail against a checkpoint saved earlier"
  )
  func forgeriesOnlyACheckpointCatches() throws {
    let directory = TemporaryDirectory()
    let log = try Self.makeLog(directory)
    var lines = Self.lines(log.bytes)
    let path = directory.file("forged.log")
    lines[2] = Array(
      String(decoding: lines[2], as: UTF8.self).replacingOccurrences(of: "line 2", with: "line 9")
        .utf8)
    FileBytes.write(Self.join(Self.rechain(lines)), to: path)
    #expect(try LogVerifier.verify(path: path).recordCount == 6)
    do {
      _ = try LogVerifier.verify(path: path, against: log.checkpoint)
      Issue.record("the forgery passed the checkpoint")
    } catch let damage as LogDamage {
      #expect(damage.kind == .checkpointMismatch)
      #expect(damage.description.contains("Only a checkpoint held by someone else"))
    }
    for keep in 1..<6 {
      FileBytes.write(Self.join(Array(Self.lines(log.bytes).prefix(keep + 1))), to: path)
      #expect(try LogVerifier.verify(path: path).recordCount == Int64(keep))
      #expect(throws: LogDamage.self) {
        try LogVerifier.verify(path: path, against: log.checkpoint)
      }
    }
  }

  @Test(
    "the audit texts say plainly that only a checkpoint held by someone else proves the log was not rewritten"
  )
  func auditTexts() {
    #expect(LogDamage.checkpointNotice.hasPrefix("Only a checkpoint held by someone else"))
    #expect(LogDamage.checkpointNotice.contains("proves that the log was not rewritten"))
    let damage = LogDamage(
      kind: .checkpointMismatch, path: "x.log", lineNumber: 3, byteOffset: 0, reason: "r")
    #expect(damage.description.contains(LogDamage.checkpointNotice))
  }
}
