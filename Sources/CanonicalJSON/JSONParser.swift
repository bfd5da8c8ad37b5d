/// Which spellings of JSON a parse accepts.
public enum JSONProfile: Sendable, Equatable {
  /// Only the canonical spelling the writer produces: the log's lines.
  ///
  /// No whitespace outside strings, no byte order mark, only the writer's escapes.
  case canonical
  /// Strict RFC 8259 JSON as people write it: command batches and configuration.
  ///
  /// Allows whitespace between tokens, every escape (surrogates correctly paired) and a
  /// leading byte order mark, which is skipped. Still integers only, unique keys, no
  /// trailing commas, valid UTF-8, at most `JSONParser.maximumDepth` levels.
  case standard
}

/// Parses strict JSON into a `JSONValue`.
public enum JSONParser {
  /// The deepest nesting of arrays and objects a document may have.
  ///
  /// A record nests only a few levels, so 64 leaves plenty of room for domain data while
  /// bounding the scanner's recursion: hostile input cannot exhaust the stack, and every
  /// other reader (which may recurse too) can read every line the log accepts.
  public static let maximumDepth = 64

  /// Parses the document in `bytes`, which must be one JSON value and nothing else.
  public static func parse(
    _ bytes: UnsafeRawBufferPointer, profile: JSONProfile
  ) throws(JSONParseError) -> JSONValue {
    var parser = TreeParser(bytes: bytes, canonical: profile == .canonical)
    return try parser.parseDocument()
  }

  /// Parses the document in `bytes`, which must be one JSON value and nothing else.
  public static func parse(_ bytes: [UInt8], profile: JSONProfile) throws(JSONParseError)
    -> JSONValue
  {
    // withUnsafeBytes rethrows untyped errors, so the result travels out as a Result.
    let result = bytes.withUnsafeBytes { buffer in
      Result { () throws(JSONParseError) in try parse(buffer, profile: profile) }
    }
    return try result.get()
  }

  /// Parses the UTF-8 of `text`, which must be one JSON value and nothing else.
  public static func parse(_ text: String, profile: JSONProfile) throws(JSONParseError)
    -> JSONValue
  {
    var text = text
    let result = text.withUTF8 { buffer in
      Result { () throws(JSONParseError) in
        try parse(UnsafeRawBufferPointer(buffer), profile: profile)
      }
    }
    return try result.get()
  }
}

/// A recursive-descent parser that builds the value tree, for either profile.
private struct TreeParser {
  let bytes: UnsafeRawBufferPointer
  let canonical: Bool
  var offset = 0

  /// How many keys an object may have before duplicate detection uses a hash set.
  static let linearKeyLimit = 16

  init(bytes: UnsafeRawBufferPointer, canonical: Bool) {
    self.bytes = bytes
    self.canonical = canonical
  }

