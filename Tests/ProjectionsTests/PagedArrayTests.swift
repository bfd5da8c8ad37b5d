import Foundation
import Testing
import TransitionDomain

@testable import Projections

/// The replay's paged array (rules in `PagedArray.swift`): what goes in comes back, copies do
/// not share changes, a full disk moves it to memory, and the process keeps only a window of
/// it resident.
@Suite("Paged array")
struct PagedArrayTests {
  /// A plain value of two fields, as a staff fact is of many.
  struct Pair: Equatable {
    var key: Int64
    var value: Int64
  }

  static func pairs(_ range: Range<Int>) -> [Pair] {
    range.map { Pair(key: Int64($0), value: Int64($0) &* 2_654_435_761) }
  }

  @Test("appends across growths, changes in place and random reads match an ordinary array")
  func roundTrip() throws {
    var paged = PagedArray<Pair>(fileIn: NSTemporaryDirectory(), releaseInterval: 1_000)
    #expect(paged.isInFile)
    var plain: [Pair] = []
    var next = 0
    for batch in [0, 1, 17, 4_095, 4_096, 1, 30_000, 12_345] {
      let added = Self.pairs(next..<next + batch)
      paged.append(contentsOf: added)
      plain.append(contentsOf: added)
      next += batch
    }
    for index in stride(from: 0, to: plain.count, by: 7) {
      paged.modify(index) { $0.value = -$0.value }
      plain[index].value = -plain[index].value
    }
    #expect(paged.count == plain.count)
    var random = SplitMix64(seed: 5)
    for _ in 0..<20_000 {
      let index = Int(random.next() % UInt64(plain.count))
      #expect(paged[index] == plain[index])
    }
    #expect(Array(paged) == plain)
    #expect(paged.elements == plain)
    #expect(paged.isInFile)
  }

  @Test("a copy keeps its elements when the original is appended to or changed")
  func copyOnWrite() throws {
    var original = PagedArray<Pair>(fileIn: NSTemporaryDirectory(), releaseInterval: 100)
    original.append(contentsOf: Self.pairs(0..<5_000))
    let copy = original
    original.modify(10) { $0.value = 0 }
    original.append(contentsOf: Self.pairs(5_000..<9_000))
    #expect(Array(copy) == Self.pairs(0..<5_000))
    #expect(original.count == 9_000)
    #expect(original[10].value == 0)
    #expect(Array(original[11...]) == Self.pairs(11..<9_000))
    #expect(original.isInFile && copy.isInFile)
  }

  @Test("when the file cannot grow, the elements move to memory and none is lost")
  func fullDisk() throws {
    var paged = PagedArray<Pair>(fileIn: NSTemporaryDirectory())
    paged.append(contentsOf: Self.pairs(0..<3_000))
    paged.simulateFullDisk()
    paged.append(contentsOf: Self.pairs(3_000..<10_000))
    #expect(!paged.isInFile)
    #expect(Array(paged) == Self.pairs(0..<10_000))
  }

  @Test("the process keeps only about one release interval of the elements resident")
  func residentWindow() throws {
    let count = 400_000  // 6.4 MB of pairs
    var paged = PagedArray<Pair>(fileIn: NSTemporaryDirectory(), releaseInterval: 4_096)
    paged.append(contentsOf: Self.pairs(0..<count))
    var sum: Int64 = 0
    for pair in paged { sum &+= pair.key }
    #expect(sum == Int64(count) * Int64(count - 1) / 2)
    let resident = try #require(Self.residentKilobytes(ofMappingHolding: paged))
    // 4,096 pairs are 64 kB; the mapping would hold 6,400 kB without the releases.
    #expect(resident <= 256, "the mapping holds \(resident) kB resident")
  }

  @Test("an array in memory stays in memory")
  func inMemory() {
    var paged = PagedArray(Self.pairs(0..<10))
    paged.append(contentsOf: Self.pairs(10..<20))
    paged.modify(0) { $0.value = 7 }
    #expect(!paged.isInFile)
    #expect(paged.count == 20 && paged[0].value == 7 && paged[19] == Self.pairs(19..<20)[0])
  }

  @Test("no file is left behind in the directory")
  func nothingLeft() throws {
    let directory = NSTemporaryDirectory() + "paged-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var paged = PagedArray<Pair>(fileIn: directory)
    paged.append(contentsOf: Self.pairs(0..<1_000))
    #expect(paged.isInFile)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
  }

