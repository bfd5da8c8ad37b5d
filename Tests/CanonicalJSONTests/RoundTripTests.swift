import CanonicalJSON
import Testing

/// SplitMix64: a small, seeded, deterministic generator, so every run tests the same values.
struct SplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A number in `0..<bound`.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Random JSON values whose strings mix every character the writer must treat with care.
struct ValueGenerator {
  var random: SplitMix64

  /// Every control character, the characters JSON escapes, `/`, DEL, and non-ASCII of every
  /// UTF-8 length, including a combining accent, U+2028, a noncharacter and U+10FFFF.
  static let alphabet: [Unicode.Scalar] =
    (0..<0x20).compactMap { Unicode.Scalar($0) }
    + [
      "\"", "\\", "/", "a", "Z", "0", " ", "\u{7F}", "\u{E9}", "\u{301}", "\u{20AC}",
      "\u{4E2D}", "\u{2028}", "\u{FFFF}", "\u{1F600}", "\u{10FFFF}",
    ]

  mutating func string() -> String {
    var text = String.UnicodeScalarView()
    for _ in 0..<random.below(12) {
      text.append(Self.alphabet[random.below(Self.alphabet.count)])
    }
    return String(text)
  }

  mutating func integer() -> Int64 {
    switch random.below(4) {
    case 0:
      return [0, 1, -1, JSONValue.integerMagnitudeMax, -JSONValue.integerMagnitudeMax][
        random.below(5)]
    case 1: return Int64(random.below(2001)) - 1000
    default:
      let magnitude = Int64(random.next() % UInt64(JSONValue.integerMagnitudeMax + 1))
      return random.below(2) == 0 ? magnitude : -magnitude
    }
  }

  mutating func value(depth: Int = 0) -> JSONValue {
    let kinds = depth >= 4 ? 4 : 6
    switch random.below(kinds) {
    case 0: return [.null, .bool(true), .bool(false)][random.below(3)]
    case 1, 2: return .integer(integer())
    case 3: return .string(string())
    case 4: return .array((0..<random.below(5)).map { _ in value(depth: depth + 1) })
    default:
      var object = JSONObject()
      for _ in 0..<random.below(6) {
        let key = string()
        if !object.contains(key) { object.insert(key, value(depth: depth + 1)) }
      }
      return .object(object)
    }
  }
}

@Suite("Round trips through the writer and the parser")
struct RoundTripTests {
  @Test("Parsing the canonical encoding of a random value gives the value back")
  func parseOfEncodeIsIdentity() throws {
    var generator = ValueGenerator(random: SplitMix64(state: 0x5EED_0001))
    for _ in 0..<1_000 {
      let value = generator.value()
      let bytes = CanonicalJSON.encode(value)
      #expect(try JSONParser.parse(bytes, profile: .canonical) == value)
      #expect(try JSONParser.parse(bytes, profile: .standard) == value)
    }
  }

  @Test("Encoding what the parser read gives the same bytes, and the cursor accepts them")
  func encodeOfParseIsIdentity() throws {
    var generator = ValueGenerator(random: SplitMix64(state: 0x5EED_0002))
    for _ in 0..<1_000 {
      let bytes = CanonicalJSON.encode(generator.value())
      #expect(CanonicalJSON.encode(try JSONParser.parse(bytes, profile: .canonical)) == bytes)
      #expect(cursorError(bytes) == nil)
    }
  }

  @Test("A value inside an object with 20 keys round-trips, too")
  func manyKeys() throws {
    var generator = ValueGenerator(random: SplitMix64(state: 0x5EED_0003))
    var object = JSONObject()
    while object.members.count < 20 {
      let key = generator.string()
      if !object.contains(key) { object.insert(key, generator.value()) }
    }
    let bytes = CanonicalJSON.encode(.object(object))
    #expect(try JSONParser.parse(bytes, profile: .canonical) == .object(object))
    #expect(cursorError(bytes) == nil)
  }

  @Test("The cursor and the parser find the same duplicate keys in random objects")
  func randomDuplicateKeys() {
    // Short and long keys, keys sharing their first 8 bytes, and keys that are equal only as
    // Unicode text (composed and decomposed e-acute; the Kelvin sign and K).
    let keys = [
      "", "a", "b", "ab", "abcdefgh", "abcdefghi", "abcdefghj", "\u{E9}", "e\u{301}", "K",
      "\u{212A}", "x\n", "x\"",
    ]
    var random = SplitMix64(state: 0x5EED_0004)
    for _ in 0..<2_000 {
      var seen: [String] = []
      var duplicate: (key: String, offset: Int)?
      var bytes = Array("{".utf8)
      for index in 0..<(1 + random.below(20)) {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        let key = keys[random.below(keys.count)]
        if duplicate == nil && seen.contains(key) { duplicate = (key, bytes.count) }
        seen.append(key)
        CanonicalJSON.appendString(key, to: &bytes)
        bytes.append(contentsOf: ":\(random.below(3))".utf8)
      }
      bytes.append(UInt8(ascii: "}"))
      let expected = duplicate.map {
        JSONParseError(byteOffset: $0.offset, reason: .duplicateKey($0.key))
      }
      #expect(parseError(bytes, .canonical) == expected)
      #expect(cursorError(bytes) == expected)
    }
  }

  @Test("Every single-byte change of a canonical document is rejected or is another document")
  func singleByteCorruptions() throws {
    let original: JSONValue = .object([
      "seq": .integer(12),
      "id": .string("a/\u{E9}\u{1F600}"),
      "data": .array([.bool(true), .null, .integer(-5), .string("x\n\u{1}\"")]),
      "k": .object(["": .integer(0)]),
    ])
    let bytes = CanonicalJSON.encode(original)
    var accepted = 0
    for position in bytes.indices {
      for replacement in UInt8.min...UInt8.max where replacement != bytes[position] {
        var corrupted = bytes
        corrupted[position] = replacement
        let error = parseError(corrupted, .canonical)
        #expect(cursorError(corrupted) == error)
        guard error == nil else { continue }
        accepted += 1
        let value = try JSONParser.parse(corrupted, profile: .canonical)
        #expect(value != original)
        #expect(CanonicalJSON.encode(value) == corrupted)
      }
    }
    // Changed letters, digits and ASCII inside strings give other valid documents.
    #expect(accepted > 100)
  }
}
