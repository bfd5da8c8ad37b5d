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
    output.append(contentsOf: String(number).utf8)
  }

  /// Appends `text` as a canonical JSON string, quotes included.
  public static func appendString(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
      case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
      case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
      case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x00..<0x20:
        output.append(contentsOf: "\\u00".utf8)
        output.append(hexDigits[Int(byte >> 4)])
        output.append(hexDigits[Int(byte & 0x0F)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
