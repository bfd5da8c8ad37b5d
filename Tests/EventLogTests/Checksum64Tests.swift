import EventLog
import Testing

/// `Checksum64` is xxHash64: the vectors below were computed with the Python `xxhash` package
/// (`xxhash.xxh64(data, seed=...).intdigest()`), covering every tail path (under 32 bytes, the
/// four-lane loop, 8-, 4- and 1-byte tails) and a seed.
@Suite("Checksum64")
struct Checksum64Tests {
  @Test("known answers of xxHash64")
  func knownAnswers() {
    #expect(Checksum64.of([UInt8]()) == 0xEF46_DB37_51D8_E999)
    #expect(Checksum64.of(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
    #expect(Checksum64.of(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
    let ramp = Array((0..<3).flatMap { _ in (0...255).map { UInt8($0) } })
    #expect(Checksum64.of(ramp) == 0x8E03_C838_C596_036F)
    #expect(Checksum64.of(Array("transition".utf8), seed: 7) == 0x9399_63F5_AAB0_789E)
  }

  @Test("any single flipped bit changes the checksum")
  func flippedBits() {
    let bytes = Array((0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37) })
    let original = Checksum64.of(bytes)
    for index in bytes.indices {
      for bit in 0..<8 {
        var changed = bytes
        changed[index] ^= 1 << bit
        #expect(Checksum64.of(changed) != original)
      }
    }
  }

  @Test("fed in pieces of any size, the stream equals the one-shot checksum")
  func streaming() {
    let bytes = Array((0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) })
    for pieceSize in [1, 3, 7, 31, 32, 33, 64, 100, 999, 1_000] {
      for count in [0, 5, 31, 32, 33, 95, 96, 97, 1_000] {
        var stream = Checksum64.Stream(seed: 3)
        var start = 0
        while start < count {
          let end = min(count, start + pieceSize)
          stream.update(Array(bytes[start..<end]))
          start = end
        }
        #expect(stream.value == Checksum64.of(Array(bytes[0..<count]), seed: 3))
      }
    }
  }
}
