import CanonicalJSON

#if canImport(Glibc)
  import Glibc
#endif

/// One record line as the reader found it: parsed fields and byte ranges into the line.
///
/// A view, not a copy: the line's bytes are valid only inside the closure that received it.
/// `record()` makes an owned copy.
public struct RawRecord {
  /// The line's bytes, without its `\n`.
  public let line: UnsafeRawBufferPointer
  /// The line's number in the file, 1-based; the header is line 1, so record `seq` is on
  /// line `seq + 1`.
  public let lineNumber: Int
  /// Where the line starts in the file.
  public let byteOffset: Int64
  /// The record's position in the log, 1-based.
  public let seq: Int64
  /// When the writer recorded it.
  public let recorded: LogInstant
  /// The day it takes effect.
  public let effective: LogDay
  /// The `seq` of the record it corrects, if any.
  public let corrects: Int64?
  /// Its place in a batch (format v2): part `batchPart` of `batchParts`; 0 and 0 for a record
  /// that is not part of a marked batch.
  public var batchPart: Int64 = 0
  /// How many records its batch holds; 0 if it is not part of a marked batch.
  public var batchParts: Int64 = 0
  /// Where the batch key's 64 hex digits are (on the last part of a batch only).
  var batchKeyRange: Range<Int>? = nil
  let idRange: Range<Int>
  let typeRange: Range<Int>
  let streamRange: Range<Int>
  let byRange: Range<Int>
  let dataRange: Range<Int>
  let prevRange: Range<Int>

  /// The record id.
  public var id: String { decoded(idRange) }
  /// The record type.
  public var type: String { decoded(typeRange) }
  /// The stream.
  public var stream: String { decoded(streamRange) }
  /// Who recorded it.
  public var by: String { decoded(byRange) }
  /// The bytes of the `data` object, canonical JSON.
  public var data: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: line[dataRange]) }
  /// The 64 hex digits of `prev`, as ASCII bytes.
  public var prevHex: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: line[prevRange])
  }
  /// The raw (still escaped) bytes of the type string, for fast comparisons.
  public var rawType: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: line[typeRange])
  }
  /// The id's bytes as they stand in the line (UTF-8: a name holds no escapes).
  var rawID: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: line[idRange]) }
  /// The raw (still escaped) bytes of the stream string.
  public var rawStream: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: line[streamRange])
  }

  /// The batch key, on the last record of a marked batch (which commits it); nil otherwise.
  public var batchKey: SHA256Digest? {
    batchKeyRange.flatMap { range in
      SHA256Digest(
        hex: String(decoding: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self))
    }
  }

  /// The id's UTF-8 bytes, as stored (ids compare byte for byte).
  public var idBytes: [UInt8] { Array(rawID) }

  /// Whether the type is exactly `name` (which must need no escaping).
  public func typeIs(_ name: StaticString) -> Bool {
    JSONCursor.rawStringEquals(rawType, name)
  }

  /// An owned copy of this record.
  public func record() -> LogRecord {
    LogRecord(
      seq: seq, id: id, recorded: recorded, effective: effective, type: type, stream: stream,
      by: by, corrects: corrects, dataBytes: Array(data), line: Array(line))
  }

  private func decoded(_ range: Range<Int>) -> String {
    JSONCursor.decodeString(raw: UnsafeRawBufferPointer(rebasing: line[range]))
  }
}

/// An owned record read from a log.
public struct LogRecord: Sendable, Equatable {
  public let seq: Int64
  public let id: String
  public let recorded: LogInstant
  public let effective: LogDay
  public let type: String
  public let stream: String
  public let by: String
  public let corrects: Int64?
  /// The canonical bytes of the `data` object.
  public let dataBytes: [UInt8]
  /// The whole line as stored, without its `\n`.
  public let line: [UInt8]

  /// The `data` object, parsed.
  public var data: JSONObject {
    let value = dataBytes.withUnsafeBytes { try? JSONParser.parse($0, profile: .canonical) }
    return value?.objectValue ?? JSONObject()
  }

  /// The line as text.
  public var lineText: String { String(decoding: line, as: UTF8.self) }
}

/// What is wrong with one line, and where in the line.
public struct LineDefect: Error, Equatable, Sendable, CustomStringConvertible {
  /// The byte offset inside the line.
  public let byteOffsetInLine: Int
  /// What is wrong, in words.
  public let reason: String

