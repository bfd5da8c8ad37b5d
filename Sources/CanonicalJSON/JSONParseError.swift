/// Why a JSON document was rejected, and where.
///
/// `byteOffset` counts bytes from the start of the input, starting at 0. It points at the
/// byte where the problem is: the unexpected byte, the backslash of a bad escape, the first
/// byte of an invalid UTF-8 sequence, the comma of a trailing comma, the opening quote of a
/// duplicate key or of a string that is never closed, and the first byte (sign or digit) of
/// a bad integer, except for fractions and exponents, where it points at the `.` or `e`.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
  /// The offset of the offending byte, counted from 0 at the start of the input.
  public var byteOffset: Int
  /// What is wrong.
  public var reason: Reason

  /// Makes an error at `byteOffset` for `reason`.
  public init(byteOffset: Int, reason: Reason) {
    self.byteOffset = byteOffset
    self.reason = reason
  }

  /// What the scanner was looking for when it found something else.
  public enum Expectation: Equatable, Sendable {
    /// Any JSON value.
    case value
    /// A string in double quotes.
    case string
    /// An integer.
    case integer
    /// An object key: a string in double quotes.
    case key
    /// The colon between a key and its value.
    case colon
    /// A comma or the `]` that closes an array.
    case commaOrArrayEnd
    /// A comma or the `}` that closes an object.
    case commaOrObjectEnd
    /// A decimal digit.
    case digit
    /// This exact text.
    case text(String)
  }

  /// The ways a document can break the rules of the log's JSON.
  public enum Reason: Equatable, Sendable {
    /// The input ends before the document is complete.
    case unexpectedEnd(expected: Expectation)
    /// A byte that cannot start or continue the document here.
    case unexpectedByte(UInt8, expected: Expectation)
    /// A string whose closing quote is missing; the offset is its opening quote.
    case unterminatedString
    /// Bytes that are not valid UTF-8 (overlong, surrogate, above U+10FFFF, truncated, stray).
    case invalidUTF8
    /// A `\u` escape of one half of a UTF-16 surrogate pair without the other half.
    case loneSurrogate
    /// A backslash followed by something that is not a JSON escape.
    case invalidEscape
    /// A valid escape that the canonical spelling does not use (`\/`, `\u0041`, `\u001F`).
    case nonCanonicalEscape
    /// A raw byte below 0x20 inside a string.
    case controlCharacterInString
    /// An integer with a superfluous leading zero, such as `007`.
    case leadingZero
    /// The integer `-0`.
    case negativeZero
    /// A number with a decimal point.
    case fractionNotAllowed
    /// A number with an exponent (`e` or `E`).
    case exponentNotAllowed
    /// An integer whose magnitude exceeds 2^53 - 1.
    case integerOutOfRange
    /// A key that appears twice in one object.
    case duplicateKey(String)
    /// A comma right before the `]` or `}` that closes an array or object.
    case trailingComma
    /// Arrays and objects nested deeper than `JSONParser.maximumDepth`.
    case tooDeep
    /// Bytes after the end of the document's value.
    case trailingData
    /// Whitespace outside strings, which the canonical spelling does not have.
    case whitespaceNotAllowed
    /// A UTF-8 byte order mark (EF BB BF) where it is not allowed.
    case byteOrderMark
  }

  /// A sentence that names the byte offset, what is wrong and how to fix it.
  public var description: String {
    "byte \(byteOffset): \(reason.explanation)"
  }
}

extension JSONParseError.Expectation {
  /// What was expected, as words.
  var phrase: String {
    switch self {
    case .value: return "a value (an object, array, string, integer, true, false or null)"
    case .string: return "a string in double quotes"
    case .integer: return "an integer"
    case .key: return "a key in double quotes"
    case .colon: return "a colon ':' after the key"
    case .commaOrArrayEnd: return "a comma ',' or the closing bracket ']'"
    case .commaOrObjectEnd: return "a comma ',' or the closing brace '}'"
    case .digit: return "a digit"
    case .text(let text): return "the text \(text)"
    }
  }
}

