import CSHA256
import Testing

@testable import EventLog

/// The two-message SHA-NI path (`tt_sha256_pair_shani`, and `tt_sha256_many`, which uses it)
/// against the one-message paths, on random messages of many lengths.
@Suite("SHA-256: two messages interleaved")
struct SHA256PairTests {
  /// Lengths around every block boundary up to 5 blocks, record-sized lines, and messages
  /// longer than the pair's copy buffer (4,096 bytes).
  static let lengths: [Int] =
    Array(0...330) + [333, 400, 511, 512, 1000, 4031, 4087, 4095, 4096, 4097, 5000, 9001]

  static func portable(_ bytes: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: 32)
    tt_sha256_portable(bytes, bytes.count, &out)
    return out
  }

  @Test("each of a pair equals its one-message digest, for every pair of lengths tried")
  func pairMatchesSingle() throws {
    try #require(tt_sha256_has_shani() == 1, "this CPU has no SHA extensions")
    var random = SeededGenerator(seed: 0x5A1_2026)
    for (index, length) in Self.lengths.enumerated() {
      let otherLength = Self.lengths[(index * 7 + 3) % Self.lengths.count]
      for (lengthA, lengthB) in [(length, otherLength), (length, length), (otherLength, length)] {
        let a = random.bytes(lengthA)
        let b = random.bytes(lengthB)
        var outA = [UInt8](repeating: 0, count: 32)
        var outB = [UInt8](repeating: 0, count: 32)
        #expect(tt_sha256_pair_shani(a, a.count, b, b.count, &outA, &outB) == 0)
        #expect(outA == Self.portable(a), "a: \(lengthA) bytes (b: \(lengthB))")
        #expect(outB == Self.portable(b), "b: \(lengthB) bytes (a: \(lengthA))")
      }
    }
  }

  @Test("tt_sha256_many equals one digest per message, for odd and even counts")
  func manyMatchesSingle() {
    var random = SeededGenerator(seed: 0x3A_7E5)
    for count in [0, 1, 2, 3, 7, 64, 101] {
      var base: [UInt8] = []
      var offsets: [Int] = []
      var lengths: [Int] = []
      for _ in 0..<count {
        let length = Self.lengths[Int(random.next() % UInt64(Self.lengths.count))]
        offsets.append(base.count)
        lengths.append(length)
        base += random.bytes(length)
        base += random.bytes(Int(random.next() % 5))  // gaps between messages
      }
      var out = [UInt8](repeating: 0, count: 32 * max(count, 1))
      tt_sha256_many(base, offsets, lengths, count, &out)
      for index in 0..<count {
        let message = Array(base[offsets[index]..<offsets[index] + lengths[index]])
        #expect(
          Array(out[32 * index..<32 * index + 32]) == Self.portable(message),
          "message \(index) of \(count), \(lengths[index]) bytes")
      }
    }
  }
}
