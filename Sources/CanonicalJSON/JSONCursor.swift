/// A fast reader over the bytes of one canonical log line, for the log reader's hot path.
///
/// The cursor reads only the canonical profile and allocates nothing unless asked for a
/// `String` (or unless an object it skips has more than 16 keys or non-ASCII keys). The
/// caller steps through a record with `expect`, `expectBytes`, `readInteger`,
/// `readStringRange` and `skipValue`, and finishes with `expectEnd`:
///
///     var cursor = JSONCursor(line)
///     try cursor.expectBytes("{\"seq\":")
///     let seq = try cursor.readInteger()
///     try cursor.expectBytes(",\"data\":")
///     let data = try cursor.skipValue()
///     try cursor.expect(UInt8(ascii: "}"))
///     try cursor.expectEnd()
///
/// Every error carries the byte offset in `bytes`. The cursor accepts exactly what
/// `JSONParser.parse(_:profile: .canonical)` accepts, provided the caller's own literals are
/// canonical (no whitespace, unique keys).
public struct JSONCursor {
  /// The bytes being read.
  public let bytes: UnsafeRawBufferPointer
  /// The offset of the next byte to read, between 0 and `bytes.count`.
  public var offset: Int
  /// How many arrays and objects the caller has opened with `expect` or `expectBytes` and not
  /// yet closed; `skipValue` counts nesting from here, so the limit applies to the whole line.
  public var depth: Int

  /// A cursor at the start of `bytes`.
  public init(_ bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
    self.offset = 0
    self.depth = 0
  }

  /// Whether every byte has been read.
  public var isAtEnd: Bool { offset >= bytes.count }

  /// The next byte without reading it, or nil at the end.
  public var nextByte: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  /// Reads `byte`, or throws if the next byte is anything else.
  ///
  /// `{` and `[` count as opening a level of nesting, `}` and `]` as closing one.
  public mutating func expect(_ byte: UInt8) throws(JSONParseError) {
    guard offset < bytes.count && bytes[offset] == byte else {
      throw JSONScanner.unexpected(
        bytes, at: offset, expected: .text(String(decoding: [byte], as: UTF8.self)),
        canonical: true)
    }
    offset += 1
    switch byte {
    case JSONScanner.openBrace, JSONScanner.openBracket:
      depth += 1
      if depth > JSONParser.maximumDepth {
        throw JSONParseError(byteOffset: offset - 1, reason: .tooDeep)
      }
    case JSONScanner.closeBrace, JSONScanner.closeBracket:
      depth = max(depth - 1, 0)
    default:
      break
    }
  }

  /// Reads the bytes of `literal`, such as `{"seq":`, or throws at the first byte that differs.
  ///
  /// Brackets and braces in `literal` outside its strings count as in `expect(_:)`.
  public mutating func expectBytes(_ literal: StaticString) throws(JSONParseError) {
    guard literal.hasPointerRepresentation else {
      // A literal stored as one Unicode scalar: rare, so the general path will do.
      for byte in String(literal.unicodeScalar).utf8 { try expect(byte) }
      return
    }
    let start = offset
    let count = literal.utf8CodeUnitCount
    let text = literal.utf8Start
    let available = min(count, bytes.count - start)
    // Bytes that may be brackets: `[`, `]`, `{` and `}` (and `Y`, `_`, `y`, DEL) give 0x59.
    var mayNest = false
    var position = 0
    while position < available {
      let byte = text[position]
      guard bytes[start &+ position] == byte else { break }
      mayNest = mayNest || byte & 0xD9 == 0x59
      position &+= 1
    }
    guard position == count else {
      throw JSONScanner.unexpected(
        bytes, at: start + position, expected: .text(literal.description), canonical: true)
    }
    offset = start &+ count
    if mayNest, let change = Self.nestingChange(literal) {
      depth = max(depth + change, 0)
      if depth > JSONParser.maximumDepth {
        throw JSONParseError(byteOffset: start, reason: .tooDeep)
      }
    }
  }

