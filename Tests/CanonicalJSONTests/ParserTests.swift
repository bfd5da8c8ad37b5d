import CanonicalJSON
import Testing

@Suite("The parser's errors and the standard profile")
struct ParserTests {
  @Test("A duplicate key's message names the byte, the key and the rule")
  func duplicateKeyMessage() {
    let error = parseError(Array("{\"seq\":1,\"seq\":2}".utf8), .canonical)
    #expect(
      error?.description
        == "byte 9: the key \"seq\" appears twice in one object; each key may appear once")
  }

  @Test("A fraction's message tells the user to write decimals as strings")
  func fractionMessage() {
    let error = parseError(Array("{\"fte\": 0.8889}".utf8), .standard)
    #expect(error == JSONParseError(byteOffset: 9, reason: .fractionNotAllowed))
    #expect(error?.description.contains("write decimals as strings, such as \"0.8889\"") == true)
  }

  @Test("Errors point at the offending byte")
  func offsets() {
    let cases: [(String, JSONProfile, JSONParseError)] = [
      ("[1,2,]", .canonical, JSONParseError(byteOffset: 4, reason: .trailingComma)),
      ("[1, 2 , ]", .standard, JSONParseError(byteOffset: 6, reason: .trailingComma)),
      ("[\"ab", .canonical, JSONParseError(byteOffset: 1, reason: .unterminatedString)),
      ("[\"a\\u00E9\"]", .canonical, JSONParseError(byteOffset: 3, reason: .nonCanonicalEscape)),
      ("[\"a\\ud800x\"]", .standard, JSONParseError(byteOffset: 3, reason: .loneSurrogate)),
      (
        "[1,9007199254740992]", .canonical,
        JSONParseError(byteOffset: 3, reason: .integerOutOfRange)
      ),
      ("[-0]", .standard, JSONParseError(byteOffset: 1, reason: .negativeZero)),
      ("[12e3]", .canonical, JSONParseError(byteOffset: 3, reason: .exponentNotAllowed)),
      ("{\"a\":1} ", .canonical, JSONParseError(byteOffset: 7, reason: .whitespaceNotAllowed)),
      ("{\"a\":1} x", .standard, JSONParseError(byteOffset: 8, reason: .trailingData)),
      (
        "{\"a\":1,\"\\u0061\":2}", .standard,
        JSONParseError(byteOffset: 7, reason: .duplicateKey("a"))
      ),
      (
        "[\"x\" \"y\"]", .standard,
        JSONParseError(
          byteOffset: 5, reason: .unexpectedByte(UInt8(ascii: "\""), expected: .commaOrArrayEnd))
      ),
      ("", .standard, JSONParseError(byteOffset: 0, reason: .unexpectedEnd(expected: .value))),
    ]
    for (text, profile, expected) in cases {
      #expect(parseError(Array(text.utf8), profile) == expected, "\(text)")
    }
  }

  @Test("The standard profile decodes every escape and skips a leading byte order mark")
  func standardDecoding() throws {
    let text = "\u{FEFF} [ \"\\u00E9\\u00e9\\/\\ud83d\\ude00\\uD83D\\uDE00\\u0041\\n\" ] "
    let value = try JSONParser.parse(text, profile: .standard)
    #expect(value == .array([.string("\u{E9}\u{E9}/\u{1F600}\u{1F600}A\n")]))
    #expect(
      parseError(Array(text.utf8), .canonical)
        == JSONParseError(byteOffset: 0, reason: .byteOrderMark))
  }

  @Test("Keys that are the same text in another Unicode spelling are duplicates")
  func canonicallyEquivalentKeys() {
    let text = "{\"\u{E9}\":1,\"e\u{301}\":2}"
    let error = parseError(Array(text.utf8), .canonical)
    #expect(error == JSONParseError(byteOffset: 8, reason: .duplicateKey("e\u{301}")))
    #expect(cursorError(Array(text.utf8)) == error)
  }

  @Test("An object with more than 16 keys still finds a duplicate")
  func duplicateAmongManyKeys() {
    let members = (0..<40).map { "\"key\($0)\":\($0)" }
    let text = "{" + members.joined(separator: ",") + ",\"key7\":0}"
    let expected = JSONParseError(
      byteOffset: Array(text.utf8).count - "\"key7\":0}".utf8.count, reason: .duplicateKey("key7"))
    #expect(parseError(Array(text.utf8), .canonical) == expected)
    #expect(cursorError(Array(text.utf8)) == expected)
  }

  @Test("A repeated key is a duplicate whatever its length and position in the input")
  func duplicateKeysOfEveryLength() {
    for length in 0...12 {
      let key = String("abcdefghijkl".prefix(length))
      for (first, second) in [("1", "2"), ("\"x\"", "[]"), ("{}", "123456789")] {
        let text = "{\"\(key)\":\(first),\"\(key)\":\(second)}"
        let expected = JSONParseError(
          byteOffset: "{\"\(key)\":\(first),".utf8.count, reason: .duplicateKey(key))
        #expect(parseError(Array(text.utf8), .canonical) == expected, "\(text)")
        #expect(cursorError(Array(text.utf8)) == expected, "\(text)")
      }
    }
  }

  @Test("The three entry points agree")
  func entryPoints() throws {
    let text = "{\"a\":[1,\"\u{E9}\"]}"
    let fromString = try JSONParser.parse(text, profile: .canonical)
    let fromArray = try JSONParser.parse(Array(text.utf8), profile: .canonical)
    let fromBuffer = try Array(text.utf8).withUnsafeBytes {
      try JSONParser.parse($0, profile: .canonical)
    }
    #expect(fromString == fromArray && fromArray == fromBuffer)
    #expect(fromString == .object(["a": .array([.integer(1), .string("\u{E9}")])]))
  }

  @Test("The writer escapes exactly the characters the canonical profile escapes")
  func writerEscapes() {
    let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
    let encoded = CanonicalJSON.encode(.string(controls + "\"\\/\u{7F}\u{E9}\u{1F600}"))
    let expected =
      "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
      + "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019"
      + "\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\\\"\\\\/\u{7F}\u{E9}\u{1F600}\""
    #expect(encoded == Array(expected.utf8))
  }

  @Test("The writer spells integers in plain decimal")
  func writerIntegers() {
    let values: [Int64] = [0, 7, -7, 10, -100, 9_007_199_254_740_991, -9_007_199_254_740_991]
    for value in values {
      #expect(CanonicalJSON.encode(.integer(value)) == Array(String(value).utf8))
    }
  }
}