  public var description: String { "at byte \(byteOffsetInLine) of the line: \(reason)" }
}

/// Parses record and header lines strictly: canonical JSON, keys in their one order.
enum RecordLineParser {
  /// Parses a record line; checks syntax and field formats, not its place in the chain.
  static func parse(
    _ line: UnsafeRawBufferPointer, lineNumber: Int, byteOffset: Int64
  ) throws(LineDefect) -> RawRecord {
    var cursor = JSONCursor(line)
    do {
      try cursor.expectBytes(#"{"seq":"#)
      let seqOffset = cursor.offset
      let seq = try cursor.readInteger()
      guard seq >= 1 else {
        throw LineDefect(byteOffsetInLine: seqOffset, reason: "seq \(seq) is below 1")
      }
      try expectPlain(&cursor, #","id":"#)
      let idRange = try nameRange(&cursor, in: line, field: "id")
      try expectPlain(&cursor, #","recorded":"#)
      let recordedOffset = cursor.offset
      // A valid instant holds only digits, '-', 'T', ':', '.' and 'Z': between two quotes
      // 24 bytes apart it is the whole string, so the string scan is not needed for it.
      let recorded: LogInstant
      if let range = quotedRange(cursor, count: 24),
        let value = LogInstant(ascii: UnsafeRawBufferPointer(rebasing: line[range]))
      {
        recorded = value
        cursor.offset = range.upperBound + 1
      } else {
        let recordedRange = try cursor.readStringRange()
        guard
          let value = LogInstant(ascii: UnsafeRawBufferPointer(rebasing: line[recordedRange]))
        else {
          throw LineDefect(
            byteOffsetInLine: recordedOffset,
            reason: "recorded is not a UTC instant of the form 2026-01-15T10:00:00.000Z")
        }
        recorded = value
      }
      try expectPlain(&cursor, #","effective":"#)
      let effectiveOffset = cursor.offset
      let effective: LogDay
      if let range = quotedRange(cursor, count: 10),
        let value = LogDay(ascii: UnsafeRawBufferPointer(rebasing: line[range]))
      {
        effective = value
        cursor.offset = range.upperBound + 1
      } else {
        let effectiveRange = try cursor.readStringRange()
        guard let value = LogDay(ascii: UnsafeRawBufferPointer(rebasing: line[effectiveRange]))
        else {
          throw LineDefect(
            byteOffsetInLine: effectiveOffset, reason: "effective is not a real day YYYY-MM-DD")
        }
        effective = value
      }
      try expectPlain(&cursor, #","type":"#)
      let typeRange = try nameRange(&cursor, in: line, field: "type")
      try expectPlain(&cursor, #","stream":"#)
      let streamRange = try nameRange(&cursor, in: line, field: "stream")
      try expectPlain(&cursor, #","by":"#)
      let byRange = try nameRange(&cursor, in: line, field: "by")
      var corrects: Int64?
      if cursor.offset + 12 <= line.count && line[cursor.offset + 2] == UInt8(ascii: "c") {
        try cursor.expectBytes(#","corrects":"#)
        let correctsOffset = cursor.offset
        let target = try cursor.readInteger()
        guard target >= 1, target < seq else {
          throw LineDefect(
            byteOffsetInLine: correctsOffset,
            reason: "corrects \(target) does not name an earlier record (1...\(seq - 1))")
        }
        corrects = target
      }
      var batchPart: Int64 = 0
      var batchParts: Int64 = 0
      var batchKeyRange: Range<Int>?
      if cursor.offset + 9 <= line.count && line[cursor.offset + 2] == UInt8(ascii: "p")
        && line[cursor.offset + 3] == UInt8(ascii: "a")
      {
        try cursor.expectBytes(#","part":"#)
        let partOffset = cursor.offset
        batchPart = try cursor.readInteger()
        try cursor.expectBytes(#","parts":"#)
        let partsOffset = cursor.offset
        batchParts = try cursor.readInteger()
        guard batchParts >= 1, batchParts <= Int64(Limits.batchRecordsMax) else {
          throw LineDefect(
            byteOffsetInLine: partsOffset,
            reason: "parts \(batchParts) is not a batch size (1...\(Limits.batchRecordsMax))")
        }
        guard batchPart >= 1, batchPart <= batchParts else {
          throw LineDefect(
            byteOffsetInLine: partOffset,
            reason: "part \(batchPart) is not a part of a batch of \(batchParts)")
        }
        if batchPart == batchParts {
          try cursor.expectBytes(#","batch":"#)
          let keyOffset = cursor.offset
          let range = try cursor.readStringRange()
          guard range.count == 64, isLowercaseHex(UnsafeRawBufferPointer(rebasing: line[range]))
          else {
            throw LineDefect(
              byteOffsetInLine: keyOffset,
              reason: "batch must be 64 lowercase hexadecimal digits (the batch key)")
          }
          batchKeyRange = range
        }
      }
      try expectPlain(&cursor, #","data":"#)
      let dataOffset = cursor.offset
      guard dataOffset < line.count, line[dataOffset] == UInt8(ascii: "{") else {
        throw LineDefect(byteOffsetInLine: dataOffset, reason: "data must be a JSON object")
      }
      let dataRange = try cursor.skipValue()
      try expectPlain(&cursor, #","prev":"#)
      let prevOffset = cursor.offset
      // 64 lowercase hex digits between two quotes are the whole string: no scan needed.
      let prevRange: Range<Int>
      if let range = quotedRange(cursor, count: 64),
        isLowercaseHex(UnsafeRawBufferPointer(rebasing: line[range]))
      {
        prevRange = range
        cursor.offset = range.upperBound + 1
      } else {
        prevRange = try cursor.readStringRange()
      }
      guard prevRange.count == 64, isLowercaseHex(UnsafeRawBufferPointer(rebasing: line[prevRange]))
      else {
        throw LineDefect(
          byteOffsetInLine: prevOffset, reason: "prev must be 64 lowercase hexadecimal digits")
      }
      try cursor.expect(UInt8(ascii: "}"))
      guard cursor.isAtEnd else {
        throw LineDefect(byteOffsetInLine: cursor.offset, reason: "bytes follow the record's end")
      }
      return RawRecord(
        line: line, lineNumber: lineNumber, byteOffset: byteOffset, seq: seq,
        recorded: recorded, effective: effective, corrects: corrects, batchPart: batchPart,
        batchParts: batchParts, batchKeyRange: batchKeyRange, idRange: idRange,
        typeRange: typeRange, streamRange: streamRange, byRange: byRange, dataRange: dataRange,
        prevRange: prevRange)
    } catch let defect as LineDefect {
      throw defect
    } catch let error as JSONParseError {
      throw LineDefect(byteOffsetInLine: error.byteOffset, reason: error.description)
    } catch {
      throw LineDefect(byteOffsetInLine: cursor.offset, reason: "\(error)")
    }
  }

  /// Parses the header line.
  static func parseHeader(_ line: UnsafeRawBufferPointer) throws(LineDefect) -> LogHeader {
    var cursor = JSONCursor(line)
    do {
      try cursor.expectBytes(#"{"format":"transition-log","version":"#)
      let versionOffset = cursor.offset
      let version = try cursor.readInteger()
      guard LogFormat.readableVersions.contains(version) else {
        throw LineDefect(
          byteOffsetInLine: versionOffset,
          reason: "format version \(version) is not supported; this tool reads versions"
            + " \(LogFormat.readableVersions.lowerBound) to \(LogFormat.readableVersions.upperBound)"
        )
      }
      try cursor.expectBytes(#","log":"#)
      let name = try cursor.readString()
      try cursor.expectBytes(#","created":"#)
      let createdOffset = cursor.offset
      let createdRange = try cursor.readStringRange()
      guard let created = LogInstant(ascii: UnsafeRawBufferPointer(rebasing: line[createdRange]))
      else {
        throw LineDefect(byteOffsetInLine: createdOffset, reason: "created is not a UTC instant")
      }
      try cursor.expect(UInt8(ascii: "}"))
      guard cursor.isAtEnd else {
        throw LineDefect(byteOffsetInLine: cursor.offset, reason: "bytes follow the header's end")
      }
      guard LogHeader.nameProblem(name) == nil else {
        throw LineDefect(byteOffsetInLine: 0, reason: LogHeader.nameProblem(name) ?? "")
      }
      return LogHeader(name: name, created: created, version: version)
    } catch let defect as LineDefect {
      throw defect
    } catch let error as JSONParseError {
      throw LineDefect(
        byteOffsetInLine: error.byteOffset,
        reason: "this is not a transition-log header (\(error))")
    } catch {
      throw LineDefect(byteOffsetInLine: cursor.offset, reason: "\(error)")
    }
  }

  /// Reads `literal` (which holds no bracket, so the nesting depth stays) by one `memcmp`;
  /// on a mismatch `JSONCursor.expectBytes` reports it exactly as it always has.
  @inline(__always)
  private static func expectPlain(
    _ cursor: inout JSONCursor, _ literal: StaticString
  ) throws(JSONParseError) {
    let count = literal.utf8CodeUnitCount
    if cursor.offset + count <= cursor.bytes.count,
      memcmp(cursor.bytes.baseAddress.unsafelyUnwrapped + cursor.offset, literal.utf8Start, count)
        == 0
    {
      cursor.offset += count
      return
    }
    try cursor.expectBytes(literal)
  }

  private static func nameRange(
    _ cursor: inout JSONCursor, in line: UnsafeRawBufferPointer, field: String
  ) throws -> Range<Int> {
    let start = cursor.offset
    var hasEscapes = false
    let range = try cursor.readStringRange(hasEscapes: &hasEscapes)
    guard !range.isEmpty else {
      throw LineDefect(byteOffsetInLine: start, reason: "\(field) must not be empty")
    }
    guard range.count <= Limits.nameBytesMax else {
      throw LineDefect(
        byteOffsetInLine: start, reason: "\(field) is longer than \(Limits.nameBytesMax) bytes")
    }
    guard !hasEscapes else {
      throw LineDefect(
        byteOffsetInLine: start,
        reason: "\(field) contains an escape; names hold no quotes, backslashes or controls")
    }
    return range
  }

  /// The `count` bytes between a quote at the cursor and a quote `count + 1` bytes later.
  ///
  /// Nil if there are no such quotes. The caller accepts them as the whole string only if it then finds nothing in them
  /// but bytes that stand unescaped in a canonical string and are not `"` (digits, letters,
  /// `-`, `:`, `.`); otherwise it scans the string the usual way, which reports any error.
  @inline(__always)
  private static func quotedRange(_ cursor: JSONCursor, count: Int) -> Range<Int>? {
    let start = cursor.offset
    let bytes = cursor.bytes
    guard start + count + 2 <= bytes.count, bytes[start] == UInt8(ascii: "\""),
      bytes[start + count + 1] == UInt8(ascii: "\"")
    else { return nil }
    return (start + 1)..<(start + 1 + count)
  }

  /// Whether every byte is 0-9 or a-f (eight bytes at a time).
  private static func isLowercaseHex(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      if !isLowercaseHexWord(word) { return false }
      offset += 8
    }
    while offset < bytes.count {
      let byte = bytes[offset]
      guard (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) else { return false }
      offset += 1
    }
    return true
  }

  /// Whether each of the eight bytes of `word` is 0-9 (0x30-0x39) or a-f (0x61-0x66).
  @inline(__always)
  private static func isLowercaseHexWord(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    guard word & highs == 0 else { return false }
    // Per byte (all below 0x80, so no carries cross bytes): x + (0x80 - low) sets the high
    // bit iff x >= low; x + (0x7F - high) sets it iff x > high.
    let atLeastDigit = word &+ ones &* (0x80 - 0x30)
    let aboveDigit = word &+ ones &* (0x7F - 0x39)
    let atLeastLetter = word &+ ones &* (0x80 - 0x61)
    let aboveLetter = word &+ ones &* (0x7F - 0x66)
    let digit = atLeastDigit & ~aboveDigit
    let letter = atLeastLetter & ~aboveLetter
    return (digit | letter) & highs == highs
  }
}

/// The header of a log: its name and when it was created.
public struct LogHeader: Sendable, Equatable {
  /// The log's name, which the checkpoint's origin line carries.
  public let name: String
  /// When the log was created.
  public let created: LogInstant
  /// The format version the log is written in (1 or 2); every append keeps it.
  public let version: Int64

  public init(name: String, created: LogInstant, version: Int64 = LogFormat.version) {
    self.name = name
    self.created = created
    self.version = version
  }

  /// Why `name` cannot name a log, or nil if it can.
  public static func nameProblem(_ name: String) -> String? {
    let allowed = name.utf8.allSatisfy { byte in
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
    if name.isEmpty || name.utf8.count > Limits.logNameBytesMax || !allowed {
      return "a log name is 1 to \(Limits.logNameBytesMax) characters of A-Z, a-z, 0-9, '.',"
        + " '-' and '_'; got \"\(name)\""
    }
    return nil
  }
}
