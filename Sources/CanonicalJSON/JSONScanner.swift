/// The byte-level rules shared by the parser, the cursor and the object view.
///
/// Every function reads `bytes` through `UnsafeRawBufferPointer`, whose subscript is not
/// bounds-checked in release builds, so each one checks `index < bytes.count` itself before
/// it reads. Strings are scanned 8 bytes at a time while they hold plain ASCII.
enum JSONScanner {
  /// What a scanned string contained, so that callers can skip work.
  struct StringFlags: OptionSet {
    var rawValue: UInt8
    /// The string has at least one backslash escape.
    static let hasEscapes = StringFlags(rawValue: 1)
    /// The string has at least one non-ASCII character.
    static let hasNonASCII = StringFlags(rawValue: 2)
  }

  static let quote = UInt8(ascii: "\"")
  static let backslash = UInt8(ascii: "\\")
  static let comma = UInt8(ascii: ",")
  static let colon = UInt8(ascii: ":")
  static let openBrace = UInt8(ascii: "{")
  static let closeBrace = UInt8(ascii: "}")
  static let openBracket = UInt8(ascii: "[")
  static let closeBracket = UInt8(ascii: "]")
  static let minus = UInt8(ascii: "-")
  static let zero = UInt8(ascii: "0")

  /// Whether `byte` is JSON whitespace: space, tab, line feed or carriage return.
  @inline(__always)
  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  /// The error for finding something other than `expected` at `offset`.
  ///
  /// Picks the most helpful reason: the end of the input, a byte order mark, whitespace in
  /// the canonical profile, or else the unexpected byte itself.
  static func unexpected(
    _ bytes: UnsafeRawBufferPointer, at offset: Int, expected: JSONParseError.Expectation,
    canonical: Bool
  ) -> JSONParseError {
    guard offset < bytes.count else {
      return JSONParseError(byteOffset: offset, reason: .unexpectedEnd(expected: expected))
    }
    let byte = bytes[offset]
    if byte == 0xEF && offset + 2 < bytes.count && bytes[offset + 1] == 0xBB
      && bytes[offset + 2] == 0xBF
    {
      return JSONParseError(byteOffset: offset, reason: .byteOrderMark)
    }
    if canonical && isWhitespace(byte) {
      return JSONParseError(byteOffset: offset, reason: .whitespaceNotAllowed)
    }
    return JSONParseError(byteOffset: offset, reason: .unexpectedByte(byte, expected: expected))
  }

  // MARK: Strings

  /// Flags the bytes of `word` a string scan must stop at.
  ///
  /// The result has the high bit set in every byte that is `"`, `\`, below 0x20 or above
  /// 0x7F. Only the lowest flagged byte is exact; bytes above it may be flagged too.
  @inline(__always)
  static func specialByteMask(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quotes = word ^ (ones &* 0x22)
    let backslashes = word ^ (ones &* 0x5C)
    let quoteFound = (quotes &- ones) & ~quotes
    let backslashFound = (backslashes &- ones) & ~backslashes
    let controlFound = (word &- ones &* 0x20) & ~word
    return (quoteFound | backslashFound | controlFound | word) & highs
  }

  /// Validates the string whose opening quote is at `offset` and moves `offset` past its
  /// closing quote.
  ///
  /// The canonical profile accepts only the writer's escapes; the standard profile accepts
  /// every RFC 8259 escape with correctly paired surrogates.
  @inline(__always)
  static func scanString(
    _ bytes: UnsafeRawBufferPointer, _ offset: inout Int, canonical: Bool
  ) throws(JSONParseError) -> StringFlags {
    let start = offset
    let end = bytes.count
    var index = start &+ 1
    var flags: StringFlags = []
    while true {
      while index &+ 8 <= end {
        let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let mask = specialByteMask(word)
        if mask == 0 {
          index &+= 8
          continue
        }
        index &+= mask.trailingZeroBitCount &>> 3
        break
      }
      guard index < end else {
        throw JSONParseError(byteOffset: start, reason: .unterminatedString)
      }
      let byte = bytes[index]
      if byte == quote {
        offset = index &+ 1
        return flags
      }
      if byte < 0x20 {
        throw JSONParseError(byteOffset: index, reason: .controlCharacterInString)
      }
      if byte < 0x80 {
        if byte == backslash {
          flags.insert(.hasEscapes)
          try scanEscape(bytes, &index, stringStart: start, canonical: canonical)
        } else {
          index &+= 1
        }
        continue
      }
      flags.insert(.hasNonASCII)
      try scanUTF8Sequence(bytes, &index)
    }
  }

