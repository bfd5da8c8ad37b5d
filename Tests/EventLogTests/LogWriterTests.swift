import CanonicalJSON
import Foundation
import Testing

@testable import EventLog

@Suite("Writing and reading a log")
struct LogWriterTests {
  @Test("records appended one by one read back in order with a valid chain")
  func roundTrip() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 5)
    let records = try LogReader(path: path).records()
    #expect(records.map(\.seq) == [1, 2, 3, 4, 5])
    #expect(records.map(\.id) == ["r-1", "r-2", "r-3", "r-4", "r-5"])
    #expect(records[2].data["text"] == .string("line 3 é \"q\""))
    let report = try LogVerifier.verify(path: path)
    #expect(report.recordCount == 5)
    #expect(report.headHash == SHA256.hash(records[4].line))
  }

  @Test(
    "the header and first record have exactly the bytes FORMAT.md prescribes (invariants 1, 2, 4)")
  func exactBytes() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let clock = SteppingClock(start: 1_768_471_200_000)
    let writer = try LogWriter.create(
      path: path, name: "ijmond", options: LogFixtures.options(clock: clock))
    try writer.append([
      RecordDraft(
        id: "IJM-001", effective: LogDay(daysSinceEpoch: 20_544), type: "Test.v1",
        stream: "s/1", by: "E001", data: ["a": .string("x/y"), "n": .integer(-3)])
    ])
    let text = String(decoding: FileBytes.read(path), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3 && lines[2].isEmpty)
    let header =
      #"{"format":"transition-log","version":2,"log":"ijmond","created":"2026-01-15T10:00:00.000Z"}"#
    #expect(lines[0] == header)
    let prev = SHA256.hash(header).hexString
    #expect(
      lines[1]
        == #"{"seq":1,"id":"IJM-001","recorded":"2026-01-15T10:00:01.000Z","effective":"2026-04-01","type":"Test.v1","stream":"s/1","by":"E001","data":{"a":"x/y","n":-3},"prev":""#
        + prev + #""}"#)
    // A log created in format version 1 differs only in its header.
    var options = LogFixtures.options(clock: SteppingClock(start: 1_768_471_200_000))
    options.formatVersion = 1
    _ = try LogWriter.create(path: directory.file("v1.log"), name: "ijmond", options: options)
    #expect(
      String(decoding: FileBytes.read(directory.file("v1.log")), as: UTF8.self)
        == header.replacingOccurrences(of: #""version":2"#, with: #""version":1"#) + "\n")
  }

  @Test("an append whose id is in the log already appends nothing and returns the existing seq")
  func idempotentRetry() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogFixtures.makeLog(at: path, count: 3)
    let size = FileBytes.read(path).count
    let receipt = try writer.append([LogFixtures.draft(2)])
    #expect(
      receipt.entries == [
        .init(seq: 2, id: "r-2", recorded: receipt.entries[0].recorded, appended: false)
      ])
    #expect(FileBytes.read(path).count == size)
    // A second handle (another process) sees the same.
    let other = try LogWriter(path: path, options: LogFixtures.options())
    #expect(try other.append([LogFixtures.draft(2)]).entries[0].seq == 2)
    #expect(throws: LogWriteError.idConflict(id: "r-2", existingSeq: 2)) {
      try other.append([LogFixtures.draft(7, id: "r-2")])
    }
  }

  @Test("an append that expects another last seq fails with a conflict and writes nothing")
  func optimisticConcurrency() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let first = try LogFixtures.makeLog(at: path, count: 2)
    let second = try LogWriter(path: path, options: LogFixtures.options())
    try first.append([LogFixtures.draft(3)], expectedLastSeq: 2)
    #expect(throws: LogWriteError.conflict(expectedLastSeq: 2, actualLastSeq: 3)) {
      try second.append([LogFixtures.draft(4)], expectedLastSeq: 2)
    }
    try second.append([LogFixtures.draft(4)], expectedLastSeq: 3)
    #expect(try LogVerifier.verify(path: path).recordCount == 4)
  }

  @Test("recorded never decreases even when the clock steps back (invariant 5)")
  func clockStepsBack() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogWriter.create(
      path: path, name: "t",
      options: LogFixtures.options(
        clock: SteppingClock(start: 2_000_000_000_000, stepMilliseconds: -5000)))
    for number in 1...4 { try writer.append([LogFixtures.draft(number)]) }
    let recorded = try LogReader(path: path).records().map(\.recorded)
    #expect(recorded == recorded.sorted())
    #expect(try LogVerifier.verify(path: path).recordCount == 4)
  }

  @Test(
    "a batch gets consecutive seqs, one recorded instant, and a generated id where none was given")
  func batch() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogFixtures.makeLog(at: path, count: 1)
    var anonymous = LogFixtures.draft(9)
    anonymous.id = nil
    let receipt = try writer.append([LogFixtures.draft(2), anonymous, LogFixtures.draft(3)])
    #expect(receipt.entries.map(\.seq) == [2, 3, 4])
    #expect(Set(receipt.entries.map(\.recorded)).count == 1)
    #expect(receipt.entries[1].id.count == 36)
    #expect(try LogVerifier.verify(path: path).recordCount == 4)
  }

  @Test("create refuses an existing file and a bad name; a new log is created 0640")
  func create() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 0)
    #expect(throws: LogWriteError.alreadyExists(path: path)) {
      try LogWriter.create(path: path, name: "x", options: LogFixtures.options())
    }
    #expect(throws: LogWriteError.self) {
      try LogWriter.create(
        path: directory.file("b.log"), name: "bad name", options: LogFixtures.options())
    }
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o640)
    #expect(directory.names() == ["events.log"])
  }
}
