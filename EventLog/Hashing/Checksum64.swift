import CSHA256

/// A fast 64-bit checksum for cache files beside a log (the projections sidecar).
///
/// It has the structure of xxHash64 and detects accidental damage (a flipped bit, a cut, stray
/// bytes); it is not cryptographic. A cache file needs no more: whoever can rewrite it can also
/// rewrite any checksum kept with it, and the log's own SHA-256 chain is what proves the log.
public enum Checksum64 {
  /// The checksum of `bytes`.
  public static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    tt_checksum64(bytes.baseAddress, bytes.count, seed)
  }

  /// The checksum of `bytes`.
  public static func of(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
    bytes.withUnsafeBytes { of($0, seed: seed) }
  }

  /// A checksum fed in pieces: equal to `of` over all the pieces joined.
  public struct Stream {
    private var state = tt_checksum64_state()

    /// A stream with `seed`.
    public init(seed: UInt64 = 0) { tt_checksum64_init(&state, seed) }

    /// Feeds `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
      tt_checksum64_update(&state, bytes.baseAddress, bytes.count)
    }

    /// Feeds `bytes`.
    public mutating func update(_ bytes: [UInt8]) {
      bytes.withUnsafeBytes { update($0) }
    }

    /// The checksum of everything fed so far.
    public var value: UInt64 {
      withUnsafePointer(to: state) { tt_checksum64_final($0) }
    }
  }
}
