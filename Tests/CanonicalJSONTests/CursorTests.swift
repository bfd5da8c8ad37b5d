import CanonicalJSON
import Testing

/// Runs `body` with a cursor over the UTF-8 of `text`.
func withCursor<Result>(
  _ text: String, _ body: (inout JSONCursor) throws -> Result
) rethrows -> Result {
  let bytes = Array(text.utf8)
  return try bytes.withUnsafeBytes { buffer in
    var cursor = JSONCursor(buffer)
    return try body(&cursor)
  }
}

/// The parse error `body` throws, or nil.
func thrown(_ body: () throws -> Void) -> JSONParseError? {
  do {
    try body()
    return nil
  } catch let error as JSONParseError {
    return error
  } catch {
    Issue.record("unexpected error \(error)")
    return nil
  }
}

/// The byte offset of the first occurrence of `needle` in `text`.
func offset(of needle: String, in text: String) -> Int? {
  let haystack = Array(text.utf8)
  let pattern = Array(needle.utf8)
  guard pattern.count <= haystack.count else { return nil }
  return (0...(haystack.count - pattern.count)).first {
    Array(haystack[$0..<($0 + pattern.count)]) == pattern
  }
}

@Suite("The cursor reads a log line field by field")
struct CursorTests {
  static let line =
    "{\"seq\":1,\"id\":\"x\",\"data\":{\"a\":\"b\",\"n\":-5},\"prev\":\"\u{2026}\"}"

  @Test("A record-like line reads field by field, and its data through an object view")
  func readsRecord() throws {
    try withCursor(Self.line) { cursor in
      try cursor.expectBytes("{\"seq\":")
      #expect(cursor.depth == 1)
      #expect(try cursor.readInteger() == 1)
      try cursor.expectBytes(",\"id\":")
      #expect(try cursor.readString() == "x")
      try cursor.expectBytes(",\"data\":")
      let dataRange = try cursor.skipValue()
      let data = JSONObjectView(
        validated: UnsafeRawBufferPointer(rebasing: cursor.bytes[dataRange]))
      #expect(data.string(forKey: "a") == "b")
      #expect(data.integer(forKey: "n") == -5)
      #expect(data.string(forKey: "n") == nil)
      #expect(data.integer(forKey: "a") == nil)
      #expect(data.rawValue(forKey: "missing") == nil)
      try cursor.expectBytes(",\"prev\":")
      let prevRange = try cursor.readStringRange()
      let prev = UnsafeRawBufferPointer(rebasing: cursor.bytes[prevRange])
      #expect(JSONCursor.decodeString(raw: prev) == "\u{2026}")
      #expect(JSONCursor.rawStringEquals(prev, "\u{2026}"))
      #expect(!JSONCursor.rawStringEquals(prev, "..."))
      #expect(!cursor.isAtEnd)
      try cursor.expect(UInt8(ascii: "}"))
      #expect(cursor.depth == 0)
      #expect(cursor.isAtEnd)
      try cursor.expectEnd()
    }
  }

  @Test("A bad integer is reported at its first byte")
  func integerErrorOffset() {
    let error = withCursor("{\"seq\":01}") { cursor in
      thrown {
        try cursor.expectBytes("{\"seq\":")
        _ = try cursor.readInteger()
      }
    }
    #expect(error == JSONParseError(byteOffset: 7, reason: .leadingZero))
  }