  /// The net number of arrays and objects `literal` opens, or nil if it has no bracket.
  @inline(never)
  private static func nestingChange(_ literal: StaticString) -> Int? {
    literal.withUTF8Buffer { text in
      var change = 0
      var sawBracket = false
      var inString = false
      var escaped = false
      for byte in text {
        if inString {
          if escaped {
            escaped = false
          } else if byte == JSONScanner.backslash {
            escaped = true
          } else if byte == JSONScanner.quote {
            inString = false
          }
          continue
        }
        switch byte {
        case JSONScanner.quote: inString = true
        case JSONScanner.openBrace, JSONScanner.openBracket:
          change += 1
          sawBracket = true
        case JSONScanner.closeBrace, JSONScanner.closeBracket:
          change -= 1
          sawBracket = true
        default: break
        }
      }
      return sawBracket ? change : nil
    }
  }

  /// Reads a canonical integer.
  public mutating func readInteger() throws(JSONParseError) -> Int64 {
    guard offset < bytes.count,
      bytes[offset] == JSONScanner.minus || bytes[offset] &- JSONScanner.zero < 10
    else {
      throw JSONScanner.unexpected(bytes, at: offset, expected: .integer, canonical: true)
    }
    return try JSONScanner.scanInteger(bytes, &offset)
  }

  /// Validates a canonical string and returns the range of the bytes between its quotes.
  ///
  /// Allocates nothing; pass the range to `decodeString(raw:)` or `rawStringEquals` later.
  public mutating func readStringRange() throws(JSONParseError) -> Range<Int> {
    guard offset < bytes.count && bytes[offset] == JSONScanner.quote else {
      throw JSONScanner.unexpected(bytes, at: offset, expected: .string, canonical: true)
    }
    let start = offset
    _ = try JSONScanner.scanString(bytes, &offset, canonical: true)
    return (start + 1)..<(offset - 1)
  }

  /// Validates a canonical string like `readStringRange()`, and tells whether it holds a
  /// backslash escape (so a caller that forbids escapes need not look at its bytes again).
  public mutating func readStringRange(hasEscapes: inout Bool) throws(JSONParseError) -> Range<Int>
  {
    guard offset < bytes.count && bytes[offset] == JSONScanner.quote else {
      throw JSONScanner.unexpected(bytes, at: offset, expected: .string, canonical: true)
    }
    let start = offset
    let flags = try JSONScanner.scanString(bytes, &offset, canonical: true)
    hasEscapes = flags.contains(.hasEscapes)
    return (start + 1)..<(offset - 1)
  }

  /// Reads a canonical string and returns its text.
  public mutating func readString() throws(JSONParseError) -> String {
    guard offset < bytes.count && bytes[offset] == JSONScanner.quote else {
      throw JSONScanner.unexpected(bytes, at: offset, expected: .string, canonical: true)
    }
    let start = offset
    let flags = try JSONScanner.scanString(bytes, &offset, canonical: true)
    return JSONScanner.decode(
      UnsafeRawBufferPointer(rebasing: bytes[(start + 1)..<(offset - 1)]),
      hasEscapes: flags.contains(.hasEscapes))
  }

  /// Validates the next value, whatever it is, and returns the range of its bytes.
  ///
  /// Checks every canonical rule inside the value, including duplicate keys and the nesting
  /// limit (counted from `depth`).
  public mutating func skipValue() throws(JSONParseError) -> Range<Int> {
    let start = offset
    try Self.skip(bytes, &offset, depth: depth)
    return start..<offset
  }

  /// Throws unless every byte has been read.
  public func expectEnd() throws(JSONParseError) {
    guard offset < bytes.count else { return }
    if JSONScanner.isWhitespace(bytes[offset]) {
      throw JSONParseError(byteOffset: offset, reason: .whitespaceNotAllowed)
    }
    throw JSONParseError(byteOffset: offset, reason: .trailingData)
  }

  /// The text of the contents of a validated string (the bytes between its quotes).
  public static func decodeString(raw: UnsafeRawBufferPointer) -> String {
    var hasEscapes = false
    for byte in raw where byte == JSONScanner.backslash {
      hasEscapes = true
      break
    }
    return JSONScanner.decode(raw, hasEscapes: hasEscapes)
  }

