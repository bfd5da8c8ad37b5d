import Foundation
import Testing

@testable import EventLog

/// Ids are compared as Swift compares strings (canonical equivalence), by the verifier through
/// 64-bit id keys and by the writer through its index; these tests pin that both find every
/// duplicate, including ids that are equal only after normalisation, and colliding keys.
@Suite("Unique ids: verifier and writer")
struct IDUniquenessTests {
  /// The log at `path` with the id of record `seq` replaced by `newID`, and every later `prev`
  /// recomputed, so only the duplicate id is wrong.
  static func rewriteID(path: String, seq: Int, from oldID: String, to newID: String) {
    var lines = String(decoding: FileBytes.read(path), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    lines[seq] = lines[seq].replacingOccurrences(
      of: "\"id\":\"\(oldID)\"", with: "\"id\":\"\(newID)\"")
    for index in (seq + 1)..<lines.count {
      let previous = SHA256.hash(Array(lines[index - 1].utf8)).hexString
      guard let range = lines[index].range(of: "\"prev\":\"") else { continue }
      let start = range.upperBound
      let end = lines[index].index(start, offsetBy: 64)
      lines[index].replaceSubrange(start..<end, with: previous)
    }
    FileBytes.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: path)
  }

  static let modes: [ReadConcurrency] = [.sequential, .pipelined]

  @Test(
    "a repeated id is reported as duplicateID in both modes",
    arguments: [("dup-3", "dup-3"), ("caf\u{E9}", "caf\u{E9}")])
  func verifierFindsDuplicates(first: String, second: String) throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogWriter.create(path: path, name: "test", options: LogFixtures.options())
    for number in 1...12 {
      let id = number == 3 ? first : (number == 9 ? "x-9" : "r-\(number)")
      try writer.append([LogFixtures.draft(number, id: id)])
    }
    #expect(try LogVerifier.verify(path: path).recordCount == 12)
    Self.rewriteID(path: path, seq: 9, from: "x-9", to: second)
    for mode in Self.modes {
      do {
        _ = try LogVerifier.verify(path: path, concurrency: mode)
        Issue.record("\(mode): the duplicate id passed")
      } catch let damage as LogDamage {
        #expect(damage.kind == .duplicateID, "\(mode): \(damage)")
        #expect(damage.lineNumber == 10, "\(mode): \(damage)")
      }
    }
  }

  @Test("distinct ids whose keys would collide are not taken for duplicates")
  func keysOnlyNarrowDown() throws {
    var table = IDKeyTable(capacity: 4)
    #expect(table.firstThenInsert(key: 42, seq: 1) == nil)
    #expect(table.firstThenInsert(key: 42, seq: 2) == 1)
    for seq in 3...200 { table.insert(key: UInt64(seq) &* 0x1_0000_0001, seq: Int64(seq)) }
    #expect(table.seqs(for: 42).sorted() == [1, 2])
    #expect(table.seqs(for: 0).isEmpty)
    #expect(table.firstThenInsert(key: 0, seq: 201) == nil)
    #expect(table.seqs(for: 0) == [201])
    #expect(table.count == 201)
  }

  @Test("insertAll finds the same collisions as firstThenInsert one by one")
  func bulkInsertMatchesOneByOne() {
    var random = SeededGenerator(seed: 0x1D_4B11)
    let keys = (0..<20_000).map { _ in random.next() % 15_000 }
    let seqs = (1...Int64(keys.count)).map { $0 }
    var single = IDKeyTable(capacity: 16)
    var expected: [[Int64]] = []
    for (key, seq) in zip(keys, seqs) {
      if let first = single.firstThenInsert(key: key, seq: seq) { expected.append([first, seq]) }
    }
    var bulk = IDKeyTable(capacity: 16)
    var found: [[Int64]] = []
    for start in stride(from: 0, to: keys.count, by: 4096) {
      let end = min(start + 4096, keys.count)
      keys[start..<end].withUnsafeBufferPointer { keys in
        seqs[start..<end].withUnsafeBufferPointer { seqs in
          bulk.insertAll(keys: keys, seqs: seqs) { found.append([$0, $1]) }
        }
      }
    }
    #expect(!expected.isEmpty)
    #expect(found == expected)
    #expect(bulk.count == single.count)
  }

  @Test("id keys agree with String equality on ASCII, composed and decomposed ids")
  func keysFollowStringEquality() {
    let pairs: [(String, String)] = [
      ("K", "\u{212A}"), ("caf\u{E9}", "cafe\u{301}"), ("\u{212B}", "\u{C5}"), ("a;", "a\u{37E}"),
    ]
    for (left, right) in pairs {
      #expect(left == right)
      #expect(IDKey.of(left) == IDKey.of(right), "\(left) vs \(right)")
      var bytes = Array(right.utf8)
      let fromBytes = bytes.withUnsafeMutableBytes { IDKey.of(utf8: UnsafeRawBufferPointer($0)) }
      #expect(fromBytes == IDKey.of(left), "\(left) vs \(right) from bytes")
    }
    #expect(IDKey.of("r-1") != IDKey.of("r-2"))
    var seen = Set<UInt64>()
    for number in 0..<100_000 { seen.insert(IDKey.of("w-\(number)")) }
    #expect(seen.count == 100_000)
  }

  @Test(
    "ids compare byte for byte: the writer refuses an id that is equal to another only canonically (not NFC), and never answers it as a retry (issue 15, item 8)"
  )
  func writerComparesBytes() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogWriter.create(path: path, name: "test", options: LogFixtures.options())
    try writer.append([LogFixtures.draft(1, id: "K-1"), LogFixtures.draft(2, id: "caf\u{E9}")])
    let size = FileBytes.read(path).count
    for id in ["\u{212A}-1", "cafe\u{301}"] {
      do {
        try writer.append([LogFixtures.draft(1, id: id)])
        Issue.record("the id \(Array(id.utf8)) was taken")
      } catch {
        guard case .invalidDraft(let reason) = error else {
          Issue.record("\(error)")
          continue
        }
        #expect(reason.contains("Normalization Form C"), "\(reason)")
      }
    }
    #expect(FileBytes.read(path).count == size)
    // The same bytes are a retry, in this writer and in a second one.
    #expect(try writer.append([LogFixtures.draft(2, id: "caf\u{E9}")]).entries[0].appended == false)
    let other = try LogWriter(path: path, options: LogFixtures.options())
    #expect(try other.append([LogFixtures.draft(2, id: "caf\u{E9}")]).entries[0].seq == 2)
    #expect(other.lastSeq == 2)
  }

  @Test(
    "ids equal only canonically (Kelvin sign and K, composed and decomposed é) are two ids to the verifier, in both modes",
    arguments: [("K-7", "\u{212A}-7"), ("caf\u{E9}", "cafe\u{301}")])
  func canonicallyEqualIDsAreDistinct(first: String, second: String) throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogWriter.create(path: path, name: "test", options: LogFixtures.options())
    for number in 1...12 {
      let id = number == 3 ? first : (number == 9 ? "x-9" : "r-\(number)")
      try writer.append([LogFixtures.draft(number, id: id)])
    }
    Self.rewriteID(path: path, seq: 9, from: "x-9", to: second)
    for mode in Self.modes {
      #expect(try LogVerifier.verify(path: path, concurrency: mode).recordCount == 12, "\(mode)")
    }
  }
}