  @Test("A literal that differs is reported at the first differing byte")
  func literalMismatch() {
    let error = withCursor("{\"sex\":1}") { cursor in
      thrown { try cursor.expectBytes("{\"seq\":") }
    }
    #expect(
      error
        == JSONParseError(
          byteOffset: 4, reason: .unexpectedByte(UInt8(ascii: "x"), expected: .text("{\"seq\":"))))
    #expect(error?.description.hasPrefix("byte 4: found 'x' where the text {\"seq\":") == true)
  }

  @Test("Whitespace where a value should be is reported as whitespace")
  func whitespace() {
    let error = withCursor("{\"seq\": 1}") { cursor in
      thrown {
        try cursor.expectBytes("{\"seq\":")
        _ = try cursor.readInteger()
      }
    }
    #expect(error == JSONParseError(byteOffset: 7, reason: .whitespaceNotAllowed))
  }

  @Test("Reading a string where there is none names what was expected")
  func notAString() {
    let error = withCursor("{\"id\":7}") { cursor in
      thrown {
        try cursor.expectBytes("{\"id\":")
        _ = try cursor.readStringRange()
      }
    }
    #expect(
      error
        == JSONParseError(
          byteOffset: 6, reason: .unexpectedByte(UInt8(ascii: "7"), expected: .string)))
  }

  @Test("A duplicate key inside a skipped value is reported at the second key")
  func duplicateKeyOffset() throws {
    let text = "{\"data\":{\"a\":1,\"b\":{\"c\":2,\"c\":3}}}"
    let error = withCursor(text) { cursor in
      thrown {
        try cursor.expectBytes("{\"data\":")
        _ = try cursor.skipValue()
      }
    }
    let expected = try #require(offset(of: "\"c\":3", in: text))
    #expect(error == JSONParseError(byteOffset: expected, reason: .duplicateKey("c")))
  }

  @Test("An invalid byte deep in a string is reported at that byte")
  func invalidUTF8Offset() {
    var bytes = Array("[\"abcdefghijklmnopqrstuvwxyz0123456789\"]".utf8)
    bytes[30] = 0xC0
    let error = bytes.withUnsafeBytes { buffer in
      var cursor = JSONCursor(buffer)
      return thrown { _ = try cursor.skipValue() }
    }
    #expect(error == JSONParseError(byteOffset: 30, reason: .invalidUTF8))
  }

  @Test("Nesting opened by the caller counts towards the depth limit")
  func depthCountsFromCaller() {
    let inner = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    let error = withCursor("{\"data\":" + inner + "}") { cursor in
      thrown {
        try cursor.expectBytes("{\"data\":")
        _ = try cursor.skipValue()
      }
    }
    #expect(error == JSONParseError(byteOffset: 8 + 63, reason: .tooDeep))
    let alone = withCursor(inner) { cursor in thrown { _ = try cursor.skipValue() } }
    #expect(alone == nil)
  }

  @Test("Literals count the brackets outside their strings towards the depth")
  func literalDepth() throws {
    try withCursor("{\"a[\":[{\"b}\":1}]}") { cursor in
      try cursor.expectBytes("{\"a[\":[")
      #expect(cursor.depth == 2)
      try cursor.expectBytes("{")
      #expect(cursor.depth == 3)
      try cursor.expectBytes("\"b}\":")
      #expect(cursor.depth == 3)
      #expect(try cursor.readInteger() == 1)
      try cursor.expectBytes("}]}")
      #expect(cursor.depth == 0)
      try cursor.expectEnd()
    }
  }

  @Test("Bytes after the value are trailing data")
  func trailingData() {
    let error = withCursor("{}x") { cursor in
      thrown {
        _ = try cursor.skipValue()
        try cursor.expectEnd()
      }
    }
    #expect(error == JSONParseError(byteOffset: 2, reason: .trailingData))
  }

  @Test("A canonical string decodes all its escapes")
  func decodesEscapes() throws {
    let value = "q\"b\\s/\u{8}\u{C}\n\r\t\u{0}\u{1F}\u{7F}\u{E9}\u{1F600}"
    let encoded = CanonicalJSON.encode(.string(value))
    let decoded = encoded.withUnsafeBytes { buffer in
      var cursor = JSONCursor(buffer)
      return try? cursor.readString()
    }
    #expect(decoded == value)
    let raw = encoded.dropFirst().dropLast()
    #expect(raw.withUnsafeBytes { JSONCursor.decodeString(raw: $0) } == value)
  }

  @Test("Raw string comparison follows the canonical escaping of the text")
  func rawStringEquals() {
    let encoded = CanonicalJSON.encode(.string("a\"b\\c\n\u{1}/"))
    let raw = Array(encoded.dropFirst().dropLast())
    raw.withUnsafeBytes { raw in
      #expect(JSONCursor.rawStringEquals(raw, "a\"b\\c\n\u{1}/"))
      #expect(!JSONCursor.rawStringEquals(raw, "a\"b\\c\n\u{1}"))
      #expect(!JSONCursor.rawStringEquals(raw, "a\"b\\c\n\u{2}/"))
    }
    Array("".utf8).withUnsafeBytes { empty in
      #expect(JSONCursor.rawStringEquals(empty, ""))
      #expect(!JSONCursor.rawStringEquals(empty, "a"))
    }
  }
}

@Suite("The object view finds members without building a tree")
struct ObjectViewTests {
  static let object =
    "{\"x\":[1,{\"y\":\"]}\"}],\"z\":\"}\\\"\",\"t\":true,\"f\":false,\"nil\":null,"
    + "\"a\\\"b\":4,\"\\n\":5,\"inner\":{\"w\":-3,\"s\":\"caf\u{E9}\"},\"w\":3}"

  func withView<Result>(_ body: (JSONObjectView) -> Result) -> Result {
    let bytes = Array(Self.object.utf8)
    #expect(cursorError(bytes) == nil)
    return bytes.withUnsafeBytes { body(JSONObjectView(validated: $0)) }
  }

  @Test("Values after arrays and objects with brackets in strings are found")
  func skipsNestedValues() {
    withView { view in
      #expect(view.integer(forKey: "w") == 3)
      #expect(view.string(forKey: "z") == "}\"")
      #expect(view.rawValue(forKey: "x").map { Array($0) } == Array("[1,{\"y\":\"]}\"}]".utf8))
    }
  }

  @Test("Booleans, null, escaped keys and nested objects are read")
  func otherKinds() {
    withView { view in
      #expect(view.bool(forKey: "t") == true)
      #expect(view.bool(forKey: "f") == false)
      #expect(view.bool(forKey: "nil") == nil)
      #expect(view.rawValue(forKey: "nil").map { Array($0) } == Array("null".utf8))
      #expect(view.integer(forKey: "a\"b") == 4)
      #expect(view.integer(forKey: "\n") == 5)
      let inner = view.object(forKey: "inner")
      #expect(inner?.integer(forKey: "w") == -3)
      #expect(inner?.string(forKey: "s") == "caf\u{E9}")
      #expect(view.object(forKey: "w") == nil)
      #expect(view.integer(forKey: "inner") == nil)
    }
  }

  @Test("An empty object has no members")
  func emptyObject() {
    Array("{}".utf8).withUnsafeBytes { bytes in
      #expect(JSONObjectView(validated: bytes).rawValue(forKey: "a") == nil)
    }
  }
}