  mutating func parseDocument() throws(JSONParseError) -> JSONValue {
    if !canonical && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      offset = 3
    }
    skipWhitespace()
    let value = try parseValue(depth: 0)
    skipWhitespace()
    guard offset == bytes.count else {
      if canonical && JSONScanner.isWhitespace(bytes[offset]) {
        throw JSONParseError(byteOffset: offset, reason: .whitespaceNotAllowed)
      }
      throw JSONParseError(byteOffset: offset, reason: .trailingData)
    }
    return value
  }

  /// Skips whitespace in the standard profile; the canonical profile has none.
  mutating func skipWhitespace() {
    guard !canonical else { return }
    while offset < bytes.count && JSONScanner.isWhitespace(bytes[offset]) { offset += 1 }
  }

  func unexpected(_ expected: JSONParseError.Expectation) -> JSONParseError {
    JSONScanner.unexpected(bytes, at: offset, expected: expected, canonical: canonical)
  }

  /// Parses the value at `offset`; `depth` is the nesting around it.
  mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
    guard offset < bytes.count else { throw unexpected(.value) }
    switch bytes[offset] {
    case JSONScanner.quote:
      return .string(try parseString())
    case JSONScanner.minus, UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .integer(try JSONScanner.scanInteger(bytes, &offset))
    case JSONScanner.openBrace:
      return .object(try parseObject(depth: depth + 1))
    case JSONScanner.openBracket:
      return .array(try parseArray(depth: depth + 1))
    case UInt8(ascii: "t"):
      try JSONScanner.scanLiteral(bytes, &offset, "true", canonical: canonical)
      return .bool(true)
    case UInt8(ascii: "f"):
      try JSONScanner.scanLiteral(bytes, &offset, "false", canonical: canonical)
      return .bool(false)
    case UInt8(ascii: "n"):
      try JSONScanner.scanLiteral(bytes, &offset, "null", canonical: canonical)
      return .null
    default:
      throw unexpected(.value)
    }
  }

  /// Parses the string whose opening quote is at `offset`.
  mutating func parseString() throws(JSONParseError) -> String {
    let start = offset
    let flags = try JSONScanner.scanString(bytes, &offset, canonical: canonical)
    return JSONScanner.decode(
      UnsafeRawBufferPointer(rebasing: bytes[(start + 1)..<(offset - 1)]),
      hasEscapes: flags.contains(.hasEscapes))
  }

  mutating func parseArray(depth: Int) throws(JSONParseError) -> [JSONValue] {
    if depth > JSONParser.maximumDepth {
      throw JSONParseError(byteOffset: offset, reason: .tooDeep)
    }
    offset += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if offset < bytes.count && bytes[offset] == JSONScanner.closeBracket {
      offset += 1
      return elements
    }
    while true {
      elements.append(try parseValue(depth: depth))
      skipWhitespace()
      guard offset < bytes.count else { throw unexpected(.commaOrArrayEnd) }
      switch bytes[offset] {
      case JSONScanner.comma:
        let comma = offset
        offset += 1
        skipWhitespace()
        if offset < bytes.count && bytes[offset] == JSONScanner.closeBracket {
          throw JSONParseError(byteOffset: comma, reason: .trailingComma)
        }
      case JSONScanner.closeBracket:
        offset += 1
        return elements
      default:
        throw unexpected(.commaOrArrayEnd)
      }
    }
  }

  mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONObject {
    if depth > JSONParser.maximumDepth {
      throw JSONParseError(byteOffset: offset, reason: .tooDeep)
    }
    offset += 1
    var members: [JSONObject.Member] = []
    var keySet: Set<String> = []
    skipWhitespace()
    if offset < bytes.count && bytes[offset] == JSONScanner.closeBrace {
      offset += 1
      return JSONObject(uncheckedMembers: members)
    }
    while true {
      guard offset < bytes.count && bytes[offset] == JSONScanner.quote else {
        throw unexpected(.key)
      }
      let keyOffset = offset
      let key = try parseString()
      // Keys are compared as Swift strings, as JSONObject compares them: the same text in
      // two spellings (an escape, or canonically equivalent Unicode) is a duplicate.
      if members.count < Self.linearKeyLimit {
        if members.contains(where: { $0.key == key }) {
          throw JSONParseError(byteOffset: keyOffset, reason: .duplicateKey(key))
        }
      } else {
        if members.count == Self.linearKeyLimit {
          keySet = Set(members.map(\.key))
        }
        guard keySet.insert(key).inserted else {
          throw JSONParseError(byteOffset: keyOffset, reason: .duplicateKey(key))
        }
      }
      skipWhitespace()
      guard offset < bytes.count && bytes[offset] == JSONScanner.colon else {
        throw unexpected(.colon)
      }
      offset += 1
      skipWhitespace()
      let value = try parseValue(depth: depth)
      members.append(JSONObject.Member(key: key, value: value))
      skipWhitespace()
      guard offset < bytes.count else { throw unexpected(.commaOrObjectEnd) }
      switch bytes[offset] {
      case JSONScanner.comma:
        let comma = offset
        offset += 1
        skipWhitespace()
        if offset < bytes.count && bytes[offset] == JSONScanner.closeBrace {
          throw JSONParseError(byteOffset: comma, reason: .trailingComma)
        }
      case JSONScanner.closeBrace:
        offset += 1
        return JSONObject(uncheckedMembers: members)
      default:
        throw unexpected(.commaOrObjectEnd)
      }
    }
  }
}