  /// Whether the contents of a validated canonical string (the bytes between its quotes)
  /// spell `text`.
  ///
  /// Compares without decoding: the canonical spelling of a string is unique.
  public static func rawStringEquals(_ raw: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
    text.withUTF8Buffer { text in
      var position = 0
      let count = raw.count
      @inline(__always)
      func match(_ byte: UInt8) -> Bool {
        guard position < count && raw[position] == byte else { return false }
        position += 1
        return true
      }
      for byte in text {
        switch byte {
        case JSONScanner.quote, JSONScanner.backslash:
          guard match(JSONScanner.backslash) && match(byte) else { return false }
        case 0x00..<0x20:
          var escaped: [UInt8] = []
          CanonicalJSON.appendString(String(decoding: [byte], as: UTF8.self), to: &escaped)
          for escapedByte in escaped.dropFirst().dropLast() where !match(escapedByte) {
            return false
          }
        default:
          guard match(byte) else { return false }
        }
      }
      return position == count
    }
  }

  // MARK: Validation

  /// One key of an object being skipped: where its contents are, and whether non-ASCII.
  private struct KeyReference {
    var start: Int
    var end: Int
    var hasNonASCII: Bool
  }

  /// How many keys an object may have before duplicate detection switches to a hash set.
  private static let inlineKeyCapacity = 16

  /// Validates the value at `offset` and moves past it; `depth` is the enclosing nesting.
  static func skip(
    _ bytes: UnsafeRawBufferPointer, _ offset: inout Int, depth: Int
  ) throws(JSONParseError) {
    guard offset < bytes.count else {
      throw JSONParseError(byteOffset: offset, reason: .unexpectedEnd(expected: .value))
    }
    switch bytes[offset] {
    case JSONScanner.quote:
      _ = try JSONScanner.scanString(bytes, &offset, canonical: true)
    case JSONScanner.minus, UInt8(ascii: "0")...UInt8(ascii: "9"):
      _ = try JSONScanner.scanInteger(bytes, &offset)
    case JSONScanner.openBrace:
      try skipObject(bytes, &offset, depth: depth + 1)
    case JSONScanner.openBracket:
      try skipArray(bytes, &offset, depth: depth + 1)
    case UInt8(ascii: "t"):
      try JSONScanner.scanLiteral(bytes, &offset, "true", canonical: true)
    case UInt8(ascii: "f"):
      try JSONScanner.scanLiteral(bytes, &offset, "false", canonical: true)
    case UInt8(ascii: "n"):
      try JSONScanner.scanLiteral(bytes, &offset, "null", canonical: true)
    default:
      throw JSONScanner.unexpected(bytes, at: offset, expected: .value, canonical: true)
    }
  }

  /// Validates the array whose `[` is at `offset`; `depth` counts this array.
  private static func skipArray(
    _ bytes: UnsafeRawBufferPointer, _ offset: inout Int, depth: Int
  ) throws(JSONParseError) {
    if depth > JSONParser.maximumDepth {
      throw JSONParseError(byteOffset: offset, reason: .tooDeep)
    }
    let end = bytes.count
    var index = offset + 1
    if index < end && bytes[index] == JSONScanner.closeBracket {
      offset = index + 1
      return
    }
    while true {
      try skip(bytes, &index, depth: depth)
      guard index < end else {
        throw JSONParseError(byteOffset: index, reason: .unexpectedEnd(expected: .commaOrArrayEnd))
      }
      let byte = bytes[index]
      if byte == JSONScanner.comma {
        index += 1
        if index < end && bytes[index] == JSONScanner.closeBracket {
          throw JSONParseError(byteOffset: index - 1, reason: .trailingComma)
        }
        continue
      }
      if byte == JSONScanner.closeBracket {
        offset = index + 1
        return
      }
      throw JSONScanner.unexpected(bytes, at: index, expected: .commaOrArrayEnd, canonical: true)
    }
  }

