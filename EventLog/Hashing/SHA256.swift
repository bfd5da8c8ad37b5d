import CSHA256

/// A SHA-256 digest (FIPS 180-4): 32 bytes, held inline in four words without heap allocation.
///
/// The words are big-endian: `w0` holds digest bytes 0...7 with byte 0 as its most significant
/// byte, `w1` bytes 8...15, and so on, so reading the words in order reads the bytes in order.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
  @usableFromInline internal var w0: UInt64
  @usableFromInline internal var w1: UInt64
  @usableFromInline internal var w2: UInt64
  @usableFromInline internal var w3: UInt64

  /// The digest whose 32 bytes are all zero.
  public static let zero = SHA256Digest(w0: 0, w1: 0, w2: 0, w3: 0)

  /// Creates a digest from its four big-endian words.
  @inlinable
  internal init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
    self.w0 = w0
    self.w1 = w1
    self.w2 = w2
    self.w3 = w3
  }

  /// Creates a digest from the words the C functions return.
  internal init(_ words: tt_sha256_words) {
    self.init(w0: words.w0, w1: words.w1, w2: words.w2, w3: words.w3)
  }

  /// Creates a digest from 32 bytes in memory, first byte first; the memory need not be aligned.
  internal init(loadingFrom bytes: UnsafeRawPointer) {
    self.init(
      w0: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
      w1: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
      w2: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
      w3: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
  }

  /// Creates a digest from its 32 bytes, first byte first.
  ///
  /// - Precondition: `bytes.count == 32`.
  public init(bytes: some Collection<UInt8>) {
    precondition(bytes.count == 32, "a SHA-256 digest has 32 bytes; got \(bytes.count)")
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var index = 0
    for byte in bytes {
      let shifted = UInt64(byte) << (56 - 8 * UInt64(index & 7))
      switch index >> 3 {
      case 0: words.0 |= shifted
      case 1: words.1 |= shifted
      case 2: words.2 |= shifted
      default: words.3 |= shifted
      }
      index += 1
    }
    self.init(w0: words.0, w1: words.1, w2: words.2, w3: words.3)
  }

  /// Parses exactly 64 lowercase hexadecimal digits; returns `nil` for anything else.
  ///
  /// Uppercase digits are rejected: the log stores digests in lowercase only, so accepting both
  /// would let two spellings stand for one digest.
  public init?(hex: some StringProtocol) {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var index = 0
    for unit in hex.utf8 {
      guard index < 64, let value = SHA256Digest.lowercaseHexValue(unit) else { return nil }
      let shifted = value << (60 - 4 * UInt64(index & 15))
      switch index >> 4 {
      case 0: words.0 |= shifted
      case 1: words.1 |= shifted
      case 2: words.2 |= shifted
      default: words.3 |= shifted
      }
      index += 1
    }
    guard index == 64 else { return nil }
    self.init(w0: words.0, w1: words.1, w2: words.2, w3: words.3)
  }

  /// The 32 digest bytes, first byte first.
  public var bytes: [UInt8] {
    [UInt8](unsafeUninitializedCapacity: 32) { buffer, initializedCount in
      let raw = UnsafeMutableRawBufferPointer(buffer)
      raw.storeBytes(of: w0.bigEndian, toByteOffset: 0, as: UInt64.self)
      raw.storeBytes(of: w1.bigEndian, toByteOffset: 8, as: UInt64.self)
      raw.storeBytes(of: w2.bigEndian, toByteOffset: 16, as: UInt64.self)
      raw.storeBytes(of: w3.bigEndian, toByteOffset: 24, as: UInt64.self)
      initializedCount = 32
    }
  }

  /// The digest as 64 lowercase hexadecimal digits.
  public var hexString: String {
    String(unsafeUninitializedCapacity: 64) { buffer in
      writeHex(to: UnsafeMutableRawBufferPointer(buffer))
      return 64
    }
  }

  /// The digest as 64 lowercase hexadecimal digits; the same as `hexString`.
  public var description: String { hexString }

  /// Writes the digest as 64 lowercase hexadecimal ASCII digits to the start of `buffer`.
  ///
  /// - Precondition: `buffer.count >= 64`.
  public func writeHex(to buffer: UnsafeMutableRawBufferPointer) {
    precondition(buffer.count >= 64, "64 bytes are needed for the hexadecimal digest")
    SHA256Digest.writeHex(w0, to: buffer, at: 0)
    SHA256Digest.writeHex(w1, to: buffer, at: 16)
    SHA256Digest.writeHex(w2, to: buffer, at: 32)
    SHA256Digest.writeHex(w3, to: buffer, at: 48)
  }

  /// Tells whether `ascii` is exactly this digest's 64 lowercase hexadecimal digits.
  ///
  /// Allocates nothing. Uppercase digits, any other byte, and any length but 64 do not match.
  public func matchesHex(_ ascii: UnsafeRawBufferPointer) -> Bool {
    guard ascii.count == 64 else { return false }
    return SHA256Digest.matchesHex(w0, ascii, at: 0)
      && SHA256Digest.matchesHex(w1, ascii, at: 16)
      && SHA256Digest.matchesHex(w2, ascii, at: 32)
      && SHA256Digest.matchesHex(w3, ascii, at: 48)
  }

  /// Calls `body` with the 32 digest bytes, first byte first, in temporary memory.
  ///
  /// The buffer is valid only during the call.
  public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    let bigEndianWords = (w0.bigEndian, w1.bigEndian, w2.bigEndian, w3.bigEndian)
    return try Swift.withUnsafeBytes(of: bigEndianWords, body)
  }

  /// The value of a lowercase hexadecimal digit in ASCII, or `nil` for any other byte.
  private static func lowercaseHexValue(_ unit: UInt8) -> UInt64? {
    switch unit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt64(unit &- UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt64(unit &- UInt8(ascii: "a") &+ 10)
    default: return nil
    }
  }

  /// The lowercase ASCII hexadecimal digit for the low four bits of `nibble`.
  private static func hexDigit(_ nibble: UInt64) -> UInt8 {
    let value = UInt8(truncatingIfNeeded: nibble & 0xF)
    return value < 10 ? value &+ UInt8(ascii: "0") : value &+ (UInt8(ascii: "a") &- 10)
  }

  /// Writes the 16 hexadecimal digits of `word`, most significant first, at `offset`.
  private static func writeHex(
    _ word: UInt64, to buffer: UnsafeMutableRawBufferPointer, at offset: Int
  ) {
    for digit in 0..<16 {
      let nibble = word >> UInt64(60 - 4 * digit)
      buffer.storeBytes(of: hexDigit(nibble), toByteOffset: offset + digit, as: UInt8.self)
    }
  }

  /// Tells whether the 16 bytes at `offset` are the lowercase hexadecimal digits of `word`.
  private static func matchesHex(_ word: UInt64, _ ascii: UnsafeRawBufferPointer, at offset: Int)
    -> Bool
  {
    var difference: UInt8 = 0
    for digit in 0..<16 {
      let nibble = word >> UInt64(60 - 4 * digit)
      difference |= ascii[offset + digit] ^ hexDigit(nibble)
    }
    return difference == 0
  }
}

