/// A checkpoint: the log's origin, its record count and the RFC 6962 tree hash of its records.
///
/// Three lines of text in the style of C2SP tlog-checkpoint, about 100 bytes, that a council
/// paper can quote:
///
///     transition-log/ijmond
///     118
///     8wN5jB1lC…base64…=
///
/// Only a checkpoint held by someone else proves that a log was not rewritten: a log whose
/// chain was recomputed from the first changed record onward verifies on its own.
public struct Checkpoint: Sendable, Equatable, CustomStringConvertible {
  /// `transition-log/<name>`.
  public let origin: String
  /// How many records the tree covers.
  public let treeSize: Int64
  /// The Merkle tree hash over the first `treeSize` record lines (RFC 6962 section 2.1).
  public let rootHash: SHA256Digest

  public init(origin: String, treeSize: Int64, rootHash: SHA256Digest) {
    self.origin = origin
    self.treeSize = treeSize
    self.rootHash = rootHash
  }

  /// The origin line for a log named `name`.
  public static func origin(forLogNamed name: String) -> String { "transition-log/" + name }

  /// Parses the three-line text; nil if it is not one.
  public init?(text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count >= 3, lines[0].hasPrefix("transition-log/"),
      let size = Int64(lines[1]), size >= 0, String(size) == lines[1],
      let bytes = Base64.decode(String(lines[2])), bytes.count == 32,
      lines.dropFirst(3).allSatisfy(\.isEmpty)
    else { return nil }
    self.init(origin: String(lines[0]), treeSize: size, rootHash: SHA256Digest(bytes: bytes))
  }

  /// The three lines, each ended by `\n`.
  public var text: String {
    "\(origin)\n\(treeSize)\n\(Base64.encode(rootHash.bytes))\n"
  }

  public var description: String { text }
}

/// Standard base64 (RFC 4648 section 4) with padding, for checkpoint root hashes.
enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

  static func encode(_ bytes: [UInt8]) -> String {
    var output = ""
    var index = 0
    while index < bytes.count {
      let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
      let value =
        (Int(chunk[0]) << 16) | (chunk.count > 1 ? Int(chunk[1]) << 8 : 0)
        | (chunk.count > 2 ? Int(chunk[2]) : 0)
      for position in 0..<4 {
        if position <= chunk.count {
          output.append(alphabet[(value >> (18 - 6 * position)) & 0x3F])
        } else {
          output.append("=")
        }
      }
      index += 3
    }
    return output
  }

  static func decode(_ text: String) -> [UInt8]? {
    let characters = Array(text)
    guard characters.count % 4 == 0 else { return nil }
    var output: [UInt8] = []
    for start in stride(from: 0, to: characters.count, by: 4) {
      var value = 0
      var padding = 0
      for position in 0..<4 {
        let character = characters[start + position]
        if character == "=" && start + 4 == characters.count && position >= 2 {
          padding += 1
          value <<= 6
        } else if padding == 0, let digit = alphabet.firstIndex(of: character) {
          value = (value << 6) | digit
        } else {
          return nil
        }
      }
      output.append(UInt8((value >> 16) & 0xFF))
      if padding < 2 { output.append(UInt8((value >> 8) & 0xFF)) }
      if padding < 1 { output.append(UInt8(value & 0xFF)) }
    }
    guard encode(output) == text else { return nil }  // one spelling only
    return output
  }
}