  @Test(
    "a replay of a log keeps its staff facts and its versions in files, equal to a fold in memory"
  )
  func replayKeepsFactsInFile() throws {
    let records = RandomLog.records(seed: 41, count: 600)
    let path = ExampleLogFixture.temporaryDirectory() + "/random.log"
    try SidecarTests.writeLog(records, at: path)
    let replayed = try Ledger.replay(path: path)
    let folded = try Ledger(records: records)
    #expect(replayed.ownedStaffFacts.isInFile)
    #expect(replayed.ownedVersions.isInFile)
    #expect(!folded.ownedStaffFacts.isInFile)
    #expect(!folded.ownedVersions.isInFile)
    #expect(replayed.ownedStaffFacts.count > 100)
    #expect(replayed.ownedVersions.count > 100)
    #expect(Array(replayed.staffFacts) == Array(folded.staffFacts))
    #expect(Self.versionRows(replayed) == Self.versionRows(folded))
  }

  @Test("record ids of every length up to 256 bytes come back, in place or from the spill file")
  func recordIDSlots() throws {
    let ids = [
      "a", "IJM-082", String(repeating: "x", count: 39), String(repeating: "y", count: 40),
      String(repeating: "é", count: 19) + "z", String(repeating: "é", count: 20),
      "0d3f2c8e-5b7a-4c1e-9f60-2a8b7c6d5e4f", String(repeating: "€", count: 85) + "1",
    ]
    #expect(ids.map(\.utf8.count) == [1, 7, 39, 40, 39, 40, 36, 256])
    for spill in [try #require(SpillFile(directory: NSTemporaryDirectory())), SpillFile()] {
      let slots = ids.map { RecordIDSlot($0, spill: spill) }
      #expect(slots.map { $0.id(spill: spill) } == ids)
      #expect(slots.map(\.utf8Count) == ids.map(\.utf8.count))
    }
  }

  @Test("a replay keeps long record ids, and its sidecar gives them back")
  func replayKeepsLongIDs() throws {
    let records = RandomLog.records(seed: 44, count: 200).map { record in
      DomainRecord(
        seq: record.seq,
        id: record.seq % 3 == 0
          ? "long-" + String(repeating: "é", count: 60) + "-\(record.seq)" : record.id,
        recordedMilliseconds: record.recordedMilliseconds, effective: record.effective,
        stream: record.stream, by: record.by, corrects: record.corrects,
        correctionReason: record.correctionReason, event: record.event)
    }
    let path = ExampleLogFixture.temporaryDirectory() + "/random.log"
    try SidecarTests.writeLog(records, at: path)
    let replayed = try Ledger.replay(path: path)
    #expect(replayed.ownedRecordIDs.isInFile)
    #expect(replayed.recordIDs == records.map(\.id))
    #expect(try TransitionProjector(path: path).origin == .rebuilt)
    guard case .fresh(let loaded) = ProjectionSidecar(logPath: path).load() else {
      Issue.record("the sidecar just written is not fresh")
      return
    }
    #expect(loaded.recordIDs == records.map(\.id))
  }

  /// Every version of every event type in `ledger`, a line each, its event in full.
  static func versionRows(_ ledger: Ledger) -> [String] {
    (0..<UInt8(DomainEvent.payloadTypes.count)).flatMap { type in
      ledger.versions(ofType: type).map { version in
        "\(version.seq) \(version.source) \(version.id) \(version.effectiveDate)"
          + " \(version.recordedMilliseconds) \(version.patched) \(version.span)"
          + " \(version.typeIndex) \(version.event)"
      }
    }
  }

  /// The resident size of the mapping that holds `paged`'s first element, from
  /// `/proc/self/smaps`; nil when it cannot be found.
  static func residentKilobytes(ofMappingHolding paged: PagedArray<Pair>) -> Int? {
    guard let address = paged.firstElementAddress,
      let data = FileHandle(forReadingAtPath: "/proc/self/smaps")?.readDataToEndOfFile()
    else { return nil }
    let smaps = String(decoding: data, as: UTF8.self)
    var inside = false
    for line in smaps.split(separator: "\n") {
      if let dash = line.firstIndex(of: "-"), line[..<dash].allSatisfy(\.isHexDigit),
        let space = line.firstIndex(of: " ")
      {
        let start = UInt(line[..<dash], radix: 16) ?? 0
        let end = UInt(line[line.index(after: dash)..<space], radix: 16) ?? 0
        inside = start <= address && address < end
      } else if inside, line.hasPrefix("Rss:") {
        return Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
      }
    }
    return nil
  }
}