  /// Validates the object whose `{` is at `offset`; `depth` counts this object.
  private static func skipObject(
    _ bytes: UnsafeRawBufferPointer, _ offset: inout Int, depth: Int
  ) throws(JSONParseError) {
    if depth > JSONParser.maximumDepth {
      throw JSONParseError(byteOffset: offset, reason: .tooDeep)
    }
    let end = bytes.count
    var index = offset + 1
    if index < end && bytes[index] == JSONScanner.closeBrace {
      offset = index + 1
      return
    }
    try withUnsafeTemporaryAllocation(of: KeyReference.self, capacity: inlineKeyCapacity) {
      (keys) throws(JSONParseError) in
      var keyCount = 0
      var keySet: Set<String> = []
      // One bit per key fingerprint: a key whose bit is clear differs from every earlier key,
      // so most keys need no comparison. Non-ASCII keys are compared as text, so once one
      // appears, every key is compared.
      var fingerprints: UInt64 = 0
      var compareAll = false
      while true {
        guard index < end && bytes[index] == JSONScanner.quote else {
          throw JSONScanner.unexpected(bytes, at: index, expected: .key, canonical: true)
        }
        let keyOffset = index
        let flags = try JSONScanner.scanString(bytes, &index, canonical: true)
        let key = KeyReference(
          start: keyOffset + 1, end: index - 1, hasNonASCII: flags.contains(.hasNonASCII))
        if keyCount < inlineKeyCapacity {
          let bit = fingerprintBit(bytes, key)
          compareAll = compareAll || key.hasNonASCII
          if compareAll || fingerprints & bit != 0 {
            for earlier in 0..<keyCount where sameKey(bytes, keys[earlier], key) {
              throw duplicate(bytes, key, at: keyOffset)
            }
          }
          fingerprints |= bit
          keys[keyCount] = key
        } else {
          if keyCount == inlineKeyCapacity {
            keySet.reserveCapacity(2 * inlineKeyCapacity)
            for earlier in keys { keySet.insert(text(bytes, earlier)) }
          }
          guard keySet.insert(text(bytes, key)).inserted else {
            throw duplicate(bytes, key, at: keyOffset)
          }
        }
        keyCount += 1
        guard index < end && bytes[index] == JSONScanner.colon else {
          throw JSONScanner.unexpected(bytes, at: index, expected: .colon, canonical: true)
        }
        index += 1
        try skip(bytes, &index, depth: depth)
        guard index < end else {
          throw JSONParseError(
            byteOffset: index, reason: .unexpectedEnd(expected: .commaOrObjectEnd))
        }
        let byte = bytes[index]
        if byte == JSONScanner.comma {
          index += 1
          if index < end && bytes[index] == JSONScanner.closeBrace {
            throw JSONParseError(byteOffset: index - 1, reason: .trailingComma)
          }
          continue
        }
        if byte == JSONScanner.closeBrace {
          index += 1
          return
        }
        throw JSONScanner.unexpected(
          bytes, at: index, expected: .commaOrObjectEnd, canonical: true)
      }
    }
    offset = index
  }

  /// A word with one bit set, chosen by the key's length and first 8 bytes; equal keys that
  /// are ASCII have the same bit.
  @inline(__always)
  private static func fingerprintBit(_ bytes: UnsafeRawBufferPointer, _ key: KeyReference)
    -> UInt64
  {
    let length = key.end &- key.start
    var word: UInt64 = 0
    if key.start &+ 8 <= bytes.count {
      word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: key.start, as: UInt64.self))
      if length < 8 { word &= (1 &<< (UInt64(length) &* 8)) &- 1 }
    } else {
      // The same little-endian word as above, read byte by byte near the end of the input.
      for position in key.start..<min(key.end, key.start &+ 8) {
        word |= UInt64(bytes[position]) &<< (UInt64(position &- key.start) &* 8)
      }
    }
    return 1 &<< (((word ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) &>> 58)
  }

  /// Whether two keys are the same text: the same bytes, or, when either is non-ASCII,
  /// equal as Swift strings (canonically equivalent Unicode, as `JSONObject` compares keys).
  @inline(__always)
  private static func sameKey(
    _ bytes: UnsafeRawBufferPointer, _ first: KeyReference, _ second: KeyReference
  ) -> Bool {
    if !first.hasNonASCII && !second.hasNonASCII {
      return JSONScanner.rangesEqual(bytes, first.start..<first.end, second.start..<second.end)
    }
    return text(bytes, first) == text(bytes, second)
  }

  /// The decoded text of a key.
  private static func text(_ bytes: UnsafeRawBufferPointer, _ key: KeyReference) -> String {
    decodeString(raw: UnsafeRawBufferPointer(rebasing: bytes[key.start..<key.end]))
  }

  /// The error for a duplicate `key` whose opening quote is at `offset`.
  private static func duplicate(
    _ bytes: UnsafeRawBufferPointer, _ key: KeyReference, at offset: Int
  ) -> JSONParseError {
    JSONParseError(byteOffset: offset, reason: .duplicateKey(text(bytes, key)))
  }
}
