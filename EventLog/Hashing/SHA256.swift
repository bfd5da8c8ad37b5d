/// A SHA-256 digest (FIPS 180-4): 32 bytes.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
  /// The 32 digest bytes, first byte first.
  public let bytes: [UInt8]

  public init(bytes: [UInt8]) {
    precondition(bytes.count == 32, "a SHA-256 digest has 32 bytes; got \(bytes.count)")
    self.bytes = bytes
  }

  /// The digest as 64 lowercase hexadecimal digits.
  public var description: String { hexString }
  public var hexString: String { fatalError("placeholder: the SHA-256 helper implements this") }
}

/// SHA-256 of byte strings.
public enum SHA256 {
  /// The digest of `bytes`.
  public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
    fatalError("placeholder: the SHA-256 helper implements this")
  }
}
