import CSHA256
import Foundation
import Testing

@testable import EventLog

/// A small deterministic random number generator (SplitMix64), so every failure reproduces.
struct SeededGenerator: RandomNumberGenerator {
  /// The generator's whole state.
  private var state: UInt64

  /// Creates a generator whose output is fixed by `seed`.
  init(seed: UInt64) {
    state = seed
  }

  /// The next 64 pseudo-random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// `count` pseudo-random bytes.
  mutating func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
  }
}

/// A SHA-256 known answer from FIPS 180-4 and its examples (copied from
/// Vectors/sha256-known-answers.json).
struct KnownAnswer: Sendable, CustomTestStringConvertible {
  /// The ASCII string that is repeated to make the message.
  let input: String
  /// How many times `input` is repeated.
  let repeatCount: Int
  /// The expected digest, in lowercase hexadecimal.
  let sha256: String

  /// The message: `input` repeated `repeatCount` times.
  var message: [UInt8] {
    var message: [UInt8] = []
    message.reserveCapacity(input.utf8.count * repeatCount)
    for _ in 0..<repeatCount {
      message.append(contentsOf: input.utf8)
    }
    return message
  }

  /// A short label for the test report.
  var testDescription: String {
    repeatCount == 1 ? "\"\(input.prefix(20))\"" : "\(repeatCount) x \"\(input)\""
  }