extension JSONParseError.Reason {
  /// The explanation of this reason for someone who edits the file by hand.
  var explanation: String {
    switch self {
    case .unexpectedEnd(let expected):
      return "the input ends here, but \(expected.phrase) was expected; "
        + "the text is cut off or a closing bracket, brace or quote is missing"
    case .unexpectedByte(let byte, let expected):
      return "found \(Self.describe(byte)) where \(expected.phrase) was expected"
    case .unterminatedString:
      return "the string that starts here is never closed; add the closing double quote"
    case .invalidUTF8:
      return "the bytes here are not valid UTF-8 text; save the file with UTF-8 encoding"
    case .loneSurrogate:
      return "this \\u escape is one half of a UTF-16 surrogate pair without the other half; "
        + "write the character itself, or both halves such as \\ud83d\\ude00"
    case .invalidEscape:
      return "invalid escape after a backslash; the allowed escapes are \\\" \\\\ \\/ \\b \\f "
        + "\\n \\r \\t and \\u followed by four hexadecimal digits; write a backslash as \\\\"
    case .nonCanonicalEscape:
      return "this escape is not in the log's canonical spelling, which escapes only "
        + "\\\" \\\\ \\b \\f \\n \\r \\t and other control characters as \\u00xx with lowercase "
        + "hex, and writes every other character (including / and non-ASCII) as itself"
    case .controlCharacterInString:
      return "a raw control character (such as a tab or line break) is inside a string; "
        + "write it as an escape such as \\t or \\n, or add the missing closing quote"
    case .leadingZero:
      return "this number has a leading zero; write 7, not 07, "
        + "and write codes that need leading zeros as strings, such as \"007\""
    case .negativeZero:
      return "-0 is not allowed; write 0"
    case .fractionNotAllowed:
      return "numbers with a decimal point are not allowed; "
        + "write decimals as strings, such as \"0.8889\""
    case .exponentNotAllowed:
      return "numbers with an exponent (e or E) are not allowed; "
        + "write integers in full, and decimals as strings, such as \"0.8889\""
    case .integerOutOfRange:
      return "this integer is too large; integers must lie between -9007199254740991 and "
        + "9007199254740991 (2^53 - 1); write larger numbers as strings"
    case .duplicateKey(let key):
      var quoted: [UInt8] = []
      CanonicalJSON.appendString(key, to: &quoted)
      return "the key \(String(decoding: quoted, as: UTF8.self)) appears twice in one object; "
        + "each key may appear once"
    case .trailingComma:
      return "this comma is followed by a closing bracket or brace; "
        + "remove the comma after the last element"
    case .tooDeep:
      return "arrays and objects are nested more than \(JSONParser.maximumDepth) levels deep"
    case .trailingData:
      return "there is more text after the end of the JSON value; "
        + "a document holds exactly one value"
    case .whitespaceNotAllowed:
      return "whitespace (a space, tab or line break) is not allowed outside strings "
        + "in the canonical log format"
    case .byteOrderMark:
      return "a UTF-8 byte order mark (EF BB BF) is not allowed here; "
        + "save the file as UTF-8 without BOM"
    }
  }

  /// A byte as a reader would name it: `'x'` for visible ASCII, else its hex value.
  static func describe(_ byte: UInt8) -> String {
    switch byte {
    case UInt8(ascii: "'"): return "a single quote (')"
    case UInt8(ascii: "\""): return "a double quote (\")"
    case 0x21...0x7E: return "'\(String(decoding: [byte], as: UTF8.self))'"
    case 0x20: return "a space"
    case 0x09: return "a tab"
    case 0x0A: return "a line feed"
    case 0x0D: return "a carriage return"
    default:
      let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
      let digits = [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      return "the byte 0x\(String(decoding: digits, as: UTF8.self))"
    }
  }
}