  /// Validates the multi-byte UTF-8 sequence that starts at `index` and moves past it.
  ///
  /// Rejects stray continuation bytes, overlong forms (C0, C1, E0 80-9F, F0 80-8F),
  /// UTF-16 surrogates (ED A0-BF), code points above U+10FFFF (F4 90-, F5-FF) and
  /// sequences cut short.
  static func scanUTF8Sequence(
    _ bytes: UnsafeRawBufferPointer, _ index: inout Int
  ) throws(JSONParseError) {
    let start = index
    let end = bytes.count
    let lead = bytes[start]
    @inline(__always)
    func continuation(_ position: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      guard start + position < end else { return false }
      let byte = bytes[start + position]
      return byte >= low && byte <= high
    }
    let length: Int
    let valid: Bool
    switch lead {
    case 0xC2...0xDF:
      length = 2
      valid = continuation(1)
    case 0xE0:
      length = 3
      valid = continuation(1, 0xA0) && continuation(2)
    case 0xED:
      length = 3
      valid = continuation(1, 0x80, 0x9F) && continuation(2)
    case 0xE1...0xEF:
      length = 3
      valid = continuation(1) && continuation(2)
    case 0xF0:
      length = 4
      valid = continuation(1, 0x90) && continuation(2) && continuation(3)
    case 0xF1...0xF3:
      length = 4
      valid = continuation(1) && continuation(2) && continuation(3)
    case 0xF4:
      length = 4
      valid = continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3)
    default:
      length = 1
      valid = false
    }
    guard valid else { throw JSONParseError(byteOffset: start, reason: .invalidUTF8) }
    index = start + length
  }

  /// The value of the four hexadecimal digits at `offset`, and whether any is uppercase.
  static func hex4(
    _ bytes: UnsafeRawBufferPointer, at offset: Int
  ) -> (value: UInt32, uppercase: Bool)? {
    guard offset >= 0 && offset + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    var uppercase = false
    for position in offset..<(offset + 4) {
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"):
        digit = byte - UInt8(ascii: "A") + 10
        uppercase = true
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return (value, uppercase)
  }

  /// Validates the escape whose backslash is at `index` and moves past it.
  static func scanEscape(
    _ bytes: UnsafeRawBufferPointer, _ index: inout Int, stringStart: Int, canonical: Bool
  ) throws(JSONParseError) {
    let start = index
    guard start + 1 < bytes.count else {
      throw JSONParseError(byteOffset: stringStart, reason: .unterminatedString)
    }
    switch bytes[start + 1] {
    case quote, backslash, UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
      UInt8(ascii: "r"), UInt8(ascii: "t"):
      index = start + 2
    case UInt8(ascii: "/"):
      if canonical { throw JSONParseError(byteOffset: start, reason: .nonCanonicalEscape) }
      index = start + 2
    case UInt8(ascii: "u"):
      guard let (value, uppercase) = hex4(bytes, at: start + 2) else {
        throw JSONParseError(byteOffset: start, reason: .invalidEscape)
      }
      switch value {
      case 0xD800...0xDBFF:
        guard start + 12 <= bytes.count, bytes[start + 6] == backslash,
          bytes[start + 7] == UInt8(ascii: "u"),
          let (low, _) = hex4(bytes, at: start + 8), low >= 0xDC00 && low <= 0xDFFF
        else { throw JSONParseError(byteOffset: start, reason: .loneSurrogate) }
        if canonical { throw JSONParseError(byteOffset: start, reason: .nonCanonicalEscape) }
        index = start + 12
      case 0xDC00...0xDFFF:
        throw JSONParseError(byteOffset: start, reason: .loneSurrogate)
      default:
        if canonical {
          let hasShortForm =
            value == 0x08 || value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D
          guard value < 0x20 && !hasShortForm && !uppercase else {
            throw JSONParseError(byteOffset: start, reason: .nonCanonicalEscape)
          }
        }
        index = start + 6
      }
    default:
      throw JSONParseError(byteOffset: start, reason: .invalidEscape)
    }
  }

  /// The text of a validated string's contents (the bytes between its quotes).
  ///
  /// Decodes every JSON escape, so it serves both profiles. Input that was not validated
  /// never reads out of bounds; a broken escape is kept as written, a lone surrogate becomes
  /// U+FFFD, and invalid UTF-8 is repaired with U+FFFD.
  static func decode(_ raw: UnsafeRawBufferPointer, hasEscapes: Bool) -> String {
    guard hasEscapes else { return String(decoding: raw, as: UTF8.self) }
    // Every escape is at least as long as the UTF-8 it stands for, so raw.count suffices.
    return String(unsafeUninitializedCapacity: raw.count) { output in
      let count = raw.count
      var index = 0
      var written = 0
      func put(_ byte: UInt8) {
        output[written] = byte
        written += 1
      }
      while index < count {
        let byte = raw[index]
        guard byte == backslash && index + 1 < count else {
          put(byte)
          index += 1
          continue
        }
        let escaped = raw[index + 1]
        index += 2
        switch escaped {
        case UInt8(ascii: "b"): put(0x08)
        case UInt8(ascii: "f"): put(0x0C)
        case UInt8(ascii: "n"): put(0x0A)
        case UInt8(ascii: "r"): put(0x0D)
        case UInt8(ascii: "t"): put(0x09)
        case UInt8(ascii: "u"):
          guard let (unit, _) = hex4(raw, at: index) else {
            put(backslash)
            put(escaped)
            continue
          }
          index += 4
          var scalar = unit
          if unit >= 0xD800 && unit <= 0xDBFF, index + 6 <= count, raw[index] == backslash,
            raw[index + 1] == UInt8(ascii: "u"), let (low, _) = hex4(raw, at: index + 2),
            low >= 0xDC00 && low <= 0xDFFF
          {
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            index += 6
          } else if unit >= 0xD800 && unit <= 0xDFFF {
            scalar = 0xFFFD
          }
          switch scalar {
          case 0..<0x80:
            put(UInt8(scalar))
          case 0x80..<0x800:
            put(UInt8(0xC0 | scalar >> 6))
            put(UInt8(0x80 | scalar & 0x3F))
          case 0x800..<0x10000:
            put(UInt8(0xE0 | scalar >> 12))
            put(UInt8(0x80 | scalar >> 6 & 0x3F))
            put(UInt8(0x80 | scalar & 0x3F))
          default:
            put(UInt8(0xF0 | scalar >> 18))
            put(UInt8(0x80 | scalar >> 12 & 0x3F))
            put(UInt8(0x80 | scalar >> 6 & 0x3F))
            put(UInt8(0x80 | scalar & 0x3F))
          }
        default:
          // `"`, `\`, `/` stand for themselves; an invalid escape is kept as written.
          if escaped != quote && escaped != backslash && escaped != UInt8(ascii: "/") {
            put(backslash)
          }
          put(escaped)
        }
      }
      return written
    }
  }

  // MARK: Numbers and literals

  /// Reads the integer that starts at `offset` (a `-` or a digit) and moves past it.
  ///
  /// Rejects leading zeros, `-0`, fractions, exponents and magnitudes above 2^53 - 1.
  @inline(__always)
  static func scanInteger(
    _ bytes: UnsafeRawBufferPointer, _ offset: inout Int
  ) throws(JSONParseError) -> Int64 {
    let start = offset
    let end = bytes.count
    var index = start
    var negative = false
    if index < end && bytes[index] == minus {
      negative = true
      index &+= 1
    }
    guard index < end else {
      throw JSONParseError(byteOffset: index, reason: .unexpectedEnd(expected: .digit))
    }
    let first = bytes[index] &- zero
    guard first < 10 else {
      throw JSONParseError(
        byteOffset: index, reason: .unexpectedByte(bytes[index], expected: .digit))
    }
    index &+= 1
    var value = Int64(first)
    if first == 0 {
      if index < end && bytes[index] &- zero < 10 {
        throw JSONParseError(byteOffset: start, reason: .leadingZero)
      }
    } else {
      // 2^53 - 1 has 16 digits; a 17th digit is out of range whatever it is.
      var digits = 1
      while index < end {
        let digit = bytes[index] &- zero
        guard digit < 10 else { break }
        guard digits < 16 else {
          throw JSONParseError(byteOffset: start, reason: .integerOutOfRange)
        }
        value = value &* 10 &+ Int64(digit)
        digits &+= 1
        index &+= 1
      }
    }
    if index < end {
      switch bytes[index] {
      case UInt8(ascii: "."):
        throw JSONParseError(byteOffset: index, reason: .fractionNotAllowed)
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        throw JSONParseError(byteOffset: index, reason: .exponentNotAllowed)
      default: break
      }
    }
    if value > JSONValue.integerMagnitudeMax {
      throw JSONParseError(byteOffset: start, reason: .integerOutOfRange)
    }
    if negative && value == 0 {
      throw JSONParseError(byteOffset: start, reason: .negativeZero)
    }
    offset = index
    return negative ? -value : value
  }

  /// Checks that `literal` (`true`, `false` or `null`) is at `offset` and moves past it.
  static func scanLiteral(
    _ bytes: UnsafeRawBufferPointer, _ offset: inout Int, _ literal: StaticString,
    canonical: Bool
  ) throws(JSONParseError) {
    let count = literal.utf8CodeUnitCount
    let text = literal.utf8Start
    for position in 0..<count {
      let index = offset + position
      guard index < bytes.count && bytes[index] == text[position] else {
        throw unexpected(
          bytes, at: index, expected: .text(literal.description), canonical: canonical)
      }
    }
    offset += count
  }

  // MARK: Skipping validated values

  /// Moves `offset` past the value that starts there, which must have been validated.
  ///
  /// Only looks for the end of the value; never reads out of bounds, whatever the bytes.
  static func skipValidated(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) {
    let end = bytes.count
    var index = offset
    guard index < end else { return }
    switch bytes[index] {
    case quote:
      index = endOfValidatedString(bytes, from: index)
    case openBrace, openBracket:
      var level = 0
      while index < end {
        let byte = bytes[index]
        if byte == quote {
          index = endOfValidatedString(bytes, from: index)
          continue
        }
        index += 1
        if byte == openBrace || byte == openBracket {
          level += 1
        } else if byte == closeBrace || byte == closeBracket {
          level -= 1
          if level == 0 { break }
        }
      }
    default:
      while index < end {
        let byte = bytes[index]
        if byte == comma || byte == closeBrace || byte == closeBracket { break }
        index += 1
      }
    }
    offset = index
  }

  /// The offset just past the closing quote of the validated string whose opening quote is at
  /// `start`, or the end of the input.
  static func endOfValidatedString(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
    let end = bytes.count
    var index = start + 1
    while index < end {
      let byte = bytes[index]
      if byte == quote { return index + 1 }
      index += byte == backslash ? 2 : 1
    }
    return end
  }

  /// Whether two ranges of `bytes` hold the same bytes.
  @inline(__always)
  static func rangesEqual(
    _ bytes: UnsafeRawBufferPointer, _ first: Range<Int>, _ second: Range<Int>
  ) -> Bool {
    guard first.count == second.count else { return false }
    var left = first.lowerBound
    var right = second.lowerBound
    let leftEnd = first.upperBound
    while left &+ 8 <= leftEnd {
      if bytes.loadUnaligned(fromByteOffset: left, as: UInt64.self)
        != bytes.loadUnaligned(fromByteOffset: right, as: UInt64.self)
      {
        return false
      }
      left &+= 8
      right &+= 8
    }
    while left < leftEnd {
      if bytes[left] != bytes[right] { return false }
      left &+= 1
      right &+= 1
    }
    return true
  }
}