/// SHA-256 (FIPS 180-4) of byte strings, in C, using the CPU's SHA extensions when it has them.
///
/// The implementation is chosen once per process: the SHA extensions (SHA-NI) on x86-64 CPUs that
/// have them, portable C otherwise. Setting the environment variable `TRANSITION_SHA256=portable`
/// before the first hash forces portable C.
public enum SHA256 {
  /// The digest of the bytes in `bytes`.
  public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
    SHA256Digest(tt_sha256_to_words(bytes.baseAddress, bytes.count))
  }

  /// The digest of `bytes`.
  public static func hash(_ bytes: [UInt8]) -> SHA256Digest {
    bytes.withUnsafeBytes { hash($0) }
  }

  /// The digest of the UTF-8 encoding of `string`.
  public static func hash(_ string: String) -> SHA256Digest {
    var string = string
    return string.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
  }

  /// The implementation `hash` uses in this process: `"sha-ni"` or `"portable"`.
  public static var implementationName: String {
    String(cString: tt_sha256_implementation())
  }

  /// Tells whether this CPU has the SHA extensions, whatever `TRANSITION_SHA256` says.
  public static var hasAcceleratedImplementation: Bool {
    tt_sha256_has_shani() != 0
  }

  /// The digest of `bytes` computed by the portable C implementation, whatever the CPU.
  public static func hashPortable(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
    digest { tt_sha256_portable(bytes.baseAddress, bytes.count, $0) }
  }

  /// The digest of `bytes` computed by the portable C implementation, whatever the CPU.
  public static func hashPortable(_ bytes: [UInt8]) -> SHA256Digest {
    bytes.withUnsafeBytes { hashPortable($0) }
  }

  /// The digest of `bytes` computed with the SHA extensions, or `nil` if the CPU lacks them.
  public static func hashAccelerated(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest? {
    var succeeded = false
    let result = digest { succeeded = tt_sha256_shani(bytes.baseAddress, bytes.count, $0) == 0 }
    return succeeded ? result : nil
  }

  /// The digest of `bytes` computed with the SHA extensions, or `nil` if the CPU lacks them.
  public static func hashAccelerated(_ bytes: [UInt8]) -> SHA256Digest? {
    bytes.withUnsafeBytes { hashAccelerated($0) }
  }

  /// Runs `write` on 32 bytes of stack memory and reads them back as a digest.
  private static func digest(_ write: (UnsafeMutablePointer<UInt8>?) -> Void) -> SHA256Digest {
    var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    Swift.withUnsafeMutableBytes(of: &storage) { write($0.bindMemory(to: UInt8.self).baseAddress) }
    return SHA256Digest(
      w0: UInt64(bigEndian: storage.0), w1: UInt64(bigEndian: storage.1),
      w2: UInt64(bigEndian: storage.2), w3: UInt64(bigEndian: storage.3))
  }
}

/// An incremental SHA-256 computation: feed the message in pieces, then finalize.
///
/// The state lives inline (about 120 bytes), so a hasher allocates nothing. Copying a hasher forks
/// the computation.
public struct SHA256Hasher: Sendable {
  /// The C state; see `tt_sha256_ctx`.
  private var context: tt_sha256_ctx

  /// Starts hashing an empty message.
  public init() {
    context = tt_sha256_ctx()
    tt_sha256_init(&context)
  }

  /// Appends the bytes in `bytes` to the message.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    tt_sha256_update(&context, bytes.baseAddress, bytes.count)
  }

  /// Appends `bytes` to the message.
  public mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Appends one byte to the message.
  public mutating func update(byte: UInt8) {
    Swift.withUnsafeBytes(of: byte) { update($0) }
  }

  /// Ends the message and returns its digest.
  public consuming func finalize() -> SHA256Digest {
    SHA256Digest(tt_sha256_final_words(&context))
  }
}
