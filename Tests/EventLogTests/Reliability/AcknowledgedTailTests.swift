import EventLog
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 15, items 1, 2 and 5: no writer removes a line that may hold an acknowledged record,
/// a batch is whole or absent across a crash, and a special file is refused without waiting.
@Suite("Reliability 11: acknowledged lines, whole batches, special files")
struct AcknowledgedTailTests {
  /// The attack of issue 15: `{"seq"` → `{"seX"` in each of the last 5 records (each
  /// appended, synced and acknowledged on its own), then one more append.
  @Test(
    "changing a key byte in each of the last 5 acknowledged records is damage: the next writer refuses with the file byte-identical, and verify says so first"
  )
  func theExactAttack() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 10)
    var bytes = FileBytes.read(path)
    let starts = LogFixtures.lineStarts(bytes)
    // Lines 7 to 11 hold records 6 to 10.
    for line in 7...11 {
      let start = starts[line - 1]
      #expect(Array(bytes[start..<(start + 6)]) == Array(#"{"seq""#.utf8))
      bytes[start + 4] = UInt8(ascii: "X")
    }
    FileBytes.write(bytes, to: path)
    do {
      _ = try LogVerifier.verify(path: path)
      Issue.record("verify passed a log with 5 changed records")
    } catch let damage as LogDamage {
      #expect(damage.kind == .badRecord)
      #expect(damage.lineNumber == 7)
      #expect(damage.description.contains("Restore the file from a backup"))
      #expect(damage.description.contains("transition verify"))
    }
    do {
      let writer = try LogWriter(path: path, options: LogFixtures.options())
      try writer.append([LogFixtures.draft(11)])
      Issue.record("the writer appended after 5 changed records")
    } catch {
      guard case .damaged(let damage) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(damage.lineNumber == 7, "\(damage)")
    }
    #expect(FileBytes.read(path) == bytes, "the log must be byte-identical")
    let quarantines = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.contains(".torn-") }
    #expect(quarantines.isEmpty)
  }

  /// Ways to damage one complete line.
  static func damage(_ line: [UInt8], how: Int, random: inout SplitMix64) -> [UInt8] {
    var line = line
    switch how % 5 {
    case 0: line[4] = UInt8(ascii: "X")  // {"seq" → {"seX"
    case 1: line[random.int(0...(line.count - 1))] ^= UInt8(1 << random.int(0...7))
    case 2: line = random.bytes(random.int(1...80)).map { $0 == 0x0A ? 0x20 : $0 }
    case 3: line = []  // an empty line
    default: line = [UInt8](repeating: 0, count: line.count)  // zeros, same length
    }
    return line
  }

  static let tamperSeeds = Seeds.forGroup(
    "acknowledged-tail", defaults: [0xAC_0001, 0xAC_0002], longCount: 20)

  /// The tamper loop: the last k lines damaged, k = 1…8, in logs written by single appends
  /// and by batches; no writer ever removes a line that was acknowledged.
  @Test(
    "damaging the last k complete lines (k = 1…8) never lets a writer remove an acknowledged line: it refuses with the file unchanged (or, where the last line is still a valid record, appends after it)",
    arguments: tamperSeeds)
  func tamperLoop(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var refused = 0
    var validLastLines = 0
    let rounds = LongTests.enabled ? 40 : 3
    for round in 0..<rounds {
      for k in 1...8 {
        let directory = TemporaryDirectory()
        let path = directory.file("events.log")
        let writer = try LogWriter.create(path: path, name: "t", options: LogFixtures.options())
        var number = 0
        while writer.lastSeq < 12 {
          let size = round % 2 == 0 ? 1 : random.int(1...4)
          try writer.append(
            (0..<size).map { _ in
              number += 1
              return LogFixtures.draft(number)
            })
        }
        let acknowledged = FileBytes.read(path)
        var lines = acknowledged.split(separator: 0x0A, omittingEmptySubsequences: false)
          .dropLast().map(Array.init)
        for index in (lines.count - k)..<lines.count {
          lines[index] = Self.damage(lines[index], how: random.int(0...4), random: &random)
        }
        let damaged = Array(lines.joined(separator: [0x0A])) + [0x0A]
        guard damaged != acknowledged else { continue }
        FileBytes.write(damaged, to: path)
        let label = "round \(round), k \(k)"
        // A change that leaves the last line a valid record is invisible to the chain (only a
        // checkpoint covers the last line, FORMAT.md section 7); it can only be k = 1. Then a
        // writer may append after it, but still removes nothing.
        let stillValid = (try? LogVerifier.verify(path: path)) != nil
        expectSeeded(!stillValid || k == 1, "\(label): verify passed", seed: seed)
        do {
          let again = try LogWriter(path: path, options: LogFixtures.options())
          try again.append([LogFixtures.draft(99, id: "after-tamper")])
          expectSeeded(stillValid, "\(label): a writer appended to a damaged log", seed: seed)
          let after = FileBytes.read(path)
          expectSeeded(
            Array(after.prefix(damaged.count)) == damaged,
            "\(label): the writer removed or changed acknowledged bytes", seed: seed)
          validLastLines += 1
          continue
        } catch {
          guard case .damaged = error else { throw error }
          expectSeeded(!stillValid, "\(label): a writer refused a log that verifies", seed: seed)
          refused += 1
        }
        expectSeeded(
          FileBytes.read(path) == damaged, "\(label): the writer changed the file", seed: seed)
      }
    }
    reportFigure("acknowledged-tail.tamper-refusals", refused)
    reportFigure("acknowledged-tail.tampered-last-line-still-valid", validLastLines)
    #expect(refused > 0)
  }

  // MARK: - Batches (item 2)

  @Test(
    "in a v2 log a batch of 3 is marked part 1-3 of 3 and its last line carries the batch key; a single record is written exactly as in v1"
  )
  func batchMarks() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogFixtures.makeLog(at: path, count: 1)
    let drafts = [LogFixtures.draft(2), LogFixtures.draft(3), LogFixtures.draft(4)]
    try writer.append(drafts)
    let lines = try LogReader(path: path).records().map(\.lineText)
    #expect(!lines[0].contains(#""part""#))
    #expect(lines[1].contains(#""by":"tester","part":1,"parts":3,"data":"#))
    #expect(lines[2].contains(#""part":2,"parts":3,"data":"#))
    #expect(
      lines[3].contains(
        #""part":3,"parts":3,"batch":""# + BatchKey.of(drafts).hexString + #"","data":"#))
    #expect(writer.batch(key: BatchKey.of(drafts)) == 2...4)
    #expect(try LogVerifier.verify(path: path, concurrency: .sequential).recordCount == 4)
    #expect(try LogVerifier.verify(path: path, concurrency: .pipelined).recordCount == 4)
  }

  @Test(
    "the same batch again, without ids, answers with the recorded records and appends nothing, in this writer and in another one"
  )
  func retriedBatchIsIdempotent() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogFixtures.makeLog(at: path, count: 1)
    func drafts() throws -> [RecordDraft] {
      try (2...4).map { number in
        try RecordDraft(
          effective: LogDay(daysSinceEpoch: 20_454), type: "T.v1", stream: "s", by: "b",
          canonicalData: Array(#"{"n":\#(number)}"#.utf8))
      }
    }
    let first = try writer.append(drafts())
    #expect(first.entries.map(\.appended) == [true, true, true])
    let size = FileBytes.read(path).count
    let again = try writer.append(drafts())
    #expect(again.entries.map(\.appended) == [false, false, false])
    #expect(again.entries.map(\.seq) == [2, 3, 4])
    #expect(again.entries.map(\.id) == first.entries.map(\.id))
    let other = try LogWriter(path: path, options: LogFixtures.options())
    #expect(try other.append(drafts()).entries.map(\.seq) == [2, 3, 4])
    #expect(FileBytes.read(path).count == size)
    // Other content is another batch.
    var changed = try drafts()
    changed.removeLast()
    #expect(try other.append(changed).entries.map(\.appended) == [true, true])
  }

  /// A log whose last batch of 3 lost its commit line (and possibly more).
  static func unfinishedBatchLog(
    _ directory: TemporaryDirectory, keepLines: Int, fragment: Int = 0
  ) throws -> (path: String, committed: [UInt8], tail: [UInt8]) {
    let path = directory.file("events.log")
    let writer = try LogFixtures.makeLog(at: path, count: 2)
    let committed = FileBytes.read(path)
    try writer.append([LogFixtures.draft(3), LogFixtures.draft(4), LogFixtures.draft(5)])
    let full = FileBytes.read(path)
    let starts = LogFixtures.lineStarts(full)
    let end = starts[3 + keepLines] + fragment
    FileBytes.write(Array(full[0..<end]), to: path)
    return (path, committed, Array(full[committed.count..<end]))
  }

  @Test(
    "a batch without its commit line at the end is never read in part: the reader stops before it, verify calls it a torn tail, and a writer moves all of it aside",
    arguments: [(1, 0), (2, 0), (1, 40), (2, 40), (0, 40)])
  func unfinishedBatchIsAllOrNothing(keepLines: Int, fragment: Int) throws {
    let directory = TemporaryDirectory()
    let (path, committed, tail) = try Self.unfinishedBatchLog(
      directory, keepLines: keepLines, fragment: fragment)
    let summary = try LogReader(path: path).forEachRecord { _ in }
    #expect(summary.state.lastSeq == 2)
    #expect(summary.tornTail?.byteOffset == Int64(committed.count))
    for mode in [ReadConcurrency.sequential, .pipelined] {
      do {
        _ = try LogVerifier.verify(path: path, concurrency: mode)
        Issue.record("\(mode): an unfinished batch verified")
      } catch let damage as LogDamage {
        #expect(damage.kind == .tornTail, "\(mode): \(damage)")
        #expect(damage.byteOffset == Int64(committed.count), "\(mode): \(damage)")
      }
    }
    #expect(try LogReader(path: path).head() == nil)
    let writer = try LogWriter(path: path, options: LogFixtures.options())
    #expect(writer.lastSeq == 2)
    #expect(FileBytes.read(path) == committed)
    #expect(writer.recoveries.map { FileBytes.read($0.path) } == [tail])
    try writer.append([LogFixtures.draft(3), LogFixtures.draft(4), LogFixtures.draft(5)])
    #expect(try LogVerifier.verify(path: path).recordCount == 5)
  }

  @Test(
    "the parts of an unfinished batch followed by a complete line that is not its next part is damage, and nothing is changed"
  )
  func unfinishedBatchThenOtherLineIsDamage() throws {
    let directory = TemporaryDirectory()
    let (path, _, _) = try Self.unfinishedBatchLog(directory, keepLines: 2)
    var bytes = FileBytes.read(path)
    bytes += Array("garbage\n".utf8)
    FileBytes.write(bytes, to: path)
    #expect(throws: LogDamage.self) { try LogVerifier.verify(path: path) }
    #expect(throws: LogWriteError.self) {
      try LogWriter(path: path, options: LogFixtures.options())
    }
    #expect(FileBytes.read(path) == bytes)
    // A batch whose commit line is missing in the middle of the log is damage too.
    let middle = directory.file("middle.log")
    let writer = try LogFixtures.makeLog(at: middle, count: 1)
    try writer.append([LogFixtures.draft(2), LogFixtures.draft(3)])
    var lines = FileBytes.read(middle).split(separator: 0x0A).map(Array.init)
    lines[2] = Array(
      String(decoding: lines[2], as: UTF8.self).replacingOccurrences(
        of: #""part":1,"parts":2,"#, with: ""
      ).utf8)
    FileBytes.write(Array(lines.joined(separator: [0x0A])) + [0x0A], to: middle)
    #expect(throws: LogDamage.self) { try LogVerifier.verify(path: middle) }
  }

  @Test(
    "a v1 log is read, verified and appended to in v1: batches unmarked; batch marks in a v1 log are damage"
  )
  func versionOneLogs() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("v1.log")
    var options = LogFixtures.options()
    options.formatVersion = 1
    let writer = try LogWriter.create(path: path, name: "old", options: options)
    try writer.append([LogFixtures.draft(1), LogFixtures.draft(2)])
    let text = String(decoding: FileBytes.read(path), as: UTF8.self)
    #expect(text.hasPrefix(#"{"format":"transition-log","version":1,"#))
    #expect(!text.contains(#""part""#))
    #expect(try LogVerifier.verify(path: path).header.version == 1)
    let marked = directory.file("marked.log")
    let v2 = try LogFixtures.makeLog(at: marked, count: 1)
    try v2.append([LogFixtures.draft(2), LogFixtures.draft(3)])
    // The same records under a v1 header: the chain is recomputed so only the marks are wrong.
    var lines = FileBytes.read(marked).split(separator: 0x0A).map(Array.init)
    lines[0] = Array(
      String(decoding: lines[0], as: UTF8.self).replacingOccurrences(
        of: #""version":2"#, with: #""version":1"#
      ).utf8)
    for index in 1..<lines.count {
      let text = String(decoding: lines[index], as: UTF8.self)
      let prev = SHA256.hash(lines[index - 1]).hexString
      let cut = text.range(of: #""prev":""#)!.upperBound
      lines[index] = Array((String(text[..<cut]) + prev + #""}"#).utf8)
    }
    FileBytes.write(Array(lines.joined(separator: [0x0A])) + [0x0A], to: marked)
    do {
      _ = try LogVerifier.verify(path: marked)
      Issue.record("batch marks in a v1 log verified")
    } catch let damage as LogDamage {
      #expect(damage.lineNumber == 3, "\(damage)")
      #expect(damage.reason.contains("version 1"), "\(damage)")
    }
  }

  // MARK: - Special files (item 5)

  @Test(
    "a FIFO, a directory or a character device given as the log is refused at once by the reader, the verifier, the head and the writer, with a message"
  )
  func specialFilesAreRefused() throws {
    let directory = TemporaryDirectory()
    let fifo = directory.file("fifo.log")
    #expect(mkfifo(fifo, 0o600) == 0)
    for path in [fifo, directory.path, "/dev/null"] {
      for attempt in 0..<4 {
        do {
          switch attempt {
          case 0: _ = try LogVerifier.verify(path: path)
          case 1: _ = try LogReader(path: path).records()
          case 2: _ = try LogReader(path: path).head()
          default: _ = try LogWriter(path: path, options: LogFixtures.options())
          }
          Issue.record("\(path): attempt \(attempt) was not refused")
        } catch let error as FileError {
          #expect(error.isNotRegularFile, "\(path): \(error)")
          #expect(error.description.contains("is not a regular file"), "\(error)")
        } catch let error as LogWriteError {
          guard case .cannotOpen(let fileError) = error else {
            Issue.record("\(path): \(error)")
            continue
          }
          #expect(fileError.isNotRegularFile, "\(path): \(fileError)")
        }
      }
    }
  }
}
