import CanonicalJSON
import EventLog
import Foundation
import Testing

@testable import EventLog

/// Group 10: hostile input to the line scanner, reader, verifier and writer, and the fuzz
/// target's findings kept as test cases (Tests/EventLogTests/Regressions/fuzz-*).
@Suite("Reliability 10: hostile input")
struct HostileInputTests {
  static func draft(data: JSONObject, id: String = "h-1", corrects: Int64? = nil) -> RecordDraft {
    RecordDraft(
      id: id, effective: LogDay(daysSinceEpoch: 20_454), type: "Hostile.v1", stream: "s",
      by: "tester", corrects: corrects, data: data)
  }

  @Test(
    "a record line of exactly 1 MiB is written and read back; one byte more is refused with nothing written"
  )
  func lineAtAndOverTheMaximum() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogFixtures.makeLog(at: path, count: 1)
    let probe = try LogFixtures.makeLog(at: directory.file("probe.log"), count: 0)
    let small = try probe.append([Self.draft(data: ["pad": .string("")], id: "h-2")])
    _ = small
    let overhead = try LogReader(path: directory.file("probe.log")).records()[0].line.count
    let exact = Self.draft(
      data: ["pad": .string(String(repeating: "a", count: Limits.lineBytesMax - overhead))],
      id: "h-2")
    try writer.append([exact])
    let records = try LogReader(path: path).records()
    #expect(records.last?.line.count == Limits.lineBytesMax)
    let before = FileBytes.read(path)
    let over = Self.draft(
      data: ["pad": .string(String(repeating: "a", count: Limits.lineBytesMax - overhead + 1))],
      id: "h-3")
    #expect(throws: LogWriteError.self) { try writer.append([over]) }
    #expect(FileBytes.read(path) == before)
    #expect(try LogVerifier.verify(path: path).recordCount == 2)
  }

  @Test(
    "an overlong line followed by a valid record is damage; a complete overlong line at the end is damage; an unfinished one (no newline) is a torn tail"
  )
  func overlongLines() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 3)
    let bytes = FileBytes.read(path)
    let starts = LogFixtures.lineStarts(bytes)
    let overlong = [UInt8](repeating: 0x41, count: Limits.lineBytesMax + 10) + [0x0A]
    let middle = directory.file("middle.log")
    FileBytes.write(
      Array(bytes[0..<starts[3]]) + overlong + Array(bytes[starts[3]...]), to: middle)
    #expect(throws: LogDamage.self) { try LogVerifier.verify(path: middle) }
    #expect(throws: LogWriteError.self) {
      try LogWriter(path: middle, options: LogFixtures.options())
    }
    let complete = directory.file("complete.log")
    FileBytes.write(bytes + overlong, to: complete)
    #expect(throws: LogWriteError.self) {
      try LogWriter(path: complete, options: LogFixtures.options())
    }
    #expect(FileBytes.read(complete) == bytes + overlong)
    let end = directory.file("end.log")
    FileBytes.write(bytes + overlong.dropLast() + overlong.dropLast(), to: end)
    let writer = try LogWriter(path: end, options: LogFixtures.options())
    #expect(writer.lastSeq == 3)
    #expect(FileBytes.read(end) == bytes)
  }

  static func nested(_ depth: Int) -> JSONValue {
    depth == 0 ? .integer(1) : .array([nested(depth - 1)])
  }

  @Test(
    "data nested to the limit is accepted; one level deeper is refused before anything is written")
  func deepNesting() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogFixtures.makeLog(at: path, count: 1)
    // The record is depth 1, data 2, so 62 arrays inside data reach depth 64.
    try writer.append([Self.draft(data: ["deep": Self.nested(62)], id: "deep-ok")])
    let before = FileBytes.read(path)
    #expect(throws: LogWriteError.self) {
      try writer.append([Self.draft(data: ["deep": Self.nested(63)], id: "deep-bad")])
    }
    #expect(FileBytes.read(path) == before)
    let reopened = try LogWriter(path: path, options: LogFixtures.options())
    #expect(reopened.lastSeq == 2)
  }

  @Test("a corrects that names no earlier record is refused before anything is written")
  func badCorrects() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogFixtures.makeLog(at: path, count: 2)
    let before = FileBytes.read(path)
    for corrects: Int64 in [0, 3, 99, -1] {
      #expect(throws: LogWriteError.self) {
        try writer.append([Self.draft(data: [:], id: "c-\(corrects)", corrects: corrects)])
      }
    }
    #expect(FileBytes.read(path) == before)
    try writer.append([Self.draft(data: [:], id: "c-ok", corrects: 2)])
    #expect(try LogVerifier.verify(path: path).recordCount == 3)
  }

  /// The record line of `text` with a correct `prev` after the base log's last line.
  static func chained(_ text: String, after base: [UInt8]) -> [UInt8] {
    let lines = base.split(separator: 0x0A)
    let prev = SHA256.hash(Array(lines[lines.count - 1])).hexString
    return Array(text.replacingOccurrences(of: "PREV", with: prev).utf8) + [0x0A]
  }

  @Test(
    "invalid UTF-8, huge integers and non-canonical spellings in a chained last line are rejected, never accepted, and a writer refuses them as damage (a complete line may be an acknowledged record)"
  )
  func hostileLines() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("base.log")
    try LogFixtures.makeLog(at: path, count: 1)
    let base = FileBytes.read(path)
    let prefix =
      #"{"seq":2,"id":"x","recorded":"2026-01-15T10:00:01.000Z","effective":"2026-01-01","type":"T.v1","stream":"s","by":"b","data":"#
    let datas: [String] = [
      #"{"n":9007199254740992}"#, #"{"n":-9007199254740992}"#,
      #"{"n":99999999999999999999999999999999}"#, #"{"n":1.0}"#, #"{"n":1e3}"#,
      #"{"n":-0}"#, #"{"a":1,"a":2}"#, #"{ "n":1}"#,
      String(repeating: "[", count: 70) + "1"
        + String(repeating: "]", count: 70),
    ]
    var lines = datas.map { Self.chained(prefix + $0 + #","prev":"PREV"}"#, after: base) }
    var invalidUTF8 = Self.chained(prefix + #"{"s":"ab"},"prev":"PREV"}"#, after: base)
    invalidUTF8.insert(0xFF, at: prefix.utf8.count + 7)
    lines.append(invalidUTF8)
    lines.append(
      Self.chained(
        #"{"seq":9007199254740993,"id":"x","recorded":"2026-01-15T10:00:01.000Z","effective":"2026-01-01","type":"T.v1","stream":"s","by":"b","data":{},"prev":"PREV"}"#,
        after: base))
    for (number, line) in lines.enumerated() {
      let file = directory.file("hostile-\(number).log")
      FileBytes.write(base + line, to: file)
      do {
        _ = try LogVerifier.verify(path: file)
        Issue.record("hostile line \(number) was accepted")
      } catch let damage as LogDamage {
        #expect(damage.kind == .badRecord, "line \(number): \(damage)")
      }
      #expect(throws: LogWriteError.self) {
        try LogWriter(path: file, options: LogFixtures.options())
      }
      #expect(FileBytes.read(file) == base + line)
    }
  }

  @Test(
    "every fuzz seed and every input the fuzzer ever crashed on runs through reader, verifier and recovery without a trap, and recovery leaves a log that verifies"
  )
  func fuzzRegressions() throws {
    let inputs = Regressions.files(in: "fuzz-crashes") + Regressions.files(in: "fuzz-seeds")
    #expect(inputs.count >= 6)
    let directory = TemporaryDirectory()
    let prefixPath = directory.file("prefix.log")
    try LogFixtures.makeLog(at: prefixPath, count: 3)
    for (name, input) in inputs {
      guard let mode = input.first else { continue }
      let path = directory.file(name)
      let file =
        mode % 2 == 0 ? Array(input.dropFirst()) : FileBytes.read(prefixPath) + input.dropFirst()
      FileBytes.write(file, to: path)
      let verified = try? LogVerifier.verify(path: path)
      _ = try? LogReader(path: path).records()
      if let writer = try? LogWriter(path: path, options: LogFixtures.options()) {
        #expect((try? LogVerifier.verify(path: path)) != nil, "\(name): recovery left damage")
        if let verified { #expect(writer.lastSeq == verified.recordCount) }
      }
    }
  }
}
