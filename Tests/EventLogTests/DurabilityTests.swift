import Foundation
import Testing

@testable import EventLog

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Durability: torn tails, byte flips, write and sync failures")
struct DurabilityTests {
  @Test(
    "cutting the log at every byte inside its last three records keeps exactly the complete records, quarantines the rest, and appends continue (invariant 9)"
  )
  func cutAtEveryOffset() throws {
    let directory = TemporaryDirectory()
    let original = directory.file("original.log")
    try LogFixtures.makeLog(at: original, count: 10)
    let bytes = FileBytes.read(original)
    let starts = LogFixtures.lineStarts(bytes)  // header, records 1...10, end
    let firstCut = starts[starts.count - 4]  // start of record 8
    for cut in firstCut..<bytes.count {
      let path = directory.file("cut-\(cut).log")
      FileBytes.write(Array(bytes[0..<cut]), to: path)
      let completeRecords = starts.filter { $0 <= cut }.count - 2
      let torn = !starts.contains(cut)
      if torn {
        #expect(throws: LogDamage.self) { try LogVerifier.verify(path: path) }
      }
      let writer = try LogWriter(path: path, options: LogFixtures.options())
      #expect(writer.lastSeq == Int64(completeRecords), "cut at \(cut)")
      #expect(writer.recoveries.count == (torn ? 1 : 0), "cut at \(cut)")
      if let quarantine = writer.recoveries.first {
        let lastStart = starts.last { $0 <= cut } ?? 0
        #expect(FileBytes.read(quarantine.path) == Array(bytes[lastStart..<cut]))
        #expect(FileBytes.read(path).count == lastStart)
      }
      try writer.append([LogFixtures.draft(100 + cut, id: "after-\(cut)")])
      let report = try LogVerifier.verify(path: path)
      #expect(report.recordCount == Int64(completeRecords + 1), "cut at \(cut)")
      try? FileManager.default.removeItem(atPath: path)
      if let quarantine = writer.recoveries.first {
        try? FileManager.default.removeItem(atPath: quarantine.path)
      }
    }
  }

  @Test("recovering the same torn tail twice gives the same file and one quarantine file")
  func recoveryIsIdempotent() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 3)
    var bytes = FileBytes.read(path)
    bytes.append(contentsOf: Array(#"{"seq":4,"id":"r-4","rec"#.utf8))
    FileBytes.write(bytes, to: path)
    let first = try LogWriter(path: path, options: LogFixtures.options())
    let quarantined = try #require(first.recoveries.first)
    // Put the same tail back, as if the cut had not reached the disk before a crash.
    FileBytes.write(bytes, to: path)
    let second = try LogWriter(path: path, options: LogFixtures.options())
    #expect(second.recoveries.first?.path == quarantined.path)
    #expect(directory.names().filter { $0.contains(".torn-") }.count == 1)
    #expect(second.lastSeq == 3)
  }

  @Test(
    "flipping any single byte of a 50-record log makes verify fail and name the changed line, or, in the last record, fail against an earlier checkpoint"
  )
  func everyByteFlipIsDetected() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 50)
    let bytes = FileBytes.read(path)
    let starts = LogFixtures.lineStarts(bytes)
    let checkpoint = try #require(
      LogVerifier.verify(path: path, computeCheckpoint: true).checkpoint)
    let flipped = directory.file("flipped.log")
    var namedExactly = 0
    let masks: [UInt8] = LongTests.enabled ? [0x01, 0x20, 0x80, 0xFF] : [0x01]
    var caughtOnlyByCheckpoint = 0
    for offset in 0..<bytes.count {
      for mask in masks {
        var copy = bytes
        copy[offset] ^= mask
        FileBytes.write(copy, to: flipped)
        let line = (starts.lastIndex { $0 <= offset } ?? 0) + 1
        do {
          _ = try LogVerifier.verify(path: flipped)
          // Only the last record's content is outside the chain: the checkpoint covers it.
          #expect(line == 51, "flip at \(offset) (line \(line)) went unnoticed")
          #expect(throws: LogDamage.self) {
            try LogVerifier.verify(path: flipped, against: checkpoint)
          }
          caughtOnlyByCheckpoint += 1
        } catch let damage as LogDamage {
          let named =
            damage.lineNumber == line
            || (damage.alsoSuspectsNextLine && damage.lineNumber + 1 == line)
          #expect(named, "flip at \(offset) in line \(line): \(damage)")
          if damage.lineNumber == line { namedExactly += 1 }
        }
      }
    }
    // Nearly every flip is pinned to one line; the rest name the last two lines together.
    #expect(namedExactly > bytes.count * masks.count * 9 / 10)
    #expect(caughtOnlyByCheckpoint > 0)
  }

  @Test(
    "a write failure at the n-th write leaves the file at its previous size and the next append succeeds",
    arguments: [ENOSPC, EIO, EFBIG, 0, EINTR])
  func writeFailure(code: Int32) throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 2)
    let sizeBefore = FileBytes.read(path).count
    let faults = FaultyFileOperations()
    var options = LogFixtures.options()
    options.fileOperations = faults
    let writer = try LogWriter(path: path, options: options)
    faults.failWrite = (faults.writeCount + 1, code)
    if code == 0 || code == EINTR {
      // A short or interrupted write is completed by the loop: the append succeeds.
      try writer.append([LogFixtures.draft(3)])
      #expect(try LogVerifier.verify(path: path).recordCount == 3)
      return
    }
    #expect(throws: LogWriteError.self) {
      try writer.append([LogFixtures.draft(3), LogFixtures.draft(4)])
    }
    #expect(FileBytes.read(path).count == sizeBefore)
    let receipt = try writer.append([LogFixtures.draft(3)])
    #expect(receipt.lastSeq == 3)
    #expect(try LogVerifier.verify(path: path).recordCount == 3)
  }

  @Test("an fdatasync failure reports the outcome as unknown and poisons the handle (invariant 8)")
  func syncFailure() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 2)
    let faults = FaultyFileOperations()
    var options = LogFixtures.options()
    options.fileOperations = faults
    let writer = try LogWriter(path: path, options: options)
    faults.failSync = (faults.syncCount + 1, EIO)
    do {
      try writer.append([LogFixtures.draft(3)])
      Issue.record("an append whose fdatasync failed must not succeed")
    } catch {
      guard case .outcomeUnknown = error else {
        Issue.record("expected outcomeUnknown, got \(error)")
        return
      }
    }
    #expect(throws: LogWriteError.handlePoisoned) { try writer.append([LogFixtures.draft(4)]) }
    // A fresh handle finds the record complete or absent, never half.
    let fresh = try LogWriter(path: path, options: LogFixtures.options())
    #expect([2, 3].contains(fresh.lastSeq))
    #expect(fresh.recoveries.isEmpty)
  }

  @Test(
    "RLIMIT_FSIZE with SIGXFSZ ignored: the failing append leaves the file as it was and a later append succeeds"
  )
  func fileSizeLimit() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 2)
    let sizeBefore = FileBytes.read(path).count
    let limited = try ChildProcess.runTorture([
      "append", path, "--writer", "big", "--count", "40", "--batch", "40",
      "--fsize-limit", String(sizeBefore + 500),
    ])
    #expect(limited.status == 1)
    #expect(limited.lines.first { $0.hasPrefix("error") }?.contains("Nothing was appended") == true)
    #expect(FileBytes.read(path).count == sizeBefore)
    let normal = try ChildProcess.runTorture(["append", path, "--writer", "small", "--count", "2"])
    #expect(normal.status == 0)
    #expect(try LogVerifier.verify(path: path).recordCount == 4)
  }
}