  /// The known answers: the empty string, "abc", the two long FIPS examples, a million "a".
  static let all: [KnownAnswer] = [
    KnownAnswer(
      input: "", repeatCount: 1,
      sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    KnownAnswer(
      input: "abc", repeatCount: 1,
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    KnownAnswer(
      input: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", repeatCount: 1,
      sha256: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    KnownAnswer(
      input: "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
        + "klmnopqrlmnopqrsmnopqrstnopqrstu",
      repeatCount: 1,
      sha256: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    KnownAnswer(
      input: "a", repeatCount: 1_000_000,
      sha256: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
  ]
}

/// Whether this CPU can run the SHA extensions path.
let cpuHasSHAExtensions = SHA256.hasAcceleratedImplementation

/// Why the accelerated tests are skipped when they are.
let noSHAExtensionsReason: Comment =
  "this CPU has no SHA extensions (SHA-NI with SSSE3 and SSE4.1), so the accelerated path cannot run"

/// Feeds `message` to a new hasher in pseudo-random chunks of 0 to `maximumChunk` bytes, mixing
/// the three update methods, and returns the digest.
func hashInRandomChunks(
  _ message: [UInt8], maximumChunk: Int, using generator: inout SeededGenerator
) -> SHA256Digest {
  var hasher = SHA256Hasher()
  var start = 0
  while start < message.count {
    let end = min(message.count, start + Int.random(in: 0...maximumChunk, using: &generator))
    switch Int.random(in: 0..<3, using: &generator) {
    case 0:
      message[start..<end].withUnsafeBytes { hasher.update($0) }
    case 1:
      hasher.update(Array(message[start..<end]))
    default:
      for byte in message[start..<end] {
        hasher.update(byte: byte)
      }
    }
    start = end
  }
  return hasher.finalize()
}

@Suite("SHA-256")
struct SHA256Tests {
  @Test("The dispatched one-shot hash gives each known answer", arguments: KnownAnswer.all)
  func dispatchedKnownAnswer(vector: KnownAnswer) {
    #expect(SHA256.hash(vector.message).hexString == vector.sha256)
    let message = vector.message
    #expect(message.withUnsafeBytes { SHA256.hash($0) }.hexString == vector.sha256)
  }

  @Test("The portable implementation gives each known answer", arguments: KnownAnswer.all)
  func portableKnownAnswer(vector: KnownAnswer) {
    #expect(SHA256.hashPortable(vector.message).hexString == vector.sha256)
  }

  @Test(
    "The SHA extensions give each known answer",
    .enabled(if: cpuHasSHAExtensions, noSHAExtensionsReason),
    arguments: KnownAnswer.all)
  func acceleratedKnownAnswer(vector: KnownAnswer) {
    #expect(SHA256.hashAccelerated(vector.message)?.hexString == vector.sha256)
  }

  @Test("The C one-shot functions give each known answer", arguments: KnownAnswer.all)
  func cFunctionsKnownAnswer(vector: KnownAnswer) throws {
    let expected = try #require(SHA256Digest(hex: vector.sha256))
    let message = vector.message
    var out = [UInt8](repeating: 0, count: 32)
    message.withUnsafeBytes { tt_sha256($0.baseAddress, $0.count, &out) }
    #expect(out == expected.bytes)
    message.withUnsafeBytes { tt_sha256_portable($0.baseAddress, $0.count, &out) }
    #expect(out == expected.bytes)
    out = [UInt8](repeating: 0, count: 32)
    let status = message.withUnsafeBytes { tt_sha256_shani($0.baseAddress, $0.count, &out) }
    if cpuHasSHAExtensions {
      #expect(status == 0)
      #expect(out == expected.bytes)
    } else {
      #expect(status == -1)
      #expect(out == [UInt8](repeating: 0, count: 32))
    }
  }

  @Test(
    "The incremental hasher fed in random chunk sizes gives each known answer",
    arguments: KnownAnswer.all)
  func incrementalKnownAnswer(vector: KnownAnswer) {
    let message = vector.message
    var generator = SeededGenerator(seed: 0x5348_4132_3536)
    for maximumChunk in [1, 3, 63, 64, 65, 200, 5000] {
      let digest = hashInRandomChunks(message, maximumChunk: maximumChunk, using: &generator)
      #expect(digest.hexString == vector.sha256, "chunks of at most \(maximumChunk) bytes")
    }
  }

  @Test("Hashing a String hashes its UTF-8 bytes")
  func stringHashing() {
    #expect(
      SHA256.hash("abc").hexString
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let text = "Übergabe → 移行 🚀"
    #expect(SHA256.hash(text) == SHA256.hash(Array(text.utf8)))
    let substringBacked = String(text.dropFirst(2))
    #expect(SHA256.hash(substringBacked) == SHA256.hash(Array(substringBacked.utf8)))
  }

  @Test(
    "Portable and accelerated agree on random inputs of every length from 0 to 300",
    .enabled(if: cpuHasSHAExtensions, noSHAExtensionsReason))
  func implementationsAgreeOnShortInputs() {
    var generator = SeededGenerator(seed: 300)
    for length in 0...300 {
      let message = generator.bytes(length)
      #expect(
        SHA256.hashAccelerated(message) == SHA256.hashPortable(message), "length \(length)")
    }
  }

  @Test(
    "Portable and accelerated agree around block boundaries and on inputs of several KiB",
    .enabled(if: cpuHasSHAExtensions, noSHAExtensionsReason))
  func implementationsAgreeOnLongerInputs() {
    var generator = SeededGenerator(seed: 64)
    var lengths: [Int] = []
    for blocks in [1, 2, 3, 4, 7, 8, 16] {
      for delta in -9...9 {
        lengths.append(64 * blocks + delta)
      }
    }
    lengths += [1000, 1024, 2048, 4095, 4096, 4097, 5000, 8192, 10_000, 65_536 + 17]
    for length in lengths {
      let message = generator.bytes(length)
      #expect(
        SHA256.hashAccelerated(message) == SHA256.hashPortable(message), "length \(length)")
    }
  }

  @Test("The dispatched hash and the incremental hasher agree with the portable implementation")
  func dispatchedAgreesWithPortable() {
    var generator = SeededGenerator(seed: 7)
    for length in Array(0...200) + [255, 256, 257, 1000, 4096, 9999] {
      let message = generator.bytes(length)
      let expected = SHA256.hashPortable(message)
      #expect(SHA256.hash(message) == expected, "one-shot, length \(length)")
      let incremental = hashInRandomChunks(message, maximumChunk: 100, using: &generator)
      #expect(incremental == expected, "incremental, length \(length)")
    }
  }

  @Test("A copied hasher forks the computation")
  func hasherCopyForks() {
    var first = SHA256Hasher()
    first.update(Array("ab".utf8))
    var second = first
    first.update(byte: UInt8(ascii: "c"))
    second.update(Array("cd".utf8))
    #expect(first.finalize() == SHA256.hash("abc"))
    #expect(second.finalize() == SHA256.hash("abcd"))
  }

  @Test("tt_sha256_many agrees with one-shot hashing of each message")
  func batchAgreesWithOneShot() {
    var generator = SeededGenerator(seed: 2024)
    var base: [UInt8] = []
    var offsets: [Int] = []
    var lengths: [Int] = []
    for index in 0..<500 {
      let length =
        index % 50 == 0
        ? 0
        : index % 7 == 0
          ? Int.random(in: 0...3000, using: &generator)
          : Int.random(in: 200...400, using: &generator)
      base += generator.bytes(Int.random(in: 0...5, using: &generator))  // gaps between messages
      offsets.append(base.count)
      lengths.append(length)
      base += generator.bytes(length)
    }
    var out = [UInt8](repeating: 0xAA, count: 32 * offsets.count)
    base.withUnsafeBufferPointer { baseBuffer in
      tt_sha256_many(baseBuffer.baseAddress, offsets, lengths, offsets.count, &out)
    }
    for index in offsets.indices {
      let message = base[offsets[index]..<(offsets[index] + lengths[index])]
      let expected = SHA256.hashPortable(Array(message))
      #expect(Array(out[(32 * index)..<(32 * index + 32)]) == expected.bytes, "message \(index)")
    }
    // No messages: nothing is written.
    var untouched = [UInt8](repeating: 0xAA, count: 32)
    tt_sha256_many(nil, nil, nil, 0, &untouched)
    #expect(untouched == [UInt8](repeating: 0xAA, count: 32))
  }

  @Test("The implementation name reflects the CPU and TRANSITION_SHA256")
  func implementationName() {
    let forcedPortable = ProcessInfo.processInfo.environment["TRANSITION_SHA256"] == "portable"
    let expected = cpuHasSHAExtensions && !forcedPortable ? "sha-ni" : "portable"
    #expect(SHA256.implementationName == expected)
  }
}

@Suite("SHA-256 digests")
struct SHA256DigestTests {
  @Test("A digest survives the round trips through hex, bytes and raw memory")
  func roundTrips() throws {
    var generator = SeededGenerator(seed: 99)
    for length in 0..<40 {
      let digest = SHA256.hash(generator.bytes(length))
      let hex = digest.hexString
      #expect(hex.utf8.count == 64)
      #expect(hex == hex.lowercased())
      #expect(digest.description == hex)
      #expect(SHA256Digest(hex: hex) == digest)
      #expect(SHA256Digest(hex: hex[...]) == digest)
      #expect(SHA256Digest(bytes: digest.bytes) == digest)
      #expect(SHA256Digest(bytes: digest.bytes[...]) == digest)
      #expect(digest.withUnsafeBytes { Array($0) } == digest.bytes)
      var written = [UInt8](repeating: 0, count: 70)
      written.withUnsafeMutableBytes { digest.writeHex(to: $0) }
      #expect(Array(written[0..<64]) == Array(hex.utf8))
      #expect(written[64...].allSatisfy { $0 == 0 })
      #expect(written[0..<64].withUnsafeBytes { digest.matchesHex($0) })
    }
  }

  @Test("The words hold the bytes in big-endian order")
  func bigEndianWords() {
    let digest = SHA256Digest(bytes: UInt8(0)..<UInt8(32))
    #expect(digest.w0 == 0x0001_0203_0405_0607)
    #expect(digest.w1 == 0x0809_0A0B_0C0D_0E0F)
    #expect(digest.w2 == 0x1011_1213_1415_1617)
    #expect(digest.w3 == 0x1819_1A1B_1C1D_1E1F)
    #expect(digest.bytes == Array(0..<32))
    #expect(digest.hexString == "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
  }

  @Test("The zero digest is 32 zero bytes")
  func zeroDigest() {
    #expect(SHA256Digest.zero.bytes == [UInt8](repeating: 0, count: 32))
    #expect(SHA256Digest.zero.hexString == String(repeating: "0", count: 64))
    #expect(SHA256Digest(hex: String(repeating: "0", count: 64)) == .zero)
  }

  @Test("Parsing hex rejects uppercase, other characters and any length but 64")
  func hexRejections() {
    let hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    #expect(SHA256Digest(hex: hex) != nil)
    #expect(SHA256Digest(hex: hex.uppercased()) == nil)
    #expect(SHA256Digest(hex: "B" + hex.dropFirst()) == nil)
    #expect(SHA256Digest(hex: hex.dropLast()) == nil)
    #expect(SHA256Digest(hex: hex + "0") == nil)
    #expect(SHA256Digest(hex: "") == nil)
    #expect(SHA256Digest(hex: "g" + hex.dropFirst()) == nil)
    #expect(SHA256Digest(hex: " " + hex.dropFirst()) == nil)
    #expect(SHA256Digest(hex: "0x" + hex.dropFirst(2)) == nil)
    #expect(SHA256Digest(hex: String(hex.dropLast()) + "é") == nil)
  }

  @Test("matchesHex accepts the exact lowercase digits and rejects uppercase or a one-digit change")
  func matchesHex() {
    let digest = SHA256.hash("abc")
    let hex = Array(digest.hexString.utf8)
    #expect(hex.withUnsafeBytes { digest.matchesHex($0) })
    #expect(!Array(digest.hexString.uppercased().utf8).withUnsafeBytes { digest.matchesHex($0) })
    for position in hex.indices {
      var changed = hex
      changed[position] =
        changed[position] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
      #expect(!changed.withUnsafeBytes { digest.matchesHex($0) }, "digit \(position) changed")
      if let letter = hex[position] >= UInt8(ascii: "a") ? hex[position] - 32 : nil {
        var uppercased = hex
        uppercased[position] = letter
        #expect(
          !uppercased.withUnsafeBytes { digest.matchesHex($0) }, "digit \(position) in uppercase")
      }
    }
    #expect(!hex.dropLast().withUnsafeBytes { digest.matchesHex($0) })
    #expect(!(hex + [UInt8(ascii: "0")]).withUnsafeBytes { digest.matchesHex($0) })
    #expect(!digest.matchesHex(UnsafeRawBufferPointer(start: nil, count: 0)))
  }

  @Test("Equal digests hash equally and different digests differ")
  func hashable() {
    let digests = (0..<100).map { SHA256.hash("message \($0)") }
    #expect(Set(digests).count == 100)
    #expect(Set(digests + digests).count == 100)
    #expect(SHA256.hash("x") == SHA256Digest(bytes: SHA256.hash("x").bytes))
  }
}
