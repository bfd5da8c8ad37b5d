/// The canonical writer: the one spelling of every value that the log accepts.
///
/// (1) No whitespace outside strings. (2) Strings escape `"` and `\` as `\"` and `\\`, the
/// controls U+0008, U+000C, U+000A, U+000D, U+0009 as `\b \f \n \r \t`, every other control
/// below U+0020 as `\u00xx` with lowercase hex, and nothing else: `/` and non-ASCII are
/// written as they are (RFC 8785, section 3.2.2.2). (3) Integers in decimal, no leading
/// zeros, `-` only for negatives. (4) Object members in their stored order.
public enum CanonicalJSON {
  /// The canonical UTF-8 bytes of `value`.
  public static func encode(_ value: JSONValue) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(128)
    append(value, to: &output)
    return output
  }

  /// Appends the canonical UTF-8 bytes of `value` to `output`.
  public static func append(_ value: JSONValue, to output: inout [UInt8]) {
    switch value {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .integer(let number): appendInteger(number, to: &output)
    case .string(let text): appendString(text, to: &output)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        append(element, to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      output.append(UInt8(ascii: "{"))
      for (index, member) in object.members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        appendString(member.key, to: &output)
        output.append(UInt8(ascii: ":"))
        append(member.value, to: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// Appends `number` in decimal; its magnitude must not exceed `JSONValue.integerMagnitudeMax`.
  public static func appendInteger(_ number: Int64, to output: inout [UInt8]) {
    precondition(
      number >= -JSONValue.integerMagnitudeMax && number <= JSONValue.integerMagnitudeMax,
      "integer \(number) is outside the interoperable JSON range of +/-(2^53 - 1)")
    if number < 0 { output.append(UInt8(ascii: "-")) }
    var magnitude = number.magnitude
    // 2^53 - 1 has 16 digits; the digits are written from the right into a stack buffer.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digits in
      var start = digits.count
      repeat {
        start -= 1
        digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
    }
  }

  /// Appends `text` as a canonical JSON string, quotes included.
  public static func appendString(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendString(utf8: $0, to: &output) }
  }

  /// Appends the valid UTF-8 text in `utf8` as a canonical JSON string, quotes included.
  ///
  /// Runs of bytes that need no escape are copied in one piece, found 8 bytes at a time.
  static func appendString(utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    let raw = UnsafeRawBufferPointer(utf8)
    let end = raw.count
    var runStart = 0
    var index = 0
    while true {
      while index &+ 8 <= end {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let mask = escapeMask(word)
        if mask == 0 {
          index &+= 8
          continue
        }
        index &+= mask.trailingZeroBitCount &>> 3
        break
      }
      guard index < end else { break }
      let byte = utf8[index]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
        index &+= 1
        continue
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
      output.append(UInt8(ascii: "\\"))
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
      case 0x08: output.append(UInt8(ascii: "b"))
      case 0x0C: output.append(UInt8(ascii: "f"))
      case 0x0A: output.append(UInt8(ascii: "n"))
      case 0x0D: output.append(UInt8(ascii: "r"))
      case 0x09: output.append(UInt8(ascii: "t"))
      default:
        output.append(UInt8(ascii: "u"))
        output.append(UInt8(ascii: "0"))
        output.append(UInt8(ascii: "0"))
        output.append(hexDigits[Int(byte >> 4)])
        output.append(hexDigits[Int(byte & 0x0F)])
      }
      index &+= 1
      runStart = index
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end]))
    output.append(UInt8(ascii: "\""))
  }

  /// Flags the bytes of `word` the writer must escape.
  ///
  /// The result has the high bit set in every byte that is `"`, `\` or below 0x20. Only the
  /// lowest flagged byte is exact; bytes above it may be flagged too.
  @inline(__always)
  static func escapeMask(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quotes = word ^ (ones &* 0x22)
    let backslashes = word ^ (ones &* 0x5C)
    let quoteFound = (quotes &- ones) & ~quotes
    let backslashFound = (backslashes &- ones) & ~backslashes
    let controlFound = (word &- ones &* 0x20) & ~word
    return (quoteFound | backslashFound | controlFound) & 0x8080_8080_8080_8080
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
