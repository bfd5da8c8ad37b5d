import Foundation
import Testing

@testable import Projections

/// The replay's spill file: what goes in comes back, from the buffer, from the file, and from
/// memory once the disk is full.
@Suite("Spill file")
struct SpillFileTests {
  /// Appends `count` pieces of varied sizes; answers each piece with its range.
  static func fill(_ spill: SpillFile, count: Int, seed: Int) -> [([UInt8], Range<Int>)] {
    (0..<count).map { index in
      let size = (index * 7_919 + seed) % 70_000
      let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index &+ seed) }
      return (bytes, spill.append(bytes))
    }
  }

  @Test("every piece reads back as written, across buffer flushes, in any order")
  func roundTrip() throws {
    let spill = try #require(SpillFile(directory: NSTemporaryDirectory()))
    let pieces = Self.fill(spill, count: 120, seed: 1)
    #expect(pieces.last.map(\.1.upperBound) ?? 0 > 3 << 20, "the pieces span several flushes")
    for (bytes, range) in pieces.reversed() { #expect(spill.read(range) == bytes) }
    #expect(!spill.keepsBytesInMemory)
  }

  @Test("when the disk fills, later pieces stay in memory and everything still reads back")
  func fullDisk() throws {
    let spill = try #require(SpillFile(directory: NSTemporaryDirectory()))
    let before = Self.fill(spill, count: 60, seed: 2)
    spill.simulateFullDisk()
    let after = Self.fill(spill, count: 60, seed: 3)
    #expect(spill.keepsBytesInMemory)
    for (bytes, range) in before + after { #expect(spill.read(range) == bytes) }
  }

  @Test("no file is left behind in the directory")
  func nothingLeft() throws {
    let directory = NSTemporaryDirectory() + "spill-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let spill = try #require(SpillFile(directory: directory))
    _ = Self.fill(spill, count: 10, seed: 4)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
  }
}
